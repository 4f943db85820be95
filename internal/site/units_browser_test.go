package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

// TestBrowserUnitPages opens the fixture county's page and a department's
// page at a phone's and a desktop's width: no horizontal scrolling, and
// axe-core finds no WCAG 2 A/AA violation. On the county page the units
// table sorts by a column with scripts on (aria-sort says how) and reads
// as a plain table with scripts off. Screenshots go to test-artifacts/.
func TestBrowserUnitPages(t *testing.T) {
	browsertest.Require(t)
	s := buildFixture(t, countyFixture, asOfFixture)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	const county = "/shili/shilishi/shilixian/"
	for _, width := range []int{360, 1280} {
		ctx := browsertest.New(t, width, 900)
		for _, p := range []struct{ name, url string }{
			{"county", county},
			{"department", county + "wenlvju/"},
			{"village", county + "zhen0001/shilicun/"},
		} {
			t.Run(p.name+"-"+strconv.Itoa(width), func(t *testing.T) {
				ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
				defer cancel()
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.url), chromedp.WaitVisible(chromedp.CSS("#fs"))); err != nil {
					t.Fatal(err)
				}
				noHorizontalScroll(t, ctx)
				browsertest.Screenshot(t, ctx, "unit-"+p.name+"-"+strconv.Itoa(width)+".jpg")
				for _, v := range browsertest.Axe(t, ctx) {
					t.Errorf("axe: %s", v)
				}
			})
		}
		t.Run("sort-"+strconv.Itoa(width), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			const names = `Array.from(document.querySelectorAll("table.units tbody th a")).map(a => a.textContent).join("|")`
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+county), chromedp.WaitVisible(chromedp.CSS("table.units th button.sort"))); err != nil {
				t.Fatal(err)
			}
			before, err := chromedp.Run(ctx, chromedp.Evaluate[string](names))
			if err != nil || before != "示例县第一中学|示例县文旅局|样本镇0001|示例村" {
				t.Errorf("rows before sorting: %q %v", before, err)
			}
			// 问题 (findings): ascending, then descending (the page lists
			// units by slug path).
			for _, c := range []struct{ sort, want string }{
				{"ascending", "示例县第一中学|示例县文旅局|示例村|样本镇0001"}, // ties keep their order
				{"descending", "样本镇0001|示例县文旅局|示例村|示例县第一中学"},
			} {
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("table.units thead th:nth-child(2) button"))); err != nil {
					t.Fatal(err)
				}
				got, err := chromedp.Run(ctx, chromedp.Evaluate[string](names))
				if err != nil || got != c.want {
					t.Errorf("sorted %s: %q %v, want %q", c.sort, got, err, c.want)
				}
				aria, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("table.units thead th:nth-child(2)").getAttribute("aria-sort")`))
				if err != nil || aria != c.sort {
					t.Errorf("aria-sort %q %v, want %q", aria, err, c.sort)
				}
			}
			for _, v := range browsertest.Axe(t, ctx) {
				t.Errorf("axe after sorting: %s", v)
			}
		})
	}

	// Without JavaScript: a plain table, every unit listed, no sort buttons.
	ctx := browsertest.New(t, 360, 900)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(srv.URL+county),
		chromedp.WaitReady(chromedp.CSS("main")),
	); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.querySelectorAll("table.units tbody tr").length, document.querySelectorAll("button.sort").length]`))
	if err != nil || len(got) != 2 || got[0] != 4 || got[1] != 0 {
		t.Errorf("without JavaScript: rows and sort buttons %v (%v), want [4 0]", got, err)
	}
	noHorizontalScroll(t, ctx)
	browsertest.Screenshot(t, ctx, "unit-county-360-nojs.jpg")
}
