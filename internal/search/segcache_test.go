package search

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// cacheCorpus is a mixed corpus whose fictitious townships sit in three
// counties.
func cacheCorpus(t *testing.T) []*notice.Notice {
	t.Helper()
	c, err := searchtest.Mixed(9, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range c.Notices {
		var i int
		if _, err := fmt.Sscanf(n.Region.TownshipSlug, "zhen%d", &i); err == nil || n.Unit.Slug != "" {
			if i == 0 {
				fmt.Sscanf(n.Unit.Slug, "ju%d", &i)
			}
			n.Region.CountySlug = fmt.Sprintf("xian%02d", i%3+1)
			n.Region.County = fmt.Sprintf("示例县%02d", i%3+1)
		}
	}
	return c.Notices
}

// cacheDue gives some findings a deadline, some overdue.
func cacheDue(c *notice.Corpus) map[string]Due {
	due := map[string]Due{}
	for _, d := range Docs(c) {
		if d.Kind == KindFinding && d.Number%4 == 0 {
			due[d.ID] = Due{Deadline: notice.Date(fmt.Sprintf("2024-%02d-10", 1+d.Number%12)), Overdue: d.Number%8 == 0}
		}
	}
	return due
}

// searchTree reads every file under a site's search folder.
func searchTree(t *testing.T, siteDir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	dir := Dir(siteDir)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func sameTrees(t *testing.T, step string, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d files with the cache, %d without", step, len(a), len(b))
	}
	n := 0
	for name, x := range a {
		if !bytes.Equal(x, b[name]) {
			if n++; n <= 5 {
				t.Errorf("%s: %s differs between the cached and the full build", step, name)
			}
		}
	}
	if _, ok := a[filepath.Join(IndexDir, "store", "root.bolt")]; !ok {
		t.Errorf("%s: no Bleve index", step)
	}
}

// cacheEntries lists the cache's files.
func cacheEntries(t *testing.T, cache string) []string {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(cache, "segments"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestCachedBuildIsFullBuild builds with a cache after changes to the
// corpus and compares every file under search/ with a build of the same
// corpus without a cache; the cached builds redo only what changed, and a
// damaged cache entry is rebuilt.
func TestCachedBuildIsFullBuild(t *testing.T) {
	for _, merge := range []bool{false, true} {
		t.Run(fmt.Sprintf("merge=%v", merge), func(t *testing.T) { testCachedBuild(t, merge) })
	}
}

func testCachedBuild(t *testing.T, merge bool) {
	// Units of several segments too; entries verified are recorded at
	// once (see verifiedFile), so that the damaged ones below are found by
	// their changed files.
	tune := &tuning{segmentDocs: 100, groupDocs: 250, mergeGroups: merge, racyWindow: 0}
	ns := cacheCorpus(t)
	cache := t.TempDir()
	ctx := context.Background()

	build := func(step string, ns []*notice.Notice) Stats {
		t.Helper()
		c := notice.NewCorpus(ns)
		due := cacheDue(c)
		cached, full := t.TempDir(), t.TempDir()
		st, err := BuildSiteWith(ctx, c, cached, nil, Options{Due: due, Cache: cache, tune: tune})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if _, err := BuildSiteWith(ctx, c, full, nil, Options{Due: due, tune: tune}); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		tree := searchTree(t, cached)
		sameTrees(t, step, tree, searchTree(t, full))
		zaps := 0
		for name := range tree {
			if strings.HasSuffix(name, ".zap") {
				zaps++
			}
		}
		if want := st.Groups; merge && zaps != 1 || !merge && zaps != want {
			t.Errorf("%s: %d zap files in the index, %d groups", step, zaps, want)
		}
		// The cache holds the build's entries and nothing else.
		es := cacheEntries(t, cache)
		if len(es) != st.Groups {
			t.Errorf("%s: %d cache entries, want %d groups", step, len(es), st.Groups)
		}
		for _, e := range es {
			if strings.HasPrefix(e, ".tmp") {
				t.Errorf("%s: %s left in the cache", step, e)
			}
		}
		t.Logf("%s: %d documents, %d/%d units analysed, %d/%d groups built", step,
			st.Documents, st.BuiltUnits, st.Units, st.MergedGroups, st.Groups)
		return st
	}

	st := build("cold", ns)
	if st.Groups < 3 || st.Units < 10 || st.Units == st.Groups || st.BuiltUnits != st.Units || st.MergedGroups != st.Groups {
		t.Fatalf("cold build: %+v", st)
	}
	if st := build("unchanged", ns); st.BuiltUnits != 0 || st.MergedGroups != 0 {
		t.Errorf("unchanged: %d units analysed, %d groups merged", st.BuiltUnits, st.MergedGroups)
	}

	// One finding's title, in the latest notice of a unit (its last
	// segment of tune.segmentDocs documents).
	last := ns[len(ns)-1]
	for _, n := range ns {
		if n.Region.TownshipSlug == "zhen0005" {
			last = n
		}
	}
	last.Findings[len(last.Findings)-1].Title += "（已改）"
	if st := build("one finding", ns); st.BuiltUnits == 0 || st.BuiltUnits == st.Units || st.MergedGroups != 1 {
		t.Errorf("one finding: %d of %d units analysed, %d groups built, want its group's and 1", st.BuiltUnits, st.Units, st.MergedGroups)
	}
	if merge {
		return // the rest is the same with merged groups
	}

	// A new unit: a copy of a township's notices under another name.
	var added []*notice.Notice
	for _, n := range ns {
		if n.Region.TownshipSlug == "zhen0001" && n.Unit.Slug == "" {
			m := *n
			m.Region.Township, m.Region.TownshipSlug = "样本镇0100", "zhen0100"
			m.Title = strings.ReplaceAll(m.Title, "样本镇0001", "样本镇0100")
			added = append(added, &m)
		}
	}
	if len(added) == 0 {
		t.Fatal("no notices of zhen0001")
	}
	ns = append(ns, added...)
	if st := build("unit added", ns); st.MergedGroups == 0 || st.MergedGroups > 2 || st.BuiltUnits >= st.Units {
		t.Errorf("unit added: %d of %d units analysed, %d groups built, want 1 or 2 groups", st.BuiltUnits, st.Units, st.MergedGroups)
	}

	// A unit removed.
	var kept []*notice.Notice
	for _, n := range ns {
		if n.Region.TownshipSlug != "zhen0006" {
			kept = append(kept, n)
		}
	}
	ns = kept
	if st := build("unit removed", ns); st.BuiltUnits >= st.Units || st.MergedGroups > 2 {
		t.Errorf("unit removed: %d of %d units analysed, %d groups built, want its county's at most", st.BuiltUnits, st.Units, st.MergedGroups)
	}

	// Damaged entries: a group's truncated, another's replaced by an empty
	// file; then every entry gone.
	es := cacheEntries(t, cache)
	var gs []string
	for _, e := range es {
		if e[0] == 'g' {
			gs = append(gs, filepath.Join(cache, "segments", e))
		}
	}
	if len(gs) != len(es) {
		t.Errorf("cache entries %v, want groups' only", es)
	}
	b, err := os.ReadFile(gs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gs[0], b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gs[1], nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if st := build("damaged groups", ns); st.BuiltUnits == 0 || st.MergedGroups != 2 {
		t.Errorf("damaged groups: %d units analysed, %d groups built, want 2 groups", st.BuiltUnits, st.MergedGroups)
	}
	for _, g := range gs {
		if err := os.Remove(g); err != nil {
			t.Fatal(err)
		}
	}
	if st := build("entries gone", ns); st.BuiltUnits != st.Units || st.MergedGroups != st.Groups {
		t.Errorf("entries gone: %d/%d units analysed, %d/%d groups built", st.BuiltUnits, st.Units, st.MergedGroups, st.Groups)
	}
}

// TestVerifiedSegments: an entry verified once is not read again while its
// file is unchanged; changed — to another size, or in place to the same
// size with its modification time set back — it is read, and a miss when
// damaged. Not detected (and not tested): bytes changed under the file
// system (see verifiedFile).
func TestVerifiedSegments(t *testing.T) {
	tune := defaultTuning()
	tune.racyWindow = 0
	c := notice.NewCorpus(cacheCorpus(t))
	cache := t.TempDir()
	ctx := context.Background()
	build := func(step string) (Stats, int64) {
		t.Helper()
		n0 := segChecks.Load()
		st, err := BuildSiteWith(ctx, c, t.TempDir(), nil, Options{Cache: cache, tune: &tune})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return st, segChecks.Load() - n0
	}
	st, _ := build("cold")
	if st.Groups < 3 {
		t.Fatalf("%d groups", st.Groups)
	}
	if st, n := build("first reuse"); n != int64(st.Groups) || st.MergedGroups != 0 {
		t.Errorf("first reuse: %d entries read, %d groups merged; want %d and 0", n, st.MergedGroups, st.Groups)
	}
	if st, n := build("verified"); n != 0 || st.MergedGroups != 0 {
		t.Errorf("verified: %d entries read, %d groups merged; want 0 and 0", n, st.MergedGroups)
	}

	var gs []string
	for _, e := range cacheEntries(t, cache) {
		if e[0] == 'g' {
			gs = append(gs, filepath.Join(cache, "segments", e))
		}
	}
	time.Sleep(20 * time.Millisecond) // past the file times' granularity
	// Damaged in place, same size, modification time set back.
	info, err := os.Stat(gs[0])
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(gs[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x55
	if err := os.WriteFile(gs[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(gs[0], info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	// Truncated by a byte.
	b, err = os.ReadFile(gs[1])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gs[1], b[:len(b)-1], 0o644); err != nil {
		t.Fatal(err)
	}
	// Both read and built again.
	if st, n := build("damaged"); n < 2 || st.MergedGroups != 2 {
		t.Errorf("damaged: %d entries read, %d groups merged; want 2 or more and 2", n, st.MergedGroups)
	}
	// A verified entry copied over (another inode): read again, valid.
	b, err = os.ReadFile(gs[2])
	if err != nil {
		t.Fatal(err)
	}
	tmp := gs[2] + ".copy"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, gs[2]); err != nil {
		t.Fatal(err)
	}
	// Read: the copy, and the two groups the last build wrote (an entry
	// is recorded when verified, not when written).
	if st, n := build("copied"); n != 3 || st.MergedGroups != 0 {
		t.Errorf("copied: %d entries read, %d groups merged; want 3 and 0", n, st.MergedGroups)
	}
	if st, n := build("verified again"); n != 0 || st.MergedGroups != 0 {
		t.Errorf("verified again: %d entries read, %d groups merged; want 0 and 0", n, st.MergedGroups)
	}
}
