package review

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/site"
	"github.com/gongshi/gongshi/internal/store"
)

// TestBrowserCorrect drives the correction paths in headless Chromium at
// 360 px, without a script of the page's own (there is none): a notice the
// importer misreads is uploaded, corrected line by line (one line by the
// keyboard alone), its status set, and saved, and check accepts the data
// folder; a save refused and why, corrected through the fields form; the
// corrections saved as a layout, applied to the issuer's next notice; a
// cross-origin POST of a correction refused. Every page: no horizontal
// overflow at 360 px, axe finds no violation. Screenshots: under
// $GONGSHI_ARTIFACTS (s4-*.png).
func TestBrowserCorrect(t *testing.T) {
	browsertest.Require(t)
	root, _ := filepath.Abs("../..")
	data := t.TempDir()
	h := New(root, data)
	srv := httptest.NewServer(h)
	defer srv.Close()
	ctx := browsertest.New(t, 360, 800)
	ctx, cancel := context.WithTimeout(ctx, 240*time.Second)
	defer cancel()
	dir := t.TempDir()
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := func() string {
		s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		return s
	}
	// settle waits for the page that follows a form's submit to say want.
	settle := func(want string) {
		t.Helper()
		for i := 0; i < 100; i++ {
			time.Sleep(100 * time.Millisecond)
			s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState == "complete" && document.body ? document.body.innerText : ""`))
			if err == nil && strings.Contains(s, want) {
				return
			}
		}
		t.Fatalf("the page never says %q: %.1500s", want, text())
	}
	// page checks the page at 360 px (no overflow, axe) and takes its
	// screenshot.
	page := func(shot string) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > 360 {
			t.Errorf("%s: the page is %d px wide at 360 px (%v)", shot, w, err)
		}
		browsertest.Screenshot(t, ctx, shot)
		for _, v := range browsertest.Axe(t, ctx) {
			t.Errorf("axe (%s): %s", shot, v)
		}
	}
	upload := func(path, region string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/review/"), chromedp.WaitVisible(chromedp.CSS(`input[type=file]`)),
			chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{path})); err != nil {
			t.Fatal(err)
		}
		if region != "" {
			if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(`input[name=region]`), region)); err != nil {
				t.Fatal(err)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form button`))); err != nil {
			t.Fatal(err)
		}
		settle("原文逐行")
	}
	setRole := func(line int, role string) {
		t.Helper()
		li := "#line-" + strconv.Itoa(line)
		if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS(li+" select"), role), chromedp.Click(chromedp.CSS(li+" button"))); err != nil {
			t.Fatal(err)
		}
		settle("第 " + strconv.Itoa(line) + " 行：")
	}

	// 1. The misread notice.
	upload(file("sample-a.txt", sample(t, "sample-a.txt")), sampleRegion)
	if s := text(); !strings.Contains(s, "无法读成通报") || strings.Contains(s, "保存到") {
		t.Errorf("the misread notice: %.600s", s)
	}
	page("s4-01-misread.png")

	// 2. Corrected: lines 6 and 8 by the mouse, line 10 submitted by the
	// keyboard (from its list, Tab to its button, Enter).
	setRole(6, "finding")
	setRole(8, "finding")
	// (headless Chromium opens no list for the arrow keys: the choice is
	// set, the rest is the keyboard's)
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#line-10 select"), "finding"), chromedp.Focus(chromedp.CSS("#line-10 select"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
	if f, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.textContent`)); f != "改第 10 行" {
		t.Errorf("Tab from the list goes to %q, not its button", f)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	settle("第 10 行：问题开头")
	if s := text(); !strings.Contains(s, "通报称 3 个问题，读出 3 个") {
		t.Errorf("after the corrections (line 10 by the keyboard): %.1500s", s)
	}
	page("s4-02-corrected.png")

	// 3. A finding's status, then the save.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#finding-3 select"), "in_progress"), chromedp.Click(chromedp.CSS("#finding-3 form button"))); err != nil {
		t.Fatal(err)
	}
	settle("状态改为整改中")
	page("s4-03-status-set.png")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save button"))); err != nil {
		t.Fatal(err)
	}
	settle("已写入")
	page("s4-04-saved.png")
	if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
		t.Fatalf("check refuses what the page saved: %v %v", err, probs)
	}
	// …and the site built from it shows the corrected reading: the three
	// findings on the unit's page, the third 整改中 as set.
	builtUnitPage(t, root, data, []string{"学习贯彻上级精神不够深入", "财务管理不规范", "村级项目监管不到位", "整改中"})

	// 4. A save refused and why: the next notice without its title, and
	// its region not given; then given through the fields form.
	untitled := strings.SplitN(string(sample(t, "sample-b.txt")), "\n", 2)[1]
	upload(file("sample-b.txt", []byte(untitled)), "")
	setRole(5, "finding")
	setRole(7, "finding")
	if s := text(); !strings.Contains(s, "不能保存") || strings.Contains(s, "保存到") {
		t.Errorf("the refused notice: %.1500s", s)
	}
	page("s4-05-refused.png")
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#f-region"), sampleRegion), chromedp.Click(chromedp.CSS("form.fields button"))); err != nil {
		t.Fatal(err)
	}
	settle("地区 改为")
	inv, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("f-title").getAttribute("aria-invalid") + " " + (document.getElementById("p-title") || {textContent: ""}).textContent`))
	if !strings.HasPrefix(inv, "true ") || len(inv) < 8 {
		t.Errorf("the title's problem is not beside its field: %q", inv)
	}
	page("s4-06-problem-beside-field.png")
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#f-title"), "中共样本镇委员会关于巡察整改进展情况的通报"), chromedp.Click(chromedp.CSS("form.fields button"))); err != nil {
		t.Fatal(err)
	}
	settle("标题 改为")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save button"))); err != nil {
		t.Fatal(err)
	}
	settle("已写入")

	// 5. The layout, from the first notice's corrections (replayed on
	// its upload), applied to the issuer's next notice.
	upload(file("sample-a.txt", sample(t, "sample-a.txt")), sampleRegion)
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.CSS("#layout-name"), "样本镇"), chromedp.Click(chromedp.CSS("#layout button"))); err != nil {
		t.Fatal(err)
	}
	settle("版式")
	if s := text(); !strings.Contains(s, "已保存版式") || !strings.Contains(s, "反馈事项N") {
		t.Fatalf("the layout: %.600s", s)
	}
	page("s4-07-layout-saved.png")
	upload(file("sample-b2.txt", sample(t, "sample-b.txt")), sampleRegion)
	if s := text(); !strings.Contains(s, "按 样本镇 的版式读取") || !strings.Contains(s, "通报称 2 个问题，读出 2 个") {
		t.Errorf("the profile on the next notice: %.1500s", s)
	}
	page("s4-08-layout-applied.png")
	// It is the notice saved in 4 (signed the same day, the same data
	// file): saved without the confirmation it is refused, and why.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save button"))); err != nil {
		t.Fatal(err)
	}
	settle("没有保存")
	if s := text(); !strings.Contains(s, "确认覆盖") {
		t.Errorf("the refused overwrite does not say why: %.600s", s)
	}
	page("s4-09-overwrite-refused.png")
	upload(file("sample-b2.txt", sample(t, "sample-b.txt")), sampleRegion)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#save input[name=overwrite]`)), chromedp.Click(chromedp.CSS("#save button"))); err != nil {
		t.Fatal(err)
	}
	settle("已写入")
	page("s4-10-overwritten.png")
	if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
		t.Fatalf("check refuses what the page saved: %v %v", err, probs)
	}
	if files, _ := store.Files(data); len(files) != 2 {
		t.Errorf("data files: %v, want sample-a's and sample-b's", files)
	}

	// 6. A correction posted from another site's page is refused.
	upload(file("sample-a.txt", sample(t, "sample-a.txt")), sampleRegion)
	tok, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("form.fields input[name=token]").value`))
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>x</title><form id="edit" method="post" action="%s/review/edit"><input type="hidden" name="token" value="%s"><input type="hidden" name="csrf" value="%s"><input type="hidden" name="op" value="role"><input type="hidden" name="line" value="4"><input type="hidden" name="role" value="ignore"><button>go</button></form>`,
			srv.URL, tok, h.guard.token("/review/edit", tok))
	}))
	defer evil.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(evil.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#edit button")), chromedp.Click(chromedp.CSS("#edit button"))); err != nil {
		t.Fatal(err)
	}
	var body string
	for i := 0; i < 300 && !strings.Contains(body, "拒绝"); i++ {
		time.Sleep(100 * time.Millisecond)
		body, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href.startsWith(`+strconv.Quote(srv.URL)+`) && document.body ? document.body.innerText : ""`))
	}
	if !strings.Contains(body, "来源不符") {
		t.Errorf("a cross-origin correction: %.300q", body)
	}
	browsertest.Screenshot(t, ctx, "s4-11-cross-origin-refused.png")
	req, ok := h.pending.get(tok)
	for _, e := range req.Edits {
		if e.Role == "ignore" {
			ok = false
		}
	}
	if !ok {
		t.Errorf("the cross-origin correction was applied: %+v", req.Edits)
	}
}

// builtUnitPage builds the site of data (the project at root) and checks
// that the page of the one unit in it holds each of want.
func builtUnitPage(t *testing.T, root, data string, want []string) {
	t.Helper()
	var rel string
	filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".toml") && !strings.HasSuffix(p, store.EditsSuffix) && !strings.Contains(p, store.LayoutsDir) {
			rel, _ = filepath.Rel(data, filepath.Dir(p))
		}
		return nil
	})
	out := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), site.Options{Root: root, Data: data, Out: out, Now: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), NoCache: true}); err != nil {
		t.Fatalf("the site does not build from what the page saved: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(out, rel, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(b), w) {
			t.Errorf("the unit page %s does not show %q", rel, w)
		}
	}
}
