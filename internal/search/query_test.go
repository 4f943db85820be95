package search

import (
	"context"
	"strings"
	"testing"
)

func TestSearchSeed(t *testing.T) {
	x, err := Open(seedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	const findings = "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/"
	for _, tc := range []struct {
		q       string
		filters Filters
		want    []int // finding numbers first, in order
		total   int   // -1: any
	}{
		{q: "偷工减料", want: []int{30}, total: 1},
		{q: "回填土", want: []int{21}, total: 1},
		{q: "陵园", want: []int{28, 29}, total: 2},
		{q: `"3.85万元"`, want: []int{21}, total: 1},
		{q: "3.85万元", want: []int{21}, total: -1},
		{q: "电诈", want: []int{12}, total: 1},
		{q: "小金库", want: []int{48}, total: 1},
		{q: "食堂", want: []int{35}, total: -1},
		// Phrases are checked on positions: the same bigrams in another
		// order are no phrase.
		{q: `"减料偷工"`, total: 0},
		{q: `"工程偷工"`, want: []int{30}, total: 1},
		{q: "+陵园 -招投标", want: []int{29}, total: 1},
		{q: "整改", filters: Filters{Status: []string{"in_progress"}}, want: []int{4, 11, 59}, total: 3},
		{q: "陵园", filters: Filters{Township: []string{"样本镇0001"}}, total: 0},
		{q: "火星探测", total: 0},
	} {
		res, err := x.Search(context.Background(), Request{Query: tc.q, Filters: tc.filters, Highlight: true, Facets: true})
		if err != nil {
			t.Fatalf("%s: %v", tc.q, err)
		}
		if tc.total >= 0 && res.Total != uint64(tc.total) {
			t.Errorf("%s: %d hits, want %d", tc.q, res.Total, tc.total)
		}
		if len(res.Hits) < len(tc.want) {
			t.Errorf("%s: %d hits, want at least %d", tc.q, len(res.Hits), len(tc.want))
			continue
		}
		got := map[int]bool{}
		for i, n := range tc.want {
			h := res.Hits[i]
			if tc.filters.Status == nil && (h.Kind != KindFinding || h.Number != n) {
				t.Errorf("%s: hit %d is %s %d, want finding %d", tc.q, i, h.Kind, h.Number, n)
			}
			got[h.Number] = true
		}
		for _, n := range tc.want {
			if !got[n] {
				t.Errorf("%s: finding %d not among the first %d", tc.q, n, len(tc.want))
			}
		}
		for _, h := range res.Hits {
			if h.Kind == KindFinding && (!strings.HasPrefix(h.URL, findings) || h.Township != "郊尾镇" || h.County != "仙游县" || h.Signed != "2024-12-02") {
				t.Errorf("%s: hit %+v", tc.q, h)
			}
			if h.Kind == KindFinding && !strings.Contains(h.Snippet+h.Title, "<mark>") && !strings.Contains(tc.q, "-") {
				// The title carries the match when the rest does not.
				if !strings.Contains(h.Title, strings.Trim(tc.q, `"`)) && tc.filters.Status == nil {
					t.Errorf("%s: no highlight in %q", tc.q, h.Snippet)
				}
			}
		}
		if tc.total > 0 {
			if st := res.Facets[FieldStatus]; len(st) == 0 || st[0].Label == "" {
				t.Errorf("%s: status facet %v", tc.q, st)
			}
		}
	}
}

func TestSectionsAreDocuments(t *testing.T) {
	x, err := Open(seedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tc := range []struct{ q, kind, anchor string }{
		{`"主动作为抓整改"`, KindOrganisation, "#organisation"},
		{`"党政联席会议事制度"`, KindRegulations, "#organisation"},
		{`"政务立案1人"`, KindAccountability, "#accountability"},
		{`"以信访为职业"`, KindOutstanding, "#outstanding"},
		{`"打造美丽郊尾"`, KindNextPlan, "#next-plan"},
	} {
		res, err := x.Search(context.Background(), Request{Query: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			if h.Kind == tc.kind && h.URL == "/fujian/putian/xianyou/jiaowei/notices/2024-12-02/"+tc.anchor {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s document in %+v", tc.q, tc.kind, res.Hits)
		}
	}
}

func TestBadRequests(t *testing.T) {
	x, err := Open(seedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, r := range []Request{
		{Query: ""}, {Query: " \t"}, {Query: strings.Repeat("字", MaxQueryLen+1)},
		{Query: "整改", Size: MaxSize + 1}, {Query: "整改", From: -1}, {Query: "整改", From: MaxFrom + 1},
		{Query: `"整改`}, {Query: "+"}, {Query: "整改^abc"}, {Query: "/[/"},
		{Query: "整改", Filters: Filters{Status: []string{"fixed"}}},
	} {
		_, err := x.Search(context.Background(), r)
		var bad *BadRequest
		if err == nil || !asBadRequest(err, &bad) {
			t.Errorf("%+v: %v, want a bad request", r, err)
		}
	}
}

func asBadRequest(err error, bad **BadRequest) bool {
	b, ok := err.(*BadRequest)
	*bad = b
	return ok
}
