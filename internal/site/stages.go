package site

// The stages of a build, in order: check, derive (the model, and the
// mode), hugoData, render (downloads, index and hugo: one after the other,
// or at once in place), publish (by the mode). Build runs them.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
	"github.com/gongshi/gongshi/internal/store"
)

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

	pages             int               // the pages Hugo renders (a full build's)
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
	go search.ProgramSum() // the program's hash (cache keys), read while the data is checked
	if o.Log == nil {
		o.Log = io.Discard
	}
	// stages may run at once; the lines keep the log's language
	b.log = i18n.Logger{Writer: &lineWriter{w: o.Log}, P: i18n.LogPrinter(o.Log)}
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
	p := i18n.LogPrinter(b.log)
	fmt.Fprintf(b.log, "%-9s %s (%s)\n", i18n.Sprintf(p, name), i18n.Sprintf(p, format, a...), time.Since(t0).Round(time.Millisecond))
	heapProfile(name)
}

// heapProfile writes, when GONGSHI_HEAPPROFILE names a folder (for the
// benchmarks), the heap's profile as the stage ends: FOLDER/N-STAGE.heap
// (go tool pprof -sample_index=inuse_space gongshi FILE).
func heapProfile(stage string) {
	dir := os.Getenv("GONGSHI_HEAPPROFILE")
	if dir == "" {
		return
	}
	heapProfiles.Lock()
	defer heapProfiles.Unlock()
	heapProfiles.n++
	f, err := os.Create(filepath.Join(dir, fmt.Sprintf("%d-%s.heap", heapProfiles.n, stage)))
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC()
	_ = pprof.Lookup("heap").WriteTo(f, 0)
}

var heapProfiles struct {
	sync.Mutex
	n int
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
	} else if w := BaseURLWarning(cfg.BaseURL); w != nil {
		i18n.Logf(b.log, "\n!!! warning: %s\n\n", w)
	}
	if w := publisherWarning(cfg); w != nil {
		i18n.Logf(b.log, "\n!!! warning: %s\n\n", w)
	}
	b.cfg = cfg
	corpus, paths := publishedCorpus(b.files, b.fromGit()) // masked: see publish.go
	b.corpus = corpus
	b.m = model.Derive(corpus, b.o.Now, paths)
	if err := b.themes(); err != nil { // problem themes and recurrence (themes_downloads.go)
		return err
	}
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
			b.stage("cache", time.Now(), "the templates, config, program or date changed: every page is rendered")
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
	b.pages = pageCount(b.m)
	if b.mode != publish.InPlace {
		return nil
	}
	b.skip = &downloadSkip{site: b.out, units: map[string]bool{}, regions: map[string]bool{}}
	for _, t := range reuse {
		b.skip.units[t.Key] = true
		files := unitFiles(t)
		if !t.IsSummary {
			files = append(files, siteFile(t.Downloads.CSV), siteFile(t.Downloads.CSVZh), siteFile(t.Downloads.JSON))
		}
		b.kept = append(b.kept, files)
	}
	for _, r := range b.m.Site.Regions {
		if r.Downloads != nil && b.prev.Regions[r.Key] == b.regSums[r.Key] {
			b.skip.regions[r.Key] = true
			b.kept = append(b.kept, []string{siteFile(r.Downloads.CSV), siteFile(r.Downloads.CSVZh), siteFile(r.Downloads.JSON)})
		}
	}
	return nil
}

// render runs the stages after the model: the files beside the pages, the
// search index, and Hugo. An in-place build renders few pages, and runs
// the three at once (each writes its own files of the staging folder); any
// other build runs the downloads and the index at once, then Hugo, so
// that Hugo, the largest user of memory, has the memory to itself.
func (b *builder) render() error {
	if b.mode == publish.InPlace {
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i, f := range []func() error{b.downloads, b.index, b.sqlite} {
			wg.Go(func() { errs[i] = f() })
		}
		errs[3] = b.hugo()
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
	} else {
		// The downloads (one core) and findings.sqlite (one core) beside
		// the index (both); then Hugo. All
		// under Hugo's memory limit: the index analyses a county's documents
		// at once, two counties at a time, and with the model and the
		// downloads' rows beside them the heap would otherwise grow past
		// Hugo's peak before Hugo runs (4.0 GB at 1,000 townships).
		var derr, ierr, serr error
		withMemoryLimit(func() error {
			var wg sync.WaitGroup
			wg.Go(func() { derr = b.downloads() })
			wg.Go(func() { serr = b.sqlite() })
			ierr = b.index()
			wg.Wait()
			return nil
		})
		if err := errors.Join(derr, ierr, serr); err != nil {
			return err
		}
		// Hugo's memory: what the stages before read of the data is not
		// needed after them (but a part's model, which collect reads), and
		// the collector would otherwise mark it again and again while Hugo
		// runs near its memory limit.
		b.corpus, b.files = nil, nil
		if b.mode != publish.Part {
			b.m = nil
		}
		runtime.GC()
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
	err := writeDownloadsThemes(b.staging, b.cfg.BaseURL, b.m, b.skip)
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
	if err := errors.Join(writeSitemap(b.staging, b.cfg.BaseURL, b.m), writeAnalysisDownloads(b.staging, b.cfg.BaseURL, b.m)); err != nil {
		return err
	}
	b.keep(sources)
	b.stage("downloads", t0, "findings.csv, findings-zh.csv, findings.json (%d rows), manifest.json, sitemap.xml", b.sum.Findings)
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
		i18n.Logf(b.log, "%-9s rendering %d of %d units' pages with Hugo …\n", "hugo", b.sum.Rendered, b.sum.Units)
	} else {
		i18n.Logf(b.log, "%-9s rendering %d pages with Hugo …\n", "hugo", b.pages)
	}
	staging, work, dest := b.staging, b.work, b.hugoDest()
	if err := cancellable(b.ctx, func() error {
		return withMemoryLimit(func() error { return runHugo(b.root, work, b.dataDir, dest, b.cfg.BaseURL) })
	}, func() {
		publish.RemoveTree(staging)
		publish.RemoveTree(work)
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
	b.stage("publish", t0, "%s in place: %d files, %d pages, %s MB", sum.Changes, sum.Files, sum.Pages, fmt.Sprintf("%.1f", float64(sum.Bytes)/1e6))
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
	b.stage("publish", t0, "%d files, %d pages, %s MB", b.sum.Files, b.sum.Pages, fmt.Sprintf("%.1f", float64(b.sum.Bytes)/1e6))
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
