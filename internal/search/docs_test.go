package search

import (
	"reflect"
	"sort"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// docsByCurrent is Docs as it was before it was made on all cores: from
// Corpus.Current.
func docsByCurrent(c *notice.Corpus) []Doc {
	byNotice := map[*notice.Notice][]notice.CurrentFinding{}
	for _, cf := range c.Current() {
		byNotice[cf.Notice] = append(byNotice[cf.Notice], cf)
	}
	var out []Doc
	for _, n := range c.Notices {
		fs := byNotice[n]
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Finding.Number < fs[j].Finding.Number })
		for _, cf := range fs {
			out = append(out, findingDoc(cf))
		}
		for _, k := range sectionKinds {
			if d, ok := sectionDoc(n, k); ok {
				out = append(out, d)
			}
		}
	}
	return out
}

// TestDocsIsCurrent: Docs gives the documents Corpus.Current gives, in
// the same order, also when later notices report the same findings again
// (a follow-up notice of the same inspection overwrites).
func TestDocsIsCurrent(t *testing.T) {
	c, err := searchtest.Mixed(40, 7)
	if err != nil {
		t.Fatal(err)
	}
	// A follow-up: a copy of some notices, later in the corpus, with the
	// same inspection and some of their findings (one twice).
	ns := append([]*notice.Notice(nil), c.Notices...)
	for i, n := range c.Notices {
		if i%7 != 3 || len(n.Findings) < 3 {
			continue
		}
		f := *n
		f.Signed = "2099-01-01"
		f.Findings = append([]notice.Finding{n.Findings[2], n.Findings[0]}, n.Findings[0])
		f.Findings[1].Title += "（复查）"
		ns = append(ns, &f)
	}
	followed := 0
	for _, d := range Docs(notice.NewCorpus(ns)) {
		if d.Kind == KindFinding && d.Notice.Signed == "2099-01-01" {
			followed++
		}
	}
	if followed == 0 {
		t.Fatal("no finding's current state from a follow-up notice")
	}
	for _, c := range []*notice.Corpus{c, notice.NewCorpus(ns), notice.NewCorpus(nil)} {
		got, want := Docs(c), docsByCurrent(c)
		if len(got) != len(want) {
			t.Fatalf("%d documents, want %d", len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("document %d: %+v, want %+v", i, got[i].ID, want[i].ID)
			}
		}
	}
}

// BenchmarkDocs lists the documents of the benchmarks' corpus with Docs
// (on all cores) and as before (on one core).
func BenchmarkDocs(b *testing.B) {
	c := benchCorpus(b)
	b.Run("docs", func(b *testing.B) {
		for b.Loop() {
			Docs(c)
		}
	})
	b.Run("current", func(b *testing.B) {
		for b.Loop() {
			docsByCurrent(c)
		}
	})
}
