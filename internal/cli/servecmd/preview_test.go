package servecmd

import (
	"bufio"
	"context"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/buildcmd"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// projectCopy is a project folder in a temporary folder: the repository's
// config.toml, content/, layouts/, static/ and seeds/, and the bundled
// notice's data file; it returns the folder and the data file's path
// under data/.
func projectCopy(t *testing.T) (string, string) {
	t.Helper()
	src, _ := filepath.Abs("../../..")
	root := t.TempDir()
	const seedRel = "fujian/putian/xianyou/jiaowei/2024-12-02.toml"
	for _, rel := range []string{"config.toml", "content", "layouts", "static", "seeds", filepath.Join("data", seedRel)} {
		err := filepath.WalkDir(filepath.Join(src, rel), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			r, _ := filepath.Rel(src, p)
			dst := filepath.Join(root, r)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return root, seedRel
}

// TestPreviewIsItsOwn: serve builds into ROOT/.gongshi/preview, and a
// gongshi build into ROOT/public while serve runs changes nothing serve
// shows: its pages still cite serve's address, not config.toml's
// placeholder baseURL, which the built public/ pages do.
func TestPreviewIsItsOwn(t *testing.T) {
	root, seedRel := projectCopy(t)
	PollInterval = 100 * time.Millisecond
	t.Setenv("SOURCE_DATE_EPOCH", "1736611200")

	// A port of its own (not :0): serve's pages name its address only
	// when the address names its port.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, cli.IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr},
			[]string{"--addr", addr, "--root", root})
	}()
	var base string
	waitFor(t, "the serving line", func() bool {
		sc := bufio.NewScanner(strings.NewReader(stdout.String()))
		for sc.Scan() {
			if _, after, ok := strings.Cut(sc.Text(), " at "); ok {
				base = strings.TrimSuffix(strings.Fields(after)[0], "/")
				return true
			}
		}
		return false
	})
	if !strings.Contains(stdout.String(), "serving "+PreviewDir(root)+" at ") {
		t.Errorf("serve does not serve %s: %s", PreviewDir(root), stdout.String())
	}

	pages := []string{
		"/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/",
		"/fujian/putian/xianyou/jiaowei/",
		"/sitemap.xml",
	}
	before := map[string]string{}
	for _, u := range pages {
		code, body := get(t, base+u)
		if code != 200 {
			t.Fatalf("%s: %d", u, code)
		}
		before[u] = body
	}
	if !strings.Contains(before[pages[0]], base+"/") {
		t.Fatalf("the preview's finding page does not cite serve's address %s", base)
	}

	// gongshi build, beside serve, into ROOT/public.
	var bout, berr syncBuffer
	var built []byte
	if err := buildcmd.Run(ctx, cli.IO{In: strings.NewReader(""), Out: &bout, Err: &berr}, []string{"--root", root}); err != nil {
		t.Fatalf("gongshi build: %v\n%s", err, berr.String())
	}
	built, err = os.ReadFile(filepath.Join(root, "public", filepath.FromSlash(pages[0]), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(built), "https://example.org/") {
		t.Fatal("the built page does not cite config.toml's baseURL: the test proves nothing")
	}

	// Time for serve to notice a change, were there one to notice.
	time.Sleep(5 * PollInterval)
	for _, u := range pages {
		if _, body := get(t, base+u); body != before[u] {
			t.Errorf("%s changed while gongshi build ran beside serve (example.org in it: %v)", u, strings.Contains(body, "example.org"))
		}
	}
	if strings.Count(stderr.String(), "built ") != 1 {
		t.Errorf("serve rebuilt because of gongshi build:\n%s", stderr.String())
	}

	// A change to the data: serve rebuilds its own folder, not public/.
	dataFile := filepath.Join(root, "data", filepath.FromSlash(seedRel))
	seed, err := os.ReadFile(dataFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dataFile, []byte(strings.Replace(string(seed), `title = "工程偷工减料"`, `title = "工程偷工减料（已更正）"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the rebuilt preview", func() bool {
		_, body := get(t, base+pages[0])
		return strings.Contains(body, "工程偷工减料（已更正）")
	})
	if now, err := os.ReadFile(filepath.Join(root, "public", filepath.FromSlash(pages[0]), "index.html")); err != nil || string(now) != string(built) {
		t.Errorf("serve's rebuild changed public/ (%v)", err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// usePreview points serve at its own folder and cache unless --out or
// --cache names one.
func TestUsePreview(t *testing.T) {
	root := filepath.Join("proj")
	for _, c := range []struct {
		args       []string
		out, cache string
	}{
		{nil, PreviewDir(root), PreviewCacheDir(root)},
		{[]string{"--out", "elsewhere"}, "elsewhere", ""},
		{[]string{"--cache", "c"}, PreviewDir(root), "c"},
		{[]string{"--out", "elsewhere", "--cache", "c"}, "elsewhere", "c"},
	} {
		var got *Options
		f := cmdutil.NewFactory(cli.IO{Out: io.Discard, Err: io.Discard}, nil)
		cmd := NewCmdServe(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(append([]string{"--root", root}, c.args...))
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		o := got.Site
		if o.Out != c.out || o.Cache != c.cache {
			t.Errorf("%v: out %q, cache %q; want %q, %q", c.args, o.Out, o.Cache, c.out, c.cache)
		}
	}
	if PreviewDir(root) != filepath.Join("proj", ".gongshi", "preview") {
		t.Errorf("PreviewDir = %s", PreviewDir(root))
	}
}
