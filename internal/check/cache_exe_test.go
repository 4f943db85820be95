package check

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// The cache knows the program by its bytes, not by where it lies or when
// it was written: a copy of the same binary elsewhere (a split build's
// part on another machine, a release unpacked afresh) finds the entries
// the original wrote, and writes none of its own.
func TestCacheKeyFollowsTheBinary(t *testing.T) {
	if dir := os.Getenv("GONGSHI_CHECK_CACHE_CHILD"); dir != "" { // the copy, run below
		if _, _, err := DirCached(context.Background(), dir, os.Getenv("GONGSHI_CHECK_CACHE_DIR")); err != nil {
			t.Fatal(err)
		}
		return
	}
	dir := cacheFixture(t)
	cache := t.TempDir()
	if _, _, err := DirCached(context.Background(), dir, cache); err != nil {
		t.Fatal(err)
	}
	before := cacheEntries(t, cache)
	if len(before) == 0 {
		t.Fatal("no cache entries written")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip("no executable to copy:", err)
	}
	copyExe := filepath.Join(t.TempDir(), "moved", filepath.Base(exe))
	if err := copyFile(exe, copyExe); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(copyExe, "-test.run=^TestCacheKeyFollowsTheBinary$")
	cmd.Env = append(os.Environ(), "GONGSHI_CHECK_CACHE_CHILD="+dir, "GONGSHI_CHECK_CACHE_DIR="+cache)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the copy: %v\n%s", err, out)
	}
	if after := cacheEntries(t, cache); !slices.Equal(before, after) {
		t.Errorf("the copy of the same binary missed the cache: %d entries before, %d after", len(before), len(after))
	}
}

func cacheEntries(t *testing.T, cache string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(cache, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	slices.Sort(names)
	return names
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
