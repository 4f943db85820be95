package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
	"github.com/gongshi/gongshi/internal/site/model"
)

// TestBrowserEveryPageType opens one page of every type of the bundled
// site at a phone's and a desktop's width, plain and in the 长辈 (high
// contrast) mode: axe-core finds no WCAG 2 A/AA violation, nothing scrolls
// sideways, and each page has one labelled search landmark.
func TestBrowserEveryPageType(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	pages := []struct{ name, url, wait string }{
		{"home", "/", "#fs"},
		{"region", "/fujian/putian/xianyou/", "#fs"},
		{"township", townshipURL, "#fs"},
		{"notice", townshipURL + "notices/2024-12-02/", "#fs"},
		{"finding", townshipURL + "findings/2023-07-03/30/", "#fs"},
		{"search", "/search/?q=%E9%99%B5%E5%9B%AD", "#search-app[data-results]"},
		{"findings", "/findings/?overdue=1", "#ft-app[data-ready]"},
		{"about", "/about/", "#fs"},
	}
	for _, width := range []int{360, 1280} {
		ctx := browsertest.New(t, width, 900)
		for _, mode := range []string{"", "high"} {
			for _, p := range pages {
				t.Run(p.name+"-"+strconv.Itoa(width)+mode, func(t *testing.T) {
					ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
					defer cancel()
					set := `localStorage.removeItem("gongshi-contrast")`
					if mode != "" {
						set = `localStorage.setItem("gongshi-contrast", "high")`
					}
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/about/")); err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](set+";0")); err != nil {
						t.Fatal(err)
					}
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.url), chromedp.WaitVisible(chromedp.CSS(p.wait))); err != nil {
						t.Fatal(err)
					}
					noHorizontalScroll(t, ctx)
					n, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelectorAll('[role=search][aria-label], search[aria-label]').length + document.querySelectorAll('[role=search]:not([aria-label])').length * 100`))
					if err != nil || n != 1 {
						t.Errorf("search landmarks: %v %v, want one labelled", n, err)
					}
					if mode != "" {
						browsertest.Screenshot(t, ctx, "page-"+p.name+"-"+strconv.Itoa(width)+"-high.jpg")
					}
					for _, v := range browsertest.Axe(t, ctx) {
						t.Errorf("axe: %s", v)
					}
				})
			}
		}
	}
}

// TestBrowserContrastModePersists: the 长辈模式 button turns the high
// contrast mode on, the choice survives a reload, and 特大 is 150 %.
func TestBrowserContrastModePersists(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.New(t, 360, 800)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+townshipURL), chromedp.WaitVisible(chromedp.CSS("#contrast"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`localStorage.clear();0`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#contrast")),
		chromedp.Click(chromedp.CSS("#contrast"))); err != nil {
		t.Fatal(err)
	}
	const mode = `document.documentElement.getAttribute("data-contrast") + "/" + document.getElementById("contrast").getAttribute("aria-pressed")`
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](mode)); err != nil || got != "high/true" {
		t.Errorf("after the click: %q %v", got, err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#contrast"))); err != nil {
		t.Fatal(err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[string](mode)); err != nil || got != "high/true" {
		t.Errorf("after a reload: %q %v", got, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#contrast")), chromedp.Click(chromedp.CSS(`#fs button[data-fs="xl"]`))); err != nil {
		t.Fatal(err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.documentElement).fontSize)`)); err != nil || got != 24 {
		t.Errorf("特大: root font size %vpx %v, want 24 (150 %%)", got, err)
	}
}

// TestBrowserFindingsTable sorts, filters and downloads the findings table.
func TestBrowserFindingsTable(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/findings/"), chromedp.WaitVisible(chromedp.CSS("#ft-app[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	if got := eval(`document.getElementById("ft-app").dataset.rows`); got != "59" {
		t.Errorf("all findings: %s rows, want 59", got)
	}
	// Sort by deadline, descending on the second click; the URL carries it.
	for _, want := range []string{"ascending", "descending"} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-sort="deadline"]`))); err != nil {
			t.Fatal(err)
		}
		if err := tableReady(ctx); err != nil {
			t.Fatal(err)
		}
		if got := eval(`document.querySelector('th[data-key="deadline"]').getAttribute("aria-sort")`); got != want {
			t.Errorf("aria-sort %q, want %q", got, want)
		}
		if got := eval(`document.activeElement.getAttribute("data-sort") || ""`); got != "deadline" {
			t.Errorf("focus after sorting: %q", got)
		}
	}
	if got := eval(`location.search`); !strings.Contains(got, "sort=deadline") || !strings.Contains(got, "order=desc") {
		t.Errorf("URL %q", got)
	}
	first := eval(`document.querySelector("#ft-table tbody tr td:nth-child(6)").textContent`)
	if !strings.Contains(first, "年") {
		t.Errorf("descending by deadline, first row's deadline %q", first)
	}
	// Filter: overdue, then two statuses, from the URL.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#ft-overdue"))); err != nil {
		t.Fatal(err)
	}
	if err := tableReady(ctx); err != nil {
		t.Fatal(err)
	}
	over := eval(`document.getElementById("ft-app").dataset.rows`)
	if over != "2" {
		t.Errorf("overdue: %s rows, want 2", over)
	}
	if got := eval(`location.search`); !strings.Contains(got, "overdue=1") {
		t.Errorf("URL after the overdue filter %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/findings/?status=in_progress&status=not_started"), chromedp.WaitVisible(chromedp.CSS("#ft-app[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	open := eval(`document.getElementById("ft-app").dataset.rows`)
	if n, _ := strconv.Atoi(open); n == 0 || n >= 59 {
		t.Errorf("in progress or not started: %s rows", open)
	}
	if got := eval(`[...document.querySelectorAll("input[name=status]:checked")].map(c => c.value).join()`); got != "in_progress,not_started" {
		t.Errorf("checked statuses %q", got)
	}
	// Download the view: findings-zh.csv's columns, one row per finding shown.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#ft-csv")), chromedp.WaitVisible(chromedp.CSS("#ft-app[data-downloaded]"))); err != nil {
		t.Fatal(err)
	}
	csv := eval(`document.getElementById("ft-app").downloaded`)
	if !strings.HasPrefix(csv, "\ufeff"+strings.Join(model.CSVColumnsZh, ",")+"\r\n") {
		t.Errorf("CSV header: %.200q", csv)
	}
	if got := eval(`document.getElementById("ft-app").dataset.downloaded`); got != "csv:"+open {
		t.Errorf("downloaded %s, want csv:%s", got, open)
	}
	for _, v := range browsertest.Axe(t, ctx) {
		t.Errorf("axe: %s", v)
	}
}

// TestBrowserSearchKeyboard: from the search box to a facet by keyboard;
// after choosing it focus stays on that facet value; a second value of
// the same facet widens the results (OR within a facet).
func TestBrowserSearchKeyboard(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/"), chromedp.WaitVisible(chromedp.CSS("#sq")),
		chromedp.SendKeys("#sq", "整改\r"), chromedp.WaitVisible(chromedp.CSS(`#search-app[data-results]`)),
		chromedp.WaitVisible(chromedp.CSS(`a[data-facet="status"]`))); err != nil {
		t.Fatal(err)
	}
	all := eval(`document.getElementById("search-app").dataset.results`)
	// Tab to the first status value, press Enter.
	if err := chromedp.Do(ctx, chromedp.Focus(`a[data-facet="status"][data-value="done"]`), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`a[data-facet="status"][data-value="done"].on`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(`(document.activeElement.dataset.facet || "") + "=" + (document.activeElement.dataset.value || "")`); got != "status=done" {
		t.Errorf("focus after choosing a facet: %q", got)
	}
	done := eval(`document.getElementById("search-app").dataset.results`)
	if err := chromedp.Do(ctx, chromedp.Focus(`a[data-facet="status"][data-value="in_progress"]`), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(`a[data-facet="status"][data-value="in_progress"].on`))); err != nil {
		t.Fatal(err)
	}
	both := eval(`document.getElementById("search-app").dataset.results`)
	a, _ := strconv.Atoi(all)
	d, _ := strconv.Atoi(done)
	b, _ := strconv.Atoi(both)
	if !(d < b && b <= a) {
		t.Errorf("results: all %d, done %d, done or in progress %d", a, d, b)
	}
	if got := eval(`location.search`); !strings.Contains(got, "status=done") || !strings.Contains(got, "status=in_progress") {
		t.Errorf("URL %q", got)
	}
	// A nonsense word finds nothing; full-width digits are searched.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q="+"xyzabc%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D"), chromedp.WaitVisible(chromedp.CSS(`#search-app[data-results]`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(`document.getElementById("search-app").dataset.results`); got != "0" {
		t.Errorf("a nonsense query: %s results", got)
	}
}
