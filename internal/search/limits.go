package search

import (
	"errors"

	"context"
	"github.com/gongshi/gongshi/internal/i18n"
	"regexp/syntax"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
)

// Bounds on the work of one query, besides MaxQueryLen.
const (
	// DefaultTimeout is how long a search may run, in the API and (unless
	// --timeout raises it) the command line; the search is then cancelled.
	DefaultTimeout = 5 * time.Second
	// MaxExpansion is the most index terms a regexp, wildcard, fuzzy or
	// prefix query may expand to (Bleve refuses more before it opens a
	// posting list). The 1,000-township corpus has 1,000 townships, the
	// prefix filter's most.
	MaxExpansion = 8192
	// MaxPatternSize is the most instructions a regexp or wildcard may
	// compile to (Go's regexp/syntax program): /(.{0,50}){0,20}/ is 2,062,
	// /偷工.*/ 6, .{0,100} 202. The automaton Bleve walks the term
	// dictionary with grows with it.
	MaxPatternSize = 1000
)

func init() {
	// Bleve's limit is a package variable; gongshi is the only user of
	// Bleve in the process.
	searcher.DisjunctionMaxClauseCount = MaxExpansion
}

// limit refuses, before any work, a query whose cost is not bounded: a
// regexp or wildcard that compiles to a large automaton, a fuzzy match on
// Chinese text (indexed as two-character pairs, of which one edit matches
// most) or on a word no longer than its edit distance.
func limit(q query.Query) error {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				if err := limit(c); err != nil {
					return err
				}
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if err := limit(c); err != nil {
				return err
			}
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			if err := limit(c); err != nil {
				return err
			}
		}
	case *query.RegexpQuery:
		return limitPattern("/"+q.Regexp+"/", q.Regexp)
	case *query.WildcardQuery:
		return limitPattern(q.Wildcard, wildcardRegexp.Replace(q.Wildcard))
	case *query.FuzzyQuery:
		return limitFuzzy(q.Term, []string{q.Term}, q.Fuzziness)
	case *query.MatchQuery:
		if q.Fuzziness > 0 {
			return limitFuzzy(q.Match, AnalyzeTerms(q.Match), q.Fuzziness)
		}
	}
	return nil
}

// wildcardRegexp is Bleve's translation of a wildcard into a regexp.
var wildcardRegexp = strings.NewReplacer(
	"+", `\+`, "(", `\(`, ")", `\)`, "^", `\^`, "$", `\$`, ".", `\.`, "{", `\{`, "}", `\}`,
	"[", `\[`, "]", `\]`, `|`, `\|`, `\`, `\\`, "*", ".*", "?", ".")

func limitPattern(written, re string) error {
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return patternError(written, err)
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return patternError(written, err)
	}
	if n := len(prog.Inst); n > MaxPatternSize {
		return badRequest("%s is too complex to run (%d steps, at most %d): use fewer or smaller repetitions", written, n, MaxPatternSize)
	}
	return nil
}

// patternError is the bad request of a regexp or wildcard that does not
// parse: the mistake (regexp/syntax's ErrorCode, in the catalog) and
// where.
func patternError(written string, err error) error {
	var se *syntax.Error
	if errors.As(err, &se) {
		return badRequest("query syntax: %s: %s: %s", written, i18n.Msg(string(se.Code)), se.Expr)
	}
	return badRequest("query syntax: %s: %v", written, err)
}

func limitFuzzy(written string, terms []string, fuzziness int) error {
	for _, t := range terms {
		if hasCJK(t) {
			return badRequest("fuzzy matching (%s~%d) does not apply to Chinese text: it is indexed as pairs of characters (偷工 工减 减料), and one edit in a pair matches most of the index; search the words, or a \"phrase\"", written, fuzziness)
		}
		if n := len([]rune(t)); n <= fuzziness {
			return badRequest("fuzzy matching %s~%d would match every word of up to %d characters: use a longer word or a smaller distance", t, fuzziness, n+fuzziness)
		}
	}
	return nil
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// expansionError turns Bleve's refusals of a query that expands too far
// (more than MaxExpansion terms; an automaton of more than vellum's 10,000
// states) into bad requests; other errors pass.
func expansionError(err error) error {
	switch {
	case err == nil:
	case strings.Contains(err.Error(), "TooManyClauses"):
		return badRequest("the query matches more than %d different words of the index: make the pattern or the prefix more specific", MaxExpansion)
	case strings.Contains(err.Error(), "dfa contains more than"):
		return badRequest("the pattern is too complex to run (its automaton passes 10,000 states): use fewer wildcards or repetitions")
	}
	return err
}

// run calls f and returns its result, or ctx's error as soon as ctx is done
// (f is told through ctx and stops at its next check).
func run[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
