package importer

import (
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPlanDeadline(t *testing.T) {
	for _, c := range []struct {
		in, want string
		date     notice.Date
	}{
		{"正在推进，计划于2025年12月底前完成", "计划于2025年12月底前完成", "2025-12-31"},
		{"整改中，预计2026年6月前整改到位。", "预计2026年6月前整改到位", "2026-06-30"},
		{"正在整改，力争在２０２５年底前完成", "力争在２０２５年底前完成", "2025-12-31"},
		{"已完成整改。", "", ""},
		{"正在推进，计划年底前完成", "", ""},        // no year: no date to read
		{"正在整改中，2025年3月召开专题会议", "", ""}, // a date, but no plan
		{"计划于2025年2月30日前完成", "", ""},    // no such day
		{"正在推进，计划于2025年12月底前完成，并长期坚持", "计划于2025年12月底前完成", "2025-12-31"}, // the clause only
	} {
		got := PlanDeadline(c.in)
		if got != c.want {
			t.Errorf("PlanDeadline(%q) = %q, want %q", c.in, got, c.want)
		}
		if got != "" && DeadlineDate(got) != c.date {
			t.Errorf("DeadlineDate(%q) = %q, want %q", got, DeadlineDate(got), c.date)
		}
	}
}

// A finding with no 完成时限 of its own whose status names the date its
// work is planned to be done by takes that as its deadline, in the
// status's words; one with a 完成时限 keeps it.
func TestPlanDateIsTheDeadline(t *testing.T) {
	body := "(1)题一。问题一。\n整改情况:措施。目前正在整改中，计划于2025年12月底前完成。\n" +
		"(2)题二。问题二。\n完成时限:2025年6月\n整改情况:措施。目前正在整改中，计划于2025年12月底前完成。\n"
	r, err := Parse("plan.txt", []byte(tiny(body)))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notice.Findings) != 2 {
		t.Fatalf("%d findings, want 2", len(r.Notice.Findings))
	}
	for i, want := range []struct {
		text string
		date notice.Date
	}{{"计划于2025年12月底前完成", "2025-12-31"}, {"2025年6月", "2025-06-30"}} {
		f := r.Notice.Findings[i]
		if f.Status != notice.StatusInProgress || f.StatusText != "正在整改中，计划于2025年12月底前完成" {
			t.Errorf("finding %d: status %q (%q), want in progress, its words with the plan", i+1, f.Status, f.StatusText)
		}
		if f.DeadlineText != want.text || f.Deadline != want.date {
			t.Errorf("finding %d: deadline %q (%q), want %q (%q); status %q", i+1, f.DeadlineText, f.Deadline, want.text, want.date, f.StatusText)
		}
	}
}
