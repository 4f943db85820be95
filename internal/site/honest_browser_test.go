package site

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/browsertest"
)

// TestBrowserFindingsTableDeadline opens the findings table (/findings/)
// of the honest fixture: the deadline cell shows the deadline as the
// notice wrote it, with the site's reading labelled (issue 22, item 4).
func TestBrowserFindingsTableDeadline(t *testing.T) {
	browsertest.Require(t)
	s := buildFixture(t, honestFixture, asOfFixture)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(browsertest.New(t, 1280, 900), 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/findings/"), chromedp.WaitVisible(chromedp.CSS("#ft-table tbody tr"))); err != nil {
		t.Fatal(err)
	}
	cells, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#ft-table tbody tr")).map(tr => tr.cells[2].textContent + "|" + tr.cells[5].textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range cells {
		if strings.HasPrefix(c, "示例问题二|") {
			found = true
			if c != "示例问题二|2024年12月前（本站按2024年12月31日计） 逾期" {
				t.Errorf("the deadline cell reads %q", c)
			}
		}
	}
	if !found {
		t.Errorf("no row for 示例问题二 in %q", cells)
	}
}
