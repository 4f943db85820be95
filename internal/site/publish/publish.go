// Package publish puts a built site in place of the previous one, and
// keeps what the next build needs to do less: it stages a build beside the
// site folder and swaps the finished folder in (Swap), clears what killed
// builds left (RecoverStale), keeps the build cache's state (State), lists
// the changes since the previous site (DiffTrees, WriteChanges), updates a
// site in place through a journal (Plan, Apply, RecoverJournal; see
// inplace.go), puts previous site folders in the cache's trash (Discard,
// EmptyTrash), and merges the parts of a split build (MergeInto). It knows
// files and folders, not what a page says: package site decides what to
// build, in which Mode.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
)

// Modes of the published site: what a web server running as another user
// needs to read it, whatever the umask and the temporary folder's mode.
const (
	DirMode  fs.FileMode = 0o755
	FileMode fs.FileMode = 0o644
)

// Tally counts a site's files: all of them, the HTML pages, and their
// sizes added up.
type Tally struct {
	Files int
	Pages int
	Bytes int64
}

// Settle sets every file's time to now (so that two builds of the same data
// with the same SOURCE_DATE_EPOCH give the same tree, times included) and
// its mode to FileMode or DirMode, counts the files, and lists them
// (relative to dir, with /, in lexical order).
func Settle(dir string, now time.Time) (files []string, t Tally, err error) {
	// The walk lists and counts; the changes go to a few goroutines: after
	// Hugo wrote gigabytes, each chmod and utimes may wait on the file
	// system's journal, and one at a time they took longer than the walk
	// (1,000 townships: 167,000 files, 112 s on a busy machine).
	type change struct {
		p     string
		chmod fs.FileMode // 0: none
		times bool
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errc error
	)
	jobs := make(chan []change, 8)
	for range settleWorkers {
		wg.Go(func() {
			for batch := range jobs {
				for _, c := range batch {
					var err error
					if c.chmod != 0 {
						err = os.Chmod(c.p, c.chmod)
					}
					if err == nil && c.times {
						err = os.Chtimes(c.p, now, now)
					}
					if err != nil {
						mu.Lock()
						if errc == nil {
							errc = err
						}
						mu.Unlock()
					}
				}
			}
		})
	}
	var batch []change
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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
			t.Files++
			t.Bytes += info.Size()
			if strings.HasSuffix(p, ".html") {
				t.Pages++
			}
		}
		c := change{p: p, times: d.IsDir() || !info.ModTime().Equal(now)} // a file equal to now: a page linked from the previous site
		if info.Mode().Perm() != mode {
			c.chmod = mode
		}
		if c.chmod != 0 || c.times {
			if batch = append(batch, c); len(batch) == 256 {
				jobs <- batch
				batch = nil
			}
		}
		return nil
	})
	if batch != nil {
		jobs <- batch
	}
	close(jobs)
	wg.Wait()
	if err == nil {
		err = errc
	}
	return files, t, err
}

// settleWorkers is how many goroutines Settle changes files on.
const settleWorkers = 8

// StagingPrefix names the staging and backup folders of out: .public.staging-PID-…
func StagingPrefix(out string) string { return "." + filepath.Base(out) + ".staging-" }

func BackupPrefix(out string) string { return "." + filepath.Base(out) + ".old-" }

// WorkPrefix names the work folder of a build (Hugo's data and cache).
func WorkPrefix(out string) string { return "." + filepath.Base(out) + ".work-" }

// Swap replaces out with staging, in one step where the system can
// (exchange: the previous site then has staging's name, and that is the
// returned backup folder, for the caller to remove). Elsewhere out moves
// aside to the returned backup folder and staging takes its name; should
// the process die between the two renames, the next build puts the old
// site back (RecoverStale).
func Swap(staging, out string) (backup string, err error) {
	if _, err := os.Lstat(out); err == nil {
		if exchange(staging, out) == nil {
			return staging, nil
		}
		backup = filepath.Join(filepath.Dir(out), BackupPrefix(out)+strconv.Itoa(os.Getpid()))
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

// RecoverStale cleans up after builds that were killed: it restores a
// backup when out is missing, and removes the staging, work and backup
// folders of processes that no longer run.
func RecoverStale(out string, log io.Writer) {
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
		case strings.HasPrefix(name, StagingPrefix(out)):
			rest = strings.TrimPrefix(name, StagingPrefix(out))
		case strings.HasPrefix(name, WorkPrefix(out)):
			rest = strings.TrimPrefix(name, WorkPrefix(out))
		case strings.HasPrefix(name, BackupPrefix(out)):
			rest, isBackup = strings.TrimPrefix(name, BackupPrefix(out)), true
		default:
			continue
		}
		pid, err := strconv.Atoi(strings.SplitN(rest, "-", 2)[0])
		if err != nil || Alive(pid) {
			continue
		}
		p := filepath.Join(parent, name)
		if isBackup {
			if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
				if os.Rename(p, out) == nil {
					i18n.Logf(log, "restored %s from an interrupted build's backup\n", out)
					continue
				}
			}
		}
		os.RemoveAll(p)
	}
}

// Alive reports whether a process with the id runs (on Unix: signal 0).
func Alive(pid int) bool {
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

// RemoveTree removes a folder like os.RemoveAll, several subtrees at once:
// removing a site of 100,000 pages is one system call per file and folder,
// and on a journaling file system parallel removals take half the time.
func RemoveTree(dir string) error { return removeTree(context.Background(), dir) }

// removeTree is RemoveTree until ctx is done: then it takes no further
// subtree, finishes those being removed and returns ctx's error, leaving
// the rest of the tree in place.
func removeTree(ctx context.Context, dir string) error {
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
				if ctx.Err() != nil {
					continue
				}
				if err := removeAll(p, os.RemoveAll); err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, u := range units {
		if ctx.Err() != nil {
			break
		}
		work <- u
	}
	close(work)
	wg.Wait()
	close(errs)
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := <-errs; err != nil {
		return err
	}
	return removeAll(dir, os.RemoveAll)
}

// removeAll removes the tree p with primary (os.RemoveAll); where that
// fails, it removes the tree again file by file, deepest first, with
// os.Remove. Go's os.RemoveAll on Windows deletes with POSIX semantics,
// which a file system or layer may not offer ("Invalid function": Wine,
// and FAT/exFAT volumes and some network shares); plain DeleteFile and
// RemoveDirectory work there.
func removeAll(p string, primary func(string) error) error {
	err := primary(p)
	if err == nil {
		return nil
	}
	var paths []string
	if werr := filepath.WalkDir(p, func(q string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, q)
		}
		return nil
	}); werr != nil {
		return err
	}
	for i := len(paths) - 1; i >= 0; i-- { // a folder's entries come after it
		if rerr := os.Remove(paths[i]); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Hooks are a test's seams into publishing (the zero value, and nil, do
// nothing): Stage is called at the points of a build a test may stop the
// process at (a kill -9 there must leave the site and the cache usable);
// Fault replaces the error of a step ("trash") with the one it returns (a
// full disk, say).
type Hooks struct {
	Stage func(stage string)
	Fault func(stage string, err error) error
}

// At is called at a stage a test may stop the build at.
func (h *Hooks) At(s string) {
	if h != nil && h.Stage != nil {
		h.Stage(s)
	}
}

// Fail is the error of a stage: err, or the one Fault returns for it.
func (h *Hooks) Fail(s string, err error) error {
	if h != nil && h.Fault != nil {
		return h.Fault(s, err)
	}
	return err
}

// Mode is how a build publishes its site folder.
type Mode int

const (
	// Full renders every page into a staging folder and swaps it in for
	// the site folder whole (Swap).
	Full Mode = iota
	// InPlace renders only what may have changed since the previous build
	// (whose State the cache holds, with the same templates, config,
	// program and date), and makes the new site folder from it and the
	// unchanged files through a journal (Plan, Apply; see inplace.go).
	InPlace
	// Part renders a part of a split build into its own folder, for
	// MergeInto to put together with the others.
	Part
)

func (m Mode) String() string {
	switch m {
	case Full:
		return "full"
	case InPlace:
		return "in place"
	case Part:
		return "part"
	}
	return "mode " + strconv.Itoa(int(m))
}
