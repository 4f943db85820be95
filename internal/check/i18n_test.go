package check

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
)

// TestProblemsInChinese: every problem check finds in the malformed
// fixtures carries its message, which prints in English as its Message
// and in Chinese without an English word: the file's keys, paths and
// values (the message's text arguments) and the keys of a data file are
// data. The kinds of problem seen are counted, so a fixture that stops
// producing them is noticed.
func TestProblemsInChinese(t *testing.T) {
	_, probs, err := DirContext(context.Background(), "testdata/malformed")
	if err != nil {
		t.Fatal(err)
	}
	zh := i18n.NewPrinter(true)
	formats := map[string]bool{}
	for _, p := range probs {
		if p.Loc == nil {
			t.Errorf("%s: no message behind %q", p.Path, p.Message)
			continue
		}
		var walk func(m *i18n.Error)
		walk = func(m *i18n.Error) {
			formats[m.Format] = true
			for _, a := range m.Args {
				if m, ok := a.(*i18n.Error); ok {
					walk(m)
				}
			}
		}
		walk(p.Loc)
		if got := p.Localize(nil); got != p.String() {
			t.Errorf("English %q, String %q", got, p.String())
		}
		s := p.Localize(zh)
		if s == p.String() {
			t.Errorf("not in Chinese: %s", s)
		}
		data := append(i18ntest.Data(p.Loc), p.Path)
		data = append(data, i18ntest.NoticeKeys()...)
		data = append(data, "xianyou", "originals") // an example slug; config.toml's key
		if w := i18ntest.English(strings.TrimPrefix(s, p.Path), data...); len(w) > 0 {
			t.Errorf("English %q in the Chinese\n%s\n(English: %s)", w, s, p.Message)
		}
	}
	var fs []string
	for f := range formats {
		fs = append(fs, f)
	}
	sort.Strings(fs)
	if len(fs) < 20 {
		t.Errorf("only %d kinds of problem in the fixtures: %q", len(fs), fs)
	}
}
