package importer

import (
	"regexp"
	"strings"
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
	{Name: "signature", In: []Section{SectionOrganisation, SectionFindings, SectionAccountability, SectionOutstanding, SectionNextPlan, SectionUnknown}, Match: matchSignature},
	{Name: "section-heading", In: []Section{SectionHeader, SectionOrganisation, SectionFindings, SectionAccountability, SectionOutstanding, SectionNextPlan, SectionUnknown}, Match: matchSection},
	{Name: "org-point", In: []Section{SectionOrganisation}, Match: matchOrgPoint},
	{Name: "org-intro", In: []Section{SectionOrganisation}, Match: matchOrgIntro},
	{Name: "category", In: []Section{SectionFindings}, Match: matchCategory},
	{Name: "group", In: []Section{SectionFindings}, Match: matchGroup},
	{Name: "finding", In: []Section{SectionFindings}, Match: matchFinding},
	{Name: "finding-dotted", In: []Section{SectionFindings}, Match: matchDottedFinding},
	{Name: "status", In: []Section{SectionFindings}, Match: matchStatus},
	{Name: "status-unlabelled", In: []Section{SectionFindings}, Match: matchBareStatus},
	{Name: "accountability", In: []Section{SectionAccountability}, Match: matchAccountability},
	{Name: "outstanding-item", In: []Section{SectionOutstanding}, Match: matchItem},
	{Name: "outstanding-progress", In: []Section{SectionOutstanding}, Match: matchProgress},
	{Name: "outstanding-reason", In: []Section{SectionOutstanding}, Match: matchReason},
	{Name: "outstanding-next-steps", In: []Section{SectionOutstanding}, Match: matchNextSteps},
	{Name: "outstanding-deadline", In: []Section{SectionOutstanding}, Match: matchDeadline},
	{Name: "preamble", In: []Section{SectionHeader}, Match: matchPreamble},
}

const (
	cnDigits = `[一二三四五六七八九十]`
	cnNum    = cnDigits + `{1,3}`
)

// ---- header ----

func matchTitle(st *State, l Line) (Classified, bool) {
	if st.TitleAt < 0 || (st.index != st.TitleAt && st.index != st.TitleStart) {
		return Classified{}, false
	}
	st.Open = ""
	return Classified{Role: RoleTitle, Body: l.Text}, true
}

var (
	reMetaStart = regexp.MustCompile(`^(?:发布时间|发布日期|发文日期|信息来源|文章来源|来源|日期|时间|作者|发布机构)\s*:`)
	reMetaKey   = regexp.MustCompile(`(发布时间|发布日期|发文日期|信息来源|文章来源|来源|作者|责任编辑|编辑|发布机构|字体显示|字体大小|字体|阅读次数|阅读量|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量|日期|时间)\s*:`)
)

func isMetaLine(l Line) bool {
	s := l.t.norm
	if reMetaStart.MatchString(s) {
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
	locs := reMetaKey.FindAllStringSubmatchIndex(t.norm, -1)
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
	st.Open = ""
	return c, true
}

func matchPreamble(st *State, l Line) (Classified, bool) {
	if st.TitleAt >= 0 && st.index < st.TitleAt {
		return Classified{}, false
	}
	st.Open = RolePreamble
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
	s := l.t.norm
	if reDateOnly.MatchString(s) {
		st.Section, st.Open, st.SignatureDone = SectionClosing, "", true
		return Classified{Role: RoleSignatureDate, Body: l.Text, Section: SectionClosing,
			Fields: []Field{{Key: "date", Text: l.Text}}}, true
	}
	if m := l.t.find(reIssuerAnd); m != nil && issuerShaped(Normalise(m[1])) {
		st.Section, st.Open, st.SignatureDone = SectionClosing, "", true
		return Classified{Role: RoleSignature, Body: l.Text, Section: SectionClosing,
			Fields: []Field{{Key: "issuer", Text: m[1]}, {Key: "date", Text: m[2]}}}, true
	}
	if issuerShaped(s) {
		if next := st.Next(); next != nil && reDateOnly.MatchString(next.t.norm) {
			st.Open = ""
			return Classified{Role: RoleSignatureIssuer, Body: l.Text, Section: SectionClosing, Fields: []Field{{Key: "issuer", Text: l.Text}}}, true
		}
	}
	return Classified{}, false
}

// ---- sections ----

var reSection = regexp.MustCompile(`^(` + cnNum + `)\s*[、.]\s*(\S.*)$`)

// SectionOf names the section a heading's text (after 一、) opens, or "".
// The order of the checks matters: 一、…组织落实整改情况 and 三、…问题的处理情况
// both also contain words of 二、.
func SectionOf(heading string) Section {
	h := Normalise(heading)
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
	kind := SectionOf(rest)
	if kind == "" {
		if num != st.SectionNum+1 {
			return Classified{}, false
		}
		kind = SectionUnknown
	}
	st.Section, st.SectionNum, st.Open = kind, num, ""
	return Classified{Role: RoleSection, Section: kind, Num: num,
		Label: strings.TrimSuffix(l.Text, m[2]), Body: l.Text}, true
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
	st.Points++
	st.Open = RoleOrgPoint
	return Classified{Role: RoleOrgPoint, Num: num, Body: l.Text}, true
}

func matchOrgIntro(st *State, l Line) (Classified, bool) {
	if st.Points > 0 || st.Open == RoleOrgIntro {
		return Classified{}, false
	}
	st.Open = RoleOrgIntro
	return Classified{Role: RoleOrgIntro, Body: l.Text}, true
}

// ---- 二、 findings ----

var (
	reCategory = regexp.MustCompile(`^(?:[(]\s*(` + cnNum + `)\s*[)]|([\x{3220}-\x{3229}]))\s*(\S.*)$`)
	reGroup    = regexp.MustCompile(`^(\d{1,2})\s*[.、]\s*(\S.*)$`)
	reFinding  = regexp.MustCompile(`^(?:[(]\s*(\d{1,3})\s*[)]|([\x{2474}-\x{2487}]))\s*(.*)$`)
	// reStatusLabel is the label of a finding's rectification line.
	reStatusLabel = regexp.MustCompile(`^(整改情况|整改进展情况|整改进展|整改落实情况|整改落实|整改结果|整改进度|落实情况)\s*:\s*`)
	reBareStatus  = regexp.MustCompile(`^(?:已整改|已完成整改|已经整改|正在整改|整改中|持续整改|未整改|尚未整改|基本完成整改)`)
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

func matchCategory(st *State, l Line) (Classified, bool) {
	m := l.t.find(reCategory)
	if m == nil || !headingShaped(Normalise(m[3])) {
		return Classified{}, false
	}
	num := 0
	if m[1] != "" {
		num = ChineseNumber(Normalise(m[1]))
	} else {
		num = int([]rune(m[2])[0]-0x3220) + 1
	}
	if num < 1 {
		return Classified{}, false
	}
	st.CategoryNum, st.GroupNum, st.Open = num, 0, ""
	return Classified{Role: RoleCategory, Num: num, Label: strings.TrimSuffix(l.Text, m[3]), Body: m[3]}, true
}

func matchGroup(st *State, l Line) (Classified, bool) {
	m := l.t.find(reGroup)
	if m == nil {
		return Classified{}, false
	}
	rest := Normalise(m[2])
	if !headingShaped(rest) || (rest[0] >= '0' && rest[0] <= '9') {
		return Classified{}, false
	}
	num := atoi(Normalise(m[1]))
	if num < 1 {
		return Classified{}, false
	}
	st.GroupNum, st.Open = num, ""
	return Classified{Role: RoleGroup, Num: num, Label: strings.TrimSuffix(l.Text, m[2]), Body: m[2]}, true
}

func matchFinding(st *State, l Line) (Classified, bool) {
	m := l.t.find(reFinding)
	if m == nil {
		return Classified{}, false
	}
	num := 0
	if m[1] != "" {
		num = atoi(Normalise(m[1]))
	} else {
		num = int([]rune(m[2])[0]-0x2474) + 1
	}
	if num < 1 {
		return Classified{}, false
	}
	return openFinding(st, l, num, strings.TrimSuffix(l.Text, m[3]), m[3]), true
}

func openFinding(st *State, l Line, num int, label, body string) Classified {
	st.FindingNum, st.FindingHasStatus, st.Open = num, false, RoleFinding
	if _, _, ok := splitInlineStatus(body); ok {
		st.FindingHasStatus, st.Open = true, RoleStatus
	}
	return Classified{Role: RoleFinding, Num: num, Label: label, Body: body}
}

// matchDottedFinding is the format that numbers findings 1. 2. under the
// (一) headings, without groups: a numbered line with a title sentence and
// more, followed by its rectification line.
func matchDottedFinding(st *State, l Line) (Classified, bool) {
	m := l.t.find(reGroup)
	if m == nil {
		return Classified{}, false
	}
	rest := Normalise(m[2])
	if headingShaped(rest) || !strings.Contains(rest, "。") {
		return Classified{}, false
	}
	next := st.Next()
	if next == nil || !(reStatusLabel.MatchString(next.t.norm) || reBareStatus.MatchString(next.t.norm)) {
		if _, _, ok := splitInlineStatus(m[2]); !ok {
			return Classified{}, false
		}
	}
	num := atoi(Normalise(m[1]))
	if num < 1 {
		return Classified{}, false
	}
	return openFinding(st, l, num, strings.TrimSuffix(l.Text, m[2]), m[2]), true
}

func matchStatus(st *State, l Line) (Classified, bool) {
	if st.FindingNum == 0 {
		return Classified{}, false
	}
	m := l.t.find(reStatusLabel)
	if m == nil {
		return Classified{}, false
	}
	st.FindingHasStatus, st.Open = true, RoleStatus
	return Classified{Role: RoleStatus, Num: st.FindingNum, Label: m[0], Body: strings.TrimPrefix(l.Text, m[0])}, true
}

func matchBareStatus(st *State, l Line) (Classified, bool) {
	if st.Open != RoleFinding || st.FindingHasStatus || !reBareStatus.MatchString(l.t.norm) {
		return Classified{}, false
	}
	st.FindingHasStatus, st.Open = true, RoleStatus
	return Classified{Role: RoleStatus, Num: st.FindingNum, Body: l.Text}, true
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
	st.Open = role
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
	st.ItemNum, st.Open = num, RoleItem
	return Classified{Role: RoleItem, Num: num, Label: strings.TrimSuffix(l.Text, m[3]), Body: m[3]}, true
}

func labelled(st *State, l Line, re *regexp.Regexp, role, open Role) (Classified, bool) {
	if st.ItemNum == 0 {
		return Classified{}, false
	}
	m := l.t.find(re)
	if m == nil {
		return Classified{}, false
	}
	st.Open = open
	return Classified{Role: role, Num: st.ItemNum, Label: m[0], Body: strings.TrimPrefix(l.Text, m[0])}, true
}

func matchProgress(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reProgress, RoleProgress, RoleProgress)
}

func matchReason(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reReason, RoleReason, RoleReason)
}

func matchNextSteps(st *State, l Line) (Classified, bool) {
	c, ok := labelled(st, l, reNextSteps, RoleNextSteps, RoleNextSteps)
	if ok && !strings.HasSuffix(Normalise(c.Label), ":") && !strings.HasSuffix(Normalise(c.Label), ": ") {
		// 下一步将压实责任… : the words are the text, not a label.
		c.Label, c.Body = "", l.Text
	}
	return c, ok
}

func matchDeadline(st *State, l Line) (Classified, bool) {
	return labelled(st, l, reDeadline, RoleDeadline, "")
}
