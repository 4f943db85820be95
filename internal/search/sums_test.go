package search

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// staticTree reads the static index's files (meta.json, t/, p/, d/) under
// a site's search folder, by name relative to it, with /.
func staticTree(t *testing.T, site string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, b := range searchTree(t, site) {
		name = filepath.ToSlash(name)
		if name == "meta.json" || strings.HasPrefix(name, "t/") || strings.HasPrefix(name, "p/") || strings.HasPrefix(name, "d/") {
			out[name] = b
		}
	}
	return out
}

// inPlaceResult is the static index an in-place build gives: the files it
// kept, from the previous site, and the ones it wrote. A kept file that
// it also wrote is an error.
func inPlaceResult(t *testing.T, prev, site string, st Stats) map[string][]byte {
	t.Helper()
	out := staticTree(t, site)
	old := staticTree(t, prev)
	for _, k := range st.Kept {
		n := strings.TrimPrefix(k, "search/")
		if _, ok := out[n]; ok {
			t.Errorf("%s: kept and written", n)
		}
		b, ok := old[n]
		if !ok {
			t.Errorf("%s: kept but not in the previous site", n)
		}
		out[n] = b
	}
	return out
}

// TestInPlaceExportWithSums: an in-place export compares with the
// manifest of the previous export (no previous file read), keeps the
// files that did not change and writes the ones that did; a manifest that
// does not describe the site (a build that never reached it, a file
// changed in the site, a wrong entry) never makes it keep a wrong file.
func TestInPlaceExportWithSums(t *testing.T) {
	c, err := searchtest.Mixed(6, 3)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cache := t.TempDir()
	build := func(prev string, cache string) (string, Stats) {
		t.Helper()
		site := t.TempDir()
		st, err := BuildSiteWith(ctx, c, site, nil, Options{Previous: prev, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		return site, st
	}
	// check compares an in-place build's result with a full build's.
	check := func(what, prev, site string, st Stats) {
		t.Helper()
		full, _ := build("", "")
		want := staticTree(t, full)
		got := inPlaceResult(t, prev, site, st)
		if d := diffFiles(want, got); len(d) > 0 {
			t.Errorf("%s: %d files differ from a full build, e.g. %s", what, len(d), d[0])
		}
	}
	reads := func() int64 { return prevReads.Load() }

	siteA, _ := build("", cache) // the manifest of A
	if _, err := os.Stat(filepath.Join(cache, sumsFile)); err != nil {
		t.Fatal(err)
	}

	// One finding's title changed to one of the same length: its display
	// file keeps its size.
	n := c.Notices[len(c.Notices)-3]
	if len(n.Findings) == 0 {
		t.Fatalf("notice %s has no findings", n.UnitPath())
	}
	title := n.Findings[0].Title
	r := []rune(title)
	r[len(r)-1] = '改'
	if r[len(r)-1] == []rune(title)[len(r)-1] {
		r[len(r)-1] = '变'
	}
	changed := string(r)
	if len(changed) != len(title) {
		t.Fatalf("%q and %q: not the same length", title, changed)
	}
	setTitle := func(s string) { n.Findings[0].Title = s }
	defer setTitle(title)

	// With the manifest of A, against site A: no previous file read.
	setTitle(changed)
	r0 := reads()
	siteB, st := build(siteA, cache)
	if got := reads() - r0; got != 0 {
		t.Errorf("in place with a manifest: %d previous files read, want 0", got)
	}
	check("in place with a manifest", siteA, siteB, st)
	written := map[string]bool{}
	for name := range staticTree(t, siteB) {
		written[name] = true
	}
	var sameSize []string // display files written whose size did not change
	a := staticTree(t, siteA)
	for name := range written {
		if strings.HasPrefix(name, "d/") {
			if len(a[name]) == len(staticTree(t, siteB)[name]) {
				sameSize = append(sameSize, name)
			}
		}
	}
	if len(sameSize) == 0 {
		t.Fatalf("no display file changed with its size the same (written: %d files)", len(written))
	}
	if len(st.Kept) == 0 || len(written) > len(st.Kept) {
		t.Errorf("in place: %d files kept, %d written", len(st.Kept), len(written))
	}

	// The cache's manifest is now B's, but B never reached site A (a build
	// that failed after its search stage): against site A it must not be
	// used, or the display file changed to the same size would be kept.
	siteB2, st := build(siteA, cache)
	check("manifest of an export that never reached the site", siteA, siteB2, st)
	for _, name := range sameSize {
		if slices.Contains(st.Kept, "search/"+name) {
			t.Errorf("manifest of an export that never reached the site: %s kept", name)
		}
	}

	// Site B (A with B's written files) and the manifest of B: every file
	// is the same, none read.
	for name, b := range staticTree(t, siteB) {
		p := filepath.Join(Dir(siteA), filepath.FromSlash(name))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r0 = reads()
	siteB3, st := build(siteA, cache)
	if got := reads() - r0; got != 0 {
		t.Errorf("same documents: %d previous files read, want 0", got)
	}
	if w := staticTree(t, siteB3); len(w) != 0 {
		t.Errorf("same documents: %d files written, want 0", len(w))
	}
	check("same documents", siteA, siteB3, st)

	// A display file of the site changed to another size, meta.json left
	// alone: the manifest's entry no longer describes it, and it is read
	// and rewritten.
	victim := sameSize[0]
	vp := filepath.Join(Dir(siteA), filepath.FromSlash(victim))
	good, err := os.ReadFile(vp)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(vp, append(bytes.Clone(good), ' '), 0o644); err != nil {
		t.Fatal(err)
	}
	r0 = reads()
	siteC, st := build(siteA, cache)
	if got := reads() - r0; got != 1 {
		t.Errorf("a site file of another size: %d previous files read, want 1", got)
	}
	check("a site file of another size", siteA, siteC, st)
	if slices.Contains(st.Kept, "search/"+victim) {
		t.Errorf("a site file of another size: %s kept", victim)
	}
	if err := os.WriteFile(vp, good, 0o644); err != nil {
		t.Fatal(err)
	}

	// Wrong entries in the manifest: one with another hash (the file is
	// written, though it is the same), one missing (the file is read, and
	// kept).
	sums := loadSums(cache, Dir(siteA))
	if sums == nil {
		t.Fatal("the manifest does not describe the site")
	}
	var other string
	for name := range sums {
		if strings.HasPrefix(name, "t/") {
			other = name
			break
		}
	}
	s := sums[victim]
	s.hash[0] ^= 1
	sums[victim] = s
	delete(sums, other)
	if err := saveSums(cache, sums); err != nil {
		t.Fatal(err)
	}
	r0 = reads()
	siteD, st := build(siteA, cache)
	if got := reads() - r0; got != 1 {
		t.Errorf("wrong entries: %d previous files read, want 1", got)
	}
	check("wrong entries", siteA, siteD, st)
	if slices.Contains(st.Kept, "search/"+victim) || !slices.Contains(st.Kept, "search/"+other) {
		t.Errorf("wrong entries: %s kept or %s not kept", victim, other)
	}

	// No manifest at all: every file read, the same result.
	os.Remove(filepath.Join(cache, sumsFile))
	siteE, st := build(siteA, "")
	check("no manifest", siteA, siteE, st)
	if w := staticTree(t, siteE); len(w) != 0 {
		t.Errorf("no manifest: %d files written, want 0", len(w))
	}
}
