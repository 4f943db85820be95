package httpapi

import (
	"context"
	"encoding/json"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

var site string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gongshi-httpapi-")
	if err != nil {
		panic(err)
	}
	c, err := searchtest.Seed()
	if err != nil {
		panic(err)
	}
	if _, err := search.BuildSite(context.Background(), c, dir, nil); err != nil {
		panic(err)
	}
	site = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func get(t *testing.T, h http.Handler, method, target string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	var body map[string]any
	if method != http.MethodHead {
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s %s: not JSON: %v\n%s", method, target, err, rec.Body.String())
		}
	}
	return rec, body
}

func open(t *testing.T) http.Handler {
	t.Helper()
	h, c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return h
}

func TestSearchFindsTheFindings(t *testing.T) {
	h := open(t)
	for _, tc := range []struct {
		q    string
		want []float64 // finding numbers at the top, in order
	}{
		{"偷工减料", []float64{30}},
		{"回填土", []float64{21}},
		{"陵园", []float64{28, 29}},
		{`"3.85万元"`, []float64{21}},
	} {
		rec, body := get(t, h, "GET", "/api/search?highlight=1&facets=1&q="+url.QueryEscape(tc.q))
		if rec.Code != 200 {
			t.Fatalf("%s: %d %v", tc.q, rec.Code, body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("content type %q", ct)
		}
		hits := body["hits"].([]any)
		if len(hits) < len(tc.want) {
			t.Fatalf("%s: %d hits, want at least %d", tc.q, len(hits), len(tc.want))
		}
		for i, n := range tc.want {
			hit := hits[i].(map[string]any)
			if hit["number"] != n || hit["kind"] != "finding" {
				t.Errorf("%s: hit %d is %v %v, want finding %v", tc.q, i, hit["kind"], hit["number"], n)
			}
			wantURL := "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/" + strings.TrimSuffix(strings.TrimSuffix(jsonNum(n), ".0"), ".") + "/"
			if hit["url"] != wantURL || hit["township"] != "郊尾镇" || hit["status"] != "done" {
				t.Errorf("%s: hit %d: %v", tc.q, i, hit)
			}
			if !strings.Contains(hit["snippet"].(string), "<mark>") {
				t.Errorf("%s: hit %d: no highlight in %q", tc.q, i, hit["snippet"])
			}
		}
		facets := body["facets"].(map[string]any)
		if st := facets["status"].([]any); len(st) == 0 {
			t.Errorf("%s: no status facet", tc.q)
		}
	}
}

func jsonNum(f float64) string { b, _ := json.Marshal(f); return string(b) }

func TestFilters(t *testing.T) {
	h := open(t)
	for _, tc := range []struct {
		query string
		check func(hit map[string]any) bool
		min   int
	}{
		{"q=整改&status=in_progress&size=100", func(h map[string]any) bool { return h["status"] == "in_progress" }, 3},
		{"q=整改&township=郊尾镇&size=100", func(h map[string]any) bool { return h["township"] == "郊尾镇" }, 50},
		{"q=整改&township=fujian/putian/xianyou/jiaowei&year=2024&size=100", func(h map[string]any) bool { return h["signed"] == "2024-12-02" }, 50},
		{"q=整改&county=仙游县&category=" + url.QueryEscape("聚焦基层党组织领导班子和干部队伍建设情况") + "&size=100",
			func(h map[string]any) bool {
				return h["category"] == "聚焦基层党组织领导班子和干部队伍建设情况"
			}, 10},
		{"q=整改&region=fujian/putian", func(h map[string]any) bool { return h["city"] == "莆田市" }, 10},
	} {
		rec, body := get(t, h, "GET", "/api/search?"+tc.query)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %v", tc.query, rec.Code, body)
		}
		hits := body["hits"].([]any)
		if len(hits) < tc.min {
			t.Errorf("%s: %d hits, want at least %d", tc.query, len(hits), tc.min)
		}
		for _, hit := range hits {
			if !tc.check(hit.(map[string]any)) {
				t.Errorf("%s: hit %v", tc.query, hit)
			}
		}
	}
	// Filters that match nothing.
	for _, q := range []string{"q=整改&township=样本镇0001", "q=整改&status=not_started", "q=整改&year=1999", "q=整改&region=fujian/putian/xianyou/jiaowe", "q=整改&unit_kind=department", "q=整改&unit=示例县文旅局"} {
		rec, body := get(t, h, "GET", "/api/search?"+q)
		if rec.Code != 200 || body["total"].(float64) != 0 {
			t.Errorf("%s: %d %v", q, rec.Code, body["total"])
		}
	}
}

func getLang(t *testing.T, h http.Handler, method, target, lang string) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	rec := httptest.NewRecorder()
	r := httptest.NewRequest(method, target, nil)
	if lang != "" {
		r.Header.Set("Accept-Language", lang)
	}
	h.ServeHTTP(rec, r)
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("%s %s: not JSON: %v\n%s", method, target, err, rec.Body.String())
	}
	return rec, body
}

// TestBadRequests: each bad request is refused with its status, in the
// language the request asks for: English under Accept-Language: en, else
// Chinese (no header, zh) with no English sentence in it, the request's
// own words (its query, a parameter's name and value) excepted.
func TestBadRequests(t *testing.T) {
	h := open(t)
	for _, tc := range []struct {
		method, target string
		code           int
		msg            string // in the English
		zh             string // in the Chinese
		data           []string
	}{
		{"GET", "/api/search", 400, "empty query", "检索词为空", nil},
		{"GET", "/api/search?q=", 400, "empty query", "检索词为空", nil},
		{"GET", "/api/search?q=%20%20", 400, "empty query", "检索词为空", nil},
		{"GET", "/api/search?q=" + strings.Repeat("整", 1001), 400, "1001 characters", "1001 个字符", nil},
		{"GET", "/api/search?q=整改&size=101", 400, "size 101", "显示条数 101", nil},
		{"GET", "/api/search?q=整改&size=0", 400, "size 0", "显示条数 0", nil},
		{"GET", "/api/search?q=整改&size=-1", 400, "size -1", "显示条数 -1", nil},
		{"GET", "/api/search?q=整改&size=ten", 400, "not a whole number", "不是整数", []string{"size"}},
		{"GET", "/api/search?q=整改&from=-5", 400, "from -5", "起始位置 -5", nil},
		{"GET", "/api/search?q=整改&facets=maybe", 400, "facets", "请用 1 或 0", []string{"facets"}},
		{"GET", "/api/search?q=整改&unit_kind=ministry", 400, "unit kind \"ministry\"", "单位类别 \"ministry\"", i18ntest.NoticeKeys()},
		{"GET", "/api/search?q=整改&status=fixed", 400, "status", "整改状态 \"fixed\"", i18ntest.NoticeKeys()},
		{"GET", "/api/search?q=" + url.QueryEscape(`"unterminated`), 400, "query syntax", "查询语法有误", nil},
		{"GET", "/api/search?q=%2B", 400, "query syntax", "查询语法有误", nil},
		{"GET", "/api/search?q=" + url.QueryEscape("a^x"), 400, "query syntax", "查询语法有误", nil},
		{"GET", "/api/search?q=" + url.QueryEscape("title:"), 400, "query syntax", "查询语法有误", []string{"text:"}},
		{"GET", "/api/search?q=" + url.QueryEscape("/[/"), 400, "missing closing ]", "缺少右方括号", nil},
		{"GET", "/api/search?q=" + url.QueryEscape("/(.{0,50}){0,20}/"), 400, "too complex to run", "太复杂", nil},
		{"GET", "/api/search?q=" + url.QueryEscape("偷工减料~2"), 400, "does not apply to Chinese text", "不适用于中文", nil},
		{"GET", "/api/search?q=" + url.QueryEscape("ab~2"), 400, "would match every word", "会匹配所有", nil},
		{"POST", "/api/search?q=整改", 405, "GET", "GET", nil},
		{"GET", "/api/other", 404, "/api/search", "/api/search", nil},
		{"GET", "/api/search/../../etc/passwd", 404, "no such API", "没有这个接口", nil},
	} {
		for _, lang := range []string{"en-US,en;q=0.9", "", "zh-CN,zh;q=0.9,en;q=0.5"} {
			rec, body := getLang(t, h, tc.method, tc.target, lang)
			if rec.Code != tc.code {
				t.Errorf("%s %.60s (%s): %d, want %d (%v)", tc.method, tc.target, lang, rec.Code, tc.code, body)
				continue
			}
			msg, _ := body["error"].(string)
			want, wantLang := tc.zh, "zh"
			if strings.HasPrefix(lang, "en") {
				want, wantLang = tc.msg, "en"
			}
			if !strings.Contains(msg, want) {
				t.Errorf("%s %.60s (%s): error %q, want it to mention %q", tc.method, tc.target, lang, msg, want)
			}
			if got := rec.Header().Get("Content-Language"); got != wantLang || !strings.Contains(rec.Header().Get("Vary"), "Accept-Language") {
				t.Errorf("%s %.60s (%s): Content-Language %q, Vary %q", tc.method, tc.target, lang, got, rec.Header().Get("Vary"))
			}
			if wantLang == "zh" {
				q, _ := url.ParseQuery(strings.SplitN(tc.target+"?", "?", 2)[1])
				data := append([]string{q.Get("q"), strings.SplitN(tc.target, "?", 2)[0]}, tc.data...)
				if en := i18ntest.English(msg, data...); len(en) > 0 {
					t.Errorf("%s %.60s: English %q in the Chinese %q", tc.method, tc.target, en, msg)
				}
			}
		}
	}
	// The longest query allowed is fine.
	rec, body := get(t, h, "GET", "/api/search?q="+strings.Repeat("整", 1000))
	if rec.Code != 200 {
		t.Errorf("1000 characters: %d %v", rec.Code, body)
	}
}

func TestTimeout(t *testing.T) {
	h, c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	h.(*handler).timeout = time.Nanosecond
	rec, body := get(t, h, "GET", "/api/search?q=整改")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(body["error"].(string), "检索超过") {
		t.Errorf("%d %v", rec.Code, body)
	}
}

// TestBoundedQueries: a query whose work has no bound is refused at once
// (400), and a search over its time limit is answered within the limit
// plus a margin (a correctness bound, generous: 1 s answered in 5 s).
func TestBoundedQueries(t *testing.T) {
	h, c, err := New(site)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	h.(*handler).timeout = time.Second
	for _, tc := range []struct {
		q    string
		code int
		msg  string
	}{
		{"/(.{0,50}){0,20}/", 400, "太复杂"},
		{"偷工减料~2", 400, "不适用于中文"},
		{"/.{0,450}/", 200, ""},
	} {
		start := time.Now()
		rec, body := get(t, h, "GET", "/api/search?q="+url.QueryEscape(tc.q))
		took := time.Since(start)
		msg, _ := body["error"].(string)
		// A slow machine may answer the last one with a 503 in time.
		if (rec.Code != tc.code && rec.Code != http.StatusServiceUnavailable) || !strings.Contains(msg, tc.msg) || took > 5*time.Second {
			t.Errorf("%s: %d %q after %s, want %d %q within 5 s", tc.q, rec.Code, msg, took, tc.code, tc.msg)
		}
	}
}

func TestNoIndex(t *testing.T) {
	if _, _, err := New(t.TempDir()); err == nil || !strings.Contains(err.Error(), "gongshi build") {
		t.Errorf("opening a folder without an index: %v", err)
	}
}

// TestCORS: any origin may GET (a notebook elsewhere), and a preflight is
// answered without a search.
func TestCORS(t *testing.T) {
	h := open(t)
	w, _ := get(t, h, "GET", "/api/search?q="+url.QueryEscape("陵园")+"&overdue=1")
	if w.Code != 200 || w.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("GET: %d, Access-Control-Allow-Origin %q", w.Code, w.Header().Get("Access-Control-Allow-Origin"))
	}
	req := httptest.NewRequest("OPTIONS", "/api/search?q=x", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 204 || !strings.Contains(rec.Header().Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("OPTIONS: %d %v", rec.Code, rec.Header())
	}
}
