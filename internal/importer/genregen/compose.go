package genregen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// The words of the notices: plainly fictitious, and free of any status
// wording (TestPoolsHaveNoStatusWords), so that the only status a notice
// states is the one the generator put there. Punctuation is half-width
// here; the case's width is applied after.
var (
	titles = []string{
		"落实意识形态工作责任制不到位", "理论学习中心组学习流于形式", "党组织会议记录不规范", "三重一大事项决策程序不严格",
		"发展党员工作把关不严", "党员教育管理失之于宽", "基层党组织换届工作滞后", "村务公开内容不及时",
		"财务报销审核把关不严", "公务接待管理不规范", "公车使用登记制度执行不严", "专项资金使用监管缺位",
		"工程项目招投标程序不规范", "集体资产台账登记不全", "惠民补贴发放审核不细", "信访矛盾化解不力",
		"安全生产隐患排查不深入", "耕地保护监管力度不够", "环境整治工作成效不明显", "干部队伍建设统筹不够",
		"年轻干部培养力度不足", "廉政风险点排查不全面", "基层减负要求执行不力", "政务服务事项办理时限偏长",
		"合同管理制度执行不严", "食堂采购管理不规范",
	}
	problems = []string{
		"抽查发现相关会议记录内容简单,要素不全", "个别事项缺少集体研究的过程记录", "有关台账登记不及时,信息更新滞后",
		"抽查的票据中附件不齐全,审批手续缺失", "相关制度执行中存在打折扣现象", "对苗头性问题关注不够,跟踪督促不够有力",
		"日常监督检查频次偏少,发现问题能力不强", "学习内容与实际工作结合不紧密", "有关人员对政策把握不准,执行标准不一",
	}
	measures = []string{
		"召开专题会议研究部署,逐项明确责任人", "修订相关管理制度,建立工作台账", "组织开展专项检查,对发现的问题逐一督促",
		"加强业务培训,提升干部履职能力", "建立定期通报机制,强化跟踪问效", "严格执行集体决策制度,规范会议记录",
		"对相关责任人进行提醒谈话", "健全内部审核流程,实行清单化管理",
	}
	categoryNames = []string{
		"落实全面从严治党主体责任", "加强基层党组织建设", "贯彻上级决策部署", "作风建设", "财务和资产管理",
		"监督检查工作", "选人用人和干部队伍建设", "群众身边不正之风",
	}
	groupNames = []string{"理论学习", "组织生活", "制度执行", "资金使用", "项目管理", "监督检查", "队伍管理", "民生保障"}
)

// para is one paragraph of a notice: a typed label (the finding's or
// heading's number as printed) and the rest. List paragraphs (Word
// numbering) carry their list instead of a typed label.
type para struct {
	Label string
	Body  string
	Role  string // "title", "meta" or "" (a body paragraph)
	List  int    // 0; 1 a category heading in a Word list; 2 a finding in a Word list
	NumID int    // the w:num of a list paragraph
	Ord   int    // a list paragraph's number (an HTML list's start or value)
	In    bool   // a paragraph of the finding above it (its measures, its status): inside its <li> in html-ol
	// Sign: the signature's lines (issuer, date); in a page of <br> runs
	// they are a <p> of their own, the issuer and date broken by <br>.
	Sign bool
}

func (p para) text() string { return p.Label + p.Body }

// cell is a table cell: its text, its spans; a covered cell (by a span
// above or to the left) is not written in HTML, and is a vMerge continue or
// nothing (gridSpan) in .docx.
type cell struct {
	Text             string
	RowSpan, ColSpan int
	Header           bool
	Covered          bool // covered by a rowspan from above (a vMerge continue)
}

// doc is a composed notice before its container.
type doc struct {
	Before []para
	Table  [][]cell
	After  []para
	Indent string
	// numbering.xml's lists: the findings' and the categories' level text
	// and format
	FindingFmt, FindingText string
	CategoryFmt, CatText    string
	NumIDs                  int // the w:num ids 1…NumIDs (finding lists), then category lists
	Restart                 bool
}

// plain is the notice's paragraphs, one a line (table rows as cells
// joined by " | ").
func (d *doc) plain() string {
	var b strings.Builder
	for _, p := range d.Before {
		b.WriteString(p.text() + "\n")
	}
	for _, r := range d.Table {
		var cs []string
		for _, c := range r {
			if !c.Covered {
				cs = append(cs, c.Text)
			}
		}
		b.WriteString(strings.Join(cs, " | ") + "\n")
	}
	for _, p := range d.After {
		b.WriteString(p.text() + "\n")
	}
	return b.String()
}

var (
	fullPunct  = strings.NewReplacer(",", "，", ":", "：", ";", "；", "(", "（", ")", "）", ".", "．")
	fullDigits = strings.NewReplacer("0", "０", "1", "１", "2", "２", "3", "３", "4", "４", "5", "５", "6", "６", "7", "７", "8", "８", "9", "９")
)

// width writes s in the case's punctuation and digit width.
func width(v map[string]string, s string) string {
	if v["punct"] == "full" {
		s = fullPunct.Replace(s)
	}
	if v["digits"] == "full" {
		s = fullDigits.Replace(s)
	}
	return s
}

// CN writes 1…99 in Chinese numerals (一, 十二, 二十一).
func CN(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n-10]
	case n%10 == 0:
		return d[n/10] + "十"
	}
	return d[n/10] + "十" + d[n%10]
}

// typedLabel is a finding's number n in a typed numbering style (half-width;
// the width is applied after).
func typedLabel(style string, n int) string {
	switch style {
	case "1.":
		return fmt.Sprintf("%d.", n)
	case "1、":
		return fmt.Sprintf("%d、", n)
	case "(1)":
		return fmt.Sprintf("(%d)", n)
	case "⑴":
		return string(rune(0x2474 + n - 1))
	case "①":
		return string(rune(0x2460 + n - 1))
	case "一、":
		return CN(n) + "、"
	case "问题1:":
		return fmt.Sprintf("问题%d:", n)
	case "【问题1】":
		return fmt.Sprintf("【问题%d】", n)
	case "第1个问题:":
		return fmt.Sprintf("第%d个问题:", n)
	case "第一项:":
		return "第" + CN(n) + "项:"
	case "第一,":
		return "第" + CN(n) + ","
	}
	panic("genregen: no typed numbering " + style)
}

type unitNames struct {
	target, issuer, title string
}

func unitOf(kind string, no int) unitNames {
	switch kind {
	case "village":
		return unitNames{fmt.Sprintf("样本村%04d党支部", no), fmt.Sprintf("中共样本村%04d支部委员会", no), "关于巡察整改情况的通报"}
	case "department":
		return unitNames{"示例县某某局党组", "中共示例县某某局党组", "关于巡察整改进展情况的通报"}
	case "school":
		return unitNames{"示例县第一样本中学党总支", "中共示例县第一样本中学总支部委员会", "关于巡察整改情况的通报"}
	case "enterprise":
		return unitNames{"示例县样本投资集团有限公司党委", "中共示例县样本投资集团有限公司委员会", "关于巡察反馈意见整改情况的通报"}
	}
	return unitNames{fmt.Sprintf("样本镇%04d党委", no), fmt.Sprintf("中共样本镇%04d委员会", no), "关于巡察整改进展情况的通报"}
}

// compose lays a spec's notice out as paragraphs (and a table), and fills
// the case's expected reading.
func compose(s Spec, c *Case) *doc {
	v := s.V
	r := rand.New(rand.NewPCG(s.Words, 0x6765))
	d := &doc{}
	switch v["indent"] {
	case "ideographic":
		d.Indent = "\u3000\u3000"
	case "spaces":
		d.Indent = "  "
	}
	w := func(x string) string { return width(v, x) }
	add := func(p para) {
		p.Label, p.Body = w(p.Label), w(p.Body)
		d.Before = append(d.Before, p)
	}
	table := v["placement"] == "table-column"
	wordNum := strings.HasPrefix(v["numbering"], "word:")

	// dates
	year := 2022 + r.IntN(4)
	startM := 1 + r.IntN(6)
	fbM, fbD := startM+3+r.IntN(3), 1+r.IntN(28)
	signY, signM, signD := year, fbM+3, 1+r.IntN(28)
	if signM > 12 {
		signY, signM = year+1, signM-12
	}
	c.Feedback = fmt.Sprintf("%04d-%02d-%02d", year, fbM, fbD)
	no := s.Index%9999 + 1
	u := unitOf(v["unit"], no)

	// findings' words: distinct titles
	perm := r.Perm(len(titles))
	n := sum(s.Shape)
	cats := len(s.Groups)
	catPerm, grpPerm := r.Perm(len(categoryNames)), r.Perm(len(groupNames))
	enumerated := r.IntN(2) == 0 // measures as 一是…;二是…
	sentence := []string{"目前,该问题%s。", "该问题%s。", "目前%s。"}[r.IntN(3)]

	// expected findings and counts
	done, prog, not := 0, 0, 0
	for i := 0; i < n; i++ {
		f := Finding{Number: i + 1, Title: w(titles[perm[i]]), Status: notice.StatusUnstated}
		if v["placement"] != "none" {
			f.StatusText = w(s.wordFor(i))
			st, err := notice.ParseStatus(s.wordFor(i))
			if err != nil {
				panic("genregen: a wording the vocabulary does not know: " + s.wordFor(i))
			}
			f.Status = st
			switch st {
			case notice.StatusDone:
				done++
			case notice.StatusInProgress:
				prog++
			case notice.StatusNotStarted:
				not++
			}
		}
		c.Findings = append(c.Findings, f)
	}

	// title, meta, preamble
	if v["title"] == "present" {
		add(para{Body: u.issuer + u.title, Role: "title"})
	}
	switch v["meta"] {
	case "present":
		add(para{Body: fmt.Sprintf("发布时间:%04d-%02d-%02d 来源:示例县纪委监委", signY, signM, signD), Role: "meta"})
		c.Source = "示例县纪委监委"
	case "chrome":
		add(para{Body: fmt.Sprintf("发布时间:%04d-%02d-%02d  来源:示例县纪委监委  【字体:大 中 小】【打印】", signY, signM, signD), Role: "meta"})
		c.Source = "示例县纪委监委"
	}
	var tot1, tot2 string
	if v["totals"] != "absent" {
		c.Stated.Problems = notice.IntP(n)
		switch {
		case cats > 0 && v["grouping"] != "0":
			tot1 = fmt.Sprintf(",指出了%d个方面%d个问题", cats, n)
			c.Stated.Aspects = notice.IntP(cats)
		case r.IntN(2) == 0:
			tot1 = fmt.Sprintf(",指出问题%d个", n)
		default:
			tot1 = fmt.Sprintf(",反馈了%d个问题", n)
		}
		if v["placement"] != "none" {
			var parts []string
			// count-first: the count before the status words, the last
			// one "the rest" (9个问题已完成整改7个，其余2个正在整改)
			words := [3]string{"已完成整改%d个", "正在整改%d个", "未完成%d个"}
			if v["totals"] == "count-first" {
				words = [3]string{"%d个问题已完成整改", "%d个正在整改", "%d个尚未完成"}
			}
			if done > 0 {
				parts = append(parts, fmt.Sprintf(words[0], done))
				c.Stated.Done = notice.IntP(done)
			}
			if prog > 0 {
				parts = append(parts, fmt.Sprintf(words[1], prog))
				c.Stated.InProgress = notice.IntP(prog)
			}
			if not > 0 {
				parts = append(parts, fmt.Sprintf(words[2], not))
				c.Stated.NotDone = notice.IntP(not)
			}
			if v["totals"] == "count-first" && len(parts) > 1 {
				parts[len(parts)-1] = "其余" + parts[len(parts)-1]
			}
			tot2 = "截至目前," + strings.Join(parts, ",") + "。"
		}
	}
	start := fmt.Sprintf("%d年%d月%d日至%d月%d日", year, startM, 1+r.IntN(28), startM+1, 1+r.IntN(28))
	feedback := fmt.Sprintf("%d年%d月%d日", year, fbM, fbD)
	body := "县委第二巡察组"
	c.Body = body
	switch v["date-order"] {
	case "run-in":
		// no comma between the dates and the body
		add(para{Body: fmt.Sprintf("根据示例县委统一部署,%s%s对%s开展了巡察。%s%s向%s反馈了巡察意见%s。%s按照巡察工作有关要求,现将巡察整改进展情况予以公布。",
			start, body, u.target, feedback, body, u.target, tot1, tot2)})
	case "date-first":
		add(para{Body: fmt.Sprintf("根据示例县委统一部署,%s,%s对%s开展了巡察。%s,%s向%s反馈了巡察意见%s。%s按照巡察工作有关要求,现将巡察整改进展情况予以公布。",
			start, body, u.target, feedback, body, u.target, tot1, tot2)})
	default:
		add(para{Body: fmt.Sprintf("根据示例县委统一部署,%s,%s对%s开展了巡察,并于%s反馈了巡察意见%s。%s按照巡察工作有关要求,现将巡察整改进展情况予以公布。",
			start, body, u.target, feedback, tot1, tot2)})
	}
	if v["sections"] == "org" {
		add(para{Body: "一、巡察整改工作开展情况"})
		add(para{Body: "一是强化组织领导,抓好整改部署。召开专题会议,研究部署整改工作。二是细化方案措施,明确整改任务。逐条逐项研究措施,明确责任领导和时限。"})
		add(para{Body: "二、具体问题整改情况"})
	}

	// the findings
	catLabel := func(k int) (label string, list bool) {
		switch {
		case wordNum && v["container"] == "html-ol" && (v["sections"] == "org" || v["heading-marks"] == "paren"):
			// (一) is no CSS list style: typed
			return "(" + CN(k) + ")", false
		case wordNum && v["container"] == "html-ol" && v["heading-marks"] == "part":
			return "第" + CN(k) + "部分 ", false
		case wordNum:
			return "", true
		case v["sections"] == "org" || v["heading-marks"] == "paren":
			return "(" + CN(k) + ")", false
		case v["heading-marks"] == "part":
			return "第" + CN(k) + "部分 ", false
		}
		return CN(k) + "、", false
	}
	catBody := func(k int) string {
		name := categoryNames[catPerm[(k-1)%len(catPerm)]]
		switch {
		case v["sections"] == "org" || v["heading-marks"] == "part":
			return name + "方面"
		case v["heading-marks"] == "paren":
			return "在“" + name + "”方面"
		}
		return "关于“" + name + "”方面的问题"
	}
	grpBody := func(k int) string {
		if v["heading-marks"] == "paren" {
			return "关于“" + groupNames[grpPerm[(k-1)%len(grpPerm)]] + "”问题的整改"
		}
		return "关于“" + groupNames[grpPerm[(k-1)%len(grpPerm)]] + "”的问题"
	}
	grpLabel := func(k int) string {
		if v["heading-marks"] == "paren" {
			return fmt.Sprintf("%d.", k)
		}
		return "(" + CN(k) + ")"
	}
	meas := func() string {
		k := r.IntN(len(measures))
		a, b := measures[k], measures[(k+1+r.IntN(len(measures)-1))%len(measures)]
		if enumerated {
			return "一是" + a + ";二是" + b + "。"
		}
		return a + "," + b + "。"
	}
	label := v["status-label"]
	if table {
		composeTable(s, c, d, r, catBody, meas)
	} else {
		d.Restart = v["restart"] == "restarts"
		numID := 1
		if wordNum {
			d.FindingFmt, d.FindingText = "decimal", strings.TrimPrefix(v["numbering"], "word:")
			if v["numbering"] == "word:chineseCounting" {
				d.FindingFmt, d.FindingText = "chineseCounting", "%1、"
			}
			// the level text's %1 is Word's placeholder: only its
			// punctuation takes the case's width
			pw := func(x string) string { return width(map[string]string{"punct": v["punct"]}, x) }
			d.FindingText = pw(d.FindingText)
			d.CategoryFmt, d.CatText = "chineseCounting", "%1、"
			if v["sections"] == "org" || v["heading-marks"] == "paren" {
				d.CategoryFmt, d.CatText = "chineseCounting", pw("(%1)")
			}
		}
		i, leaf, inLeaf := 0, 0, 0
		for ci, g := range s.Groups {
			if v["grouping"] != "0" {
				l, list := catLabel(ci + 1)
				p := para{Label: l, Body: catBody(ci + 1)}
				if list {
					p.List, p.NumID, p.Ord = 1, 1000, ci+1
				}
				add(p)
			}
			for gi := 0; gi < g; gi++ {
				if v["grouping"] == "2" {
					add(para{Label: grpLabel(gi + 1), Body: grpBody(3*ci + gi + 1)})
				}
				if d.Restart && (leaf > 0) {
					inLeaf = 0
					numID++
				}
				for k := 0; k < s.Shape[leaf]; k++ {
					f := &c.Findings[i]
					inLeaf++
					shown := i + 1
					if d.Restart {
						shown = inLeaf
					}
					fp := para{}
					if wordNum {
						fp.List, fp.NumID = 2, numID
					} else {
						fp.Label = typedLabel(v["numbering"], shown)
						f.Label = w(fp.Label)
					}
					if v["grouping"] != "0" {
						f.Category = w(catBody(ci + 1))
					}
					if v["grouping"] == "2" {
						f.Group = w(grpBody(3*ci + gi + 1))
					}
					t, pr, m, word := titles[perm[i]], problems[r.IntN(len(problems))]+"。", meas(), s.wordFor(i)
					st, labelled := fmt.Sprintf(sentence, word), word
					if (v["plan"] == "after-status" || v["plan"] == "bare") && c.Findings[i].Status != notice.StatusDone {
						plan := fmt.Sprintf("计划于2025年%d月底前完成", 6+i%7)
						if v["plan"] == "bare" {
							plan = fmt.Sprintf("2025年%d月底前完成", 6+i%7)
						}
						st = strings.TrimSuffix(st, "。") + "," + plan + "。"
						labelled = word + "," + plan
						c.Findings[i].DeadlineText = w(plan)
					}
					n0 := len(d.Before)
					fp.Ord = shown
					switch v["placement"] {
					case "own-line":
						fp.Body = t + "。" + pr
						add(fp)
						add(para{Body: label + ":" + labelled + "。" + m})
					case "measures-then-status":
						fp.Body = t + "。" + pr
						add(fp)
						add(para{Body: "整改措施:" + m})
						add(para{Body: label + ":" + labelled + "。"})
					case "inline-label":
						fp.Body = t + "。" + pr + "整改措施:" + m + label + ":" + word + "。"
						add(fp)
					case "last-sentence":
						fp.Body = t + "。" + pr
						add(fp)
						add(para{Body: m + st})
					case "inline-last-sentence":
						fp.Body = t + "。" + pr + "整改措施:" + m + st
						add(fp)
					case "bracket":
						fp.Body = t + "(" + word + ")"
						add(fp)
						add(para{Body: "整改措施:" + m})
					case "none", "group":
						fp.Body = t + "。" + pr
						add(fp)
						add(para{Body: "整改措施:" + m})
					}
					for k := n0 + 1; k < len(d.Before); k++ {
						d.Before[k].In = true
					}
					i++
				}
				if v["placement"] == "group" {
					// the leaf's findings share a status (Resolve)
					if leaf%2 == 0 {
						add(para{Body: fmt.Sprintf("以上%d个问题%s。", s.Shape[leaf], s.wordFor(i-1))})
					} else {
						add(para{Body: "上述问题均" + s.wordFor(i-1) + "。"})
					}
				}
				leaf++
			}
		}
		d.NumIDs = numID
	}

	// the close
	close := []para{}
	if v["sections"] == "org" {
		close = append(close, para{Body: "三、下一步工作打算"}, para{Body: "下一步,我们将坚持目标不变、标准不降、力度不减,巩固深化整改成果。"})
	}
	switch v["closing"] {
	case "invite":
		c.Closing = []string{"欢迎广大干部群众对巡察整改工作进行监督,如有意见建议,请及时向我们反映。联系电话:0000-6543210。"}
	case "contacts":
		c.Closing = []string{"如对巡察整改工作有意见建议,请通过以下方式向我们反映。", "监督电话:0000-6543210", "邮政信箱:示例县某某路18号"}
	}
	for i, x := range c.Closing {
		c.Closing[i] = w(x)
		close = append(close, para{Body: x})
	}
	c.Signed = fmt.Sprintf("%04d-%02d-%02d", signY, signM, signD)
	signed := fmt.Sprintf("%d年%d月%d日", signY, signM, signD)
	if v["sign-date"] == "chinese" {
		signed = cnYear(signY) + "年" + CN(signM) + "月" + CN(signD) + "日"
	}
	close = append(close, para{Body: u.issuer, Sign: true}, para{Body: signed, Sign: true})
	for _, p := range close {
		p.Body = w(p.Body)
		if table {
			d.After = append(d.After, p)
		} else {
			d.Before = append(d.Before, p)
		}
	}
	return d
}

// composeTable lays the findings out as a table: a two-row header whose
// 整改落实情况 spans two columns, a category column whose cells span their
// findings' rows, the status in a column.
func composeTable(s Spec, c *Case, d *doc, r *rand.Rand, catBody func(int) string, meas func() string) {
	v := s.V
	w := func(x string) string { return width(v, x) }
	withCat := v["grouping"] != "0"
	h1 := []cell{{Text: "序号", RowSpan: 2, Header: true}}
	h2 := []cell{{Covered: true, Header: true}}
	if withCat {
		h1 = append(h1, cell{Text: "问题类别", RowSpan: 2, Header: true})
		h2 = append(h2, cell{Covered: true, Header: true})
	}
	h1 = append(h1, cell{Text: "反馈问题", RowSpan: 2, Header: true})
	h2 = append(h2, cell{Covered: true, Header: true})
	dl := v["deadline-column"] == "words" || v["deadline-column"] == "figures"
	if dl {
		h1 = append(h1, cell{Text: "完成时限", RowSpan: 2, Header: true})
		h2 = append(h2, cell{Covered: true, Header: true})
	}
	h1 = append(h1, cell{Text: "整改落实情况", ColSpan: 2, Header: true})
	h2 = append(h2, cell{Text: "整改措施", Header: true}, cell{Text: "整改情况", Header: true})
	d.Table = append(d.Table, h1, h2)
	i := 0
	for ci := range s.Groups {
		k := s.Shape[ci]
		for j := 0; j < k; j++ {
			f := &c.Findings[i]
			shown := i + 1
			if v["restart"] == "restarts" {
				shown = j + 1
			}
			row := []cell{{Text: w(fmt.Sprint(shown))}}
			if withCat {
				if j == 0 {
					row = append(row, cell{Text: w(catBody(ci + 1)), RowSpan: k})
				} else {
					row = append(row, cell{Covered: true})
				}
				f.Category = w(catBody(ci + 1))
			}
			pr := problems[r.IntN(len(problems))] + "。"
			row = append(row, cell{Text: w(titles[titleIndex(f.Title, v)] + "。" + pr)})
			if dl {
				mo := 1 + (i*5+ci)%12
				last := time.Date(2025, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
				forms := []string{fmt.Sprintf("2025年%d月", mo), fmt.Sprintf("2025年%d月底前", mo)}
				if v["deadline-column"] == "figures" {
					forms = []string{fmt.Sprintf("2025.%d", mo), fmt.Sprintf("2025.%02d.%02d", mo, last), fmt.Sprintf("2025-%d-%d", mo, last)}
				}
				f.DeadlineText = w(forms[i%len(forms)])
				f.Deadline = fmt.Sprintf("2025-%02d-%02d", mo, last)
				row = append(row, cell{Text: f.DeadlineText})
			}
			row = append(row, cell{Text: w(meas())}, cell{Text: w(s.wordFor(i))})
			d.Table = append(d.Table, row)
			i++
		}
	}
}

// titleIndex is the pool index of a title as written in the case's width.
func titleIndex(t string, v map[string]string) int {
	for i, x := range titles {
		if width(v, x) == t {
			return i
		}
	}
	panic("genregen: title not in the pool: " + t)
}

// cnYear writes a year digit by digit: 二〇二四.
func cnYear(y int) string {
	d := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range fmt.Sprint(y) {
		b.WriteRune(d[c-'0'])
	}
	return b.String()
}
