// Package importer turns a notice as published — plain text, an HTML page
// of a government CMS, or a .docx — into a notice.Notice.
//
// It is a pipeline of stages, each usable and testable alone (after Bleve's
// analysis pipeline: char filters, tokenizer, token filters):
//
//	Decode        bytes → lines with their line numbers (UTF-8/GB18030 text,
//	              the article of an HTML page, the paragraphs of a .docx)
//	PrepareLines  trims each line and makes its matching copy (Normalise:
//	              full-width → half-width, every space → ' '); the stored text
//	              keeps the original characters
//	Classify      gives every line a Role with the Recognisers (title, meta,
//	              section heading, numbered line, status, measure, table
//	              header and row …): each recogniser is a pure function of
//	              the line and the state; Advance alone moves the state on
//	Structure     finds the findings from the outline of the numbered
//	              lines: the level whose items carry a status or a
//	              rectification is the findings', the levels above it are
//	              category and group
//	Assemble      roles → notice.Notice, with warnings; it only reads what
//	              the stages found
//
// A new notice format is a new Recogniser, not a new parser. Every line ends
// up somewhere: in the notice, reported as web chrome, or in
// Notice.Unplaced — nothing is dropped silently.
package importer

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"regexp"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Result is an imported notice with what the importer saw on the way.
type Result struct {
	Notice   *notice.Notice
	Document *Document
	Lines    []Classified // one per document line, in order
	Warnings []Problem
	Region   TextRegion // the region names the text itself gives
	Unit     TextUnit   // the inspected unit the text names

	// Reading is how Structure read the outline: the numbering style taken
	// as the findings' (and the category and group styles above it), with
	// its score and a one-line reason. RunnerUp is the next best reading,
	// nil when there was no other; a RunnerUp whose Score is close to
	// Reading's (see Close) is worth showing to the editor. Both are the
	// zero/nil value for a notice whose findings are a table, or that has
	// none.
	Reading  Reading
	RunnerUp *Reading
	// References is true when every finding is named by its number in the
	// first notice on the same inspection (巡察反馈第4个问题, 关于巡察反馈第4点
	// …问题): the findings carry those numbers (Finding.Number), gaps and
	// all — a later notice reports only what was still open, so its
	// findings are fewer than the problems it states. Matching by printed
	// label (the numbering that starts again) does not apply to them.
	References bool
	// FindingLines is the line each finding of Notice starts at.
	FindingLines []int
	// Layout is the layout profile applied (nil when none was); Changes
	// are the lines whose role the editor's corrections or the profile
	// changed.
	Layout  *LayoutUse
	Changes []Change
}

// Close says whether the runner-up reading scored within a tenth of the
// reading taken: the choice is worth a look.
func (r *Result) Close() bool {
	return r.RunnerUp != nil && r.Reading.Score-r.RunnerUp.Score <= 0.1*r.Reading.Score
}

// TextUnit is the inspected unit as the text names it: its kind and name,
// and where it was read.
type TextUnit struct {
	Kind notice.UnitKind
	Name string // without the party organ: 区文旅体局 for 区文旅体局党组; "" when the text says only 我乡
	From string // "preamble", "title", "stated totals"
	Line int
}

// PlacedShare is the share of the text's characters (blank lines and web
// page furniture aside) that went into the notice rather than unplaced.
func (r *Result) PlacedShare() float64 {
	total, unplaced := 0, 0
	for _, c := range r.Lines {
		switch c.Role {
		case RoleBlank, RoleChrome:
			continue
		}
		n := runeLen(c.Text)
		total += n
		for _, s := range c.Chrome {
			total -= runeLen(s)
		}
		for _, s := range c.Leftover {
			unplaced += runeLen(s)
		}
	}
	for _, u := range r.Notice.Unplaced {
		unplaced += runeLen(u.Text)
	}
	if total <= 0 {
		return 1
	}
	if unplaced > total {
		unplaced = total
	}
	return float64(total-unplaced) / float64(total)
}

// Chrome lists every piece of web page furniture the importer recognised,
// by line.
func (r *Result) Chrome() []notice.Line {
	var out []notice.Line
	for _, c := range r.Lines {
		for _, s := range c.Chrome {
			out = append(out, notice.Line{Line: c.No, Text: s})
		}
	}
	return out
}

// Options are what an editor can tell the importer that the text does not.
type Options struct {
	// Summary: the notice is a summary over several units, which may list
	// no findings (only its stated totals).
	Summary bool
	// Roles forces the role of lines, by line number (an editor's
	// corrections on the review page; see override.go). They win over the
	// layout's.
	Roles map[int]Role
	// Statuses forces the status of the finding that starts at a line.
	Statuses map[int]notice.Status
	// Layout is a layout profile to read the notice with (see layout.go);
	// LayoutAsked says it was asked for by name (else: it names the text's
	// issuer, and it is applied only when its rules fit some line).
	Layout      *Layout
	LayoutAsked bool
	// Layouts are the profiles to choose from when Layout is nil: the
	// first whose issuer the text names is tried.
	Layouts []*Layout
}

// Parse runs the whole pipeline on a file's bytes. name is used in messages
// and to tell formats apart by extension.
func Parse(name string, data []byte) (*Result, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith is Parse with options.
func ParseWith(name string, data []byte, opts Options) (*Result, error) {
	doc, err := Decode(name, data)
	if err != nil {
		return nil, err
	}
	return ParseDocumentWith(doc, opts)
}

// ParseDocument runs the stages after Decode.
func ParseDocument(doc *Document) (*Result, error) {
	return ParseDocumentWith(doc, Options{})
}

// ParseDocumentWith runs the stages after Decode, with options.
func ParseDocumentWith(doc *Document, opts Options) (*Result, error) {
	lines := PrepareLines(doc.Lines)
	empty := true
	for _, l := range lines {
		if l.Text != "" && l.Chrome == "" {
			empty = false
			break
		}
	}
	if empty {
		return nil, parseError(doc.Name, "no recognisable notice: the file has no text")
	}
	cls, readings, use, chg := readForced(lines, opts)
	n, warns, starts, err := assemble(doc.Name, cls, opts)
	if err != nil {
		return nil, err
	}
	if doc.Format == FormatDocx {
		for i := range warns {
			if warns[i].Line > 0 {
				warns[i].Loc = i18n.Msg("(paragraph) %s", warns[i].Message())
				warns[i].Msg = warns[i].Loc.Error()
			}
		}
	}
	r := &Result{Notice: n, Document: doc, Lines: cls, Warnings: warns, Region: regionInText(cls, n), Unit: unitInText(cls, n),
		FindingLines: starts, Layout: use, Changes: chg}
	if len(readings) > 0 {
		r.Reading = readings[0]
		if len(readings) > 1 {
			ru := readings[1]
			r.RunnerUp = &ru
		}
	}
	r.References = referencesAll(cls)
	return r, nil
}

// referencesAll: every finding line names the first notice's finding.
func referencesAll(cls []Classified) bool {
	n := 0
	for _, c := range cls {
		switch c.Role {
		case RoleFinding:
			if c.Ref < 1 {
				return false
			}
			n++
		case RoleTableRow:
			return false
		}
	}
	return n > 0
}

var (
	reSelfUnit   = regexp.MustCompile(`^我(镇|乡|街道|村|社区|局|委|办|单位|校|院|中心|公司|会)$`)
	reIssuerUnit = regexp.MustCompile(`^(?:中共|中国共产党)?(.{2,40}?)(?:党组|党委|党总支|党支部|党工委|委员会)?$`)
)

// unitInText finds the inspected unit: the target of the inspection in the
// preamble (对区文旅体局党组进行了巡察), else the issuer of a notice that
// speaks of itself (对我乡开展了常规巡察, 中共沙窝乡委员会); a summary over
// several units (N家被巡察单位) is its region.
func unitInText(cls []Classified, n *notice.Notice) TextUnit {
	line := func(role Role) int {
		for _, c := range cls {
			if c.Role == role {
				return c.No
			}
		}
		return 0
	}
	if n.Stated.Units != nil {
		return TextUnit{Kind: notice.UnitRegion, From: "stated totals", Line: line(RolePreamble)}
	}
	target := strings.TrimSpace(n.Inspection.Target)
	if m := reSelfUnit.FindStringSubmatch(target); m != nil {
		u := TextUnit{Kind: notice.UnitKindOf("某" + m[1]), From: "preamble", Line: line(RolePreamble)}
		if m[1] == "单位" {
			u.Kind = ""
		}
		// the name is the issuer's, where the notice has one
		for _, s := range []string{n.Signature.Issuer, n.Issuer} {
			if mm := reIssuerUnit.FindStringSubmatch(strings.TrimSpace(s)); mm != nil && s != "" {
				k := notice.UnitKindOf(mm[1])
				if u.Kind == "" || k == u.Kind {
					u.Kind, u.Name, u.From, u.Line = k, mm[1], "title", line(RoleTitle)
					break
				}
			}
		}
		return u
	}
	if target != "" {
		name := target
		for _, suf := range []string{"领导班子", "党工委", "党总支", "党支部", "党组", "党委", "委员会"} {
			if strings.HasSuffix(name, suf) && len(name) > len(suf) {
				name = strings.TrimSuffix(name, suf)
				break
			}
		}
		return TextUnit{Kind: notice.UnitKindOf(target), Name: name, From: "preamble", Line: line(RolePreamble)}
	}
	if mm := reIssuerUnit.FindStringSubmatch(strings.TrimSpace(n.Issuer)); mm != nil && n.Issuer != "" {
		return TextUnit{Kind: notice.UnitKindOf(mm[1]), Name: mm[1], From: "title", Line: line(RoleTitle)}
	}
	return TextUnit{}
}

// regionInText finds the county and township the notice names: the township
// from the issuer (中共郊尾镇委员会) or the inspected body (郊尾镇党委), the
// county from the source (仙游县纪委监委官网) or the preamble (根据仙游县委…).
func regionInText(cls []Classified, n *notice.Notice) TextRegion {
	var tr TextRegion
	lineOf := func(role Role, key string) int {
		for _, c := range cls {
			if c.Role != role && !(role == RoleSignatureIssuer && c.Role == RoleSignature) {
				continue
			}
			if key == "" {
				return c.No
			}
			for _, f := range c.Fields {
				if f.Key == key {
					return c.No
				}
			}
		}
		return 0
	}
	switch {
	case townshipOf(n.Signature.Issuer) != "":
		tr.Township, tr.TownshipFrom, tr.TownshipLine = townshipOf(n.Signature.Issuer), "signature", lineOf(RoleSignatureIssuer, "issuer")
	case townshipOf(n.Issuer) != "":
		tr.Township, tr.TownshipFrom, tr.TownshipLine = townshipOf(n.Issuer), "title", lineOf(RoleTitle, "")
	case townshipOf(n.Inspection.Target) != "":
		tr.Township, tr.TownshipFrom, tr.TownshipLine = townshipOf(n.Inspection.Target), "preamble", lineOf(RolePreamble, "")
	}
	switch {
	case countyOf(n.Source) != "":
		tr.County, tr.CountyFrom, tr.CountyLine = countyOf(n.Source), "source", lineOf(RoleMeta, "source")
	default:
		if m := reCountyText.FindStringSubmatch(Normalise(n.Preamble)); m != nil {
			tr.County, tr.CountyFrom, tr.CountyLine = m[1], "preamble", lineOf(RolePreamble, "")
		}
	}
	return tr
}
