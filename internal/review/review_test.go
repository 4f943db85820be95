package review

import (
	"archive/zip"
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

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

const seed = "seeds/000_e336554de99f7c35.txt"

func get(t *testing.T, h http.Handler, u string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", origin+u, nil))
	return rec.Code, rec.Body.String()
}

func upload(t *testing.T, h http.Handler, name string, b []byte, fields ...string) string {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(b)
	for i := 0; i+1 < len(fields); i += 2 {
		mw.WriteField(fields[i], fields[i+1])
	}
	mw.WriteField("csrf", importToken(t, h))
	mw.Close()
	req := httptest.NewRequest("POST", origin+"/review/import", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", origin)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("import: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
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
	page = upload(t, h, "<i>x</i>.txt", []byte(variant), "region", "福建省/莆田市")
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

// postSave saves the import tok as the page's save form would.
func postSave(h *Handler, tok string) string {
	return postForm(h, "/review/save", url.Values{"token": {tok}, "csrf": {h.guard.token("/review/save", tok)}}).Body.String()
}

var saveForm = regexp.MustCompile(`action="/review/save" id="save"><input type="hidden" name="token" value="([0-9a-f]+)"`)

// An upload the import use case would not write (no region; no title) is
// shown with why, in Chinese, and without a save form; a save of such an
// import (its token made by hand: the page never offers one) writes
// nothing and says why, in Chinese. The same upload with what it lacks
// given is offered and saved, and check accepts the file.
func TestSaveRefusesWhatCheckRefuses(t *testing.T) {
	root, _ := filepath.Abs("../..")
	src, err := os.ReadFile(filepath.Join(root, seed))
	if err != nil {
		t.Fatal(err)
	}
	title := "中共郊尾镇委员会关于巡察整改进展情况的通报"
	untitled := strings.Replace(string(src), title+"\n", "", 1)
	if untitled == string(src) {
		t.Fatal("the seed's title line not found")
	}
	for _, c := range []struct {
		name   string
		text   string
		fields []string
		want   []string // in the page and in the refused save
	}{
		{"no region", string(src), nil, []string{"不能保存", "不知道所属的省、市"}},
		{"no title", untitled, []string{"region", "福建省/莆田市"}, []string{"不能保存", "title 为空", "没有找到标题"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := t.TempDir()
			h := New(root, data)
			page := upload(t, h, "n.txt", []byte(c.text), c.fields...)
			for _, w := range c.want {
				if !strings.Contains(page, w) {
					t.Errorf("the page lacks %q", w)
				}
			}
			if saveForm.MatchString(page) {
				t.Errorf("the page offers to save a notice check would refuse")
			}
			// A save of it all the same (a form kept from before, a script).
			form := url.Values{}
			for i := 0; i+1 < len(c.fields); i += 2 {
				form.Set(c.fields[i], c.fields[i+1])
			}
			r := httptest.NewRequest("POST", "/review/import", strings.NewReader(form.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req, err := h.request("n.txt", []byte(c.text), r)
			if err != nil {
				t.Fatal(err)
			}
			h.pending.put("feed", req)
			out := postSave(h, "feed")
			if !strings.Contains(out, "没有保存") {
				t.Errorf("save: %s", out)
			}
			for _, w := range c.want[1:] {
				if !strings.Contains(out, w) {
					t.Errorf("the refused save lacks %q", w)
				}
			}
			if files, _ := store.Files(data); len(files) != 0 {
				t.Errorf("the refused save wrote %v", files)
			}
		})
	}

	// Given what it lacks, the untitled notice is offered and saved.
	data := t.TempDir()
	h := New(root, data)
	page := upload(t, h, "n.txt", []byte(untitled), "region", "福建省/莆田市", "title", title)
	tok := saveForm.FindStringSubmatch(page)
	if tok == nil {
		t.Fatalf("no save form for the titled upload")
	}
	if out := postSave(h, tok[1]); !strings.Contains(out, "已保存") {
		t.Fatalf("save: %s", out)
	}
	if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
		t.Errorf("check refuses what the review page saved: %v %v", err, probs)
	}
}

// The review of a data file shows check's problems in Chinese, as the
// upload does.
func TestProblemsInChinese(t *testing.T) {
	root, _ := filepath.Abs("../..")
	data := t.TempDir()
	src, err := os.ReadFile(filepath.Join(root, "data/fujian/putian/xianyou/jiaowei/2024-12-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "status = \"done\"", "status = \"finished\"", 1)
	if bad == string(src) {
		t.Fatal("no status to spoil")
	}
	p := filepath.Join(data, "fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	os.MkdirAll(filepath.Dir(p), 0o755)
	os.WriteFile(p, []byte(bad), 0o644)
	_, page := get(t, New(root, data), "/review/file?path=fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	if !strings.Contains(page, "findings[1].status &#34;finished&#34; 不是以下之一") || strings.Contains(page, "is not one of") {
		t.Errorf("the problem is not in Chinese:\n%s", regexp.MustCompile(`(?s)<ul class="problems">.*?</ul>`).FindString(page))
	}
}

// An upload the importer refuses is refused on the page with the message
// the CLI prints, in Chinese: a .docx that inflates far past its size (a
// zip bomb of about 10 KB).
func TestUploadRefusalsInChinese(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte("<w:p/>"), 2<<20))
	zw.Close()
	if bomb.Len() > 64<<10 {
		t.Fatalf("the bomb is %d bytes", bomb.Len())
	}
	root, _ := filepath.Abs("../..")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"bomb.docx", bomb.Bytes(), "疑似压缩炸弹"},
	} {
		h := New(root, t.TempDir())
		page := upload(t, h, c.name, c.data, "region", "福建省/莆田市")
		if !strings.Contains(page, c.want) || strings.Contains(page, "zip bomb") {
			t.Errorf("%s: the refusal is not the Chinese message %q:\n%.2000s", c.name, c.want, page)
		}
	}
}

// An import whose runner-up reading scores close to the one taken says so
// on the page, with both readings, for the editor to check.
func TestCloseReadingShown(t *testing.T) {
	root, _ := filepath.Abs("../..")
	h := New(root, t.TempDir())
	for _, c := range []struct {
		close *closeReading
		want  bool
	}{
		{&closeReading{importer.Reading{Findings: "1.", Count: 6, Score: 10}, importer.Reading{Findings: "(一)", Count: 3, Score: 9.5}}, true},
		{nil, false},
	} {
		rec := httptest.NewRecorder()
		render(&pageWriter{ResponseWriter: rec, pages: h.pages}, "view", view{Title: "x.txt", Notice: &notice.Notice{Title: "示例"}, Close: c.close})
		body := rec.Body.String()
		got := strings.Contains(body, "另一种读法得分接近")
		if got != c.want {
			t.Errorf("close %+v: shown %v, want %v:\n%.1500s", c.close, got, c.want, body)
		}
		if c.want && !strings.Contains(body, "采用的读法以 1. 编号的为问题（6 个，得分 10.00）；另一读法以 (一) 编号的为问题（3 个，得分 9.50）") {
			t.Errorf("the readings are not named:\n%.3000s", body)
		}
	}
}

// The upload form asks for what the import use case needs: a notice with
// no title is refused without one, and offered for saving when the form
// gives it (with the region the text does not name).
func TestUploadFormFields(t *testing.T) {
	root, _ := filepath.Abs("../..")
	h := New(root, t.TempDir())
	_, index := get(t, h, "/review/")
	for _, name := range []string{`name="region"`, `name="unit"`, `name="unit_kind"`, `name="title"`, `name="source_url"`} {
		if !strings.Contains(index, name) {
			t.Errorf("the upload form has no %s field", name)
		}
	}
	text := []byte("根据县委统一部署,2024年3月15日至6月12日,县委第一巡察组对示例县文旅局党组进行了巡察。2024年8月13日,县委巡察组反馈了巡察意见。巡察反馈2个问题,已完成整改2个。\n" +
		"1.关于“示例问题一”问题的整改。\n整改情况:已完成整改。建立示例制度。\n" +
		"2.关于“示例问题二”问题的整改。\n整改情况:已完成整改。开展示例培训。\n" +
		"中共示例县文旅局党组\n2024年9月1日\n")
	refused := upload(t, h, "untitled.txt", text, "region", "福建省/示例市/示例县")
	if !strings.Contains(refused, "没有找到标题") || strings.Contains(refused, `action="/review/save"`) {
		t.Errorf("a notice with no title is not refused:\n%.3000s", refused)
	}
	offered := upload(t, h, "untitled.txt", text, "region", "福建省/示例市/示例县", "title", "中共示例县文旅局党组关于巡察整改情况的通报")
	if strings.Contains(offered, "不能保存") || !strings.Contains(offered, `action="/review/save"`) {
		t.Errorf("with a title from the form, the notice is not offered for saving:\n%.3000s", offered)
	}
}
