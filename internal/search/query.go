package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/gongshi/gongshi/internal/fault"
	"github.com/gongshi/gongshi/internal/notice"
)

// Limits of a request.
const (
	MaxQueryLen = 1000 // characters
	MaxSize     = 100
	MaxFrom     = 10000
	DefaultSize = 10
)

// Index is a built site's search index, opened read-only: the Bleve index
// for queries and facets, and the static index's meta.json and display
// files for what a hit shows.
type Index struct {
	dir   string
	bleve bleve.Index
	meta  Meta
	// starts[i] is the first document of notice i (meta.Notices order);
	// inUnit[i] is its place among its unit's documents.
	starts, inUnit []int

	mu     sync.Mutex
	chunks map[string][]Chunk // display files read so far
}

// Open opens the index built into siteDir (by BuildSite).
func Open(siteDir string) (*Index, error) {
	dir := Dir(siteDir)
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, i18n.Errorf("no search index in %s: build the site first (gongshi build)", siteDir)
		}
		return nil, err
	}
	x := &Index{dir: dir, chunks: map[string][]Chunk{}}
	if err := json.Unmarshal(b, &x.meta); err != nil {
		return nil, i18n.Errorf("%s: %w", filepath.Join(dir, "meta.json"), err)
	}
	if x.meta.Version != exportVersion {
		return nil, i18n.Errorf("%s: index version %d, this gongshi reads %d: rebuild the site", dir, x.meta.Version, exportVersion)
	}
	if x.meta.Chunk < 1 {
		return nil, i18n.Errorf("%s: chunk %d", filepath.Join(dir, "meta.json"), x.meta.Chunk)
	}
	start, unitDocs := 0, make([]int, len(x.meta.Units))
	for _, n := range x.meta.Notices {
		if n[0] < 0 || n[0] >= len(unitDocs) {
			return nil, i18n.Errorf("%s: a notice of unit %d", filepath.Join(dir, "meta.json"), n[0])
		}
		x.starts = append(x.starts, start)
		x.inUnit = append(x.inUnit, unitDocs[n[0]])
		start += n[2]
		unitDocs[n[0]] += n[2]
	}
	x.bleve, err = bleve.OpenUsing(filepath.Join(dir, IndexDir), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, i18n.Errorf("%s: %w", filepath.Join(dir, IndexDir), err)
	}
	return x, nil
}

// Close closes the Bleve index.
func (x *Index) Close() error { return x.bleve.Close() }

// Meta is the static index's meta.json.
func (x *Index) Meta() *Meta { return &x.meta }

// Filters restrict a query to documents with the given keyword values.
// Values of one field are alternatives; fields combine.
type Filters struct {
	Province, City, County, Township []string // names, or slug paths (fujian/putian)
	Region                           []string // a slug path prefix of any depth
	Status                           []string // done, in_progress, not_started
	Category                         []string
	Year                             []string
	Notice                           []string // a notice's permalink
	Unit                             []string // a unit's name (示例县文旅局) or slug path, with the units below it
	UnitKind                         []string // township, village, department, school, enterprise, region
	Overdue                          bool     // only overdue findings (the site model's flag)
	Deadline                         []string // years of the findings' deadlines (2024)
}

// Request is a search.
type Request struct {
	Query     string // Bleve query-string syntax
	Filters   Filters
	From      int
	Size      int // 0: DefaultSize
	Facets    bool
	Highlight bool
}

// Result is a page of hits.
type Result struct {
	Query  string             `json:"query"`
	Total  uint64             `json:"total"`
	From   int                `json:"from"`
	Size   int                `json:"size"`
	TookMS float64            `json:"took_ms"`
	Hits   []Hit              `json:"hits"`
	Facets map[string][]Facet `json:"facets,omitempty"`
}

// Hit is one found document. Keys follow the findings downloads'.
type Hit struct {
	ID          string  `json:"id"`
	Kind        string  `json:"kind"`
	Score       float64 `json:"score"`
	Province    string  `json:"province"`
	City        string  `json:"city"`
	County      string  `json:"county"`
	Township    string  `json:"township"`
	Place       string  `json:"place"` // the region's slug path (the township's, for a township or village)
	Unit        string  `json:"unit"`  // the inspected unit's name
	UnitPath    string  `json:"unit_path"`
	UnitKind    string  `json:"unit_kind"`
	Signed      string  `json:"signed"` // the notice's date
	Number      int     `json:"number,omitempty"`
	Status      string  `json:"status,omitempty"`
	StatusLabel string  `json:"status_label,omitempty"`
	Category    string  `json:"category,omitempty"`
	Title       string  `json:"title"`
	URL         string  `json:"url"`
	Snippet     string  `json:"snippet,omitempty"` // HTML: escaped text with <mark>…</mark>
	Doc         int     `json:"-"`
}

// Facet is one value of a facet with its count.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// BadRequest is an error in the request (its query syntax, its limits).
// Msg is the English; Loc the message itself, which Localize prints in
// the reader's language.
type BadRequest struct {
	Msg string
	Loc *i18n.Error
}

func (e *BadRequest) Error() string { return e.Msg }

// Kind: a request gongshi cannot run is the asker's to correct (HTTP 400).
func (e *BadRequest) Kind() fault.Kind { return fault.Invalid }

// Localize is the error in p's language.
func (e *BadRequest) Localize(p *message.Printer) string {
	if e.Loc == nil {
		return e.Msg
	}
	return e.Loc.Localize(p)
}

func badRequest(format string, a ...any) error {
	m := i18n.Msg(format, a...)
	return &BadRequest{Msg: m.Error(), Loc: m}
}

// Validate checks a request's limits and fills defaults.
func (r *Request) Validate() error {
	q := strings.TrimSpace(r.Query)
	if q == "" {
		return badRequest("empty query")
	}
	if n := utf8.RuneCountInString(r.Query); n > MaxQueryLen {
		return badRequest("query of %d characters: at most %d", n, MaxQueryLen)
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size < 0 || r.Size > MaxSize {
		return badRequest("size %d: between 1 and %d", r.Size, MaxSize)
	}
	if r.From < 0 || r.From > MaxFrom {
		return badRequest("from %d: between 0 and %d", r.From, MaxFrom)
	}
	for _, s := range r.Filters.Status {
		if !notice.Status(s).Valid() {
			return badRequest("status %q: one of done, in_progress, not_started, unstated", s)
		}
	}
	for _, k := range r.Filters.UnitKind {
		if !notice.UnitKind(k).Valid() {
			return badRequest("unit kind %q: one of township, village, department, school, enterprise, region", k)
		}
	}
	return nil
}

// facetFields are the facets a request with Facets gets, with their size.
var facetFields = []struct {
	name string
	size int
}{
	{FieldStatus, 4}, {FieldCategory, 20}, {FieldYear, 20},
	{FieldProvince, 20}, {FieldCity, 20}, {FieldCounty, 50}, {FieldPlace, 50},
	{FieldKind, 10}, {FieldNotice, 20}, {FieldUnitKind, 6}, {FieldUnit, 50},
	{FieldOverdue, 1}, {FieldDeadline, 20},
}

// Search runs a request.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.Validate(); err != nil {
		return nil, err
	}
	qs := FoldWidth(r.Query)
	q, err := query.NewQueryStringQuery(qs).Parse()
	if err != nil {
		return nil, badRequest("%s", SyntaxError(qs))
	}
	if err := limit(q); err != nil {
		return nil, err
	}
	terms, words := x.prepare(q)
	if f := r.Filters.query(x); f != nil {
		bq, ok := q.(*query.BooleanQuery)
		if !ok { // a query string always parses into a boolean query
			return nil, fmt.Errorf("search: unexpected query %T", q)
		}
		bq.AddFilter(f)
	}
	// Within the first WholeWordWindow documents the order depends on
	// the words standing whole: take them all from Bleve, in score order.
	from, size := r.From, r.Size
	rerank := len(words) > 0 && r.From < WholeWordWindow
	if rerank {
		from, size = 0, max(WholeWordWindow, r.From+r.Size)
	}
	req := bleve.NewSearchRequestOptions(q, size, from, false)
	if r.Facets {
		for _, f := range facetFields {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.name, f.size))
		}
	}
	// Bleve stops at its next check of ctx; the answer does not wait for it.
	res, err := run(ctx, func() (*bleve.SearchResult, error) { return x.bleve.SearchInContext(ctx, req) })
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var bad *BadRequest
		if e := expansionError(err); errors.As(e, &bad) {
			return nil, e
		}
		return nil, badRequest("query: %v", err)
	}
	out := &Result{Query: r.Query, Total: res.Total, From: r.From, Size: r.Size, Hits: []Hit{}}
	page := res.Hits
	if rerank {
		if page, err = x.wholeFirst(res.Hits, words, r.From, r.Size); err != nil {
			return nil, err
		}
	}
	for _, h := range page {
		hit, text, err := x.hit(h)
		if err != nil {
			return nil, err
		}
		if r.Highlight {
			hit.Snippet = SnippetHTML(Snippet(SnippetSource(hit.Title, text), terms, SnippetLength))
		}
		out.Hits = append(out.Hits, hit)
	}
	if r.Facets {
		out.Facets = map[string][]Facet{}
		for _, f := range facetFields {
			fr := res.Facets[f.name]
			list := []Facet{}
			if fr != nil && fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					list = append(list, Facet{Value: t.Term, Label: x.facetLabel(f.name, t.Term), Count: t.Count})
				}
			}
			out.Facets[f.name] = list
		}
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

func (x *Index) facetLabel(field, value string) string {
	switch field {
	case FieldStatus:
		return notice.Status(value).Label()
	case FieldPlace:
		for i, p := range x.meta.Places {
			if x.meta.PlacePath(i) == value {
				return x.meta.Counties[toInt(p[0])][2] + p[1].(string)
			}
		}
	case FieldUnit:
		for i, u := range x.meta.Units {
			if x.meta.UnitPath(i) == value {
				return x.unitLabel(i, u)
			}
		}
	case FieldUnitKind:
		return notice.UnitKind(value).Label()
	case FieldOverdue:
		return "逾期"
	case FieldDeadline:
		return value + "年到期"
	case FieldKind:
		if l, ok := kindLabels[value]; ok {
			return l
		}
	}
	return value
}

var kindLabels = map[string]string{
	KindFinding: "问题", KindOrganisation: "组织落实整改", KindRegulations: "建章立制",
	KindAccountability: "问题处理", KindOutstanding: "需进一步整改事项", KindNextPlan: "下一步计划",
}

// unitLabel names a unit with its county: 仙游县郊尾镇, 示例县示例县文旅局,
// 示例县样本镇0001示例村.
func (x *Index) unitLabel(i int, u []any) string {
	p := x.meta.Places[toInt(u[0])]
	county := x.meta.Counties[toInt(p[0])][2]
	name := u[1].(string)
	if u[2].(string) == "" {
		if t := p[1].(string); t != "" {
			return county + t
		}
		return county
	}
	return county + p[1].(string) + name
}

// hit fills a hit's display data from meta.json and its display file.
func (x *Index) hit(h *search.DocumentMatch) (Hit, string, error) {
	n := docNumber(h.IndexInternalID)
	c, err := x.chunk(int(n))
	if err != nil {
		return Hit{}, "", err
	}
	hit := Hit{ID: h.ID, Kind: c.Kind, Score: h.Score, Number: c.Number, Title: c.Title, URL: c.URL, Doc: int(n)}
	if c.Status > 0 && c.Status <= len(x.meta.Statuses) {
		hit.Status = x.meta.Statuses[c.Status-1]
		hit.StatusLabel = x.meta.Labels[c.Status-1]
	}
	hit.Category = c.Category
	if ni := x.notice(int(n)); ni >= 0 {
		nt := x.meta.Notices[ni]
		u := x.meta.Units[nt[0]]
		pi := toInt(u[0])
		p := x.meta.Places[pi]
		co := x.meta.Counties[toInt(p[0])]
		hit.Province, hit.City, hit.County = co[0], co[1], co[2]
		hit.Township, hit.Place = p[1].(string), x.meta.PlacePath(pi)
		hit.Unit, hit.UnitPath, hit.UnitKind = u[1].(string), x.meta.UnitPath(nt[0]), u[3].(string)
		hit.Signed = signedDate(nt[1])
	}
	return hit, c.Text, nil
}

// notice is the notice of document n (its index in meta.Notices), or -1.
func (x *Index) notice(n int) int {
	ni := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > n }) - 1
	if ni >= 0 && n >= x.starts[ni]+x.meta.Notices[ni][2] {
		return -1
	}
	return ni
}

// chunk is document n's display data: the document's unit and its place
// among the unit's documents give its display file (see writeChunks).
func (x *Index) chunk(n int) (*Chunk, error) {
	ni := x.notice(n)
	if ni < 0 {
		return nil, i18n.Errorf("search: document %d is in no notice", n)
	}
	j := x.inUnit[ni] + n - x.starts[ni]
	k := j / x.meta.Chunk
	name := x.meta.DisplayFile(x.meta.Notices[ni][0], k)
	x.mu.Lock()
	defer x.mu.Unlock()
	cs, ok := x.chunks[name]
	if !ok {
		b, err := os.ReadFile(filepath.Join(x.dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &cs); err != nil {
			return nil, i18n.Errorf("search: %s: %w", name, err)
		}
		if len(x.chunks) > 4096 { // a bound, not a cache policy
			clear(x.chunks)
		}
		x.chunks[name] = cs
	}
	i := j - k*x.meta.Chunk
	if i >= len(cs) {
		return nil, i18n.Errorf("search: document %d missing from %s", n, name)
	}
	return &cs[i], nil
}

// query is the filter of f: a conjunction over fields of disjunctions of
// term queries, or nil.
func (f Filters) query(x *Index) query.Query {
	var conj []query.Query
	or := func(qs []query.Query) {
		if len(qs) > 0 {
			conj = append(conj, query.NewDisjunctionQuery(qs))
		}
	}
	term := func(field, v string) query.Query {
		q := query.NewTermQuery(v)
		q.SetField(field)
		return q
	}
	// under is the documents of a region: its slug path, or below it.
	under := func(path string) []query.Query {
		p := query.NewPrefixQuery(path + "/")
		p.SetField(FieldPlace)
		return []query.Query{term(FieldPlace, path), p}
	}
	terms := func(field string, values []string) {
		var qs []query.Query
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				qs = append(qs, term(field, v))
			}
		}
		or(qs)
	}
	// A region level: names (郊尾镇) or slug paths (fujian/putian/xianyou/jiaowei).
	region := func(field string, values []string) {
		var qs []query.Query
		for _, v := range values {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			if strings.Contains(v, "/") || isASCII(v) {
				qs = append(qs, under(strings.Trim(v, "/"))...)
			} else {
				qs = append(qs, term(field, v))
			}
		}
		or(qs)
	}
	region(FieldProvince, f.Province)
	region(FieldCity, f.City)
	region(FieldCounty, f.County)
	region(FieldTownship, f.Township)
	region(FieldPlace, f.Region)
	terms(FieldStatus, f.Status)
	terms(FieldCategory, f.Category)
	terms(FieldYear, f.Year)
	terms(FieldNotice, f.Notice)
	// A unit: its name, or its slug path and the units below it (a
	// township's villages).
	var units []query.Query
	for _, v := range f.Unit {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if strings.Contains(v, "/") || isASCII(v) {
			v = strings.Trim(v, "/")
			p := query.NewPrefixQuery(v + "/")
			p.SetField(FieldUnit)
			units = append(units, term(FieldUnit, v), p)
		} else {
			units = append(units, x.unitNamed(v, term)...)
		}
	}
	or(units)
	terms(FieldUnitKind, f.UnitKind)
	if f.Overdue {
		terms(FieldOverdue, []string{"1"})
	}
	terms(FieldDeadline, f.Deadline)
	if len(conj) == 0 {
		return nil
	}
	return query.NewConjunctionQuery(conj)
}

// unitNamed matches the units of that name (several counties may each
// have a 文旅局), or nothing.
func (x *Index) unitNamed(name string, term func(field, v string) query.Query) []query.Query {
	var out []query.Query
	for i, u := range x.meta.Units {
		if u[1].(string) == name {
			out = append(out, term(FieldUnit, x.meta.UnitPath(i)))
		}
	}
	if out == nil {
		out = append(out, term(FieldUnit, name))
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// prepare replaces the phrase queries of q by phrase queries that check
// positions on the document's text (the index keeps no term vectors), and
// returns the terms a snippet highlights (those of the clauses that are
// not negated) and the words that rank documents higher where they stand
// whole (see WholeWordWindow).
func (x *Index) prepare(q query.Query) (map[string]bool, [][][]string) {
	terms := map[string]bool{}
	var words [][][]string
	seen := map[string]bool{}
	var walk func(q query.Query, negated bool) query.Query
	walk = func(q query.Query, negated bool) query.Query {
		switch q := q.(type) {
		case *query.BooleanQuery:
			if q.Must != nil {
				q.Must = walk(q.Must, negated)
			}
			if q.Should != nil {
				q.Should = walk(q.Should, negated)
			}
			if q.MustNot != nil {
				q.MustNot = walk(q.MustNot, !negated)
			}
		case *query.ConjunctionQuery:
			for i := range q.Conjuncts {
				q.Conjuncts[i] = walk(q.Conjuncts[i], negated)
			}
		case *query.DisjunctionQuery:
			for i := range q.Disjuncts {
				q.Disjuncts[i] = walk(q.Disjuncts[i], negated)
			}
		case *query.MatchQuery:
			// A word matches the documents that hold all of its terms
			// (偷工减料: 偷工, 工减 and 减料); any:WORD, any of them.
			if q.FieldVal == FieldAny {
				q.FieldVal = FieldText
			} else if (q.FieldVal == "" || q.FieldVal == FieldText) && q.Fuzziness == 0 {
				q.Operator = query.MatchQueryOperatorAnd
				if w := phraseOf(Analyzer().Analyze([]byte(q.Match))); !negated && len(w) >= 2 && !seen[wordKey(w)] {
					seen[wordKey(w)] = true
					words = append(words, w)
				}
			}
			if !negated && (q.FieldVal == "" || q.FieldVal == FieldText) {
				for _, t := range AnalyzeTerms(q.Match) {
					terms[t] = true
				}
			}
		case *query.MatchPhraseQuery:
			field := q.FieldVal
			if field == "" {
				field = FieldText
			}
			if !negated && field == FieldText {
				for _, t := range AnalyzeTerms(q.MatchPhrase) {
					terms[t] = true
				}
			}
			return &phraseQuery{match: q, field: field, x: x}
		}
		return q
	}
	walk(q, false)
	return terms, words
}

// phraseQuery is Bleve's MatchPhraseQuery scored the same way (its
// PhraseSearcher scores the conjunction of the phrase's terms), with the
// positions checked on the document's text, analysed again, instead of
// on term vectors.
type phraseQuery struct {
	match *query.MatchPhraseQuery
	field string
	x     *Index
}

func (q *phraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	an := m.AnalyzerNamed(m.AnalyzerNameForPath(q.field))
	if q.match.Analyzer != "" {
		an = m.AnalyzerNamed(q.match.Analyzer)
	}
	if an == nil {
		return nil, fmt.Errorf("no analyzer for field %s", q.field)
	}
	phrase := phraseOf(an.Analyze([]byte(q.match.MatchPhrase)))
	if len(phrase) == 0 {
		return searcher.NewMatchNoneSearcher(r)
	}
	boost := q.match.BoostVal.Value()
	var ss []search.Searcher
	closeAll := func() {
		for _, s := range ss {
			_ = s.Close()
		}
	}
	for _, pos := range phrase {
		var ts []search.Searcher
		for _, term := range pos {
			if term == "" {
				continue
			}
			s, err := searcher.NewTermSearcher(ctx, r, term, q.field, boost, options)
			if err != nil {
				closeAll()
				return nil, err
			}
			ts = append(ts, s)
		}
		switch len(ts) {
		case 0:
		case 1:
			ss = append(ss, ts[0])
		default:
			d, err := searcher.NewDisjunctionSearcher(ctx, r, ts, 1, options)
			if err != nil {
				closeAll()
				return nil, err
			}
			ss = append(ss, d)
		}
	}
	conj, err := searcher.NewConjunctionSearcher(ctx, r, ss, options)
	if err != nil {
		closeAll()
		return nil, err
	}
	conj.SetQueryNorm(1 / math.Sqrt(conj.Weight()))
	if len(phrase) < 2 || q.field != FieldText {
		return conj, nil
	}
	return searcher.NewFilteringSearcher(ctx, conj, func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		c, err := q.x.chunk(int(docNumber(d.IndexInternalID)))
		return err == nil && HasPhrase(c.Text, phrase)
	}), nil
}

// phraseOf is the terms of analysed tokens by position, from the first
// (several terms may share a position; a position may have none).
func phraseOf(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first, last := math.MaxInt, 0
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	phrase := make([][]string, last-first+1)
	for _, t := range tokens {
		phrase[t.Position-first] = append(phrase[t.Position-first], string(t.Term))
	}
	return phrase
}

// HasPhrase reports whether the analysed text has the phrase's terms at
// consecutive positions (an empty position matches any term).
func HasPhrase(text string, phrase [][]string) bool {
	return newPositions(text).has(phrase)
}

// positions is an analysed text's terms by position.
type positions struct {
	at     map[int]string
	tokens analysis.TokenStream
}

func newPositions(text string) positions {
	p := positions{at: map[int]string{}, tokens: Analyzer().Analyze([]byte(text))}
	for _, t := range p.tokens {
		p.at[t.Position] = string(t.Term)
	}
	return p
}

func (p positions) has(phrase [][]string) bool {
next:
	for _, t := range p.tokens {
		if !contains(phrase[0], string(t.Term)) {
			continue
		}
		for i := 1; i < len(phrase); i++ {
			if len(phrase[i]) > 0 && !contains(phrase[i], p.at[t.Position+i]) {
				continue next
			}
		}
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// AnalyzeTerms is the terms Bleve's analyzer of the text field makes of s.
func AnalyzeTerms(s string) []string {
	var out []string
	for _, t := range Analyzer().Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// signedDate is 20241202 as 2024-12-02.
func signedDate(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", n/10000, n/100%100, n%100)
}

func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return -1
}
