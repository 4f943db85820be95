package publish

// Incremental builds publish a whole new site folder at once.
//
// A full build renders everything into a staging folder and switches it in
// for the site folder. An incremental build (the previous build's state is
// in the cache and the templates, config, program and date are the same)
// also renders into a staging folder, but only what may have changed: the
// changed units' pages, the region pages, home, feeds, the site-wide and
// the changed regions' downloads, the published sources, the sitemap, the
// search index when a document changed. It then compares each staged file
// with the site's (Plan), and makes the staging folder the whole new
// site: every file that did not change is hard-linked from the site folder
// (the staged copy of an unchanged file gives way to the site's, which
// keeps its time), every folder gets this build's time. Then it switches
// the two folders at once (Swap: on Linux one renameat2(RENAME_EXCHANGE),
// elsewhere two renames), so a reader or a deploy sees the previous site or
// the new one, never a mix of the two.
//
// Killed before the switch, the site folder and the cache's state are the
// previous build's, and the next build clears the staging folder. Just
// before the switch it writes a journal (apply.json in the cache folder)
// naming the new folder (its device and inode): a build killed after the
// switch but before it saved the state is finished by the next one.
//
// The previous site folder is not removed there and then: its files that
// changed would be freed, which costs the kernel about a quarter of a
// millisecond a file on ext4 (a new township changes 5,000 files of the
// static index), and every link and folder removed; it is moved into the
// cache's trash folder (trash/), which the next build empties in the
// background while it runs, leaving what it has not freed by its end to
// the build after it (EmptyTrash). Where it cannot be moved
// there (the cache on another device), it is removed at once.
//
// Unchanged files keep their times (the previous build's); new and changed
// ones, and the folders, get this build's. With the same SOURCE_DATE_EPOCH
// the tree equals a full build's, times included; without it, a file's time
// says when it last changed, which is what a web server's Last-Modified
// should say.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
)

// JournalFile is the in-place update under way, in the cache folder.
const JournalFile = "apply.json"

// Journal is an incremental build's publication, written just before
// the new site folder is switched in, so that the next build can finish it
// (save the state and the changes) when this one is killed after the
// switch.
type Journal struct {
	Version int    `json:"version"`
	Out     string `json:"out"`
	Staging string `json:"staging"` // the staging folder
	Release string `json:"release"` // the new site folder (the staging or the spare folder); after the switch, the previous one
	// ID is the new site folder's identity (device and inode, where the
	// system has them): the site folder's once the switch is made.
	ID      *dirIdentity `json:"id,omitempty"`
	Now     int64        `json:"now"`   // Unix nanoseconds: the times of the folders
	State   *State       `json:"state"` // the cache's state once done
	Changes *Changes     `json:"changes"`

	Move   []string `json:"-"` // staged files that are new or changed
	Remove []string `json:"-"` // the previous site's files the new one has not
}

// Plan compares the staged files with the site's: what is new or
// changed, what is removed, the changes list, and the difference in bytes.
func Plan(out, staging string, staged, prevAll, newAll []string) (*Journal, int64, error) {
	c := &Changes{Previous: true, Added: []string{}, Changed: []string{}, Removed: []string{}}
	j := &Journal{Version: Version, Out: out, Staging: staging, Changes: c}
	// Sizes first; files of the same size are then compared byte for byte.
	var delta int64
	var compare []string
	for _, rel := range staged {
		ni, err := os.Lstat(filepath.Join(staging, filepath.FromSlash(rel)))
		if err != nil {
			return nil, 0, err
		}
		pi, err := os.Lstat(filepath.Join(out, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			c.Added = append(c.Added, rel)
			delta += ni.Size()
		case err != nil:
			return nil, 0, err
		case !pi.Mode().IsRegular():
			return nil, 0, fmt.Errorf("%s: not a regular file in the site folder", filepath.Join(out, filepath.FromSlash(rel)))
		case pi.Size() != ni.Size():
			c.Changed = append(c.Changed, rel)
			delta += ni.Size() - pi.Size()
		default:
			compare = append(compare, rel)
		}
	}
	same, err := sameFiles(out, staging, compare)
	if err != nil {
		return nil, 0, err
	}
	for i, rel := range compare {
		if !same[i] {
			c.Changed = append(c.Changed, rel)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Changed)
	j.Move = SortedUnion(c.Added, c.Changed)
	for _, rel := range SortedMinus(prevAll, newAll) {
		info, err := os.Lstat(filepath.Join(out, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		c.Removed = append(c.Removed, rel)
		j.Remove = append(j.Remove, rel)
		delta -= info.Size()
	}
	return j, delta, nil
}

// Apply makes a folder the whole new site — the spare site folder
// when there is a usable one (updateSpare), else the staging folder, into
// which every file that did not change is hard-linked from the site folder
// (a staged copy of an unchanged file gives way to the site's, which keeps
// its time) — writes the journal, switches that folder in for the site
// folder at once (Swap), and finishes (finishJournal): the previous site
// folder becomes the spare. all is every file of the new site, staged
// those the staging folder holds (both sorted); prev is the previous
// build's state; fromSpare is set when the spare was used.
func Apply(cache string, prev *State, j *Journal, all, staged []string, h *Hooks) (fromSpare bool, err error) {
	err = apply(cache, prev, j, all, staged, &fromSpare, h)
	return fromSpare, err
}

func apply(cache string, prev *State, j *Journal, all, staged []string, fromSpare *bool, h *Hooks) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	if len(j.Move)+len(j.Remove) == 0 { // the site folder is the new site already
		j.State.Spare = prev.Spare
		if err := WriteChanges(cache, j.Changes); err != nil {
			return err
		}
		if err := SaveState(cache, j.State); err != nil {
			return err
		}
		return RemoveTree(j.Staging)
	}
	now := time.Unix(0, j.Now)
	spare := SparePath(j.Out)
	release := j.Staging
	if s := prev.Spare; s != nil && s.Path == spare && identity(spare) != nil && *identity(spare) == s.ID {
		// The spare is about to change: the state forgets it first.
		p := *prev
		p.Spare = nil
		if err := SaveState(cache, &p); err != nil {
			return err
		}
		if err := updateSpare(j, s.Diff, all, now, h); err != nil {
			return fmt.Errorf("update the spare site folder: %w", err)
		}
		release, *fromSpare = spare, true
	} else {
		if err := parallel(SortedMinus(staged, j.Move), func(rel string) error {
			return os.Remove(filepath.Join(j.Staging, filepath.FromSlash(rel)))
		}); err != nil {
			return err
		}
		keep := SortedMinus(all, j.Move)
		l := NewLinker(j.Out, j.Staging)
		half := len(keep) / 2
		if err := l.linkAll([][]string{keep[:half]}); err != nil {
			return fmt.Errorf("link the unchanged files into the new site folder: %w", err)
		}
		h.At("applying")
		if err := l.linkAll([][]string{keep[half:]}); err != nil {
			return fmt.Errorf("link the unchanged files into the new site folder: %w", err)
		}
		// Every folder gets the site's mode and this build's time, as a
		// full build gives them (linking into a folder changes its time).
		if err := parallel(folders(all), func(rel string) error {
			p := filepath.Join(j.Staging, filepath.FromSlash(rel))
			if err := os.Chmod(p, DirMode); err != nil {
				return err
			}
			return os.Chtimes(p, now, now)
		}); err != nil {
			return err
		}
	}
	j.Release = release
	j.ID = identity(release)
	if id := identity(j.Out); id != nil {
		j.State.Spare = &Spare{Path: spare, ID: *id, Diff: SortedUnion(j.Move, j.Remove)}
	}
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	h.At("apply")
	if err := writeAtomic(filepath.Join(cache, JournalFile), b); err != nil {
		return err
	}
	h.At("switch")
	old, err := Swap(release, j.Out)
	if err != nil {
		os.Remove(filepath.Join(cache, JournalFile))
		return err
	}
	h.At("applied")
	return finishJournal(cache, j, old, h)
}

// SparePath is the spare site folder of out: .public.spare beside it.
func SparePath(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".spare")
}

// updateSpare makes the spare site folder the new site: it differs from
// the site folder in the files diff, and from the new site in those and
// the build's moves and removals. A staged file is moved in, a file the
// new site has unchanged is linked from the site folder, any other is
// removed; the folders touched get the site's mode and this build's time,
// emptied ones go.
func updateSpare(j *Journal, diff, all []string, now time.Time, h *Hooks) error {
	spare := SparePath(j.Out)
	touched := map[string]bool{}
	in := func(list []string, p string) bool { _, ok := slices.BinarySearch(list, p); return ok }
	paths := SortedUnion(diff, j.Move, j.Remove)
	for i, rel := range paths {
		if i == len(paths)/2 {
			h.At("applying")
		}
		dst := filepath.Join(spare, filepath.FromSlash(rel))
		for d := path.Dir(rel); ; d = path.Dir(d) {
			touched[d] = true
			if d == "." {
				break
			}
		}
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		switch {
		case in(j.Move, rel):
			if err := os.MkdirAll(filepath.Dir(dst), DirMode); err != nil {
				return err
			}
			if err := os.Rename(filepath.Join(j.Staging, filepath.FromSlash(rel)), dst); err != nil {
				return err
			}
		case in(all, rel):
			if err := os.MkdirAll(filepath.Dir(dst), DirMode); err != nil {
				return err
			}
			if err := os.Link(filepath.Join(j.Out, filepath.FromSlash(rel)), dst); err != nil {
				return err
			}
		}
	}
	dirs := make([]string, 0, len(touched))
	for d := range touched {
		dirs = append(dirs, d)
	}
	sort.Slice(dirs, func(a, b int) bool {
		if na, nb := strings.Count(dirs[a], "/"), strings.Count(dirs[b], "/"); na != nb {
			return na > nb
		}
		return dirs[a] > dirs[b]
	})
	for _, d := range dirs {
		p := filepath.Join(spare, filepath.FromSlash(d))
		if d != "." {
			if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 {
				if err := os.Remove(p); err != nil {
					return err
				}
				continue
			}
		}
		if err := os.Chmod(p, DirMode); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err := os.Chtimes(p, now, now); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// folders are the folders of the files, "." included, deepest first.
func folders(files []string) []string {
	seen := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			if d == "." {
				break
			}
		}
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Slice(dirs, func(a, b int) bool {
		if na, nb := strings.Count(dirs[a], "/"), strings.Count(dirs[b], "/"); na != nb {
			return na > nb
		}
		return dirs[a] > dirs[b]
	})
	return dirs
}

// parallel runs f on each item on a few goroutines and returns the first
// error.
func parallel(items []string, f func(string) error) error {
	const workers = 4
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(items); i += workers {
				if err := f(items[i]); err != nil {
					errs[w] = err
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// finishJournal, once the new site folder is in place, saves the state and
// the changes, drops the journal, and puts the previous site folder, old
// (under the staging folder's name when the two were exchanged), in the
// trash.
func finishJournal(cache string, j *Journal, old string, h *Hooks) error {
	if err := WriteChanges(cache, j.Changes); err != nil {
		return err
	}
	if err := SaveState(cache, j.State); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(cache, JournalFile)); err != nil {
		return err
	}
	if _, err := os.Lstat(old); old == "" || err != nil {
		return RemoveTree(j.Staging)
	}
	// The previous site folder is the spare (the state says so, by its
	// identity: should this fail, the next build makes its folder anew).
	spare := SparePath(j.Out)
	if old != spare {
		if _, err := os.Lstat(spare); err == nil {
			if err := Discard(cache, spare, h); err != nil {
				return err
			}
		}
		if err := os.Rename(old, spare); err != nil {
			return Discard(cache, old, h)
		}
	}
	return RemoveTree(j.Staging)
}

// Discard puts a previous site folder into the cache's trash, for the next
// build to free; where it cannot go there (the cache on another device),
// it is removed at once, its folders made writable first if need be. It
// leaves nothing beside the site folder but what it cannot remove, and
// then says which folder that is. h.Fault may fail the move ("trash").
func Discard(cache, old string, h *Hooks) error {
	trash := filepath.Join(cache, TrashDir, strconv.FormatInt(time.Now().UnixNano(), 36))
	err := os.MkdirAll(filepath.Dir(trash), 0o755)
	err = h.Fail("trash", err)
	if err == nil {
		if err = os.Rename(old, trash); err == nil {
			return nil
		}
	}
	if err := RemoveTree(old); err == nil {
		return nil
	}
	// A folder the owner made read-only (chmod a-w): the owner may change it.
	filepath.WalkDir(old, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			os.Chmod(p, 0o700)
		}
		return nil
	})
	if err := RemoveTree(old); err != nil {
		return fmt.Errorf("remove the previous site %s (remove it by hand): %w", old, err)
	}
	return nil
}

// published reports whether a journal's new site folder was switched in.
func (j *Journal) Published() bool {
	if j.Release == "" {
		return false // an older gongshi's journal (files moved one by one): not one switch
	}
	info, err := os.Lstat(j.Out)
	if err != nil || !info.IsDir() {
		return false
	}
	if j.ID != nil {
		id := identity(j.Out)
		return id != nil && *id == *j.ID
	}
	// Without identities, Swap renames: the new folder took the site
	// folder's name.
	_, err = os.Lstat(j.Release)
	return errors.Is(err, fs.ErrNotExist)
}

// TrashDir is the cache's folder of previous site folders, for the next
// build to free (see the top of this file).
const TrashDir = "trash"

// EmptyTrash frees, in the background, what earlier updates put in the
// cache's trash folder; the returned function waits until it is done.
// Once ctx is done it takes no further part of the trash: the parts being
// removed are finished, and the rest stays for the next build. A build
// cancels ctx when its own work is done, so that freeing a replaced site
// (minutes for a whole site on a slow disk) never keeps it from ending.
func EmptyTrash(ctx context.Context, cache string) (wait func()) {
	dir := filepath.Join(cache, TrashDir)
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, e := range entries {
			if removeTree(ctx, filepath.Join(dir, e.Name())) != nil && ctx.Err() != nil { // a whole site folder: several subtrees at once
				return
			}
		}
	}()
	return func() { <-done }
}

// RecoverJournal finishes an incremental build that was killed after it
// switched the new site folder in (before anything else clears the
// previous site folder it left under the staging folder's name). Killed
// before, the site folder and the state are the previous build's: the
// journal is dropped.
func RecoverJournal(cache, out string, log io.Writer) {
	b, err := os.ReadFile(filepath.Join(cache, JournalFile))
	if err != nil {
		return
	}
	var j Journal
	fail := func(why string) {
		i18n.Logf(log, "an interrupted incremental build could not be finished (%s): this build is a full one\n", why)
		DropState(cache)
		os.Remove(filepath.Join(cache, JournalFile))
	}
	if err := json.Unmarshal(b, &j); err != nil || j.Version != Version || j.State == nil {
		fail("its journal is unreadable")
		return
	}
	if j.Out != out {
		return // another site folder's
	}
	if !j.Published() {
		os.Remove(filepath.Join(cache, JournalFile))
		return
	}
	// Exchanged, the previous site folder has the new one's former name
	// (renamed aside, it has a backup's name, which RecoverStale clears).
	if err := finishJournal(cache, &j, j.Release, nil); err != nil {
		fail(err.Error())
		return
	}
	i18n.Logf(log, "finished the incremental build that was interrupted: %s\n", j.Changes)
}

// SortedMinus is the strings of a that are not in b (both sorted).
func SortedMinus(a, b []string) []string {
	var out []string
	i := 0
	for _, s := range a {
		for i < len(b) && b[i] < s {
			i++
		}
		if i < len(b) && b[i] == s {
			continue
		}
		out = append(out, s)
	}
	return out
}

// SortedUnion is the strings of the lists, sorted, once each.
func SortedUnion(lists ...[]string) []string {
	all := slices.Concat(lists...)
	sort.Strings(all)
	out := all[:0]
	for i, s := range all {
		if i == 0 || s != all[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// Identity is a folder's identity (device and inode) where the system has
// one, else nil: a journal names its new site folder by it.
func Identity(p string) *dirIdentity { return identity(p) }
