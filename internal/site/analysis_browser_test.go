package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

// TestBrowserAnalysisPage opens the fixture county's analysis page at a
// phone's width (360 px) and a desktop's (1280 px), plain and in 长辈模式
// at its largest font (特大): axe-core finds no WCAG 2 A/AA violation,
// nothing scrolls sideways, each chart stays inside the viewport and its
// label text is at least 11 px high on screen (issue 22, item 1).
func TestBrowserAnalysisPage(t *testing.T) {
	browsertest.Require(t)
	s := buildFixture(t, analysisFixture, asOfFixture)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	for _, c := range []struct {
		name     string
		width    int
		contrast string // "" or "high" (长辈模式)
		fs       string
		rootPx   string
	}{
		{"360", 360, "", "m", "16px"},
		{"360-elder-xl", 360, "high", "xl", "24px"},
		{"1280", 1280, "", "m", "16px"},
		{"1280-elder-xl", 1280, "high", "xl", "24px"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(browsertest.New(t, c.width, 900), 90*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/about/")); err != nil {
				t.Fatal(err)
			}
			set := `localStorage.setItem("gongshi-font-size", "` + c.fs + `");`
			if c.contrast != "" {
				set += `localStorage.setItem("gongshi-contrast", "high");`
			} else {
				set += `localStorage.removeItem("gongshi-contrast");`
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](set+"0")); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+analysisCounty), chromedp.WaitVisible(chromedp.CSS("svg.bars"))); err != nil {
				t.Fatal(err)
			}
			root, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.documentElement).fontSize`))
			if err != nil || root != c.rootPx {
				t.Fatalf("root font size %q (%v), want %s: the mode did not apply", root, err, c.rootPx)
			}
			browsertest.Screenshot(t, ctx, "analysis-"+c.name+".png")
			for _, v := range browsertest.Axe(t, ctx) {
				t.Errorf("axe: %s", v)
			}
			noHorizontalScroll(t, ctx)
			charts, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`Array.from(document.querySelectorAll("svg.bars")).flatMap(svg => {
				const r = svg.getBoundingClientRect();
				const text = svg.querySelector("text.label").getBoundingClientRect();
				return [r.left, r.right, text.height];
			})`))
			if err != nil || len(charts) < 15 {
				t.Fatalf("charts %v (%v)", charts, err)
			}
			for i := 0; i < len(charts); i += 3 {
				if charts[i] < 0 || charts[i+1] > float64(c.width) {
					t.Errorf("chart %d spans %.0f–%.0f px of %d", i/3, charts[i], charts[i+1], c.width)
				}
				if charts[i+2] < 11 {
					t.Errorf("chart %d: its labels are %.1f px high", i/3, charts[i+2])
				}
			}
		})
	}
}
