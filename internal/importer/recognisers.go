package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Recognisers are tried in this order on every line that is not blank and
// that the decoder did not already call chrome. Each knows one shape of line
// and the sections where that shape means something. All patterns match the
// normalised copy of a line (half-width punctuation, spaces unified), and
// cut the original text.
var Recognisers = []Recogniser{
	{Name: "title", In: []Section{SectionHeader}, Match: matchTitle},
	{Name: "meta", In: []Section{SectionHeader}, Match: matchMeta},
	{Name: "chrome", Match: matchChrome},
	{Name: "table-header", In: body, Match: matchTableHeader},
	{Name: "table-row", In: body, Match: matchTableRow},
	{Name: "signature", In: []Section{SectionHeader, SectionOrganisation, SectionFindings, SectionAccountability, SectionOutstanding, SectionNextPlan, SectionUnknown}, Match: matchSignature},
	{Name: "section-heading", In: []Section{SectionHeader, SectionOrganisation, SectionFindings, SectionAccountability, SectionOutstanding, SectionNextPlan, SectionUnknown}, Match: matchSection},
	{Name: "org-point", In: []Section{SectionOrganisation}, Match: matchOrgPoint},
	{Name: "org-intro", In: []Section{SectionOrganisation}, Match: matchOrgIntro},
	{Name: "closing", In: findingsBody, Match: matchClosing},
	{Name: "status", In: findingsBody, Match: matchStatus},
	{Name: "measure", In: findingsBody, Match: matchMeasure},
	{Name: "finding-field", In: findingsBody, Match: matchFindingField},
	{Name: "problem-label", In: findingsBody, Match: matchProblemLabel},
	{Name: "numbered", In: findingsBody, Match: matchNumbered},
	{Name: "status-unlabelled", In: findingsBody, Match: matchBareStatus},
	{Name: "accountability", In: []Section{SectionAccountability}, Match: matchAccountability},
	{Name: "outstanding-item", In: []Section{SectionOutstanding}, Match: matchItem},
	{Name: "outstanding-progress", In: []Section{SectionOutstanding}, Match: matchProgress},
	{Name: "outstanding-reason", In: []Section{SectionOutstanding}, Match: matchReason},
	{Name: "outstanding-next-steps", In: []Section{SectionOutstanding}, Match: matchNextSteps},
	{Name: "outstanding-deadline", In: []Section{SectionOutstanding}, Match: matchDeadline},
	{Name: "preamble", In: []Section{SectionHeader}, Match: matchPreamble},
}

// body is every section a table may stand in; findingsBody the sections
// where findings are looked for: the findings section, a section no
// recogniser knows (它 may be a category: 一、关于…), and the header of a
// notice with no section headings once its preamble has begun.
var (
	body         = []Section{SectionHeader, SectionFindings, SectionUnknown, SectionOrganisation, SectionAccountability, SectionOutstanding, SectionNextPlan}
	findingsBody = []Section{SectionFindings, SectionUnknown, SectionHeader}
)

const (
	cnDigits = `[一二三四五六七八九十]`
	cnNum    = cnDigits + `{1,3}`
)

// ---- header ----

func matchTitle(st *State, l Line) (Classified, bool) {
	if st.TitleAt < 0 || (st.index != st.TitleAt && st.index != st.TitleStart) {
		return Classified{}, false
	}
	return Classified{Role: RoleTitle, Body: l.Text}, true
}

var (
	reMetaStart = regexp.MustCompile(`^(?:发布时间|发布日期|发文日期|信息来源|文章来源|来源|日期|时间|作者|发布机构)\s*:`)
	reMetaKey   = regexp.MustCompile(`(发布时间|发布日期|发文日期|信息来源|文章来源|来源|作者|责任编辑|编辑|发布机构|字体显示|字体大小|字体|阅读次数|阅读量|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量|日期|时间)\s*:`)
)

// reBareMeta is a date-and-source line with no keys, under the title of
// some provincial sites: 2025-12-25 10:54 福建省纪委监委网站.
var reBareMeta = regexp.MustCompile(`^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+(\p{Han}[^。,;:]{1,30})$`)

func isMetaLine(l Line) bool {
	s := l.t.norm
	if reMetaStart.MatchString(s) || reBareMeta.MatchString(s) {
		return true
	}
	return runeLen(s) < 120 && !strings.Contains(s, "。") &&
		(strings.Contains(s, "发布时间:") || strings.Contains(s, "发布日期:")) && strings.Contains(s, "来源:")
}

func matchMeta(st *State, l Line) (Classified, bool) {
	if !isMetaLine(l) {
		return Classified{}, false
	}
	c := Classified{Role: RoleMeta, Body: l.Text}
	t := l.t
	if m := t.find(reBareMeta); m != nil {
		c.Fields = []Field{{Key: "published", Text: m[1]}, {Key: "source", Text: m[2]}}
		return c, true
	}
	locs := reMetaKey.FindAllStringSubmatchIndex(t.norm, -1)
	for _, m := range locs {
		// a key in brackets (【字体:大 中 小】): the bracket opens its
		// segment, not ends the value before it
		if i := strings.TrimRight(t.norm[:m[0]], " "); strings.HasSuffix(i, "【") || strings.HasSuffix(i, "[") || strings.HasSuffix(i, "(") {
			_, size := utf8.DecodeLastRuneInString(i)
			m[0] = len(i) - size
		}
	}
	if len(locs) > 0 && locs[0][0] > 0 {
		if s := strings.TrimSpace(t.cut(0, locs[0][0])); s != "" {
			c.Leftover = append(c.Leftover, s)
		}
	}
	for k, m := range locs {
		end := len(t.norm)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		key := t.norm[m[2]:m[3]]
		seg := t.sub(m[0], end).trim()
		val := t.sub(m[1], end).trim()
		switch key {
		case "发布时间", "发布日期", "发文日期", "日期", "时间":
			c.Fields = append(c.Fields, Field{Key: "published", Text: val.orig})
		case "信息来源", "文章来源", "来源", "发布机构":
			c.Fields = append(c.Fields, Field{Key: "source", Text: val.orig})
		case "作者", "责任编辑", "编辑":
			c.Leftover = append(c.Leftover, seg.orig)
		default:
			c.Chrome = append(c.Chrome, seg.orig)
		}
	}
	if len(c.Chrome) > 0 {
		c.Why = "web chrome in the meta line"
	}
	return c, true
}

func matchPreamble(st *State, l Line) (Classified, bool) {
	if st.TitleAt >= 0 && st.index < st.TitleAt {
		return Classified{}, false
	}
	return Classified{Role: RolePreamble, Body: l.Text}, true
}

// ---- chrome ----

var (
	reChromeStart = regexp.MustCompile(`^(?:附件|相关链接|相关附件|相关文章|相关阅读|相关新闻|相关信息|相关稿件|上一篇|下一篇|上一条|下一条|分享到|分享至|扫一扫|扫码|责任编辑|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回首页|当前位置|您的位置|您现在的位置|网站地图|联系我们|版权所有|主办单位|承办单位|技术支持|网站标识码|【\s*(?:打印|关闭|收藏)[^】]{0,4}】)`)
	reChromeAny   = regexp.MustCompile(`字体(?:显示|大小)?\s*:?\s*【?\s*大\s*】?\s*【?\s*中\s*】?\s*【?\s*小|版权所有|(?i:copyright)|©|ICP备|公网安备|网站标识码|【\s*(?:大|中|小)\s*】`)
	reCounter     = regexp.MustCompile(`^(?:阅读|浏览|点击|访问)(?:次数|量|数)?\s*:?\s*\d*\s*(?:次)?$`)
	reCrumb       = regexp.MustCompile(`^(?:首页|主页|网站首页)\s*[>»›/]`)
)

// isChromeLine says why a line is web page furniture, or "".
func isChromeLine(l Line) string {
	s := l.t.norm
	if len(s) > 600 {
		// a paragraph of the notice (page furniture is a short line): only
		// a furniture word at its start counts
		if reChromeStart.MatchString(s) {
			return "page furniture (" + reChromeStart.FindString(s) + ")"
		}
		return ""
	}
	switch {
	case reChromeStart.MatchString(s):
		return "page furniture (" + reChromeStart.FindString(s) + ")"
	case reChromeAny.MatchString(s):
		return "page furniture (" + strings.TrimSpace(reChromeAny.FindString(s)) + ")"
	case reCounter.MatchString(s):
		return "view counter"
	case reCrumb.MatchString(s):
		return "breadcrumb"
	case runeLen(s) <= 80 && !strings.Contains(s, "。") && strings.Count(s, ">")+strings.Count(s, "»")+strings.Count(s, "›") >= 2:
		return "breadcrumb"
	}
	return ""
}

func matchChrome(st *State, l Line) (Classified, bool) {
	why := isChromeLine(l)
	if why == "" {
		return Classified{}, false
	}
	return Classified{Role: RoleChrome, Chrome: []string{l.Text}, Why: why}, true
}

// ---- signature ----

var (
	dateArabic  = `\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`
	dateChinese = `[〇零○О一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日`
	reDateOnly  = regexp.MustCompile(`^(?:` + dateArabic + `|` + dateChinese + `)$`)
	reIssuerAnd = regexp.MustCompile(`^(\S.{0,29}?)\s+(` + dateArabic + `|` + dateChinese + `)$`)
)

func matchSignature(st *State, l Line) (Classified, bool) {
	if st.Section == SectionHeader && !st.Preamble {
		return Classified{}, false // a notice with no sections signs after its preamble
	}
	s := l.t.norm
	if reDateOnly.MatchString(s) {
		return Classified{Role: RoleSignatureDate, Body: l.Text, Section: SectionClosing,
			Fields: []Field{{Key: "date", Text: l.Text}}}, true
	}
	if m := l.t.find(reIssuerAnd); m != nil && issuerShaped(Normalise(m[1])) {
		return Classified{Role: RoleSignature, Body: l.Text, Section: SectionClosing,
			Fields: []Field{{Key: "issuer", Text: m[1]}, {Key: "date", Text: m[2]}}}, true
	}
	if issuerShaped(s) {
		if next := st.Next(); next != nil && reDateOnly.MatchString(next.t.norm) {
			return Classified{Role: RoleSignatureIssuer, Body: l.Text, Section: SectionClosing, Fields: []Field{{Key: "issuer", Text: l.Text}}}, true
		}
	}
	return Classified{}, false
}

// ---- sections ----

var reQuoted = regexp.MustCompile(`“[^”]*”|"[^"]*"`)

var reSection = regexp.MustCompile(`^(` + cnNum + `)\s*[、.]\s*(\S.*)$`)

// SectionOf names the section a heading's text (after 一、) opens, or "".
// The order of the checks matters: 一、…组织落实整改情况 and 三、…问题的处理情况
// both also contain words of 二、.
func SectionOf(heading string) Section {
	// Words in quotes are the inspection's wording of a category of
	// problems (一、关于“…领导班子…”方面的问题), not the section's name.
	h := reQuoted.ReplaceAllString(Normalise(heading), "“”")
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("组织落实", "主要负责人", "组织领导", "落实整改主体责任", "整改工作开展情况", "整改工作的组织"):
		return SectionOrganisation
	case has("处理情况", "问责", "追责", "问题线索", "处置情况", "移交"):
		return SectionAccountability
	case has("进一步整改", "未完成", "尚未完成", "仍需", "需要继续", "持续整改", "下一步整改", "长期整改"):
		return SectionOutstanding
	case has("下一步计划", "下一步工作", "下步工作", "下一步打算", "工作打算", "今后", "下一步措施"):
		return SectionNextPlan
	case has("整改情况", "整改落实", "整改进展", "反馈问题", "问题整改", "整改事项", "整改完成"):
		return SectionFindings
	}
	return ""
}

func matchSection(st *State, l Line) (Classified, bool) {
	if c, ok := matchParenSection(st, l); ok {
		return c, true
	}
	if st.SectionStyle == "(一)" {
		return Classified{}, false
	}
	m := l.t.find(reSection)
	if m == nil {
		return Classified{}, false
	}
	rest := Normalise(m[2])
	if runeLen(rest) > 60 || strings.HasPrefix(rest, "是") {
		return Classified{}, false
	}
	if i := strings.Index(rest, "。"); i >= 0 && i+len("。") < len(rest) {
		return Classified{}, false
	}
	num := ChineseNumber(Normalise(m[1]))
	if num < 1 {
		return Classified{}, false
	}
	// 一、标题(持续整改): the status words in brackets are not the words
	// of a section's name
	status, bracket := inlineStatus(m[2])
	bracket = bracket && status.Where == "bracket"
	if b := reBracketEnd.FindStringIndex(rest); bracket && b != nil {
		rest = rest[:b[0]]
	}
	kind := SectionOf(rest)
	if kind == "" {
		if num != st.SectionNum+1 {
			return Classified{}, false
		}
		kind = SectionUnknown
	}
	c := Classified{Role: RoleSection, Section: kind, Num: num, Style: "一、",
		Label: strings.TrimSuffix(l.Text, m[2]), Body: l.Text}
	if kind == SectionUnknown && bracket {
		// 一、标题(已整改): a heading no recogniser knows may be a finding
		// with its status in brackets; Structure decides
		c.Status = &status
	}
	return c, true
}

// matchParenSection is a (一) heading that names a section, in a notice
// with no 一、 level ((一)党组书记组织落实整改工作情况): the first such
// heading must name a section gongshi knows; later ones follow in order.
func matchParenSection(st *State, l Line) (Classified, bool) {
	if st.SectionStyle == "一、" || (st.SectionStyle == "" && st.Numbered) {
		return Classified{}, false
	}
	m := l.t.find(reCategory)
	if m == nil || m[1] == "" || !headingShaped(Normalise(m[3])) {
		return Classified{}, false
	}
	num := ChineseNumber(Normalise(m[1]))
	kind := SectionOf(m[3])
	switch {
	case num < 1:
		return Classified{}, false
	case kind == "" && st.SectionStyle == "":
		return Classified{}, false
	case kind == "" && num != st.SectionNum+1:
		return Classified{}, false
	case kind == "":
		kind = SectionUnknown
	}
	return Classified{Role: RoleSection, Section: kind, Num: num, Style: "(一)",
		Label: strings.TrimSuffix(l.Text, m[3]), Body: l.Text}, true
}

// ---- 一、 organisation ----

var reOrgPoint = regexp.MustCompile(`^(?:(` + cnDigits + `{1,2})是|[(]\s*(` + cnDigits + `{1,2})\s*[)]|第(` + cnDigits + `{1,2})\s*[,、]|(\d{1,2})\s*[.、]\s*\D)`)

func matchOrgPoint(st *State, l Line) (Classified, bool) {
	m := reOrgPoint.FindStringSubmatch(l.t.norm)
	if m == nil {
		return Classified{}, false
	}
	num := 0
	switch {
	case m[1] != "":
		num = ChineseNumber(m[1])
	case m[2] != "":
		num = ChineseNumber(m[2])
	case m[3] != "":
		num = ChineseNumber(m[3])
	default:
		num = atoi(m[4])
	}
	return Classified{Role: RoleOrgPoint, Num: num, Body: l.Text}, true
}

func matchOrgIntro(st *State, l Line) (Classified, bool) {
	if st.Points > 0 || st.Open == RoleOrgIntro {
		return Classified{}, false
	}
	return Classified{Role: RoleOrgIntro, Body: l.Text}, true
}

// ---- findings ----

var (
	reCategory = regexp.MustCompile(`^(?:[(]\s*(` + cnNum + `)\s*[)]|([\x{3220}-\x{3229}]))\s*(\S.*)$`)
	reGroup    = regexp.MustCompile(`^(\d{1,2})\s*[.、]\s*(\S.*)$`)
	// reStatusLabel is the label of a finding's status and rectification
	// line.
	reStatusLabel = labelAt(labelWords(FieldStatus))
	// reMeasureLabel is the label of a rectification line that is not its
	// status.
	reMeasureLabel = labelAt(labelWords(FieldMeasures))
	reMeasureLine  = regexp.MustCompile(`^(?:` + cnDigits + `{1,2})是`)
)

// headingShaped is a short heading text: at most 60 runes and no 。 before
// its end.
func headingShaped(rest string) bool {
	if rest == "" || runeLen(rest) > 60 {
		return false
	}
	i := strings.Index(rest, "。")
	return i < 0 || i+len("。") == len(rest)
}

// Numbering is a numbered line's label: its style, the label as written and
// its number (0 for a label without one: 【…】).
type Numbering struct {
	Style string
	Label string // as written, including the space after it
	Num   int
	Rest  string // the text after the label, as written
	// Ref: the words around the number name a finding of the first notice
	// on the inspection (巡察反馈第4个问题): Num is that finding's number.
	Ref bool
}

var (
	reNumCN      = regexp.MustCompile(`^(` + cnNum + `)\s*[、.:]\s*`)
	reNumParenCN = regexp.MustCompile(`^(?:[(]\s*(` + cnNum + `)\s*[)]|([\x{3220}-\x{3229}]))\s*`)
	reNumParen   = regexp.MustCompile(`^(?:[(]\s*(\d{1,3})\s*[)]|([\x{2474}-\x{2487}]))\s*`)
	reNumDot     = regexp.MustCompile(`^(\d{1,3})\s*([.、:])\s*`)
	reNumRParen  = regexp.MustCompile(`^(\d{1,3})\s*[)]\s*`)
	reNumCircle  = regexp.MustCompile(`^([\x{2460}-\x{2473}])\s*`)
	reNumBracket = regexp.MustCompile(`^【([^】]{1,40})】\s*`)
)

// NumberingOf reads the numbering label a line starts with; ok is false
// for a line without one. Every style a notice of the genre uses is here:
// 一、 一: (一) ㈠ 1. 1、 1: ⒈ (1) ⑴ 1) ① 【…】, and the numbers with words
// around them (问题1:, 【问题一】, 第3个问题, 第3点, 第3项, 巡察反馈第4个问题; see
// numberingWithWord).
func NumberingOf(t text) (Numbering, bool) {
	n := t.norm
	cut := func(end int) (string, string) { return t.cut(0, end), t.from(end) }
	if nb, ok := numberingWithWord(t); ok {
		return nb, true
	}
	if m := reNumStop.FindStringSubmatchIndex(n); m != nil {
		lab, rest := cut(m[1])
		return Numbering{"1.", lab, numValue(n[m[2]:m[3]]), rest, false}, true
	}
	if m := reNumCN.FindStringSubmatchIndex(n); m != nil {
		lab, rest := cut(m[1])
		return Numbering{"一、", lab, ChineseNumber(n[m[2]:m[3]]), rest, false}, true
	}
	if m := reNumParenCN.FindStringSubmatchIndex(n); m != nil {
		num := 0
		if m[2] >= 0 {
			num = ChineseNumber(n[m[2]:m[3]])
		} else {
			num = int([]rune(n[m[4]:m[5]])[0]-0x3220) + 1
		}
		lab, rest := cut(m[1])
		return Numbering{"(一)", lab, num, rest, false}, num > 0
	}
	if m := reNumParen.FindStringSubmatchIndex(n); m != nil {
		num := 0
		if m[2] >= 0 {
			num = atoi(n[m[2]:m[3]])
		} else {
			num = int([]rune(n[m[4]:m[5]])[0]-0x2474) + 1
		}
		lab, rest := cut(m[1])
		return Numbering{"(1)", lab, num, rest, false}, num > 0
	}
	if m := reNumDot.FindStringSubmatchIndex(n); m != nil && !(n[m[4]:m[5]] != "、" && m[1] < len(n) && isASCIIDigit(rune(n[m[1]]))) {
		// 1.5万元 is an amount, 10:30 a time, not a label
		lab, rest := cut(m[1])
		return Numbering{"1.", lab, atoi(n[m[2]:m[3]]), rest, false}, atoi(n[m[2]:m[3]]) > 0
	}
	if m := reNumRParen.FindStringSubmatchIndex(n); m != nil {
		lab, rest := cut(m[1])
		return Numbering{"1)", lab, atoi(n[m[2]:m[3]]), rest, false}, atoi(n[m[2]:m[3]]) > 0
	}
	if m := reNumCircle.FindStringSubmatchIndex(n); m != nil {
		lab, rest := cut(m[1])
		return Numbering{"①", lab, int([]rune(n[m[2]:m[3]])[0]-0x2460) + 1, rest, false}, true
	}
	if m := reNumBracket.FindStringSubmatchIndex(n); m != nil {
		inner := n[m[2]:m[3]]
		if KindOfLabel(inner) != "" || isStatusClause(inner) {
			return Numbering{}, false
		}
		// 【标题】text: the bracket is the label and holds the heading
		return Numbering{"【】", "", 0, t.orig, false}, true
	}
	return Numbering{}, false
}

// matchNumbered is a numbered line in the findings: a heading, a finding,
// or text inside a rectification. After a status line, a numbered line is
// text of the rectification unless its numbering is the current item's
// (the next finding) or an outer heading's and it reads like a heading.
func matchNumbered(st *State, l Line) (Classified, bool) {
	if st.Section == SectionHeader && !st.Preamble {
		return Classified{}, false
	}
	nb, ok := NumberingOf(l.t)
	if !ok || strings.TrimSpace(nb.Rest) == "" && nb.Style != "【】" {
		return Classified{}, false
	}
	rest := Normalise(nb.Rest)
	heading := headingShaped(strings.TrimSpace(rest))
	if st.Section == SectionHeader && nb.Style == "一、" && (heading || !st.Preamble) {
		// a 一、 heading is a section's, or the preamble's text; a 一、
		// paragraph after the preamble (一、标题。问题。) may be a finding
		return Classified{}, false
	}
	if st.StatusSeen {
		open := -1
		for i, s := range st.Styles {
			if s == nb.Style {
				open = i
			}
		}
		top := len(st.Styles) - 1
		// an outer item's next number (2. after 1.) is its sibling, heading
		// or not: Structure weighs which level the findings are
		next := open >= 0 && open < len(st.Nums) && nb.Num > 0 && nb.Num == st.Nums[open]+1
		if open < 0 || (open != top && !heading && !next) {
			return Classified{Role: RoleContinuation, Into: RoleStatus, Body: l.Text, Recogniser: "numbered-text"}, true
		}
	}
	c := Classified{Role: RoleNumbered, Style: nb.Style, Num: nb.Num, Label: nb.Label, Body: nb.Rest, Heading: heading}
	if nb.Style == "【】" {
		c.Body = l.Text
	}
	if nb.Ref {
		c.Ref = nb.Num
	} else if m := reRefInTitle.FindStringSubmatch(rest); m != nil {
		// 1.关于巡察反馈第4点…问题: the item names the first notice's finding
		c.Ref = numValue(m[1])
	}
	if f, ok := inlineStatus(nb.Rest); ok {
		c.Status = &f
		if problem, _, inline := splitInlineStatus(nb.Rest); inline {
			// (3)题目。问题。整改情况:已整改。…: the problem ends at the label
			c.Fields = append(c.Fields, Field{Key: "problem", Text: problem})
		}
	} else if f, ok := bracketAfterTitle(nb.Rest); ok {
		// 1.标题(已完成)。问题…: the status in brackets (Assemble takes
		// the brackets out of the title: cutBracketStatus)
		c.Status = &f
	} else if endsFinding(st) {
		if f, problem, ok := lastSentenceStatus(nb.Rest); ok {
			// 1.标题。问题。目前,该问题已整改到位。: one paragraph per
			// finding; its last sentence is the rectification
			c.Status = &f
			c.Fields = append(c.Fields, Field{Key: "problem", Text: problem})
		}
	}
	return c, true
}

// reRefInTitle is a reference to the first notice's finding at the start
// of an item's text: 关于巡察反馈第4点…, 巡察反馈第11个问题….
var reRefInTitle = regexp.MustCompile(`^\s*(?:关于)?(?:(?:县委|市委|区委|省委)?(?:巡察|巡视)(?:[一二三四五六七八九十\d]{0,3}组)?)?反馈(?:的)?(?:意见)?(?:问题)?第\s*(\d{1,3}|` + cnNum + `)\s*(?:个问题|个|点|项|条)`)

// endsFinding says whether the line being classified is the whole of its
// item: the next line opens another item, a section, or the signature (or
// there is none). Only then may the line's last sentence be its status.
func endsFinding(st *State) bool {
	next := st.Next()
	if next == nil {
		return true
	}
	if next.Cells != nil {
		return false
	}
	s := next.t.norm
	if _, ok := NumberingOf(next.t); ok {
		return true
	}
	return reProblemLabel.MatchString(s) || reSection.MatchString(s) || reDateOnly.MatchString(s) || issuerShaped(s) ||
		reClosing.MatchString(s) // the notice's closing words to its readers (欢迎…监督)
}

// matchStatus is a labelled status line: 整改情况:已整改。…, 完成情况:…,
// 【整改进展】… — before or after the measures.
func matchStatus(st *State, l Line) (Classified, bool) {
	if !st.Numbered {
		return Classified{}, false
	}
	m := l.t.find(reStatusLabel)
	if m == nil {
		return Classified{}, false
	}
	body := strings.TrimPrefix(l.Text, m[0])
	f := statusOf(body)
	f.Label = m[0]
	return Classified{Role: RoleStatus, Label: m[0], Body: body, Status: &f}, true
}

// matchMeasure is a rectification line that is not the status: 整改措施:…,
// or 一是… on a line of its own after a numbered item.
func matchMeasure(st *State, l Line) (Classified, bool) {
	if !st.Numbered {
		return Classified{}, false
	}
	if m := l.t.find(reMeasureLabel); m != nil {
		return Classified{Role: RoleMeasure, Label: m[0], Body: strings.TrimPrefix(l.Text, m[0])}, true
	}
	if reMeasureLine.MatchString(l.t.norm) && (st.Open == RoleNumbered || st.Open == RoleStatus || st.Open == RoleFinding) {
		return Classified{Role: RoleMeasure, Body: l.Text}, true
	}
	return Classified{}, false
}

// matchFindingField is a finding's labelled field other than its problem
// and rectification: 责任单位:…, 责任领导:…, 整改时限:…, 完成时限:….
func matchFindingField(st *State, l Line) (Classified, bool) {
	if !st.Numbered {
		return Classified{}, false
	}
	m := l.t.find(reFieldLabel)
	if m == nil {
		return Classified{}, false
	}
	body := strings.TrimPrefix(l.Text, m[0])
	return Classified{Role: RoleField, Label: m[0], Body: body,
		Fields: []Field{{Key: string(KindOfLabel(m[0])), Text: body}}}, true
}

// matchProblemLabel is a line that starts with a problem label (存在问题:,
// 问题描述:, 问题:). Right after a numbered line it is that item's problem
// (a continuation, the label kept as Label); elsewhere it opens an item of
// its own: a finding written as labelled paragraphs with no number, whose
// style is "问题:" (Structure decides, as for numbered lines).
func matchProblemLabel(st *State, l Line) (Classified, bool) {
	if st.Section == SectionHeader && !st.Preamble {
		return Classified{}, false
	}
	m := l.t.find(reProblemLabel)
	if m == nil {
		return Classified{}, false
	}
	body := strings.TrimPrefix(l.Text, m[0])
	if st.Open == RoleNumbered && !st.StatusSeen {
		// the problem of the item just opened: 1.标题 / 问题描述:…
		return Classified{Role: RoleContinuation, Into: RoleNumbered, Label: m[0], Body: body}, true
	}
	if st.BracketTitle {
		// ①标题(已完成) / 问题表现:…: the status in brackets came before
		// the problem, which is still the finding's, not its rectification
		return Classified{Role: RoleContinuation, Into: RoleFinding, Label: m[0], Body: body}, true
	}
	c := Classified{Role: RoleNumbered, Style: "问题:", Label: m[0], Body: body, Heading: headingShaped(strings.TrimSpace(Normalise(body)))}
	return c, true
}

// reClosing is the notice's closing words to its readers, after its
// findings and before the signature, in a notice with no 五、 section to hold
// them: an invitation to supervise (欢迎广大干部群众对巡察整改落实情况进行监督),
// a request for opinions (如有意见建议…), the contacts (联系电话:…, 邮政信箱:…).
var reClosing = regexp.MustCompile(`^(?:(?:诚挚|真诚|热忱|热诚)?欢迎[^。;]{0,40}(?:监督|批评|意见|建议)|如(?:对[^。;]{0,30})?有(?:意见|建议|问题反映)|(?:联系电话|监督电话|举报电话|联系方式|邮政信箱|电子邮箱|电子信箱|通信地址|通讯地址|来信地址)\s*:)`)

// matchClosing is the closing paragraph of a notice whose findings run to
// its end (reClosing): it is the notice's closing text, kept as its next
// plan with no heading, not more of the last finding's rectification. The
// lines after it, up to the signature, are closing text too.
func matchClosing(st *State, l Line) (Classified, bool) {
	if !st.Numbered || !reClosing.MatchString(l.t.norm) {
		return Classified{}, false
	}
	return Classified{Role: RoleNextPlan, Section: SectionNextPlan, Body: l.Text}, true
}

// matchBareStatus is a line that starts with status words right after a
// numbered item (已整改。…), with no label.
func matchBareStatus(st *State, l Line) (Classified, bool) {
	if st.Open != RoleNumbered || st.StatusSeen {
		return Classified{}, false
	}
	f := statusOf(l.Text)
	if f.Where != "start" {
		return Classified{}, false
	}
	return Classified{Role: RoleStatus, Body: l.Text, Status: &f}, true
}

// ---- 三、 accountability and petitions ----

var reParaMarker = regexp.MustCompile(`^(?:[(]\s*(` + cnDigits + `{1,2})\s*[)]|(\d{1,2})\s*[.、])\s*`)

func matchAccountability(st *State, l Line) (Classified, bool) {
	label, body, num := "", l.Text, 0
	if m := l.t.find(reParaMarker); m != nil {
		label, body = m[0], strings.TrimPrefix(l.Text, m[0])
		if m[1] != "" {
			num = ChineseNumber(Normalise(m[1]))
		} else {
			num = atoi(Normalise(m[2]))
		}
	}
	s := Normalise(body)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	role := Role("")
	switch {
	case has("信访") && has("移交", "办结", "转办", "交办"):
		role = RolePetitions
	case has("处理", "问责", "处分", "谈话", "立案", "追责", "诫勉", "责令检查"):
		role = RoleAccountability
	case has("信访"):
		role = RolePetitions
	}
	if role == "" {
		return Classified{}, false
	}
	return Classified{Role: role, Num: num, Label: label, Body: body}, true
}

// ---- 四、 outstanding items ----

var (
	reItem       = regexp.MustCompile(`^(?:(\d{1,2})\s*[.、]|[(]\s*(` + cnDigits + `{1,2})\s*[)])\s*(\S.*)$`)
	reFindingRef = regexp.MustCompile(`第\s*(\d{1,3})\s*(?:点|条|项|个问题|个)`)
	reProgress   = regexp.MustCompile(`^(?:整改情况|整改进展情况|整改进展|整改落实情况|整改进度|目前进展|进展情况|工作进展)\s*:\s*`)
	reReason     = regexp.MustCompile(`^(?:未完成整改的?原因(?:及下一步(?:整改)?措施)?|未完成的?原因|未整改到位的?原因|尚未完成的?原因|原因分析|存在困难|原因)\s*:\s*`)
	reNextSteps  = regexp.MustCompile(`^下一步(?:措施|工作|计划|打算|整改措施|工作措施)?\s*(?::\s*)?`)
	reDeadline   = regexp.MustCompile(`^(?:整改时限|完成时限|整改期限|完成时间|整改时间)\s*:\s*`)
)

func matchItem(st *State, l Line) (Classified, bool) {
	m := l.t.find(reItem)
	if m == nil {
		return Classified{}, false
	}
	num := 0
	if m[1] != "" {
		num = atoi(Normalise(m[1]))
	} else {
		num = ChineseNumber(Normalise(m[2]))
	}
	if num != st.ItemNum+1 {
		return Classified{}, false
	}
	first := Normalise(m[3])
	if i := strings.Index(first, "。"); i >= 0 {
		first = first[:i]
	}
	if !(strings.Contains(first, "关于") || reFindingRef.MatchString(first) || strings.Contains(first, "问题")) {
		return Classified{}, false
	}
	return Classified{Role: RoleItem, Num: num, Label: strings.TrimSuffix(l.Text, m[3]), Body: m[3]}, true
}

func labelled(st *State, l Line, re *regexp.Regexp, role Role) (Classified, bool) {
	if st.ItemNum == 0 {
		return Classified{}, false
	}
	m := l.t.find(re)
	if m == nil {
		return Classified{}, false
	}
	return Classified{Role: role, Num: st.ItemNum, Label: m[0], Body: strings.TrimPrefix(l.Text, m[0])}, true
}

func matchProgress(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reProgress, RoleProgress)
}

func matchReason(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reReason, RoleReason)
}

func matchNextSteps(st *State, l Line) (Classified, bool) {
	c, ok := labelled(st, l, reNextSteps, RoleNextSteps)
	if ok && !strings.HasSuffix(Normalise(c.Label), ":") && !strings.HasSuffix(Normalise(c.Label), ": ") {
		// 下一步将压实责任… : the words are the text, not a label.
		c.Label, c.Body = "", l.Text
	}
	return c, ok
}

func matchDeadline(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reDeadline, RoleDeadline)
}
