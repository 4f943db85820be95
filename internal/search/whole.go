package search

import (
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search"
)

// A word of the query (偷工减料) matches the documents that hold all of its
// terms (偷工, 工减, 减料), wherever they stand. Among a query's
// WholeWordWindow best-scoring documents, those in which more of its words
// stand whole (their terms at consecutive positions, as the phrase
// "偷工减料" would find them: same analysis, width folding, lower case,
// CJK bigrams) rank first; ties keep the score order, then the document
// order. Documents past the window keep the score order, and the total is
// unchanged. The words counted are the query's plain words of two or more
// terms: not negated (-), not any:WORD, not phrases (already whole), not
// a field other than text. The index keeps no positions: the words are
// checked on the documents' text, from the display files, in score order,
// and only until the page asked for is known (as many documents with every
// word whole as the page's end). search.js ranks the same way
// (WHOLE_WORD_WINDOW, wholeOrder); the tests compare both.
const WholeWordWindow = 100

// PhraseCheckMax is how many candidates of a phrase search.js checks on
// their text (PHRASE_CHECK_MAX; it then says the result is partial). The
// server checks every candidate.
const PhraseCheckMax = 100

// wordKey identifies a word by its terms.
func wordKey(w [][]string) string {
	parts := make([]string, len(w))
	for i, p := range w {
		parts[i] = strings.Join(p, "\x01")
	}
	return strings.Join(parts, "\x00")
}

// wholeOrder is the order of n documents, given in score order, by the
// rule above: whole(i) is how many of the query's words stand whole in
// document i, of words. Documents are checked in score order; once need
// of them have every word whole, those are the first need places of the
// order and wholeOrder returns them alone. Else it returns the whole
// order: the window sorted, then the rest.
func wholeOrder(n, words, need int, whole func(i int) (int, error)) ([]int, error) {
	window := min(n, WholeWordWindow)
	counts := make([]int, window)
	var all []int
	for i := 0; i < window; i++ {
		c, err := whole(i)
		if err != nil {
			return nil, err
		}
		counts[i] = c
		if c == words {
			if all = append(all, i); len(all) == need {
				return all, nil
			}
		}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order[:window], func(a, b int) bool { return counts[order[a]] > counts[order[b]] })
	return order, nil
}

// wholeFirst is the page [from, from+size) of hits (Bleve's, in score
// order from the first) in the order of wholeOrder.
func (x *Index) wholeFirst(hits []*search.DocumentMatch, words [][][]string, from, size int) ([]*search.DocumentMatch, error) {
	order, err := wholeOrder(len(hits), len(words), from+size, func(i int) (int, error) {
		c, err := x.chunk(int(docNumber(hits[i].IndexInternalID)))
		if err != nil {
			return 0, err
		}
		return countWhole(c.Text, words), nil
	})
	if err != nil {
		return nil, err
	}
	var page []*search.DocumentMatch
	for k := from; k < from+size && k < len(order); k++ {
		page = append(page, hits[order[k]])
	}
	return page, nil
}

// countWhole is how many of the words stand whole in the text.
func countWhole(text string, words [][][]string) int {
	p, n := newPositions(text), 0
	for _, w := range words {
		if p.has(w) {
			n++
		}
	}
	return n
}
