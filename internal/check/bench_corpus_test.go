package check

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/store"
)

// BenchmarkCorpus checks the data folder named by $GONGSHI_BENCH_CORPUS
// (skipped when unset), a larger corpus than BenchmarkDir's.
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("GONGSHI_BENCH_CORPUS")
	if dir == "" {
		b.Skip("GONGSHI_BENCH_CORPUS not set")
	}
	for b.Loop() {
		if _, _, err := Dir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMeasureCache times, on a copy of $GONGSHI_BENCH_CORPUS (skipped when
// unset), DirContext, DirCached with an empty cache, DirCached warm, and
// DirCached after one file changed: the median of 3 runs each.
//
//	GONGSHI_BENCH_CORPUS=/path/to/data go test -run MeasureCache -v ./internal/check/
func TestMeasureCache(t *testing.T) {
	src := os.Getenv("GONGSHI_BENCH_CORPUS")
	if src == "" {
		t.Skip("GONGSHI_BENCH_CORPUS not set")
	}
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	cacheDir := filepath.Join(t.TempDir(), "cache")
	paths, err := store.Files(dir)
	if err != nil || len(paths) == 0 {
		t.Fatal(len(paths), err)
	}
	ctx := context.Background()
	var want []Problem
	run := func(name string, prepare func(i int), f func() ([]*store.File, []Problem, error)) {
		var ds, cs []time.Duration
		for i := range 3 {
			prepare(i)
			runtime.GC()
			cpu0 := cpuTime()
			start := time.Now()
			files, probs, err := f()
			ds = append(ds, time.Since(start))
			cs = append(cs, cpuTime()-cpu0)
			if err != nil || len(files) != len(paths) {
				t.Fatalf("%s: %d files, %v", name, len(files), err)
			}
			if want == nil {
				want = probs
			} else if name != "cached, one file changed" && !reflect.DeepEqual(probs, want) {
				t.Errorf("%s: problems differ", name)
			}
		}
		slices.Sort(ds)
		slices.Sort(cs)
		t.Logf("%-26s median %7.3fs wall, %7.3fs CPU (user+sys)  (wall %v, CPU %v)", name, ds[1].Seconds(), cs[1].Seconds(), ds, cs)
	}
	nothing := func(int) {}
	run("DirContext", nothing, func() ([]*store.File, []Problem, error) { return DirContext(ctx, dir) })
	run("cached, empty cache", func(int) { os.RemoveAll(cacheDir) },
		func() ([]*store.File, []Problem, error) { return DirCached(ctx, dir, cacheDir) })
	run("cached, warm", nothing, func() ([]*store.File, []Problem, error) { return DirCached(ctx, dir, cacheDir) })
	changed := paths[len(paths)/2]
	orig, err := os.ReadFile(changed)
	if err != nil {
		t.Fatal(err)
	}
	run("cached, one file changed", func(i int) {
		// A new comment each time: a miss for that file only.
		b := append(slices.Clip(orig), fmt.Sprintf("# edit %d\n", i)...)
		if err := os.WriteFile(changed, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}, func() ([]*store.File, []Problem, error) { return DirCached(ctx, dir, cacheDir) })
}

// BenchmarkCorpusCached is BenchmarkCorpus with a warm cache.
func BenchmarkCorpusCached(b *testing.B) {
	dir := os.Getenv("GONGSHI_BENCH_CORPUS")
	if dir == "" {
		b.Skip("GONGSHI_BENCH_CORPUS not set")
	}
	cacheDir := b.TempDir()
	if _, _, err := DirCached(context.Background(), dir, cacheDir); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := DirCached(context.Background(), dir, cacheDir); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
