package importcmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"golang.org/x/text/message"
)

// FileReport is one file's line in a bulk import's report (and its JSON).
type FileReport struct {
	File     string         `json:"file"`
	Unit     string         `json:"unit,omitempty"`
	UnitKind string         `json:"unit_kind,omitempty"`
	Findings int            `json:"findings"`
	ByStatus map[string]int `json:"by_status"`
	// Stated is the notice's own count of problems, nil when it states none.
	Stated        *int     `json:"stated,omitempty"`
	Disagreements []string `json:"disagreements,omitempty"`
	Unplaced      int      `json:"unplaced"`
	Placed        float64  `json:"placed"` // share of the text's characters placed
	Warnings      int      `json:"warnings"`
	Wrote         string   `json:"wrote,omitempty"`
	Error         string   `json:"error,omitempty"`

	err  error                 // Error, printed in the reader's language
	disa []notice.Disagreement // Disagreements, likewise
}

// BulkReport is a bulk import's report.
type BulkReport struct {
	Files    []FileReport   `json:"files"`
	Imported int            `json:"imported"`
	Failed   int            `json:"failed"`
	Findings int            `json:"findings"`
	ByStatus map[string]int `json:"by_status"`
	Seconds  float64        `json:"seconds"`
}

// runBulk imports every file, one line each, going on past failures.
func runBulk(ctx context.Context, cio cli.IO, o *Options, pub *importer.Publisher, files []string) error {
	t0 := time.Now()
	rep := BulkReport{Files: []FileReport{}, ByStatus: map[string]int{}}
	loads := loadAhead(ctx, o, pub, files)
	for range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		l, ok := <-loads // in the order of files
		if !ok {
			return ctx.Err()
		}
		oc := finish(ctx, o, l, !o.JSON)
		fr := fileReport(oc)
		if oc.failed {
			rep.Failed++
		} else {
			rep.Imported++
			rep.Findings += fr.Findings
			for k, v := range fr.ByStatus {
				rep.ByStatus[k] += v
			}
		}
		rep.Files = append(rep.Files, fr)
	}
	rep.Seconds = time.Since(t0).Seconds()
	if o.JSON {
		enc := json.NewEncoder(cio.Out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		rep.write(cio.Out, cio.P)
	}
	if rep.Failed > 0 {
		return &cli.ExitError{Code: 1, Err: i18n.Errorf("%d of %d files failed to import", rep.Failed, len(files)), Silent: o.JSON}
	}
	return nil
}

// loadAhead reads and parses the files (load) on every core, a few files
// ahead of the caller, and delivers them in the order given: parsing is
// most of an import's time and depends on nothing but the file, while
// placing and writing (finish) read the data folder, so they stay in order.
func loadAhead(ctx context.Context, o *Options, pub *importer.Publisher, files []string) <-chan loaded {
	workers := runtime.GOMAXPROCS(0)
	out := make(chan loaded)
	slots := make([]chan loaded, len(files))
	for i := range slots {
		slots[i] = make(chan loaded, 1)
	}
	ahead := make(chan struct{}, 2*workers) // files being read or waiting to be delivered
	go func() {
		var wg sync.WaitGroup
		for i, f := range files {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				// deliver the rest as cancelled, in order
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				slots[i] <- load(ctx, o, pub, f)
			}()
		}
		wg.Wait()
	}()
	go func() {
		defer close(out)
		for _, s := range slots {
			l := <-s
			select {
			case out <- l:
				<-ahead
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func fileReport(oc outcome) FileReport {
	fr := FileReport{File: oc.file, ByStatus: map[string]int{}}
	if oc.err != nil {
		fr.Error, fr.err = oc.err.Error(), oc.err
	}
	if oc.res == nil {
		return fr
	}
	n := oc.res.Notice
	u := n.Subject()
	fr.Unit, fr.UnitKind = u.Name, string(u.Kind)
	fr.Findings = len(n.Findings)
	for _, f := range n.Findings {
		fr.ByStatus[string(f.Status)]++
	}
	fr.Stated = n.Stated.Problems
	for _, d := range n.Disagreements() {
		fr.Disagreements = append(fr.Disagreements, d.String())
		fr.disa = append(fr.disa, d)
	}
	fr.Unplaced = len(n.Unplaced)
	fr.Placed = oc.res.Parse.PlacedShare()
	fr.Warnings = len(oc.res.Parse.Warnings)
	if !oc.failed {
		fr.Wrote = oc.res.Wrote
	}
	return fr
}

// statusCounts is "done 56, in_progress 3" in vocabulary order (in
// Chinese "已整改 56、整改中 3", the labels the site shows).
func statusCounts(p *message.Printer, by map[string]int) string {
	var parts []string
	for _, s := range notice.Statuses {
		if by[string(s)] > 0 {
			name := string(s)
			if i18n.Zh(p) {
				name = s.Label()
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, by[string(s)]))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return i18n.Join(anys(parts)...).Localize(p)
}

// write prints the bulk report in p's language: one row per file, then
// the total.
func (r BulkReport) write(w io.Writer, p *message.Printer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	i18n.Fprintf(tw, p, "file\tunit\tfindings\tby status\tstated/read\tunplaced\tresult\n")
	for _, f := range r.Files {
		unit := "-"
		if f.Unit != "" || f.UnitKind != "" {
			kind := f.UnitKind
			if i18n.Zh(p) && kind != "" {
				kind = notice.UnitKind(kind).Label()
			}
			name := f.Unit
			if strings.TrimSpace(name) == "" {
				name = i18n.Sprintf(p, "(none)")
			}
			unit = fmt.Sprintf("%s (%s)", name, kind)
		}
		stated := "-"
		switch {
		case f.Stated != nil && f.Findings == 0:
			stated = i18n.Sprintf(p, "%d (none listed)", *f.Stated)
		case f.Stated != nil && *f.Stated == f.Findings:
			stated = fmt.Sprintf("%d = %d", *f.Stated, f.Findings)
		case f.Stated != nil:
			stated = fmt.Sprintf("%d ≠ %d", *f.Stated, f.Findings)
		}
		result := "ok"
		switch {
		case f.err != nil:
			result = i18n.Sprintf(p, "FAILED: %s", f.err)
		case f.Error != "":
			result = i18n.Sprintf(p, "FAILED: %s", f.Error)
		case f.Wrote != "":
			result = i18n.Sprintf(p, "wrote %s", f.Wrote)
		default:
			result = i18n.Sprintf(p, "ok")
		}
		findings := "-"
		if f.Error == "" || f.Findings > 0 {
			findings = fmt.Sprint(f.Findings)
		}
		placed := i18n.Sprintf(p, "%d (%s placed)", f.Unplaced, fmt.Sprintf("%.1f%%", f.Placed*100))
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.File, unit, findings, statusCounts(p, f.ByStatus), stated, placed, result)
		for i, d := range f.Disagreements {
			if i < len(f.disa) {
				d = f.disa[i].Localize(i18n.Printer(p))
			}
			fmt.Fprintf(tw, "  %s\t%s\t\t\t\t\t\n", f.File, d)
		}
	}
	tw.Flush()
	i18n.Fprintf(w, p, "\ntotal: %d files, %d imported, %d failed; %d findings (%s); %s s\n",
		len(r.Files), r.Imported, r.Failed, r.Findings, statusCounts(p, r.ByStatus), fmt.Sprintf("%.2f", r.Seconds))
}

func anys(ss []string) []any {
	a := make([]any, len(ss))
	for i, s := range ss {
		a[i] = s
	}
	return a
}
