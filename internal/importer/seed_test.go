package importer

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const seedPath = "../../seeds/000_e336554de99f7c35.txt"

func seedBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatalf("the seed: %v", err)
	}
	return b
}

func parseSeed(t testing.TB) *Result {
	t.Helper()
	r, err := Parse("seeds/000_e336554de99f7c35.txt", seedBytes(t))
	if err != nil {
		t.Fatalf("Parse(seed): %v", err)
	}
	return r
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test -update if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d (run go test -update if intended)", path, len(gl), len(wl))
	}
}

func jsonOf(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSeedGolden(t *testing.T) {
	r := parseSeed(t)
	golden(t, "seed.golden.json", jsonOf(t, r.Notice))
	var roles strings.Builder
	for _, c := range r.Lines {
		fmt.Fprintf(&roles, "%d\t%s\t%s\t%d\t%s\n", c.No, c.Role, c.Section, c.Num, c.Recogniser)
	}
	golden(t, "seed.roles.golden", []byte(roles.String()))
	golden(t, "seed.render.golden.txt", []byte(Render(r.Notice)))
}

func TestSeedNotice(t *testing.T) {
	r := parseSeed(t)
	n := r.Notice
	eq := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	eq("title", n.Title, "中共郊尾镇委员会关于巡察整改进展情况的通报")
	eq("issuer", n.Issuer, "中共郊尾镇委员会")
	eq("kind", n.Kind, "整改进展")
	eq("signed", n.Signed, notice.Date("2024-12-02"))
	eq("published", n.Published, notice.Date("2025-01-12"))
	eq("source", n.Source, "仙游县纪委监委官网")
	eq("inspection", n.Inspection, notice.Inspection{Body: "县委巡察二组", Target: "郊尾镇党委",
		Start: "2023-07-03", End: "2023-08-18", Feedback: "2024-01-16"})
	eq("headings", n.Headings, notice.Headings{
		Organisation:   "一、被巡察党组织及其主要负责人组织落实整改情况",
		Findings:       "二、巡察反馈问题的整改情况(集中整改期内已完成的整改事项)",
		Accountability: "三、巡察反馈问题的处理情况",
		Outstanding:    "四、需要进一步整改的事项及措施",
		NextPlan:       "五、下一步计划",
	})
	if !strings.HasPrefix(n.Preamble, "根据仙游县委巡察工作统一部署") || !strings.HasSuffix(n.Preamble, "现将巡察整改情况予以公布。") {
		t.Errorf("preamble = %q", n.Preamble)
	}
	eq("organisation intro", n.Organisation.Intro, "2024年1月16日县委巡察二组向郊尾镇党委反馈了巡察意见后,镇党委高度重视巡察整改工作,切实履行主体责任。")
	if len(n.Organisation.Points) != 3 {
		t.Fatalf("organisation points = %d, want 3", len(n.Organisation.Points))
	}
	for i, p := range []string{"一是提高站位,主动作为抓整改。", "二是聚焦问题,压实责任抓落实。", "三是建章立制,全面提升抓规范。"} {
		if !strings.HasPrefix(n.Organisation.Points[i], p) {
			t.Errorf("point %d = %.40q…, want it to start %q", i+1, n.Organisation.Points[i], p)
		}
	}
	eq("regulations", n.Regulations, []string{
		"郊尾镇重点项目工作目标及科级领导挂钩项目分工安排表",
		"郊尾镇龙虎榜考核工作方案",
		"关于进一步加强郊尾镇机关食堂管理实施方案",
		"党委会议事规则",
		"党政联席会议事制度",
		"党政领导带队督导检查安全生产工作机制",
		"郊尾镇畜禽养殖巡查和整治制度",
		"郊尾镇廉政风险排查防控机制",
		"郊尾镇人民政府关于进一步规范政府投资项目工作管理职责的通知",
	})

	// findings
	if len(n.Findings) != 59 {
		t.Fatalf("findings = %d, want 59", len(n.Findings))
	}
	categories := map[int]string{
		1: "聚焦党中央各项决策部署及省委、市委、县委工作要求在基层的落实情况",
		2: "聚焦群众身边腐败问题和不正之风以及群众反映强烈的问题情况",
		3: "聚焦基层党组织领导班子和干部队伍建设情况",
	}
	// first finding of each group: category, group number, group text
	groupStarts := map[int][3]any{
		1: {1, 1, "学习习近平新时代中国特色社会主义思想有偏差"}, 4: {1, 2, "贯彻新发展理念有差距"},
		7: {1, 3, "破解生态环保治理难题措施不够"}, 11: {1, 4, "防范化解重大风险还有隐患"},
		14: {1, 5, "土地管理措施落实不到位"}, 17: {1, 6, "落实意识形态工作责任制存在差距"},
		20: {2, 1, "形式主义、官僚主义依然存在"}, 23: {2, 2, "民生保障还有短板"},
		27: {2, 3, "工程领域问题较为突出"}, 33: {2, 4, "财务管理不规范"}, 35: {2, 5, "单位内控制度不健全"},
		37: {3, 1, "党委牵头抓总、统筹协调作用发挥不够"}, 40: {3, 2, "村级党组织战斗堡垒作用发挥不充分"},
		43: {3, 3, "指导基层开展党建不够扎实"}, 46: {3, 4, "落实全面从严治党主体责任有缺位"},
		49: {3, 5, "镇纪委履行监督职能不够到位"}, 52: {3, 6, "选人用人工作不够规范"},
		57: {3, 7, "落实巡视巡察、审计、主题教育整改情况"},
	}
	var cat, grp int
	var grpText string
	counts := map[notice.Status]int{}
	for i, f := range n.Findings {
		if f.Number != i+1 {
			t.Fatalf("finding %d is numbered %d", i+1, f.Number)
		}
		if g, ok := groupStarts[f.Number]; ok {
			cat, grp, grpText = g[0].(int), g[1].(int), g[2].(string)
		}
		if f.CategoryNo != cat || f.Category != categories[cat] || f.GroupNo != grp || f.Group != grpText {
			t.Errorf("finding %d: category %d %q group %d %q, want %d %q %d %q", f.Number,
				f.CategoryNo, f.Category, f.GroupNo, f.Group, cat, categories[cat], grp, grpText)
		}
		counts[f.Status]++
		wantStatus, wantText := notice.StatusDone, "已整改"
		switch f.Number {
		case 4, 11, 59:
			wantStatus, wantText = notice.StatusInProgress, "正在整改中"
		case 14:
			wantText = "已整改到位"
		}
		if f.Status != wantStatus || f.StatusText != wantText {
			t.Errorf("finding %d: status %q %q, want %q %q", f.Number, f.Status, f.StatusText, wantStatus, wantText)
		}
		if f.Title == "" || strings.Contains(f.Title, "。") || f.Problem == "" || f.Rectification == "" {
			t.Errorf("finding %d: title %q problem %.20q rectification %.20q", f.Number, f.Title, f.Problem, f.Rectification)
		}
		if f.Measures == nil || f.Amounts == nil || f.Dates == nil {
			t.Errorf("finding %d: nil list (measures, amounts and dates are [] when empty)", f.Number)
		}
	}
	eq("statuses", counts, map[notice.Status]int{notice.StatusDone: 56, notice.StatusInProgress: 3})

	f := func(num int) notice.Finding { return n.Findings[num-1] }
	eq("finding 1 title", f(1).Title, "中心组学习效果不明显")
	eq("finding 1 problem", f(1).Problem, "未能严格落实“第一议题”制度,镇党委理论学习中心组会议内容有缺项,会议记录本每次记录后留有几页纸的“空白地带”。")
	eq("finding 34 problem", f(34).Problem, "2020年以来,镇政府违规向临时聘用人员伙食补助每餐5元;后溪村2020年重复发放保洁员3月份工资")
	eq("finding 14 rectification", f(14).Rectification, "截至9月20日为止“天地网”违法图斑217宗,已全部整改到位。(含盖尾镇4宗已移交)。")
	eq("finding 4 rectification", f(4).Rectification, "已对接规划编制单位,加快编制进度,目前该19个未完成规划编制的村居已入库5个,3个已批复待入库,其余村居争取在2025年底前按要求完成规划编制。")

	// measures
	eq("finding 1 measures", f(1).Measures, []string{
		"一是自2024年1月起,郊尾镇党委理论学习中心组严格落实“第一议题”制度,第一议题学习内容均记录在册。",
		"二是2024年郊尾镇党委理论学习中心组学习计划已制定完成,学习内容丰富,涵盖习近平总书记关于“三农”、乡村振兴等工作的重要讲话和指示批示精神。",
		"三是自2024年1月起,已指定1名专员负责会议内容记录,并开展业务培训2次,确保会议记录完善完整。",
	})
	eq("finding 4 measures", f(4).Measures, []string{})
	eq("finding 21 measures", f(21).Measures, []string{})
	for num, k := range map[int]int{3: 2, 5: 2, 6: 5, 11: 3, 13: 3, 15: 2, 16: 3, 24: 2, 35: 2, 42: 5} {
		if len(f(num).Measures) != k {
			t.Errorf("finding %d: %d measures, want %d: %q", num, len(f(num).Measures), k, f(num).Measures)
		}
	}
	if m := f(16).Measures; len(m) == 3 && !strings.HasPrefix(m[0], "一是加大学习宣传,增强依法用地自觉性。") {
		t.Errorf("finding 16 measure 1 = %.30q", m[0])
	}
	if m := f(35).Measures; len(m) == 2 && !strings.HasSuffix(m[1], "3.镇纪委常态化开展“四风”督察检查,抓早抓小。") {
		t.Errorf("finding 35 measure 2 = %q", m[1])
	}
	for _, m := range f(6).Measures {
		if !strings.Contains(f(6).Rectification, m) {
			t.Errorf("finding 6 measure %q is not in its rectification as written", m)
		}
	}

	// amounts
	hasAmount := func(num int, text string, yuan int64) {
		t.Helper()
		for _, a := range f(num).Amounts {
			if a.Text == text {
				if a.Yuan != yuan {
					t.Errorf("finding %d: %s = %d yuan, want %d", num, text, a.Yuan, yuan)
				}
				return
			}
		}
		t.Errorf("finding %d: no amount %s in %v", num, text, f(num).Amounts)
	}
	hasAmount(21, "3.85万元", 38500)
	hasAmount(33, "5.34万元", 53400)
	hasAmount(34, "1.64万元", 16400)
	hasAmount(34, "5元", 5)
	hasAmount(6, "5000万元", 50000000)
	hasAmount(6, "5亿元", 500000000)
	hasAmount(26, "455.98万元", 4559800)
	hasAmount(24, "3000元", 3000)
	hasAmount(57, "50万元", 500000)
	hasAmount(42, "2340元", 2340)
	eq("finding 21 amounts", f(21).Amounts, []notice.Amount{{Text: "3.85万元", Yuan: 38500}})

	// dates
	eq("finding 21 dates", f(21).Dates, []notice.DateRef{{Text: "2024年3月20日", Date: "2024-03-20"}, {Text: "2024年4月7日", Date: "2024-04-07"}})
	eq("finding 1 dates", f(1).Dates, []notice.DateRef{{Text: "2024年1月", Date: "2024-01"}})
	eq("finding 33 dates", f(33).Dates, []notice.DateRef{{Text: "2020年1月", Date: "2020-01"}, {Text: "2024年4月18日", Date: "2024-04-18"}})

	// 三、
	a := n.Accountability
	if !strings.HasPrefix(a.Text, "对巡察反馈问题认真组织调查") {
		t.Errorf("accountability text = %.30q", a.Text)
	}
	eq("people", a.People, 6)
	eq("by rank", a.ByRank, []notice.RankCount{{Rank: "处级干部", Count: 0}, {Rank: "科级干部", Count: 2}})
	eq("by form", a.ByForm, []notice.FormCount{{Form: "政务立案", Count: 1}, {Form: "责令检查", Count: 1}, {Form: "诫勉谈话", Count: 2}, {Form: "提醒谈话", Count: 2}})
	p := n.Petitions
	if !strings.HasPrefix(p.Text, "县委巡察二组巡察郊尾镇期间") {
		t.Errorf("petitions text = %.30q", p.Text)
	}
	eq("petitions", [3]int{p.Transferred, p.Closed, p.Pending}, [3]int{16, 14, 2})

	// 四、
	if len(n.Outstanding) != 3 {
		t.Fatalf("outstanding = %d, want 3", len(n.Outstanding))
	}
	want := []struct {
		finding                 int
		heading, next, deadline string
		date                    notice.Date
	}{
		{4, "关于巡察反馈第4点乡村规划编制滞后问题", "一是坚持科学合理,优化村庄布局分类;", "", ""},
		{11, "关于巡察反馈第11点信访问题比较突出问题", "下一步将压实责任,强化组织领导,", "2024年12月前", "2024-12-31"},
		{59, "关于巡察反馈第59点审计问题整改工作开展不扎实问题", "", "2024年12月", "2024-12-31"},
	}
	for i, w := range want {
		o := n.Outstanding[i]
		if o.Number != i+1 || o.Finding != w.finding || o.Heading != w.heading || o.DeadlineText != w.deadline || o.Deadline != w.date {
			t.Errorf("outstanding %d = %d → %d %q deadline %q %q; want → %d %q %q %q", i+1, o.Number, o.Finding, o.Heading, o.DeadlineText, o.Deadline, w.finding, w.heading, w.deadline, w.date)
		}
		if !strings.HasPrefix(o.NextSteps, w.next) || (w.next == "") != (o.NextSteps == "") {
			t.Errorf("outstanding %d next steps = %.30q, want it to start %q", i+1, o.NextSteps, w.next)
		}
		if o.Problem == "" || o.Progress == "" || o.Reason == "" {
			t.Errorf("outstanding %d: problem %.10q progress %.10q reason %.10q", i+1, o.Problem, o.Progress, o.Reason)
		}
	}
	eq("outstanding 1 problem", n.Outstanding[0].Problem, "全镇21个村居仅2个村完成入库,仍有19个村居未完成规划编制。")
	eq("outstanding 1 reason", n.Outstanding[0].Reason, "原因是部分村居村财困难,乡村规划编制设计费用压力大。")

	if !strings.HasPrefix(n.NextPlan, "经过全镇上下的共同努力") || !strings.HasSuffix(n.NextPlan, "真正把巡察整改工作体现在打造美丽郊尾的具体工作中。") {
		t.Errorf("next plan = %.30q…", n.NextPlan)
	}
	eq("signature", n.Signature, notice.Signature{Issuer: "中共郊尾镇委员会", DateText: "2024年12月2日"})
	eq("unplaced", len(n.Unplaced), 0)
	eq("warnings", r.Warnings, []Problem(nil))
	eq("chrome", r.Chrome(), []notice.Line{{Line: 2, Text: "字体显示:【 大 中 小 】"}, {Line: 2, Text: "阅读:"}, {Line: 170, Text: "附件:"}, {Line: 171, Text: "相关链接:"}})
	eq("region in text", r.Region, TextRegion{County: "仙游县", CountyLine: 2, CountyFrom: "source", Township: "郊尾镇", TownshipLine: 168, TownshipFrom: "signature"})
}

// sentences splits a text on 。！？； and line ends after normalising it for
// matching, with runs of spaces collapsed.
func sentences(s string) []string {
	var out []string
	for _, part := range regexp.MustCompile(`[。!?;\n]`).Split(Normalise(s), -1) {
		if part = collapse(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)

func collapse(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// TestRebuild renders the seed's data back to text and finds every sentence
// of the seed in it. Chrome is left aside: whole chrome lines, and the
// chrome pieces of the meta line (which the test also pins down).
func TestRebuild(t *testing.T) {
	r := parseSeed(t)
	rendered := collapse(Normalise(Render(r.Notice)))
	lines := strings.Split(strings.TrimRight(string(seedBytes(t)), "\n"), "\n")
	if len(lines) != len(r.Lines) && len(lines)+2 != len(r.Lines) {
		t.Logf("seed has %d lines, classified %d", len(lines), len(r.Lines))
	}
	checked := 0
	for _, c := range r.Lines {
		if c.Role == RoleChrome || c.Role == RoleBlank {
			continue
		}
		text := c.Text
		for _, ch := range c.Chrome {
			text = strings.Replace(text, ch, "", 1)
		}
		for _, s := range sentences(text) {
			checked++
			if !strings.Contains(rendered, s) {
				t.Errorf("line %d: sentence not in the rendering: %q", c.No, s)
			}
		}
	}
	if checked < 400 {
		t.Errorf("only %d sentences checked; the seed has more", checked)
	}
}

// The whole seed, not only its sentences: every line of the seed other than
// chrome appears in the rendering word for word after normalisation, except
// the meta line (whose chrome is dropped).
func TestRebuildLines(t *testing.T) {
	r := parseSeed(t)
	rendered := collapse(Normalise(Render(r.Notice)))
	for _, c := range r.Lines {
		if c.Role == RoleChrome || c.Role == RoleBlank || c.Role == RoleMeta {
			continue
		}
		if !strings.Contains(rendered, collapse(Normalise(c.Text))) {
			t.Errorf("line %d is not in the rendering: %.40q", c.No, c.Text)
		}
	}
}

// For the seed, the rendering is the seed itself, line for line, less its
// chrome.
func TestRenderIsTheSeedLessChrome(t *testing.T) {
	r := parseSeed(t)
	var want strings.Builder
	for _, c := range r.Lines {
		if c.Role == RoleChrome || c.Role == RoleBlank {
			continue
		}
		text := c.Text
		for _, ch := range c.Chrome {
			text = strings.Replace(text, ch, "", 1)
		}
		want.WriteString(strings.TrimSpace(text) + "\n")
	}
	if got := Render(r.Notice); got != want.String() {
		t.Errorf("Render(seed) differs from the seed:\n%s", firstDiff(got, want.String()))
	}
}
