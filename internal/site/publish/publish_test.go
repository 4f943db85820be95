package publish

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// The in-place plan, its application through the journal, the journal's
// recovery and the trash, each at its own seam: plain folders, no Hugo.

var now = time.Date(2025, 1, 12, 0, 0, 0, 0, time.UTC)

// writeTree writes files (path → text) under dir; a "" text is no file.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), DirMode); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), FileMode); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree is every file under dir (path with / → text).
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// site is a published site folder with its cache and state, and a staged
// build of what changed, for Plan and Apply.
type site struct {
	out, cache, staging string
	prev                *State
	want                map[string]string // the new site's files
}

// newSite publishes old as the site folder (a full build's Swap and
// state), and stages the files of next that differ from old (next's ""
// texts are files removed).
func newSite(t *testing.T, old, next map[string]string) *site {
	t.Helper()
	dir := t.TempDir()
	s := &site{out: filepath.Join(dir, "public"), cache: CacheDir(filepath.Join(dir, "public"))}
	old["index.html"] = "home" // LoadState wants a site
	writeTree(t, s.out, old)
	s.prev = &State{Version: Version, Out: s.out, Units: map[string]string{}, Files: keys(old)}
	if err := SaveState(s.cache, s.prev); err != nil {
		t.Fatal(err)
	}
	return s.stage(t, next)
}

// stage stages a new build over the site as it is now.
func (s *site) stage(t *testing.T, next map[string]string) *site {
	t.Helper()
	var err error
	if s.staging, err = os.MkdirTemp(filepath.Dir(s.out), StagingPrefix(s.out)); err != nil {
		t.Fatal(err)
	}
	cur := readTree(t, s.out)
	s.want = map[string]string{}
	for k, v := range cur {
		s.want[k] = v
	}
	staged := map[string]string{}
	for k, v := range next {
		if v == "" {
			delete(s.want, k)
			continue
		}
		s.want[k] = v
		staged[k] = v
	}
	writeTree(t, s.staging, staged)
	return s
}

// plan is Plan over the staged files, with the journal's state set.
func (s *site) plan(t *testing.T) (j *Journal, all, staged []string, delta int64) {
	t.Helper()
	staged, _, err := Settle(s.staging, now)
	if err != nil {
		t.Fatal(err)
	}
	all = keys(s.want)
	j, delta, err = Plan(s.out, s.staging, staged, s.prev.Files, all)
	if err != nil {
		t.Fatal(err)
	}
	j.State = &State{Version: Version, Out: s.out, Units: map[string]string{}, Files: all}
	j.Now = now.UnixNano()
	return j, all, staged, delta
}

func TestPlan(t *testing.T) {
	s := newSite(t,
		map[string]string{"a.html": "old", "b.txt": "same", "c.txt": "gone", "d/e.html": "size1"},
		map[string]string{"a.html": "new", "b.txt": "same", "c.txt": "", "d/e.html": "size22", "f.html": "added"})
	j, _, _, delta := s.plan(t)
	want := &Changes{Previous: true, Added: []string{"f.html"}, Changed: []string{"a.html", "d/e.html"}, Removed: []string{"c.txt"}}
	if !reflect.DeepEqual(j.Changes, want) {
		t.Errorf("changes %+v, want %+v", j.Changes, want)
	}
	if !reflect.DeepEqual(j.Move, []string{"a.html", "d/e.html", "f.html"}) || !reflect.DeepEqual(j.Remove, []string{"c.txt"}) {
		t.Errorf("move %v, remove %v", j.Move, j.Remove)
	}
	// added 5 bytes, e.html one byte longer, c.txt's 4 bytes gone
	if delta != 5+1-4 {
		t.Errorf("delta %d bytes, want 2", delta)
	}
}

func TestApply(t *testing.T) {
	s := newSite(t,
		map[string]string{"a.html": "old", "b.txt": "same", "c.txt": "gone"},
		map[string]string{"a.html": "new", "c.txt": "", "f.html": "added"})
	j, all, staged, _ := s.plan(t)
	fromSpare, err := Apply(s.cache, s.prev, j, all, staged, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fromSpare {
		t.Error("the first update used a spare there is none of")
	}
	if got := readTree(t, s.out); !reflect.DeepEqual(got, s.want) {
		t.Errorf("site %v, want %v", got, s.want)
	}
	// The previous site folder is the spare, which the state names.
	if got := readTree(t, SparePath(s.out)); got["a.html"] != "old" || got["c.txt"] != "gone" {
		t.Errorf("spare %v: not the previous site", got)
	}
	st := LoadState(s.cache, s.out)
	if st == nil || !reflect.DeepEqual(st.Files, all) || !reflect.DeepEqual(st.Files, []string{"a.html", "b.txt", "f.html", "index.html"}) {
		t.Fatalf("state %+v, want the new site's files %v", st, all)
	}
	if Identity(s.out) != nil && (st.Spare == nil || st.Spare.Path != SparePath(s.out)) {
		t.Errorf("the state names no spare: %+v", st.Spare)
	}
	if _, err := os.Stat(filepath.Join(s.cache, JournalFile)); err == nil {
		t.Error("the journal was left behind")
	}
	b, err := os.ReadFile(filepath.Join(s.cache, "upload.txt"))
	if err != nil || string(b) != "a.html\nf.html\n" {
		t.Errorf("upload.txt %q (%v)", b, err)
	}
	if Identity(s.out) == nil {
		return // no spare without identities
	}
	// The next update brings the spare up to date and switches it in.
	s.prev = st
	s.stage(t, map[string]string{"b.txt": "changed", "g.txt": "another"})
	j, all, staged, _ = s.plan(t)
	if fromSpare, err = Apply(s.cache, s.prev, j, all, staged, nil); err != nil {
		t.Fatal(err)
	}
	if !fromSpare {
		t.Error("the second update did not use the spare")
	}
	if got := readTree(t, s.out); !reflect.DeepEqual(got, s.want) {
		t.Errorf("site from the spare %v, want %v", got, s.want)
	}
}

// errStop stands for a kill at a stage (Hooks.Stage).
var errStop = errors.New("stopped")

// applyStopped applies the plan and stops at the stage.
func applyStopped(t *testing.T, s *site, stage string) {
	t.Helper()
	j, all, staged, _ := s.plan(t)
	h := &Hooks{Stage: func(at string) {
		if at == stage {
			panic(errStop)
		}
	}}
	defer func() {
		if r := recover(); r != errStop {
			t.Fatalf("the update did not stop at %s: %v", stage, r)
		}
	}()
	Apply(s.cache, s.prev, j, all, staged, h)
}

func TestRecoverJournal(t *testing.T) {
	old := map[string]string{"a.html": "old", "b.txt": "same"}
	next := map[string]string{"a.html": "new"}
	for _, tc := range []struct {
		stage    string
		finished bool // the next build finishes the update
	}{
		{"apply", false},  // before the journal
		{"switch", false}, // the journal written, the site not switched
		{"applied", true}, // switched, the state not saved
	} {
		t.Run(tc.stage, func(t *testing.T) {
			s := newSite(t, old, next)
			applyStopped(t, s, tc.stage)
			var log bytes.Buffer
			RecoverJournal(s.cache, s.out, &log)
			if _, err := os.Stat(filepath.Join(s.cache, JournalFile)); err == nil {
				t.Error("the journal is still there")
			}
			got := readTree(t, s.out)
			st := LoadState(s.cache, s.out)
			if st == nil {
				t.Fatal("no state")
			}
			if tc.finished {
				if !reflect.DeepEqual(got, s.want) || !strings.Contains(log.String(), "finished the incremental build that was interrupted") {
					t.Errorf("not finished: site %v, log %q", got, log.String())
				}
				if !reflect.DeepEqual(st.Files, keys(s.want)) {
					t.Errorf("state %v: not the new site's", st.Files)
				}
				return
			}
			if !reflect.DeepEqual(got, old) || !reflect.DeepEqual(st.Files, keys(old)) || log.Len() > 0 {
				t.Errorf("the previous site and state do not stand: site %v, state %v, log %q", got, st.Files, log.String())
			}
		})
	}
	t.Run("unreadable", func(t *testing.T) {
		s := newSite(t, old, next)
		writeTree(t, s.cache, map[string]string{JournalFile: "{"})
		var log bytes.Buffer
		RecoverJournal(s.cache, s.out, &log)
		if LoadState(s.cache, s.out) != nil || !strings.Contains(log.String(), "this build is a full one") {
			t.Errorf("an unreadable journal kept the state (log %q)", log.String())
		}
	})
}

func TestTrash(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	for _, fault := range []bool{false, true} {
		old := filepath.Join(dir, "old")
		writeTree(t, old, map[string]string{"a/b.html": "x", "c.txt": "y"})
		h := &Hooks{}
		if fault {
			h.Fault = func(stage string, err error) error {
				if stage == "trash" {
					return errors.New("no trash")
				}
				return err
			}
		}
		if err := Discard(cache, old, h); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(old); err == nil {
			t.Errorf("fault %v: the previous folder is still there", fault)
		}
		entries, _ := os.ReadDir(filepath.Join(cache, TrashDir))
		if fault {
			if len(entries) != 0 {
				t.Errorf("without a trash, the folder went there: %v", entries)
			}
			continue
		}
		if len(entries) != 1 {
			t.Fatalf("trash %v: want the previous folder", entries)
		}
		EmptyTrash(context.Background(), cache)() // waits
		if entries, _ := os.ReadDir(filepath.Join(cache, TrashDir)); len(entries) != 0 {
			t.Errorf("trash not emptied: %v", entries)
		}
	}
}

// A build stops emptying the trash when its own work is done: what is
// left stays for the next build, which finishes it.
func TestEmptyTrashStops(t *testing.T) {
	cache := t.TempDir()
	old := filepath.Join(cache, TrashDir, "old")
	for _, f := range []string{"a/index.html", "b/c/index.html", "top.txt"} {
		p := filepath.Join(old, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel() // the build was done before the trash's first part
	EmptyTrash(done, cache)()
	if _, err := os.Stat(filepath.Join(old, "top.txt")); err != nil {
		t.Errorf("a stopped emptying went on: %v", err)
	}
	EmptyTrash(context.Background(), cache)()
	if entries, _ := os.ReadDir(filepath.Join(cache, TrashDir)); len(entries) != 0 {
		t.Errorf("the next build left the trash: %v", entries)
	}
}

// removeAll removes a tree even where the first way of removing it fails
// (Go's os.RemoveAll under Wine, on exFAT): file by file, deepest first.
func TestRemoveAllFallsBack(t *testing.T) {
	dir := t.TempDir()
	tree := filepath.Join(dir, "staging")
	for _, f := range []string{"about/index.html", "a/b/c/index.html", "a/b/x.css", "top.txt"} {
		p := filepath.Join(tree, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	failing := func(string) error { return errors.New("unlinkat: Invalid function.") }
	if err := removeAll(tree, failing); err != nil {
		t.Fatalf("removeAll: %v", err)
	}
	if _, err := os.Stat(tree); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the tree is still there: %v", err)
	}
	if err := removeAll(filepath.Join(dir, "none"), failing); err != nil {
		t.Errorf("a tree that is not there: %v", err)
	}
}
