package review

import (
	"context"
	"fmt"
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
)

// TestBrowserReview opens the review page in headless Chromium, served on
// 127.0.0.1 as gongshi serve serves it: the bundled notice shows 0
// unplaced lines and no line marked unplaced; a re-typeset variant (a
// stray line after the signature, a sentence "无主之句。" on a line of
// its own under a category heading), imported through the page's own
// form, shows exactly those lines marked unplaced. axe-core finds no WCAG
// 2 A/AA violation on either page. Screenshots go to test-artifacts/.
func TestBrowserReview(t *testing.T) {
	browsertest.Require(t)
	root, _ := filepath.Abs("../..")
	data := filepath.Join(root, "data")
	h := New(root, data)
	srv := httptest.NewServer(h) // listens on 127.0.0.1
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("the review page is served at %s, not on 127.0.0.1", srv.URL)
	}
	ctx := browsertest.New(t, 1280, 900)
	ctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()

	const count = `document.getElementById("unplaced-count").textContent`
	const marked = `Array.from(document.querySelectorAll("ol.src li.unplaced")).map(li => li.querySelector(".t").textContent)`
	const shown = `document.querySelectorAll("ol.src li").length`

	// The bundled notice.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/review/file?path=fujian/putian/xianyou/jiaowei/2024-12-02.toml"),
		chromedp.WaitVisible(chromedp.CSS("ol.src"))); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[string](count)); err != nil || n != "0" {
		t.Errorf("the bundled notice: %q unplaced lines (%v), want 0", n, err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](marked)); err != nil || len(got) != 0 {
		t.Errorf("the bundled notice: lines marked unplaced %q (%v)", got, err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](shown)); err != nil || n < 100 {
		t.Errorf("the bundled notice: %d lines shown (%v)", n, err)
	}
	browsertest.Screenshot(t, ctx, "review-bundled.png")
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("axe (bundled notice): %s", v)
	}

	// The re-typeset variant, dropped on the index page's form.
	src, err := os.ReadFile(filepath.Join(root, seed))
	if err != nil {
		t.Fatal(err)
	}
	const stray, orphan = "排版残留：本行为转载时插入的无关文字", "无主之句。"
	variant := strings.Replace(string(src), "\n附件:", "\n"+stray+"\n附件:", 1)
	variant = strings.Replace(variant, "\n2.贯彻新发展理念有差距\n", "\n2.贯彻新发展理念有差距\n"+orphan+"\n", 1)
	if strings.Count(variant, stray)+strings.Count(variant, orphan) != 2 {
		t.Fatal("the seed no longer has 附件: or the category 2.贯彻新发展理念有差距")
	}
	file := filepath.Join(t.TempDir(), "重排版.txt")
	if err := os.WriteFile(file, []byte(variant), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/review/"),
		chromedp.WaitVisible(chromedp.CSS(`input[type=file]`)),
		chromedp.SetUploadFiles(chromedp.CSS(`input[type=file]`), []string{file}),
		chromedp.Click(chromedp.CSS(`form button`)),
		chromedp.WaitVisible(chromedp.CSS("ol.src"))); err != nil {
		t.Fatal(err)
	}
	if n, err := chromedp.Run(ctx, chromedp.Evaluate[string](count)); err != nil || n != "2" {
		t.Errorf("the variant: %q unplaced lines (%v), want 2", n, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](marked))
	if err != nil || len(got) != 2 || !strings.Contains(strings.Join(got, "|"), stray) || !strings.Contains(strings.Join(got, "|"), orphan) {
		t.Errorf("the variant: lines marked unplaced %q (%v), want %q and %q", got, err, orphan, stray)
	}
	// Marked so a reader sees it: the unplaced colour and outline, and its label.
	style, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const li = document.querySelector("ol.src li.unplaced"); const s = getComputedStyle(li); return s.outlineStyle + " " + li.querySelector(".k").textContent })()`))
	if err != nil || style != "dashed 未归位" {
		t.Errorf("an unplaced line is shown as %q (%v), want a dashed outline and 未归位", style, err)
	}
	browsertest.Screenshot(t, ctx, "review-variant.png")
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("axe (variant): %s", v)
	}
	if files, _ := filepath.Glob(filepath.Join(data, "*", "*", "*", "*", "*.toml")); len(files) != 1 {
		t.Errorf("reviewing an import wrote a data file: %v", files)
	}

	// Another site's page (another origin: another port) posting the
	// review's own forms, even with valid tokens leaked to it, is refused:
	// the browser sends its Origin. (The save names no held import, so
	// nothing could be written even if it were not refused.)
	fields := map[string]string{"token": "0123456789abcdef0123456789abcdef"}
	fields["csrf"] = h.guard.token("/review/save", fields["token"])
	unmask := h.guard.token("/review/file", bundled)
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>x</title>
<form id="save" method="post" action="%[1]s/review/save"><input type="hidden" name="token" value="%[2]s"><input type="hidden" name="csrf" value="%[3]s"><button>save</button></form>
<form id="unmask" method="post" action="%[1]s/review/file"><input type="hidden" name="path" value="%[4]s"><input type="hidden" name="unmask" value="1"><input type="hidden" name="csrf" value="%[5]s"><button>unmask</button></form>`,
			srv.URL, fields["token"], fields["csrf"], bundled, unmask)
	}))
	defer evil.Close()
	for _, form := range []string{"save", "unmask"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(evil.URL+"/"), chromedp.WaitVisible(chromedp.CSS("#"+form+" button")),
			chromedp.Click(chromedp.CSS("#"+form+" button"))); err != nil {
			t.Fatal(err)
		}
		// The answer, once the browser has left the other site's page.
		var body string
		for i := 0; i < 300 && !strings.Contains(body, "拒绝"); i++ {
			time.Sleep(100 * time.Millisecond)
			body, _ = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href.startsWith(`+strconv.Quote(srv.URL)+`) && document.body ? document.body.innerText : ""`))
		}
		if !strings.Contains(body, "来源不符") || strings.Contains(body, "林春锦") {
			t.Errorf("a cross-origin %s from another site's page: %.300q", form, body)
		}
	}
}
