package importer

import (
	"strings"
)

// Role is what a line is in a notice.
type Role string

const (
	RoleBlank    Role = "blank"
	RoleChrome   Role = "chrome"    // web page furniture: not the notice, reported, not stored
	RoleTitle    Role = "title"     // 中共…关于…的通报 (may wrap onto two lines)
	RoleMeta     Role = "meta"      // 发布时间:… 来源:…
	RolePreamble Role = "preamble"  // 根据…现将巡察整改情况予以公布。
	RoleSection  Role = "section"   // 一、… 五、
	RoleOrgIntro Role = "org_intro" // first paragraph of 一、
	RoleOrgPoint Role = "org_point" // 一是… 二是…
	RoleCategory Role = "category"  // (一)…
	RoleGroup    Role = "group"     // 1.…
	RoleFinding  Role = "finding"   // (1)title。problem
	RoleStatus   Role = "status"    // 整改情况:已整改。rectification
	// RoleNumbered is a numbered line in the findings (一、 （一） 1. (1) ①
	// 【…】 …) before Structure decides what it is: a category or group
	// heading, a finding, or text inside a finding.
	RoleNumbered Role = "numbered"
	// RoleMeasure is a line of a finding's rectification that is not its
	// status: 一是… on its own line, or 整改措施:….
	RoleMeasure Role = "measure"
	// RoleHeading is a heading above the findings at a level gongshi does
	// not keep (a third level above category and group).
	RoleHeading Role = "heading"
	// RoleField is a finding's labelled field that is neither its problem
	// nor its rectification: 责任单位:…, 整改时限:….
	RoleField       Role = "field"
	RoleTableHeader Role = "table_header" // 序号 | 反馈问题 | 整改措施 | 整改情况 …
	RoleTableRow    Role = "table_row"    // one finding in a table

	RoleAccountability  Role = "accountability"
	RolePetitions       Role = "petitions"
	RoleItem            Role = "outstanding" // 1.关于巡察反馈第4点…
	RoleProgress        Role = "progress"    // 整改情况:… (in 四、)
	RoleReason          Role = "reason"      // 未完成整改的原因…:
	RoleNextSteps       Role = "next_steps"  // 下一步…
	RoleDeadline        Role = "deadline"    // 整改时限:…
	RoleNextPlan        Role = "next_plan"   // 五、下一步计划's text
	RoleSignatureIssuer Role = "signature_issuer"
	RoleSignatureDate   Role = "signature_date"
	RoleSignature       Role = "signature" // issuer and date on one line
	RoleContinuation    Role = "continuation"
	RoleUnplaced        Role = "unplaced"
)

// Section is the part of a notice a line is in.
type Section string

const (
	SectionHeader         Section = "header" // before 一、
	SectionOrganisation   Section = "organisation"
	SectionFindings       Section = "findings"
	SectionAccountability Section = "accountability"
	SectionOutstanding    Section = "outstanding"
	SectionNextPlan       Section = "next_plan"
	SectionUnknown        Section = "unknown" // under a heading no recogniser knows
	SectionClosing        Section = "closing" // after the signature
)

// Field is a named value a recogniser found inside a line (the published
// date of a meta line, the issuer of a signature …), as written.
type Field struct {
	Key  string
	Text string
}

// Classified is a line with its role.
type Classified struct {
	No      int    // line (or paragraph) number in the input
	Text    string // the line as written, without surrounding spaces
	Role    Role
	Section Section
	// Num is the line's own number: 2 for 二、, 1 for (一), 3 for 3., 12 for
	// (12), the item number in 四、.
	Num int
	// Label is the structural prefix the recogniser consumed, as written:
	// "(12)", "整改情况:", "1.", "未完成整改的原因及下一步措施:".
	Label string
	// Body is what the data keeps of the line: the text after the label.
	Body string
	// Into is, for a continuation, the role whose text the line continues.
	Into   Role
	Fields []Field
	// Style is a numbered line's numbering style: "一、", "(一)", "1.",
	// "(1)", "①", "【】", "1)".
	Style string
	// Heading is true for a numbered line whose text is heading-shaped: short,
	// with no 。 before its end.
	Heading bool
	// Status is the status a line states (a status line, a finding line with
	// its status inline or in brackets, a table row), nil if none.
	Status *Found
	// Cells are a table row's cells, as written.
	Cells []string
	// Chrome lists the parts of the line that are web page furniture (the
	// whole line for RoleChrome).
	Chrome []string
	// Leftover lists parts of a line that no field takes (an 作者: in a meta
	// line); they go to the notice's unplaced lines.
	Leftover []string
	// Why says, for chrome and unplaced lines, why.
	Why string
	// Recogniser names the recogniser that placed the line.
	Recogniser string
	// Part is, for a paragraph split at the field labels inside it
	// (问题1:….整改情况:….), the part's place in it from 1; 0 for a whole
	// line. The parts of a line share its No; Text is the part's.
	Part int
	// Ref is the number of the first notice's finding that a numbered line
	// names (巡察反馈第4个问题, 关于巡察反馈第4点…问题), 0 if none.
	Ref int
}

// Line is a source line prepared for recognisers: trimmed original text and
// its matching copy.
type Line struct {
	No     int
	Text   string
	Chrome string   // the decoder's verdict, if any
	Cells  []string // a table row's cells (the decoder's), nil for a paragraph
	t      text
}

// Norm is the line's matching copy.
func (l Line) Norm() string { return l.t.norm }

// Recogniser knows one shape of line. Match is called only in the sections
// listed (all sections when In is empty). It is a pure function of the line
// and the classifier's state, which it only reads: it returns everything it
// found (role, label, number, status, fields), and Advance alone moves the
// state on. A new notice format is a new recogniser in Recognisers, not a
// new parser.
type Recogniser struct {
	Name  string
	In    []Section
	Match func(st *State, l Line) (Classified, bool)
}

func (r Recogniser) applies(s Section) bool {
	if len(r.In) == 0 {
		return true
	}
	for _, x := range r.In {
		if x == s {
			return true
		}
	}
	return false
}

// State is what the classifier knows at a line: the section it is in, what
// text a continuation line would extend, what the findings body has seen so
// far, and a look at the next lines. Recognisers read it; Advance writes it.
type State struct {
	Section    Section
	SectionNum int // ordinal of the last section heading (一=1)
	// SectionStyle is the numbering of the notice's sections: "一、", or
	// "(一)" in notices with no 一、 level whose (一) headings name sections.
	SectionStyle string
	Open         Role // the role a continuation line extends, "" if none
	// TitleAt is the index of the title line (-1 if none); TitleStart is
	// where a title that wraps onto two lines starts.
	TitleAt, TitleStart int
	Preamble            bool // a preamble line was seen
	Points              int  // organisation points so far
	// Numbered is true once a numbered line was seen in the findings; Styles
	// are the numbering styles open above the current line, outermost first.
	Numbered bool
	Styles   []string
	// Nums are the numbers of the items open in Styles, one for each.
	Nums []int
	// StatusSeen: a status or measure line came since the last numbered
	// line that Structure will treat as an item.
	StatusSeen bool
	// BracketTitle: the line just classified is a numbered line whose
	// status is in brackets after its title (①标题(已完成)); a problem
	// label on the next line is still its problem.
	BracketTitle  bool
	ItemNum       int
	SignatureDone bool
	// Columns maps a table's columns to what they hold (see Column), from
	// its header row; nil outside a table.
	Columns []Column

	lines []Line
	index int
}

// Next is the next line after the current one that has text and that the
// decoder did not already call chrome (nil at the end).
func (st *State) Next() *Line {
	for j := st.index + 1; j < len(st.lines); j++ {
		if st.lines[j].Text != "" && st.lines[j].Chrome == "" {
			return &st.lines[j]
		}
	}
	return nil
}

// PrepareLines trims the source lines and builds their matching copies.
func PrepareLines(src []SourceLine) []Line {
	out := make([]Line, len(src))
	for i, s := range src {
		t := newText(s.Text).trim()
		out[i] = Line{No: s.No, Text: t.orig, Chrome: s.Chrome, Cells: s.Cells, t: t}
	}
	return out
}

// Classify gives every line a role. It is a single pass over the lines:
// the recognisers of Recognisers are tried in order, each reading the state,
// and Advance moves the state on with what the line was found to be. The
// numbered lines of the findings come out as RoleNumbered; Structure
// decides what they are.
func Classify(lines []Line) []Classified {
	return ClassifyWith(lines, nil)
}

// ClassifyWith is Classify with the roles of some lines forced (by line
// number; see override.go): a forced line is not split at its labels.
func ClassifyWith(lines []Line, roles map[int]Role) []Classified {
	st := &State{Section: SectionHeader, TitleAt: -1, TitleStart: -1, lines: lines}
	st.TitleStart, st.TitleAt = findTitle(lines)
	out := make([]Classified, 0, len(lines))
	for i, l := range lines {
		st.index = i
		if r, ok := roles[l.No]; ok && l.Text != "" {
			c := forced(l, r)
			c.No, c.Text, c.Cells = l.No, l.Text, l.Cells
			advanceForced(st, c)
			c.Section = st.Section
			out = append(out, c)
			continue
		}
		parts := []Line{l}
		if splitsHere(st, l) {
			parts = splitLine(l)
		}
		for k, p := range parts {
			c := classifyLine(st, p)
			c.No, c.Text, c.Cells = p.No, p.Text, p.Cells
			if len(parts) > 1 {
				c.Part = k + 1
			}
			Advance(st, c)
			if c.Section == "" {
				c.Section = st.Section
			}
			out = append(out, c)
		}
	}
	return out
}

// splitsHere says whether a line is split at the field labels inside it:
// a paragraph (not a table row, not chrome) in the findings body, once the
// findings have begun or when the line itself starts a finding.
func splitsHere(st *State, l Line) bool {
	if l.Cells != nil || l.Chrome != "" || l.Text == "" {
		return false
	}
	switch st.Section {
	case SectionFindings, SectionUnknown:
	case SectionHeader:
		if !st.Preamble || (st.TitleAt >= 0 && st.index <= st.TitleAt) {
			return false
		}
	default:
		return false
	}
	if st.Numbered {
		return true
	}
	if _, ok := NumberingOf(l.t); ok {
		return true
	}
	return reProblemLabel.MatchString(l.t.norm)
}

// splitLine is a line cut at its field labels (SplitLabels), each part a
// line of its own with the same number; a line with no label inside it is
// itself.
func splitLine(l Line) []Line {
	segs := SplitLabels(l.Text)
	if len(segs) < 2 {
		return []Line{l}
	}
	out := make([]Line, 0, len(segs))
	for _, sg := range segs {
		t := newText(sg.Label + sg.Text).trim()
		if t.orig == "" {
			continue
		}
		out = append(out, Line{No: l.No, Text: t.orig, t: t})
	}
	return out
}

func classifyLine(st *State, l Line) Classified {
	if l.Text == "" && l.Cells == nil {
		return Classified{Role: RoleBlank, Recogniser: "blank"}
	}
	if l.Chrome != "" {
		return Classified{Role: RoleChrome, Chrome: []string{l.Text}, Why: l.Chrome, Recogniser: "decoder"}
	}
	for _, r := range Recognisers {
		if !r.applies(st.Section) {
			continue
		}
		if c, ok := r.Match(st, l); ok {
			if c.Recogniser == "" {
				c.Recogniser = r.Name
			}
			return c
		}
	}
	return fallback(st, l)
}

// Advance is the one step that moves the classifier's state on: from the
// line just classified, the section, the open text and what the findings
// body has seen.
func Advance(st *State, c Classified) {
	switch c.Role {
	case RoleBlank:
		return
	case RoleChrome:
		return
	}
	st.BracketTitle = c.Role == RoleNumbered && c.Status != nil && c.Status.Where == "bracket" && c.Part <= 1
	switch c.Role {
	case RoleTitle, RoleMeta:
		st.Open = ""
	case RolePreamble:
		st.Open, st.Preamble = RolePreamble, true
	case RoleSignature, RoleSignatureDate:
		st.Section, st.Open, st.SignatureDone = SectionClosing, "", true
		st.Columns = nil
	case RoleSignatureIssuer:
		st.Open = ""
	case RoleSection:
		st.Section, st.SectionNum, st.Open = c.Section, c.Num, ""
		if st.SectionStyle == "" {
			st.SectionStyle = c.Style
		}
		st.Styles, st.Nums, st.StatusSeen, st.Columns = nil, nil, false, nil
		if c.Section == SectionUnknown {
			// an unknown section may hold findings under it (一、关于…), or
			// be a finding itself (一、标题(已整改)): it is the outermost
			// heading of what follows, and labelled lines after it are read
			st.Styles, st.Nums = []string{c.Style}, []int{c.Num}
			st.Numbered = true
		}
	case RoleOrgPoint:
		st.Points++
		st.Open = RoleOrgPoint
	case RoleOrgIntro:
		st.Open = RoleOrgIntro
	case RoleNumbered:
		if st.Section == SectionHeader {
			// a numbered line after the preamble, in a notice with no
			// section headings: the findings begin
			st.Section = SectionFindings
		}
		st.Numbered, st.Open = true, RoleNumbered
		st.Styles = pushStyle(st.Styles, c.Style)
		k := len(st.Styles) - 1
		if k > len(st.Nums) {
			k = len(st.Nums)
		}
		st.Nums = append(st.Nums[:k:k], c.Num)
		st.StatusSeen = false
		if c.Status != nil {
			st.StatusSeen, st.Open = true, RoleStatus
		}
	case RoleStatus, RoleMeasure:
		st.StatusSeen, st.Open = true, RoleStatus
	case RoleTableHeader:
		if st.Section == SectionHeader {
			st.Section = SectionFindings
		}
		st.Columns, st.Numbered, st.Open = c.columns(), true, ""
	case RoleTableRow:
		st.Open = ""
	case RoleCategory:
		// a table's category row
		st.Open = ""
	case RoleAccountability, RolePetitions:
		st.Open = c.Role
	case RoleItem:
		st.ItemNum, st.Open = c.Num, RoleItem
	case RoleProgress, RoleReason, RoleNextSteps:
		st.Open = c.Role
	case RoleDeadline:
		st.Open = ""
	case RoleNextPlan:
		st.Open = RoleNextPlan
		if c.Section == SectionNextPlan {
			// a closing paragraph after the findings (matchClosing)
			st.Section = SectionNextPlan
		}
	}
	if c.Cells == nil {
		st.Columns = nil // a paragraph ends a table
	}
}

// pushStyle is the stack of numbering styles after a numbered item of
// style s: back to s where it is open (a sibling), else one deeper.
func pushStyle(stack []string, s string) []string {
	for i, x := range stack {
		if x == s {
			return append(stack[:i:i], s)
		}
	}
	return append(stack[:len(stack):len(stack)], s)
}

// fallback places a line no recogniser claimed: it continues the open text
// of its section, or it is unplaced.
func fallback(st *State, l Line) Classified {
	if st.Section == SectionNextPlan && !st.SignatureDone {
		return Classified{Role: RoleNextPlan, Body: l.Text, Recogniser: "next-plan"}
	}
	if st.Open != "" {
		return Classified{Role: RoleContinuation, Into: st.Open, Body: l.Text, Recogniser: "continuation"}
	}
	why := "fits no section"
	switch st.Section {
	case SectionHeader:
		why = "before the title"
	case SectionUnknown:
		why = "under a section heading no recogniser knows"
	case SectionClosing:
		why = "after the signature"
	case SectionFindings:
		why = "in the findings but not under a finding"
	case SectionOutstanding:
		why = "in 四、 but not under an item"
	case SectionAccountability:
		why = "in 三、 but neither accountability nor petitions"
	}
	return Classified{Role: RoleUnplaced, Body: l.Text, Why: why, Recogniser: "unplaced"}
}

// findTitle looks for the title among the lines before the first section
// heading: the first that reads like a notice's title. A short issuer line
// right above it (中共…委员会) is the first half of a wrapped title.
func findTitle(lines []Line) (start, at int) {
	limit := len(lines)
	probe := &State{Section: SectionHeader}
	for i, l := range lines {
		if _, ok := matchSection(probe, l); ok && l.Chrome == "" && l.Cells == nil {
			limit = i
			break
		}
	}
	if limit == len(lines) && limit > 12 {
		limit = 12
	}
	prev := -1
	for i := 0; i < limit; i++ {
		l := lines[i]
		if l.Text == "" || l.Chrome != "" || l.Cells != nil {
			continue // a table's row is never the title
		}
		if isChromeLine(l) != "" || isMetaLine(l) {
			continue
		}
		if preambleShaped(l.t.norm) {
			break // the title comes before the preamble, never after it
		}
		if titleShaped(l.t.norm) {
			if prev >= 0 && issuerShaped(lines[prev].t.norm) && !strings.Contains(l.t.norm, "委员会") {
				return prev, i
			}
			return i, i
		}
		prev = i
	}
	return -1, -1
}

// preambleShaped is the opening sentence of a preamble: 根据…部署, 按照…,
// or a sentence that names the inspection (…巡察组对…开展了巡察).
func preambleShaped(s string) bool {
	for _, w := range []string{"根据", "按照", "遵照"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return strings.Contains(s, "。") && (reBodyTgt.MatchString(s) || reFeedback.MatchString(s))
}

func titleShaped(s string) bool {
	if runeLen(s) > 100 || strings.HasSuffix(s, "。") || strings.HasPrefix(s, "根据") || strings.HasPrefix(s, "按照") {
		return false
	}
	for _, w := range []string{"通报", "公告", "公示", "情况报告", "的报告"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.HasPrefix(s, "关于") || (strings.Contains(s, "关于") && strings.HasSuffix(s, "情况"))
}

func issuerShaped(s string) bool {
	if runeLen(s) > 30 || strings.ContainsAny(s, "。,;:!?、") {
		return false
	}
	for _, suf := range issuerSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

var issuerSuffixes = []string{"委员会", "党委", "党组", "工委", "纪委", "监委", "政府", "办公室", "办事处", "委", "局", "组", "部", "院", "中心", "公司", "厂", "所", "站", "会"}
