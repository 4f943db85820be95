package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

const townshipURL = "/fujian/putian/xianyou/jiaowei/"

// fontSize is the computed font size, in px, of the first paragraph of
// the main content.
const fontSizeJS = `parseFloat(getComputedStyle(document.querySelector("main p")).fontSize)`

// TestBrowserTownshipPage opens the township page in headless Chromium at
// a phone's and a desktop's width: no horizontal scrolling, the 大/中/小
// control changes the text size and the choice survives a reload.
// Screenshots go to test-artifacts/.
func TestBrowserTownshipPage(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()

	for _, width := range []int{360, 1280} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			ctx := browsertest.New(t, width, 800)
			ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+townshipURL),
				chromedp.WaitVisible(chromedp.CSS("#fs")),
			); err != nil {
				t.Fatal(err)
			}
			noHorizontalScroll(t, ctx)
			base := evalFloat(t, ctx, fontSizeJS)
			browsertest.Screenshot(t, ctx, "township-"+strconv.Itoa(width)+".jpg")

			for _, c := range []struct {
				button string
				bigger bool
			}{{"l", true}, {"s", false}} {
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#fs button[data-fs="`+c.button+`"]`))); err != nil {
					t.Fatal(err)
				}
				got := evalFloat(t, ctx, fontSizeJS)
				if c.bigger && got <= base || !c.bigger && got >= base {
					t.Errorf("font size %s: %.1fpx, default %.1fpx", c.button, got, base)
				}
				if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#fs"))); err != nil {
					t.Fatal(err)
				}
				if again := evalFloat(t, ctx, fontSizeJS); again != got {
					t.Errorf("font size %s after reload: %.1fpx, want %.1fpx (the choice is not remembered)", c.button, again, got)
				}
				pressed, err := chromedp.Run(ctx, chromedp.Evaluate[string](
					`document.querySelector('#fs button[aria-pressed="true"]').dataset.fs`))
				if err != nil || pressed != c.button {
					t.Errorf("pressed button after reload: %q (%v), want %q", pressed, err, c.button)
				}
				noHorizontalScroll(t, ctx)
				if c.bigger {
					browsertest.Screenshot(t, ctx, "township-"+strconv.Itoa(width)+"-large.jpg")
				}
			}
			// Back to 中 for the next run in the same profile.
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#fs button[data-fs="m"]`))); err != nil {
				t.Fatal(err)
			}
			if got := evalFloat(t, ctx, fontSizeJS); got != base {
				t.Errorf("font size 中: %.1fpx, want the default %.1fpx", got, base)
			}
		})
	}
}

// TestBrowserPages opens the other kinds of page at a phone's width: each
// fits without horizontal scrolling. Screenshots go to test-artifacts/.
func TestBrowserPages(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.New(t, 360, 800)
	for _, p := range []struct{ name, url string }{
		{"home", "/"},
		{"county", "/fujian/putian/xianyou/"},
		{"notice", townshipURL + "notices/2024-12-02/"},
		{"finding", townshipURL + "findings/2023-07-03/59/"},
		{"about", "/about/"},
	} {
		t.Run(p.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+p.url), chromedp.WaitVisible(chromedp.CSS("#fs"))); err != nil {
				t.Fatal(err)
			}
			noHorizontalScroll(t, ctx)
			browsertest.Screenshot(t, ctx, p.name+"-360.jpg")
		})
	}
}

// TestBrowserWithoutJavaScript: with scripts off the font-size control
// stays hidden and every finding is still listed.
func TestBrowserWithoutJavaScript(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.New(t, 360, 800)
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}),
		chromedp.Navigate(srv.URL+townshipURL),
		chromedp.WaitReady(chromedp.CSS("main")),
	); err != nil {
		t.Fatal(err)
	}
	visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("fs").offsetParent !== null`))
	if err != nil || visible {
		t.Errorf("font-size control visible without JavaScript: %v %v", visible, err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("ol.findings > li").length`))
	if err != nil || n != 59 {
		t.Errorf("findings listed without JavaScript: %d (%v), want 59", n, err)
	}
	noHorizontalScroll(t, ctx)
	browsertest.Screenshot(t, ctx, "township-360-nojs.jpg")
}

func evalFloat(t *testing.T, ctx context.Context, js string) float64 {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// noHorizontalScroll fails when the page is wider than the viewport, and
// names the widest elements.
func noHorizontalScroll(t *testing.T, ctx context.Context) {
	t.Helper()
	w, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](
		`[document.documentElement.scrollWidth, document.documentElement.clientWidth]`))
	if err != nil {
		t.Fatal(err)
	}
	if w[0] > w[1] {
		wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("body *"))
			.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
			.slice(0, 5).map(e => e.tagName + "." + e.className + ": " + (e.textContent || "").slice(0, 30))`))
		t.Errorf("horizontal scroll: page %dpx wide in a %dpx viewport; too wide: %s", w[0], w[1], strings.Join(wide, " | "))
	}
}
