package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/gongshi/gongshi/internal/site/publish"
)

// TestDiskFull: a full disk while the downloads are written (injected) is
// reported as a full disk naming the folder, not as a site folder that no
// longer matches the cache; the site and the cache's state are kept, and
// the next build is incremental and equals a full one.
func TestDiskFull(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	buildWithCache(t, data, out)
	before := snapshot(t, out)
	editData(t, filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
	o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, Log: &logWriter{t: t}}
	o.hooks.Fault = func(stage string, err error) error {
		if stage == "downloads" {
			return &fs.PathError{Op: "write", Path: filepath.Join(filepath.Dir(out), "x", "findings.csv"), Err: syscall.ENOSPC}
		}
		return err
	}
	_, err := Build(context.Background(), o)
	var full *DiskFullError
	if !errors.As(err, &full) || full.Dir != filepath.Dir(out) || !strings.Contains(err.Error(), "the disk is full") || strings.Contains(err.Error(), "no longer matches") {
		t.Fatalf("a full disk is reported as: %v", err)
	}
	if publish.LoadState(CacheDir(out), out) == nil {
		t.Error("the cache's state was dropped for a full disk")
	}
	diffSnapshots(t, "the site after a full disk", before, snapshot(t, out))
	if sum := buildWithCache(t, data, out); !sum.Incremental {
		t.Error("the build after a full disk is not incremental")
	}
	sameTrees(t, "after a full disk", fullBuild(t, data), out)
}

// TestNoCacheLeavesNothingBeside: a full build (--no-cache) over a previous
// site leaves nothing beside the site folder but the cache — also when the
// previous site cannot be moved to the trash (injected) and has a
// read-only folder — and the trash is emptied by the next build.
func TestNoCacheLeavesNothingBeside(t *testing.T) {
	for _, noTrash := range []bool{false, true} {
		data := incrementalData(t)
		dir := t.TempDir()
		out := filepath.Join(dir, "public")
		buildWithCache(t, data, out)
		if err := os.Chmod(filepath.Join(out, "downloads"), 0o555); err != nil {
			t.Fatal(err)
		}
		o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, NoCache: true, Log: &logWriter{t: t}}
		if noTrash {
			o.hooks.Fault = func(stage string, err error) error {
				if stage == "trash" {
					return errors.New("injected: the trash is on another device")
				}
				return err
			}
		}
		if _, err := Build(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if !slices.Equal(names, []string{".gongshi-cache", "public"}) {
			t.Errorf("no trash %v: beside the site folder after a --no-cache build: %v", noTrash, names)
		}
		sameTrees(t, "after --no-cache", fullBuild(t, data), out)
	}
}
