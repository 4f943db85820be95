// Package mergecmd is `gongshi merge`: put the parts of a split build
// (gongshi build --part …) together into the site one build gives.
package mergecmd

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/site"
)

const usage = `Usage: gongshi merge --out DIR PART…

Puts the folders of a split build's parts (gongshi build --part … --out PART)
together into --out, as one gongshi build of the same data writes it, and
swaps the result into place. Every unit must be in exactly one part, one part
must be :site, and all parts must come from the same data, templates, program
and SOURCE_DATE_EPOCH. Files are hard-linked where the parts share a file
system with --out, else copied.

`

// Run runs `gongshi merge` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	out := fs.String("out", "public", "the site `folder` to replace")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &cli.ExitError{Code: 0, Silent: true}
		}
		return &cli.ExitError{Code: 2, Err: err, Silent: true}
	}
	if fs.NArg() == 0 {
		return cli.Usage("no parts to merge")
	}
	sum, err := site.Merge(ctx, *out, fs.Args(), io.Err)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.Out, "merged %d parts into %s: %d units, %d pages, %d files, %.1f MB, in %s\n",
		fs.NArg(), *out, sum.Units, sum.Pages, sum.Files, float64(sum.Bytes)/1e6, sum.Duration.Round(1e6))
	fmt.Fprintf(io.Out, "changes since the previous site: %s (%s)\n", sum.Changes, site.CacheDir(*out))
	return nil
}
