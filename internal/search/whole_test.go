package search

import (
	"context"
	"fmt"
	"math"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// filler is text with none of the fixture's words, to lengthen a document
// (and lower its score: Bleve's norm is 1/√length).
var filler = strings.Repeat("会议研究部署了年度重点任务，明确责任分工与完成时限，并定期开展督促检查。", 6)

// wholeFindings are findings whose words stand whole in some and only
// scattered in others; the scattered ones are short and repeat the
// bigrams, so that they outscore the whole ones.
var wholeFindings = []struct{ title, problem string }{
	{"示例问题甲", "偷工在先，工减其后，减料为末；又偷工于前，工减于中，减料于后。"},                        // 1 scattered, short
	{"示例问题乙", "某道路工程施工单位偷工减料。" + filler},                                // 2 whole, long
	{"示例问题丙", "村部改造项目存在偷工减料情形，监理未予制止。" + filler[:60]},                   // 3 whole, middling
	{"示例问题丁", "偷工者一人，工减者二人，减料者三人，回填不足，填土松散，土方超量。"},                      // 4 scattered (偷工减料 and 回填土)
	{"示例问题戊", "排水沟回填土不密实，偷工减料。" + filler},                               // 5 both whole, long
	{"示例问题己", "回填土方量虚报，偷工在前工减在后减料在末。" + filler[:40]},                    // 6 回填土 whole, 偷工减料 scattered
	{"示例问题庚", "回填而后填土，土质不合格；回填而后填土。"},                                   // 7 回填土 scattered, short
	{"示例问题辛", "ＡＢＣ公司承建的样本镇0001示例村道路偷工减料。" + filler[:30]},                // 8 whole, with width folding nearby
	{"示例问题壬", "Abc公司、abc公司先后承接，偷工 工减 减料 三项各自成段，另有回填土一处。" + filler[:20]}, // 9 bigrams adjacent across spaces
}

var (
	wholeOnce sync.Once
	wholeDir  string
	wholeErr  error
)

// wholeSite is a site of one fictitious notice (示例县样本镇0001) with the
// findings above.
func wholeSite(t testing.TB) string {
	t.Helper()
	wholeOnce.Do(func() {
		seed, err := searchtest.SeedNotice()
		if err != nil {
			wholeErr = err
			return
		}
		n := *seed
		n.Region = notice.Region{Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
			County: "示例县", CountySlug: "shilixian", Township: "样本镇0001", TownshipSlug: "zhen0001"}
		n.Title = "中共样本镇0001委员会关于巡察整改进展情况的通报（虚构）"
		n.Original = ""
		n.Findings = nil
		for i, f := range wholeFindings {
			n.Findings = append(n.Findings, notice.Finding{Number: i + 1, CategoryNo: 1, Category: "示例类别", GroupNo: 1, Group: "示例分组",
				Title: f.title, Problem: f.problem, Status: seed.Findings[0].Status, StatusText: seed.Findings[0].StatusText})
		}
		wholeDir, wholeErr = os.MkdirTemp("", "gongshi-search-whole-")
		if wholeErr == nil {
			_, wholeErr = BuildSite(context.Background(), notice.NewCorpus([]*notice.Notice{&n}), wholeDir, nil)
		}
	})
	if wholeErr != nil {
		t.Fatal(wholeErr)
	}
	return wholeDir
}

func init() {
	cleanups = append(cleanups, func() {
		if wholeDir != "" {
			os.RemoveAll(wholeDir)
		}
	})
}

// numbers is the finding numbers of hits (0 for a section).
func numbers(hits []Hit) []int {
	out := []int{}
	for _, h := range hits {
		out = append(out, h.Number)
	}
	return out
}

// TestWholeWordsRankFirst: where a word's bigrams stand together the
// document ranks before those where they are scattered, even when these
// score higher; the total is what it was.
func TestWholeWordsRankFirst(t *testing.T) {
	x, err := Open(wholeSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	search := func(q string, from, size int) *Result {
		t.Helper()
		r, err := x.Search(context.Background(), Request{Query: q, From: from, Size: size})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return r
	}
	// 偷工减料: 2, 3, 5, 8 and 9 hold it whole; 1, 4 and 6 only scattered (9's
	// bigrams stand apart in separate words, at consecutive positions: as
	// a phrase would, it counts as whole).
	r := search("偷工减料", 0, 20)
	got := numbers(r.Hits)
	whole := map[int]bool{2: true, 3: true, 5: true, 8: true, 9: true}
	seenScattered := false
	for i, n := range got {
		if !whole[n] {
			seenScattered = true
		} else if seenScattered {
			t.Errorf("偷工减料: finding %d (whole) ranks after a scattered one: %v", n, got)
		}
		if i > 0 && whole[got[i-1]] == whole[n] && r.Hits[i-1].Score < r.Hits[i].Score {
			t.Errorf("偷工减料: within a class, not in score order: %v", got)
		}
	}
	if len(got) != 8 || int(r.Total) != 8 { // 7 has none of its bigrams
		t.Errorf("偷工减料: %d hits (%v), want 8", r.Total, got)
	}
	// The fixture is what it should be: a scattered finding scores above
	// a whole one, so the rule changes the order.
	if r.Hits[len(whole)].Score <= r.Hits[len(whole)-1].Score {
		t.Errorf("偷工减料: the best scattered finding scores %.4f, the last whole %.4f: the fixture does not test the rule",
			r.Hits[len(whole)].Score, r.Hits[len(whole)-1].Score)
	}
	// The phrase finds the whole ones only; any: finds as many as before.
	if p := search(`"偷工减料"`, 0, 20); p.Total != uint64(len(whole)) {
		t.Errorf(`"偷工减料": %d hits %v`, p.Total, numbers(p.Hits))
	}
	if a := search("any:偷工减料", 0, 20); a.Total < r.Total {
		t.Errorf("any:偷工减料 finds %d, fewer than 偷工减料 (%d)", a.Total, r.Total)
	}

	// Two words: more of them whole first. 5 and 9 have both whole; 2, 3,
	// 6 and 8 one; 1, 4 and 7 none.
	two := numbers(search("偷工减料 回填土", 0, 20).Hits)
	class := map[int]int{5: 2, 9: 2, 2: 1, 3: 1, 6: 1, 8: 1}
	for i := 1; i < len(two); i++ {
		if class[two[i-1]] < class[two[i]] {
			t.Errorf("偷工减料 回填土: %v: finding %d (%d words whole) after %d (%d)", two, two[i], class[two[i]], two[i-1], class[two[i-1]])
		}
	}
	if len(two) != 9 {
		t.Errorf("偷工减料 回填土: %v", two)
	}
	// A negated word counts for nothing.
	if a, b := numbers(search("偷工减料 -火星", 0, 20).Hits), got; !reflect.DeepEqual(a, b) {
		t.Errorf("偷工减料 -火星: %v, 偷工减料: %v", a, b)
	}

	// Pages put together give the whole order.
	for _, q := range []string{"偷工减料", "偷工减料 回填土", "回填土", "+回填土 偷工减料"} {
		all := numbers(search(q, 0, 20).Hits)
		var paged []int
		for from := 0; from < len(all); from += 2 {
			paged = append(paged, numbers(search(q, from, 2).Hits)...)
		}
		if !reflect.DeepEqual(all, paged) {
			t.Errorf("%s: by pages of 2 %v, at once %v", q, paged, all)
		}
	}
}

// TestWholeOrder: stopping once the page is known gives the same first
// places as ranking the whole window.
func TestWholeOrder(t *testing.T) {
	for seed := 0; seed < 200; seed++ {
		n := seed % 130
		words := 1 + seed%3
		count := func(i int) int { return (i*7 + seed*13) % (words + 1) }
		full, err := wholeOrder(n, words, n+1, func(i int) (int, error) { return count(i), nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(full) != n {
			t.Fatalf("n %d: order of %d", n, len(full))
		}
		for need := 1; need <= n; need += 1 + need/3 {
			checked := 0
			part, _ := wholeOrder(n, words, need, func(i int) (int, error) { checked++; return count(i), nil })
			if len(part) < need || !reflect.DeepEqual(part[:need], full[:need]) {
				t.Errorf("n %d words %d need %d: %v, whole order %v", n, words, need, part, full[:need])
			}
			if checked > WholeWordWindow {
				t.Errorf("checked %d documents", checked)
			}
		}
		for i := WholeWordWindow; i < n; i++ {
			if full[i] != i {
				t.Errorf("n %d: place %d holds %d (past the window, the score order stays)", n, i, full[i])
			}
		}
	}
}

// TestWholeWordsParity: search.js orders the fixture's hits as Bleve does,
// on every page; on the mixed site, pages across the window's edge too.
func TestWholeWordsParity(t *testing.T) {
	type jsQuery struct {
		Q    string `json:"q"`
		From int    `json:"from"`
		Size int    `json:"size"`
	}
	var js []struct {
		Total int `json:"total"`
		Hits  []struct {
			Doc   int     `json:"doc"`
			Score float64 `json:"score"`
		} `json:"hits"`
		Error string `json:"error"`
	}
	for _, site := range []struct {
		dir     string
		queries []jsQuery
	}{
		{wholeSite(t), []jsQuery{
			{Q: "偷工减料", Size: 10}, {Q: "偷工减料", From: 3, Size: 3}, {Q: "偷工减料 回填土", Size: 10},
			{Q: "偷工减料 回填土", From: 2, Size: 2}, {Q: "回填土", Size: 10}, {Q: "+回填土 偷工减料", Size: 10},
			{Q: "偷工减料 -回填土", Size: 10}, {Q: "偷工减料 偷工减料", Size: 10}, {Q: "text:偷工减料", Size: 10},
			{Q: "any:偷工减料", Size: 10}, {Q: `"偷工减料" 回填土`, Size: 10}, {Q: "abc公司", Size: 10}, {Q: "ａｂｃ公司", Size: 10},
			{Q: "偷工减料 火星探测", Size: 3}, {Q: "回填土 偷工减料 火星探测", From: 1, Size: 3}, {Q: "偷工减料 回填土", From: 7, Size: 5},
		}},
		{mixedSite(t), []jsQuery{
			{Q: "整改到位", Size: 10}, {Q: "整改到位", From: 95, Size: 10}, {Q: "整改到位", From: 100, Size: 10},
			{Q: "问题整改", From: 90, Size: 20}, {Q: "项目资金 整改到位", Size: 20}, {Q: "回填土 偷工减料", Size: 10},
			{Q: "偷工减料 火星探测", Size: 10}, {Q: "食堂管理 资金", From: 5, Size: 10},
		}},
	} {
		x, err := Open(site.dir)
		if err != nil {
			t.Fatal(err)
		}
		runNode(t, "search", map[string]any{"site": site.dir, "queries": site.queries}, &js)
		for i, q := range site.queries {
			res, err := x.Search(context.Background(), Request{Query: q.Q, From: q.From, Size: q.Size})
			if err != nil {
				t.Fatalf("%s: %v", q.Q, err)
			}
			got := js[i]
			if got.Error != "" {
				t.Errorf("%s: js: %s", q.Q, got.Error)
				continue
			}
			name := fmt.Sprintf("%s [%d, +%d]", q.Q, q.From, q.Size)
			if uint64(got.Total) != res.Total || len(got.Hits) != len(res.Hits) {
				t.Errorf("%s: js %d hits (%d shown), bleve %d (%d)", name, got.Total, len(got.Hits), res.Total, len(res.Hits))
				continue
			}
			for k, h := range res.Hits {
				g := got.Hits[k]
				if g.Doc != h.Doc && math.Abs(g.Score-h.Score) > 1e-9*math.Max(1, h.Score) {
					t.Errorf("%s: hit %d: js doc %d (%.6g), bleve doc %d (%.6g)", name, k, g.Doc, g.Score, h.Doc, h.Score)
				}
			}
			if testing.Verbose() {
				t.Logf("%-24s %4d hits, shown %v", name, res.Total, docs(res.Hits))
			}
		}
		x.Close()
	}
}

func docs(hits []Hit) []int {
	out := []int{}
	for _, h := range hits {
		out = append(out, h.Doc)
	}
	return out
}

// TestConstantsMatchSearchJS: the numbers search.js shares with
// internal/search are the same.
func TestConstantsMatchSearchJS(t *testing.T) {
	var js struct {
		Version         int `json:"version"`
		Snippet         int `json:"snippet"`
		PhraseCheckMax  int `json:"phraseCheckMax"`
		WholeWordWindow int `json:"wholeWordWindow"`
	}
	runNode(t, "constants", nil, &js)
	for _, c := range []struct {
		name     string
		js, goes int
	}{
		{"VERSION / exportVersion", js.Version, exportVersion},
		{"SNIPPET / SnippetLength", js.Snippet, SnippetLength},
		{"PHRASE_CHECK_MAX / PhraseCheckMax", js.PhraseCheckMax, PhraseCheckMax},
		{"WHOLE_WORD_WINDOW / WholeWordWindow", js.WholeWordWindow, WholeWordWindow},
	} {
		if c.js != c.goes {
			t.Errorf("%s: search.js %d, Go %d", c.name, c.js, c.goes)
		}
	}
}

// TestCountWholeLiteral: search.js counts whole words without analysing a
// text that holds a chain word's characters in a row (countWhole's fast
// way); both its ways must count as Bleve's analysis does, on every
// document of the mixed site and on texts made to trip the fast way
// (terms meeting across a break, a character with a word break class of
// its own, marks, full-width letters, astral Han).
func TestCountWholeLiteral(t *testing.T) {
	site := mixedSite(t)
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var words [][][]string
	for _, w := range []string{"偷工减料", "整改到位", "问题", "资金管理", "食堂管理 漏洞", "3.85万元", "abc公司", "〆切日", "𠀋𠀌𠀍", "工减"} {
		for _, f := range strings.Fields(w) {
			if ph := phraseOf(Analyzer().Analyze([]byte(f))); len(ph) >= 2 {
				words = append(words, ph)
			}
		}
	}
	texts := []string{"偷工，工减料", "偷工减料", "偷\u0301工减料", "偷工减\u200d料", "〆切日まで", "〆切日", "𠀋𠀌𠀍", "x𠀋𠀌𠀍y",
		"abc公司", "ＡＢＣ公司", "整改到位整改", "整改 到位", "偷工减", "资金管理，资金管理"}
	for i := 0; i < int(x.meta.Docs); i++ {
		c, err := x.chunk(i)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, c.Text)
	}
	type item struct {
		Text  string       `json:"text"`
		Words [][][]string `json:"words"`
	}
	var in []item
	for _, s := range texts {
		in = append(in, item{s, words})
	}
	var got [][2]int
	runNode(t, "whole", in, &got)
	if len(got) != len(in) {
		t.Fatalf("%d answers for %d texts", len(got), len(in))
	}
	fast := 0
	for i, s := range texts {
		want := countWhole(s, words)
		if got[i][0] != want || got[i][1] != want {
			t.Errorf("%.40q: search.js counts %d (fast) and %d (analysed) whole words, Bleve's analysis %d", s, got[i][0], got[i][1], want)
		}
		if want > 0 {
			fast++
		}
	}
	if fast < 100 {
		t.Errorf("only %d texts with a whole word: the test does not exercise the fast way", fast)
	}
}
