// Package importcmd is `gongshi import`: notices (text, HTML pages or .docx
// files, one or many, or folders of them) → one TOML data file each under
// data/, with a report of what went where.
//
// After GitHub CLI's commands: NewCmdImport (cmd.go) parses the arguments
// into Options, run imports from Options; each half is tested on its own.
package importcmd

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
)

// Options is everything `gongshi import` is asked to do.
type Options struct {
	IO         cli.IO
	Ctx        context.Context
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
		return i18n.Errorf("reading the publisher's defaults: %w", err)
	}
	if !bulk {
		if len(files) == 0 {
			return i18n.Errorf("%s: no notices (.txt, .html, .docx, .pdf, .doc, .wps) in it", strings.Join(o.Files, ", "))
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
	case errors.Is(err, fs.ErrNotExist):
		l.err = i18n.Errorf("%s: no such file or folder", file)
		return l
	case err != nil:
		l.err = err
		return l
	case !fi.Mode().IsRegular():
		l.err = i18n.Errorf("%s: not a regular file (a notice is read from a file, not a pipe or a device)", file)
		return l
	case fi.Size() > MaxInputSize:
		l.err = i18n.Errorf("%s: %d bytes: a notice file has at most %d bytes (64 MiB)", file, fi.Size(), MaxInputSize)
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
