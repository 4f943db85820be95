package notice_test

import (
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
	"github.com/gongshi/gongshi/internal/notice"
)

// TestRulesInChinese: each rule a notice breaks prints in Chinese
// without an English word, its field, keys and values excepted.
func TestRulesInChinese(t *testing.T) {
	n := &notice.Notice{
		Signed: "2024-01-02", Published: "2023-12-01", SourceURL: "ftp://x", Original: "../x.txt",
		Region:      notice.Region{Province: "示例省", ProvinceSlug: "Bad Slug", County: "示例县"},
		Inspection:  notice.Inspection{Start: "2024-05-01", End: "2024-04-01"},
		Unit:        notice.Unit{Kind: "ministry", Slug: "-x-"},
		Petitions:   notice.Petitions{Transferred: 1, Closed: 2, Pending: 3},
		Findings:    []notice.Finding{{Number: 0, Status: "fixed"}, {Number: 3}, {Number: 3}},
		Outstanding: []notice.Outstanding{{Number: 2, Finding: 9}},
		Stated:      notice.Stated{Problems: notice.IntP(5), Done: notice.IntP(2)},
	}
	errs := n.Validate()
	if len(errs) < 10 {
		t.Errorf("only %d rules broken: %v", len(errs), errs)
	}
	zh := i18n.NewPrinter(true)
	for _, e := range errs {
		s := e.Localize(zh)
		if s == e.Msg {
			t.Errorf("not in Chinese: %s", s)
		}
		data := append(i18ntest.Data(e.Message()), e.Field, "xianyou") // xianyou: the example slug
		if w := i18ntest.English(s, append(data, i18ntest.NoticeKeys()...)...); len(w) > 0 {
			t.Errorf("English %q in the Chinese %q (%s)", w, s, e.Msg)
		}
	}
	for _, d := range n.Disagreements() {
		if w := i18ntest.English(d.Localize(zh), "stated."+d.Field); len(w) > 0 || d.Localize(zh) == d.String() {
			t.Errorf("English %q in the Chinese %q (%s)", w, d.Localize(zh), d)
		}
	}
}
