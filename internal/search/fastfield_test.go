package search

import (
	"os"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// bleveCounts is what Bleve's cjk analyzer makes of s: its length and
// terms' frequencies.
func bleveCounts(s string) (int, map[string]int) {
	ts := Analyzer().Analyze([]byte(s))
	out := map[string]int{}
	for term, tf := range analysis.TokenFrequency(ts, nil, 0) {
		out[term] = tf.Frequency()
	}
	return len(ts), out
}

func sameCounts(t *testing.T, what, s string) bool {
	t.Helper()
	wantLen, want := bleveCounts(s)
	f := newTextField(FieldText, s, 0)
	f.Analyze()
	ok := f.AnalyzedLength() == wantLen && len(f.AnalyzedTokenFrequencies()) == len(want)
	for term, tf := range f.AnalyzedTokenFrequencies() {
		if want[term] != tf.Frequency() || string(tf.Term) != term {
			ok = false
		}
	}
	if !ok {
		got := map[string]int{}
		for term, tf := range f.AnalyzedTokenFrequencies() {
			got[term] = tf.Frequency()
		}
		t.Errorf("%s %.80q: length %d, want %d\n got  %v\n want %v", what, s, f.AnalyzedLength(), wantLen, got, want)
	}
	return ok
}

// TestTextFieldMatchesBleve checks the index builder's analysis against
// Bleve's analyzer on every document of a corpus and on the strings and
// characters the JavaScript is checked on.
func TestTextFieldMatchesBleve(t *testing.T) {
	c, err := searchtest.Mixed(40, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Docs(c) {
		if !sameCounts(t, d.ID, d.Text) {
			return
		}
	}
	seed, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(analysisCases, string(seed)) {
		sameCounts(t, "case", s)
	}
	var b strings.Builder
	for r := rune(0); r <= 0x2FFFF; r++ {
		if (r >= 0xD800 && r <= 0xDFFF) || (r >= 0x10000 && r%7 != 0) {
			continue
		}
		c := string(r)
		b.WriteString("a" + c + "b 1" + c + "2 中" + c + "文 " + c + c + "ｶ" + c + " " + c + "\u0301x ")
		if b.Len() > 4000 {
			if !sameCounts(t, "characters", b.String()) {
				return
			}
			b.Reset()
		}
	}
	sameCounts(t, "characters", b.String())
}
