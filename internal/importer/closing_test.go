package importer

import (
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// A notice whose findings run to its end, each one paragraph with its
// labels inside and its status as the last sentence, then a closing
// paragraph to its readers before the signature: the closing paragraph is
// the notice's closing text (kept as its next plan, with no heading), not
// more of the last finding's rectification, whose status is its own last
// sentence.
func TestClosingParagraphAfterFindings(t *testing.T) {
	head := "中共示例县某某中心党支部关于巡察整改情况的通报\n" +
		"2024年3月5日，县委第三巡察组向示例县某某中心党支部反馈了巡察意见，指出了3个问题。现将整改情况公布如下：\n" +
		"（一）党的建设方面\n" +
		"1．组织生活不规范。支部会议记录不完整。整改措施：补齐会议记录，明确专人管理。目前，该问题已整改到位。\n" +
		"2．党费收缴不及时。个别党员迟交党费。整改措施：建立党费收缴台账。目前，该问题正在整改中。\n" +
		"（二）内部管理方面\n" +
		"3．物资采购不规范。存在“先采购后审批”情况。整改措施：修订《物资采购管理办法》。目前，该问题已整改到位。\n"
	tail := "中共示例县某某中心党支部\n2024年6月30日\n"
	want := []wantFinding{
		{num: 1, title: "组织生活不规范", problem: "支部会议记录不完整。", status: "已整改到位", st: notice.StatusDone, rect: "补齐会议记录，明确专人管理。目前，该问题已整改到位。", category: 1},
		{num: 2, title: "党费收缴不及时", problem: "个别党员迟交党费。", status: "正在整改中", st: notice.StatusInProgress, rect: "建立党费收缴台账。目前，该问题正在整改中。", category: 1},
		{num: 3, title: "物资采购不规范", problem: "存在“先采购后审批”情况。", status: "已整改到位", st: notice.StatusDone, rect: "修订《物资采购管理办法》。目前，该问题已整改到位。", category: 2},
	}
	for _, c := range []struct {
		name    string
		closing []string
	}{
		{"an invitation to supervise and a telephone", []string{"欢迎社会各界对巡察整改情况进行监督。监督电话：0000-7654321。"}},
		{"a request for opinions, then the contacts on their own lines", []string{"如对巡察整改工作有意见建议，请及时向我们反映。", "联系电话：0000-7654321", "电子邮箱：example@example.invalid"}},
		{"the contacts alone", []string{"邮政信箱：示例县某某路1号"}},
		{"an invitation in 诚挚 words", []string{"诚挚欢迎广大干部群众提出宝贵意见。"}},
	} {
		text := head + "\n" + strings.Join(c.closing, "\n") + "\n\n" + tail
		for _, form := range []struct {
			name string
			data []byte
		}{
			{"closing.txt", []byte(text)},
			{"closing.html", htmlPage(text)},
			{"closing.docx", docxOf(t, strings.Split(strings.TrimRight(text, "\n"), "\n"), nil)},
		} {
			t.Run(c.name+"/"+form.name, func(t *testing.T) {
				r, err := Parse(form.name, form.data)
				if err != nil {
					t.Fatal(err)
				}
				checkFindings(t, r.Notice.Findings, want)
				for i, f := range r.Notice.Findings {
					if f.Rectification != want[i].rect {
						t.Errorf("finding %d: rectification %q, want %q", f.Number, f.Rectification, want[i].rect)
					}
				}
				if got, w := r.Notice.NextPlan, strings.Join(c.closing, "\n"); got != w {
					t.Errorf("closing text %q, want %q", got, w)
				}
				if r.Notice.Signed != "2024-06-30" {
					t.Errorf("signed %q", r.Notice.Signed)
				}
				if len(r.Notice.Unplaced) != 0 {
					t.Errorf("unplaced %v", r.Notice.Unplaced)
				}
				checkInvariants(t, r)
			})
		}
	}
}

// Closing words are recognised only after the findings began: the same
// words in a paragraph of the preamble stay the preamble's, and a finding's own
// paragraph that mentions 监督 is not a closing.
func TestClosingWordsOnlyAfterFindings(t *testing.T) {
	text := "中共样本镇0002委员会关于巡察整改进展情况的通报\n" +
		"根据示例县委统一部署，2024年2月1日至3月1日，县委第一巡察组对样本镇0002党委开展了巡察，并于2024年4月2日反馈了巡察意见。\n" +
		"欢迎广大干部群众对整改情况进行监督。联系电话：0000-1111111。\n" +
		"1.监督执纪不严。欢迎群众监督的渠道不畅。\n整改情况：已整改。开通监督热线。\n" +
		"2.台账管理混乱。底数不清。\n整改情况：正在整改。重新建立台账。\n" +
		"中共样本镇0002委员会\n2024年9月9日\n"
	r, err := Parse("preamble.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkFindings(t, r.Notice.Findings, []wantFinding{
		{num: 1, title: "监督执纪不严", problem: "欢迎群众监督的渠道不畅。", status: "已整改", st: notice.StatusDone, rect: "开通监督热线。"},
		{num: 2, title: "台账管理混乱", problem: "底数不清。", status: "正在整改", st: notice.StatusInProgress, rect: "重新建立台账。"},
	})
	if r.Notice.NextPlan != "" {
		t.Errorf("closing text %q read from a notice that has none", r.Notice.NextPlan)
	}
	if !strings.Contains(r.Notice.Preamble, "欢迎广大干部群众") {
		t.Errorf("preamble %q lost its second paragraph", r.Notice.Preamble)
	}
	checkInvariants(t, r)
}

// An HTML page whose findings are <br> lines of one <p> (①标题(已完成),
// then 问题表现:… 整改措施:…), and whose signature is the next <p>, the
// issuer and the date broken by <br>: the article is the container of the
// paragraphs, not the one <p> that holds most of the text, so the
// signature is read; each finding's title is the words before the
// brackets, the bracket words its status, and 问题表现 its problem.
func TestBrFindingsWithBracketStatus(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>示例县样本乡</title></head><body>
<div class="crumb">首页 &gt; 巡察整改</div>
<div class="main"><h2>中共示例县样本乡委员会关于巡察整改情况的通报</h2>
<div class="meta">发布时间：2025-03-02 来源：示例县纪委监委</div>
<p>县委第二巡察组于2024年9月2日至10月20日对样本乡党委开展了巡察，并于2024年12月3日反馈了巡察意见，共指出问题3个。</p>
<p>一、反馈问题整改情况<br>
①基层党组织建设薄弱（已完成）<br>
问题表现：个别村党支部组织生活不经常。整改措施：制定支部活动计划，乡党委每季度督查一次。<br>
②农村集体“三资”管理不严（正在整改）<br>
问题表现：部分村集体资产台账不全。整改措施：开展清产核资，逐村建立台账。<br>
③惠民资金发放审核不细（已整改到位）<br>
问题表现：抽查发现2户重复享受补贴。整改措施：追回资金，完善审核流程。</p>
<p>中共示例县样本乡委员会<br>2025年3月1日</p>
</div><div class="foot">示例县纪委监委 主办</div></body></html>`
	r, err := Parse("br.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if r.Notice.Signed != "2025-03-01" {
		t.Errorf("signed %q, want 2025-03-01", r.Notice.Signed)
	}
	if r.Notice.Signature.Issuer != "中共示例县样本乡委员会" {
		t.Errorf("issuer %q", r.Notice.Signature.Issuer)
	}
	got := r.Notice.Findings
	want := []struct{ title, problem, status, rect string }{
		{"基层党组织建设薄弱", "个别村党支部组织生活不经常。", "已完成", "制定支部活动计划，乡党委每季度督查一次。"},
		{"农村集体“三资”管理不严", "部分村集体资产台账不全。", "正在整改", "开展清产核资，逐村建立台账。"},
		{"惠民资金发放审核不细", "抽查发现2户重复享受补贴。", "已整改到位", "追回资金，完善审核流程。"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Title != w.title || g.Problem != w.problem || g.StatusText != w.status || g.Rectification != w.rect {
			t.Errorf("finding %d:\n got %q %q %q %q\nwant %q %q %q %q", i+1, g.Title, g.Problem, g.StatusText, g.Rectification, w.title, w.problem, w.status, w.rect)
		}
	}
	checkInvariants(t, r)
}

// A finding's status as the last sentence of its measures, with an
// unlabelled paragraph after it that states none (下一步…): the status is
// the nearest one before the rectification's end, and the paragraph stays
// in the rectification.
func TestStatusBeforeAParagraphThatStatesNone(t *testing.T) {
	text := "中共样本村0007党支部关于巡察整改情况的通报\n" +
		"2024年5月8日，县委第四巡察组向样本村0007党支部反馈了巡察意见，指出了3个问题。\n" +
		"1．村务公开不及时。公开栏内容陈旧。整改措施：每月更新公开栏。目前，该问题已整改到位。\n" +
		"下一步，将持续巩固整改成果。\n" +
		"2．集体资金管理不严。现金支付较多。整改措施：推行非现金支付。目前，该问题正在整改中。\n" +
		"同时，建立长效机制，防止问题反弹。\n今后，村“两委”每季度自查一次。\n" +
		"3．党员发展程序不规范。材料不齐全。整改措施：补齐发展党员材料。\n" +
		"下一步，将严格执行发展党员工作细则。\n" +
		"中共样本村0007党支部\n2024年10月9日\n"
	want := []wantFinding{
		{num: 1, title: "村务公开不及时", problem: "公开栏内容陈旧。", status: "已整改到位", st: notice.StatusDone, rect: "每月更新公开栏。目前，该问题已整改到位。\n下一步，将持续巩固整改成果。"},
		{num: 2, title: "集体资金管理不严", problem: "现金支付较多。", status: "正在整改中", st: notice.StatusInProgress, rect: "推行非现金支付。目前，该问题正在整改中。\n同时，建立长效机制，防止问题反弹。\n今后，村“两委”每季度自查一次。"},
		// no status anywhere: unstated, never read from another finding
		{num: 3, title: "党员发展程序不规范", problem: "材料不齐全。", status: "", st: notice.StatusUnstated, rect: "补齐发展党员材料。\n下一步，将严格执行发展党员工作细则。"},
	}
	for _, form := range []struct {
		name string
		data []byte
	}{
		{"before.txt", []byte(text)},
		{"before.html", htmlPage(text)},
		{"before.docx", docxOf(t, strings.Split(strings.TrimRight(text, "\n"), "\n"), nil)},
	} {
		t.Run(form.name, func(t *testing.T) {
			r, err := Parse(form.name, form.data)
			if err != nil {
				t.Fatal(err)
			}
			checkFindings(t, r.Notice.Findings, want)
			for i, f := range r.Notice.Findings {
				if f.Rectification != want[i].rect {
					t.Errorf("finding %d: rectification %q, want %q", f.Number, f.Rectification, want[i].rect)
				}
			}
			checkInvariants(t, r)
		})
	}
}
