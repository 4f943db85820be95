// Package intake is the import use case: one document (its bytes and its
// file name) read into a placed notice — its region (from the flags, then
// the text, then config.toml's [params.publisher]), its inspected unit
// (name, kind, slug), its source URL and original, the data file it goes
// to, the notes an editor should read — and the decision whether that file
// may be written.
//
// `gongshi import` (internal/cli/importcmd) and the review page's upload
// and save (internal/review) both call it, so the two never read a notice
// two ways: Read makes a Result, Result.Refused says why it may not be
// written (nil when it may), Result.Write writes it atomically.
//
// The name: the document is taken in (intake) and comes out as a data file
// or a reason; "import" is a Go keyword and "importer" is the reading of
// the text alone, without region, unit or the file's fate.
//
// Never write what check refuses: the would-be file is encoded once and
// checked with check's own single-file check (check.Bytes: the notice's
// Validate rules and the TOML file's rules) before the atomic write; a
// file with an error is not written. Nothing dropped silently: a notice
// whose findings read are under 90 % or over 110 % of the problems it
// states is not written unless the editor accepts the mismatch.
package intake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strings"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// Request is one document to import and what the editor says of it.
type Request struct {
	// Name is the document's name as given (a path, or an upload's file
	// name): its extension picks the format, and messages name it.
	Name string
	Data []byte
	// Path is the document's file on disk, when it is one; the notice's
	// original is its path relative to the site (the folder that holds
	// DataDir). An upload has none.
	Path string

	Region    string // 省/市/县/镇 (empty parts: from the text or the config)
	Slugs     string // a/b/c/d (empty parts: from pinyin)
	Unit      string // the inspected unit's name, where the text does not give it
	UnitKind  string // township, village, department, school, enterprise, region
	UnitSlug  string
	SourceURL string
	// Title is the notice's title where the text has none (or the editor
	// gives another): the data file must have one.
	Title string

	DataDir    string
	Publisher  *importer.Publisher // config.toml's [params.publisher]; nil for none
	ConfigPath string              // named in the region's notes

	// Edits are an editor's corrections of the importer's reading (see
	// edits.go); nil: those saved beside a data file for the same
	// original, if any, are replayed (unless NoReplay).
	Edits    []Edit
	NoReplay bool
	// ReplayedFrom is the edits file Edits were read from (Replay).
	ReplayedFrom string
	// Layout names the layout profile to read the notice with
	// (DataDir/layouts/NAME.toml); "": the profile whose issuer the text
	// names, if one fits.
	Layout string

	// AcceptMismatch writes a notice whose findings read are far from the
	// problems it states (see Totals).
	AcceptMismatch bool
	// Force overwrites an existing data file, carrying the editors' work
	// in it into the new notice (store.Carry: masks, revisions, withdrawal,
	// provenance) before it is checked; without it an existing file is
	// never overwritten.
	Force bool
}

// Result is one document read into a placed notice: the one result of the
// import use case, for the CLI's report and the review page alike.
type Result struct {
	Name   string           // Request.Name
	Parse  *importer.Result // the importer's reading of the text
	Notice *notice.Notice   // placed: region, unit, source URL, original, title
	Parts  []importer.RegionPart
	Unit   notice.Unit // the inspected unit as resolved (a township's too)
	// Notes are for the report: where the region and unit came from, a
	// finding matched to an earlier notice, an original outside the site.
	Notes []*i18n.Error
	// Path is the data file the notice goes to (under DataDir); "" when it
	// cannot be placed (see Unplaceable).
	Path string
	// Unplaceable is why the notice has no data file: no region, no unit
	// name or slug, no signature date.
	Unplaceable error
	// Encoded is the data file's content, as it would be written.
	Encoded []byte
	// Problems are check's problems with Encoded, as `gongshi check` would
	// report them for the file at Path (errors and warnings).
	Problems []check.Problem
	// Totals compares the findings read with the problems the notice
	// states; nil when it states none.
	Totals *Totals
	// Kept says what was carried from the existing data file (Force), each
	// item the report lists; nil when nothing was.
	Kept []string
	// Wrote is the file written, after Write.
	Wrote string
	// Edits are the corrections applied (the request's, or those replayed
	// from Replayed, an edits file of the same original); EditsPath is
	// where Write keeps them, beside the data file.
	Edits     []Edit
	Replayed  string
	EditsPath string
	// Signed is the signature date an edit gave ("" for none).
	Signed notice.Date

	sum string // the original's hash, for the edits file

	accept bool
	force  bool
	carry  error // the existing file's editors' work cannot be carried (Force)
}

// Totals is the notice's stated problem count against the findings read.
// Read counts the findings as they stand after the notice: its own and
// those of earlier notices on the same unit and inspection that it does not
// list (a later notice often lists only the findings it updates), as check
// compares them.
type Totals struct {
	Stated  int
	Read    int
	Earlier int // of Read, findings only an earlier notice lists
	// References is true when every finding names its number in the
	// first notice (巡察反馈第N个问题): a later notice that reports only
	// what was still open lists fewer findings than the first stated.
	References bool
}

// Outside reports whether Read is under 90 % or over 110 % of Stated: the
// import is then refused unless the mismatch is accepted. A smaller
// disagreement is a warning.
//
// A notice of references (a later notice on the same inspection) may list
// fewer findings than the problems stated, never more.
func (t Totals) Outside() bool {
	if t.References {
		return t.Read*10 > t.Stated*11
	}
	return t.Read*10 < t.Stated*9 || t.Read*10 > t.Stated*11
}

// Percent is Read as a share of Stated, in whole percent (rounded down).
func (t Totals) Percent() int {
	if t.Stated <= 0 {
		return 0
	}
	return t.Read * 100 / t.Stated
}

// FlagError is a malformed flag (--region with five parts): the request,
// not the document, is wrong.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// Check reports what is malformed in the request itself, before any
// document is read (a *FlagError): a source URL that is not http(s), an
// unknown unit kind, a unit slug that is not a slug, a region of more than
// four levels.
func (req Request) Check() error {
	if req.SourceURL != "" {
		u, err := url.Parse(req.SourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &FlagError{i18n.Errorf("--source-url %q is not an http(s) URL", req.SourceURL)}
		}
	}
	if req.UnitKind != "" && !notice.UnitKind(req.UnitKind).Valid() {
		return &FlagError{i18n.Errorf("--unit-kind %q is not one of township, village, department, school, enterprise, region", req.UnitKind)}
	}
	if req.UnitSlug != "" && !notice.SlugValid(req.UnitSlug) {
		return &FlagError{i18n.Errorf("--unit-slug %q is not a slug (a-z, 0-9, words joined by -)", req.UnitSlug)}
	}
	for _, e := range req.Edits {
		if err := e.Check(); err != nil {
			return &FlagError{err}
		}
	}
	if k := strings.Count(req.Region, "/"); k > 3 {
		return &FlagError{i18n.Errorf("--region %q has %d parts; give at most 4: province/city/county/township", req.Region, k+1)}
	}
	return nil
}

// Read reads one document into a placed notice and decides whether it may
// be written. The error is for a document that cannot be read at all (not a
// notice, an unknown format) or a malformed request (a *FlagError); a
// notice that is read but may not be written is a Result whose Refused is
// not nil.
func Read(ctx context.Context, req Request) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := req.Check(); err != nil {
		return nil, err
	}
	pr, err := Parse(req)
	if err != nil {
		return nil, err
	}
	return Place(ctx, req, pr)
}

// Parse is Read's first half: the importer's reading of the document's
// text, which depends on nothing but the request (not on the data folder),
// so that a bulk import can run it ahead, in parallel.
func Parse(req Request) (*importer.Result, error) {
	opts, err := req.options()
	if err != nil {
		return nil, err
	}
	return importer.ParseWith(req.Name, req.Data, opts)
}

// options are the importer's options for the request: its edits (given or
// replayed) and layout profiles.
func (req Request) options() (importer.Options, error) {
	req, _, err := req.replay()
	if err != nil {
		return importer.Options{}, err
	}
	req, _ = req.withFields()
	roles, statuses := forced(req.Edits)
	l, ls, err := req.layouts()
	if err != nil {
		return importer.Options{}, err
	}
	return importer.Options{
		Summary: req.UnitKind == string(notice.UnitRegion),
		Roles:   roles, Statuses: statuses,
		Layout: l, LayoutAsked: l != nil, Layouts: ls,
	}, nil
}

// Lines is the importer's reading of the request's lines, with its edits
// and layout, without a notice: what the review page shows of a document
// the importer cannot make a notice of, for the editor to correct.
func Lines(req Request) ([]importer.Classified, error) {
	opts, err := req.options()
	if err != nil {
		return nil, err
	}
	return importer.Lines(req.Name, req.Data, opts)
}

// replay is the request with the edits saved for the same original (an
// edits file under the data folder naming its hash) when it gives none,
// and where they were read ("" when none were).
func (req Request) replay() (Request, string, error) {
	if req.Edits != nil || req.NoReplay {
		return req, req.ReplayedFrom, nil
	}
	ef, at, err := findEdits(req.DataDir, req.Data)
	if ef == nil || err != nil {
		return req, "", err
	}
	req.Edits, req.ReplayedFrom = ef.Edits, at
	return req, at, nil
}

// Replay is the request with the edits saved for the same original, when
// it gives none (see ReplayedFrom): the review page holds them so that
// the editor's next correction adds to them.
func (req Request) Replay() (Request, error) {
	req, _, err := req.replay()
	return req, err
}

// Place is Read's second half, on Parse's result for the same request
// (which it changes: its notice becomes the placed notice): region, unit,
// numbers matched to earlier notices in the data folder, the file encoded
// and checked, the stated totals compared.
func Place(ctx context.Context, req Request, pr *importer.Result) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var err error
	n := pr.Notice
	req, replayed, err := req.replay()
	if err != nil {
		return nil, err
	}
	req, signed := req.withFields()
	r := &Result{Name: req.Name, Parse: pr, Notice: n, accept: req.AcceptMismatch, force: req.Force,
		Edits: req.Edits, Replayed: replayed, Signed: signed, sum: Sum(req.Data)}
	if replayed != "" {
		r.Notes = append(r.Notes, i18n.Msg("edits: %d corrections replayed from %s", len(req.Edits), replayed))
	}
	if u := pr.Layout; u != nil {
		r.Notes = append(r.Notes, layoutNote(u))
	}
	if signed != "" {
		n.Signed = signed
	}
	if req.SourceURL != "" {
		n.SourceURL = req.SourceURL
	}
	if t := strings.TrimSpace(req.Title); t != "" {
		if n.Title != "" && n.Title != t {
			r.Notes = append(r.Notes, i18n.Msg("title: --title says %s, the text %s; using %s", t, n.Title, t))
		}
		n.Title = t
	}

	u, unitNotes := resolveUnit(req, pr)
	r.Unit, r.Notes = u, append(r.Notes, unitNotes...)
	township := u.Kind == notice.UnitTownship || u.Kind == notice.UnitVillage
	reg, parts, regionWarns, regionErr := importer.ResolveRegion(importer.RegionInput{
		Flag: req.Region, Slugs: req.Slugs, Text: pr.Region, Config: req.Publisher, ConfigPath: req.ConfigPath, Township: township,
	})
	if parts == nil && regionErr != nil { // a malformed flag
		return nil, &FlagError{regionErr}
	}
	n.Region, r.Parts = reg, parts
	r.Notes = append(r.Notes, regionWarns...)
	if u.Kind == notice.UnitTownship {
		if u.Name != "" && reg.Township != "" && u.Name != reg.Township {
			r.Notes = append(r.Notes, i18n.Msg("unit: the text names %s, the region's township is %s; the notice is filed under %s", u.Name, reg.Township, reg.Township))
		}
	} else {
		n.Unit = u
	}
	if req.Path != "" {
		orig, note := originalPath(req.Path, req.DataDir)
		n.Original = orig
		if note != nil {
			r.Notes = append(r.Notes, note)
		}
	}

	switch {
	case regionErr != nil:
		r.Unplaceable = i18n.Errorf("%s: %w", req.Name, regionErr)
	case u.Kind != notice.UnitTownship && u.Name == "":
		r.Unplaceable = i18n.Errorf("%s: the text does not name the inspected %s (it says only %q): give --unit NAME", req.Name, kindName(u.Kind), n.Inspection.Target)
	case u.Kind != notice.UnitTownship && u.Kind != notice.UnitRegion && u.Slug == "":
		r.Unplaceable = i18n.Errorf("%s: cannot make a slug for the unit %q: give --unit-slug", req.Name, u.Name)
	case n.Signed == "":
		r.Unplaceable = i18n.Errorf("%s: no signature date (a line like 2024年12月2日 under the issuer), so the data file cannot be named; nothing written", req.Name)
	}
	if r.Unplaceable != nil {
		// Not placed, so no earlier notices to count: the notice's own
		// findings against its own figures, for the report.
		r.Totals = totals(n, "")
		return r, nil
	}
	if !pr.References {
		// A notice that names each finding by its number in the first
		// notice (巡察反馈第N个问题) already carries those numbers.
		r.Notes = append(r.Notes, matchEarlier(n, printedLabels(pr), req.DataDir)...)
	}
	r.Path = filepath.Join(req.DataDir, store.RelPath(n))
	if len(req.Edits) > 0 {
		r.EditsPath = EditsPath(r.Path)
		n.Edits = filepath.Base(r.EditsPath)
	}
	r.Totals = totals(n, req.DataDir)
	if r.Totals != nil {
		r.Totals.References = pr.References
	}
	if req.Force {
		// A re-import keeps what the editors added to the file it
		// replaces; the notice checked is the notice written.
		old, err := store.ReadFile(r.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			r.carry = i18n.Errorf("%s: %w", req.Name, err)
		default:
			if r.Kept, err = store.Carry(old, n); err != nil {
				r.carry = i18n.Errorf("%s: %w", req.Name, i18n.Errorf("%s: %w; nothing written", r.Path, err))
			}
		}
	}

	// The file as it would be written, checked as `gongshi check` checks
	// one file on its own (its path and the files beside it are checked
	// when the whole folder is).
	r.Encoded, err = store.Encode(n)
	if err != nil {
		return nil, i18n.Errorf("%s: %w", req.Name, err)
	}
	_, r.Problems = check.Bytes(r.Path, r.Encoded)
	return r, nil
}

// totals compares the stated problem count with the findings as they stand
// after n; nil when n states none.
func totals(n *notice.Notice, dataDir string) *Totals {
	if n.Stated.Problems == nil {
		return nil
	}
	t := &Totals{Stated: *n.Stated.Problems}
	if len(n.Findings) == 0 { // a summary: no findings to compare
		return nil
	}
	own := map[int]bool{}
	for _, f := range n.Findings {
		own[f.Number] = true
	}
	seen := map[int]bool{}
	for _, o := range earlier(n, dataDir) {
		for _, f := range o.Findings {
			if !own[f.Number] && !seen[f.Number] {
				seen[f.Number] = true
				t.Earlier++
			}
		}
	}
	t.Read = len(own) + t.Earlier
	return t
}

// Accepted reports whether the editor accepted a mismatch of the stated
// totals (the request's AcceptMismatch).
func (r *Result) Accepted() bool { return r.accept }

// NoTitle reports whether the notice has no title: the report says so and
// asks for one (--title).
func (r *Result) NoTitle() bool { return strings.TrimSpace(r.Notice.Title) == "" }

// Errors are the problems check would refuse the file for (its warnings
// left out).
func (r *Result) Errors() []check.Problem { return check.Errors(r.Problems) }

// ErrMismatch is the refusal of a notice whose findings read are far from
// the problems it states.
var ErrMismatch = errors.New("the findings read are far from the problems the notice states")

// ErrRefused is the refusal of a notice check would refuse.
var ErrRefused = errors.New("check would refuse the data file")

// Refused is why the notice may not be written; nil when it may. It is
// the first of: the notice cannot be placed (no region, unit or date); the
// file it replaces (Force) holds editors' work that would be lost;
// check would refuse the file (every error listed, one a line); the
// findings read are under 90 % or over 110 % of the problems the notice
// states and the mismatch was not accepted.
func (r *Result) Refused() error {
	if r.Unplaceable != nil {
		return r.Unplaceable
	}
	if r.carry != nil {
		return r.carry
	}
	if errs := r.Errors(); len(errs) > 0 {
		var lines []i18n.Localizer
		if r.NoTitle() {
			lines = append(lines, i18n.Msg("%s: no title found (a line like …关于…情况的通报 before 一、): give --title TITLE; nothing written", r.Name))
		}
		lines = append(lines, i18n.Msg("%s: nothing is written: check would refuse %s for these errors:", r.Name, r.Path))
		for _, p := range errs {
			lines = append(lines, indented{p})
		}
		return &refusal{lines: lines, is: ErrRefused}
	}
	if t := r.Totals; t != nil && t.Outside() && !r.accept {
		return &refusal{is: ErrMismatch, lines: []i18n.Localizer{i18n.Msg(
			"%s: the notice states %d problems but %d were read (%d%%, outside 90–110%%): nothing written; check the reading, or give --accept-mismatch to write it anyway",
			r.Name, t.Stated, t.Read, t.Percent())}}
	}
	return nil
}

// refusal is why a data file is not written: its lines, each printed in
// the reader's language.
type refusal struct {
	lines []i18n.Localizer
	is    error
}

// indented is a line of a refusal that lists one of check's problems.
type indented struct{ i18n.Localizer }

func (l indented) Localize(p *message.Printer) string { return "  " + l.Localizer.Localize(p) }

func (e *refusal) Error() string { return e.Localize(nil) }

// Localize is the refusal in p's language, one line each.
func (e *refusal) Localize(p *message.Printer) string {
	ls := make([]string, len(e.lines))
	for i, l := range e.lines {
		ls[i] = l.Localize(p)
	}
	return strings.Join(ls, "\n")
}
func (e *refusal) Unwrap() error { return e.is }

// Write writes the data file atomically when Refused is nil, and refuses
// (with Refused's error) otherwise; it overwrites an existing file only
// when the request says Force.
func (r *Result) Write() error {
	if err := r.Refused(); err != nil {
		return err
	}
	var edits []byte
	if r.EditsPath != "" {
		var err error
		ef := &EditsFile{Original: r.Name, SHA256: r.sum, Edits: r.Edits}
		if edits, err = ef.Encode(); err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	if err := store.WriteFileAtomic(r.Path, r.Encoded, r.force); err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	r.Wrote = r.Path
	if edits != nil {
		// the data file names it: it belongs to the file just written
		if err := store.WriteFileAtomic(r.EditsPath, edits, true); err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
	}
	return nil
}

// layoutNote is the report's line on the layout profile applied.
func layoutNote(u *importer.LayoutUse) *i18n.Error {
	var ch []any
	for _, c := range u.Changes {
		ch = append(ch, i18n.Msg("line %d %s → %s", c.Line, importer.RoleName(string(c.From)), importer.RoleName(string(c.To))))
	}
	for _, no := range u.Statuses {
		ch = append(ch, i18n.Msg("line %d status from its column", no))
	}
	if len(ch) == 0 {
		return i18n.Msg("layout: read with the layout %s; it changed nothing", u.Name)
	}
	return i18n.Msg("layout: read with the layout %s; it changed %s", u.Name, i18n.Join(ch...))
}
