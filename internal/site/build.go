// Package site builds the public disclosure site: it checks the data,
// derives the site model once in Go (package model: regions, units,
// findings in their current state, outstanding items, totals), renders the
// pages with the embedded Hugo, writes the downloads, feeds' companions,
// sitemap and manifest, has package search build the index, and publishes
// the finished folder (package publish: swapped in whole, updated in place,
// or left as a part of a split build). A failed or interrupted build leaves
// the previous site untouched.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
	"github.com/gongshi/gongshi/internal/store"
)

// Options says what to build.
type Options struct {
	Root string    // the project: config.toml, content/, layouts/, static/, seeds/ (default ".")
	Data string    // the notices' data files (default Root/data)
	Out  string    // the site folder to replace (default Root/public)
	Now  time.Time // "today" for overdue flags and the as-of date; file times of the output
	Log  io.Writer // progress lines (nil: none)
	// BaseURL replaces config.toml's baseURL (gongshi serve: its own
	// address, so that the preview's feeds and downloads point at it).
	BaseURL string

	// Cache is the build cache folder (default CacheDir(Out):
	// .gongshi-cache/<name of Out> beside Out); NoCache builds everything
	// and rewrites it (see cache.go).
	Cache   string
	NoCache bool
	// Once says the process builds once and ends (gongshi build, not
	// gongshi serve): the check's cache entries are then mapped into
	// memory rather than read (check.CacheOptions.Map).
	Once bool
	// Parts, when set, builds part of the site for a split build (see
	// split.go): unit path prefixes (fujian/putian) and SitePart.
	Parts []string
	// NoWait refuses (a *BusyError) rather than waits when another build
	// of Out runs (see lock.go).
	NoWait bool

	// Progress, when set, is called as each stage of the build ends: the
	// stage (check, model, downloads, index, hugo, publish), how many have
	// ended, and how many the build runs (a part without SitePart writes
	// no downloads nor index). Stages that run at once call it one at a
	// time.
	Progress func(stage string, done, total int)

	// hooks, in tests, stop the build at a stage or replace the error of
	// one ("downloads", "trash") with the one they return (a full disk,
	// say).
	hooks publish.Hooks
}

// DiskFullError is a build stopped by a full disk (or quota). The previous
// site and the build cache are kept as they were.
type DiskFullError struct {
	Dir string // the folder the build was writing beside or into
	Err error
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("the disk is full: no space left to build beside %s (%s); free some space and build again (the previous site and the build cache are kept)", e.Dir, e.Err)
}

func (e *DiskFullError) Unwrap() error { return e.Err }

// diskFull reports whether err comes from a full disk.
func diskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }

// CacheDir is the default cache folder of a site folder:
// .gongshi-cache/<name> beside it.
func CacheDir(out string) string { return publish.CacheDir(out) }

// Summary describes a finished build.
type Summary struct {
	Units    int
	Notices  int
	Findings int
	Pages    int   // HTML files
	Files    int   // all files
	Bytes    int64 // all files' sizes
	Indexed  int   // documents in the search index
	Duration time.Duration

	Incremental bool             // the build reused the previous one (see cache.go)
	Rendered    int              // units whose pages Hugo rendered
	Linked      int              // units whose pages were taken from the previous site
	Changes     *publish.Changes // what changed since the previous site (nil: not compared)
	// FromSpare says the new site folder was the spare one brought up to
	// date, not a new one linked whole (see publish/inplace.go).
	FromSpare bool
}

// String is the summary line of a build.
func (s Summary) String() string {
	line := fmt.Sprintf("%d units, %d notices, %d findings: %d pages, %d files, %.1f MB, %d documents indexed, in %s",
		s.Units, s.Notices, s.Findings, s.Pages, s.Files, float64(s.Bytes)/1e6, s.Indexed, s.Duration.Round(time.Millisecond))
	if s.Incremental {
		line += fmt.Sprintf(" (incremental: %d units rendered, %d reused)", s.Rendered, s.Linked)
	}
	return line
}

// CheckError is a build stopped by problems in the data files.
type CheckError struct {
	Problems []check.Problem
}

func (e *CheckError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("%d problem(s) in the data:\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// Build checks the data, renders the site into a staging folder beside Out
// and, when every stage succeeded, publishes it: it swaps it into place
// (publish.Full), updates the site folder in place (publish.InPlace), or
// leaves a part of a split build (publish.Part).
func Build(ctx context.Context, o Options) (sum Summary, err error) {
	b, err := newBuilder(ctx, o)
	if err != nil {
		return sum, err
	}
	defer func() {
		sum = b.sum
		if full := (*DiskFullError)(nil); err != nil && diskFull(err) && !errors.As(err, &full) {
			err = &DiskFullError{Dir: b.parent, Err: err}
		}
	}()
	// First put back a site an interrupted build left moved aside, and clear
	// the folders of builds that died, whatever this build does next.
	if err := os.MkdirAll(b.parent, 0o755); err != nil {
		return sum, err
	}
	// Builds of the same site folder (or with the same cache) take turns.
	for _, dir := range lockDirs(b.out, b.cache) {
		unlock, err := lockBuild(ctx, dir, b.out, o.NoWait, b.log)
		if err != nil {
			return sum, err
		}
		defer unlock()
	}
	publish.RecoverJournal(b.cache, b.out, b.log) // before RecoverStale clears its staging folder
	publish.RecoverStale(b.out, b.log)
	defer publish.EmptyTrash(b.cache)() // the files the last in-place update replaced, freed meanwhile
	if b.parts, err = parseParts(o.Parts); err != nil {
		return sum, err
	}
	if !b.parts.site() {
		b.progress.total -= 2 // no downloads, no index
	}
	if !o.NoCache && b.parts == nil {
		b.prev = publish.LoadState(b.cache, b.out)
	}
	if err := b.check(); err != nil {
		return sum, err
	}
	if err := b.derive(); err != nil {
		return sum, err
	}
	// Stage beside Out (same file system, so the swap is a rename), and
	// keep Hugo's data and cache in a work folder, also beside Out: both
	// are named by this process's id, so the next build removes them
	// should this one be killed.
	if b.staging, err = os.MkdirTemp(b.parent, publish.StagingPrefix(b.out)+strconv.Itoa(os.Getpid())+"-"); err != nil {
		return sum, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(b.staging)
		}
	}()
	if b.work, err = os.MkdirTemp(b.parent, publish.WorkPrefix(b.out)+strconv.Itoa(os.Getpid())+"-"); err != nil {
		return sum, err
	}
	defer os.RemoveAll(b.work)
	if err := b.hugoData(); err != nil {
		return sum, err
	}
	if err := b.render(); err != nil {
		return sum, err
	}
	if err := b.publish(); err != nil {
		return sum, err
	}
	b.sum.Duration = time.Since(b.start)
	return sum, nil
}

// builder is one build under way: what it was asked, the folders it works
// in, how it publishes (mode), and what each stage hands the next.
type builder struct {
	ctx      context.Context
	o        Options
	log      io.Writer
	start    time.Time
	sum      Summary
	progress progress

	root, out, parent, cache string
	parts                    *buildParts    // the part of a split build (nil: the whole site)
	prev                     *publish.State // the previous build's state (nil: none usable)
	mode                     publish.Mode

	// From the check and the model.
	files  []*store.File
	cfg    siteConfig
	corpus *notice.Corpus // dropped once the index is built
	m      *model.Model
	global string // the cache's hash of what every page depends on

	// The staging folder becomes the site folder; the work folder holds
	// Hugo's data (dataDir) and cache.
	staging, work, dataDir string

	unitSums, regSums map[string]string // the cache's hashes of each unit's and region's data
	skip              *downloadSkip     // the downloads an in-place build keeps
	kept              [][]string        // files of the site that an in-place build keeps as they are
	keptMu            sync.Mutex
	searchSum         string // the cache's hash of the search index's documents
}

func newBuilder(ctx context.Context, o Options) (*builder, error) {
	if o.Root == "" {
		o.Root = "."
	}
	if o.Data == "" {
		o.Data = filepath.Join(o.Root, "data")
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	b := &builder{ctx: ctx, o: o, start: time.Now(), progress: progress{f: o.Progress, total: 6}}
	if o.Log == nil {
		o.Log = io.Discard
	}
	b.log = &lineWriter{w: o.Log} // stages may run at once
	var err error
	if b.root, err = filepath.Abs(o.Root); err != nil {
		return nil, err
	}
	if b.out, err = filepath.Abs(o.Out); err != nil {
		return nil, err
	}
	b.parent = filepath.Dir(b.out)
	b.cache = o.Cache
	if b.cache == "" {
		b.cache = CacheDir(b.out)
	} else if b.cache, err = filepath.Abs(b.cache); err != nil {
		return nil, err
	}
	return b, nil
}

// stage logs a stage's line: its name, what it did, and how long it took.
func (b *builder) stage(name string, t0 time.Time, format string, a ...any) {
	fmt.Fprintf(b.log, "%-9s %s (%s)\n", name, fmt.Sprintf(format, a...), time.Since(t0).Round(time.Millisecond))
}

// check checks every data file (each one's checks are cached in
// cache/check/; --no-cache checks every file again and fills the cache
// anew).
func (b *builder) check() error {
	t0 := time.Now()
	checkCache := filepath.Join(b.cache, "check")
	if b.o.NoCache {
		os.RemoveAll(checkCache)
	}
	files, all, err := check.DirCachedWith(b.ctx, b.o.Data, checkCache, check.CacheOptions{Map: b.o.Once, Root: b.root})
	if problems := check.Errors(all); len(problems) > 0 {
		return &CheckError{Problems: problems}
	}
	if err != nil {
		return fmt.Errorf("check the data folder: %w", err)
	}
	if len(files) == 0 {
		return fmt.Errorf("no data files under %s: import a notice first (gongshi import)", b.o.Data)
	}
	b.files = files
	b.stage("check", t0, "%d data files", len(files))
	b.progress.done("check")
	return b.ctx.Err()
}

// derive derives the model from the published corpus, and decides the
// mode: a build that has the previous build's state, with the same
// templates, config, program and date, renders only what changed and
// updates the site folder in place (see publish/inplace.go).
func (b *builder) derive() error {
	t0 := time.Now()
	cfg, err := readSiteConfig(b.root)
	if err != nil {
		return err
	}
	if b.o.BaseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(b.o.BaseURL, "/") + "/"
	} else if w := BaseURLWarning(cfg.BaseURL); w != "" {
		fmt.Fprintf(b.log, "\n!!! 警告 WARNING: %s\n\n", w)
	}
	b.cfg = cfg
	corpus, paths := publishedCorpus(b.files, b.fromGit()) // masked: see publish.go
	b.corpus = corpus
	b.m = model.Derive(corpus, b.o.Now, paths)
	b.sum.Units, b.sum.Notices, b.sum.Findings = len(b.m.Units), b.m.Site.Totals.Notices, b.m.Site.Totals.Findings
	if b.global, err = globalHash(b.root, cfg.BaseURL, b.m); err != nil {
		return err
	}
	switch {
	case b.parts != nil:
		b.mode = publish.Part
	case b.prev != nil && b.prev.Global == b.global:
		b.mode = publish.InPlace
	default:
		b.mode = publish.Full
		if b.prev != nil {
			fmt.Fprintf(b.log, "%-9s the templates, config, program or date changed: every page is rendered\n", "cache")
		}
	}
	b.stage("model", t0, "%d units, %d notices, %d findings as of %s", b.sum.Units, b.sum.Notices, b.sum.Findings, b.m.Site.AsOf)
	b.progress.done("model")
	return nil
}

// fromGit says whether the notices' revisions come from git too
// (config.toml's params.revisions_from_git, default true).
func (b *builder) fromGit() bool {
	return b.cfg.Params.RevisionsFromGit == nil || *b.cfg.Params.RevisionsFromGit
}

// hugoData writes the Hugo data from the model: in place, only the units
// that changed, whose pages are the only ones Hugo renders; the others'
// files, and the downloads of the regions none of whose units changed,
// are kept as the site folder has them.
func (b *builder) hugoData() error {
	b.dataDir = filepath.Join(b.work, "data")
	var prevUnits map[string]string
	if b.mode == publish.InPlace {
		prevUnits = b.prev.Units
	}
	var err error
	if b.unitSums, err = writeHugoData(b.dataDir, b.m, prevUnits, b.parts.keepUnit); err != nil {
		return err
	}
	var reuse []*model.Unit // units whose pages the site folder has already
	for _, t := range b.m.Units {
		if prevUnits != nil && prevUnits[t.Key] == b.unitSums[t.Key] {
			reuse = append(reuse, t)
		} else if b.parts.keepUnit(t) {
			b.sum.Rendered++
		}
	}
	b.sum.Incremental, b.sum.Linked = prevUnits != nil, len(reuse)
	b.regSums = regionSums(b.m, b.unitSums)
	if b.mode != publish.InPlace {
		return nil
	}
	b.skip = &downloadSkip{site: b.out, units: map[string]bool{}, regions: map[string]bool{}}
	for _, t := range reuse {
		b.skip.units[t.Key] = true
		files := unitFiles(t)
		if !t.IsSummary {
			files = append(files, siteFile(t.Downloads.CSV), siteFile(t.Downloads.JSON))
		}
		b.kept = append(b.kept, files)
	}
	for _, r := range b.m.Site.Regions {
		if r.Downloads != nil && b.prev.Regions[r.Key] == b.regSums[r.Key] {
			b.skip.regions[r.Key] = true
			b.kept = append(b.kept, []string{siteFile(r.Downloads.CSV), siteFile(r.Downloads.JSON)})
		}
	}
	return nil
}

// render runs the stages after the model: the files beside the pages, the
// search index, and Hugo. An in-place build renders few pages, and runs
// the three at once (each writes its own files of the staging folder); any
// other build runs them one after the other, so that Hugo, the largest
// user of memory, has the memory to itself.
func (b *builder) render() error {
	if b.mode == publish.InPlace {
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for i, f := range []func() error{b.downloads, b.index} {
			wg.Go(func() { errs[i] = f() })
		}
		errs[2] = b.hugo()
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
	} else {
		for _, f := range []func() error{b.downloads, b.index} {
			if err := f(); err != nil {
				return err
			}
		}
		b.corpus = nil // Hugo's memory
		if err := b.hugo(); err != nil {
			return err
		}
	}
	b.corpus = nil
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if b.mode == publish.Part {
		if err := b.parts.collect(b.hugoDest(), b.staging, b.m); err != nil {
			return err
		}
	}
	return b.ctx.Err()
}

// downloads writes the files beside the pages, all from the model:
// downloads, published sources, manifest, sitemap.
func (b *builder) downloads() error {
	if !b.parts.site() {
		return nil
	}
	t0 := time.Now()
	err := writeDownloads(b.staging, b.cfg.BaseURL, b.m, b.skip)
	err = b.o.hooks.Fail("downloads", err)
	if err != nil {
		if b.skip != nil && !diskFull(err) { // it read the previous site's download files
			publish.DropState(b.cache) // the next build is a full one
			return fmt.Errorf("write the downloads from the previous site's (the site folder no longer matches the build cache; the next build is a full one): %w", err)
		}
		return err
	}
	var keep *sourcesKept
	if b.mode == publish.InPlace {
		keep = newSourcesKept(b.out, b.files)
	}
	sources, err := publishSources(b.staging, b.root, b.o.Data, b.m, keep)
	if err != nil {
		return err
	}
	if err := writeSitemap(b.staging, b.cfg.BaseURL, b.m); err != nil {
		return err
	}
	b.keep(sources)
	b.stage("downloads", t0, "findings.csv, findings.json (%d rows), manifest.json, sitemap.xml", b.sum.Findings)
	b.progress.done("downloads")
	return b.ctx.Err()
}

// keep adds files of the site that the build keeps as they are (the
// stages that run at once add theirs one at a time).
func (b *builder) keep(files []string) {
	b.keptMu.Lock()
	defer b.keptMu.Unlock()
	b.kept = append(b.kept, files)
}

// index builds the search index, from the corpus, before Hugo: it needs
// no page, and the corpus can then be dropped too. When no document
// changed, an in-place build keeps the previous index and a full one
// links it from the previous site.
func (b *builder) index() error {
	if !b.parts.site() {
		return nil
	}
	t0 := time.Now()
	sum, err := documentsHash(b.files, b.corpus, b.fromGit())
	if err != nil {
		return err
	}
	due := b.m.SearchDue() // deadlines and overdue flags: they change with "today"
	b.searchSum = searchHash(sum + model.DueFingerprint(due))
	docs := 0
	if b.prev != nil {
		docs = b.prev.Indexed
	}
	switch {
	case b.mode == publish.InPlace && b.prev.Search == b.searchSum:
		b.keep(keptSearchFiles(b.prev.Files))
		b.sum.Indexed = docs
		b.stage("search", t0, "%d documents: unchanged, the previous index kept", docs)
	case b.prev != nil && b.prev.Search == b.searchSum:
		l := publish.NewLinker(b.out, b.staging)
		for _, f := range searchIndexFiles {
			if _, err := os.Lstat(filepath.Join(b.out, "search", f)); errors.Is(err, fs.ErrNotExist) {
				continue // no long postings apart, say
			}
			if err := l.Tree(filepath.Join("search", f)); err != nil {
				return fmt.Errorf("reuse the search index: %w", err)
			}
		}
		b.sum.Indexed = docs
		b.stage("search", t0, "%d documents: unchanged, the previous index reused", docs)
	default:
		// The Bleve index's segments are cached by content (cache/search/);
		// in place, the static index's unchanged files are kept.
		opt := search.Options{Due: due, Cache: filepath.Join(b.cache, "search")}
		if b.o.NoCache {
			os.RemoveAll(opt.Cache)
		}
		if b.mode == publish.InPlace {
			opt.Previous = b.out
		}
		st, err := search.BuildSiteWith(b.ctx, b.corpus, b.staging, b.log, opt)
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		b.keep(st.Kept)
		b.sum.Indexed = st.Documents
		b.stage("search", t0, "%d documents indexed", st.Documents)
	}
	b.progress.done("index")
	return b.ctx.Err()
}

// hugoDest is where Hugo renders: the staging folder, or for a part a
// folder of the work folder, from which collect takes the part's pages.
func (b *builder) hugoDest() string {
	if b.mode == publish.Part {
		return filepath.Join(b.work, "hugo-out")
	}
	return b.staging
}

// hugo renders the pages with Hugo (in place, only the changed units').
func (b *builder) hugo() error {
	t0 := time.Now()
	if b.sum.Incremental {
		fmt.Fprintf(b.log, "%-9s rendering %d of %d units' pages with Hugo …\n", "hugo", b.sum.Rendered, len(b.m.Units))
	} else {
		fmt.Fprintf(b.log, "%-9s rendering %d pages with Hugo …\n", "hugo", pageCount(b.m))
	}
	staging, work, dest := b.staging, b.work, b.hugoDest()
	if err := cancellable(b.ctx, func() error {
		return withMemoryLimit(func() error { return runHugo(b.root, work, b.dataDir, dest, b.cfg.BaseURL) })
	}, func() {
		os.RemoveAll(staging)
		os.RemoveAll(work)
	}); err != nil {
		return err
	}
	b.stage("hugo", t0, "rendered")
	b.progress.done("hugo")
	return nil
}

// publish settles the staged files' times (reproducible trees) and
// publishes them by the build's mode.
func (b *builder) publish() error {
	t0 := time.Now()
	staged, tally, err := publish.Settle(b.staging, b.o.Now)
	if err != nil {
		return err
	}
	b.sum.Files, b.sum.Pages, b.sum.Bytes = tally.Files, tally.Pages, tally.Bytes
	if err := b.ctx.Err(); err != nil {
		return err
	}
	sort.Strings(staged)
	state := &publish.State{Version: publish.Version, Out: b.out, Global: b.global,
		Search: b.searchSum, Units: b.unitSums, Regions: b.regSums, Files: staged, Bytes: b.sum.Bytes}
	switch b.mode {
	case publish.InPlace:
		err = b.publishInPlace(t0, staged, state)
	case publish.Part:
		err = b.publishPart(t0)
	default:
		err = b.publishFull(t0, state)
	}
	if err == nil {
		b.progress.done("publish")
	}
	return err
}

// publishInPlace makes the new site folder from the staged files and the
// site folder's unchanged ones, and switches it in (publish.Apply).
func (b *builder) publishInPlace(t0 time.Time, staged []string, state *publish.State) error {
	all := publish.SortedUnion(append(b.kept, staged)...)
	j, delta, err := publish.Plan(b.out, b.staging, staged, b.prev.Files, all)
	if err != nil {
		return fmt.Errorf("compare with the previous site: %w", err)
	}
	sum := &b.sum
	sum.Files, sum.Pages, sum.Bytes = len(all), 0, b.prev.Bytes+delta
	for _, f := range all {
		if strings.HasSuffix(f, ".html") {
			sum.Pages++
		}
	}
	state.Files, state.Bytes, state.Indexed = all, sum.Bytes, sum.Indexed
	j.State, j.Now, sum.Changes = state, b.o.Now.UnixNano(), j.Changes
	if sum.FromSpare, err = publish.Apply(b.cache, b.prev, j, all, staged, &b.o.hooks); err != nil {
		if !j.Published() { // the previous site and its state stand
			return fmt.Errorf("publish the site: %w", err)
		}
		publish.DropState(b.cache) // the next build is a full one
		return fmt.Errorf("update the site in place (the next build is a full one): %w", err)
	}
	b.stage("publish", t0, "%s in place: %d files, %d pages, %.1f MB", sum.Changes, sum.Files, sum.Pages, float64(sum.Bytes)/1e6)
	return nil
}

// publishPart marks the part's folder and swaps it in.
func (b *builder) publishPart(t0 time.Time) error {
	if err := b.parts.mark(b.staging, b.m, b.unitSums, b.global, b.o.Now); err != nil {
		return err
	}
	return b.swap(t0, nil)
}

// publishFull lists the changes since the previous site and swaps the new
// one in. The cache's state goes before the swap and comes back after it
// (see cache.go).
func (b *builder) publishFull(t0 time.Time, state *publish.State) error {
	var err error
	if b.sum.Changes, err = publish.DiffTrees(b.out, b.staging); err != nil {
		return fmt.Errorf("compare with the previous site: %w", err)
	}
	b.stage("changes", t0, "%s since the previous site", b.sum.Changes)
	if err := publish.DropState(b.cache); err != nil {
		return fmt.Errorf("build cache: %w", err)
	}
	return b.swap(t0, state)
}

// swap swaps the staging folder in for the site folder, saves the state
// (when not nil) and the changes, and puts the previous site folder, and
// the spare of an in-place build it replaced, in the trash.
func (b *builder) swap(t0 time.Time, state *publish.State) error {
	h := &b.o.hooks
	h.At("swap")
	backup, err := publish.Swap(b.staging, b.out)
	if err != nil {
		return err
	}
	b.stage("publish", t0, "%d files, %d pages, %.1f MB", b.sum.Files, b.sum.Pages, float64(b.sum.Bytes)/1e6)
	h.At("swapped")
	if state != nil {
		if err := publish.WriteChanges(b.cache, b.sum.Changes); err != nil {
			return fmt.Errorf("build cache: %w", err)
		}
		state.Indexed = b.sum.Indexed
		if err := publish.SaveState(b.cache, state); err != nil {
			return fmt.Errorf("build cache: %w", err)
		}
	}
	if backup != "" {
		t0 := time.Now()
		if err := publish.Discard(b.cache, backup, h); err != nil {
			return err
		}
		b.stage("cleanup", t0, "moved the previous site to the trash")
	}
	if _, err := os.Lstat(publish.SparePath(b.out)); err == nil { // an incremental build's, of a site now replaced
		if err := publish.Discard(b.cache, publish.SparePath(b.out), h); err != nil {
			return err
		}
	}
	return nil
}

// progress calls Options.Progress as each stage ends (the stages that run
// at once call it one at a time).
type progress struct {
	mu    sync.Mutex
	f     func(stage string, done, total int)
	n     int
	total int
}

func (p *progress) done(stage string) {
	if p.f == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	p.f(stage, p.n, p.total)
}

// lineWriter writes each Write whole, one at a time: the stages that run
// at once write their lines to one log.
type lineWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// pageCount is how many pages Hugo renders from the model (plus the home
// page and the static pages in content/).
func pageCount(m *model.Model) int {
	n := 1 + len(m.Site.Regions)
	for _, t := range m.Units {
		n += 1 + len(t.Notices) + len(t.Findings)
		if t.IsSummary {
			n-- // on its region's page
		}
	}
	return n
}

// abandoned counts the work that cancellable has given up waiting for and
// that has not finished (tests wait for it).
var abandoned sync.WaitGroup

// cancellable runs f, and returns ctx's error as soon as ctx is done: Hugo
// takes no context, and a signal must stop a build promptly. f then goes on
// in the background, and cleanup runs when it ends (should the process exit
// first, the next build clears what is left: see recoverStale).
func cancellable(ctx context.Context, f func() error, cleanup func()) error {
	done := make(chan error, 1)
	abandoned.Add(1)
	go func() {
		defer abandoned.Done()
		done <- f()
		if ctx.Err() != nil {
			cleanup()
		}
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// hugoMemoryLimit is the soft memory limit while Hugo renders. Hugo keeps
// every page in memory; with Go's default GC pacing the heap grows to twice
// what is live, which on a 120,000-page site is over 4.5 GB. The limit makes
// the collector work harder near it instead. GOMEMLIMIT, when set, wins.
const hugoMemoryLimit = 3<<30 + 200<<20

func withMemoryLimit(f func() error) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		prev := debug.SetMemoryLimit(hugoMemoryLimit)
		defer debug.SetMemoryLimit(prev)
	}
	return f()
}
