// Package check validates the data files under data/: each file on its own
// (TOML syntax, types, required keys, unknown keys, values) and all files
// together (region slugs, file paths, finding numbers across the notices on
// one inspection). It reports every problem at once, each at the line and
// column of the key it concerns.
//
// # What is checked
//
// Syntax: the file must be TOML that BurntSushi/toml parses; the problem is
// placed where the parser stopped, and nothing else is checked in that file.
//
// Types: every value must have the type of its notice.Notice field (a string,
// an integer, a table, an array, or a date written as 2024-12-02 or
// "2024-12-02"; a date-time is not a date). Every problem is reported, not
// just the first.
//
// Unknown keys: a key that no field of notice.Notice declares (a typo like
// stauts) is an error, with a suggestion when a known key is close.
//
// Required keys (see [Required]): each must be present; a string must not be
// blank.
//
// Units: a notice without a [unit] table is about its region's township,
// which must then be given (region.township and its slug). A [unit] table
// names another kind of inspected body (village, department, school,
// enterprise, region — see notice.Unit.Validate): a village needs its
// township; the region's levels given must be contiguous from the province
// (no county without a city); every kind but a region summary needs at
// least one finding.
//
// Stated totals ([stated], the notice's own figures): counts are not
// negative; where the notice states a number of problems, or of problems
// per status, that its findings do not bear out, a warning names both
// numbers (a later notice that lists only the findings it updates is not
// compared).
//
// Values, in each notice (the notice's own rules are notice.Notice.Validate,
// each reported at its key's position; see fieldError):
//   - findings[].status is one of done, in_progress, not_started,
//     unstated, or the status in Chinese as notices write it (已完成,
//     整改中, 未说明 …: notice.StatusFrom), which is read as its code
//     without a word; status_text is not blank (the status is the normalised form of the
//     words in status_text; the two are not compared, so an editor may
//     correct the status by hand);
//   - finding numbers are 1 or more and unique; outstanding numbers are
//     unique and run 1..N; outstanding[].finding is 1 or more;
//   - dates are real calendar dates and in order: inspection.start ≤
//     inspection.end ≤ inspection.feedback ≤ signed ≤ published, each
//     compared with the previous one that is present;
//   - findings[].dates[].date is YYYY, YYYY-MM or YYYY-MM-DD;
//   - amounts: yuan is not negative and equals notice.ParseAmount(text);
//   - region slugs are lowercase ASCII letters and digits, in words joined
//     by single hyphens (fujian, xianyou, sample-town-1);
//   - counts (accountability.people, by_rank/by_form counts, petitions) are
//     not negative, and petitions closed + pending ≤ transferred;
//   - source_url, when present, is an http:// or https:// address;
//     original, when present, is a relative slash-separated path without
//     an empty, . or .. part or a hidden (dot) part, inside a folder that
//     config.toml's [params] originals names (seeds by default), also once
//     symbolic links are resolved (see original.go);
//   - items of regulations, organisation.points and findings[].measures are
//     not blank.
//
// Across files:
//   - each file lies at store.RelPath of its notice (region slugs and signed
//     date) under the data folder;
//   - a township has at most one notice per signed date;
//   - at each level (province; city within a province; county within a
//     city; township within a county) one name has one slug and one slug
//     one name;
//   - notices on the same township and inspection (inspection.start) form a
//     history: the first (earliest signed) numbers its findings 1..N without
//     gaps; a later one may list only the findings it updates;
//   - outstanding[].finding names a finding of the same notice or of an
//     earlier notice on the same inspection.
//
// # Positions
//
// Each problem has the line and column (from 1; the column counts
// characters, not bytes) where the key it concerns is written: for a
// missing key, its table's header (1:1 at the top level); for a file in
// the wrong place, the slug or the signed date that disagrees. Paths
// in messages name values the way the file nests them, with array indexes
// counted from 1: findings[3].status is the status key of the third
// [[findings]] table — in a first notice, the finding numbered 3.
package check

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
	"golang.org/x/text/message"
)

// Problem is one thing wrong in a data file, at a TOML position. A
// warning (a stated total the findings do not bear out) is reported but
// does not fail the check: the notice may itself be inconsistent, and the
// data keeps what it says.
//
// Message is the English; Loc is the message itself (its catalog key and
// arguments), which Localize prints in the reader's language.
type Problem struct {
	Path    string
	Line    int
	Col     int
	Message string
	Warning bool
	Loc     *i18n.Error
}

// problem is a problem of the file path at line and col, its message
// format with args (a catalog key).
func problem(path string, line, col int, warning bool, format string, args ...any) Problem {
	m := i18n.Msg(format, args...)
	return Problem{path, line, col, m.Error(), warning, m}
}

// Localize is the problem as String prints it, in p's language (English
// when p is nil): the path and position are data, the message is built
// from its key.
func (p Problem) Localize(pr *message.Printer) string {
	var msg any = p.Message
	if p.Loc != nil {
		msg = p.Loc
	}
	switch {
	case p.Line == 0:
		return i18n.Sprintf(pr, "%s: %s", p.Path, msg)
	case p.Warning:
		return i18n.Sprintf(pr, "%s:%d:%d: warning: %s", p.Path, p.Line, p.Col, msg)
	}
	return i18n.Sprintf(pr, "%s:%d:%d: %s", p.Path, p.Line, p.Col, msg)
}

// String is "path:line:col: message", "path:line:col: warning: message",
// or "path: message" when no position applies (Line 0: the file as a
// whole, refused before it is parsed).
func (p Problem) String() string {
	switch {
	case p.Line == 0:
		return fmt.Sprintf("%s: %s", p.Path, p.Message)
	case p.Warning:
		return fmt.Sprintf("%s:%d:%d: warning: %s", p.Path, p.Line, p.Col, p.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Message)
}

// Errors is the problems that are not warnings.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Dir checks every data file (*.toml) under dir, and across files. It
// returns the files that decoded and every problem found, sorted by path,
// line and column. err is only for failures to read the folder or a file;
// a folder without data files is no error (and no problem): the caller
// decides what that means.
func Dir(dir string) ([]*store.File, []Problem, error) {
	return DirContext(context.Background(), dir)
}

// DirContext is Dir, stopped (with ctx's error) when ctx is done.
// The originals are judged on the file system relative to the current
// folder, as the project's root (see original.go and CacheOptions.Root).
func DirContext(ctx context.Context, dir string) ([]*store.File, []Problem, error) {
	return dirCheck(ctx, dir, nil, ".")
}

// dirCheck is DirContext, with each file's own check taken from, and
// saved to, cache when it is not nil, and the originals judged under
// root.
func dirCheck(ctx context.Context, dir string, cache *fileCache, root string) ([]*store.File, []Problem, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, nil, err
	}
	if !fi.IsDir() {
		return nil, nil, i18n.Errorf("%s is not a directory", dir)
	}
	paths, err := store.Files(dir)
	if err != nil {
		return nil, nil, err
	}
	// Files are checked on their own in parallel, then across.
	fcs := make([]*fileCheck, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			var buf []byte // with a cache, the data file's bytes, reused
			for i := range next {
				p := paths[i]
				if ctx.Err() != nil {
					continue
				}
				var b []byte
				var err error
				if cache == nil {
					b, err = store.ReadFile(p)
				} else {
					buf, err = store.ReadFileInto(p, buf)
					b = buf
				}
				var refused *store.RefusedError
				if errors.As(err, &refused) {
					fcs[i] = &fileCheck{path: p, probs: []Problem{problem(p, 0, 0, false, "%s", refused.Message())}}
					continue
				}
				if err != nil {
					errs[i] = err
					continue
				}
				rel, err := filepath.Rel(dir, p)
				if err != nil {
					errs[i] = err
					continue
				}
				rel = filepath.ToSlash(rel)
				sum := sha256.Sum256(b)
				fcs[i] = cachedCheck(cache, p, rel, b, sum)
				if f := fcs[i].file; f != nil {
					f.Sum = sum
				}
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	if cache != nil {
		cache.prune()
	}
	checkAcross(fcs)
	if err := checkOriginals(fcs, root); err != nil {
		return nil, nil, err
	}
	var files []*store.File
	var probs []Problem
	for _, fc := range fcs {
		if fc.file != nil {
			files = append(files, fc.file)
		}
		probs = append(probs, fc.probs...)
	}
	probs = append(probs, themesProblems(dir)...) // data/themes.toml (themes.go)
	Sort(probs)
	return files, probs, nil
}

// Bytes checks one data file's content on its own: everything but the
// checks across files and of the file's path. path names the file in the
// problems. The file is nil when the library could not decode it.
func Bytes(path string, src []byte) (*store.File, []Problem) {
	fc := checkFile(path, "", src)
	Sort(fc.probs)
	return fc.file, fc.probs
}

// Sort orders problems by path, line and column, keeping the order of
// problems at the same place.
func Sort(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// fileCheck is one file under check.
type fileCheck struct {
	path  string // as reported
	rel   string // slash-separated, relative to the data folder; "" when unknown
	pos   positions
	n     *notice.Notice // decoded by the walker; nil after a syntax error
	seen  map[string]bool
	bad   map[string]bool
	blank map[string]bool
	file  *store.File // decoded by the library; nil when it could not
	probs []Problem

	// lazyPos, for a check taken from the cache, is where pos comes from
	// on the first lookup (pos is nil until then); see positions.
	lazyPos *lazyPositions
	// lazyFlags, for a check taken from the cache, holds the flags of the
	// paths under findings[…] (seen, bad and blank hold the others until
	// then): the checks across files ask about a few top-level paths, and
	// a notice has thousands of finding paths (see isSeen).
	lazyFlags *lazyFlags

	numbers      map[int]int // finding number (1 or more) → index (from 1) of the first finding with it
	numbersKnown bool        // every finding has a usable number
}

// at adds a problem at the position of the value at path.
func (fc *fileCheck) at(path, format string, a ...any) {
	p := fc.positions().lookup(path)
	fc.probs = append(fc.probs, problem(fc.path, p.Line, p.Col, false, format, a...))
}

// warnAt adds a warning at the position of the value at path.
func (fc *fileCheck) warnAt(path, format string, a ...any) {
	p := fc.positions().lookup(path)
	fc.probs = append(fc.probs, problem(fc.path, p.Line, p.Col, true, format, a...))
}

// positions is fc.pos, read from the cache entry first if need be.
func (fc *fileCheck) positions() positions {
	if fc.lazyPos != nil {
		fc.pos, fc.lazyPos = fc.lazyPos.load(), nil
	}
	return fc.pos
}

// cachedCheck is the file's own check (b its bytes, sum their SHA-256):
// from its cache entry, or made (and saved) when there is none; made
// without a cache when cache is nil.
func cachedCheck(cache *fileCache, p, rel string, b []byte, sum [32]byte) *fileCheck {
	if cache == nil {
		return checkFile(p, rel, b)
	}
	key := cache.key(rel, sum)
	if fc := cache.load(key, p, rel); fc != nil {
		return fc
	}
	// A miss: the check may keep the bytes (the caller reuses its buffer).
	b = bytes.Clone(b)
	fc := checkFile(p, rel, b)
	cache.save(key, fc, len(b))
	return fc
}

// ok reports whether the value at path is present and usable.
func (fc *fileCheck) ok(path string) bool { return fc.isSeen(path) && !fc.isBad(path) }

// isSeen reports whether the file has a value at path.
func (fc *fileCheck) isSeen(path string) bool { fc.flagsFor(path); return fc.seen[path] }

// isBad reports whether the value at path is of the wrong type or form.
func (fc *fileCheck) isBad(path string) bool { fc.flagsFor(path); return fc.bad[path] }

// isBlank reports whether the value at path is blank text.
func (fc *fileCheck) isBlank(path string) bool { fc.flagsFor(path); return fc.blank[path] }

// flagsFor reads the rest of the cache entry's flags when path is one of
// those left for later (see lazyFlags).
func (fc *fileCheck) flagsFor(path string) {
	if fc.lazyFlags != nil && strings.HasPrefix(path, lazyFlagsPrefix) {
		fc.loadFlags()
	}
}

// decodeStrict, when set (by a test), replaces the library's own decoding
// into a notice.Notice. When nil, checkFile decodes the library's one parse
// of the file twice, as store.Decode would and as a generic tree, rather
// than parsing the text twice.
var decodeStrict func(src string, n *notice.Notice) (toml.MetaData, error)

func checkFile(path, rel string, src []byte) *fileCheck {
	fc := &fileCheck{path: path, rel: rel}
	if len(src) > store.MaxFileSize {
		fc.probs = append(fc.probs, problem(path, 0, 0, false,
			"%d bytes: a data file has at most %d bytes (4 MiB)", len(src), store.MaxFileSize))
		return fc
	}
	// The limits first, in one linear pass, so that the library never
	// parses what would cost it too much.
	text := string(src)
	ps, lim := scan(text)
	if lim != nil {
		fc.probs = append(fc.probs, problem(path, lim.at.Line, lim.at.Col, false, "%s", lim.msg))
		return fc
	}
	// One parse: the whole document as a toml.Primitive, then decoded
	// twice from it, as a generic tree for the walker (which marks no key
	// decoded) and as the notice store.Decode would make.
	var top toml.Primitive
	md, err := toml.Decode(text, &top)
	if err != nil {
		fc.syntax(text, err)
		return fc
	}
	var raw any
	if err := md.PrimitiveDecode(top, &raw); err != nil {
		fc.syntax(text, err)
		return fc
	}
	tree, _ := raw.(map[string]any)
	fc.pos = ps
	if fs, ok := tree["findings"].([]map[string]any); ok && len(fs) > MaxFindings {
		fc.at(indexPath("findings", MaxFindings+1), "%d findings: a notice has at most %d", len(fs), MaxFindings)
		return fc
	}
	w := &walker{seen: make(map[string]bool, len(ps)), bad: map[string]bool{}, blank: map[string]bool{}}
	n := &notice.Notice{}
	w.table("", tree, reflect.ValueOf(n).Elem())
	fc.n, fc.seen, fc.bad, fc.blank = n, w.seen, w.bad, w.blank
	for _, p := range w.probs {
		fc.at(p.path, "%s", p.msg)
	}

	// The library's decoding is what store.Decode and every other command
	// read, so it must accept the file too; when the walker found nothing
	// wrong and the library still refuses, that refusal is a problem.
	var strict notice.Notice
	if decodeStrict != nil {
		md, err = decodeStrict(text, &strict)
	} else {
		err = md.PrimitiveDecode(top, &strict)
	}
	switch {
	case err == nil:
		fc.file = &store.File{Path: path, Notice: &strict, Meta: md}
	case len(w.probs) == 0:
		var pe toml.ParseError
		if errors.As(err, &pe) {
			fc.syntax(text, err)
		} else {
			fc.at("", "cannot decode: %v", err)
		}
	}
	fc.required()
	fc.values()
	fc.unit()
	fc.stated()
	fc.privacy()
	fc.cap()
	return fc
}

// MaxFindings is the most findings ([[findings]]) a notice may have; the
// bundled one has 59.
const MaxFindings = 1000

// MaxProblems is the most problems reported for one file; more are
// counted in one last line.
const MaxProblems = 1000

// cap keeps the first MaxProblems problems of the file, in order, and
// counts the rest in one problem after them.
func (fc *fileCheck) cap() {
	if len(fc.probs) <= MaxProblems {
		return
	}
	Sort(fc.probs)
	last := fc.probs[MaxProblems-1]
	more := len(fc.probs) - MaxProblems
	fc.probs = append(fc.probs[:MaxProblems:MaxProblems], problem(fc.path, last.Line, last.Col, false,
		"%d more problems in this file not shown (at most %d are)", more, MaxProblems))
}

// syntax reports a TOML parse error at its position.
func (fc *fileCheck) syntax(src string, err error) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		fc.probs = append(fc.probs, problem(fc.path, 1, 1, false, "TOML: %s", err.Error()))
		return
	}
	line, col := pe.Position.Line, pe.Position.Col
	// The library counts the column in bytes; count characters instead.
	src = strings.TrimPrefix(src, "\ufeff")
	if start := lineOffset(src, line); start >= 0 && pe.Position.Start >= start &&
		pe.Position.Start <= len(src) && !strings.Contains(src[start:pe.Position.Start], "\n") {
		col = len([]rune(src[start:pe.Position.Start])) + 1
	}
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	fc.probs = append(fc.probs, problem(fc.path, line, col, false, "TOML syntax: %s", pe.Message))
}

// lineOffset is the byte offset where line (from 1) starts, or -1.
func lineOffset(src string, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}
