package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

// TestBrowserThemesPages opens the fixture county's themes and recurrence
// pages, and the recurring finding's page, at a phone's and a desktop's
// width, plain and in 长辈模式 (high contrast): axe-core finds no WCAG 2
// A/AA violation, nothing scrolls sideways, and the chart is an image with
// a title. Screenshots go to test-artifacts/.
func TestBrowserThemesPages(t *testing.T) {
	browsertest.Require(t)
	s := buildFixture(t, themesTaxonomy+themesRound1+themesRound2, asOfThemes)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	const county = "/shili/shilishi/shilixian/"
	pages := []struct{ name, url string }{
		{"themes", county + "themes/"},
		{"recurrence", county + "recurrence/"},
		{"site-recurrence", "/recurrence/"},
		{"finding", laterCanteen},
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
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.url), chromedp.WaitVisible(chromedp.CSS("#fs"))); err != nil {
						t.Fatal(err)
					}
					noHorizontalScroll(t, ctx)
					if p.name == "themes" {
						got, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const s = document.querySelector(".themes-chart svg[role=img]"); const r = s.getBoundingClientRect(); return [s.querySelectorAll("title").length, r.width, r.height]; })()`))
						if err != nil || len(got) != 3 || got[0] != 1 || got[1] < 200 || got[2] < 50 {
							t.Errorf("themes chart: [titles width height] %v %v", got, err)
						}
					}
					browsertest.Screenshot(t, ctx, "themes-"+p.name+"-"+strconv.Itoa(width)+mode+".jpg")
					for _, v := range browsertest.Axe(t, ctx) {
						t.Errorf("axe: %s", v)
					}
				})
			}
		}
	}
}
