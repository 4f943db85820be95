package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

// TestBrowserFindingsCards opens the findings table (/findings/) of the
// bundled site at a phone's width (360 px) and a desktop's (1280 px), plain
// and in 长辈模式 at its largest font (特大): on the phone each finding is
// a card of "label value" lines, nothing overflows sideways (neither the
// page nor the table's own scroll box), every row's box is inside the
// viewport, the first rows' 状态 can be seen, each card label is its
// column's header, and the table is still a table to assistive technology
// (Chromium's roles for the table, its header and its cells). On a
// desktop it is a table, and fits its box too, also with the largest type.
// axe-core finds no violation in any case (issue 22, item 3).
func TestBrowserFindingsCards(t *testing.T) {
	browsertest.Require(t)
	site := bundledSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	cases := []struct {
		name     string
		url      string
		width    int
		contrast string // "" or "high" (长辈模式)
		fs       string // the font-size control: m or xl
		rootPx   string // the root font size that mode gives
		cards    bool
	}{
		{"360", "/findings/", 360, "", "m", "16px", true},
		{"360-elder-xl", "/findings/", 360, "high", "xl", "24px", true},
		// Overdue rows carry the most in their deadline cell: the
		// deadline as written, the site's reading and the 逾期 flag.
		{"360-elder-xl-overdue", "/findings/?overdue=1", 360, "high", "xl", "24px", true},
		{"1024-elder-xl", "/findings/", 1024, "high", "xl", "24px", true},
		{"800", "/findings/", 800, "", "m", "16px", false},
		{"1280", "/findings/", 1280, "", "m", "16px", false},
		{"1280-elder-xl", "/findings/", 1280, "high", "xl", "24px", false},
	}
	for _, c := range cases {
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
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+c.url), chromedp.WaitVisible(chromedp.CSS("#ft-app[data-ready]"))); err != nil {
				t.Fatal(err)
			}
			root, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.documentElement).fontSize`))
			if err != nil || root != c.rootPx {
				t.Fatalf("root font size %q (%v), want %s: the mode did not apply", root, err, c.rootPx)
			}
			display, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#ft-table tbody tr")).display`))
			if err != nil {
				t.Fatal(err)
			}
			if got := display == "block"; got != c.cards {
				t.Errorf("rows displayed as %q; cards: %v, want %v", display, got, c.cards)
			}
			browsertest.Screenshot(t, ctx, "findings-cards-"+c.name+".png")
			viewShot(t, ctx, "findings-cards-"+c.name+"-view.png")
			for _, v := range browsertest.Axe(t, ctx) {
				t.Errorf("axe: %s", v)
			}
			noHorizontalScroll(t, ctx)
			// The table's own scroll box (.table-wrap scrolls a table too
			// wide for it) must have nothing to scroll either: a table cut
			// off there is as unreadable as a page that scrolls.
			wrap, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`(w => [w.scrollWidth, w.clientWidth])(document.querySelector("#ft-app .table-wrap"))`))
			if err != nil {
				t.Fatal(err)
			}
			if wrap[0] > wrap[1] {
				t.Errorf("the table is %dpx wide in a %dpx box", wrap[0], wrap[1])
			}
			outside, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#ft-table tr")).map((tr, i) => {
				const r = tr.getBoundingClientRect();
				return r.left < 0 || r.right > document.documentElement.clientWidth ? i + ": " + Math.round(r.left) + "–" + Math.round(r.right) + "px" : "";
			}).filter(Boolean)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(outside) > 0 {
				t.Errorf("%d rows outside the %dpx viewport: %s", len(outside), c.width, strings.Join(outside[:min(5, len(outside))], ", "))
			}
			// 状态 of the first rows: scrolled to, its badge is inside the
			// viewport and is what a reader sees at its centre (not cut off
			// by the scroll box, not covered).
			rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#ft-table tbody tr").length`))
			if err != nil || rows == 0 {
				t.Fatalf("%d rows (%v)", rows, err)
			}
			for i := 0; i < min(3, rows); i++ {
				seen, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
					const tr = document.querySelectorAll("#ft-table tbody tr")[`+strconv.Itoa(i)+`];
					const b = tr && tr.cells[4].querySelector(".badge");
					if (!b) return "no badge";
					// Scrolled down to, never sideways: scrollIntoView would
					// scroll the table's box sideways and hide a cut-off column.
					window.scrollTo(0, b.getBoundingClientRect().top + scrollY - innerHeight / 2);
					const r = b.getBoundingClientRect(), w = document.documentElement.clientWidth;
					const box = document.querySelector("#ft-app .table-wrap").getBoundingClientRect();
					if (r.width < 1 || r.height < 1) return "empty box";
					if (r.left < 0 || r.right > w) return "outside the viewport: " + Math.round(r.left) + "–" + Math.round(r.right) + "px of " + w;
					if (r.left < box.left || r.right > box.right) return "cut off by the table's box: " + Math.round(r.left) + "–" + Math.round(r.right) + "px, box " + Math.round(box.left) + "–" + Math.round(box.right);
					const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return at && (at === b || b.contains(at)) ? "ok " + b.textContent : "covered by " + (at ? at.tagName + "." + at.className : "nothing");
				})()`))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(seen, "ok ") {
					t.Errorf("row %d: 状态 not visible: %s", i+1, seen)
				}
			}
			if !c.cards {
				return
			}
			// Each card label is the header of its column (the labels are
			// in site.css by position; table.js writes the cells in the
			// headers' order).
			labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelector("#ft-table tbody tr").cells).map((td, i) => {
				const th = document.querySelectorAll("#ft-table thead th")[i].textContent.trim();
				const content = getComputedStyle(td, "::before").content;
				return content.startsWith('"' + th + '"') ? "" : (i + 1) + ": label " + content + ", header " + th;
			}).filter(Boolean)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(labels) > 0 {
				t.Errorf("card labels disagree with the headers: %s", strings.Join(labels, "; "))
			}
			// Still a table to assistive technology.
			for _, r := range []struct{ sel, role string }{
				{"#ft-table", "table"},
				{"#ft-table thead th", "columnheader"},
				{"#ft-table tbody tr", "row"},
				{"#ft-table tbody td", "cell"},
			} {
				if got := axRole(t, ctx, r.sel); got != r.role {
					t.Errorf("%s: role %q, want %q", r.sel, got, r.role)
				}
			}
		})
	}
}

// viewShot saves what the viewport shows with the table scrolled to its
// top (the full-page screenshot is too tall to look at).
func viewShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("ft-table").scrollIntoView(); 0`)); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(browsertest.ArtifactDir(t), name), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// axRole is Chromium's accessibility role of the first element sel matches.
func axRole(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSS(sel)))
	if err != nil || len(nodes) == 0 {
		t.Fatalf("%s: %d nodes, %v", sel, len(nodes), err)
	}
	var role string
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		no := false
		r, err := cdp.Call(ctx, tg, accessibility.GetPartialAXTree, accessibility.GetPartialAXTreeParams{BackendNodeID: nodes[0].BackendNodeID, FetchRelatives: &no})
		if err != nil {
			return err
		}
		if len(r.Nodes) > 0 && r.Nodes[0].Role != nil {
			role = strings.Trim(string(r.Nodes[0].Role.Value), `"`)
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	return role
}
