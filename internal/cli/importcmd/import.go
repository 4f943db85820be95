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
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
)

const usage = `Usage: gongshi import FILE|FOLDER… [flags]

Reads notices (plain text in UTF-8, UTF-16 or GB18030, HTML pages, .docx,
PDF with a text layer; .doc, .wps and .rtf through LibreOffice;
a folder stands for the notices in it), writes one data file each,
data/<province>/<city>/<county>/<unit>/<signed>.toml, and prints a report:
for one file, what went where; for several, a line per file and a total.
It goes on past a file that fails, and exits 1 if any failed.
It writes no file that gongshi check refuses, and none whose findings
read are under 90 % or over 110 % of the problems the notice states
(--accept-mismatch writes it anyway).

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
	Title      string // --title: the notice's title where the text has none
	DataDir    string
	ConfigPath string
	Force      bool
	JSON       bool
	// AcceptMismatch writes a notice whose findings read are under 90 % or
	// over 110 % of the problems it states.
	AcceptMismatch bool
	// Layout names a layout profile (DATA/layouts/NAME.toml, docs/layouts.md).
	Layout string
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
	fl.StringVar(&o.Title, "title", "", "the notice's `title` where the text has none (a data file must have one)")
	fl.BoolVar(&o.AcceptMismatch, "accept-mismatch", false, "write a notice whose findings read are under 90 % or over 110 % of the problems it states")
	fl.BoolVar(&o.Force, "force", false, "overwrite an existing data file")
	fl.StringVar(&o.Layout, "layout", "", "read with the layout profile `NAME` (data/layouts/NAME.toml; default: the profile whose issuer the text names)")
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
	if err := o.request().Check(); err != nil {
		return nil, cli.Usage("%v", err)
	}
	return o, nil
}

// request is the import use case's request for the flags (the document's
// name and bytes left for each file).
func (o *Options) request() intake.Request {
	return intake.Request{
		Region: o.Region, Slugs: o.Slugs, Unit: o.Unit, UnitKind: o.UnitKind, UnitSlug: o.UnitSlug,
		SourceURL: o.SourceURL, Title: o.Title,
		DataDir: o.DataDir, ConfigPath: o.ConfigPath, AcceptMismatch: o.AcceptMismatch, Force: o.Force, Layout: o.Layout,
	}
}

// MaxInputSize is the largest notice file read: 64 MiB (a .docx with
// scanned seals stays well below it).
const MaxInputSize = 64 << 20

// inputExts are the files a folder contributes.
var inputExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".shtml": true, ".xhtml": true,
	".docx": true, ".pdf": true, ".doc": true, ".wps": true, ".rtf": true}

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
			return fmt.Errorf("%s: no notices (.txt, .html, .docx, .pdf, .doc, .wps) in it", strings.Join(o.Files, ", "))
		}
		return runOne(ctx, io, o, pub, files[0])
	}
	return runBulk(ctx, io, o, pub, files)
}

// outcome is one file's import.
type outcome struct {
	file   string
	res    *intake.Result // nil when the file could not be read as a notice
	err    error
	failed bool
}

// importFile reads one file through the import use case (intake); with
// write it also writes the data file, unless the use case refuses. It never
// panics on a file's content and returns the failure in outcome.err.
func importFile(ctx context.Context, o *Options, pub *importer.Publisher, file string, write bool) outcome {
	return finish(ctx, o, load(ctx, o, pub, file), write)
}

// loaded is a file read and parsed: the half of an import that depends on
// nothing but the file and the flags, which a bulk import runs ahead in
// parallel.
type loaded struct {
	file string
	req  intake.Request
	pr   *importer.Result
	err  error
}

// load reads the file and parses it (intake.Parse).
func load(ctx context.Context, o *Options, pub *importer.Publisher, file string) loaded {
	l := loaded{file: file}
	if l.err = ctx.Err(); l.err != nil {
		return l
	}
	fi, err := os.Stat(file)
	switch {
	case err != nil:
		l.err = err
		return l
	case !fi.Mode().IsRegular():
		l.err = fmt.Errorf("%s: not a regular file (a notice is read from a file, not a pipe or a device)", file)
		return l
	case fi.Size() > MaxInputSize:
		l.err = fmt.Errorf("%s: %d bytes: a notice file has at most %d bytes (64 MiB)", file, fi.Size(), MaxInputSize)
		return l
	}
	data, err := os.ReadFile(file)
	if err != nil {
		l.err = err
		return l
	}
	l.req = o.request()
	l.req.Name, l.req.Data, l.req.Path, l.req.Publisher = file, data, file, pub
	l.pr, l.err = intake.Parse(l.req)
	return l
}

// finish places a loaded file (intake.Place: it reads the data folder, so
// files are finished one after another, in order) and, with write, writes
// its data file unless the use case refuses.
func finish(ctx context.Context, o *Options, l loaded, write bool) outcome {
	out := outcome{file: l.file}
	fail := func(err error) outcome {
		out.err, out.failed = err, true
		return out
	}
	if l.err != nil {
		return fail(l.err)
	}
	res, err := intake.Place(ctx, l.req, l.pr)
	var fe *intake.FlagError
	if errors.As(err, &fe) {
		return fail(cli.Usage("%v", fe.Err))
	}
	if err != nil {
		return fail(err)
	}
	out.res = res
	if write {
		err = res.Write()
	} else {
		err = res.Refused()
	}
	if err != nil {
		return fail(err)
	}
	return out
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
