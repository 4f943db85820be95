package importer

import (
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// A sentence after the last of several findings states their status
// together (以上2个问题已整改完成。): it is the status of the findings it
// covers whose own text states none.
func TestGroupStatus(t *testing.T) {
	for _, c := range []struct {
		line   string
		count  int
		status notice.Status
		text   string
		ok     bool
	}{
		{"以上2个问题已整改完成。", 2, notice.StatusDone, "以上2个问题已整改完成", true},
		{"上述问题均已整改到位。", 0, notice.StatusDone, "上述问题均已整改到位", true},
		{"以上问题已全部完成整改。", 0, notice.StatusDone, "以上问题已全部完成整改", true},
		{"以上两个问题正在整改中。", 2, notice.StatusInProgress, "以上两个问题正在整改中", true},
		{"以上三项问题，均未整改。", 3, notice.StatusNotStarted, "以上三项问题，均未整改", true},
		{"以上３项已完成整改。", 3, notice.StatusDone, "以上３项已完成整改", true},
		{"上述问题正在整改，计划于2025年6月底前完成。", 0, notice.StatusInProgress, "上述问题正在整改，计划于2025年6月底前完成", true},
		// not a status of findings
		{"以上整改措施已完成。", 0, "", "", false},
		{"上述措施已全部落实。", 0, "", "", false},
		{"以上问题要引起高度重视。", 0, "", "", false},
		{"以上2个问题的整改情况如下。", 0, "", "", false},
		{"已整改完成。", 0, "", "", false},
	} {
		count, f, ok := groupStatus(c.line)
		if ok != c.ok || ok && (count != c.count || f.Status != c.status || f.Text != c.text) {
			t.Errorf("%s: %v %d %q %q, want %v %d %q %q", c.line, ok, count, f.Status, f.Text, c.ok, c.count, c.status, c.text)
		}
	}
}

func TestGroupStatusInNotice(t *testing.T) {
	pre := "根据县委统一部署，2024年3月11日至5月10日，县委第四巡察组对样本街道党工委进行了常规巡察。2024年6月20日，巡察组向样本街道党工委反馈了巡察意见。现将整改进展情况公布如下。\n"
	for _, c := range []struct {
		name, body string
		want       []notice.Status
		texts      []string // the status texts, "" where the finding's own
		warn       string
	}{
		{"a sentence after each heading's findings",
			"一、学习方面\n问题1：学习不深入。学习流于形式。\n整改措施：制定计划。\n问题2：研讨不够。研讨发言质量不高。\n整改措施：每季度研讨。\n以上2个问题已整改完成。\n" +
				"二、纪律方面\n问题3：用车不规范。登记不全。\n整改措施：一车一档。\n上述问题正在整改。\n",
			[]notice.Status{notice.StatusDone, notice.StatusDone, notice.StatusInProgress},
			[]string{"以上2个问题已整改完成", "以上2个问题已整改完成", "上述问题正在整改"}, ""},
		{"a finding's own status wins; the count limits the cover",
			"一、学习方面\n问题1：学习不深入。学习流于形式。\n整改进展：正在整改。\n问题2：研讨不够。研讨发言质量不高。\n整改措施：每季度研讨。\n问题3：记录不全。会议记录缺失。\n整改措施：规范记录。\n以上1个问题已整改完成。\n",
			[]notice.Status{notice.StatusInProgress, notice.StatusUnstated, notice.StatusDone},
			[]string{"正在整改", "", "以上1个问题已整改完成"}, ""},
		{"after a finding with no rectification: the sentence is not its problem",
			"一、学习方面\n问题1：学习不深入。学习流于形式。\n整改措施：制定计划。\n问题2：研讨不够。研讨发言质量不高。\n上述问题均已整改到位。\n",
			[]notice.Status{notice.StatusDone, notice.StatusDone},
			[]string{"上述问题均已整改到位", "上述问题均已整改到位"}, ""},
		{"a count larger than the heading's findings",
			"一、学习方面\n问题1：学习不深入。学习流于形式。\n整改措施：制定计划。\n以上3个问题已整改完成。\n",
			[]notice.Status{notice.StatusDone},
			[]string{"以上3个问题已整改完成"}, "the sentence counts 3 findings, but 1 come before it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "示例县样本街道关于巡察整改进展情况的通报\n" + pre + c.body + "\n中共示例县样本街道工作委员会\n2024年12月10日\n"
			r, err := Parse("group.txt", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			fs := r.Notice.Findings
			if len(fs) != len(c.want) {
				t.Fatalf("%d findings, want %d", len(fs), len(c.want))
			}
			for i, f := range fs {
				if f.Status != c.want[i] || f.StatusText != c.texts[i] {
					t.Errorf("finding %d: %s %q, want %s %q", i+1, f.Status, f.StatusText, c.want[i], c.texts[i])
				}
			}
			// the sentence stays in the text, where the notice put it: the
			// last finding's rectification, never its problem
			last := fs[len(fs)-1]
			if c.texts[len(c.texts)-1] != "" && (!strings.Contains(last.Rectification, c.texts[len(c.texts)-1]) || strings.Contains(last.Problem, c.texts[len(c.texts)-1])) {
				t.Errorf("the sentence is not in the last finding's rectification %q (problem %q)", last.Rectification, last.Problem)
			}
			warned := false
			for _, w := range r.Warnings {
				warned = warned || c.warn != "" && strings.Contains(w.Message().Error(), c.warn)
			}
			if c.warn != "" && !warned {
				t.Errorf("no warning %q in %v", c.warn, r.Warnings)
			}
		})
	}
}

// A plan with no word of planning, right after a labelled status, is the
// deadline (整改进展：正在整改，2025年6月底前完成); elsewhere it is not.
func TestBarePlan(t *testing.T) {
	for _, c := range []struct {
		s    string
		lead bool
		want string
	}{
		{"2025年6月底前完成。", true, "2025年6月底前完成"},
		{"于2025年底前整改到位。", true, "于2025年底前整改到位"},
		{"将于2025年12月底前完成。", true, "将于2025年12月底前完成"},
		{"将于2025年12月底前完成。", false, "将于2025年12月底前完成"},
		{"2025年6月底前完成。", false, ""},
		{"已于2024年6月底前完成整改。", true, ""},
		{"对2022年以来工程项目全面排查。", true, ""},
		{"开展排查，2025年6月底前完成。", true, ""},
	} {
		if got := planDeadline(c.s, c.lead); got != c.want {
			t.Errorf("planDeadline(%q, %v) = %q, want %q", c.s, c.lead, got, c.want)
		}
	}
}

// The last finding, one paragraph whose last sentence is its status, is
// whole when the notice's closing words follow it (欢迎…监督): its status
// is read as for the findings before it.
func TestLastFindingBeforeClosing(t *testing.T) {
	src := "示例县样本乡关于巡察整改进展情况的通报\n" +
		"2024年3月11日至5月10日，县委第四巡察组对样本乡党委进行了常规巡察。2024年6月20日，巡察组向样本乡党委反馈了巡察意见。\n" +
		"1.学习不深入。学习流于形式。制定学习计划。目前，该问题已整改。\n" +
		"2.研讨不够。研讨发言质量不高。每季度研讨。目前，该问题正在整改。\n" +
		"欢迎广大干部群众对巡察整改工作进行监督。联系电话：0000-6543210。\n" +
		"中共示例县样本乡委员会\n2024年12月10日\n"
	r, err := Parse("closing.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []notice.Status
	for _, f := range r.Notice.Findings {
		got = append(got, f.Status)
	}
	if len(got) != 2 || got[0] != notice.StatusDone || got[1] != notice.StatusInProgress {
		t.Errorf("statuses %v, want [done in_progress]", got)
	}
	if !strings.HasPrefix(r.Notice.NextPlan, "欢迎广大干部群众") {
		t.Errorf("closing text %q", r.Notice.NextPlan)
	}
}
