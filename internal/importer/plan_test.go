package importer

import (
	"strings"
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

// A layout written by hand for the hook's check, which no fixture and no
// generator dimension had: aspects headed 第N部分 (the stated 3个方面 are
// its categories), findings labelled 问题一：, their rectification and
// status under 整改措施： and 整改结果：, and a plan date after the labelled
// status words (its deadline, the words left in the rectification).
func TestPartsAndLabelledPlan(t *testing.T) {
	text := "中共示例县样本镇0007委员会关于巡察整改进展情况的通报\n\n" +
		"2024年3月4日至4月20日，县委第三巡察组对样本镇0007党委开展了常规巡察。2024年6月5日，县委第三巡察组向样本镇0007党委反馈了巡察意见，共指出3个方面5个问题。现将整改进展情况通报如下。\n\n" +
		"第一部分 贯彻落实党的路线方针政策方面\n\n" +
		"问题一：理论学习中心组学习流于形式。\n整改措施：制定年度学习计划。\n整改结果：已完成。\n\n" +
		"问题二：示例村道路硬化工程延期8个月。\n整改措施：成立专班，倒排工期。\n整改结果：正在整改，计划于2025年6月底前完成。\n\n" +
		"第二部分 全面从严治党方面\n\n" +
		"问题三：公务接待管理不规范。\n整改措施：修订接待管理办法。\n整改结果：已完成。\n\n" +
		"问题四：村级财务审核把关不严。\n整改措施：开展专项检查，计划于2025年3月底前完成培训。\n整改结果：已完成。\n\n" +
		"第三部分：基层党组织建设方面\n\n" +
		"问题五：党员发展程序不规范。\n整改措施：逐一核查补正。\n整改结果：已完成。\n\n" +
		"中共示例县样本镇0007委员会\n2024年12月2日\n"
	r, err := Parse("parts.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Notice.Unplaced {
		t.Errorf("unplaced: %+v", l)
	}
	want := []struct {
		cat              int
		category         string
		deadline         string
		date             notice.Date
		rectificationEnd string
	}{
		{1, "贯彻落实党的路线方针政策方面", "", "", "制定年度学习计划。"},
		{1, "贯彻落实党的路线方针政策方面", "计划于2025年6月底前完成", "2025-06-30", "计划于2025年6月底前完成。"},
		{2, "全面从严治党方面", "", "", "修订接待管理办法。"},
		{2, "全面从严治党方面", "", "", "计划于2025年3月底前完成培训。"}, // a measure's plan is not the deadline
		{3, "基层党组织建设方面", "", "", "逐一核查补正。"},
	}
	if len(r.Notice.Findings) != len(want) {
		t.Fatalf("%d findings, want %d", len(r.Notice.Findings), len(want))
	}
	for i, w := range want {
		f := r.Notice.Findings[i]
		if f.CategoryNo != w.cat || f.Category != w.category || f.DeadlineText != w.deadline || f.Deadline != w.date || !strings.HasSuffix(f.Rectification, w.rectificationEnd) {
			t.Errorf("finding %d: category %d %q, deadline %q (%q), rectification %q; want %d %q, %q (%q), …%q",
				i+1, f.CategoryNo, f.Category, f.DeadlineText, f.Deadline, f.Rectification, w.cat, w.category, w.deadline, w.date, w.rectificationEnd)
		}
	}
}
