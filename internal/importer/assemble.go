package importer

import (
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
	"regexp"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Problem is something the importer noticed at a line of the input. In a
// Result it is a warning: the import went on.
//
// Msg is the English; Loc the message itself, which Localize prints in
// the reader's language.
type Problem struct {
	Line int
	Msg  string
	Loc  *i18n.Error
}

// Message is the problem's message, printed in the reader's language.
func (p Problem) Message() *i18n.Error {
	if p.Loc == nil {
		return i18n.Msg("%s", p.Msg)
	}
	return p.Loc
}

// Localize is the message in pr's language (without the line).
func (p Problem) Localize(pr *message.Printer) string { return p.Message().Localize(pr) }

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return p.Msg
}

// ParseError is why a file could not be imported, at a line when there is
// one.
type ParseError struct {
	File string
	Line int
	Msg  string      // the English
	Loc  *i18n.Error // the message itself, printed in the reader's language
}

func parseError(file, format string, a ...any) *ParseError {
	m := i18n.Msg(format, a...)
	return &ParseError{File: file, Msg: m.Error(), Loc: m}
}

// Localize is the error in p's language.
func (e *ParseError) Localize(p *message.Printer) string {
	var m any = e.Msg
	if e.Loc != nil {
		m = e.Loc
	}
	if e.Line > 0 {
		return i18n.Sprintf(p, "%[1]s:%[2]d: %[3]s", e.File, e.Line, m)
	}
	return i18n.Sprintf(p, "%[1]s: %[2]s", e.File, m)
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

type rawFinding struct {
	num, line, statusLine int
	label                 string // the number as printed: (1), 1., ①
	cat                   int
	catText               string
	grp                   int
	grpText               string
	first                 string   // the finding line's text after (N)
	more                  []string // continuation lines of the problem
	rect                  []string // the rectification lines, without their labels and leading status words
	found                 *Found   // the status its text states, nil if none yet
	deadline, responsible string   // from a table or a labelled field
	table                 bool
	// numberedAt is the index in more of the first numbered line below
	// the finding ((1)… under 1.), -1 if none
	numberedAt int
	// ref is the first notice's number of the finding the line names
	// (巡察反馈第4个问题), 0 if none; refLabel: the label is that reference.
	ref      int
	refLabel bool
}

type rawItem struct {
	num, line              int
	first                  string
	more                   []string
	progress, reason, next []string
	deadline               string
}

type builder struct {
	file     string
	n        *notice.Notice
	warn     []Problem
	title    []string
	preamble []string
	intro    []string
	points   [][]string
	findings []*rawFinding
	items    []*rawItem
	acc, pet []string
	plan     []string

	cat, grp         int
	catText, grpText string
	catLine, grpLine *Classified // the heading lines no finding has used yet
	cats             int         // category headings seen
	sections         int
	lastSection      int
	refs             bool                  // the findings are named by the first notice's numbers
	statuses         map[int]notice.Status // forced, by the line a finding starts at (Options.Statuses)
}

func (b *builder) warnf(line int, format string, a ...any) {
	m := i18n.Msg(format, a...)
	b.warn = append(b.warn, Problem{Line: line, Msg: m.Error(), Loc: m})
}

func (b *builder) unplaced(line int, s string) {
	b.n.Unplaced = append(b.n.Unplaced, notice.Line{Line: line, Text: s})
}

// Assemble is the last stage: classified lines → a Notice. It returns the
// warnings it has (gaps in numbering, a status it cannot read …), or an
// error when the lines hold no notice or its findings cannot be told apart.
func Assemble(file string, lines []Classified, opts Options) (*notice.Notice, []Problem, error) {
	n, warns, _, err := assemble(file, lines, opts)
	return n, warns, err
}

// assemble is Assemble, with the line each finding starts at (in the
// order of the notice's findings).
func assemble(file string, lines []Classified, opts Options) (*notice.Notice, []Problem, []int, error) {
	b := &builder{file: file, statuses: opts.Statuses, n: &notice.Notice{
		Regulations: []string{},
		Findings:    []notice.Finding{},
		Outstanding: []notice.Outstanding{},
		Organisation: notice.Organisation{
			Points: []string{},
		},
		Accountability: notice.Accountability{ByRank: []notice.RankCount{}, ByForm: []notice.FormCount{}},
	}}
	for _, c := range lines {
		if err := b.line(c); err != nil {
			return nil, nil, nil, err
		}
	}
	b.finish()
	if len(b.n.Findings) == 0 {
		if err := b.noFindings(opts); err != nil {
			return nil, nil, nil, err
		}
	}
	at := make([]int, len(b.findings))
	for i, f := range b.findings {
		at[i] = f.line
	}
	return b.n, b.warn, at, nil
}

func (b *builder) line(c Classified) error {
	n := b.n
	switch c.Role {
	case RoleBlank, RoleChrome:
	case RoleTitle:
		b.title = append(b.title, c.Body)
	case RoleMeta:
		for _, f := range c.Fields {
			switch f.Key {
			case "published":
				d, err := ParseDate(f.Text)
				if err != nil {
					b.warnf(c.No, "publication date %q is not a date", f.Text)
					b.unplaced(c.No, f.Text)
					continue
				}
				if n.Published != "" && n.Published != d {
					b.unplaced(c.No, f.Text)
					continue
				}
				n.Published = d
			case "source":
				if n.Source != "" && n.Source != f.Text {
					b.unplaced(c.No, f.Text)
					continue
				}
				n.Source = f.Text
			}
		}
		for _, s := range c.Leftover {
			b.unplaced(c.No, s)
		}
	case RolePreamble:
		b.preamble = append(b.preamble, c.Body)
	case RoleSection:
		b.sections++
		if c.Num != b.lastSection+1 {
			b.warnf(c.No, "section %s follows section %d", c.Label, b.lastSection)
		}
		b.lastSection = c.Num
		var slot *string
		switch c.Section {
		case SectionOrganisation:
			slot = &n.Headings.Organisation
		case SectionFindings:
			slot = &n.Headings.Findings
		case SectionAccountability:
			slot = &n.Headings.Accountability
		case SectionOutstanding:
			slot = &n.Headings.Outstanding
		case SectionNextPlan:
			slot = &n.Headings.NextPlan
		}
		switch {
		case slot == nil:
			b.warnf(c.No, "section heading %q is not one gongshi knows; it and its lines are kept as unplaced", c.Text)
			b.unplaced(c.No, c.Text)
		case *slot != "":
			b.warnf(c.No, "a second %s section; its heading is kept as unplaced", c.Section)
			b.unplaced(c.No, c.Text)
		default:
			*slot = c.Body
		}
	case RoleOrgIntro:
		b.intro = append(b.intro, c.Body)
	case RoleOrgPoint:
		b.points = append(b.points, []string{c.Body})
	case RoleCategory:
		b.unusedHeadings()
		num := c.Num
		b.cats++
		if num == 0 {
			num = b.cats
		}
		if num != b.cat+1 {
			b.warnf(c.No, "category %s follows category %d", strings.TrimSpace(c.Label), b.cat)
		}
		b.cat, b.catText, b.grp, b.grpText = num, c.Body, 0, ""
		b.catLine = &c
	case RoleGroup:
		if b.grpLine != nil {
			b.warnf(b.grpLine.No, "group heading with no findings under it; kept as unplaced")
			b.unplaced(b.grpLine.No, b.grpLine.Text)
		}
		num := c.Num
		if num == 0 {
			num = b.grp + 1
		}
		if num != b.grp+1 {
			b.warnf(c.No, "group %s follows group %d in its category", strings.TrimSpace(c.Label), b.grp)
		}
		b.grp, b.grpText = num, c.Body
		b.grpLine = &c
	case RoleHeading:
		b.warnf(c.No, "heading %q is at a level above the findings that gongshi does not keep (it keeps category and group); kept as unplaced", c.Text)
		b.unplaced(c.No, c.Text)
	case RoleFinding:
		b.catLine, b.grpLine = nil, nil
		f := &rawFinding{num: c.Num, label: strings.TrimSpace(c.Label), line: c.No, cat: b.cat, catText: b.catText, grp: b.grp, grpText: b.grpText, first: c.Body, numberedAt: -1}
		if c.Style == "问题:" {
			// 存在问题:… with no number: the label names the field, not a number
			f.num, f.label = 0, ""
		}
		if c.Ref > 0 {
			f.ref = c.Ref
			f.refLabel = c.Num == c.Ref && strings.HasPrefix(c.Style, "第") || strings.HasPrefix(c.Style, "问题") && c.Label != ""
		}
		for _, fl := range c.Fields {
			if fl.Key == "problem" { // the status is inline: the rest is the rectification
				f.first = fl.Text
				f.rect = append(f.rect, c.Status.Rectification)
			}
		}
		if c.Status != nil {
			st := *c.Status
			f.found, f.statusLine = &st, c.No
		}
		b.findings = append(b.findings, f)
	case RoleTableRow:
		b.catLine, b.grpLine = nil, nil
		f := &rawFinding{line: c.No, cat: b.cat, catText: b.catText, grp: b.grp, grpText: b.grpText, table: true, numberedAt: -1}
		for _, fl := range c.Fields {
			switch fl.Key {
			case "number":
				f.label = fl.Text
				f.num = atoi(strings.Trim(Normalise(fl.Text), "().、 "))
			case "problem":
				f.first = fl.Text
			case "measures":
				f.rect = append(f.rect, fl.Text)
			case "deadline":
				f.deadline = fl.Text
			case "responsible":
				f.responsible = fl.Text
			case "category":
				if fl.Text != b.catText {
					b.cats++
					b.cat, b.catText = b.cats, fl.Text
				}
				f.cat, f.catText = b.cat, b.catText
			}
		}
		if c.Status != nil {
			st := *c.Status
			f.found, f.statusLine = &st, c.No
			if st.Rectification != "" {
				f.rect = append(f.rect, st.Rectification)
			}
		}
		for _, o := range c.Leftover {
			b.unplaced(c.No, o)
		}
		b.findings = append(b.findings, f)
	case RoleTableHeader:
	case RoleStatus, RoleMeasure:
		if len(b.findings) == 0 {
			b.warnf(c.No, "a rectification line before any finding; kept as unplaced")
			b.unplaced(c.No, c.Text)
			break
		}
		f := b.findings[len(b.findings)-1]
		if c.Role == RoleMeasure {
			f.rect = append(f.rect, c.Body)
			break
		}
		st := *c.Status
		switch {
		case f.found == nil || (f.found.Where == "" && st.Where != ""):
			f.found, f.statusLine = &st, c.No
			f.rect = append(f.rect, st.Rectification)
		case st.Where != "":
			// the first status stands; this line's words stay in the text
			b.warnf(c.No, "finding %s: a second status (%s) after %s; the first is kept", f.label, st.Text, f.found.Text)
			f.rect = append(f.rect, c.Body)
		default:
			f.rect = append(f.rect, st.Rectification)
		}
	case RoleField:
		if len(b.findings) == 0 {
			b.warnf(c.No, "a finding's field (%s) before any finding; kept as unplaced", strings.TrimSpace(c.Label))
			b.unplaced(c.No, c.Text)
			break
		}
		f := b.findings[len(b.findings)-1]
		for _, fl := range c.Fields {
			switch FieldKind(fl.Key) {
			case FieldResponsible:
				f.responsible = joinLines(f.responsible, fl.Text)
			case FieldDeadline:
				if f.deadline != "" {
					b.warnf(c.No, "finding %s: a second deadline (%s); kept as unplaced", f.label, fl.Text)
					b.unplaced(c.No, c.Text)
					continue
				}
				f.deadline = fl.Text
			}
		}
	case RoleAccountability:
		b.acc = append(b.acc, c.Body)
	case RolePetitions:
		b.pet = append(b.pet, c.Body)
	case RoleItem:
		b.items = append(b.items, &rawItem{num: c.Num, line: c.No, first: c.Body})
	case RoleProgress:
		it := b.items[len(b.items)-1]
		it.progress = append(it.progress, c.Body)
	case RoleReason:
		it := b.items[len(b.items)-1]
		it.reason = append(it.reason, c.Body)
	case RoleNextSteps:
		it := b.items[len(b.items)-1]
		it.next = append(it.next, c.Body)
	case RoleDeadline:
		it := b.items[len(b.items)-1]
		if it.deadline != "" {
			b.warnf(c.No, "a second 整改时限 for item %d; kept as unplaced", it.num)
			b.unplaced(c.No, c.Text)
			break
		}
		it.deadline = c.Body
	case RoleNextPlan:
		b.plan = append(b.plan, c.Body)
	case RoleSignatureIssuer, RoleSignatureDate, RoleSignature:
		for _, f := range c.Fields {
			switch f.Key {
			case "issuer":
				n.Signature.Issuer = f.Text
			case "date":
				n.Signature.DateText = f.Text
				d, err := ParseDate(f.Text)
				if err != nil {
					b.warnf(c.No, "signature date %q is not a date", f.Text)
				}
				n.Signed = d
			}
		}
	case RoleContinuation:
		if !b.continueWith(c) {
			b.unplaced(c.No, c.Text)
		}
	case RoleUnplaced:
		b.unplaced(c.No, c.Text)
	default:
		b.unplaced(c.No, c.Text)
	}
	return nil
}

// noFindings decides about a notice in which no finding was found. Only a
// summary notice lists none: one that states how many units it sums up
// (N家被巡察单位), or that the editor names a summary (Options.Summary).
// Any other notice that states problems, or states nothing at all, is not
// imported: a success with nothing in it is the worst outcome.
func (b *builder) noFindings(opts Options) error {
	s := b.n.Stated
	summary := opts.Summary || s.Units != nil
	switch {
	case s.Empty():
		return parseError(b.file, "no recognisable notice: found no findings (numbered items with a rectification or a status) and no stated totals (反馈N个问题 …)")
	case summary:
		return nil
	case s.Problems != nil:
		return parseError(b.file, "the notice states %d problems, but gongshi found none of its findings (numbered items with a rectification or a status); if it is a summary over several units that lists none, import it as one (--unit-kind region)", *s.Problems)
	}
	return parseError(b.file, "found no findings (numbered items with a rectification or a status); if the notice is a summary over several units that lists none, import it as one (--unit-kind region)")
}

// unusedHeadings keeps category and group headings that no finding came
// under as unplaced lines (their text lives on the findings otherwise).
func (b *builder) unusedHeadings() {
	for _, h := range []*Classified{b.catLine, b.grpLine} {
		if h != nil {
			b.warnf(h.No, "%s heading with no findings under it; kept as unplaced", h.Role)
			b.unplaced(h.No, h.Text)
		}
	}
	b.catLine, b.grpLine = nil, nil
}

// continueWith appends a continuation line to the text it continues.
func (b *builder) continueWith(c Classified) bool {
	switch c.Into {
	case RolePreamble:
		b.preamble = append(b.preamble, c.Body)
	case RoleOrgIntro:
		b.intro = append(b.intro, c.Body)
	case RoleOrgPoint:
		if len(b.points) == 0 {
			return false
		}
		b.points[len(b.points)-1] = append(b.points[len(b.points)-1], c.Body)
	case RoleFinding:
		if len(b.findings) == 0 {
			return false
		}
		f := b.findings[len(b.findings)-1]
		if c.Style != "" && f.numberedAt < 0 {
			f.numberedAt = len(f.more) // (1)… below the finding: its measures, or more of its problem
		}
		f.more = append(f.more, c.Body)
	case RoleStatus:
		if len(b.findings) == 0 {
			return false
		}
		f := b.findings[len(b.findings)-1]
		f.rect = append(f.rect, c.Body)
	case RoleAccountability:
		b.acc = append(b.acc, c.Body)
	case RolePetitions:
		b.pet = append(b.pet, c.Body)
	case RoleItem, RoleProgress, RoleReason, RoleNextSteps:
		if len(b.items) == 0 {
			return false
		}
		it := b.items[len(b.items)-1]
		switch c.Into {
		case RoleItem:
			it.more = append(it.more, c.Body)
		case RoleProgress:
			it.progress = append(it.progress, c.Body)
		case RoleReason:
			it.reason = append(it.reason, c.Body)
		default:
			it.next = append(it.next, c.Body)
		}
	case RoleNextPlan:
		b.plan = append(b.plan, c.Body)
	default:
		return false
	}
	return true
}

// joinLines joins the lines of one text with "\n", dropping empty ones.
func joinLines(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "\n")
}

var (
	reKind       = regexp.MustCompile(`整改(进展|落实情况|情况)`)
	reTitleIssue = regexp.MustCompile(`^(.{2,40}?)关于`)
)

func (b *builder) finish() {
	n := b.n
	b.unusedHeadings()
	n.Title = strings.Join(b.title, "")
	if m := reKind.FindStringSubmatch(Normalise(n.Title)); m != nil {
		n.Kind = "整改" + m[1]
	}
	n.Issuer = n.Signature.Issuer
	if n.Issuer == "" {
		if m := newText(n.Title).find(reTitleIssue); m != nil {
			n.Issuer = strings.TrimSpace(m[1])
		}
	}
	if n.Title == "" {
		b.warnf(0, "no title found (a line like …关于…情况的通报 before 一、)")
	}
	if n.Signed == "" {
		b.warnf(0, "no signature date found (a line like 2024年12月2日 after the last section)")
	}
	n.Preamble = joinLines(b.preamble...)
	n.Organisation.Intro = joinLines(b.intro...)
	for _, p := range b.points {
		n.Organisation.Points = append(n.Organisation.Points, joinLines(p...))
	}
	for _, s := range append([]string{n.Organisation.Intro}, n.Organisation.Points...) {
		for _, r := range Regulations(s) {
			n.Regulations = append(n.Regulations, r.Names...)
			if r.Count > 0 && r.Count != len(r.Names) {
				b.warnf(0, "the organisation section announces %d regulations but names %d", r.Count, len(r.Names))
			}
		}
	}
	n.Inspection = InspectionOf(n.Preamble, n.Organisation.Intro)
	n.Stated = StatedOf(append([]string{n.Preamble, n.Organisation.Intro}, n.Organisation.Points...)...)

	b.numberFindings()
	groups := b.groupStatuses()
	for i, rf := range b.findings {
		n.Findings = append(n.Findings, b.finding(rf, groups[i]))
	}
	if len(b.acc) > 0 {
		n.Accountability = AccountabilityOf(joinLines(b.acc...))
		sum := 0
		for _, f := range n.Accountability.ByForm {
			sum += f.Count
		}
		if len(n.Accountability.ByForm) > 0 && sum != n.Accountability.People {
			b.warnf(0, "accountability: %d people, but the forms of handling add up to %d", n.Accountability.People, sum)
		}
	}
	if len(b.pet) > 0 {
		n.Petitions = PetitionsOf(joinLines(b.pet...))
		p := n.Petitions
		if p.Transferred > 0 && p.Closed+p.Pending != p.Transferred {
			b.warnf(0, "petitions: %d transferred, but %d closed and %d pending", p.Transferred, p.Closed, p.Pending)
		}
	}
	for _, it := range b.items {
		n.Outstanding = append(n.Outstanding, b.item(it))
	}
	n.NextPlan = joinLines(b.plan...)
	sort.SliceStable(n.Unplaced, func(i, j int) bool { return n.Unplaced[i].Line < n.Unplaced[j].Line })
}

// numberFindings gives the findings their numbers. A notice that numbers
// its findings straight through ((1)…(59)) keeps the printed numbers. One
// that starts again in each category or group (1. 2. … 1. 2. …), or whose
// findings have no number, numbers them 1..N in order and keeps the printed
// label: the finding's identity in its inspection is its place in order.
func (b *builder) numberFindings() {
	if b.references() {
		return
	}
	straight := len(b.findings) > 0
	for i, f := range b.findings {
		if f.num < 1 || (i > 0 && f.num <= b.findings[i-1].num) || f.label == "" && !f.table {
			straight = false
			break
		}
	}
	if straight {
		for i, f := range b.findings {
			switch {
			case i == 0 && f.num != 1:
				b.warnf(f.line, "the first finding is numbered %s, not 1", f.label)
			case i > 0 && f.num != b.findings[i-1].num+1:
				b.warnf(f.line, "finding numbering jumps from %s to %s", b.findings[i-1].label, f.label)
			}
			if b.cats > 0 && f.cat == 0 {
				b.warnf(f.line, "finding %s is under no category heading", f.label)
			}
		}
		for _, f := range b.findings {
			f.label = ""
		}
		return
	}
	for i, f := range b.findings {
		if i > 0 {
			prev := b.findings[i-1]
			if f.num > 0 && prev.num > 0 && f.num <= prev.num && f.cat == prev.cat && f.grp == prev.grp && !f.table {
				b.warnf(f.line, "finding %s follows finding %s under the same heading: its numbering goes back; findings are numbered in order", f.label, prev.label)
			}
		}
	}
	for i, f := range b.findings {
		f.num = i + 1
	}
}

// references numbers the findings of a notice that names every one of
// them by its number in the first notice on the inspection (巡察反馈第4个问题,
// 1.关于巡察反馈第4点…问题): each takes that number, so that the site shows
// its history across notices. A later notice reports only what was still
// open: gaps in the numbers are its nature, not a warning. A printed label
// that is not the reference (1.) is kept as the label.
func (b *builder) references() bool {
	if len(b.findings) == 0 {
		return false
	}
	for _, f := range b.findings {
		if f.ref < 1 {
			return false
		}
	}
	seen := map[int]int{}
	for _, f := range b.findings {
		if prev, ok := seen[f.ref]; ok {
			b.warnf(f.line, "finding %s names the first notice's finding %d, as the finding at line %d does; numbered in order after the last", f.label, f.ref, prev)
		}
		seen[f.ref] = f.line
	}
	max := 0
	for _, f := range b.findings {
		if f.ref > max {
			max = f.ref
		}
	}
	used := map[int]bool{}
	for _, f := range b.findings {
		if f.refLabel {
			f.label = ""
		}
		f.num = f.ref
		if used[f.num] {
			max++
			f.num = max
		}
		used[f.num] = true
	}
	sort.SliceStable(b.findings, func(i, j int) bool { return b.findings[i].num < b.findings[j].num })
	b.refs = true
	return true
}

// groupStatuses reads the sentences that state the status of the findings
// above them together (以上2个问题已整改完成。/ 上述问题均已整改到位。), the
// last line of a finding's text: for each finding (by index), the status
// of the sentence that covers it, nil if none. A sentence covers the
// findings of its heading (category and group) from the one after the last
// such sentence to the one it ends, the last N of them when it counts them
// (以上2个问题). It stays where the notice put it, at the end of the last
// finding's text (its rectification), and is the status text of each
// finding it covers whose own text states none (Assemble's finding).
func (b *builder) groupStatuses() []*Found {
	out := make([]*Found, len(b.findings))
	from := 0 // the first finding a sentence could still cover
	for i, rf := range b.findings {
		if i > 0 && (rf.cat != b.findings[i-1].cat || rf.grp != b.findings[i-1].grp) {
			from = i
		}
		last := rf.rect
		if len(last) == 0 {
			last = rf.more
		}
		if len(last) == 0 {
			continue
		}
		count, f, ok := groupStatus(last[len(last)-1])
		if !ok {
			continue
		}
		if len(rf.rect) == 0 {
			// the sentence is not more of the last finding's problem
			rf.rect, rf.more = rf.more[len(rf.more)-1:], rf.more[:len(rf.more)-1]
		}
		start := from
		if count > 0 && i-count+1 > start {
			start = i - count + 1
		}
		if count > i-from+1 {
			b.warnf(rf.line, "%q: the sentence counts %d findings, but %d come before it under its heading; it is taken as the status of those %d", f.Text, count, i-from+1, i-from+1)
		}
		for k := start; k <= i; k++ {
			out[k] = &f
		}
		from = i + 1
	}
	return out
}

// reGroupStatus is a sentence that states one status for the findings
// above it: 以上|上述, the count (2个, 三项) or 问题 or both, then status
// words.
// One of the two must be there: 以上整改措施已完成 is not one.
var reGroupStatus = regexp.MustCompile(`^(?:以上|上述)\s*(?:(\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?:个|项|条)\s*(?:问题|事项)?|问题|事项)\s*[,:]?\s*(?:均|都|皆)?\s*(\S{2,24}?)\s*[。.]?$`)

// groupStatus reads a sentence that states one status for the findings
// above it (以上2个问题已整改完成。): the count it gives (0 if none) and
// the status, whose text is the sentence as written (without its full
// stop), so that a finding's page says the status was stated for several.
// Status words may be followed by a plan (正在整改，计划2025年3月底前完成).
func groupStatus(line string) (int, Found, bool) {
	t := newText(line).trim()
	m := reGroupStatus.FindStringSubmatchIndex(t.norm)
	if m == nil {
		return 0, Found{}, false
	}
	status, ok := statusWords(t.norm[m[4]:m[5]])
	if !ok {
		return 0, Found{}, false
	}
	st, err := notice.ParseStatus(status)
	if err != nil {
		return 0, Found{}, false
	}
	count := 0
	if m[2] >= 0 {
		if count = numValue(t.norm[m[2]:m[3]]); t.norm[m[2]:m[3]] == "两" {
			count = 2
		}
	}
	return count, Found{Text: strings.TrimSpace(t.cut(0, m[5])), Status: st, Where: "group"}, true
}

func (b *builder) finding(rf *rawFinding, group *Found) notice.Finding {
	if len(rf.rect) == 0 && rf.found == nil && len(rf.more) > 0 {
		// Paragraphs after the finding's line with no label: they are its
		// rectification when the last ends by stating a status (…目前该问题
		// 已整改。), else more of its problem.
		if _, ok := trailingStatus(newText(rf.more[len(rf.more)-1]).trim()); ok {
			rf.rect, rf.more = rf.more, nil
		}
	}
	if rf.found != nil && rf.found.Where == "start" && strings.TrimSpace(joinLines(rf.rect...)) == "" && rf.numberedAt >= 0 {
		// 1.题。问题。/ (1)措施 / (2)措施 / 整改情况:已完成。: a status with no
		// words of its own after numbered lines: those lines are the
		// rectification it reports on
		rf.rect = append(append([]string(nil), rf.more[rf.numberedAt:]...), rf.rect...)
		rf.more = rf.more[:rf.numberedAt]
	}
	title, problem := SplitTitle(rf.first)
	if rf.found != nil && rf.found.Where == "bracket" {
		title, problem = cutBracketStatus(title, problem, rf.found.Text)
	}
	f := notice.Finding{
		Number: rf.num, Label: rf.label, CategoryNo: rf.cat, Category: rf.catText, GroupNo: rf.grp, Group: rf.grpText,
		Title: title, Problem: joinLines(append([]string{problem}, rf.more...)...),
		Responsible: strings.TrimSpace(rf.responsible), DeadlineText: strings.TrimSpace(rf.deadline),
	}
	if f.DeadlineText != "" {
		f.Deadline = DeadlineDate(f.DeadlineText)
	}
	name := rf.label
	if name == "" {
		name = fmt.Sprintf("(%d)", rf.num)
	}
	f.Rectification = joinLines(rf.rect...)
	found := rf.found
	if found == nil || found.Where == "" {
		// the status as the last sentence of the rectification; or of an
		// earlier paragraph of it, the nearest to its end, when the
		// paragraphs after that one state none (…目前，该问题已整改到位。 /
		// 下一步，将持续巩固整改成果。)
		for k := len(rf.rect) - 1; k >= 0; k-- {
			if tf, ok := trailingStatus(newText(rf.rect[k]).trim()); ok && strings.TrimSpace(rf.rect[k]) != "" {
				tf.Rectification = f.Rectification
				found = &tf
				break
			}
		}
	}
	switch {
	case found != nil && found.Where != "":
		f.StatusText, f.Status = found.Text, found.Status
	case group != nil:
		// stated for it and the findings before it (以上2个问题已整改完成)
		f.StatusText, f.Status = group.Text, group.Status
	case len(rf.rect) == 0 && found == nil:
		f.Status = notice.StatusUnstated
		b.warnf(rf.line, "finding %s has no rectification and states no status; its status is 未说明 (unstated)", name)
	default:
		f.Status = notice.StatusUnstated
		line := rf.statusLine
		if line == 0 {
			line = rf.line
		}
		b.warnf(line, "finding %s: its text states no status (已整改 / 正在整改中 …); its status is 未说明 (unstated)", name)
	}
	b.forceStatus(rf, &f)
	if f.DeadlineText == "" {
		// no 完成时限 of its own: the date its status says the work is
		// planned to be done by (正在推进，计划于2025年12月底前完成), as written
		d := PlanDeadline(f.StatusText)
		if d == "" && rf.found != nil && rf.found.Where == "start" {
			// the words after a labelled status on its line
			// (整改结果:正在整改,计划于2025年6月底前完成。)
			d = planDeadline(rf.found.Rectification, true)
		}
		if d != "" {
			f.DeadlineText, f.Deadline = d, DeadlineDate(d)
		}
	}
	f.Measures = Measures(f.Rectification)
	f.Amounts = Amounts(f.Problem, f.Rectification)
	f.Dates = Dates(f.Problem, f.Rectification)
	return f
}

// cutBracketStatus takes the status in brackets after a finding's title out
// of the title (标题(已完成) → 标题) or off the start of its problem
// (标题。(已完成)问题… → 问题…): the brackets mark the status as a label
// does (整改情况:), and the words are the finding's status_text, as
// written. Only the words of the status read (text) are taken.
func cutBracketStatus(title, problem, text string) (string, string) {
	same := func(clause string) bool {
		return isStatusClause(clause) && strings.TrimSpace(Normalise(clause)) == strings.TrimSpace(Normalise(text))
	}
	t := newText(title).trim()
	if m := reBracketEnd.FindStringSubmatchIndex(t.norm); m != nil && m[0] > 0 && same(t.norm[m[2]:m[3]]) {
		return strings.TrimSpace(t.upTo(m[0])), problem
	}
	p := newText(problem).trim()
	if m := reBracketStart.FindStringSubmatchIndex(p.norm); m != nil && same(p.norm[m[2]:m[3]]) {
		return title, strings.TrimSpace(p.from(m[1]))
	}
	return title, problem
}

func (b *builder) item(it *rawItem) notice.Outstanding {
	heading, problem := SplitTitle(it.first)
	o := notice.Outstanding{
		Number: it.num, Heading: heading,
		Problem:      joinLines(append([]string{problem}, it.more...)...),
		Progress:     joinLines(it.progress...),
		Reason:       joinLines(it.reason...),
		NextSteps:    joinLines(it.next...),
		DeadlineText: strings.TrimSpace(it.deadline),
	}
	if o.DeadlineText != "" {
		o.Deadline = DeadlineDate(o.DeadlineText)
		if o.Deadline == "" {
			b.warnf(it.line, "item %d: deadline %q names no date", it.num, o.DeadlineText)
		}
	}
	if m := reFindingRef.FindStringSubmatch(Normalise(heading)); m != nil {
		o.Finding = atoi(m[1])
	} else {
		// no 第N点: the finding whose title the heading names
		best := 0
		for _, f := range b.n.Findings {
			if f.Title != "" && strings.Contains(heading, f.Title) && runeLen(f.Title) > best {
				o.Finding, best = f.Number, runeLen(f.Title)
			}
		}
	}
	found := false
	for _, f := range b.n.Findings {
		if f.Number == o.Finding {
			found = true
			if f.Status == notice.StatusDone {
				b.warnf(it.line, "item %d refers to finding (%d), which 二、 reports as done", it.num, f.Number)
			}
		}
	}
	if !found {
		b.warnf(it.line, "item %d refers to no finding of this notice", it.num)
	}
	return o
}
