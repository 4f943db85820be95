package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongshi/gongshi/internal/browsertest"
	"github.com/gongshi/gongshi/internal/notice"
)

// TestBrowserFindingsTableSortsEveryColumn clicks the findings table's 类别
// and 状态 headers on the fixture county (every status but 未说明 among its
// current findings, two categories and findings with none) and checks the
// rows' order against one computed here in Go: 状态 by notice.Statuses (the
// site's order, 已整改 整改中 未整改 未说明, which is not the labels' order
// in Chinese collation), 类别 by its text in Chinese collation with the
// findings that have none last either way; ties keep the table's own
// order (its rows as the build wrote them, read back from its files).
// Every column header is a sort button.
func TestBrowserFindingsTableSortsEveryColumn(t *testing.T) {
	browsertest.Require(t)
	s := buildFixture(t, countyFixture, asOfFixture)
	ts := readTableSite(t, s.Dir)
	type row struct {
		url, category string
		status        int
	}
	var rows []row
	for i := range ts.rows {
		rows = append(rows, row{url: ts.str(i, "url"), category: ts.category(i), status: slices.Index(notice.Statuses, notice.Status(ts.man.Statuses[ts.num(i, "status")][0]))})
	}
	coll := collate.New(language.Chinese)
	want := func(key string, desc bool) string {
		sorted := slices.Clone(rows)
		slices.SortStableFunc(sorted, func(a, b row) int {
			var c int
			switch key {
			case "status":
				c = a.status - b.status
			case "category":
				if (a.category == "") != (b.category == "") {
					if a.category == "" {
						return 1
					}
					return -1
				}
				c = coll.CompareString(a.category, b.category)
			}
			if desc {
				c = -c
			}
			return c
		})
		var urls []string
		for _, r := range sorted {
			urls = append(urls, r.url)
		}
		return strings.Join(urls, " ")
	}
	statuses := map[int]bool{}
	for _, r := range rows {
		statuses[r.status] = true
	}
	if len(statuses) < 3 || want("status", false) == want("status", true) {
		t.Fatalf("the fixture's findings have %d statuses: too few to tell an order", len(statuses))
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	ctx := browsertest.New(t, 1280, 900)
	ctx, cancel := context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/findings/"), chromedp.WaitVisible(chromedp.CSS("#ft-app[data-ready]"))); err != nil {
		t.Fatal(err)
	}
	// Every column header is a sort button.
	if got := eval(`[...document.querySelectorAll("#ft-table thead th")].filter(th => !th.querySelector("button.sort[data-sort]")).map(th => th.textContent).join()`); got != "" {
		t.Errorf("headers that do not sort: %s", got)
	}
	const shown = `[...document.querySelectorAll("#ft-table tbody tr td:nth-child(3) a")].map(a => a.getAttribute("href")).join(" ")`
	for _, key := range []string{"category", "status"} {
		for _, order := range []string{"ascending", "descending"} {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-sort="`+key+`"]`))); err != nil {
				t.Fatal(err)
			}
			if err := tableReady(ctx); err != nil {
				t.Fatal(err)
			}
			if got := eval(`document.querySelector('th[data-key="` + key + `"]').getAttribute("aria-sort") || ""`); got != order {
				t.Errorf("%s: aria-sort %q, want %q", key, got, order)
			}
			if got, w := eval(shown), want(key, order == "descending"); got != w {
				t.Errorf("sorted by %s, %s:\n got %s\nwant %s", key, order, got, w)
			}
		}
	}
}
