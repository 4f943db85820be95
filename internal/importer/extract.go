package importer

import (
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// Extractors: small functions that find facts inside a text as written.
// Each matches the normalised copy and returns original substrings.

// ChineseNumber is the value of a Chinese numeral from 一 to 九十九 (十一,
// 二十三 …); 0 if s is not one.
func ChineseNumber(s string) int {
	digit := func(r rune) int {
		return strings.IndexRune("〇一二三四五六七八九", r) / 3 // each rune is 3 bytes
	}
	rs := []rune(s)
	switch {
	case len(rs) == 0:
		return 0
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d := digit(rs[0]); d > 0 {
			return d
		}
		return 0
	case len(rs) == 2 && rs[0] == '十':
		if d := digit(rs[1]); d > 0 {
			return 10 + d
		}
	case len(rs) == 2 && rs[1] == '十':
		if d := digit(rs[0]); d > 1 {
			return d * 10
		}
	case len(rs) == 3 && rs[1] == '十':
		a, b := digit(rs[0]), digit(rs[2])
		if a > 1 && b > 0 {
			return a*10 + b
		}
	}
	return 0
}

func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// ---- status ----

var reStatusClause = regexp.MustCompile(`^([^。,;:!?]{1,12})([。,;:!?]|$)`)

// SplitStatus splits the text after a 整改情况: label into the status words
// as written (已整改), their normalised status, and the rectification text
// after the status words' punctuation. ok is false when the text does not
// start with status words; then the whole text is the rectification.
func SplitStatus(body string) (statusText string, status notice.Status, rectification string, ok bool) {
	t := newText(body).trim()
	m := reStatusClause.FindStringSubmatchIndex(t.norm)
	if m == nil {
		return "", "", t.orig, false
	}
	clause := t.norm[m[2]:m[3]]
	if runeLen(strings.TrimSpace(clause)) > 8 || !reStatusWords.MatchString(strings.TrimSpace(clause)) {
		return "", "", t.orig, false
	}
	s, err := notice.ParseStatus(clause)
	if err != nil {
		return "", "", t.orig, false
	}
	return strings.TrimSpace(t.cut(m[2], m[3])), s, strings.TrimSpace(t.from(m[1])), true
}

// splitInlineStatus finds a rectification label inside a finding's line
// ((3)题目。问题。整改情况:已整改。…): problem before it, the label and the
// rest after it.
func splitInlineStatus(body string) (problem, rest string, ok bool) {
	t := newText(body)
	loc := reInlineStatus.FindStringIndex(t.norm)
	if loc == nil || loc[0] == 0 {
		return body, "", false
	}
	return strings.TrimSpace(t.upTo(loc[0])), t.from(loc[0]), true
}

var reInlineStatus = regexp.MustCompile(`(?:` + labelWords(FieldStatus) + `)\s*:`)

// SplitTitle splits a finding's text at its first 。 into the title (without
// the 。) and the problem.
func SplitTitle(body string) (title, problem string) {
	i := strings.Index(body, "。")
	if i < 0 {
		return strings.TrimSpace(body), ""
	}
	return strings.TrimSpace(body[:i]), strings.TrimSpace(body[i+len("。"):])
}

// ---- measures ----

var reMeasure = regexp.MustCompile(`(` + cnDigits + `{1,2})是`)

// Measures splits a text at its 一是 … 二是 … markers, as written (each piece
// keeps its marker and its punctuation). A marker counts only at the start
// of the text or after punctuation or a space, and only in sequence (一是,
// then 二是 …). No 一是: no measures (an empty list).
func Measures(s string) []string {
	t := newText(s)
	var starts []int
	want := 1
	for _, m := range reMeasure.FindAllStringSubmatchIndex(t.norm, -1) {
		if ChineseNumber(t.norm[m[2]:m[3]]) != want {
			continue
		}
		if m[0] > 0 {
			prev := lastRune(t.norm[:m[0]])
			if !strings.ContainsRune("。,;:!?、 \n()“”\"'", prev) && !(prev == '步' && strings.HasSuffix(t.norm[:m[0]], "下一步")) {
				continue
			}
		}
		starts = append(starts, m[0])
		want++
	}
	out := []string{}
	for k, st := range starts {
		end := len(t.norm)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		if p := strings.TrimSpace(t.cut(st, end)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// ---- amounts ----

var reAmount = regexp.MustCompile(`(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d{1,8}))?\s*(亿元|万元|千元|元)`)

// Amounts lists the sums of money named in the texts, as written and in
// yuan, in order, each distinct text once.
func Amounts(texts ...string) []notice.Amount {
	out := []notice.Amount{}
	seen := map[string]bool{}
	for _, s := range texts {
		t := newText(s)
		for _, m := range reAmount.FindAllStringSubmatchIndex(t.norm, -1) {
			// a number glued to a preceding digit or letter is part of something else
			if m[0] > 0 {
				if p := lastRune(t.norm[:m[0]]); p == '.' || isASCIIDigit(p) || (p >= 'A' && p <= 'z') {
					continue
				}
			}
			// The value comes from notice.ParseAmount, the parser `gongshi
			// check` verifies yuan with, so an import always checks clean.
			yuan, ok := notice.ParseAmount(t.norm[m[0]:m[1]])
			if !ok {
				continue
			}
			text := t.cut(m[0], m[1])
			if seen[text] {
				continue
			}
			seen[text] = true
			out = append(out, notice.Amount{Text: text, Yuan: yuan})
		}
	}
	return out
}

// ---- dates ----

var reDate = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?`)

// Dates lists the dates named in the texts that have a year: 2024年3月20日 →
// 2024-03-20, 2024年1月 → 2024-01; in order, each distinct text once.
// Dates without a year (2月5日) are not listed: their year is not written.
func Dates(texts ...string) []notice.DateRef {
	out := []notice.DateRef{}
	seen := map[string]bool{}
	for _, s := range texts {
		t := newText(s)
		for _, m := range reDate.FindAllStringSubmatchIndex(t.norm, -1) {
			if m[0] > 0 && isASCIIDigit(lastRune(t.norm[:m[0]])) {
				continue
			}
			y, mo := atoi(t.norm[m[2]:m[3]]), atoi(t.norm[m[4]:m[5]])
			if y < 1900 || y > 2199 || mo < 1 || mo > 12 {
				continue
			}
			iso := fmt.Sprintf("%04d-%02d", y, mo)
			end := m[1]
			if m[6] >= 0 {
				d := atoi(t.norm[m[6]:m[7]])
				if !validDay(y, mo, d) {
					// keep the month: 2024年2月30日 is a slip, 2024年2月 is not
					end = m[5] + len("月")
				} else {
					iso = fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
				}
			}
			text := t.cut(m[0], end)
			if seen[text] {
				continue
			}
			seen[text] = true
			out = append(out, notice.DateRef{Text: text, Date: iso})
		}
	}
	return out
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func validDay(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && t.Month() == time.Month(m)
}

// ParseDate reads one date as written: 2024年12月2日, 二〇二四年十二月二日,
// 2025-01-12, 2025/1/12, 2025.01.12 (a time after it is ignored).
func ParseDate(s string) (notice.Date, error) {
	n := strings.TrimSpace(Normalise(s))
	if m := reDateAny.FindStringSubmatch(n); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
		if validDay(y, mo, d) {
			return notice.Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, d)), nil
		}
	}
	if m := reDateCN.FindStringSubmatch(n); m != nil {
		y := 0
		for _, r := range m[1] {
			d := strings.IndexRune("〇一二三四五六七八九", r) / 3
			if r == '零' || r == '○' || r == 'О' {
				d = 0
			}
			if d < 0 {
				return "", i18n.Errorf("%q is not a date", s)
			}
			y = y*10 + d
		}
		mo, d := ChineseNumber(m[2]), ChineseNumber(m[3])
		if validDay(y, mo, d) {
			return notice.Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, d)), nil
		}
	}
	return "", i18n.Errorf("%q is not a date", s)
}

var (
	reDateAny = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`)
	reDateCN  = regexp.MustCompile(`^([〇零○О一二三四五六七八九]{4})\s*年\s*(` + cnDigits + `{1,3})\s*月\s*(` + cnDigits + `{1,3})\s*日`)
)

// reDeadlineDate reads a deadline: 2024年12月前, 2024年12月31日前, 2024年底前.
var reDeadlineDate = regexp.MustCompile(`(\d{4})\s*年\s*(?:(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?(?:底|末)?|年?(?:底|末))`)

// reDeadlineNum reads a deadline in figures (2025.6, 2025.06.30, 2025-6-30
// 前, 2025/6): a year of four digits, a month, perhaps a day, no digit or
// point on either side (the groups are one place on: the first is the
// start).
var reDeadlineNum = regexp.MustCompile(`(^|[^\d.])(\d{4})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{1,2}))?(?:[^\d.]|\.?$)`)

// rePlanDeadline finds a date a text says the work is planned to be done
// by: 计划于2025年12月底前完成, 预计2026年6月前整改到位, 力争在2025年底前完成.
var rePlanDeadline = regexp.MustCompile(`(?:计划|预计|力争|争取|拟|将)(?:于|在)?\s*\d{4}\s*年[^,;。!?]{0,12}?(?:底前|末前|前|底|末)(?:全面)?(?:完成|整改到位|整改完成|办结|完成整改)?`)

// rePlanBare is a plan with no word of planning, only a date and the work
// done by it (2025年6月底前完成, 于2025年底前整改到位): read only where it
// opens what follows the words of a labelled status (整改进展:正在整改,
// 2025年6月底前完成), where no other date stands.
var rePlanBare = regexp.MustCompile(`^(?:于|在)?\s*\d{4}\s*年[^,;。!?]{0,12}?(?:底前|末前|前)(?:全面)?(?:完成|整改到位|整改完成|办结|完成整改)`)

// rePlanClause is a whole clause of such a plan.
var rePlanClause = regexp.MustCompile(`^(?:` + rePlanDeadline.String() + `)$`)

// PlanDeadline is the words of a text that give a date by which the work
// is planned to be done, as written (计划于2025年12月底前完成), when they name
// a date DeadlineDate reads; else "".
func PlanDeadline(s string) string {
	return planDeadline(s, false)
}

// planDeadline is PlanDeadline; with lead, only the words that open the
// text (its first clause, after any punctuation) count: the rest of a
// status line after its status words (整改结果:正在整改,计划于2025年6月底前完成),
// and never a plan further on, which may be one measure's.
func planDeadline(s string, lead bool) string {
	t := newText(s)
	loc := rePlanDeadline.FindStringIndex(t.norm)
	if lead && (loc == nil || strings.TrimLeft(t.norm[:loc[0]], " ,;:、") != "") {
		rest := strings.TrimLeft(t.norm, " ,;:、")
		loc = rePlanBare.FindStringIndex(rest)
		if loc != nil {
			skip := len(t.norm) - len(rest)
			loc[0], loc[1] = loc[0]+skip, loc[1]+skip
		}
	}
	if loc == nil || lead && strings.TrimLeft(t.norm[:loc[0]], " ,;:、") != "" {
		return ""
	}
	d := t.cut(loc[0], loc[1])
	if DeadlineDate(d) == "" {
		return ""
	}
	return d
}

// DeadlineDate is the last day a deadline as written allows: the day named,
// else the last day of the month named, else of the year. "" when the text
// names no year (长期坚持).
func DeadlineDate(s string) notice.Date {
	n := Normalise(s)
	m := reDeadlineDate.FindStringSubmatch(n)
	if m == nil {
		// a table's 完成时限 in figures: 2025.6, 2025.06.30, 2025-6-30, 2025/6
		if m = reDeadlineNum.FindStringSubmatch(n); m != nil {
			m = m[1:]
		}
	}
	if m == nil {
		return ""
	}
	y := atoi(m[1])
	if y < 1900 || y > 2199 {
		return ""
	}
	switch {
	case m[2] == "":
		return notice.Date(fmt.Sprintf("%04d-12-31", y))
	case m[3] != "":
		mo, d := atoi(m[2]), atoi(m[3])
		if validDay(y, mo, d) {
			return notice.Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
		}
		return ""
	}
	mo := atoi(m[2])
	if mo < 1 || mo > 12 {
		return ""
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC)
	return notice.DateOf(last)
}

// ---- regulations ----

var (
	reBookRun   = regexp.MustCompile(`(?:《[^《》]{1,80}》[、,]?\s*)+`)
	reBook      = regexp.MustCompile(`《([^《》]{1,80})》`)
	reRunCount  = regexp.MustCompile(`^\s*等\s*(\d{1,3}|` + cnNum + `)\s*(?:项|个|部|份|套|条)`)
	reRunVerb   = regexp.MustCompile(`(?:完善|制定|建立|出台|修订|健全|印发|修订完善|建立健全)了?$`)
	reRunSuffix = regexp.MustCompile(`^\s*(?:等)?\s*(?:\d{1,3}|` + cnNum + `)?\s*(?:项|个|部)?\s*(?:机制|制度|规定|办法|方案|规则)`)
)

// Regulation is a run of 《…》 names a text says were established, with the
// count it announces (等9项 → 9; 0 when it names none).
type Regulation struct {
	Names []string
	Count int
}

// Regulations finds the runs of 《…》 names that a text says were
// established: a run followed by 等N项… (完善《A》《B》等2项机制制度), or
// preceded by a verb like 完善/制定/建立 and followed by 机制/制度….
func Regulations(s string) []Regulation {
	t := newText(s)
	var out []Regulation
	for _, loc := range reBookRun.FindAllStringIndex(t.norm, -1) {
		before, after := t.norm[:loc[0]], t.norm[loc[1]:]
		count := 0
		if m := reRunCount.FindStringSubmatch(after); m != nil {
			count = atoi(m[1])
			if count == 0 {
				count = ChineseNumber(m[1])
			}
		} else if !(reRunVerb.MatchString(strings.TrimSpace(before)) && reRunSuffix.MatchString(after)) {
			continue
		}
		var names []string
		for _, b := range reBook.FindAllStringSubmatchIndex(t.norm[loc[0]:loc[1]], -1) {
			names = append(names, t.cut(loc[0]+b[2], loc[0]+b[3]))
		}
		out = append(out, Regulation{Names: names, Count: count})
	}
	return out
}

// ---- 三、 accountability and petitions ----

var (
	rePeople     = regexp.MustCompile(`(\d{1,5})\s*名(?:相关)?(?:责任人|责任人员|干部|党员|人员|同志|党员干部)|(?:处理|问责)\s*(\d{1,5})\s*人`)
	reCountItem  = regexp.MustCompile(`^(?:涉及|其中|包括|含|分别为|分别是|给予|共)?\s*(\p{Han}{2,10}?)\s*(\d{1,5})\s*(?:人|名|人次)$`)
	reItemSplit  = regexp.MustCompile(`[、,;:。()“”]+`)
	reTransfer   = regexp.MustCompile(`(?:移交|转交|转办|交办)[^\d,;。]{0,10}?(\d{1,5})\s*件`)
	reClosedLike = regexp.MustCompile(`(未)?办结(?:了|的)?\s*(\d{1,5})\s*件`)
	rePendingAlt = regexp.MustCompile(`(\d{1,5})\s*件[^,;。]{0,6}(?:正在|仍在|尚在)(?:办理|核查|调查)`)
)

// AccountabilityOf reads the counts of an accountability paragraph: the
// people handled (对6名相关责任人作出处理), by rank (处级干部0人) and by form
// (诫勉谈话2人). Names ending in 干部/人员/党员 are ranks; others are forms.
func AccountabilityOf(s string) notice.Accountability {
	a := notice.Accountability{Text: s, ByRank: []notice.RankCount{}, ByForm: []notice.FormCount{}}
	n := Normalise(s)
	if m := rePeople.FindStringSubmatch(n); m != nil {
		a.People = atoi(m[1] + m[2])
	}
	t := newText(s)
	for _, part := range splitKeep(t, reItemSplit) {
		m := reCountItem.FindStringSubmatchIndex(part.norm)
		if m == nil {
			continue
		}
		name, count := part.cut(m[2], m[3]), atoi(part.norm[m[4]:m[5]])
		switch name {
		case "处理", "问责", "问责处理", "追责问责", "责任追究", "作出处理":
			continue // the total, not a form
		}
		if strings.HasSuffix(name, "干部") || strings.HasSuffix(name, "人员") || strings.HasSuffix(name, "党员") {
			a.ByRank = append(a.ByRank, notice.RankCount{Rank: name, Count: count})
		} else {
			a.ByForm = append(a.ByForm, notice.FormCount{Form: name, Count: count})
		}
	}
	return a
}

// splitKeep splits t at the separators, each piece as a text.
func splitKeep(t text, sep *regexp.Regexp) []text {
	var out []text
	prev := 0
	for _, loc := range sep.FindAllStringIndex(t.norm, -1) {
		if loc[0] > prev {
			out = append(out, t.sub(prev, loc[0]).trim())
		}
		prev = loc[1]
	}
	if prev < len(t.norm) {
		out = append(out, t.sub(prev, len(t.norm)).trim())
	}
	return out
}

// PetitionsOf reads a petitions paragraph: transferred (移交信访件16件),
// closed (已办结14件) and pending (未办结的2件). Only numbers the text
// writes; nothing is derived.
func PetitionsOf(s string) notice.Petitions {
	p := notice.Petitions{Text: s}
	n := Normalise(s)
	if m := reTransfer.FindStringSubmatch(n); m != nil {
		p.Transferred = atoi(m[1])
	}
	for _, m := range reClosedLike.FindAllStringSubmatch(n, -1) {
		if m[1] == "未" {
			if p.Pending == 0 {
				p.Pending = atoi(m[2])
			}
		} else if p.Closed == 0 {
			p.Closed = atoi(m[2])
		}
	}
	if p.Pending == 0 {
		if m := rePendingAlt.FindStringSubmatch(n); m != nil {
			p.Pending = atoi(m[1])
		}
	}
	return p
}

// ---- preamble: the inspection ----

// The inspecting body may be counted in digits (区委4个巡察组): the count
// belongs to it, not a break before it (which left 个巡察组).
var (
	rePeriod      = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:至|到|—|-|~|－|–)+\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	reBodyTgt     = regexp.MustCompile(`(\p{Han}{0,12}?(?:\d{1,3}个)?(?:巡察|巡视)\p{Han}{0,6}?组)\s*(?:于[^对,;。]{0,40}?)?(?:对|进驻)\s*([\p{Han}\d]{2,30}?)\s*(?:开展了?|进行了?|实施了?)`)
	reFeedbackTgt = regexp.MustCompile(`(\p{Han}{0,12}?(?:\d{1,3}个)?(?:巡察|巡视)\p{Han}{0,6}?组)\s*向\s*([\p{Han}\d]{2,30}?)\s*(?:进行了?|作了|全面)?\s*反馈`)
	// reFeedback is the date the inspection's findings were fed back, in
	// either order: 于2024年1月16日反馈了巡察意见, and the date first, then the
	// subject: 2023年1月17日,区委巡察组向区文旅体局党组反馈了巡察意见;
	// 2024年6月12日,巡察组反馈了5个问题. 反馈 must be the verb (反馈了,
	// 反馈巡察意见, 反馈5个问题, 进行了反馈。), not 反馈问题整改推进会.
	reFeedback = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*,?\s*[^。,;]{0,30}?反馈\s*(?:了|巡察|巡视|意见|\d|[。,;]|$)`)
)

// InspectionOf reads the inspection from the preamble (and, for what it
// does not say, from the next texts): 2023年7月3日至8月18日,县委巡察二组对郊尾镇党委
// 开展了巡察,并于2024年1月16日反馈了巡察意见.
func InspectionOf(texts ...string) notice.Inspection {
	var in notice.Inspection
	for _, s := range texts {
		n := Normalise(s)
		if in.Start == "" {
			if m := rePeriod.FindStringSubmatch(n); m != nil {
				y1, y2 := atoi(m[1]), atoi(m[1])
				if m[4] != "" {
					y2 = atoi(m[4])
				}
				if d1, d2 := atoi(m[3]), atoi(m[6]); validDay(y1, atoi(m[2]), d1) && validDay(y2, atoi(m[5]), d2) {
					in.Start = notice.Date(fmt.Sprintf("%04d-%02d-%02d", y1, atoi(m[2]), d1))
					in.End = notice.Date(fmt.Sprintf("%04d-%02d-%02d", y2, atoi(m[5]), d2))
				}
			}
		}
		if in.Body == "" {
			if m := newText(s).find(reBodyTgt); m != nil {
				in.Body, in.Target = bodyAfterDate(m[1]), m[2]
			}
		}
		if in.Body == "" && in.Feedback == "" {
			// no sentence of the inspection itself: the feedback's
			// (2023年1月17日,县委巡察组向县样本局党组反馈了巡察意见)
			if m := newText(s).find(reFeedbackTgt); m != nil {
				in.Body, in.Target = bodyAfterDate(m[1]), m[2]
			}
		}
		if in.Feedback == "" {
			if m := reFeedback.FindStringSubmatch(n); m != nil {
				y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
				if validDay(y, mo, d) {
					in.Feedback = notice.Date(fmt.Sprintf("%04d-%02d-%02d", y, mo, d))
				}
			}
		}
	}
	return in
}

// bodyAfterDate is the inspecting body without the date that ran into it
// where no comma came between: 2024年4月1日区委巡察组 (the match starts at
// 日) and 二〇二四年四月一日区委巡察组 (Chinese numerals are Han: it starts at
// 〇). It cuts after the last 年, 月, 日 or 号 that ends a number, or that
// starts the body.
func bodyAfterDate(body string) string {
	rs := []rune(body)
	cut := 0
	for i, r := range rs {
		if (r == '年' || r == '月' || r == '日' || r == '号') && (i == 0 || isNumeral(rs[i-1])) {
			cut = i + 1
		}
	}
	return string(rs[cut:])
}

func isNumeral(r rune) bool {
	return ('0' <= r && r <= '9') || ('０' <= r && r <= '９') || strings.ContainsRune("〇零一二三四五六七八九十两", r)
}

// ---- region names in the text ----

var (
	reTownship   = regexp.MustCompile(`^(?:中共|中国共产党)?(\p{Han}{1,8}?(?:镇|乡|街道)\d*)(?:委员会|党委|人民政府|政府|纪委|工委|办事处|委)`)
	reCountySrc  = regexp.MustCompile(`^(\p{Han}{1,6}?(?:县|区|市))(?:纪委|监委|委|人民政府|政府)`)
	reCountyText = regexp.MustCompile(`(?:根据|按照|遵照)(\p{Han}{1,6}?(?:县|区))委`)
)

// TextRegion is what the notice's own text says of its region.
type TextRegion struct {
	County, Township         string
	CountyLine, TownshipLine int
	CountyFrom, TownshipFrom string // which text said it (source, preamble, issuer …)
}

func townshipOf(s string) string {
	if m := reTownship.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}

func countyOf(s string) string {
	if m := reCountySrc.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		return m[1]
	}
	return ""
}
