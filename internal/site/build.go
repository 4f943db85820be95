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
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
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
func (s Summary) String() string { return s.Localize(nil) }

// Localize is the summary line in p's language.
func (s Summary) Localize(p *message.Printer) string {
	line := i18n.Sprintf(p, "%d units, %d notices, %d findings: %d pages, %d files, %s MB, %d documents indexed, in %s",
		s.Units, s.Notices, s.Findings, s.Pages, s.Files, fmt.Sprintf("%.1f", float64(s.Bytes)/1e6), s.Indexed, s.Duration.Round(time.Millisecond).String())
	if s.Incremental {
		line += i18n.Sprintf(p, " (incremental: %d units rendered, %d reused)", s.Rendered, s.Linked)
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
		if err == nil {
			// Its time includes the cleanups below (the work folder, the
			// trash), which the process waits for before it ends.
			b.sum.Duration = time.Since(b.start)
		}
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
	// The files earlier updates replaced are freed meanwhile, until this
	// build is done; what is left then waits for the next build.
	trashCtx, stopTrash := context.WithCancel(ctx)
	defer func(wait func()) {
		t0 := time.Now()
		stopTrash()
		wait()
		if time.Since(t0) >= time.Second {
			b.stage("cleanup", t0, "the trash's parts in progress finished")
		}
	}(publish.EmptyTrash(trashCtx, b.cache))
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
			publish.RemoveTree(b.staging)
		}
	}()
	if b.work, err = os.MkdirTemp(b.parent, publish.WorkPrefix(b.out)+strconv.Itoa(os.Getpid())+"-"); err != nil {
		return sum, err
	}
	defer func() {
		t0 := time.Now()
		publish.RemoveTree(b.work)
		if time.Since(t0) >= time.Second {
			b.stage("cleanup", t0, "the work folder removed")
		}
	}()
	if err := b.hugoData(); err != nil {
		return sum, err
	}
	if err := b.render(); err != nil {
		return sum, err
	}
	if err := b.publish(); err != nil {
		return sum, err
	}
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
