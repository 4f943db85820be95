// Package search owns the Bleve index of every notice and its static form
// for the browser.
//
// BuildSite writes both into the built site's search/ folder: the Bleve
// index (bleve/, opened read-only by `gongshi serve` and `gongshi search`)
// and, exported from it through Bleve's index reader, the static index the
// browser's search.js reads (meta.json, t/, p/, d/; see export.go). Open
// queries the Bleve index the way the browser queries the static one.
package search

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
)

// Stats describes a built index.
type Stats struct {
	Documents int           // indexed documents (findings and notice sections)
	Terms     int           // distinct terms of the text field
	Shards    int           // term dictionary shards of the static index
	Chunks    int           // display data files
	Bytes     int64         // bytes of the static index (without the Bleve index)
	Index     time.Duration // building the Bleve index
	Export    time.Duration // exporting the static index

	// The Bleve index's segments (see segcache.go): units analysed and
	// county groups built (MergedGroups), out of all; the time of both and of putting
	// the groups into the index (both part of Index).
	Units, BuiltUnits    int
	Groups, MergedGroups int
	Segments, Merge      time.Duration

	// Kept are the static index's files (relative to the site folder,
	// with /) equal to those in Options.Previous and not written.
	Kept []string
}

// Options are BuildSiteWith's options.
type Options struct {
	// Due are the findings' deadlines and overdue flags as the site
	// model has them, by finding id (the overdue and deadline filters).
	Due map[string]Due
	// Cache is a folder where the Bleve index's segments are kept
	// between builds, keyed by what each is built from, so that a build
	// after a few documents changed analyses only their units' documents.
	// The folder is the index's alone; entries the build does not use are
	// removed. "": no cache. The index is the same, byte for byte, with a
	// cache or without. The folder also keeps the static index's manifest
	// (sums.go), with which a build given Previous finds the unchanged
	// files without reading them.
	Cache string
	// Previous is the previous build's site folder when the caller
	// updates the site in place: the static index's files whose bytes
	// are the previous ones are not written, and Stats.Kept lists them.
	Previous string

	// tune, in tests, replaces the index's tuning (nil: defaultTuning).
	tune *tuning
}

// Dir is the search folder of a site folder.
func Dir(siteDir string) string { return filepath.Join(siteDir, "search") }

// BuildSite builds the Bleve index over the corpus and the static browser
// index, both under siteDir/search/. Files already there (search.js and
// the search page, copied by Hugo) are kept; the index folders are
// replaced.
func BuildSite(ctx context.Context, c *notice.Corpus, siteDir string, log io.Writer) (Stats, error) {
	return BuildSiteDue(ctx, c, siteDir, log, nil)
}

// BuildSiteDue is BuildSite with the findings' deadlines and overdue flags
// as the site model has them, by finding id (the overdue and deadline
// filters).
func BuildSiteDue(ctx context.Context, c *notice.Corpus, siteDir string, log io.Writer, due map[string]Due) (Stats, error) {
	return BuildSiteWith(ctx, c, siteDir, log, Options{Due: due})
}

// BuildSiteWith is BuildSite with options.
func BuildSiteWith(ctx context.Context, c *notice.Corpus, siteDir string, log io.Writer, opt Options) (Stats, error) {
	var st Stats
	due := opt.Due
	if log == nil {
		log = io.Discard
	}
	dir := Dir(siteDir)
	for _, sub := range []string{IndexDir, "t", "p", "d", "meta.json"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil {
			return st, err
		}
	}
	docs := Docs(c)
	for i := range docs {
		if d, ok := due[docs[i].ID]; ok && docs[i].Kind == KindFinding {
			docs[i].Deadline, docs[i].Overdue = d.Deadline, d.Overdue
			docs[i].withTheme(d.Theme)
		}
	}
	st.Documents = len(docs)

	t0 := time.Now()
	prev := ""
	if opt.Previous != "" {
		prev = Dir(opt.Previous)
	}
	ex := startExport(docs, dir, prev, opt.Cache) // the display files, while the index is built
	if debugTimes {
		fmt.Fprintf(os.Stderr, "search: documents' codes, build id, manifest (%s)\n", time.Since(t0).Round(time.Millisecond))
	}
	tune := defaultTuning()
	if opt.tune != nil {
		tune = *opt.tune
	}
	is, err := buildIndex(ctx, docs, filepath.Join(dir, IndexDir), opt.Cache, buildTime(), tune, ex.post)
	if err != nil {
		ex.abort()
		return st, i18n.Errorf("bleve index: %w", err)
	}
	st.Index = time.Since(t0)
	st.Units, st.BuiltUnits, st.Groups, st.MergedGroups = is.Units, is.BuiltUnits, is.Groups, is.MergedGroups
	st.Segments, st.Merge = is.Segments, is.Merge
	lp := i18n.LogPrinter(log)
	i18n.Logf(log, "%-9s bleve index of %d documents (%s, %s documents/s)\n", i18n.Sprintf(lp, "search"),
		len(docs), st.Index.Round(time.Millisecond).String(), fmt.Sprintf("%.0f", float64(len(docs))/st.Index.Seconds()))
	if opt.Cache != "" {
		i18n.Logf(log, "%-9s %d of %d units analysed, in %d of %d county groups (%s), placed (%s)\n", i18n.Sprintf(lp, "search"),
			is.BuiltUnits, is.Units, is.MergedGroups, is.Groups, is.Segments.Round(time.Millisecond).String(), is.Merge.Round(time.Millisecond).String())
	}

	t0 = time.Now()
	es, err := ex.finish(ctx)
	if err != nil {
		return st, i18n.Errorf("static index: %w", err)
	}
	st.Export = time.Since(t0)
	st.Terms, st.Shards, st.Chunks, st.Bytes = es.Terms, es.Shards, es.Chunks, es.Bytes
	for _, k := range es.Kept {
		st.Kept = append(st.Kept, "search/"+k)
	}
	i18n.Logf(log, "%-9s static index: %d terms in %d shards (%d long postings apart), %d display files, %s MB (%s)\n",
		i18n.Sprintf(lp, "search"), es.Terms, es.Shards, es.External, es.Chunks, fmt.Sprintf("%.1f", float64(es.Bytes)/1e6), st.Export.Round(time.Millisecond).String())
	return st, nil
}

// buildTime is the time stamp recorded in the Bleve index:
// SOURCE_DATE_EPOCH when set, else the Unix epoch, so that two builds of the
// same data give the same bytes.
func buildTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Unix(0, 0).UTC()
}
