package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A stack dump as runtime.Stack wrote it in TestHugoHangEnds with the watch
// off (Hugo v0.165.0 hung on a missing partial), trimmed to the two
// goroutines that matter and the frames that matter in them.
const hungDump = `goroutine 1 [running]:
main.main()
	/src/main.go:10 +0x1d

goroutine 342 [chan send, 3 minutes]:
github.com/gohugoio/hugo/hugolib.(*Site).renderPages.func1({0x1d498313d500?, 0xb?}, {0x295dcc8?, 0x1d498306a620?})
	/root/go/pkg/mod/github.com/gohugoio/hugo@v0.165.0/hugolib/site_render.go:98 +0xa9
github.com/gohugoio/hugo/hugolib.(*Site).renderPages(0x1d49841e4600, 0x1d498600aac0)
	/root/go/pkg/mod/github.com/gohugoio/hugo@v0.165.0/hugolib/site_render.go:106 +0x2db
created by golang.org/x/sync/errgroup.(*Group).Go in goroutine 340
	/root/go/pkg/mod/golang.org/x/sync@v0.25.0/errgroup/errgroup.go:78 +0x95

goroutine 361 [chan send, 3 minutes]:
github.com/gohugoio/hugo/hugolib.(*Site).errorCollator.func1()
	/root/go/pkg/mod/github.com/gohugoio/hugo@v0.165.0/hugolib/site.go:1587 +0x4c
github.com/gohugoio/hugo/hugolib.(*Site).errorCollator(0x1d49841e4600, 0x1d4985fb5340, 0x1d49862eef98?)
	/root/go/pkg/mod/github.com/gohugoio/hugo@v0.165.0/hugolib/site.go:1598 +0x170
created by github.com/gohugoio/hugo/hugolib.(*Site).renderPages in goroutine 342
	/root/go/pkg/mod/github.com/gohugoio/hugo@v0.165.0/hugolib/site_render.go:78 +0xd9
`

func TestBlockedCollator(t *testing.T) {
	receiving := strings.Replace(hungDump, "goroutine 361 [chan send, 3 minutes]:", "goroutine 361 [chan receive]:", 1)
	for _, tc := range []struct {
		name, dump, want string
	}{
		{"hung", hungDump, "goroutine 361"},
		{"just blocked", strings.Replace(hungDump, "[chan send, 3 minutes]:\ngithub.com/gohugoio/hugo/hugolib.(*Site).errorCollator", "[chan send]:\ngithub.com/gohugoio/hugo/hugolib.(*Site).errorCollator", 1), "goroutine 361"},
		{"collating", receiving, ""},
		{"no Hugo", "goroutine 1 [running]:\nmain.main()\n", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := blockedCollator([]byte(tc.dump)); got != tc.want {
				t.Errorf("blockedCollator = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestHugoWatchWait: the wait returns Hugo's own result however long it
// takes, and gives up only on the same collator blocked for the stall.
func TestHugoWatchWait(t *testing.T) {
	other := strings.ReplaceAll(hungDump, "goroutine 361 ", "goroutine 9999 ")
	for _, tc := range []struct {
		name     string
		dumps    []string // one a poll, the last repeated
		result   error    // what Hugo returns …
		after    time.Duration
		wantHung bool
	}{
		{"Hugo finishes", []string{"goroutine 1 [running]:\n"}, nil, 300 * time.Millisecond, false},
		{"Hugo fails", []string{"goroutine 1 [running]:\n"}, errors.New("render failed"), 300 * time.Millisecond, false},
		{"blocked briefly, then finishes", []string{hungDump, hungDump, "goroutine 1 [running]:\n"}, nil, 600 * time.Millisecond, false},
		{"a new collator each poll", []string{hungDump, other, hungDump, other, hungDump, other, hungDump, other, hungDump, other}, nil, 600 * time.Millisecond, false},
		{"hung", []string{hungDump}, nil, time.Hour, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var polls atomic.Int64
			w := hugoWatch{poll: 50 * time.Millisecond, stall: 250 * time.Millisecond, stacks: func() []byte {
				i := int(polls.Add(1)) - 1
				return []byte(tc.dumps[min(i, len(tc.dumps)-1)])
			}}
			done := make(chan error, 1)
			timer := time.AfterFunc(tc.after, func() { done <- tc.result })
			defer timer.Stop()
			hung, err := w.wait(done)
			if hung != tc.wantHung || err != tc.result && !tc.wantHung {
				t.Errorf("wait = %v, %v; want hung %v, err %v", hung, err, tc.wantHung, tc.result)
			}
		})
	}
}

// TestHugoHangEnds builds a small Hugo site whose one template calls a
// missing partial on each of its 40 pages, many times: Hugo v0.165.0 hangs
// in some of these runs (its error collator stops reading at ten errors);
// the watch must end each of them with the hang's error.
func TestHugoHangEnds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Hugo site 40 times")
	}
	root := t.TempDir()
	files := map[string]string{
		"config.toml":            "title = \"示例县\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n",
		"layouts/single.html":    "{{ partial \"missing.html\" . }}\n",
		"layouts/list.html":      "{{ partial \"missing.html\" . }}\n",
		"layouts/home.html":      "home\n",
		"content/_index.md":      "---\ntitle: 示例县\n---\n",
		"content/zhen/_index.md": "---\ntitle: 样本镇\n---\n",
	}
	for i := range 40 {
		files[fmt.Sprintf("content/zhen/cun%02d.md", i)] = fmt.Sprintf("---\ntitle: 样本村%02d\n---\n", i)
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := defaultHugoWatch
	defer func() { defaultHugoWatch = saved }()
	defaultHugoWatch.poll, defaultHugoWatch.stall = 100*time.Millisecond, 2*time.Second
	hangs := 0
	for i := range 40 {
		work := t.TempDir()
		done := make(chan error, 1)
		go func() { done <- runHugo(root, work, filepath.Join(work, "data"), filepath.Join(work, "public"), "/") }()
		select {
		case err := <-done:
			switch {
			case err == nil:
				t.Fatalf("run %d: a site whose templates fail was built", i)
			case strings.Contains(err.Error(), "stopped without finishing"):
				hangs++
			case !strings.Contains(err.Error(), "missing.html"):
				t.Fatalf("run %d: %v", i, err)
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("run %d: Hugo hung and the build did not end", i)
		}
	}
	t.Logf("%d of 40 runs hung and were ended", hangs)
}
