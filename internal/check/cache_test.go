package check

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// cacheFixture builds a data folder in a temporary directory: the valid
// fixture, notices of more townships, a second notice on one inspection
// with a stated total, and the malformed test files (each a problem of
// its own, most also in the wrong place).
func cacheFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range validNotices() {
		if err := store.Write(filepath.Join(dir, store.RelPath(n)), n, false); err != nil {
			t.Fatal(err)
		}
	}
	base := validNotices()[0]
	for i := 3; i <= 8; i++ {
		n := *base
		n.Region = sampleRegion(fmt.Sprintf("样本镇%04d", i), fmt.Sprintf("yangbenzhen%04d", i))
		three := 3
		n.Stated.Problems = &three // disagrees with its findings: a warning
		if err := store.Write(filepath.Join(dir, store.RelPath(&n)), &n, false); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir("testdata/malformed", func(p string, d fs.DirEntry, err error) error {
		// unknown_key.toml has both title and Title: the library
		// decodes either into Notice.Title (it matches keys ignoring
		// case, in map order), so even DirContext twice may differ.
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") || filepath.Base(p) == "unknown_key.toml" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata", p)
		out := filepath.Join(dir, "shilisheng", "misc", rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// sameResult fails unless the cached check gave what DirContext gives
// (a File's Meta aside: the cache does not keep it).
func sameResult(t *testing.T, step, dir, cacheDir string) []Problem {
	t.Helper()
	wantFiles, wantProbs, err := DirContext(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	gotFiles, gotProbs, err := DirCached(context.Background(), dir, cacheDir)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	sameAs(t, step, gotFiles, gotProbs, wantFiles, wantProbs)
	// Again with the entries (now all written) mapped, not read.
	mapped := mappedEntries.Load()
	mapFiles, mapProbs, err := DirCachedWith(context.Background(), dir, cacheDir, CacheOptions{Map: true})
	if err != nil {
		t.Fatalf("%s, mapped: %v", step, err)
	}
	n := 0
	for name := range entries(t, cacheDir) {
		if strings.HasSuffix(name, cacheExt) && !strings.HasPrefix(name, ".") {
			n++
		}
	}
	if runtime.GOOS == "linux" && mappedEntries.Load()-mapped != int64(n) {
		t.Errorf("%s: %d of %d entries mapped", step, mappedEntries.Load()-mapped, n)
	}
	sameAs(t, step+", mapped", mapFiles, mapProbs, wantFiles, wantProbs)
	return gotProbs
}

// sameAs compares a cached check's result with DirContext's.
func sameAs(t *testing.T, step string, gotFiles []*store.File, gotProbs []Problem, wantFiles []*store.File, wantProbs []Problem) {
	t.Helper()
	if !reflect.DeepEqual(canon(t, gotProbs), canon(t, wantProbs)) {
		t.Errorf("%s: problems differ\ncached:\n%s\nDirContext:\n%s", step, lines(gotProbs), lines(wantProbs))
	}
	if len(gotFiles) != len(wantFiles) {
		t.Fatalf("%s: %d files, DirContext %d", step, len(gotFiles), len(wantFiles))
	}
	for i := range gotFiles {
		if gotFiles[i].Path != wantFiles[i].Path || !reflect.DeepEqual(gotFiles[i].Notice, wantFiles[i].Notice) {
			t.Errorf("%s: file %d: cached %s\n%+v\nDirContext %s\n%+v", step, i,
				gotFiles[i].Path, gotFiles[i].Notice, wantFiles[i].Path, wantFiles[i].Notice)
		}
		// Both record the SHA-256 of the bytes read (the build's keys use it).
		b, err := os.ReadFile(gotFiles[i].Path)
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); gotFiles[i].Sum != sum || wantFiles[i].Sum != sum {
			t.Errorf("%s: %s: sums %x (cached), %x (DirContext), want %x", step, gotFiles[i].Path, gotFiles[i].Sum, wantFiles[i].Sum, sum)
		}
	}
}

func lines(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// entries is the cache's entries and their modification times.
func entries(t *testing.T, cacheDir string) map[string]int64 {
	t.Helper()
	des, err := os.ReadDir(cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, de := range des {
		info, err := de.Info()
		if err != nil {
			t.Fatal(err)
		}
		out[de.Name()] = info.ModTime().UnixNano()
	}
	return out
}

func TestDirCached(t *testing.T) {
	dir := cacheFixture(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	paths, err := store.Files(dir)
	if err != nil {
		t.Fatal(err)
	}

	probs := sameResult(t, "cold", dir, cacheDir)
	if len(Errors(probs)) == 0 || len(Errors(probs)) == len(probs) {
		t.Fatalf("the fixture should have errors and warnings: %s", lines(probs))
	}
	cold := entries(t, cacheDir)
	if len(cold) != len(paths) {
		t.Errorf("%d entries for %d files", len(cold), len(paths))
	}

	sameResult(t, "warm", dir, cacheDir)
	if warm := entries(t, cacheDir); !reflect.DeepEqual(warm, cold) {
		t.Errorf("a warm run rewrote entries:\n%v\n%v", cold, warm)
	}

	// An edited file: a new entry, the old one pruned.
	first := filepath.Join(dir, store.RelPath(validNotices()[0]))
	b, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(first, []byte(strings.Replace(string(b), `status = "done"`, `status = "待核实"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	probs = sameResult(t, "edited", dir, cacheDir)
	if !strings.Contains(lines(probs), `"待核实" is not one of`) {
		t.Errorf("the edit's problem is missing:\n%s", lines(probs))
	}
	if n := len(entries(t, cacheDir)); n != len(paths) {
		t.Errorf("after an edit, %d entries for %d files", n, len(paths))
	}

	// A deleted file: its entry pruned. The later notice on the same
	// inspection loses the findings its outstanding item refers to.
	if err := os.Remove(first); err != nil {
		t.Fatal(err)
	}
	sameResult(t, "deleted", dir, cacheDir)
	if n := len(entries(t, cacheDir)); n != len(paths)-1 {
		t.Errorf("after a deletion, %d entries for %d files", n, len(paths)-1)
	}

	// An added file with a problem across files: a township name that
	// already has another slug.
	n := validNotices()[0]
	n.Region = sampleRegion("样本镇0003", "yangbenzhen0099")
	if err := store.Write(filepath.Join(dir, store.RelPath(n)), n, false); err != nil {
		t.Fatal(err)
	}
	probs = sameResult(t, "added", dir, cacheDir)
	if !strings.Contains(lines(probs), "one township has one slug") {
		t.Errorf("the added file's problem across files is missing:\n%s", lines(probs))
	}

	// A corrupt entry, a truncated one, an empty one, and a stray
	// temporary file: misses, rewritten; the stray file removed.
	var names []string
	for name := range entries(t, cacheDir) {
		names = append(names, name)
	}
	sort.Strings(names)
	for i, name := range names[:3] {
		p := filepath.Join(cacheDir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch i {
		case 0:
			b[len(b)/2] ^= 0xff
		case 1:
			b = b[:len(b)*2/3]
		case 2:
			b = nil
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{".tmp-old", ".tmp-new"} {
		if err := os.WriteFile(filepath.Join(cacheDir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Join(cacheDir, ".tmp-old"), old, old); err != nil {
		t.Fatal(err)
	}
	sameResult(t, "corrupt", dir, cacheDir)
	after := entries(t, cacheDir)
	if _, ok := after[".tmp-old"]; ok {
		t.Error("an old stray temporary file was kept")
	}
	if _, ok := after[".tmp-new"]; !ok {
		t.Error("a recent temporary file (maybe another run's) was removed")
	}
	for _, name := range names[:3] {
		b, err := os.ReadFile(filepath.Join(cacheDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeEntry(b, "x.toml", "x.toml"); err != nil {
			t.Errorf("%s was not rewritten: %v", name, err)
		}
	}
	sameResult(t, "warm again", dir, cacheDir)
}

// TestCacheEntryRoundTrip: an entry gives back the file's own check
// exactly, for every test file.
func TestCacheEntryRoundTrip(t *testing.T) {
	for p, src := range caseFiles(t) {
		fc := checkFile(p, "a/b.toml", src)
		b, err := encodeEntry(fc, len(src))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, err := decodeEntry(b, p, "a/b.toml")
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if fc.file != nil {
			fc.file.Meta = got.file.Meta // not kept
		}
		normalise(t, fc)
		normalise(t, got)
		if !reflect.DeepEqual(got, fc) {
			t.Errorf("%s: entry gives\n%+v\nwant\n%+v", p, got, fc)
		}
		for cut := range len(b) {
			if _, err := decodeEntry(b[:cut], p, "a/b.toml"); err == nil {
				t.Fatalf("%s: an entry cut to %d bytes decoded", p, cut)
			}
		}
	}
}

// TestLazyFlags: a check read lazily from its entry answers isSeen, isBad
// and isBlank about every path as the file's own check does, before and
// after the flags under findings[…] are read.
func TestLazyFlags(t *testing.T) {
	for p, src := range caseFiles(t) {
		fc := checkFile(p, "a/b.toml", src)
		b, err := encodeEntry(fc, len(src))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, err := decodeEntryLazy(b, p, "a/b.toml")
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var paths []string
		for _, m := range []map[string]bool{fc.seen, fc.bad, fc.blank} {
			for q := range m {
				paths = append(paths, q)
			}
		}
		paths = append(paths, "findings[999].title", "nowhere")
		// Top-level paths first (they must not need the rest), then all.
		sort.SliceStable(paths, func(i, j int) bool {
			return !strings.HasPrefix(paths[i], lazyFlagsPrefix) && strings.HasPrefix(paths[j], lazyFlagsPrefix)
		})
		for _, q := range paths {
			if strings.HasPrefix(q, lazyFlagsPrefix) {
				break
			}
			if got.isSeen(q) != fc.seen[q] || got.isBad(q) != fc.bad[q] || got.isBlank(q) != fc.blank[q] {
				t.Errorf("%s: %s: lazy flags %v %v %v, want %v %v %v", p, q,
					got.isSeen(q), got.isBad(q), got.isBlank(q), fc.seen[q], fc.bad[q], fc.blank[q])
			}
		}
		for _, q := range paths {
			if got.isSeen(q) != fc.seen[q] || got.isBad(q) != fc.bad[q] || got.isBlank(q) != fc.blank[q] {
				t.Errorf("%s: %s: lazy flags %v %v %v, want %v %v %v", p, q,
					got.isSeen(q), got.isBad(q), got.isBlank(q), fc.seen[q], fc.bad[q], fc.blank[q])
			}
		}
		if got.lazyFlags != nil && len(fc.seen) > 0 {
			t.Errorf("%s: flags left unread after a question about findings[…]", p)
		}
	}
}

// normalise makes empty maps nil: an entry does not tell them apart, and
// no check does.
// canon is ps with each message as the cache keeps it (a number an
// int64, an argument that prints itself a message), having checked that
// it prints the same in both languages as it did.
func canon(t *testing.T, ps []Problem) []Problem {
	t.Helper()
	out := append([]Problem(nil), ps...)
	for i, p := range out {
		if p.Loc == nil {
			continue
		}
		m, err := i18n.Decode(i18n.Encode(p.Loc))
		if err != nil {
			t.Fatal(err)
		}
		for _, zh := range []bool{false, true} {
			pr := i18n.NewPrinter(zh)
			if a, b := m.Localize(pr), p.Loc.Localize(pr); a != b {
				t.Errorf("%s kept as %q", b, a)
			}
		}
		out[i].Loc = m
	}
	return out
}

func normalise(t *testing.T, fc *fileCheck) {
	if len(fc.probs) > 0 {
		fc.probs = canon(t, fc.probs)
	}
	for _, m := range []*map[string]bool{&fc.seen, &fc.bad, &fc.blank} {
		if len(*m) == 0 {
			*m = nil
		}
	}
	if len(fc.pos) == 0 {
		fc.pos = nil
	}
	if len(fc.numbers) == 0 {
		fc.numbers = nil
	}
}

// TestCachedPointers: a pointer to zero and an empty list survive the
// cache (stated problems = 0 is a figure; encoding/gob would lose it).
func TestCachedPointers(t *testing.T) {
	zero := 0
	n := notice.Notice{Title: "x", Regulations: []string{}}
	n.Stated.Problems = &zero
	var e encoder
	if err := e.value(reflect.ValueOf(&n).Elem()); err != nil {
		t.Fatal(err)
	}
	var got notice.Notice
	d := decoder{b: e.b}
	if err := d.value(reflect.ValueOf(&got).Elem()); err != nil || len(d.b) != 0 {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, n) || got.Stated.Problems == nil || got.Regulations == nil || got.Findings != nil {
		t.Errorf("got %+v, want %+v", got, n)
	}
}

func TestDirCachedCancel(t *testing.T) {
	dir := cacheFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	files, probs, err := DirCached(ctx, dir, filepath.Join(t.TempDir(), "cache"))
	if !errors.Is(err, context.Canceled) || files != nil || probs != nil {
		t.Errorf("cancelled: %d files, %v, %v", len(files), probs, err)
	}
}

// TestDirCachedAcrossFromCache: problems across files that arise in files
// whose entries come from the cache are placed from the entries'
// positions, read only then, as DirContext places them.
func TestDirCachedAcrossFromCache(t *testing.T) {
	dir := cacheFixture(t)
	cacheDir := filepath.Join(t.TempDir(), "cache")
	sameResult(t, "cold", dir, cacheDir)
	before := entries(t, cacheDir)

	// The first notice gone, the later notice on its inspection (its
	// entry unchanged, so read from the cache) names findings no notice
	// has.
	if err := os.Remove(filepath.Join(dir, store.RelPath(validNotices()[0]))); err != nil {
		t.Fatal(err)
	}
	probs := sameResult(t, "deleted", dir, cacheDir)
	after := entries(t, cacheDir)
	for name, mod := range after {
		if before[name] != mod {
			t.Errorf("entry %s was written: the later notice's check should come from the cache", name)
		}
	}
	found := false
	for _, p := range probs {
		if strings.Contains(p.Message, "is not the number of a finding") {
			found = true
			if p.Line <= 1 {
				t.Errorf("the problem across files is not placed at its item: %s", p)
			}
		}
	}
	if !found {
		t.Fatalf("no problem across files in the cached notice:\n%s", lines(probs))
	}
}

// TestCacheLazyPositions: an entry's positions, read on the first lookup,
// are the file's; an entry whose positions' section is cut or lengthened
// (its checksum made good again) is corrupt.
func TestCacheLazyPositions(t *testing.T) {
	for p, src := range caseFiles(t) {
		fc := checkFile(p, "a/b.toml", src)
		b, err := encodeEntry(fc, len(src))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeEntryLazy(b, p, "a/b.toml")
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if got.pos != nil {
			t.Errorf("%s: positions read before a lookup", p)
		}
		if ps := got.positions(); len(ps) != len(fc.pos) || len(ps) > 0 && !reflect.DeepEqual(ps, fc.pos) {
			t.Errorf("%s: positions %v, want %v", p, ps, fc.pos)
		}
		if len(fc.pos) == 0 {
			continue
		}
		head := len(entryMagic) + 4
		for _, bad := range [][]byte{b[:len(b)-1], append(slices.Clip(b), 0), append(slices.Clip(b), 0x80)} {
			bad = slices.Clone(bad)
			binary.LittleEndian.PutUint32(bad[len(entryMagic):], crc32.Checksum(bad[head:], crcTable))
			if _, err := decodeEntryLazy(bad, p, "a/b.toml"); err == nil {
				t.Errorf("%s: an entry with a bad positions' section decoded", p)
			}
		}
	}
}
