package site

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongshi/gongshi/internal/browsertest"
	"github.com/gongshi/gongshi/internal/site/model"
)

// tableExtra adds to the county fixture a township whose findings need
// escaping in CSV: a formula, quotes, commas and lines in a cell.
const tableExtra = `
-- data/shili/shilishi/shilixian/zhen0002/2024-09-01.toml --
title = "中共样本镇0002委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0002委员会"
signed = 2024-09-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0002"
township_slug = "zhen0002"
[inspection]
body = "县委第一巡察组"
start = 2024-02-01
[[findings]]
number = 1
category_no = 1
category = "示例类别乙"
title = "=HYPERLINK(\"http://example.invalid\",\"示例\")"
status = "not_started"
status_text = "未整改"
rectification = "一是示例，\"引号\"，逗号,在此。\n二是第二行。"
[[findings]]
number = 2
category_no = 1
category = "示例类别乙"
title = "-示例问题, 含逗号"
status = "in_progress"
status_text = "整改中"
[[outstanding]]
number = 1
finding = 2
heading = "关于示例问题"
deadline_text = "2024年12月前"
deadline = 2024-12-31
`

// tableSite is the findings table's files as a built site has them, read
// back in Go: the manifest, the rows, each row's unit, and the site's
// findings-zh.csv by 编号.
type tableSite struct {
	man    *model.TableManifest
	rows   [][]any
	unitOf []int
	zh     map[string][]string
}

func readTableSite(t *testing.T, dir string) *tableSite {
	t.Helper()
	ts := &tableSite{man: &model.TableManifest{}, zh: map[string][]string{}}
	if err := json.Unmarshal([]byte(readFile(t, dir, model.TableManifestFile)), ts.man); err != nil {
		t.Fatal(err)
	}
	for s := 0; s*ts.man.ShardRows < ts.man.Rows; s++ {
		var shard [][]any
		if err := json.Unmarshal([]byte(readFile(t, dir, model.TableDir+strings.ReplaceAll(ts.man.Shards, "{n}", fmt.Sprint(s)))), &shard); err != nil {
			t.Fatal(err)
		}
		ts.rows = append(ts.rows, shard...)
	}
	if len(ts.rows) != ts.man.Rows {
		t.Fatalf("%d rows, the manifest says %d", len(ts.rows), ts.man.Rows)
	}
	for ui, u := range ts.man.Units {
		for range int(u[slices.Index(ts.man.UnitFields, "rows")].(float64)) {
			ts.unitOf = append(ts.unitOf, ui)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(readFile(t, dir, ts.man.Downloads.CSVZh), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		ts.zh[strings.TrimPrefix(r[0], "'")] = r
	}
	return ts
}

func (ts *tableSite) str(i int, field string) string {
	return ts.rows[i][slices.Index(ts.man.RowFields, field)].(string)
}

func (ts *tableSite) num(i int, field string) int {
	return int(ts.rows[i][slices.Index(ts.man.RowFields, field)].(float64))
}

func (ts *tableSite) unit(i int, field string) string {
	return ts.man.Units[ts.unitOf[i]][slices.Index(ts.man.UnitFields, field)].(string)
}

func (ts *tableSite) category(i int) string {
	if c := ts.num(i, "category"); c >= 0 {
		return ts.man.Categories[c]
	}
	return ""
}

func underPath(p, v string) bool { return p == v || strings.HasPrefix(p, v+"/") }

// view is the rows of the table's view for the query q, in its order, as
// computed here from the rows: the filters as the page describes them,
// the sort by the column's key (texts in Chinese collation, status by the
// site's order, rows with no category or deadline last either way), ties
// in the rows' own order either way.
func (ts *tableSite) view(t *testing.T, q string) []int {
	t.Helper()
	p, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for i := range ts.rows {
		dl := ts.str(i, "deadline")
		switch {
		case p.Get("region") != "" && !underPath(ts.unit(i, "region"), p.Get("region")),
			p.Get("unit") != "" && !underPath(ts.unit(i, "key"), p.Get("unit")),
			len(p["status"]) > 0 && !slices.Contains(p["status"], ts.man.Statuses[ts.num(i, "status")][0]),
			p.Get("category") != "" && ts.category(i) != p.Get("category"),
			p.Get("year") != "" && !strings.HasPrefix(ts.str(i, "signed"), p.Get("year")+"-"),
			p.Get("overdue") != "" && ts.num(i, "overdue") != 1,
			p.Get("due_from") != "" && (dl == "" || dl < p.Get("due_from")),
			p.Get("due_to") != "" && (dl == "" || dl > p.Get("due_to")):
			continue
		}
		out = append(out, i)
	}
	col, desc := p.Get("sort"), p.Get("order") == "desc"
	if col == "" {
		return out
	}
	coll := collate.New(language.Chinese, collate.Numeric)
	key := func(i int) (string, int) {
		switch col {
		case "unit":
			return ts.unit(i, "label"), 0
		case "number":
			return "", ts.num(i, "number")
		case "title":
			return ts.str(i, "title"), 0
		case "category":
			return ts.category(i), 0
		case "status":
			return "", ts.num(i, "status")
		case "deadline":
			return ts.str(i, "deadline"), 0
		case "signed":
			return ts.str(i, "signed"), 0
		}
		t.Fatalf("sort %q", col)
		return "", 0
	}
	slices.SortStableFunc(out, func(i, j int) int {
		si, ni := key(i)
		sj, nj := key(j)
		if col == "category" || col == "deadline" {
			if (si == "") != (sj == "") {
				if si == "" {
					return 1
				}
				return -1
			}
		}
		c := ni - nj
		if col == "deadline" || col == "signed" {
			c = strings.Compare(si, sj)
		} else if si != sj {
			c = coll.CompareString(si, sj)
		}
		if desc {
			c = -c
		}
		return c
	})
	return out
}

// csvOf is findings-zh.csv of the rows, in their order, as Go writes it.
func (ts *tableSite) csvOf(t *testing.T, rows []int) string {
	t.Helper()
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	w, err := newCSV(bw, model.CSVColumnsZh)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range rows {
		r, ok := ts.zh[ts.str(i, "id")]
		if !ok {
			t.Fatalf("no row %s in findings-zh.csv", ts.str(i, "id"))
		}
		if err := w.Write(r); err != nil { // its cells as the file has them (guarded)
			t.Fatal(err)
		}
	}
	w.Flush()
	bw.Flush()
	return b.String()
}

// tableReady waits for the table to have drawn the URL's view.
func tableReady(ctx context.Context) error {
	return chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`document.querySelector("#ft-app[data-ready]:not([data-busy])") !== null`,
		chromedp.WithPollingTimeout(30*time.Second)))
}

// TestBrowserFindingsTableViews builds the county fixture (with a
// township whose cells need CSV escaping) with three rows to a shard, so
// that every view spans shards, and opens views of the findings table in
// Chromium: each filter and each column's sort, both ways, alone and
// combined. The rows shown, and their count, are those Go computes from
// the table's rows. The first view fetches no sort or filter file. The
// view's download (CSV, 中文表头) is byte for byte findings-zh.csv's
// header and the view's rows as Go writes them, in the view's order,
// formula guard and quoting included; the JSON download holds the same
// findings in that order. Then the bundled site, at the real shard size:
// the second page of a sorted view.
func TestBrowserFindingsTableViews(t *testing.T) {
	browsertest.Require(t)
	old := tableShardRows
	tableShardRows = 3
	data := countyFixture[:strings.Index(countyFixture, "-- expect/")] // its pages' expectations count its own units
	s := buildFixture(t, data+tableExtra, asOfFixture)
	tableShardRows = old
	ts := readTableSite(t, s.Dir)
	if ts.man.ShardRows != 3 || ts.man.Rows <= 2*ts.man.ShardRows {
		t.Fatalf("%d rows of %d to a shard: too few shards", ts.man.Rows, ts.man.ShardRows)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(browsertest.New(t, 1280, 900), 3*time.Minute)
	defer cancel()
	open := func(q string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/findings/"+q)); err != nil {
			t.Fatal(err)
		}
		if err := tableReady(ctx); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	open("")
	var fetched []string
	fetched = evalJS[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.includes("/findings/table/"))`)
	for _, f := range fetched {
		if !strings.Contains(f, "/rows/") && !strings.HasSuffix(f, "/manifest.json") {
			t.Errorf("the first view fetched %s", f)
		}
	}
	const shown = `[...document.querySelectorAll("#ft-table tbody tr td:nth-child(3) a")].map(a => a.getAttribute("href"))`
	views := []string{
		"",
		"?sort=title&order=desc",
		"?sort=title",
		"?sort=unit&order=desc",
		"?sort=number",
		"?sort=number&order=desc",
		"?sort=category",
		"?sort=category&order=desc",
		"?sort=status&order=desc",
		"?sort=deadline",
		"?sort=deadline&order=desc",
		"?sort=signed&order=desc",
		"?status=in_progress&status=not_started&sort=category",
		"?category=示例类别乙&sort=deadline&order=desc",
		"?unit=shili/shilishi/shilixian/zhen0001&sort=status",
		"?region=shili/shilishi/shilixian&overdue=1",
		"?year=2024&sort=unit",
		"?due_from=2024-12-01&due_to=2024-12-31&sort=signed&order=desc",
		"?due_to=2024-12-20",
		"?status=done&overdue=1",
		"?status=unstated",
		"?category=示例类别甲&sort=number&order=desc",
		"?region=shili/shilishi/shilixian/zhen0001",
	}
	nonEmpty := 0
	for _, q := range views {
		open(q)
		want := ts.view(t, strings.TrimPrefix(q, "?"))
		var wantURLs []string
		for _, i := range want {
			wantURLs = append(wantURLs, ts.str(i, "url"))
		}
		var got []string
		got = evalJS[[]string](t, ctx, shown)
		if !slices.Equal(got, wantURLs) {
			t.Errorf("%s:\n got %v\nwant %v", q, got, wantURLs)
		}
		var rows string
		rows = evalJS[string](t, ctx, `document.getElementById("ft-app").dataset.rows`)
		if rows != fmt.Sprint(len(want)) {
			t.Errorf("%s: %s rows, want %d", q, rows, len(want))
		}
		if len(want) > 0 && len(want) < ts.man.Rows {
			nonEmpty++
		}
	}
	if nonEmpty < 9 {
		t.Errorf("only %d filtered views have rows: the fixture does not test the filters", nonEmpty)
	}

	// Download the view.
	for _, q := range []string{"?status=in_progress&status=not_started&sort=title&order=desc", "?sort=deadline&order=desc", "?unit=shili/shilishi/shilixian/zhen0002"} {
		open(q)
		want := ts.view(t, strings.TrimPrefix(q, "?"))
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#ft-csv")),
			chromedp.Poll[chromedp.Void](`document.getElementById("ft-app").dataset.downloaded === "csv:`+fmt.Sprint(len(want))+`"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			var st string
			st = evalJS[string](t, ctx, `document.getElementById("ft-status").textContent`)
			t.Fatalf("%s: CSV download: %v (%s)", q, err, st)
		}
		var got string
		got = evalJS[string](t, ctx, `document.getElementById("ft-app").downloaded`)
		if w := ts.csvOf(t, want); got != w {
			t.Errorf("%s: the view's CSV differs from Go's:\n got %q\nwant %q", q, got, w)
		}
		if !strings.HasPrefix(got, "\ufeff"+strings.Join(model.CSVColumnsZh, ",")+"\r\n") {
			t.Errorf("%s: CSV header %.120q", q, got)
		}
		if strings.Contains(q, "zhen0002") && (!strings.Contains(got, `"'=HYPERLINK(""http://example.invalid"",""示例"")"`) || !strings.Contains(got, `"'-示例问题, 含逗号"`) || !strings.Contains(got, "\r\n二是第二行。")) {
			t.Errorf("%s: the cells are not guarded and quoted: %q", q, got)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#ft-json")),
			chromedp.Poll[chromedp.Void](`document.getElementById("ft-app").dataset.downloaded === "json:`+fmt.Sprint(len(want))+`"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("%s: JSON download: %v", q, err)
		}
		var ids []string
		ids = evalJS[[]string](t, ctx, `JSON.parse(document.getElementById("ft-app").downloaded).findings.map(f => f.id)`)
		var wantIDs []string
		for _, i := range want {
			wantIDs = append(wantIDs, ts.str(i, "id"))
		}
		if !slices.Equal(ids, wantIDs) {
			t.Errorf("%s: JSON ids %v, want %v", q, ids, wantIDs)
		}
	}

	// The bundled site at the real shard size: a sorted view's second page.
	site := bundledSite(t)
	bs := readTableSite(t, site)
	if bs.man.Rows <= bs.man.ShardRows || bs.man.Rows <= bs.man.PageRows {
		t.Fatalf("the bundled site has %d rows: one shard, one page", bs.man.Rows)
	}
	bsrv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer bsrv.Close()
	for _, q := range []string{"?sort=title&order=desc&page=2", "?sort=status&page=2", "?page=2"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(bsrv.URL+"/findings/"+q)); err != nil {
			t.Fatal(err)
		}
		if err := tableReady(ctx); err != nil {
			t.Fatal(err)
		}
		want := bs.view(t, strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(q, "page=2"), "&"), "?"))
		var wantURLs []string
		for _, i := range want[bs.man.PageRows:] {
			wantURLs = append(wantURLs, bs.str(i, "url"))
		}
		var got []string
		got = evalJS[[]string](t, ctx, shown)
		if !slices.Equal(got, wantURLs) {
			t.Errorf("bundled %s:\n got %v\nwant %v", q, got, wantURLs)
		}
	}
}

// evalJS evaluates js in the page and returns its value.
func evalJS[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}
