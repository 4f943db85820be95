package importcmd

import (
	"context"
	"encoding/json"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/store"
)

var (
	relPath     = store.RelPath
	writeNotice = store.WriteKeeping
)

// runOne imports one file and prints its whole report.
func runOne(ctx context.Context, io cli.IO, o *Options, pub *importer.Publisher, file string) error {
	oc := importFile(ctx, o, pub, file, !o.JSON)
	if o.JSON && oc.n != nil && (oc.err == nil || !isUsage(oc.err)) {
		if oc.err != nil {
			oc.rep.notes = append(oc.rep.notes, oc.err.Error())
		}
		enc := json.NewEncoder(io.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(oc.n); err != nil {
			return err
		}
		oc.rep.write(io.Err)
		return nil
	}
	if oc.err != nil {
		if oc.rep != nil {
			oc.rep.write(io.Err)
		}
		return oc.err
	}
	oc.rep.write(io.Out)
	return nil
}

func isUsage(err error) bool { return cli.Code(err) == 2 }
