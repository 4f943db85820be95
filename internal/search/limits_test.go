package search

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/search/searcher"
)

// TestLimits: queries whose work is not bounded are refused before any
// search, each with a message that says why; their bounded neighbours run.
func TestLimits(t *testing.T) {
	x, err := Open(seedSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tc := range []struct {
		q    string
		want string // in the refusal; "" when the query runs
	}{
		{"/(.{0,50}){0,20}/", "/(.{0,50}){0,20}/ is too complex to run (2062 steps, at most 1000)"},
		{"/.{0,600}/", "too complex to run"},
		{strings.Repeat("?", 600), "too complex to run"},
		{"偷工减料~2", "fuzzy matching (偷工减料~2) does not apply to Chinese text"},
		{"text:陵园~1", "does not apply to Chinese text"},
		{"ab~2", "fuzzy matching ab~2 would match every word of up to 4 characters"},
		{"/偷工.*/", ""},
		{"/.{0,100}/", ""},
		{"偷*", ""},
		{"paper~1", ""},
		{"偷工减料", ""},
	} {
		_, err := x.Search(context.Background(), Request{Query: tc.q})
		var bad *BadRequest
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.q, err)
		case tc.want != "" && (!errors.As(err, &bad) || !strings.Contains(bad.Msg, tc.want)):
			t.Errorf("%s: %v, want a bad request with %q", tc.q, err, tc.want)
		}
	}

	// Expansion: past the limit (lowered here to the seed's scale) a
	// regexp is refused, not run.
	defer func(n int) { searcher.DisjunctionMaxClauseCount = n }(searcher.DisjunctionMaxClauseCount)
	searcher.DisjunctionMaxClauseCount = 10
	_, err = x.Search(context.Background(), Request{Query: "/.*/"})
	var bad *BadRequest
	if !errors.As(err, &bad) || !strings.Contains(bad.Msg, "more than 8192 different words") {
		t.Errorf("/.*/ past the expansion limit: %v", err)
	}
}

// TestRunAnswersAtTheDeadline: a search that does not stop is answered
// when its context ends, not when it ends (a correctness bound, generous).
func TestRunAnswersAtTheDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	never := make(chan struct{})
	defer close(never)
	start := time.Now()
	_, err := run(ctx, func() (int, error) { <-never; return 0, nil })
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Errorf("%v after %s", err, time.Since(start))
	}
}

// TestFuzzyParity: search.js runs no fuzzy query; it sends the reader to
// the server for one the server runs, and not for one the server refuses
// (fuzzy matching on Chinese text).
func TestFuzzyParity(t *testing.T) {
	site := seedSite(t)
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	queries := []string{"偷工减料~2", "text:陵园~1", "paper~1", "偷工减料"}
	type jsQuery struct {
		Q string `json:"q"`
	}
	var qs []jsQuery
	for _, q := range queries {
		qs = append(qs, jsQuery{q})
	}
	var js []struct {
		Unsupported   []string `json:"unsupported"`
		ServerRefuses bool     `json:"serverRefuses"`
		Error         string   `json:"error"`
	}
	runNode(t, "search", map[string]any{"site": site, "queries": qs, "size": 10}, &js)
	for i, q := range queries {
		_, err := x.Search(context.Background(), Request{Query: q})
		var bad *BadRequest
		goRefuses := errors.As(err, &bad)
		if js[i].Error != "" || js[i].ServerRefuses != goRefuses {
			t.Errorf("%s: search.js says the server refuses: %v (%v %s); Go refuses: %v (%v)", q, js[i].ServerRefuses, js[i].Unsupported, js[i].Error, goRefuses, err)
		}
		if strings.Contains(q, "~") != (len(js[i].Unsupported) > 0) {
			t.Errorf("%s: search.js unsupported %v", q, js[i].Unsupported)
		}
	}
}
