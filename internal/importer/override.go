package importer

// Line roles an editor (on the review page) or a layout profile forces:
// the importer's reading with some lines' roles given instead of
// recognised. A forced line is classified as told, the classifier's state
// moves on from it as from a recognised line of that role (so a status line
// after a forced finding is read as its status), and Structure leaves it
// as it is. Everything else is read as always.

import (
	"regexp"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// RoleIgnored is a line an editor marked as not part of the notice's
// structure: it is kept with the notice's unplaced lines (nothing dropped),
// and the review shows it as ignored, not as a line to place.
const RoleIgnored Role = "ignored"

// Forcible are the roles an editor or a layout may give a line, with the
// names the edits and the profiles use for them.
var Forcible = []Role{RoleFinding, RoleCategory, RoleGroup, RoleStatus, RoleMeasure, RoleContinuation, RoleChrome, RoleIgnored}

// ForcibleRole is the role named name in edits and profiles: finding,
// category, group, status, measure, problem (more of the finding's
// problem: a continuation), chrome (page furniture), ignored; false for
// another name.
func ForcibleRole(name string) (Role, bool) {
	switch name {
	case "problem":
		return RoleContinuation, true
	case "ignore":
		return RoleIgnored, true
	}
	for _, r := range Forcible {
		if string(r) == name && r != RoleContinuation {
			return r, true
		}
	}
	return "", false
}

// ForcibleName is the name ForcibleRole reads for r.
func ForcibleName(r Role) string {
	if r == RoleContinuation {
		return "problem"
	}
	return string(r)
}

// Change is a line whose role a forced reading changed: from the role the
// importer read, to the role forced, and by whom ("edit" or "layout").
type Change struct {
	Line     int
	From, To Role
	By       string
}

// forced is the classification of l with the role r forced.
func forced(l Line, r Role) Classified {
	switch r {
	case RoleFinding, RoleCategory, RoleGroup:
		c := Classified{Role: r, Body: l.Text, Recogniser: "forced"}
		if nb, ok := NumberingOf(l.t); ok {
			c.Label, c.Num, c.Body, c.Style = nb.Label, nb.Num, nb.Rest, nb.Style
		} else if m := l.t.find(reProblemLabel); m != nil && r == RoleFinding {
			c.Label, c.Body = m[0], strings.TrimPrefix(l.Text, m[0])
		} else if lab := leadingLabel(l.t); lab != "" {
			c.Label, c.Body = lab, strings.TrimSpace(strings.TrimPrefix(l.Text, lab))
		}
		return c
	case RoleStatus:
		body, label := l.Text, ""
		if m := l.t.find(reStatusLabel); m != nil {
			label, body = m[0], strings.TrimPrefix(l.Text, m[0])
		}
		f := statusOf(body)
		f.Label = label
		return Classified{Role: RoleStatus, Label: label, Body: body, Status: &f, Recogniser: "forced"}
	case RoleMeasure:
		body, label := l.Text, ""
		if m := l.t.find(reMeasureLabel); m != nil {
			label, body = m[0], strings.TrimPrefix(l.Text, m[0])
		}
		return Classified{Role: RoleMeasure, Label: label, Body: body, Recogniser: "forced"}
	case RoleContinuation:
		return Classified{Role: RoleContinuation, Into: RoleFinding, Body: l.Text, Recogniser: "forced"}
	case RoleChrome:
		return Classified{Role: RoleChrome, Chrome: []string{l.Text}, Why: "marked page furniture by the editor", Recogniser: "forced"}
	}
	return Classified{Role: RoleIgnored, Body: l.Text, Why: "marked ignored by the editor", Recogniser: "forced"}
}

// reLeadingLabel is a label made of a few words, a number (digits,
// Chinese numerals, a Latin letter) and a mark: 反馈事项A , 问题清单3:,
// 第3项、.
var reLeadingLabel = regexp.MustCompile(`^[\p{Han}]{0,6}?(?:[0-9]+|[一二三四五六七八九十百零〇]+|[A-Za-z])[\p{Han}]{0,2}?[:.、 ]\s*`)

// leadingLabel is the label at the start of t (see reLeadingLabel), as
// written; "" when it has none.
func leadingLabel(t text) string {
	if m := t.find(reLeadingLabel); m != nil {
		return m[0]
	}
	return ""
}

// advanceForced moves the state on from a forced line as from a recognised
// line of its role: a forced finding opens the findings as a numbered line
// does (so that the status line after it is read).
func advanceForced(st *State, c Classified) {
	if c.Role == RoleFinding {
		a := c
		a.Role = RoleNumbered
		if a.Style == "" {
			a.Style = "forced"
		}
		Advance(st, a)
		return
	}
	if c.Role == RoleIgnored {
		return
	}
	Advance(st, c)
}

// applyForced puts the forced roles back on after Structure (which reads
// the numbered lines' outline and could take a forced heading for a
// finding), and points the continuations at what they now continue.
func applyForced(cls []Classified, lines []Line, roles map[int]Role) []Classified {
	if len(roles) == 0 {
		return cls
	}
	byNo := map[int]Line{}
	for _, l := range lines {
		byNo[l.No] = l
	}
	for i := range cls {
		r, ok := roles[cls[i].No]
		if !ok || cls[i].Part > 1 || cls[i].Recogniser == "forced" {
			continue
		}
		c := forced(byNo[cls[i].No], r)
		c.No, c.Text, c.Cells, c.Section, c.Part = cls[i].No, cls[i].Text, cls[i].Cells, cls[i].Section, cls[i].Part
		cls[i] = c
	}
	return resolveText(cls)
}

// changes lists the lines whose first part a forced reading gave another
// role than the plain reading, in line order.
func changes(plain, now []Classified, by map[int]string) []Change {
	first := func(cls []Classified) map[int]Role {
		m := map[int]Role{}
		for _, c := range cls {
			if _, ok := m[c.No]; !ok {
				m[c.No] = c.Role
			}
		}
		return m
	}
	a, b := first(plain), first(now)
	var out []Change
	for no, r := range b {
		if by[no] == "" {
			continue
		}
		if a[no] != r {
			out = append(out, Change{Line: no, From: a[no], To: r, By: by[no]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// forceStatus sets the status an editor gave the finding that starts at
// rf's line: its status words stay those the text wrote, or, where it
// wrote none, the status's label.
func (b *builder) forceStatus(rf *rawFinding, f *notice.Finding) {
	s, ok := b.statuses[rf.line]
	if !ok {
		return
	}
	f.Status = s
	if strings.TrimSpace(f.StatusText) == "" && s != notice.StatusUnstated {
		f.StatusText = s.Label()
	}
}

// readForced is Classify and Structure with the lines' roles forced by the
// options (the layout's rules, then the editor's roles over them), the
// layout's use and every change the forcing made against the plain reading.
// A layout not asked for by name whose rules change nothing is not applied.
func readForced(lines []Line, opts Options) ([]Classified, []Reading, *LayoutUse, []Change) {
	if opts.Layout == nil {
		for _, l := range opts.Layouts {
			if l.Names(lines) {
				opts.Layout, opts.LayoutAsked = l, false
				break
			}
		}
	}
	by := map[int]string{}
	roles := map[int]Role{}
	col := 0
	if l := opts.Layout; l != nil {
		for no, r := range l.Roles(lines) {
			roles[no], by[no] = r, "layout"
		}
		col = l.statusColumn()
	}
	for no, r := range opts.Roles {
		roles[no], by[no] = r, "edit"
	}
	if len(roles) == 0 && col == 0 {
		cls, readings := StructureReadings(Classify(lines))
		if opts.Layout != nil && opts.LayoutAsked {
			return cls, readings, &LayoutUse{Name: opts.Layout.Name, Asked: true}, nil
		}
		return cls, readings, nil, nil
	}
	plain, plainReadings := StructureReadings(Classify(lines))
	cls, readings := StructureReadings(ClassifyWith(lines, roles))
	cls = applyForced(cls, lines, roles)
	var rows []int
	if col > 0 {
		rows = applyColumns(cls, col)
	}
	chg := changes(plain, cls, by)
	var use *LayoutUse
	if opts.Layout != nil {
		use = &LayoutUse{Name: opts.Layout.Name, Asked: opts.LayoutAsked, Statuses: rows}
		for _, c := range chg {
			if c.By == "layout" {
				use.Changes = append(use.Changes, c)
			}
		}
		if !use.Asked && len(use.Changes) == 0 && len(rows) == 0 {
			// it does not fit this notice: read it without the profile
			use = nil
			if len(opts.Roles) == 0 {
				return plain, plainReadings, nil, nil
			}
			o := opts
			o.Layout, o.Layouts = nil, nil
			cls, readings, _, chg = readForced(lines, o)
		}
	}
	return cls, readings, use, chg
}

// Lines is the importer's reading of a document's lines (decoded, with
// the options' forced roles), without assembling a notice: what the review
// page shows of a document the importer cannot make a notice of, so that
// the editor can correct it.
func Lines(name string, data []byte, opts Options) ([]Classified, error) {
	doc, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	cls, _, _, _ := readForced(PrepareLines(doc.Lines), opts)
	return cls, nil
}
