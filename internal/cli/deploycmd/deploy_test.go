//go:build withdeploy

package deploycmd

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/site"
)

// targetTimes lists the target's files (without fileblob's .attrs) with
// their modification times.
func targetTimes(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	m := map[string]time.Time{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || strings.HasSuffix(p, ".attrs") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = info.ModTime()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDeployUploadsOnlyChanges deploys the bundled site to a file://
// target with the embedded Hugo, changes one finding, builds again and
// deploys again: the second deploy writes exactly the files the build's
// changes list names, and the target then holds the site.
func TestDeployUploadsOnlyChanges(t *testing.T) {
	repo, _ := filepath.Abs("../../..")
	tmp := t.TempDir()
	target := filepath.Join(tmp, "target")
	os.MkdirAll(target, 0o755)
	root := filepath.Join(tmp, "root")
	os.MkdirAll(root, 0o755)
	cfg, err := os.ReadFile(filepath.Join(repo, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = append(cfg, []byte("\n[[deployment.targets]]\nname = \"test\"\nURL = \"file://"+filepath.ToSlash(target)+"\"\n")...)
	os.WriteFile(filepath.Join(root, "config.toml"), cfg, 0o644)

	rel := "fujian/putian/xianyou/jiaowei/2024-12-02.toml"
	seed, err := os.ReadFile(filepath.Join(repo, "data", rel))
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(tmp, "data")
	os.MkdirAll(filepath.Dir(filepath.Join(data, rel)), 0o755)
	os.WriteFile(filepath.Join(data, rel), seed, 0o644)
	out := filepath.Join(tmp, "public")
	o := site.Options{Root: repo, Data: data, Out: out, Now: time.Date(2025, 1, 12, 0, 0, 0, 0, time.UTC)}
	if _, err := site.Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	deploy := func() {
		t.Helper()
		var so, se bytes.Buffer
		if err := Run(context.Background(), cli.IO{Out: &so, Err: &se}, []string{"--root", root, "--out", out}); err != nil {
			t.Fatalf("deploy: %v\n%s", err, se.String())
		}
	}
	deploy()
	first := targetTimes(t, target)
	if n := siteFiles(t, out); len(first) != n {
		t.Fatalf("the first deploy uploaded %d files of the site's %d", len(first), n)
	}

	os.WriteFile(filepath.Join(data, rel), bytes.Replace(seed, []byte(`title = "工程偷工减料"`), []byte(`title = "工程偷工减料（已更正）"`), 1), 0o644)
	sum, err := site.Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	want := append(append([]string{}, sum.Changes.Added...), sum.Changes.Changed...)
	sort.Strings(want)
	if len(want) == 0 || len(want) > len(first)-50 {
		t.Fatalf("the rebuild changed %d files", len(want))
	}
	time.Sleep(50 * time.Millisecond)
	deploy()
	var got []string
	for name, mt := range targetTimes(t, target) {
		if !mt.Equal(first[name]) {
			got = append(got, name)
		}
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the second deploy wrote %d files, the changes list names %d:\ngot  %v\nwant %v", len(got), len(want), got, want)
	}
	for _, name := range []string{"index.html", "fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/index.html"} {
		a, _ := os.ReadFile(filepath.Join(out, name))
		b, _ := os.ReadFile(filepath.Join(target, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s on the target differs from the site's", name)
		}
	}
}

// siteFiles counts the regular files of a built site.
func siteFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
