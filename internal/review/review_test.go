package review

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/store"
)

const seed = "seeds/000_e336554de99f7c35.txt"

// origin is where the tests' requests say they are served (as gongshi
// serve --addr 127.0.0.1:1313 would).
const origin = "http://127.0.0.1:1313"

func get(t *testing.T, h http.Handler, u string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", origin+u, nil))
	return rec.Code, rec.Body.String()
}

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

func upload(t *testing.T, h http.Handler, name string, b []byte) string {
	t.Helper()
	body, ctype := multipartBody(name, b, map[string]string{"csrf": importToken(t, h)})
	req := httptest.NewRequest("POST", origin+"/review/import", body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Origin", origin)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("import: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
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

var unplacedCount = regexp.MustCompile(`id="unplaced-count">(\d+)<`)

// The bundled notice reviews with every line placed; a re-typeset variant
// (a line of stray text inside the findings) shows that line as unplaced;
// nothing is written until saved, and a save does not overwrite.
func TestReview(t *testing.T) {
	root, _ := filepath.Abs("../..")
	h := New(root, filepath.Join(root, "data"))
	code, page := get(t, h, "/review/")
	if code != 200 || !strings.Contains(page, "fujian/putian/xianyou/jiaowei/2024-12-02.toml") {
		t.Fatalf("index: %d %s", code, page)
	}
	code, page = get(t, h, "/review/file?path=fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	if m := unplacedCount.FindStringSubmatch(page); code != 200 || m == nil || m[1] != "0" {
		t.Fatalf("bundled notice: %d, unplaced %v", code, m)
	}
	for _, want := range []string{`class="finding"`, `class="status"`, `class="heading"`, `class="chrome"`, "没有问题", "西山村林某某"} {
		if !strings.Contains(page, want) {
			t.Errorf("the bundled notice's review lacks %s", want)
		}
	}
	for _, bad := range []string{"/review/file?path=../../go.mod", "/review/file?path=/etc/passwd", "/review/nothing"} {
		if code, _ := get(t, h, bad); code != 404 {
			t.Errorf("%s: %d", bad, code)
		}
	}

	// The re-typeset variant, imported into an empty data folder.
	data := t.TempDir()
	h = New(root, data)
	src, err := os.ReadFile(filepath.Join(root, seed))
	if err != nil {
		t.Fatal(err)
	}
	stray := "排版残留：本行为转载时插入的无关文字 a<b"
	variant := strings.Replace(string(src), "\n附件:", "\n"+stray+"\n附件:", 1) // after the signature
	if variant == string(src) {
		t.Fatal("no 附件: in the seed")
	}
	page = upload(t, h, "<i>x</i>.txt", []byte(variant))
	if m := unplacedCount.FindStringSubmatch(page); m == nil || m[1] == "0" {
		t.Fatalf("variant: unplaced %v", m)
	}
	if !regexp.MustCompile(`<li class="unplaced"[^>]*>.*?排版残留：本行为转载时插入的无关文字 a&lt;b`).MatchString(page) {
		t.Errorf("the stray line is not marked unplaced (or not escaped)")
	}
	if strings.Contains(page, "<i>x</i>") || strings.Contains(page, "a<b") {
		t.Error("unescaped text in the page")
	}
	if files, _ := store.Files(data); len(files) != 0 {
		t.Fatalf("import wrote %v before the save", files)
	}
	tok := regexp.MustCompile(`name="token" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if tok == nil {
		t.Fatal("no save form")
	}
	save := func() string {
		return postForm(h, "/review/save", url.Values{"token": {tok[1]}, "csrf": {csrf(t, page)}}).Body.String()
	}
	if out := save(); !strings.Contains(out, "已保存") {
		t.Fatalf("save: %s", out)
	}
	if files, _ := store.Files(data); len(files) != 1 {
		t.Fatalf("saved %v", files)
	}
	if out := save(); !strings.Contains(out, "没有待保存") {
		t.Errorf("second save: %s", out)
	}
}
