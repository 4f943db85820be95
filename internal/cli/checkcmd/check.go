// Package checkcmd is `gongshi check`: validate every data file.
//
//	gongshi check [--data DIR]
//
// It checks every *.toml file under DIR (default ./data) with check.Dir,
// judging the notices' originals under the project folder --root
// (default ., see internal/check/original.go).
// Each problem is printed to standard output as one line,
// path:line:col: message, sorted by path and position, so that the list can
// be piped or read by an editor; the count goes to standard error and the
// exit status is 1. Clean data prints one summary line to standard output,
// e.g. "checked 1 notice, 59 findings in data: ok", and exits 0. A missing
// or unreadable folder, or one without data files, is an error (exit 1); a
// wrong command line exits 2.
package checkcmd

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/store"
)

// runCheck checks the data folder of o.
func runCheck(o *Options) error {
	ctx, io, dir, root := o.Ctx, o.IO, &o.DataDir, &o.Root
	if err := ctx.Err(); err != nil {
		return err
	}
	files, probs, err := check.DirCachedWith(ctx, *dir, "", check.CacheOptions{Root: *root})
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if target := store.DanglingTarget(*dir); target != "" {
			return i18n.Errorf("data folder %s is a symbolic link whose target %s is missing (name another folder with --data DIR)", *dir, target)
		}
		return i18n.Errorf("data folder %s does not exist (import a notice with gongshi import FILE, or name another folder with --data DIR)", *dir)
	case err != nil:
		return err
	}
	if len(probs) == 0 && len(files) == 0 {
		return i18n.Errorf("no data files (*.toml) under %s", *dir)
	}
	for _, p := range probs {
		if p.Warning {
			fmt.Fprintln(io.Out, p.Localize(io.P))
		}
	}
	if errs := check.Errors(probs); len(errs) > 0 {
		probs = errs
		bad := map[string]bool{}
		for _, p := range probs {
			fmt.Fprintln(io.Out, p.Localize(io.P))
			bad[p.Path] = true
		}
		all, err := store.Files(*dir)
		if err != nil {
			return err
		}
		return &cli.ExitError{Code: 1, Err: i18n.Errorf("%d problems in %d of %d files under %s",
			len(probs), len(bad), len(all), *dir)}
	}
	findings := 0
	for _, f := range files {
		findings += len(f.Notice.Findings)
	}
	i18n.Fprintln(io.Out, io.P, "checked %d notices, %d findings in %s: ok", len(files), findings, *dir)
	return nil
}
