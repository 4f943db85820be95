// Package site builds the public disclosure site: it checks the data,
// derives the site model once in Go (regions, townships, findings in their
// current state, outstanding items, totals), renders the pages with the
// embedded Hugo, writes the downloads, feeds' companions, sitemap and
// manifest, has package search build the index, and swaps the finished
// folder into place. A failed or interrupted build leaves the previous site
// untouched.
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
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
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

	// fault, in tests, replaces the error of a stage ("downloads") with
	// the one it returns (a full disk, say).
	fault func(stage string, err error) error
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

	Incremental bool     // the build reused the previous one (see cache.go)
	Rendered    int      // units whose pages Hugo rendered
	Linked      int      // units whose pages were taken from the previous site
	Changes     *Changes // what changed since the previous site (nil: not compared)
	// FromSpare says the new site folder was the spare one brought up to
	// date, not a new one linked whole (see inplace.go).
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
// and, when every stage succeeded, swaps it into place.
func Build(ctx context.Context, o Options) (sum Summary, err error) {
	start := time.Now()
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
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	log = &lineWriter{w: log} // stages may run at once
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return sum, err
	}
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return sum, err
	}
	stage := func(name string, t0 time.Time, format string, a ...any) {
		fmt.Fprintf(log, "%-9s %s (%s)\n", name, fmt.Sprintf(format, a...), time.Since(t0).Round(time.Millisecond))
	}

	// First put back a site an interrupted build left moved aside, and clear
	// the folders of builds that died, whatever this build does next.
	parent := filepath.Dir(out)
	defer func() {
		if full := (*DiskFullError)(nil); err != nil && diskFull(err) && !errors.As(err, &full) {
			err = &DiskFullError{Dir: parent, Err: err}
		}
	}()
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return sum, err
	}
	cache := o.Cache
	if cache == "" {
		cache = CacheDir(out)
	} else if cache, err = filepath.Abs(cache); err != nil {
		return sum, err
	}
	// Builds of the same site folder (or with the same cache) take turns.
	for _, dir := range lockDirs(out, cache) {
		unlock, err := lockBuild(ctx, dir, out, o.NoWait, log)
		if err != nil {
			return sum, err
		}
		defer unlock()
	}
	recoverJournal(cache, out, log) // before recoverStale clears its staging folder
	recoverStale(out, log)
	defer emptyTrash(cache)() // the files the last in-place update replaced, freed meanwhile
	part, err := parseParts(o.Parts)
	if err != nil {
		return sum, err
	}
	var prev *cacheState
	if !o.NoCache && part == nil {
		prev = loadState(cache, out)
	}

	// 1. Check.
	t0 := time.Now()
	// Each data file's own checks are cached (cache/check/); --no-cache
	// checks every file again and fills the cache anew.
	checkCache := filepath.Join(cache, "check")
	if o.NoCache {
		os.RemoveAll(checkCache)
	}
	files, all, err := check.DirCachedWith(ctx, o.Data, checkCache, check.CacheOptions{Map: o.Once, Root: root})
	problems := check.Errors(all)
	if len(problems) > 0 {
		return sum, &CheckError{Problems: problems}
	}
	if err != nil {
		return sum, fmt.Errorf("check the data folder: %w", err)
	}
	if len(files) == 0 {
		return sum, fmt.Errorf("no data files under %s: import a notice first (gongshi import)", o.Data)
	}
	stage("check", t0, "%d data files", len(files))
	if err := ctx.Err(); err != nil {
		return sum, err
	}

	// 2. Derive the model.
	t0 = time.Now()
	cfg, err := readSiteConfig(root)
	if err != nil {
		return sum, err
	}
	if o.BaseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(o.BaseURL, "/") + "/"
	} else if w := BaseURLWarning(cfg.BaseURL); w != "" {
		fmt.Fprintf(log, "\n!!! 警告 WARNING: %s\n\n", w)
	}
	corpus, paths := publishedCorpus(files, cfg.Params.RevisionsFromGit == nil || *cfg.Params.RevisionsFromGit) // masked: see publish.go
	m := model.Derive(corpus, o.Now, paths)
	sum.Units, sum.Notices, sum.Findings = len(m.Units), m.Site.Totals.Notices, m.Site.Totals.Findings
	global, err := globalHash(root, cfg.BaseURL, m)
	if err != nil {
		return sum, err
	}
	if prev != nil && prev.Global != global {
		fmt.Fprintf(log, "%-9s the templates, config, program or date changed: every page is rendered\n", "cache")
	}
	// An incremental build that renders only what changed updates the
	// site folder in place (see inplace.go).
	inPlace := prev != nil && prev.Global == global
	stage("model", t0, "%d units, %d notices, %d findings as of %s", sum.Units, sum.Notices, sum.Findings, m.Site.AsOf)

	// Stage beside Out (same file system, so the swap is a rename), and
	// keep Hugo's data and cache in a work folder, also beside Out: both
	// are named by this process's id, so the next build removes them
	// should this one be killed.
	staging, err := os.MkdirTemp(parent, stagingPrefix(out)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return sum, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(staging)
		}
	}()
	work, err := os.MkdirTemp(parent, workPrefix(out)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return sum, err
	}
	defer os.RemoveAll(work)

	// 3. The Hugo data and the files beside the pages, all from the model,
	// which is dropped then: downloads, published sources, manifest,
	// sitemap.
	t0 = time.Now()
	dataDir := filepath.Join(work, "data")
	var prevUnits map[string]string
	if prev != nil && prev.Global == global {
		prevUnits = prev.Units
	}
	unitSums, err := writeHugoData(dataDir, m, prevUnits, part.keepUnit)
	if err != nil {
		return sum, err
	}
	var reuse []*model.Unit // units whose pages come from the previous site
	for _, t := range m.Units {
		if prevUnits != nil && prevUnits[t.Key] == unitSums[t.Key] {
			reuse = append(reuse, t)
		} else if part.keepUnit(t) {
			sum.Rendered++
		}
	}
	sum.Incremental, sum.Linked = prevUnits != nil, len(reuse)
	regSums := regionSums(m, unitSums)
	var skip *downloadSkip
	var kept [][]string // files of the site that an in-place build keeps as they are
	if inPlace {
		skip = &downloadSkip{site: out, units: map[string]bool{}, regions: map[string]bool{}}
		for _, t := range reuse {
			skip.units[t.Key] = true
			files := unitFiles(t)
			if !t.IsSummary {
				files = append(files, siteFile(t.Downloads.CSV), siteFile(t.Downloads.JSON))
			}
			kept = append(kept, files)
		}
		for _, r := range m.Site.Regions {
			if r.Downloads != nil && prev.Regions[r.Key] == regSums[r.Key] {
				skip.regions[r.Key] = true
				kept = append(kept, []string{siteFile(r.Downloads.CSV), siteFile(r.Downloads.JSON)})
			}
		}
	}
	// The stages after the model: the files beside the pages, the search
	// index, and Hugo. A build that updates the site in place renders few
	// pages, and runs the three at once (each writes its own files of the
	// staging folder); any other build runs them one after the other, so
	// that Hugo, the largest user of memory, has the memory to itself.
	var searchSum string
	var searchKept, sourcesKeptFiles []string
	downloads := func() error {
		if !part.site() {
			return nil
		}
		t0 := time.Now()
		err := writeDownloads(staging, cfg.BaseURL, m, skip)
		if o.fault != nil {
			err = o.fault("downloads", err)
		}
		if err != nil {
			if skip != nil && !diskFull(err) { // it read the previous site's download files
				dropState(cache) // the next build is a full one
				return fmt.Errorf("write the downloads from the previous site's (the site folder no longer matches the build cache; the next build is a full one): %w", err)
			}
			return err
		}
		var keep *sourcesKept
		if inPlace {
			keep = newSourcesKept(out, files)
		}
		if sourcesKeptFiles, err = publishSources(staging, root, o.Data, m, keep); err != nil {
			return err
		}
		if err := writeSitemap(staging, cfg.BaseURL, m); err != nil {
			return err
		}
		stage("downloads", t0, "findings.csv, findings.json (%d rows), manifest.json, sitemap.xml", sum.Findings)
		return ctx.Err()
	}

	// 4. The search index, from the corpus, before Hugo: it needs no page,
	// and the corpus can then be dropped too. An incremental build links
	// the previous index when no document changed.
	indexed := 0
	searchStage := func() error {
		if !part.site() {
			return nil
		}
		t0 := time.Now()
		fromGit := cfg.Params.RevisionsFromGit == nil || *cfg.Params.RevisionsFromGit
		var err error
		searchSum, err = documentsHash(files, corpus, fromGit)
		if err != nil {
			return err
		}
		due := m.SearchDue() // deadlines and overdue flags: they change with "today"
		searchSum = searchHash(searchSum + model.DueFingerprint(due))
		docs := 0
		if prev != nil {
			docs = prev.Indexed
		}
		if inPlace && prev.Search == searchSum {
			searchKept = keptSearchFiles(prev.Files)
			indexed = docs
			stage("search", t0, "%d documents: unchanged, the previous index kept", docs)
		} else if prev != nil && prev.Search == searchSum {
			l := newLinker(out, staging)
			for _, f := range searchIndexFiles {
				if _, err := os.Lstat(filepath.Join(out, "search", f)); errors.Is(err, fs.ErrNotExist) {
					continue // no long postings apart, say
				}
				if err := l.tree(filepath.Join("search", f)); err != nil {
					return fmt.Errorf("reuse the search index: %w", err)
				}
			}
			indexed = docs
			stage("search", t0, "%d documents: unchanged, the previous index reused", docs)
		} else {
			// The Bleve index's segments are cached by content (cache/search/);
			// in place, the static index's unchanged files are kept.
			opt := search.Options{Due: due, Cache: filepath.Join(cache, "search")}
			if o.NoCache {
				os.RemoveAll(opt.Cache)
			}
			if inPlace {
				opt.Previous = out
			}
			st, err := search.BuildSiteWith(ctx, corpus, staging, log, opt)
			if err != nil {
				return fmt.Errorf("search index: %w", err)
			}
			searchKept = st.Kept
			indexed = st.Documents
			stage("search", t0, "%d documents indexed", st.Documents)
		}
		return ctx.Err()
	}

	// 5. Render with Hugo (the pages of the units that did not change are
	// then linked from the previous site, or kept in place).
	hugoDest := staging
	if part != nil {
		hugoDest = filepath.Join(work, "hugo-out")
	}
	pages := pageCount(m)
	hugo := func() error {
		t0 := time.Now()
		if sum.Incremental {
			fmt.Fprintf(log, "%-9s rendering %d of %d units' pages with Hugo …\n", "hugo", sum.Rendered, len(m.Units))
		} else {
			fmt.Fprintf(log, "%-9s rendering %d pages with Hugo …\n", "hugo", pages)
		}
		if err := cancellable(ctx, func() error {
			return withMemoryLimit(func() error { return runHugo(root, work, dataDir, hugoDest, cfg.BaseURL) })
		}, func() {
			os.RemoveAll(staging)
			os.RemoveAll(work)
		}); err != nil {
			return err
		}
		stage("hugo", t0, "rendered")
		return nil
	}

	if inPlace {
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for i, f := range []func() error{downloads, searchStage} {
			wg.Go(func() { errs[i] = f() })
		}
		errs[2] = hugo()
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return sum, err
		}
	} else {
		for _, f := range []func() error{downloads, searchStage} {
			if err := f(); err != nil {
				return sum, err
			}
		}
		corpus = nil // Hugo's memory
		if err := hugo(); err != nil {
			return sum, err
		}
	}
	corpus = nil
	sum.Indexed = indexed
	kept = append(kept, searchKept, sourcesKeptFiles)
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if part != nil {
		if err := part.collect(hugoDest, staging, m); err != nil {
			return sum, err
		}
	}
	if len(reuse) > 0 && !inPlace {
		t0 = time.Now()
		lists := make([][]string, len(reuse))
		for i, t := range reuse {
			lists[i] = unitFiles(t)
		}
		if err := newLinker(out, staging).linkAll(lists); err != nil {
			if diskFull(err) {
				return sum, err
			}
			dropState(cache) // the next build is a full one
			return sum, fmt.Errorf("reuse the previous pages (the site folder no longer matches the build cache; the next build is a full one): %w", err)
		}
		stage("reuse", t0, "%d units' pages from the previous site", len(reuse))
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}

	// 6. Settle file times (reproducible trees), list the changes, and
	// swap. The cache's state goes before the swap and comes back after it
	// (see cache.go).
	t0 = time.Now()
	staged, err := settle(staging, o.Now, &sum)
	if err != nil {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	sort.Strings(staged)
	state := &cacheState{Version: cacheVersion, Out: out, Global: global,
		Search: searchSum, Units: unitSums, Regions: regSums, Files: staged, Bytes: sum.Bytes}
	if inPlace {
		all := sortedUnion(append(kept, staged)...)
		j, delta, err := inPlacePlan(out, staging, staged, prev.Files, all)
		if err != nil {
			return sum, fmt.Errorf("compare with the previous site: %w", err)
		}
		sum.Files, sum.Pages, sum.Bytes = len(all), 0, prev.Bytes+delta
		for _, f := range all {
			if strings.HasSuffix(f, ".html") {
				sum.Pages++
			}
		}
		state.Files, state.Bytes, state.Indexed = all, sum.Bytes, sum.Indexed
		j.State, j.Now, sum.Changes = state, o.Now.UnixNano(), j.Changes
		if err := applyInPlace(cache, prev, j, all, staged, &sum.FromSpare); err != nil {
			if !j.published() { // the previous site and its state stand
				return sum, fmt.Errorf("publish the site: %w", err)
			}
			dropState(cache) // the next build is a full one
			return sum, fmt.Errorf("update the site in place (the next build is a full one): %w", err)
		}
		stage("publish", t0, "%s in place: %d files, %d pages, %.1f MB", sum.Changes, sum.Files, sum.Pages, float64(sum.Bytes)/1e6)
		sum.Duration = time.Since(start)
		return sum, nil
	}
	if part != nil {
		if err := part.mark(staging, m, unitSums, global, o.Now); err != nil {
			return sum, err
		}
	} else {
		if sum.Changes, err = diffTrees(out, staging); err != nil {
			return sum, fmt.Errorf("compare with the previous site: %w", err)
		}
		stage("changes", t0, "%s since the previous site", sum.Changes)
		if err := dropState(cache); err != nil {
			return sum, fmt.Errorf("build cache: %w", err)
		}
	}
	stageHook("swap")
	backup, err := swap(staging, out)
	if err != nil {
		return sum, err
	}
	stage("publish", t0, "%d files, %d pages, %.1f MB", sum.Files, sum.Pages, float64(sum.Bytes)/1e6)
	stageHook("swapped")
	if part == nil {
		if err := writeChanges(cache, sum.Changes); err != nil {
			return sum, fmt.Errorf("build cache: %w", err)
		}
		state.Indexed = sum.Indexed
		if err := saveState(cache, state); err != nil {
			return sum, fmt.Errorf("build cache: %w", err)
		}
	}
	if backup != "" {
		t0 = time.Now()
		if err := discard(cache, backup, o.fault); err != nil {
			return sum, err
		}
		stage("cleanup", t0, "moved the previous site to the trash")
	}
	if _, err := os.Lstat(sparePath(out)); err == nil { // an incremental build's, of a site now replaced
		if err := discard(cache, sparePath(out), o.fault); err != nil {
			return sum, err
		}
	}
	sum.Duration = time.Since(start)
	return sum, nil
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

// stageHook is called at points of the build a test may stop it at (a
// kill -9 there must leave the site and the cache usable).
var stageHook = func(string) {}

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

// Modes of the published site: what a web server running as another user
// needs to read it, whatever the umask and the temporary folder's mode.
const (
	DirMode  fs.FileMode = 0o755
	FileMode fs.FileMode = 0o644
)

// settle sets every file's time to now (so that two builds of the same data
// with the same SOURCE_DATE_EPOCH give the same tree, times included) and
// its mode to FileMode or DirMode, counts the files, and lists them
// (relative to dir, with /, in lexical order).
func settle(dir string, now time.Time, sum *Summary) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		mode := DirMode
		if !d.IsDir() {
			if !info.Mode().IsRegular() {
				return fmt.Errorf("%s: not a regular file in the built site", p)
			}
			mode = FileMode
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
			sum.Files++
			sum.Bytes += info.Size()
			if strings.HasSuffix(p, ".html") {
				sum.Pages++
			}
		}
		if info.Mode().Perm() != mode {
			if err := os.Chmod(p, mode); err != nil {
				return err
			}
		}
		if !d.IsDir() && info.ModTime().Equal(now) {
			return nil // a page linked from the previous site
		}
		return os.Chtimes(p, now, now)
	})
	return files, err
}

// stagingPrefix names the staging and backup folders of out: .public.staging-PID-…
func stagingPrefix(out string) string { return "." + filepath.Base(out) + ".staging-" }

func backupPrefix(out string) string { return "." + filepath.Base(out) + ".old-" }

// workPrefix names the work folder of a build (Hugo's data and cache).
func workPrefix(out string) string { return "." + filepath.Base(out) + ".work-" }

// swap replaces out with staging, in one step where the system can
// (exchange: the previous site then has staging's name, and that is the
// returned backup folder, for the caller to remove). Elsewhere out moves
// aside to the returned backup folder and staging takes its name; should
// the process die between the two renames, the next build puts the old
// site back (recoverStale).
func swap(staging, out string) (backup string, err error) {
	if _, err := os.Lstat(out); err == nil {
		if exchange(staging, out) == nil {
			return staging, nil
		}
		backup = filepath.Join(filepath.Dir(out), backupPrefix(out)+strconv.Itoa(os.Getpid()))
		os.RemoveAll(backup)
		if err := os.Rename(out, backup); err != nil {
			return "", err
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if backup != "" {
			if rerr := os.Rename(backup, out); rerr != nil {
				return "", errors.Join(err, rerr)
			}
		}
		return "", err
	}
	return backup, nil
}

// recoverStale cleans up after builds that were killed: it restores a
// backup when out is missing, and removes the staging, work and backup
// folders of processes that no longer run.
func recoverStale(out string, log io.Writer) {
	parent := filepath.Dir(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		var rest string
		isBackup := false
		switch {
		case strings.HasPrefix(name, stagingPrefix(out)):
			rest = strings.TrimPrefix(name, stagingPrefix(out))
		case strings.HasPrefix(name, workPrefix(out)):
			rest = strings.TrimPrefix(name, workPrefix(out))
		case strings.HasPrefix(name, backupPrefix(out)):
			rest, isBackup = strings.TrimPrefix(name, backupPrefix(out)), true
		default:
			continue
		}
		pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
		if err != nil || alive(pid) {
			continue
		}
		p := filepath.Join(parent, name)
		if isBackup {
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
				if os.Rename(p, out) == nil {
					fmt.Fprintf(log, "restored %s from an interrupted build's backup\n", out)
					continue
				}
			}
		}
		os.RemoveAll(p)
	}
}

// alive reports whether a process with the id runs (on Unix: signal 0).
func alive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
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

// removeTree removes a folder like os.RemoveAll, several subtrees at once:
// removing a site of 100,000 pages is one system call per file and folder,
// and on a journaling file system parallel removals take half the time.
func removeTree(dir string) error {
	// Split the tree, level by level, into at least 256 pieces (or all of
	// it); the emptied folders go last.
	units := []string{dir}
	for len(units) < 256 {
		var next []string
		expanded := false
		for _, u := range units {
			entries, err := os.ReadDir(u)
			if err != nil || len(entries) == 0 {
				next = append(next, u)
				continue
			}
			expanded = true
			for _, e := range entries {
				next = append(next, filepath.Join(u, e.Name()))
			}
		}
		if !expanded {
			break
		}
		units = next
	}
	work := make(chan string)
	errs := make(chan error, len(units))
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				if err := os.RemoveAll(p); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, u := range units {
		work <- u
	}
	close(work)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
