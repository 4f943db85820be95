package servecmd

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/site"
)

// TestServeSite: files of the site folder only, folders by their
// index.html, no listings, nothing outside.
func TestServeSite(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	for name, body := range map[string]string{
		"index.html":          "home",
		"404.html":            "not here",
		"a/index.html":        "page a",
		"a/data.csv":          "x,y",
		"b/only.txt":          "b",
		"../secret.txt":       "secret",
		"../public2/leak.txt": "leak",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	for _, c := range []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "/", 200, "home"},
		{"GET", "/a/", 200, "page a"},
		{"GET", "/a", 301, ""},
		{"GET", "/a/data.csv", 200, "x,y"},
		{"HEAD", "/a/", 200, ""},
		{"GET", "/b/", 404, "not here"},          // no listing
		{"GET", "/nope/", 404, "not here"},       // the site's 404 page
		{"GET", "/../secret.txt", 404, ""},       // cleaned to /secret.txt
		{"GET", "/a/../../secret.txt", 404, ""},  // cleaned to /secret.txt
		{"GET", "/%2e%2e/secret.txt", 404, ""},   // decoded, then cleaned
		{"GET", "/..%2fsecret.txt", 404, ""},     // one name "../secret.txt", cleaned
		{"GET", "/../public2/leak.txt", 404, ""}, // a sibling folder
		{"POST", "/", 405, ""},
	} {
		req := httptest.NewRequest(c.method, "http://x"+"/", nil)
		req.URL.Path = c.path
		if u, err := req.URL.Parse("http://x" + c.path); err == nil {
			req.URL = u
		}
		w := httptest.NewRecorder()
		(&server{opts: site.Options{Out: dir}}).ServeHTTP(w, req)
		if w.Code != c.code || c.body != "" && !strings.Contains(w.Body.String(), c.body) || strings.Contains(w.Body.String(), "secret") || strings.Contains(w.Body.String(), "leak") {
			t.Errorf("%s %s: %d %q, want %d %q", c.method, c.path, w.Code, w.Body.String(), c.code, c.body)
		}
	}
}

// syncBuffer is an io.Writer the test reads while serve writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls until cond holds (a rebuild takes a poll and a build).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe builds and serves a copy of the bundled data, answers the
// search API, rebuilds when a data file changes, keeps serving the last
// good site when a rebuild fails, and stops on cancel.
func TestServe(t *testing.T) {
	root, _ := filepath.Abs("../../..")
	data := t.TempDir()
	seedRel := "fujian/putian/xianyou/jiaowei/2024-12-02.toml"
	seed, err := os.ReadFile(filepath.Join(root, "data", seedRel))
	if err != nil {
		t.Fatal(err)
	}
	dataFile := filepath.Join(data, seedRel)
	os.MkdirAll(filepath.Dir(dataFile), 0o755)
	os.WriteFile(dataFile, seed, 0o644)
	PollInterval = 100 * time.Millisecond
	t.Setenv("SOURCE_DATE_EPOCH", "1736611200")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, cli.IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr},
			[]string{"--addr", "127.0.0.1:0", "--root", root, "--data", data, "--out", filepath.Join(t.TempDir(), "public")})
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

	const town = "/fujian/putian/xianyou/jiaowei/"
	if code, body := get(t, base+town); code != 200 || !strings.Contains(body, "<h1>郊尾镇</h1>") {
		t.Fatalf("township page: %d", code)
	}
	code, body := get(t, base+"/api/search?q=偷工减料")
	var res struct {
		Hits []struct {
			URL string `json:"url"`
		} `json:"hits"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &res) != nil || len(res.Hits) == 0 || !strings.HasSuffix(res.Hits[0].URL, "/findings/2023-07-03/30/") {
		t.Errorf("search API: %d %.300s", code, body)
	}
	if code, _ := get(t, base+"/api/search?q="); code != 400 {
		t.Errorf("search API without a query: %d, want 400", code)
	}

	// A change to the data is rebuilt and served.
	os.WriteFile(dataFile, []byte(strings.Replace(string(seed), `title = "工程偷工减料"`, `title = "工程偷工减料（已更正）"`, 1)), 0o644)
	changed := time.Now()
	waitFor(t, "the rebuilt page", func() bool {
		_, body := get(t, base+town+"findings/2023-07-03/30/")
		return strings.Contains(body, "工程偷工减料（已更正）")
	})
	t.Logf("a data change was on the page in %s\n%s", time.Since(changed).Round(time.Millisecond), stderr.String())
	waitFor(t, "the rebuild's summary", func() bool { return strings.Count(stderr.String(), "built ") >= 2 })
	if !strings.Contains(stderr.String(), "(incremental") {
		t.Errorf("the rebuild was not incremental: %s", stderr.String())
	}

	// A broken data file: the errors are printed, the last good site stays.
	os.WriteFile(dataFile, []byte(strings.Replace(string(seed), `status = "in_progress"`, `status = "halfway"`, 1)), 0o644)
	waitFor(t, "the failed rebuild", func() bool { return strings.Contains(stderr.String(), "rebuild failed") })
	if !strings.Contains(stderr.String(), "2024-12-02.toml:") {
		t.Errorf("the data problem is not printed: %s", stderr.String())
	}
	if _, body := get(t, base+town+"findings/2023-07-03/30/"); !strings.Contains(body, "工程偷工减料（已更正）") {
		t.Error("the last good site is no longer served")
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

// TestServeCompresses: text goes gzipped to a client that takes it, with
// cache headers and an ETag that answers 304; small or binary files and
// clients without gzip get the bytes as they are.
func TestServeCompresses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	page := strings.Repeat("<p>巡察整改</p>\n", 200)
	os.MkdirAll(filepath.Join(dir, "a"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "index.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "small.css"), []byte("p{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "x.png"), []byte(strings.Repeat("x", 2000)), 0o644)
	s := &server{opts: site.Options{Out: dir}}
	do := func(path, enc, inm string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "http://x"+path, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		return w
	}
	w := do("/a/", "gzip, deflate, br", "")
	if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" || w.Header().Get("Cache-Control") != "no-cache" ||
		!strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || w.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("gzip page: %d %v", w.Code, w.Header())
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); string(b) != page {
		t.Error("the gzipped page is not the page")
	}
	if w.Body.Len() > len(page)/5 {
		t.Errorf("gzipped %d bytes of %d", w.Body.Len(), len(page))
	}
	if w2 := do("/a/", "gzip", w.Header().Get("ETag")); w2.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the ETag: %d, want 304", w2.Code)
	}
	if w2 := do("/a/", "", ""); w2.Header().Get("Content-Encoding") != "" || w2.Body.String() != page || w2.Header().Get("ETag") == w.Header().Get("ETag") {
		t.Errorf("without gzip: %v", w2.Header())
	}
	if w2 := do("/a/", "gzip;q=0", ""); w2.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 got gzip")
	}
	for _, p := range []string{"/small.css", "/x.png"} {
		if w2 := do(p, "gzip", ""); w2.Code != 200 || w2.Header().Get("Content-Encoding") != "" || w2.Header().Get("Cache-Control") != "no-cache" {
			t.Errorf("%s: %d %v", p, w2.Code, w2.Header())
		}
	}
}
