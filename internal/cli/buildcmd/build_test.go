package buildcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/site"
)

func TestNow(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time
		err  bool
	}{
		{"1736611200", time.Date(2025, 1, 11, 16, 0, 0, 0, time.UTC), false},
		{" 0 ", time.Unix(0, 0).UTC(), false},
		{"abc", time.Time{}, true},
		{"-5", time.Time{}, true},
		{"1.5", time.Time{}, true},
	} {
		got, err := Now(c.in)
		if (err != nil) != c.err || !c.err && !got.Equal(c.want) {
			t.Errorf("Now(%q) = %v, %v", c.in, got, err)
		}
	}
	if got, err := Now(""); err != nil || time.Since(got) > time.Minute {
		t.Errorf("Now(\"\") = %v, %v: want the current time", got, err)
	}
}

func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
	return out.String(), errb.String(), err
}

func TestBuildCommand(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	t.Setenv("SOURCE_DATE_EPOCH", "1736611200") // 2025-01-12 in China
	outDir := filepath.Join(t.TempDir(), "site")
	stdout, stderr, err := run(t, "--root", root, "--out", outDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "built "+outDir+": 1 units, 1 notices, 59 findings") {
		t.Errorf("summary: %q", stdout)
	}
	for _, stage := range []string{"check ", "model ", "downloads ", "search ", "hugo ", "publish "} {
		if !strings.Contains(stderr, "\n"+stage) && !strings.HasPrefix(stderr, stage) {
			t.Errorf("no %q progress line in %q", stage, stderr)
		}
	}
	var m struct {
		AsOf string `json:"as_of"`
	}
	b, _ := os.ReadFile(filepath.Join(outDir, "manifest.json"))
	if json.Unmarshal(b, &m); m.AsOf != "2025-01-12" {
		t.Errorf("as of %q, want SOURCE_DATE_EPOCH's day", m.AsOf)
	}
	info, _ := os.Stat(filepath.Join(outDir, "index.html"))
	if info == nil || info.ModTime().Unix() != 1736611200 {
		t.Errorf("file time %v, want SOURCE_DATE_EPOCH", info)
	}
}

func TestBuildCommandErrors(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	bad := t.TempDir()
	p := filepath.Join(bad, "fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte("title = \"x\"\nsigned = 2024-13-45\n"), 0o644)
	for _, c := range []struct {
		name   string
		env    string
		args   []string
		code   int
		stderr string
	}{
		{"help", "", []string{"-h"}, 0, "Usage:\n  gongshi build [--root FOLDER]"},
		{"bad flag", "", []string{"--nope"}, 2, "unknown flag --nope"},
		{"argument", "", []string{"public"}, 2, ""},
		{"bad epoch", "yesterday", []string{"--root", root}, 2, ""},
		{"data problems", "", []string{"--root", root, "--data", bad, "--out", filepath.Join(t.TempDir(), "o")}, 1, "2024-12-02.toml:2:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", c.env)
			stdout, stderr, err := run(t, c.args...)
			if all := stdout + stderr + fmt.Sprint(err); cli.Code(err) != c.code || !strings.Contains(all, c.stderr) {
				t.Errorf("exit %d (%v), stderr %q; want exit %d and %q", cli.Code(err), err, stderr, c.code, c.stderr)
			}
		})
	}
}

// TestNoWait: while another build holds the site folder's lock (taken
// here as a build takes it), gongshi build --no-wait refuses with a
// message naming the holder, and builds nothing.
func TestNoWait(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	outDir := filepath.Join(t.TempDir(), "site")
	unlock := holdLock(t, site.CacheDir(outDir))
	defer unlock()
	_, stderr, err := run(t, "--root", root, "--out", outDir, "--no-wait")
	if err == nil || !strings.Contains(err.Error(), "another build of "+outDir+" is running (process ") {
		t.Fatalf("--no-wait while another build runs: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(outDir); err == nil {
		t.Error("the refused build wrote the site folder")
	}
}
