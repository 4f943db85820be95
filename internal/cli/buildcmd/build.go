// Package buildcmd is `gongshi build`: check the data, render the site with
// the embedded Hugo, write the downloads and the search index, and swap the
// result into place (see package site).
package buildcmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site"
)

// runBuild builds the site of o.
func runBuild(opts *Options) error {
	ctx, io, o := opts.Ctx, opts.IO, opts.Site
	o.Once = true // the process ends after the build
	sum, err := site.Build(ctx, o)
	if err != nil {
		return Report(io, err)
	}
	fmt.Fprintln(io.Out, i18n.Sprintf(io.P, "built %s: %s", o.Out, sum))
	if sum.Changes != nil && len(o.Parts) == 0 {
		cache := o.Cache
		if cache == "" {
			cache = site.CacheDir(o.Out)
		}
		fmt.Fprintln(io.Out, i18n.Sprintf(io.P, "changes since the previous site: %s (%s)", sum.Changes, cache))
	}
	return nil
}

// Now is SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else the
// current time.
func Now(epoch string) (time.Time, error) {
	if epoch == "" {
		return time.Now(), nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, i18n.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", epoch)
	}
	return time.Unix(n, 0).UTC(), nil
}

// Report prints a failed build's data problems one per line (path:line:col:
// message) and returns the error to exit with.
func Report(io cli.IO, err error) error {
	var ce *site.CheckError
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Fprintln(io.Err, p.Localize(io.P))
		}
		i18n.Fprintf(io.Err, io.P, "gongshi: %d problems in the data; nothing was built\n", len(ce.Problems))
		return &cli.ExitError{Code: 1, Err: err, Silent: true}
	}
	return err
}

// printer is io's printer, English when it has none.
func printer(io cli.IO) *message.Printer {
	if io.P == nil {
		return i18n.NewPrinter(false)
	}
	return io.P
}
