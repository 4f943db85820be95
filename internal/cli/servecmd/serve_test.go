package servecmd

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
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

	// The review pages answer only requests naming serve's own address (a
	// DNS-rebinding page's name with the right port gets 421); the preview
	// site and the API, which publish only what the site publishes, answer
	// any Host.
	port := base[strings.LastIndex(base, ":")+1:]
	for _, c := range []struct {
		host, path string
		code       int
	}{
		{"127.0.0.1:" + port, "/review/", 200},
		{"localhost:" + port, "/review/", 200},
		{"evil.example:" + port, "/review/", 421},
		{"evil.example:" + port, "/review/file?path=" + seedRel, 421},
		{"127.0.0.1:1", "/review/", 421},
		{"evil.example:" + port, town, 200},
		{"evil.example:" + port, "/api/search?q=%E5%81%B7%E5%B7%A5", 200},
	} {
		req, _ := http.NewRequest("GET", base+c.path, nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("Host %s, %s: %d, want %d", c.host, c.path, resp.StatusCode, c.code)
		}
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

// TestServeGzipOnce: with the cache (as serve runs), a file is compressed
// once per version: a second request, a HEAD, a 304 and a client without
// gzip compress nothing again, 20 requests at once compress once, a file
// a build replaced is compressed afresh; the gzip bytes are the file's.
// Beyond its bytes the cache drops the least recently used file.
func TestServeGzipOnce(t *testing.T) {
	dir := t.TempDir()
	// replace writes a new file over name, as a build does (a new inode).
	replace := func(name, body string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p+".tmp", []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p+".tmp", p); err != nil {
			t.Fatal(err)
		}
	}
	pageA := strings.Repeat("<p>巡察整改</p>\n", 300)
	pageA2 := strings.Repeat("<p>整改完成</p>\n", 300)
	pageB := strings.Repeat("b,样本镇0001\n", 300)
	replace("a/index.html", pageA)
	replace("b.csv", pageB)

	var mu sync.Mutex
	count := map[string]int{}
	gz := newGzipCache(1<<20, 1<<20)
	gz.compressed = func(name string) { mu.Lock(); count[name]++; mu.Unlock() }
	s := &server{opts: site.Options{Out: dir}, gz: gz}
	do := func(method, path, enc, inm string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, "http://127.0.0.1:1313"+path, nil)
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
	var etagA, oldTag string // the last ETag of /a/ with gzip, and the one before a build
	for _, c := range []struct {
		name         string
		before       func()
		method, path string
		enc          string
		ifNoneMatch  *string // send this ETag
		code         int
		gzipped      bool
		body         string // the file, after gunzip when gzipped ("" for no body)
		compressions map[string]int
	}{
		{name: "first", method: "GET", path: "/a/", enc: "gzip", code: 200, gzipped: true, body: pageA, compressions: map[string]int{"a/index.html": 1}},
		{name: "second", method: "GET", path: "/a/", enc: "gzip, deflate, br", code: 200, gzipped: true, body: pageA, compressions: map[string]int{"a/index.html": 1}},
		{name: "HEAD", method: "HEAD", path: "/a/", enc: "gzip", code: 200, gzipped: true, compressions: map[string]int{"a/index.html": 1}},
		{name: "304", method: "GET", path: "/a/", enc: "gzip", ifNoneMatch: &etagA, code: 304, compressions: map[string]int{"a/index.html": 1}},
		{name: "without gzip", method: "GET", path: "/a/", code: 200, body: pageA, compressions: map[string]int{"a/index.html": 1}},
		{name: "another file", method: "GET", path: "/b.csv", enc: "gzip", code: 200, gzipped: true, body: pageB, compressions: map[string]int{"a/index.html": 1, "b.csv": 1}},
		{name: "replaced by a build", before: func() { oldTag = etagA; replace("a/index.html", pageA2) }, method: "GET", path: "/a/", enc: "gzip", code: 200, gzipped: true, body: pageA2,
			compressions: map[string]int{"a/index.html": 2, "b.csv": 1}},
		{name: "the old ETag", method: "GET", path: "/a/", enc: "gzip", ifNoneMatch: &oldTag, code: 200, gzipped: true, body: pageA2, compressions: map[string]int{"a/index.html": 2, "b.csv": 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.before != nil {
				c.before()
			}
			inm := ""
			if c.ifNoneMatch != nil {
				inm = *c.ifNoneMatch
			}
			w := do(c.method, c.path, c.enc, inm)
			if c.path == "/a/" && w.Code == 200 && c.gzipped {
				etagA = w.Header().Get("ETag")
			}
			if w.Code != c.code || (w.Header().Get("Content-Encoding") == "gzip") != (c.gzipped && c.code == 200) {
				t.Fatalf("%d %v", w.Code, w.Header())
			}
			if c.body != "" {
				raw := w.Body.Bytes()
				b := raw
				if c.gzipped {
					if cl := w.Header().Get("Content-Length"); cl != fmt.Sprint(len(raw)) {
						t.Errorf("Content-Length %s of %d bytes", cl, len(raw))
					}
					zr, err := gzip.NewReader(bytes.NewReader(raw))
					if err != nil {
						t.Fatal(err)
					}
					if b, err = io.ReadAll(zr); err != nil {
						t.Fatal(err)
					}
				}
				if string(b) != c.body {
					t.Errorf("the answer is not the file (%d bytes, want %d)", len(b), len(c.body))
				}
			}
			mu.Lock()
			defer mu.Unlock()
			if !maps.Equal(count, c.compressions) {
				t.Errorf("compressions %v, want %v", count, c.compressions)
			}
		})
	}

	// 20 requests at once for a new file: one compression.
	replace("c.json", strings.Repeat(`{"样本镇":"0001"}`, 200))
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if w := do("GET", "/c.json", "gzip", ""); w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" {
				t.Errorf("c.json: %d %v", w.Code, w.Header())
			}
		}()
	}
	wg.Wait()
	if count["c.json"] != 1 {
		t.Errorf("20 requests at once compressed c.json %d times", count["c.json"])
	}

	// A cache that holds about one file: the least recently used goes.
	small := newGzipCache(int64(do("GET", "/a/", "gzip", "").Body.Len())+10, 1<<20)
	n := 0
	small.compressed = func(string) { n++ }
	s.gz = small
	for _, p := range []string{"/a/", "/a/", "/b.csv", "/a/"} {
		do("GET", p, "gzip", "")
	}
	if n != 3 || small.bytes > small.maxBytes {
		t.Errorf("a one-file cache: %d compressions (want 3), %d bytes held of %d", n, small.bytes, small.maxBytes)
	}
}
