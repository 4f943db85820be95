// Package importcmd is `gongshi import`: notices (text, HTML pages or .docx
// files, one or many, or folders of them) → one TOML data file each under
// data/, with a report of what went where.
//
// After GitHub CLI's commands: NewCmd parses the arguments into Options,
// run imports from Options; each half is tested on its own.
package importcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
)

const usage = `Usage: gongshi import FILE|FOLDER… [flags]

Reads notices (plain text in UTF-8, UTF-16 or GB18030, HTML pages, .docx
files; a folder stands for the notices in it), writes one data file each,
data/<province>/<city>/<county>/<unit>/<signed>.toml, and prints a report:
for one file, what went where; for several, a line per file and a total.
It goes on past a file that fails, and exits 1 if any failed.

Flags:
`

// Options is everything `gongshi import` is asked to do.
type Options struct {
	Files      []string // files and folders, as given
	Region     string   // --region 省/市/县/镇
	Slugs      string   // --slugs a/b/c/d
	Unit       string   // --unit 名称: the inspected unit, where the text does not name it
	UnitKind   string   // --unit-kind: township, village, department, school, enterprise, region
	UnitSlug   string   // --unit-slug
	SourceURL  string
	DataDir    string
	ConfigPath string
	Force      bool
	JSON       bool
}

// Run runs `gongshi import` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	opts, err := NewCmd(io, args)
	if err != nil || opts == nil {
		return err
	}
	return run(ctx, io, opts)
}

// NewCmd parses the arguments into Options (nil Options for --help).
func NewCmd(io cli.IO, args []string) (*Options, error) {
	o := &Options{}
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(io.Err)
	fl.StringVar(&o.Region, "region", "", "the region as `省/市/县/镇`, e.g. 福建省/莆田市/仙游县/郊尾镇; for a county department 省/市/县 (empty parts: from the text or config)")
	fl.StringVar(&o.Slugs, "slugs", "", "the region's slugs as `a/b/c/d` (empty parts: from pinyin)")
	fl.StringVar(&o.Unit, "unit", "", "the inspected unit's `name` where the text does not give it (区文旅体局, 示例村)")
	fl.StringVar(&o.UnitKind, "unit-kind", "", "the unit's `kind`: township, village, department, school, enterprise, or region (a summary over several units)")
	fl.StringVar(&o.UnitSlug, "unit-slug", "", "the unit's `slug` (default: from pinyin)")
	fl.StringVar(&o.SourceURL, "source-url", "", "the `URL` the notice was published at")
	fl.StringVar(&o.DataDir, "data", "data", "the data `folder`")
	fl.StringVar(&o.ConfigPath, "config", "config.toml", "the site `config`; its [params.publisher] gives region defaults (a missing file gives none)")
	fl.BoolVar(&o.Force, "force", false, "overwrite an existing data file")
	fl.BoolVar(&o.JSON, "json", false, "write nothing; for one file print the notice as JSON (the report goes to stderr); for several, the report as JSON")
	fl.Usage = func() {
		fmt.Fprint(fl.Output(), usage)
		fl.PrintDefaults()
	}
	files, err := parseInterleaved(fl, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, nil
	}
	if err != nil {
		return nil, &cli.ExitError{Code: 2, Err: err, Silent: true}
	}
	if len(files) == 0 {
		fl.Usage()
		return nil, cli.Usage("give at least one FILE or FOLDER")
	}
	o.Files = files
	if o.SourceURL != "" {
		u, err := url.Parse(o.SourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, cli.Usage("--source-url %q is not an http(s) URL", o.SourceURL)
		}
	}
	if o.UnitKind != "" && !notice.UnitKind(o.UnitKind).Valid() {
		return nil, cli.Usage("--unit-kind %q is not one of township, village, department, school, enterprise, region", o.UnitKind)
	}
	if o.UnitSlug != "" && !notice.SlugValid(o.UnitSlug) {
		return nil, cli.Usage("--unit-slug %q is not a slug (a-z, 0-9, words joined by -)", o.UnitSlug)
	}
	if strings.Count(o.Region, "/") > 3 {
		return nil, cli.Usage("--region %q has %d parts; give at most 4: province/city/county/township", o.Region, strings.Count(o.Region, "/")+1)
	}
	return o, nil
}

// MaxInputSize is the largest notice file read: 64 MiB (a .docx with
// scanned seals stays well below it).
const MaxInputSize = 64 << 20

// inputExts are the files a folder contributes.
var inputExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".docx": true}

// expand lists the files to import: each file as given, and the notices in
// each folder (by extension, sorted, hidden files left out).
func expand(paths []string) ([]string, bool, error) {
	var out []string
	bulk := len(paths) > 1
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			out = append(out, p) // reported as that file's failure
			continue
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		bulk = true
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if q != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && d.Type().IsRegular() && inputExts[strings.ToLower(filepath.Ext(name))] {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, bulk, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, bulk, nil
}

func run(ctx context.Context, io cli.IO, o *Options) error {
	files, bulk, err := expand(o.Files)
	if err != nil {
		return err
	}
	pub, err := importer.LoadPublisher(o.ConfigPath)
	if err != nil {
		return fmt.Errorf("reading the publisher's defaults: %w", err)
	}
	if !bulk {
		if len(files) == 0 {
			return fmt.Errorf("%s: no notices (.txt, .html, .docx) in it", strings.Join(o.Files, ", "))
		}
		return runOne(ctx, io, o, pub, files[0])
	}
	return runBulk(ctx, io, o, pub, files)
}

// outcome is one file's import.
type outcome struct {
	file   string
	rep    *report
	n      *notice.Notice
	path   string // the data file written, or that would be written
	err    error
	failed bool
}

// importFile parses one file and resolves its region and unit; with write
// it also writes the data file. It never panics on a file's content and
// returns the failure in outcome.err.
func importFile(ctx context.Context, o *Options, pub *importer.Publisher, file string, write bool) outcome {
	out := outcome{file: file}
	fail := func(err error) outcome {
		out.err, out.failed = err, true
		return out
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		return fail(err)
	}
	if !fi.Mode().IsRegular() {
		return fail(fmt.Errorf("%s: not a regular file (a notice is read from a file, not a pipe or a device)", file))
	}
	if fi.Size() > MaxInputSize {
		return fail(fmt.Errorf("%s: %d bytes: a notice file has at most %d bytes (64 MiB)", file, fi.Size(), MaxInputSize))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fail(err)
	}
	res, err := importer.ParseWith(file, data, importer.Options{Summary: o.UnitKind == string(notice.UnitRegion)})
	if err != nil {
		return fail(err)
	}
	n := res.Notice
	n.SourceURL = o.SourceURL
	rep := &report{res: res, file: file}
	out.rep, out.n = rep, n

	u, unitNotes := resolveUnit(o, res)
	rep.unit, rep.notes = u, append(rep.notes, unitNotes...)
	township := u.Kind == notice.UnitTownship || u.Kind == notice.UnitVillage
	r, parts, regionWarns, regionErr := importer.ResolveRegion(importer.RegionInput{
		Flag: o.Region, Slugs: o.Slugs, Text: res.Region, Config: pub, ConfigPath: o.ConfigPath, Township: township,
	})
	if parts == nil && regionErr != nil { // a malformed flag
		return fail(cli.Usage("%v", regionErr))
	}
	n.Region, rep.parts = r, parts
	rep.notes = append(rep.notes, regionWarns...)
	if u.Kind == notice.UnitTownship {
		if u.Name != "" && r.Township != "" && u.Name != r.Township {
			rep.notes = append(rep.notes, fmt.Sprintf("unit: the text names %s, the region's township is %s; the notice is filed under %s", u.Name, r.Township, r.Township))
		}
	} else {
		n.Unit = u
	}

	orig, note := originalPath(file, o.DataDir)
	n.Original = orig
	if note != "" {
		rep.notes = append(rep.notes, note)
	}
	switch {
	case regionErr != nil:
		return fail(fmt.Errorf("%s: %w", file, regionErr))
	case u.Kind != notice.UnitTownship && u.Name == "":
		return fail(fmt.Errorf("%s: the text does not name the inspected %s (it says only %q): give --unit NAME", file, u.Kind, n.Inspection.Target))
	case u.Kind != notice.UnitTownship && u.Kind != notice.UnitRegion && u.Slug == "":
		return fail(fmt.Errorf("%s: cannot make a slug for the unit %q: give --unit-slug", file, u.Name))
	case n.Signed == "":
		return fail(fmt.Errorf("%s: no signature date (a line like 2024年12月2日 under the issuer), so the data file cannot be named; nothing written", file))
	}
	rep.notes = append(rep.notes, matchEarlier(n, printedLabels(res), o.DataDir)...)
	out.path = filepath.Join(o.DataDir, relPath(n))
	if write {
		kept, err := writeNotice(out.path, n, o.Force) // --force keeps the editors' work: store.Carry
		if err != nil {
			return fail(fmt.Errorf("%s: %w", file, err))
		}
		rep.wrote, rep.notes = out.path, append(rep.notes, kept...)
	}
	return out
}

// resolveUnit puts the inspected unit together: kind and name from the
// flags, else from the text; the slug from --unit-slug, else pinyin. A
// unit the text does not name is a township (the region's), as the bundled
// notices are.
func resolveUnit(o *Options, res *importer.Result) (notice.Unit, []string) {
	var notes []string
	tu := res.Unit
	u := notice.Unit{Kind: notice.UnitKind(o.UnitKind), Name: o.Unit}
	if u.Kind == "" {
		u.Kind = tu.Kind
		if u.Kind == "" && o.Unit != "" {
			u.Kind = notice.UnitKindOf(o.Unit)
		}
		if u.Kind == "" {
			u.Kind = notice.UnitTownship
		}
	}
	if u.Name == "" && u.Kind == tu.Kind {
		u.Name = tu.Name
	}
	if o.Unit != "" && tu.Name != "" && o.Unit != tu.Name {
		notes = append(notes, fmt.Sprintf("unit: --unit says %s but the %s says %s; using %s", o.Unit, tu.From, tu.Name, o.Unit))
	}
	if o.UnitKind != "" && tu.Kind != "" && notice.UnitKind(o.UnitKind) != tu.Kind {
		notes = append(notes, fmt.Sprintf("unit: --unit-kind says %s but the %s reads as a %s; using %s", o.UnitKind, tu.From, tu.Kind, o.UnitKind))
	}
	switch {
	case u.Kind == notice.UnitTownship || u.Kind == notice.UnitRegion:
		u.Slug = ""
		if u.Kind == notice.UnitRegion && u.Name == "" {
			u.Name = "全区（县）" // a summary names itself by its region; the editor may say more
		}
	case o.UnitSlug != "":
		u.Slug = o.UnitSlug
	default:
		u.Slug = importer.Slug(u.Name)
	}
	return u, notes
}

// parseInterleaved parses flags before and after the positional arguments
// (gongshi import FILE --region … as well as gongshi import --region … FILE).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at "--": everything after it is positional
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// originalPath is the input's path relative to the site (the folder that
// holds the data folder), with forward slashes. A file outside the site
// gets none, and a note saying so.
func originalPath(file, dataDir string) (string, string) {
	absData, err1 := filepath.Abs(dataDir)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return "", "original: cannot resolve the input's path; original left empty"
	}
	rel, err := filepath.Rel(filepath.Dir(absData), absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Sprintf("original: %s is outside the site; copy it into seeds/ and import it from there to publish it beside the notice (original left empty)", file)
	}
	// The rule check and build apply (internal/check/original.go): an
	// original they would refuse is left empty, so import never writes a
	// data file that check refuses.
	root := filepath.Dir(absData)
	if folders, err := check.OriginalFolders(root); err == nil {
		var oe *check.OriginalError
		if _, err := check.ResolveOriginal(root, folders, filepath.ToSlash(rel)); errors.As(err, &oe) {
			return "", fmt.Sprintf("original: %s; original left empty", oe.Msg)
		}
	}
	return filepath.ToSlash(rel), ""
}
