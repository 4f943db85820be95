// Package mergecmd is `gongshi merge`: put the parts of a split build
// (gongshi build --part …) together into the site one build gives.
package mergecmd

import (
	"fmt"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site"
)

// runMerge merges the parts of o.
func runMerge(o *Options) error {
	ctx, io, p := o.Ctx, o.IO, o.IO.P
	if p == nil {
		p = i18n.NewPrinter(false)
	}
	sum, err := site.Merge(ctx, o.Out, o.Parts, i18n.Logger{Writer: io.Err, P: io.P})
	if err != nil {
		return err
	}
	fmt.Fprintln(io.Out, p.Sprintf("merged %d parts into %s: %d units, %d pages, %d files, %.1f MB, in %s",
		len(o.Parts), o.Out, sum.Units, sum.Pages, sum.Files, float64(sum.Bytes)/1e6, sum.Duration.Round(1e6)))
	fmt.Fprintln(io.Out, p.Sprintf("changes since the previous site: %s (%s)", sum.Changes, site.CacheDir(o.Out)))
	return nil
}
