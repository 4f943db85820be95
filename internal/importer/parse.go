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
	"github.com/gongshi/gongshi/internal/notice"
)

// Result is an imported notice with what the importer saw on the way.
type Result struct {
	Notice   *notice.Notice
	Document *Document
	Lines    []Classified // one per document line, in order
	Warnings []Problem
	Region   TextRegion // the region names the text itself gives
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
		return nil, &ParseError{File: doc.Name, Msg: "no recognisable notice: the file has no text"}
	}
	cls := Structure(Classify(lines))
	n, warns, err := Assemble(doc.Name, cls, opts)
	if err != nil {
		return nil, err
	}
	if doc.Format == FormatDocx {
		for i := range warns {
			if warns[i].Line > 0 {
				warns[i].Msg = "(paragraph) " + warns[i].Msg
			}
		}
	}
	return &Result{Notice: n, Document: doc, Lines: cls, Warnings: warns, Region: regionInText(cls, n)}, nil
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
