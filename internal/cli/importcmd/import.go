// Package importcmd is `gongshi import`: a notice (text, HTML page or .docx)
// → one TOML data file under data/, with a report of what went where.
package importcmd

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/store"
)

const usage = `Usage: gongshi import FILE [flags]

Reads a notice (plain text in UTF-8 or GB18030, an HTML page, or a .docx),
writes data/<province>/<city>/<county>/<township>/<signed>.toml and prints a
report: counts per section, findings per status, where each part of the
region came from, web chrome left out, every line it could not place.

Flags:
`

// Run runs `gongshi import` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	region := fs.String("region", "", "the region as `省/市/县/镇`, e.g. 福建省/莆田市/仙游县/郊尾镇 (empty parts: from the text or config)")
	slugs := fs.String("slugs", "", "the region's slugs as `a/b/c/d` (empty parts: from pinyin)")
	sourceURL := fs.String("source-url", "", "the `URL` the notice was published at")
	dataDir := fs.String("data", "data", "the data `folder`")
	configPath := fs.String("config", "config.toml", "the site `config`; its [params.publisher] gives region defaults (a missing file gives none)")
	force := fs.Bool("force", false, "overwrite an existing data file")
	asJSON := fs.Bool("json", false, "write nothing; print the notice as JSON (the report goes to stderr)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return &cli.ExitError{Code: 2, Err: err, Silent: true}
	}
	if len(files) != 1 {
		fs.Usage()
		return cli.Usage("give exactly one FILE (got %d)", len(files))
	}
	file := files[0]
	if *sourceURL != "" {
		u, err := url.Parse(*sourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cli.Usage("--source-url %q is not an http(s) URL", *sourceURL)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	res, err := importer.Parse(file, data)
	if err != nil {
		return err
	}
	n := res.Notice
	n.SourceURL = *sourceURL

	rep := &report{res: res, file: file}
	pub, err := importer.LoadPublisher(*configPath)
	if err != nil {
		return fmt.Errorf("reading the publisher's defaults: %w", err)
	}
	r, parts, regionWarns, regionErr := importer.ResolveRegion(importer.RegionInput{
		Flag: *region, Slugs: *slugs, Text: res.Region, Config: pub, ConfigPath: *configPath,
	})
	if parts == nil && regionErr != nil { // a malformed flag
		return cli.Usage("%v", regionErr)
	}
	n.Region, rep.parts, rep.notes = r, parts, regionWarns

	orig, note := originalPath(file, *dataDir)
	n.Original = orig
	if note != "" {
		rep.notes = append(rep.notes, note)
	}

	if *asJSON {
		if regionErr != nil {
			rep.notes = append(rep.notes, regionErr.Error())
		}
		enc := json.NewEncoder(io.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(n); err != nil {
			return err
		}
		rep.write(io.Err)
		return nil
	}

	if regionErr != nil {
		rep.write(io.Err)
		return fmt.Errorf("%s: %w", file, regionErr)
	}
	if n.Signed == "" {
		rep.write(io.Err)
		return fmt.Errorf("%s: no signature date (a line like 2024年12月2日 under the issuer), so the data file cannot be named; nothing written", file)
	}
	path := filepath.Join(*dataDir, store.RelPath(n))
	if err := store.Write(path, n, *force); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	rep.wrote = path
	rep.write(io.Out)
	return nil
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
	return filepath.ToSlash(rel), ""
}
