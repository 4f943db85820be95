package review

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/store"
)

const bundled = "fujian/putian/xianyou/jiaowei/2024-12-02.toml"

// region is what the import form says of the uploads' region (the import
// use case offers to save only a notice whose region it knows).
const region = "福建省/莆田市"

// origin is where the tests' requests say they are served (as gongshi
// serve --addr 127.0.0.1:1313 would).
const origin = "http://127.0.0.1:1313"

var csrfField = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// csrf is the form token of the (first) form of page.
func csrf(t *testing.T, page string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form token in %.300s", page)
	}
	return m[1]
}

// multipartBody is an upload form with the file and the fields.
func multipartBody(name string, b []byte, fields map[string]string) (*bytes.Buffer, string) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(b)
	mw.Close()
	return &body, mw.FormDataContentType()
}

// importToken is the token of the index page's import form.
func importToken(t *testing.T, h http.Handler) string {
	t.Helper()
	_, page := get(t, h, "/review/")
	return csrf(t, page)
}

// postForm posts a url-encoded form from this origin.
func postForm(h http.Handler, path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", origin+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", origin)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// A request as the guard sees it: from which Host, Origin and Referer.
type guardCase struct {
	name             string
	method, path     string
	host             string // "" = 127.0.0.1:1313
	origin, referer  string
	form             url.Values // a url-encoded body
	upload           []byte     // a multipart body with this file (and form's fields)
	contentLength    int64      // a declared length, when not 0
	code             int
	want, never      string // in / never in the answer
	nothingImported  bool   // the pending imports stay empty
	nothingSaved     bool   // the data folder stays empty
	checkHeaderNames bool
}

func (c guardCase) request() *http.Request {
	var body io.Reader
	ctype := ""
	switch {
	case c.upload != nil:
		fields := map[string]string{"region": region}
		for k := range c.form {
			fields[k] = c.form.Get(k)
		}
		body, ctype = multipartBody("x.txt", c.upload, fields)
	case c.form != nil:
		body, ctype = strings.NewReader(c.form.Encode()), "application/x-www-form-urlencoded"
	}
	req := httptest.NewRequest(c.method, origin+c.path, body)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Host = "127.0.0.1:1313"
	if c.host != "" {
		req.Host = c.host
	}
	if c.origin != "" {
		req.Header.Set("Origin", c.origin)
	}
	if c.referer != "" {
		req.Header.Set("Referer", c.referer)
	}
	if c.contentLength != 0 {
		req.ContentLength = c.contentLength
	}
	return req
}

// TestGuard: the review pages answer only requests naming this server
// (a foreign Host, and a DNS-rebinding one — another name with the right
// port — get 421 for every path), and change nothing without a
// same-origin Origin (or Referer) and the page's token for that very form
// and its object; the unmasked text needs both too; an oversized upload
// gets 413 in Chinese; every answer carries the security headers.
func TestGuard(t *testing.T) {
	root, _ := filepath.Abs("../..")
	data := t.TempDir()
	h := New(root, data)
	h.Listening("127.0.0.1:1313", "127.0.0.1:1313")
	hr := New(root, filepath.Join(root, "data")) // the bundled data, read only
	hr.Listening("127.0.0.1:1313")

	seed, err := os.ReadFile(filepath.Join(root, seed))
	if err != nil {
		t.Fatal(err)
	}
	imp := h.guard.token("/review/import", "")
	// One import held, to save.
	page := upload(t, h, "x.txt", seed, "region", region)
	pending := tokenOf(t, page)
	saveTok := csrf(t, page)
	if n, _ := h.pending.size(); n != 1 {
		t.Fatalf("%d imports held, want 1", n)
	}
	unmaskTok := hr.guard.token("/review/file", bundled)
	save := url.Values{"token": {pending}, "csrf": {saveTok}}

	for _, c := range []guardCase{
		// Host.
		{name: "foreign host", method: "GET", path: "/review/", host: "evil.example:1313", code: 421, want: "拒绝"},
		{name: "dns rebinding, data file", method: "GET", path: "/review/file?path=" + bundled, host: "evil.example:1313", code: 421, never: "林"},
		{name: "dns rebinding, style sheet", method: "GET", path: "/review/review.css", host: "rebind.attacker.test:1313", code: 421},
		{name: "dns rebinding, POST with its own origin", method: "POST", path: "/review/import", host: "evil.example:1313",
			origin: "http://evil.example:1313", form: url.Values{"csrf": {imp}}, upload: seed, code: 421, nothingImported: true},
		{name: "loopback name on another port", method: "GET", path: "/review/", host: "127.0.0.1:9999", code: 421},
		{name: "no port", method: "GET", path: "/review/", host: "localhost", code: 421},
		{name: "127.0.0.1", method: "GET", path: "/review/", code: 200, checkHeaderNames: true},
		{name: "localhost", method: "GET", path: "/review/", host: "localhost:1313", code: 200},
		{name: "[::1]", method: "GET", path: "/review/", host: "[::1]:1313", code: 200},
		{name: "upper case", method: "GET", path: "/review/", host: "LOCALHOST:1313", code: 200},

		// Imports.
		{name: "cross-origin import", method: "POST", path: "/review/import", origin: "http://evil.example",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 403, want: "来源不符", nothingImported: true},
		{name: "import from another port", method: "POST", path: "/review/import", origin: "http://127.0.0.1:8080",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 403, nothingImported: true},
		{name: "import from a null origin", method: "POST", path: "/review/import", origin: "null",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 403, nothingImported: true},
		{name: "import without origin or referer", method: "POST", path: "/review/import",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 403, nothingImported: true},
		{name: "import from a cross-origin referer", method: "POST", path: "/review/import", referer: "http://evil.example/page",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 403, nothingImported: true},
		{name: "import without a token", method: "POST", path: "/review/import", origin: origin,
			upload: seed, code: 403, want: "校验码", nothingImported: true},
		{name: "import with a wrong token", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {strings.Repeat("ab", 32)}}, upload: seed, code: 403, nothingImported: true},
		{name: "import with the save form's token", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {saveTok}}, upload: seed, code: 403, nothingImported: true},
		{name: "import with another server's token", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {hr.guard.token("/review/import", "")}}, upload: seed, code: 403, nothingImported: true},
		{name: "import, 200 MB declared", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {imp}}, upload: seed, contentLength: 200 << 20, code: 413, want: "文件超过 8 MB 上限", nothingImported: true},
		{name: "import, 9 MB sent", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {imp}}, upload: bytes.Repeat([]byte("巡"), 3<<20), contentLength: -1, code: 413, want: "文件超过 8 MB 上限", nothingImported: true},
		{name: "import, 8.5 MB file", method: "POST", path: "/review/import", origin: origin,
			form: url.Values{"csrf": {imp}}, upload: bytes.Repeat([]byte("x"), MaxUpload+MaxUpload/16), code: 413, want: "文件超过 8 MB 上限", nothingImported: true},
		{name: "import from the page (referer)", method: "POST", path: "/review/import", referer: origin + "/review/",
			form: url.Values{"csrf": {imp}}, upload: seed, code: 200, want: "保存"},

		// Saves.
		{name: "cross-origin save", method: "POST", path: "/review/save", origin: "http://evil.example", form: save, code: 403, nothingSaved: true},
		{name: "save without a token", method: "POST", path: "/review/save", origin: origin, form: url.Values{"token": {pending}}, code: 403, nothingSaved: true},
		{name: "save with the import form's token", method: "POST", path: "/review/save", origin: origin,
			form: url.Values{"token": {pending}, "csrf": {imp}}, code: 403, nothingSaved: true},
		{name: "save by GET", method: "GET", path: "/review/save?" + save.Encode(), code: 404, nothingSaved: true},
		{name: "cross-origin PUT", method: "PUT", path: "/review/save", origin: "http://evil.example", form: save, code: 403, nothingSaved: true},
		{name: "PUT", method: "PUT", path: "/review/save", origin: origin, form: save, code: 404, nothingSaved: true},

		// The unmasked text.
		{name: "masked by default", method: "GET", path: "/review/file?path=" + bundled, code: 200, want: "西山村林某某", never: "林春锦"},
		{name: "unmask cross-origin", method: "POST", path: "/review/file", origin: "http://evil.example",
			form: url.Values{"path": {bundled}, "unmask": {"1"}, "csrf": {unmaskTok}}, code: 403, never: "林春锦"},
		{name: "unmask without a token", method: "POST", path: "/review/file", origin: origin,
			form: url.Values{"path": {bundled}, "unmask": {"1"}}, code: 403, never: "林春锦"},
		{name: "unmask with another file's token", method: "POST", path: "/review/file", origin: origin,
			form: url.Values{"path": {bundled}, "unmask": {"1"}, "csrf": {hr.guard.token("/review/file", "x.toml")}}, code: 403, never: "林春锦"},
		{name: "unmask by GET", method: "GET", path: "/review/file?unmask=1&csrf=" + unmaskTok + "&path=" + bundled, code: 200, never: "林春锦"},
		{name: "unmask", method: "POST", path: "/review/file", origin: origin,
			form: url.Values{"path": {bundled}, "unmask": {"1"}, "csrf": {unmaskTok}}, code: 200, want: "西山村林春锦"},
	} {
		t.Run(c.name, func(t *testing.T) {
			target := h
			if strings.HasPrefix(c.path, "/review/file") {
				target = hr
			}
			before, _ := h.pending.size()
			rec := httptest.NewRecorder()
			target.ServeHTTP(rec, c.request())
			body := rec.Body.String()
			if rec.Code != c.code || !strings.Contains(body, c.want) || c.never != "" && strings.Contains(body, c.never) {
				t.Errorf("%d %.200s; want %d with %q, without %q", rec.Code, body, c.code, c.want, c.never)
			}
			for k, want := range map[string]string{
				"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
			} {
				if !strings.Contains(rec.Header().Get(k), want) {
					t.Errorf("%s: %q, want %q", k, rec.Header().Get(k), want)
				}
			}
			if c.checkHeaderNames && strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src") {
				t.Error("the policy allows scripts")
			}
			if after, _ := h.pending.size(); c.nothingImported && after != before {
				t.Errorf("imports held: %d → %d", before, after)
			}
			if files, _ := store.Files(data); c.nothingSaved && len(files) != 0 {
				t.Errorf("saved %v", files)
			}
		})
	}
	// And the save from the page itself goes through.
	if rec := postForm(h, "/review/save", save); rec.Code != 200 || !strings.Contains(rec.Body.String(), "已保存") {
		t.Errorf("save: %d %s", rec.Code, rec.Body)
	}
}

var importTokenField = regexp.MustCompile(`name="token" value="([0-9a-f]+)"`)

func tokenOf(t *testing.T, page string) string {
	t.Helper()
	m := importTokenField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no save form in %.300s", page)
	}
	return m[1]
}

// TestConfined: a data file is read only inside the data folder and an
// original only inside the project, after symlinks: .., absolute paths,
// a linked file or folder that leaves them give 404 or no original.
func TestConfined(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	repo, _ := filepath.Abs("../..")
	toml, err := os.ReadFile(filepath.Join(repo, "data", bundled))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(repo, seed))
	if err != nil {
		t.Fatal(err)
	}
	write := func(p string, b []byte) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	data := filepath.Join(root, "data")
	write(filepath.Join(data, "in/a.toml"), toml)
	write(filepath.Join(root, seed), orig)
	write(filepath.Join(outside, "secret.toml"), toml)
	write(filepath.Join(outside, "dir/b.toml"), toml)
	link(filepath.Join(outside, "secret.toml"), filepath.Join(data, "out/leak.toml"))
	link(filepath.Join(outside, "dir"), filepath.Join(data, "linkdir"))
	link(filepath.Join(data, "in/a.toml"), filepath.Join(data, "in/alias.toml")) // a link that stays inside
	// A data file whose original is a link out of the project.
	write(filepath.Join(outside, "orig.txt"), orig)
	link(filepath.Join(outside, "orig.txt"), filepath.Join(root, "seeds/linked.txt"))
	write(filepath.Join(data, "in/linked-original.toml"), bytes.Replace(toml, []byte(seed), []byte("seeds/linked.txt"), 1))
	write(filepath.Join(root, "data.toml"), toml) // beside data/, not in it

	h := New(root, data)
	for _, c := range []struct {
		path  string
		code  int
		lines bool // the original is shown
	}{
		{"in/a.toml", 200, true},
		{"in/alias.toml", 200, true},
		{"out/leak.toml", 404, false},
		{"linkdir/b.toml", 404, false},
		{"../data.toml", 404, false},
		{"in/../../data.toml", 404, false},
		{"in/../in/a.toml", 200, true},
		{filepath.Join(outside, "secret.toml"), 404, false},
		{"in/linked-original.toml", 200, false},
	} {
		code, page := get(t, h, "/review/file?path="+url.QueryEscape(c.path))
		if code != c.code || strings.Contains(page, `<ol class="src">`) != c.lines {
			t.Errorf("%s: %d, original shown %v; want %d, %v", c.path, code, !c.lines, c.code, c.lines)
		}
	}
}

// TestPendingBounded: 1,000 imports through the page leave at most
// PendingMaxCount held, within PendingMaxBytes (and within a smaller byte
// cap when one is set); the oldest go first and the newest stays; an
// import older than PendingMaxAge is dropped, and saving a dropped import
// says why, in Chinese, with 410.
func TestPendingBounded(t *testing.T) {
	root, _ := filepath.Abs("../..")
	mini, err := os.ReadFile(filepath.Join(root, "internal/importer/testdata/mini_alt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	one := func(h *Handler, tok string) string {
		body, ctype := multipartBody("mini.txt", mini, map[string]string{"csrf": tok, "region": region})
		req := httptest.NewRequest("POST", origin+"/review/import", body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("Origin", origin)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `name="token"`) {
			t.Fatalf("import: %d %.300s", rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	// The size of one import, for a byte cap of ten.
	probe := New(root, t.TempDir())
	one(probe, importToken(t, probe))
	_, size := probe.pending.size()
	if size < int64(len(mini)) {
		t.Fatalf("one import counted %d bytes, less than its text (%d)", size, len(mini))
	}

	// 1,000 imports through the page (-short: 120): the count cap binds.
	t.Run("count cap", func(t *testing.T) {
		imports := 1000
		if testing.Short() {
			imports = 120
		}
		h := New(root, t.TempDir())
		tok := importToken(t, h)
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap := ms.HeapAlloc
		var first, last string
		var size int64 // of one import here
		for i := 0; i < imports; i++ {
			page := one(h, tok)
			if i == 0 {
				first = page
				_, size = h.pending.size()
			}
			last = page
		}
		n, b := h.pending.size()
		if n != PendingMaxCount || b > PendingMaxCount*size {
			t.Errorf("after %d imports: %d held, %d bytes; want %d, at most %d", imports, n, b, PendingMaxCount, PendingMaxCount*size)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if grown := int64(ms.HeapAlloc) - int64(heap); grown > 4*PendingMaxCount*size+8<<20 {
			t.Errorf("the heap grew by %d bytes over %d imports (%d held, %d bytes counted)", grown, imports, n, b)
		}
		// The newest can be saved; the first was dropped, and saving it says so.
		if rec := postForm(h, "/review/save", url.Values{"token": {tokenOf(t, first)}, "csrf": {csrf(t, first)}}); rec.Code != http.StatusGone || !strings.Contains(rec.Body.String(), "已被清除") {
			t.Errorf("saving the first: %d %s", rec.Code, rec.Body)
		}
		if rec := postForm(h, "/review/save", url.Values{"token": {tokenOf(t, last)}, "csrf": {csrf(t, last)}}); rec.Code != 200 || !strings.Contains(rec.Body.String(), "已保存") {
			t.Errorf("saving the newest: %d %s", rec.Code, rec.Body)
		}
	})

	// The byte cap, on the store: 1,000 results of one import each, under
	// caps where bytes bind first; the newest is kept even over the cap.
	req, _ := probe.pending.get(probe.pending.order[0])
	for _, c := range []struct {
		name      string
		maxBytes  int64
		wantCount int
	}{
		{"byte cap of ten", 10 * size, 10},
		{"byte cap of two and a half", 5 * size / 2, 2},
		{"byte cap below one", size / 2, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newPendingImports()
			p.maxBytes = c.maxBytes
			for i := 0; i < 1000; i++ {
				p.put(fmt.Sprint(i), req)
			}
			n, b := p.size()
			if n != c.wantCount || n > 1 && b > c.maxBytes {
				t.Errorf("%d held, %d bytes; want %d within %d", n, b, c.wantCount, c.maxBytes)
			}
			if _, ok := p.get("999"); !ok {
				t.Error("the newest was dropped")
			}
			if why, ok := p.why("0"); !ok || !strings.Contains(why, "已被清除") {
				t.Errorf("the oldest: %q %v", why, ok)
			}
		})
	}

	t.Run("expiry", func(t *testing.T) {
		h := New(root, t.TempDir())
		now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		h.pending.now = func() time.Time { return now }
		tok := importToken(t, h)
		old := one(h, tok)
		now = now.Add(20 * time.Minute)
		fresh := one(h, tok)
		now = now.Add(PendingMaxAge - 10*time.Minute) // the first is 30 min old, the second 10
		if rec := postForm(h, "/review/save", url.Values{"token": {tokenOf(t, old)}, "csrf": {csrf(t, old)}}); rec.Code != http.StatusGone || !strings.Contains(rec.Body.String(), "已过期") {
			t.Errorf("saving an expired import: %d %s", rec.Code, rec.Body)
		}
		if n, _ := h.pending.size(); n != 1 {
			t.Errorf("%d held, want 1", n)
		}
		if rec := postForm(h, "/review/save", url.Values{"token": {tokenOf(t, fresh)}, "csrf": {csrf(t, fresh)}}); rec.Code != 200 {
			t.Errorf("saving a fresh import: %d %s", rec.Code, rec.Body)
		}
		// Saved: not "expired", just nothing to save.
		if rec := postForm(h, "/review/save", url.Values{"token": {tokenOf(t, fresh)}, "csrf": {csrf(t, fresh)}}); rec.Code != 404 {
			t.Errorf("saving it again: %d %s", rec.Code, rec.Body)
		}
	})
}
