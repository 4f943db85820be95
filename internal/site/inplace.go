package site

// Incremental builds update the site folder in place.
//
// A full build renders everything into a staging folder and swaps it for
// the site folder. An incremental build (the previous build's state is in
// the cache and the templates, config, program and date are the same) also
// renders into a staging folder, but only what may have changed: the
// changed units' pages, the region pages, home, feeds, the site-wide and
// the changed regions' downloads, the published sources, the sitemap, the
// search index when a document changed. It then compares each staged file
// with the site's, and moves the new and changed ones into the site folder
// (one rename each: a reader sees either the old file or the new one) and
// removes the files the new site no longer has. The unchanged files — nearly
// all of a large site — are never touched, copied, linked or walked: on a
// site of 1,000 townships (165,000 files, 3.5 GB) relinking, comparing and
// removing the whole tree cost more than everything else an incremental
// build does.
//
// Killed at any point it stays safe: before the journal (apply.json in the
// cache folder) is written the site folder has not been touched; once it
// is, the list of moves and removals is complete, and the next build first
// finishes it (moves are renames out of the staging folder, so one already
// made is skipped) and saves the state it names, then goes on as usual.
//
// The previous versions of the files it replaces or removes are not freed
// there and then: freeing a file's blocks costs the kernel about a quarter
// of a millisecond a file on ext4 (a new township changes 5,000 files of the
// static index: 1.4 s of the update), so each is first linked (or, when
// removed, moved) into a trash folder of the cache (trash/), which the
// next build empties alongside its check (emptyTrash). A file system that
// does not link (another device, say) frees them as before.
//
// Unchanged files keep their times (the previous build's); new and changed
// ones get this build's. With the same SOURCE_DATE_EPOCH the tree equals a
// full build's, times included; without it, the times say when each file
// last changed, which is what a web server's Last-Modified should say.

import (
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
	"time"
)

// journalFile is the in-place update under way, in the cache folder.
const journalFile = "apply.json"

// applyJournal lists what an in-place update does, so that it can be
// finished by the next build when this one is killed.
type applyJournal struct {
	Version int         `json:"version"`
	Out     string      `json:"out"`
	Staging string      `json:"staging"`
	Now     int64       `json:"now"`    // Unix nanoseconds: the times of the folders touched
	Trash   string      `json:"trash"`  // where the replaced and removed files go ("": freed at once)
	Move    []string    `json:"move"`   // staged files to move into the site (added and changed)
	Remove  []string    `json:"remove"` // site files to remove
	State   *cacheState `json:"state"`  // the cache's state once done
	Changes *Changes    `json:"changes"`
}

// inPlacePlan compares the staged files with the site's: what to move, what
// to remove, the changes list, and the difference in bytes.
func inPlacePlan(out, staging string, staged, prevAll, newAll []string) (*applyJournal, int64, error) {
	c := &Changes{Previous: true, Added: []string{}, Changed: []string{}, Removed: []string{}}
	j := &applyJournal{Version: cacheVersion, Out: out, Staging: staging, Changes: c}
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
	j.Move = sortedUnion(c.Added, c.Changed)
	for _, rel := range sortedMinus(prevAll, newAll) {
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

// applyInPlace writes the journal, carries it out, saves the state and the
// changes list, and removes the staging folder.
func applyInPlace(cache string, j *applyJournal) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	j.Trash = filepath.Join(cache, trashDir, strconv.FormatInt(time.Now().UnixNano(), 36))
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	stageHook("apply")
	if err := writeAtomic(filepath.Join(cache, journalFile), b); err != nil {
		return err
	}
	return finishJournal(cache, j)
}

// finishJournal carries out a journal (again: what is done already is
// skipped), then saves its state and changes and drops it.
func finishJournal(cache string, j *applyJournal) error {
	now := time.Unix(0, j.Now)
	trash := &trashBin{dir: j.Trash, ok: j.Trash != ""}
	touched := map[string]bool{}
	touch := func(rel string) {
		for d := path.Dir(rel); ; d = path.Dir(d) {
			if touched[d] {
				break
			}
			touched[d] = true
			if d == "." {
				break
			}
		}
	}
	for i, rel := range j.Move {
		if i == len(j.Move)/2 {
			stageHook("applying")
		}
		src := filepath.Join(j.Staging, filepath.FromSlash(rel))
		dst := filepath.Join(j.Out, filepath.FromSlash(rel))
		if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
			touch(rel)
			continue // moved before the build was stopped
		}
		if err := os.MkdirAll(filepath.Dir(dst), DirMode); err != nil {
			return err
		}
		trash.keep(dst)
		if err := os.Rename(src, dst); err != nil {
			return err
		}
		touch(rel)
	}
	for _, rel := range j.Remove {
		if err := trash.take(filepath.Join(j.Out, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		touch(rel)
	}
	// The folders touched, deepest first: emptied ones go, the others get
	// the site's mode and this build's time, as a full build gives them.
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
		p := filepath.Join(j.Out, filepath.FromSlash(d))
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
	stageHook("applied")
	if err := writeChanges(cache, j.Changes); err != nil {
		return err
	}
	if err := saveState(cache, j.State); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(cache, journalFile)); err != nil {
		return err
	}
	return removeTree(j.Staging)
}

// trashDir is the cache's folder of files an in-place update replaced or
// removed, for the next build to free (see the top of this file).
const trashDir = "trash"

// trashBin is one update's trash folder.
type trashBin struct {
	dir  string
	n    int
	made bool
	ok   bool // links work (else the files are freed at once)
}

func (t *trashBin) name() (string, bool) {
	if !t.ok {
		return "", false
	}
	if !t.made {
		if err := os.MkdirAll(t.dir, 0o755); err != nil {
			t.ok = false
			return "", false
		}
		t.made = true
	}
	t.n++
	return filepath.Join(t.dir, strconv.Itoa(t.n)), true
}

// keep links the site file p (when there is one) into the trash, so that
// replacing it does not free it.
func (t *trashBin) keep(p string) {
	name, ok := t.name()
	if !ok {
		return
	}
	err := os.Link(p, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrExist) {
		t.ok = false // another device, a file system without links: free at once
	}
}

// take moves the site file p into the trash (or removes it).
func (t *trashBin) take(p string) error {
	if name, ok := t.name(); ok {
		err := os.Rename(p, name)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			return err
		}
		t.ok = false
	}
	return os.Remove(p)
}

// emptyTrash frees, in the background, what earlier updates put in the
// cache's trash folder; the returned function waits until it is done.
// What it has not freed when the process ends stays for the next build.
func emptyTrash(cache string) (wait func()) {
	dir := filepath.Join(cache, trashDir)
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, e := range entries {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}()
	return func() { <-done }
}

// recoverJournal finishes an in-place update that a killed build left
// (before anything else clears the staging folder it moves files from).
// When that cannot be done, the state goes and the next build is a full
// one.
func recoverJournal(cache, out string, log io.Writer) {
	b, err := os.ReadFile(filepath.Join(cache, journalFile))
	if err != nil {
		return
	}
	var j applyJournal
	fail := func(why string) {
		fmt.Fprintf(log, "an interrupted incremental build could not be finished (%s): this build is a full one\n", why)
		dropState(cache)
		os.Remove(filepath.Join(cache, journalFile))
	}
	if err := json.Unmarshal(b, &j); err != nil || j.Version != cacheVersion || j.State == nil {
		fail("its journal is unreadable")
		return
	}
	if j.Out != out {
		return // another site folder's
	}
	if _, err := os.Stat(j.Staging); err != nil {
		fail("its staging folder is gone")
		return
	}
	if err := finishJournal(cache, &j); err != nil {
		fail(err.Error())
		return
	}
	fmt.Fprintf(log, "finished the incremental build that was interrupted: %s\n", j.Changes)
}

// sortedMinus is the strings of a that are not in b (both sorted).
func sortedMinus(a, b []string) []string {
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

// sortedUnion is the strings of the lists, sorted, once each.
func sortedUnion(lists ...[]string) []string {
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

// keptSearchFiles are the previous site's search index files (kept when no
// document changed).
func keptSearchFiles(prevAll []string) []string {
	var out []string
	for _, f := range prevAll {
		for _, s := range searchIndexFiles {
			if f == "search/"+s || strings.HasPrefix(f, "search/"+s+"/") {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
