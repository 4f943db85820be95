package importer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// Issue 18, "Labels anywhere", "References", "The structure is chosen by
// evidence" and the dated sentence: each case of the issue's list has a
// test of its own here. Names are fictitious (示例县, 样本镇0001).

func TestSplitLabels(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string // kind|label|text
	}{
		{"one paragraph per finding", "问题1：理论学习不深入。中心组学习流于形式。整改情况：已完成。一是制定计划；二是规范记录。",
			[]string{"||问题1：理论学习不深入。中心组学习流于形式。", "status|整改情况：|已完成。一是制定计划；二是规范记录。"}},
		{"measures in the middle, status last", "1.学习不深入。记录不全。整改措施：制定计划。目前，该问题已整改到位。",
			[]string{"||1.学习不深入。记录不全。", "measures|整改措施：|制定计划。目前，该问题已整改到位。"}},
		{"every field", "存在问题：台账不全。整改措施：重新登记。整改情况：正在整改。责任单位：镇财政所。整改时限：2025年6月底前。",
			[]string{"problem|存在问题：|台账不全。", "measures|整改措施：|重新登记。", "status|整改情况：|正在整改。", "responsible|责任单位：|镇财政所。", "deadline|整改时限：|2025年6月底前。"}},
		{"bracketed labels, half-width colon", "(1)题。问题。【整改措施】措施。【完成情况】已完成。",
			[]string{"||(1)题。问题。", "measures|【整改措施】|措施。", "status|【完成情况】|已完成。"}},
		{"longest word first", "题。整改进展情况:基本完成。",
			[]string{"||题。", "status|整改进展情况:|基本完成。"}},
		{"a label word inside a sentence is not a label", "未按要求落实整改措施，整改情况不佳。",
			[]string{"||未按要求落实整改措施，整改情况不佳。"}},
		{"下一步措施: is not 措施:", "原因是经费不足。下一步措施：争取资金。",
			[]string{"||原因是经费不足。下一步措施：争取资金。"}},
		{"bare 问题: splits only after a rectification", "题。问题：甲。整改情况：已完成。问题：乙。",
			[]string{"||题。问题：甲。", "status|整改情况：|已完成。", "problem|问题：|乙。"}},
		{"问题描述: splits anywhere", "1.标题。问题描述：描述。",
			[]string{"||1.标题。", "problem|问题描述：|描述。"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			segs := SplitLabels(c.in)
			var got []string
			var joined strings.Builder
			for _, s := range segs {
				got = append(got, string(s.Kind)+"|"+s.Label+"|"+s.Text)
				joined.WriteString(s.Label + s.Text)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("segments\n %q\nwant\n %q", got, c.want)
			}
			if joined.String() != c.in {
				t.Errorf("the segments joined are %q, not the paragraph", joined.String())
			}
		})
	}
}

func TestNumberingGrammar(t *testing.T) {
	for _, c := range []struct {
		in, style, label string
		num              int
		ref              bool
	}{
		{"问题1：标题。", "问题1", "问题1：", 1, false},
		{"问题１．标题。", "问题1", "问题１．", 1, false},
		{"问题十二、标题。", "问题1", "问题十二、", 12, false},
		{"问题（3）标题。", "问题1", "问题（3）", 3, false},
		{"问题⑤ 标题。", "问题1", "问题⑤ ", 5, false},
		{"【问题2】标题。", "【问题1】", "【问题2】", 2, false},
		{"【问题二】：标题。", "【问题1】", "【问题二】：", 2, false},
		{"第3个问题：标题。", "第1个问题", "第3个问题：", 3, false},
		{"第三个问题 标题。", "第1个问题", "第三个问题 ", 3, false},
		{"第4点：标题。", "第1点", "第4点：", 4, false},
		{"第五项、标题。", "第1项", "第五项、", 5, false},
		{"巡察反馈第4个问题：标题。", "第1个问题", "巡察反馈第4个问题：", 4, true},
		{"县委巡察二组反馈第11点：标题。", "第1点", "县委巡察二组反馈第11点：", 11, true},
		{"关于巡察反馈第4点乡村规划编制滞后问题。", "第1点", "", 4, true},
		{"第一，标题。", "第1,", "第一，", 1, false},
		{"第十二、标题。", "第1,", "第十二、", 12, false},
		{"第3，标题。", "第1,", "第3，", 3, false},
		{"1：标题。", "1.", "1：", 1, false},
		{"⒊标题。", "1.", "⒊", 3, false},
		{"十一：标题。", "一、", "十一：", 11, false},
		{"（1）标题。", "(1)", "（1）", 1, false},
		{"⑴标题。", "(1)", "⑴", 1, false},
		{"③标题。", "①", "③", 3, false},
		{"第一部分 贯彻落实党的路线方针政策方面", "第1部分", "第一部分 ", 1, false},
		{"第二部分：全面从严治党方面", "第1部分", "第二部分：", 2, false},
	} {
		nb, ok := NumberingOf(newText(c.in))
		if !ok || nb.Style != c.style || nb.Label != c.label || nb.Num != c.num || nb.Ref != c.ref || nb.Label+nb.Rest != c.in && nb.Rest != c.in {
			t.Errorf("%q: %+v %v, want style %q label %q num %d ref %v", c.in, nb, ok, c.style, c.label, c.num, c.ref)
		}
	}
	for _, in := range []string{"问题线索移交情况。", "第一项工作已完成。", "10:30召开会议。", "1.5万元已清退。", "问题12个已整改。", "关于第4点的说明。", "【整改措施】措施。", "【责任单位】镇党政办", "第一书记，负责整改。", "第一次会议，研究部署。", "第一部分内容已整改。"} {
		if nb, ok := NumberingOf(newText(in)); ok {
			t.Errorf("%q read as numbered: %+v", in, nb)
		}
	}
}

// issueNotice is a notice around findings, with a preamble that may state
// totals.
func issueNotice(preamble, findings string) string {
	return "中共样本镇0001委员会关于巡察整改进展情况的通报\n" + preamble + "\n" +
		"一、整改工作开展情况\n镇党委高度重视巡察整改工作。\n二、反馈问题整改情况\n" + findings +
		"中共样本镇0001委员会\n2024年12月2日\n"
}

const issuePreamble = "根据示例县委统一部署，2023年7月3日至8月18日，县委第二巡察组对样本镇0001党委开展了巡察，并于2024年1月16日反馈了巡察意见。现将整改进展情况予以公布。"

// wantFinding is what a test expects of a finding: number, label, title,
// problem, status text, rectification (a prefix of it), responsible and
// deadline.
type wantFinding struct {
	num                                 int
	label, title, problem, status, rect string
	responsible, deadline               string
	st                                  notice.Status
	category                            int
}

func checkFindings(t *testing.T, got []notice.Finding, want []wantFinding) {
	t.Helper()
	if len(got) != len(want) {
		for _, f := range got {
			t.Logf("read: %d %q %q %q", f.Number, f.Label, f.Title, f.StatusText)
		}
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Number != w.num || g.Label != w.label || g.Title != w.title || g.Problem != w.problem ||
			g.StatusText != w.status || g.Status != w.st || !strings.HasPrefix(g.Rectification, w.rect) ||
			g.Responsible != w.responsible || g.DeadlineText != w.deadline || g.CategoryNo != w.category {
			t.Errorf("finding %d:\n got %d %q cat %d title %q problem %q status %q %q rect %q resp %q deadline %q\nwant %d %q cat %d title %q problem %q status %q %q rect %q… resp %q deadline %q",
				i+1, g.Number, g.Label, g.CategoryNo, g.Title, g.Problem, g.Status, g.StatusText, g.Rectification, g.Responsible, g.DeadlineText,
				w.num, w.label, w.category, w.title, w.problem, w.st, w.status, w.rect, w.responsible, w.deadline)
		}
	}
}

func TestIssue18Cases(t *testing.T) {
	done, prog := notice.StatusDone, notice.StatusInProgress
	for _, c := range []struct {
		name string
		text string
		want []wantFinding
		refs bool
	}{
		{"one paragraph per finding: 问题N:标题。描述。整改情况:…", issueNotice(issuePreamble,
			"（一）党的建设方面\n"+
				"问题1：理论学习不深入。中心组学习流于形式。整改情况：已完成。一是制定学习计划；二是规范会议记录。\n"+
				"问题2：组织生活不规范。三会一课落实不到位。整改情况：正在整改。已开展专项检查。\n"+
				"（二）全面从严治党方面\n"+
				"问题3：公务接待不规范。存在超标准接待。整改措施：制定接待办法。整改情况：已整改到位。\n"),
			[]wantFinding{
				{num: 1, title: "理论学习不深入", problem: "中心组学习流于形式。", status: "已完成", st: done, rect: "一是制定学习计划", category: 1},
				{num: 2, title: "组织生活不规范", problem: "三会一课落实不到位。", status: "正在整改", st: prog, rect: "已开展专项检查。", category: 1},
				{num: 3, title: "公务接待不规范", problem: "存在超标准接待。", status: "已整改到位", st: done, rect: "制定接待办法。", category: 2},
			}, false},
		{"a village notice written by hand: no sections, 问题N:", "样本村党支部关于巡察整改情况的公示\n" +
			"2024年6月12日，样本镇0001党委第一巡察组反馈了2个问题。现将整改情况公示如下。\n" +
			"问题1：村务公开不及时。公开栏长期未更新。整改情况：已完成。已按季度更新。\n" +
			"问题2：三资管理不规范。台账不全。整改情况：正在整改。已重新登记。\n" +
			"样本村党支部\n2024年9月1日\n",
			[]wantFinding{
				{num: 1, title: "村务公开不及时", problem: "公开栏长期未更新。", status: "已完成", st: done, rect: "已按季度更新。"},
				{num: 2, title: "三资管理不规范", problem: "台账不全。", status: "正在整改", st: prog, rect: "已重新登记。"},
			}, false},
		{"labels inside one paragraph: 整改措施: in the middle, the status its last sentence", issueNotice(issuePreamble,
			"1.学习不够深入。学习计划不完善。整改措施：制定年度学习计划。目前，该问题已整改到位。\n"+
				"2.研判不到位。未定期研判。整改措施：每半年研判一次。目前，该问题正在整改中。\n"),
			[]wantFinding{
				{num: 1, title: "学习不够深入", problem: "学习计划不完善。", status: "已整改到位", st: done, rect: "制定年度学习计划。目前，该问题已整改到位。"},
				{num: 2, title: "研判不到位", problem: "未定期研判。", status: "正在整改中", st: prog, rect: "每半年研判一次。"},
			}, false},
		{"the status the paragraph's last sentence, no label at all", issueNotice(issuePreamble,
			"1.学习不够深入。学习计划不完善。目前，该问题已整改到位。\n"+
				"2.研判不到位。未定期研判。目前，该问题正在整改中。\n"),
			[]wantFinding{
				{num: 1, title: "学习不够深入", problem: "学习计划不完善。", status: "已整改到位", st: done, rect: "目前，该问题已整改到位。"},
				{num: 2, title: "研判不到位", problem: "未定期研判。", status: "正在整改中", st: prog, rect: "目前，该问题正在整改中。"},
			}, false},
		{"the status in brackets after the title", issueNotice(issuePreamble,
			"1.学习不够深入（已完成）。学习计划不完善。\n【整改措施】制定年度学习计划。\n"+
				"2.研判不到位（正在整改）。未定期研判。\n【整改措施】每半年研判一次。\n"),
			[]wantFinding{
				{num: 1, title: "学习不够深入", problem: "学习计划不完善。", status: "已完成", st: done, rect: "制定年度学习计划。"},
				{num: 2, title: "研判不到位", problem: "未定期研判。", status: "正在整改", st: prog, rect: "每半年研判一次。"},
			}, false},
		{"labelled paragraphs with no number: 存在问题: / 整改措施: / 整改情况: / 责任单位: / 整改时限:", issueNotice(issuePreamble,
			"存在问题：村级财务管理混乱，部分村账目不清。\n整改措施：聘请第三方审计。\n整改情况：正在整改。\n责任单位：镇财政所\n整改时限：2025年6月底前\n"+
				"存在问题：公务接待不规范。\n整改措施：制定接待办法。\n整改情况：已完成。\n责任单位：镇党政办\n整改时限：2024年6月底前\n"),
			[]wantFinding{
				{num: 1, title: "村级财务管理混乱，部分村账目不清", status: "正在整改", st: prog, rect: "", responsible: "镇财政所", deadline: "2025年6月底前"},
				{num: 2, title: "公务接待不规范", status: "已完成", st: done, rect: "", responsible: "镇党政办", deadline: "2024年6月底前"},
			}, false},
		{"a numbered title, then 问题描述: on its own line", issueNotice(issuePreamble,
			"1.学习不够深入\n问题描述：学习计划不完善。\n整改措施：制定计划。\n整改情况：已完成。\n"+
				"2.研判不到位\n问题描述：未定期研判。\n整改措施：每半年研判一次。\n整改情况：已完成。\n"),
			[]wantFinding{
				{num: 1, title: "学习不够深入", problem: "学习计划不完善。", status: "已完成", st: done, rect: "制定计划。"},
				{num: 2, title: "研判不到位", problem: "未定期研判。", status: "已完成", st: done, rect: "每半年研判一次。"},
			}, false},
		{"a later notice names the findings by the first notice's numbers: 巡察反馈第N个问题", "中共样本镇0001委员会关于巡察整改进展情况的通报\n" +
			"县委第二巡察组于2023年7月3日至8月18日对样本镇0001党委开展了巡察，并于2024年1月16日反馈了巡察意见。现将尚未完成整改问题的进展情况公布如下。\n" +
			"巡察反馈第4个问题：乡村规划编制滞后。仅2个村完成入库。\n整改进展：已完成。规划已全部入库。\n" +
			"巡察反馈第11个问题：信访问题比较突出。越级访未化解。\n整改进展：正在整改。已化解4件。\n" +
			"中共样本镇0001委员会\n2025年6月30日\n",
			[]wantFinding{
				{num: 4, title: "乡村规划编制滞后", problem: "仅2个村完成入库。", status: "已完成", st: done, rect: "规划已全部入库。"},
				{num: 11, title: "信访问题比较突出", problem: "越级访未化解。", status: "正在整改", st: prog, rect: "已化解4件。"},
			}, true},
		{"a later notice: 1.关于巡察反馈第N点…问题 (as the bundled notice's 四、 writes)", issueNotice(issuePreamble,
			"1.关于巡察反馈第4点乡村规划编制滞后问题。仅2个村完成入库。\n整改情况：已完成。规划已全部入库。\n"+
				"2.关于巡察反馈第59点审计问题整改不扎实问题。尚有10个问题未整改到位。\n整改情况：正在整改。已整改7个。\n"),
			[]wantFinding{
				{num: 4, label: "1.", title: "关于巡察反馈第4点乡村规划编制滞后问题", problem: "仅2个村完成入库。", status: "已完成", st: done, rect: "规划已全部入库。"},
				{num: 59, label: "2.", title: "关于巡察反馈第59点审计问题整改不扎实问题", problem: "尚有10个问题未整改到位。", status: "正在整改", st: prog, rect: "已整改7个。"},
			}, true},
		{"一、 paragraphs are the findings, in a notice with no sections", "中共样本镇0001委员会关于巡察整改进展情况的通报\n" + issuePreamble + "\n" +
			"一、公车使用登记不严。台账登记不及时。\n整改情况：已整改。规范登记。\n" +
			"二、隐患排查不深入。跟踪督促不够。\n整改情况：正在整改。开展专项检查。\n" +
			"中共样本镇0001委员会\n2024年12月2日\n",
			[]wantFinding{
				{num: 1, title: "公车使用登记不严", problem: "台账登记不及时。", status: "已整改", st: done, rect: "规范登记。"},
				{num: 2, title: "隐患排查不深入", problem: "跟踪督促不够。", status: "正在整改", st: prog, rect: "开展专项检查。"},
			}, false},
		{"一、标题（已整改） headings are the findings, with their status in brackets", "中共样本镇0001委员会关于巡察整改进展情况的通报\n" + issuePreamble + "\n" +
			"一、年轻干部培养力度不足（已整改）\n整改措施：建立工作台账。\n" +
			"二、决策程序不严格（持续整改）\n整改措施：规范会议记录。\n" +
			"中共样本镇0001委员会\n2024年12月2日\n",
			[]wantFinding{
				{num: 1, title: "年轻干部培养力度不足", status: "已整改", st: done, rect: "建立工作台账。"},
				{num: 2, title: "决策程序不严格", status: "持续整改", st: prog, rect: "规范会议记录。"},
			}, false},
		{"一、关于…方面的问题 categories, the rectification a paragraph ending with its status", "中共样本镇0001委员会关于巡察整改进展情况的通报\n" + issuePreamble + "\n" +
			"一、关于“基层党组织建设”方面的问题\n" +
			"1.公务接待管理不规范。制度执行打折扣。\n建立定期通报机制。目前，该问题已整改。\n" +
			"2.信访矛盾化解不力。结合不紧密。\n开展提醒谈话。目前，该问题正在整改。\n" +
			"中共样本镇0001委员会\n2024年12月2日\n",
			[]wantFinding{
				{num: 1, title: "公务接待管理不规范", problem: "制度执行打折扣。", status: "已整改", st: done, rect: "建立定期通报机制。目前，该问题已整改。", category: 1},
				{num: 2, title: "信访矛盾化解不力", problem: "结合不紧密。", status: "正在整改", st: prog, rect: "开展提醒谈话。目前，该问题正在整改。", category: 1},
			}, false},
		{"a finding table's fields in the paragraph: 责任单位: 整改时限:", issueNotice(issuePreamble,
			"（1）财务管理混乱。账目不清。整改情况：正在整改。已聘请第三方审计。责任单位：镇财政所。整改时限：2025年6月底前。\n"),
			[]wantFinding{
				{num: 1, title: "财务管理混乱", problem: "账目不清。", status: "正在整改", st: prog, rect: "已聘请第三方审计。", responsible: "镇财政所。", deadline: "2025年6月底前。"},
			}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, form := range []struct {
				name string
				data []byte
			}{
				{"issue18.txt", []byte(c.text)},
				{"issue18.html", htmlPage(c.text)},
				{"issue18.docx", docxOf(t, strings.Split(strings.TrimRight(c.text, "\n"), "\n"), nil)},
			} {
				r, err := Parse(form.name, form.data)
				if err != nil {
					t.Fatalf("%s: %v", form.name, err)
				}
				checkFindings(t, r.Notice.Findings, c.want)
				if r.References != c.refs {
					t.Errorf("%s: References %v, want %v", form.name, r.References, c.refs)
				}
				if len(r.Notice.Unplaced) != 0 {
					t.Errorf("%s: unplaced %v", form.name, r.Notice.Unplaced)
				}
				for _, w := range r.Warnings {
					if strings.Contains(w.Msg, "numbering jumps") || strings.Contains(w.Msg, "numbered") && strings.Contains(w.Msg, "not 1") {
						t.Errorf("%s: warning %s", form.name, w)
					}
				}
				checkInvariants(t, r)
			}
		})
	}
}

// The feedback date in either sentence order.
func TestFeedbackDateEitherOrder(t *testing.T) {
	for _, c := range []struct {
		in     string
		want   notice.Date
		target string
	}{
		{"2023年7月3日至8月18日，县委巡察二组对样本镇0001党委开展了巡察，并于2024年1月16日反馈了巡察意见。", "2024-01-16", "样本镇0001党委"},
		{"2022年9月16日至10月18日，区委第二巡察组对示例区样本局党组进行了巡察。2023年1月17日，区委巡察组向示例区样本局党组反馈了巡察意见。", "2023-01-17", "示例区样本局党组"},
		{"2023年1月17日，区委巡察组向示例区样本局党组反馈了巡察意见。", "2023-01-17", "示例区样本局党组"},
		{"2024年6月12日，巡察组反馈了5个问题。", "2024-06-12", ""},
		{"2024年6月12日巡察组反馈巡察意见。", "2024-06-12", ""},
		{"2024年1月16日，县委巡察组向样本镇0001党委进行了反馈。", "2024-01-16", "样本镇0001党委"},
		// not the feedback: a meeting on the feedback's problems
		{"2024年3月1日，镇党委召开巡察反馈问题整改推进会。", "", ""},
	} {
		in := InspectionOf(c.in)
		if in.Feedback != c.want || in.Target != c.target {
			t.Errorf("%q: feedback %q target %q, want %q %q", c.in, in.Feedback, in.Target, c.want, c.target)
		}
	}
}

// The inspecting body as the text names it, a count of groups in digits
// included (a region's round: 区委4个巡察组).
func TestInspectionBody(t *testing.T) {
	for _, c := range []struct{ in, body, target string }{
		{"2022年1月27日,区委4个巡察组向示例县40家被巡察单位党组织全面反馈巡察情况。", "区委4个巡察组", "示例县40家被巡察单位党组织"},
		{"2021年11月8日至12月20日,区委组建12个巡察组对样本镇0001党委开展常规巡察。", "区委组建12个巡察组", "样本镇0001党委"},
		{"县委第二巡察组对样本镇0001党委开展了巡察。", "县委第二巡察组", "样本镇0001党委"},
		{"市委四个巡察组向示例区样本局党组反馈了巡察意见。", "市委四个巡察组", "示例区样本局党组"},
		// a date run into the body, with no comma between
		{"2024年4月1日区委第三巡察组对样本镇0001党委开展了巡察。", "区委第三巡察组", "样本镇0001党委"},
		{"2024年3月1日至4月30日区委第三巡察组对样本镇0001党委开展了巡察。", "区委第三巡察组", "样本镇0001党委"},
		{"二〇二四年三月一日县委第二巡察组对样本镇0001党委开展了巡察。", "县委第二巡察组", "样本镇0001党委"},
		{"2024年5月6日县委巡察组向示例县样本局党组反馈了巡察意见。", "县委巡察组", "示例县样本局党组"},
	} {
		if in := InspectionOf(c.in); in.Body != c.body || in.Target != c.target {
			t.Errorf("%q: body %q target %q, want %q %q", c.in, in.Body, in.Target, c.body, c.target)
		}
	}
}

// The structure is chosen by evidence: the notice's stated totals decide
// between readings the outline alone leaves open, and the runner-up is
// kept with its score.
func TestReadingsByEvidence(t *testing.T) {
	sub := "1.理论学习不深入。中心组学习流于形式。\n（1）制定年度学习计划。\n（2）规范会议记录。\n整改情况：已完成。\n" +
		"2.组织生活不规范。三会一课落实不到位。\n（1）开展专项检查。\n（2）建立台账。\n整改情况：已完成。\n" +
		"3.财务管理混乱。部分村账目不清。\n（1）聘请第三方审计。\n（2）建立村财台账。\n整改情况：正在整改。\n"
	each := "（一）学习方面\n1.学习计划。\n整改情况：已完成。\n2.学习记录。\n整改情况：已完成。\n" +
		"（二）组织方面\n1.组织生活。\n整改情况：已完成。\n2.三会一课。\n整改情况：正在整改。\n"
	// heading-shaped items over numbered measures: the outline alone reads
	// the measures as findings (the rule before readings were weighed);
	// the stated 3个问题 reads the items
	heads := "1.理论学习方面\n（1）制定年度学习计划。\n（2）规范会议记录。\n整改情况：已完成。\n" +
		"2.组织生活方面\n（1）开展专项检查。\n（2）建立台账。\n整改情况：已完成。\n" +
		"3.财务管理方面\n（1）聘请第三方审计。\n（2）建立村财台账。\n整改情况：正在整改。\n"
	for _, c := range []struct {
		name, preamble, findings string
		count                    int
		style, runnerUp          string
	}{
		{"heading-shaped items over numbered measures, 3个问题 stated", issuePreamble + "巡察组指出了3个问题。", heads, 3, "1.", "(1)"},
		{"heading-shaped items over numbered measures, no totals", issuePreamble, heads, 6, "(1)", "1."},
		{"numbered measures under each finding, totals stated", issuePreamble + "巡察组指出了3个问题。", sub, 3, "1.", "(1)"},
		{"numbered measures under each finding, no totals", issuePreamble, sub, 3, "1.", "(1)"},
		{"categories and findings, 2个方面4个问题", issuePreamble + "指出了2个方面4个问题，已完成整改3个、正在整改1个。", each, 4, "1.", "(一)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("evidence.txt", []byte(issueNotice(c.preamble, c.findings)))
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Notice.Findings) != c.count || r.Reading.Findings != c.style || r.Reading.Count != c.count {
				t.Fatalf("%d findings, reading %+v; want %d of style %s", len(r.Notice.Findings), r.Reading, c.count, c.style)
			}
			if r.RunnerUp == nil || r.RunnerUp.Findings != c.runnerUp || r.RunnerUp.Score >= r.Reading.Score || r.RunnerUp.Why == "" {
				t.Errorf("runner-up %+v (reading %+v)", r.RunnerUp, r.Reading)
			}
			if len(r.Notice.Disagreements()) != 0 {
				t.Errorf("disagreements %v", r.Notice.Disagreements())
			}
			if c.findings == sub {
				// the numbered measures are the rectification the status
				// reports on, their numbers kept as written
				f := r.Notice.Findings[0]
				if f.Problem != "中心组学习流于形式。" || f.Rectification != "（1）制定年度学习计划。\n（2）规范会议记录。" || f.StatusText != "已完成" {
					t.Errorf("finding 1: problem %q rectification %q status %q", f.Problem, f.Rectification, f.StatusText)
				}
			}
		})
	}
}

// The bundled notice's reading: (1) findings, (一) categories and 1.
// groups, 59 of 59 carrying, and the runner-up far behind.
func TestSeedReading(t *testing.T) {
	r := parseSeed(t)
	if r.Reading.Findings != "(1)" || r.Reading.Category != "(一)" || r.Reading.Group != "1." || r.Reading.Count != 59 {
		t.Errorf("reading %+v", r.Reading)
	}
	if r.Close() {
		t.Errorf("runner-up %+v close to %+v", r.RunnerUp, r.Reading)
	}
	if r.References {
		t.Error("the bundled notice's findings are not references")
	}
}

// FuzzSplitLabels: the segments of any text, joined, are the text; each
// segment after the first starts with a label the vocabulary knows.
func FuzzSplitLabels(f *testing.F) {
	for _, s := range []string{
		"问题1：理论学习不深入。中心组学习流于形式。整改情况：已完成。一是制定计划；二是规范记录。",
		"存在问题：台账不全。整改措施：重新登记。整改情况：正在整改。责任单位：镇财政所。整改时限：2025年6月底前。",
		"(1)题。问题。【整改措施】措施。【完成情况】已完成。",
		"题。问题：甲。整改情况：已完成。问题：乙。",
		"\u3000\u3000整改进展情况：基本完成。\xff\xfe",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		segs := SplitLabels(s)
		var b strings.Builder
		for k, sg := range segs {
			b.WriteString(sg.Label + sg.Text)
			if k > 0 || sg.Label != "" {
				if sg.Kind == "" || KindOfLabel(sg.Label) != sg.Kind {
					t.Fatalf("segment %d: label %q kind %q", k, sg.Label, sg.Kind)
				}
			}
		}
		if b.String() != s {
			t.Fatalf("joined %q, want %q", b.String(), s)
		}
		if len(segs) == 0 {
			t.Fatal("no segment")
		}
		_ = fmt.Sprint(segs)
	})
}

// A notice with no title whose findings are a table keeps its preamble
// (a table's row is never the title, even one that says 通报): the feedback date and the stated
// totals are read.
func TestNoTitleTableKeepsPreamble(t *testing.T) {
	pre := "根据示例县委统一部署，2024年6月14日至7月20日，县委第二巡察组对样本镇0001党委开展了巡察，并于2024年9月8日反馈了巡察意见，指出了1个方面2个问题。"
	rows := [][]string{
		{"序号", "问题类别", "反馈问题", "整改措施", "整改情况"},
		{"1", "关于“群众身边不正之风”方面的问题", "合同管理制度执行不严。", "健全内部审核流程。", "已整改"},
		{"2", "关于“群众身边不正之风”方面的问题", "招投标程序不规范。", "建立定期通报机制。", "正在整改"},
	}
	r, err := Parse("notitle.docx", docxOf(t, []string{pre}, rows, "中共样本镇0001委员会", "2024年12月18日"))
	if err != nil {
		t.Fatal(err)
	}
	n := r.Notice
	if n.Preamble != pre || n.Inspection.Feedback != "2024-09-08" || n.Stated.Problems == nil || *n.Stated.Problems != 2 || len(n.Findings) != 2 {
		t.Errorf("preamble %q, feedback %q, stated %v, %d findings", n.Preamble, n.Inspection.Feedback, n.Stated.Problems, len(n.Findings))
	}
}

// A notice with no title whose first heading after the preamble starts
// with 关于 (关于“…”方面的问题): the heading is not the title (the title
// comes before the preamble), and the preamble is kept.
func TestNoTitleHeadingAfterPreamble(t *testing.T) {
	text := issuePreamble + "指出了1个方面2个问题。\n" +
		"关于“加强基层党组织建设”方面的问题\n" +
		"1.惠民补贴发放审核不细。跟踪督促不够。\n整改情况：已整改。建立定期通报机制。\n" +
		"2.财务报销审核把关不严。监督频次偏少。\n整改情况：正在整改。健全审核流程。\n" +
		"中共样本镇0001委员会\n2024年12月2日\n"
	r, err := Parse("notitle.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	n := r.Notice
	if n.Title != "" || n.Inspection.Feedback != "2024-01-16" || n.Stated.Problems == nil || *n.Stated.Problems != 2 || len(n.Findings) != 2 {
		t.Errorf("title %q, feedback %q, stated %v, %d findings", n.Title, n.Inspection.Feedback, n.Stated.Problems, len(n.Findings))
	}
}
