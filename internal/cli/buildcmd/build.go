// Package buildcmd is `gongshi build`: check the data, render the site with
// the embedded Hugo, write the downloads and the search index, and swap the
// result into place (see package site).
package buildcmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/site"
)

const usage = `Usage: gongshi build [--root DIR] [--data DIR] [--out DIR] [--no-cache] [--cache DIR] [--no-wait] [--part P,…]

Checks every data file (a problem stops the build), renders the site with the
embedded Hugo into a folder beside --out, writes the CSV/JSON downloads, feeds,
sitemap, manifest and search index, and only then swaps it into place: a failed
or interrupted build leaves the previous site as it was.

"Today" (the site's "as of" date and the overdue flags; the files' times) is
SOURCE_DATE_EPOCH when set, so two builds of the same data give identical trees.

A build is incremental: the build cache (.gongshi-cache/NAME beside --out)
keeps the content hashes of the previous build, and only the pages of the
units whose data changed are rendered again; the rest is taken from the
previous site. --no-cache renders everything. The paths added, changed and
removed since the previous site are listed in the cache folder (changes.json,
upload.txt, delete.txt).

Builds of one site folder take turns (gongshi serve's too): a second build
waits for the first, saying once which build it waits for; with --no-wait it
refuses instead (exit status 1).

--part builds part of the site for a split build: unit path prefixes
(fujian/putian) and :site (home, regions, downloads, search index); put the
parts together with gongshi merge.

`

// Run runs `gongshi build` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	o, err := Options(io, "build", usage, args)
	if err != nil {
		return err
	}
	o.Once = true // the process ends after the build
	sum, err := site.Build(ctx, o)
	if err != nil {
		return Report(io, err)
	}
	fmt.Fprintf(io.Out, "built %s: %s\n", o.Out, sum)
	if sum.Changes != nil && len(o.Parts) == 0 {
		cache := o.Cache
		if cache == "" {
			cache = site.CacheDir(o.Out)
		}
		fmt.Fprintf(io.Out, "changes since the previous site: %s (%s)\n", sum.Changes, cache)
	}
	return nil
}

// Options parses the flags that build and serve share into build options;
// progress goes to io.Err.
func Options(io cli.IO, name, usage string, args []string, more ...func(*flag.FlagSet)) (site.Options, error) {
	var o site.Options
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Err)
	fs.StringVar(&o.Root, "root", ".", "the project `folder`: config.toml, content/, layouts/, static/, seeds/")
	fs.StringVar(&o.Data, "data", "", "the data `folder` (default ROOT/data)")
	fs.StringVar(&o.Out, "out", "", "the site `folder` to replace (default ROOT/public)")
	fs.StringVar(&o.Cache, "cache", "", "the build cache `folder` (default .gongshi-cache/NAME beside --out)")
	fs.BoolVar(&o.NoCache, "no-cache", false, "render every page (the cache is written again)")
	fs.BoolVar(&o.NoWait, "no-wait", false, "when another build of the site folder runs, refuse rather than wait for it")
	fs.Func("part", "build only `parts` of the site for gongshi merge: unit path prefixes (fujian/putian) and :site, comma-separated", func(v string) error {
		o.Parts = append(o.Parts, v)
		return nil
	})
	for _, f := range more {
		f(fs)
	}
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, &cli.ExitError{Code: 0, Silent: true}
		}
		return o, &cli.ExitError{Code: 2, Err: err, Silent: true}
	}
	if fs.NArg() > 0 {
		return o, cli.Usage("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if o.Data == "" {
		o.Data = o.Root + string(os.PathSeparator) + "data"
	}
	if o.Out == "" {
		o.Out = o.Root + string(os.PathSeparator) + "public"
	}
	now, err := Now(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return o, cli.Usage("%v", err)
	}
	o.Now, o.Log = now, io.Err
	return o, nil
}

// Now is SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else the
// current time.
func Now(epoch string) (time.Time, error) {
	if epoch == "" {
		return time.Now(), nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", epoch)
	}
	return time.Unix(n, 0).UTC(), nil
}

// Report prints a failed build's data problems one per line (path:line:col:
// message) and returns the error to exit with.
func Report(io cli.IO, err error) error {
	var ce *site.CheckError
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Fprintln(io.Err, p)
		}
		fmt.Fprintf(io.Err, "gongshi: %d problem(s) in the data; nothing was built\n", len(ce.Problems))
		return &cli.ExitError{Code: 1, Err: err, Silent: true}
	}
	return err
}
