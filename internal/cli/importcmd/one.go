package importcmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
)

// runOne imports one file and prints its whole report. With --json it
// prints the notice as read even when it may not be written; a notice
// whose findings are far from its stated count still exits 1.
func runOne(ctx context.Context, io cli.IO, o *Options, pub *importer.Publisher, file string) error {
	oc := importFile(ctx, o, pub, file, !o.JSON)
	rep := &report{res: oc.res, file: file}
	if o.JSON && oc.res != nil {
		if oc.err != nil {
			rep.notes = append(rep.notes, i18n.Localize(io.P, oc.err))
		}
		enc := json.NewEncoder(io.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(oc.res.Notice); err != nil {
			return err
		}
		rep.write(io.Err, io.P)
		if errors.Is(oc.err, intake.ErrMismatch) {
			return &cli.ExitError{Code: 1, Err: oc.err, Silent: true}
		}
		// Another refusal (an unknown region, say) comes first, but a
		// reading far from the stated count is still an error.
		if t := oc.res.Totals; t != nil && t.Outside() && !o.AcceptMismatch {
			err := i18n.Errorf("%s: the notice states %d problems but %d were read (%d%%, outside 90–110%%): nothing written; check the reading, or give --accept-mismatch to write it anyway", file, t.Stated, t.Read, t.Percent())
			fmt.Fprintln(io.Err, i18n.Localize(io.P, err))
			return &cli.ExitError{Code: 1, Err: err, Silent: true}
		}
		return nil
	}
	if oc.err != nil {
		if oc.res != nil {
			rep.write(io.Err, io.P)
		}
		return oc.err
	}
	rep.write(io.Out, io.P)
	return nil
}
