package search_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
	"github.com/gongshi/gongshi/internal/httpapi"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
	"github.com/gongshi/gongshi/internal/site"
	"github.com/gongshi/gongshi/internal/store"
)

// trapNotice is the seed notice moved to a fictitious township, with a
// finding whose title is HTML: the page must show it as text.
func trapNotice(t *testing.T) *notice.Notice {
	n, err := searchtest.SeedNotice()
	if err != nil {
		t.Fatal(err)
	}
	c := *n
	c.Region = notice.Region{Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
		County: "示例县", CountySlug: "shilixian", Township: "样本镇0001", TownshipSlug: "zhen0001"}
	c.Title = "中共样本镇0001委员会关于巡察整改进展情况的通报（虚构）"
	c.Original = ""
	c.Findings = append([]notice.Finding(nil), n.Findings...)
	f := &c.Findings[0]
	f.Title = `<img src=x onerror="window.pwned=1">陷阱"><script>window.pwned=2</script>`
	f.Problem = "虚构的陷阱问题 <b>加粗</b> &amp; 符号。"
	return &c
}

// buildSite builds the real site (internal/site: Hugo pages and the search
// index) of the seed notice and the fictitious one into a folder.
func buildSite(t *testing.T) string {
	t.Helper()
	seed, err := searchtest.SeedNotice()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	for _, n := range []*notice.Notice{seed, trapNotice(t)} {
		if err := store.Write(filepath.Join(data, store.RelPath(n)), n, true); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if _, err := site.Build(context.Background(), site.Options{Root: searchtest.Root(), Data: data, Out: out,
		Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return out
}

func serve(t *testing.T, dir string) *httptest.Server {
	api, closer, err := httpapi.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { closer.Close() })
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/", http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestBrowserSearch types queries into the search page in headless
// Chromium, filters by status and follows a result to its finding page.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	dir := buildSite(t)
	srv := serve(t, dir)
	ctx := browsertest.New(t, 1280, 900)
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	waitResults := chromedp.Poll[chromedp.Void](`document.getElementById('search-app').dataset.results !== undefined`,
		chromedp.WithPollingTimeout(20*time.Second))
	search := func(q string) {
		t.Helper()
		run("search "+q,
			chromedp.Navigate(srv.URL+"/search/"),
			chromedp.WaitVisible(chromedp.ID("sq")),
			chromedp.SendKeys(chromedp.ID("sq"), q),
			chromedp.Click(chromedp.CSS(`#search-form button`)),
			waitResults,
		)
	}
	firstLinks := func(n int) []string {
		s := eval(`Array.from(document.querySelectorAll('#search-results .hit-title a')).slice(0, ` +
			strconv.Itoa(n) + `).map(a => a.getAttribute('href')).join(' ')`)
		return strings.Fields(s)
	}

	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"偷工减料", []string{"/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/"}},
		{"回填土", []string{"/fujian/putian/xianyou/jiaowei/findings/2023-07-03/21/"}},
		{"陵园", []string{"/fujian/putian/xianyou/jiaowei/findings/2023-07-03/28/", "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/29/"}},
		{`"3.85万元"`, []string{"/fujian/putian/xianyou/jiaowei/findings/2023-07-03/21/"}},
	} {
		search(tc.q)
		// The fictitious township has the same findings (its copies rank
		// alike): keep the bundled township's hits.
		var got []string
		for _, h := range firstLinks(9) {
			if strings.HasPrefix(h, "/fujian/") {
				got = append(got, h)
			}
		}
		if len(got) < len(tc.want) || strings.Join(got[:len(tc.want)], " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: results %v, want first %v", tc.q, got, tc.want)
		}
		wantQ := url.Values{"q": {tc.q}}.Encode()
		if u := eval(`location.search`); u != "?"+wantQ {
			t.Errorf("%s: URL query %q", tc.q, u)
		}
		if m := eval(`(document.querySelector('#search-results mark') || {}).textContent || ''`); m == "" {
			t.Errorf("%s: no highlighted snippet", tc.q)
		}
	}
	browsertest.Screenshot(t, ctx, "search-results.png")

	// Filter by status: 整改 in findings still in progress.
	search("整改")
	total := eval(`document.getElementById('search-app').dataset.results`)
	run("status filter",
		chromedp.Click(chromedp.CSS(`#search-facets a[data-facet="status"][data-value="in_progress"]`)),
		waitResults,
	)
	if !strings.Contains(eval(`location.search`), "status=in_progress") {
		t.Errorf("the filter is not in the URL: %s", eval(`location.search`))
	}
	filtered := eval(`document.getElementById('search-app').dataset.results`)
	badges := eval(`Array.from(document.querySelectorAll('#search-results .badge')).map(b => b.textContent).join(',')`)
	if filtered == total || filtered == "0" || strings.Trim(strings.ReplaceAll(badges, "整改中", ""), ",") != "" {
		t.Errorf("status filter: %s of %s results, badges %q", filtered, total, badges)
	}
	browsertest.Screenshot(t, ctx, "search-filtered.png")

	// The URL can be shared: opening it gives the same results.
	shared := eval(`location.href`)
	run("shared URL", chromedp.Navigate(shared), waitResults)
	if again := eval(`document.getElementById('search-app').dataset.results`); again != filtered {
		t.Errorf("the shared URL finds %s, not %s", again, filtered)
	}

	// Follow the first result to its finding page.
	title := eval(`document.querySelector('#search-results .hit-title a').textContent`)
	href := eval(`document.querySelector('#search-results .hit-title a').getAttribute('href')`)
	run("follow", chromedp.Click(chromedp.CSS(`#search-results .hit-title a`)))
	// The old page's context goes away while the browser navigates: ask
	// again until the new page answers.
	for deadline := time.Now().Add(15 * time.Second); ; {
		p, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === 'complete' ? location.pathname : ''`))
		if err == nil && p == href {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("following %s: at %q (%v)", href, p, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	h1 := eval(`document.querySelector('h1').textContent`)
	if !strings.Contains(href, "/findings/") || !strings.Contains(title, strings.TrimSpace(h1)) && !strings.Contains(h1, strings.SplitN(title, ") ", 2)[1]) {
		t.Errorf("followed %s (%q) to a page titled %q", href, title, h1)
	}

	// Text from the data is text.
	search("陷阱")
	if n := eval(`String(document.querySelectorAll('#search-results img, #search-results script, #search-results b').length)`); n != "0" {
		t.Errorf("%s elements made from data", n)
	}
	if p := eval(`String(window.pwned)`); p != "undefined" {
		t.Errorf("script from the data ran: %s", p)
	}
	if txt := eval(`document.querySelector('#search-results .hit-title a').textContent`); !strings.Contains(txt, `<img src=x onerror="window.pwned=1">`) {
		t.Errorf("title shown as %q", txt)
	}

	// A syntax error says so.
	search(`"未闭合`)
	if s := eval(`document.getElementById('search-status').textContent`); !strings.Contains(s, "语法") {
		t.Errorf("syntax error shown as %q", s)
	}
}

// TestBrowserSearchNarrow checks the page at a phone's width.
func TestBrowserSearchNarrow(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	srv := serve(t, buildSite(t))
	ctx := browsertest.New(t, 360, 740)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q="+url.QueryEscape("食堂 管理")),
		chromedp.Poll[chromedp.Void](`document.getElementById('search-app').dataset.results > 0`)); err != nil {
		t.Fatal(err)
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || w > 360 {
		t.Errorf("the page is %d px wide at 360 px (%v)", w, err)
	}
	browsertest.Screenshot(t, ctx, "search-360.png")
}

// TestBrowserSearchWithoutJavaScript opens the search page with scripts
// off: it says that search needs JavaScript and links what works instead.
func TestBrowserSearchWithoutJavaScript(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	srv := serve(t, buildSite(t))
	ctx := browsertest.New(t, 1280, 800)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q=陵园")); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "需要启用 JavaScript") || strings.Contains(text, "找到") {
		t.Errorf("the page without JavaScript reads: %q", text)
	}
	// What works instead is linked: the regions' units and the
	// downloads; nothing only gongshi serve answers (a static host is the
	// target: issue 22).
	if !strings.Contains(text, "每个单位页列出该单位的全部问题") {
		t.Errorf("the page without JavaScript does not say what works instead: %q", text)
	}
	hrefs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('main a')).map(a => a.getAttribute('href'))`))
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(hrefs, " ")
	if !strings.Contains(joined, "/downloads/findings.csv") || !strings.Contains(joined, "/#regions") || strings.Contains(joined, "/api/") {
		t.Errorf("the page without JavaScript links %v", hrefs)
	}
}
