package servecmd

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
)

// serve --open opens the site's address in the browser once it serves
// (an editor who double-clicked gongshi.exe sees the site); without it,
// nothing is opened.
func TestServeOpens(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	seedRel := "fujian/putian/xianyou/jiaowei/2024-12-02.toml"
	seed, err := os.ReadFile(filepath.Join(root, "data", seedRel))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1736611200")
	var mu sync.Mutex
	var opened []string
	was := openBrowser
	openBrowser = func(url string) error {
		mu.Lock()
		defer mu.Unlock()
		opened = append(opened, url)
		return nil
	}
	defer func() { openBrowser = was }()
	for _, c := range []struct {
		flags []string
		open  bool
	}{{[]string{"--open"}, true}, {nil, false}} {
		data := t.TempDir()
		os.MkdirAll(filepath.Join(data, filepath.Dir(seedRel)), 0o755)
		os.WriteFile(filepath.Join(data, seedRel), seed, 0o644)
		mu.Lock()
		opened = nil
		mu.Unlock()
		ctx, cancel := context.WithCancel(context.Background())
		var stdout, stderr syncBuffer
		done := make(chan error, 1)
		go func() {
			done <- Run(ctx, cli.IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr},
				append([]string{"--addr", "127.0.0.1:0", "--root", root, "--data", data, "--out", filepath.Join(t.TempDir(), "public")}, c.flags...))
		}()
		waitFor(t, "the review line", func() bool { return strings.Contains(stdout.String(), "/review/") })
		time.Sleep(50 * time.Millisecond)
		cancel()
		<-done
		mu.Lock()
		got := opened
		mu.Unlock()
		if c.open && (len(got) != 1 || !strings.HasPrefix(got[0], "http://127.0.0.1:") || !strings.HasSuffix(got[0], "/")) {
			t.Errorf("%v: opened %q, want the site's address once", c.flags, got)
		}
		if !c.open && len(got) != 0 {
			t.Errorf("%v: opened %q, want nothing", c.flags, got)
		}
	}
}
