package search

import (
	"context"
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"math"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

var (
	mixedOnce sync.Once
	mixedDir  string
	mixedErr  error
)

// mixedSite is a site with the seed notice and a fictitious corpus of 30
// townships (two notices each), so that terms have varied document
// frequencies, statuses and years.
func mixedSite(t testing.TB) string {
	t.Helper()
	mixedOnce.Do(func() {
		c, err := searchtest.Mixed(30, 7)
		if err != nil {
			mixedErr = err
			return
		}
		mixedDir, mixedErr = os.MkdirTemp("", "gongshi-search-mixed-")
		if mixedErr == nil {
			_, mixedErr = BuildSiteDue(context.Background(), c, mixedDir, nil, fakeDue(c))
		}
	})
	if mixedErr != nil {
		t.Fatal(mixedErr)
	}
	return mixedDir
}

// fakeDue gives every fifth finding a deadline (2023 or 2024) and half of
// those an overdue flag, as the site model would.
func fakeDue(c *notice.Corpus) map[string]Due {
	due := map[string]Due{}
	for _, d := range Docs(c) {
		if d.Kind == KindFinding && d.Number%5 == 0 {
			due[d.ID] = Due{Deadline: notice.Date(fmt.Sprintf("%d-%02d-15", 2023+d.Number/5%2, 1+d.Number%12)), Overdue: d.Number%10 == 0}
		}
	}
	return due
}

// rankQueries are the queries whose rankings the browser must share with
// Bleve.
var rankQueries = []struct {
	q       string
	filters Filters
}{
	{q: "偷工减料"}, {q: "回填土"}, {q: "陵园"}, {q: "电诈"}, {q: "小金库"}, {q: "食堂"},
	{q: `"3.85万元"`}, {q: "3.85万元"}, {q: "整改"}, {q: "工程 项目"}, {q: "+工程 -陵园"},
	{q: "偷工减料^2 回填土"}, {q: `"整改情况"`}, {q: "2024"}, {q: "郊尾镇"}, {q: `"党委会议事规则"`},
	{q: "食堂 管理 漏洞"}, {q: "污水处理"}, {q: "坟"}, {q: "火星探测"}, {q: "+污水 +管网"},
	{q: "信访 -越级"}, {q: `+"专项债券" 项目`}, {q: "Ⅲ类 水质"}, {q: "3p污水主干管"}, {q: "mm³"},
	{q: "text:陵园"}, {q: "一岗双责"}, {q: `"一岗双责" 四风`}, {q: "巡察 整改 反馈 问题 情况 工作 镇 党委 村 项目 资金 工程"},
	{q: "整改", filters: Filters{Status: []string{"in_progress"}}},
	{q: "工程", filters: Filters{Year: []string{"2024"}}},
	{q: "污水", filters: Filters{Region: []string{"shili/shilishi/xian01"}}},
	{q: "资金", filters: Filters{Region: []string{"fujian"}}},
	{q: "整改", filters: Filters{UnitKind: []string{"department"}}},
	{q: "工程", filters: Filters{UnitKind: []string{"village"}}},
	{q: "资金", filters: Filters{Unit: []string{"shili/shilishi/xian01/ju0002"}}},
	{q: "问题", filters: Filters{Unit: []string{"shili/shilishi/xian01/zhen0004"}, UnitKind: []string{"village"}}},
	// issue 9: a word needs all its bigrams; any: is the loose match;
	// full-width digits and letters; overdue, deadline, several values.
	{q: "xyzabc不存在的词"}, {q: "any:偷工减料"}, {q: "any:陵园工程 食堂"}, {q: "１２３４５"}, {q: "２０２４"},
	{q: "３．８５万元"}, {q: "\"３．８５万元\""}, {q: "整改到位"}, {q: "资金管理不规范"},
	{q: "整改", filters: Filters{Overdue: true}},
	{q: "问题", filters: Filters{Deadline: []string{"2024"}}},
	{q: "问题", filters: Filters{Deadline: []string{"2023", "2024"}, Status: []string{"in_progress", "not_started"}}},
	{q: "工程", filters: Filters{Status: []string{"done", "unstated"}, Year: []string{"2024", "2025"}}},
	{q: "资金", filters: Filters{UnitKind: []string{"village", "department"}, Overdue: true}},
}

// TestRankingMatchesBleve runs the queries through Bleve (Index.Search)
// and through search.js over the exported static index, and compares the
// totals, the top 10 (documents and scores) and the facet counts.
func TestRankingMatchesBleve(t *testing.T) {
	site := mixedSite(t)
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	type jsQuery struct {
		Q       string         `json:"q"`
		Filters map[string]any `json:"filters,omitempty"`
	}
	var qs []jsQuery
	for _, rq := range rankQueries {
		f := map[string]any{}
		for k, v := range map[string][]string{"status": rq.filters.Status, "year": rq.filters.Year, "region": rq.filters.Region,
			"unit": rq.filters.Unit, "unit_kind": rq.filters.UnitKind, "deadline": rq.filters.Deadline} {
			if len(v) == 1 {
				f[k] = v[0] // one value as a string, several as a list: the page passes both
			} else if len(v) > 1 {
				f[k] = v
			}
		}
		if rq.filters.Overdue {
			f["overdue"] = "1"
		}
		qs = append(qs, jsQuery{Q: rq.q, Filters: f})
	}
	var js []struct {
		Total int `json:"total"`
		Hits  []struct {
			Doc   int     `json:"doc"`
			Score float64 `json:"score"`
		} `json:"hits"`
		Facets struct {
			Status   map[string]int `json:"status"`
			Year     map[string]int `json:"year"`
			Overdue  map[string]int `json:"overdue"`
			Deadline map[string]int `json:"deadline"`
			Unit     map[string]int `json:"unit"`
			UnitKind map[string]int `json:"unit_kind"`
		} `json:"facets"`
		Unsupported []string `json:"unsupported"`
		Partial     bool     `json:"partial"`
		Error       string   `json:"error"`
	}
	runNode(t, "search", map[string]any{"site": site, "queries": qs, "size": 10}, &js)
	for i, rq := range rankQueries {
		res, err := x.Search(context.Background(), Request{Query: rq.q, Filters: rq.filters, Size: 10, Facets: true})
		if err != nil {
			t.Errorf("%s: bleve: %v", rq.q, err)
			continue
		}
		got := js[i]
		if got.Error != "" || len(got.Unsupported) > 0 {
			t.Errorf("%s: js: %s %v", rq.q, got.Error, got.Unsupported)
			continue
		}
		// A phrase with more candidates than search.js checks on their text
		// gives the best-scoring ones (partial): the top 10 must still agree.
		if got.Partial {
			if uint64(got.Total) > res.Total || res.Total < PhraseCheckMax {
				t.Errorf("%s: partial js finds %d, bleve %d", rq.q, got.Total, res.Total)
			}
		} else if uint64(got.Total) != res.Total {
			t.Errorf("%s: js finds %d, bleve %d", rq.q, got.Total, res.Total)
		}
		if len(got.Hits) != len(res.Hits) {
			t.Errorf("%s: js shows %d hits, bleve %d", rq.q, len(got.Hits), len(res.Hits))
			continue
		}
		for k, h := range res.Hits {
			g := got.Hits[k]
			if math.Abs(g.Score-h.Score) > 1e-9*math.Max(1, h.Score) {
				t.Errorf("%s: hit %d: js doc %d score %.12g, bleve doc %d score %.12g", rq.q, k, g.Doc, g.Score, h.Doc, h.Score)
				continue
			}
			// Equal scores may come out in either order only if they differ
			// in the last bits (a different summation order).
			if g.Doc != h.Doc && math.Abs(g.Score-h.Score) > 0 {
				t.Errorf("%s: hit %d: js doc %d, bleve doc %d (scores %.17g / %.17g)", rq.q, k, g.Doc, h.Doc, g.Score, h.Score)
			}
		}
		for _, f := range res.Facets[FieldStatus] {
			if got.Partial {
				break
			}
			if got.Facets.Status[f.Value] != f.Count {
				t.Errorf("%s: status %s: js %d, bleve %d", rq.q, f.Value, got.Facets.Status[f.Value], f.Count)
			}
		}
		for _, f := range res.Facets[FieldYear] {
			if got.Partial {
				break
			}
			if got.Facets.Year[f.Value] != f.Count {
				t.Errorf("%s: year %s: js %d, bleve %d", rq.q, f.Value, got.Facets.Year[f.Value], f.Count)
			}
		}
		for _, c := range []struct {
			field string
			js    map[string]int
		}{{FieldUnit, got.Facets.Unit}, {FieldUnitKind, got.Facets.UnitKind}, {FieldOverdue, got.Facets.Overdue}, {FieldDeadline, got.Facets.Deadline}} {
			if got.Partial {
				break
			}
			n := 0
			for _, f := range res.Facets[c.field] {
				n += f.Count
				if c.js[f.Value] != f.Count {
					t.Errorf("%s: %s %s: js %d, bleve %d", rq.q, c.field, f.Value, c.js[f.Value], f.Count)
				}
			}
			if uint64(n) != res.Total && c.field == FieldUnitKind {
				t.Errorf("%s: unit kinds count %d documents of %d", rq.q, n, res.Total)
			}
		}
		if testing.Verbose() && len(res.Hits) > 0 {
			t.Logf("%-28s %5d hits, top: doc %d %s %.4f", rq.q, res.Total, res.Hits[0].Doc, res.Hits[0].Title, res.Hits[0].Score)
		}
	}
}

func init() {
	cleanups = append(cleanups, func() {
		if mixedDir != "" {
			os.RemoveAll(mixedDir)
		}
	})
}

// TestUnitFacetsAndHits: the unit kinds and units are facets with labels,
// filters take a unit's name, and hits name their unit.
func TestUnitFacetsAndHits(t *testing.T) {
	x, err := Open(mixedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), Request{Query: "整改", Size: 100, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, f := range res.Facets[FieldUnitKind] {
		kinds[f.Value] = f.Label
	}
	for k, label := range map[string]string{"township": "乡镇（街道）", "village": "村（社区）", "department": "部门单位", "school": "学校"} {
		if kinds[k] != label {
			t.Errorf("unit_kind facet %s: label %q, want %q (%v)", k, kinds[k], label, kinds)
		}
	}
	units := map[string]string{}
	for _, f := range res.Facets[FieldUnit] {
		units[f.Value] = f.Label
	}
	if units["shili/shilishi/xian01/ju0002"] != "示例县01示例局0002" || units["shili/shilishi/xian01/zhen0004/cun0004"] != "示例县01样本镇0004示例村0004" {
		t.Errorf("unit facet labels: %v", units)
	}
	byName, err := x.Search(context.Background(), Request{Query: "整改", Size: 100, Filters: Filters{Unit: []string{"示例局0002"}}})
	if err != nil {
		t.Fatal(err)
	}
	if byName.Total == 0 {
		t.Fatal("no hit for the unit 示例局0002")
	}
	for _, h := range byName.Hits {
		if h.Unit != "示例局0002" || h.UnitKind != "department" || h.UnitPath != "shili/shilishi/xian01/ju0002" || h.Township != "" || h.County != "示例县01" {
			t.Errorf("hit %+v", h)
		}
	}
	if _, err := x.Search(context.Background(), Request{Query: "整改", Filters: Filters{UnitKind: []string{"ministry"}}}); err == nil {
		t.Error("an unknown unit kind is not a bad request")
	}
}

// TestIssue9Rules: a nonsense word finds nothing (a word needs all of its
// bigrams); full-width digits find what ASCII digits find; every syntax
// error is explained in Chinese, the same words in Go and in search.js.
func TestIssue9Rules(t *testing.T) {
	site := mixedSite(t)
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	search := func(q string) *Result {
		t.Helper()
		r, err := x.Search(context.Background(), Request{Query: q, Size: 100})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return r
	}
	if r := search("xyzabc不存在的词"); r.Total != 0 {
		t.Errorf("a nonsense query finds %d documents", r.Total)
	}
	if r := search("any:不存在的词"); r.Total == 0 {
		t.Error("any: (the loose match) finds nothing for 不存在的词")
	}
	a, b := search("12345"), search("１２３４５")
	if a.Total == 0 || a.Total != b.Total {
		t.Errorf("12345 finds %d, １２３４５ %d", a.Total, b.Total)
	}
	for i := range a.Hits {
		if a.Hits[i].ID != b.Hits[i].ID {
			t.Errorf("hit %d: 12345 %s, １２３４５ %s", i, a.Hits[i].ID, b.Hits[i].ID)
		}
	}
	bad := []string{`"偷工减料`, `偷工 "减料`, `+ 污水`, `污水 -`, `: 陵园`, `text:`, `食堂^`, `食堂^x`, `~ 食堂`, `食堂 >`, `text:>`, `a:b:c`, `+`, `-`}
	type jsQuery struct {
		Q string `json:"q"`
	}
	var qs []jsQuery
	for _, q := range bad {
		qs = append(qs, jsQuery{q})
	}
	var js []struct {
		Error string `json:"error"`
	}
	runNode(t, "search", map[string]any{"site": site, "queries": qs, "size": 10}, &js)
	for i, q := range bad {
		_, err := x.Search(context.Background(), Request{Query: q})
		var br *BadRequest
		if err == nil { // Bleve takes it (食堂^ is a boost of 1): so must search.js
			if js[i].Error != "" {
				t.Errorf("%s: go takes it, js says %q", q, js[i].Error)
			}
			continue
		}
		if !errors.As(err, &br) {
			t.Errorf("%s: not a bad request: %v", q, err)
			continue
		}
		zh := br.Localize(i18n.NewPrinter(true))
		if !strings.HasPrefix(zh, "查询语法有误：") {
			t.Errorf("%s: %s", q, zh)
		}
		if js[i].Error != zh {
			t.Errorf("%s: js says %q, go %q", q, js[i].Error, zh)
		}
	}
}
