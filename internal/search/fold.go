package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// The text analyzer is Bleve's cjk analyzer (UAX#29 words, cjk_width,
// to_lower, cjk_bigram) with one change before the words are found:
// full-width digits and letters (０–９, Ａ–Ｚ, ａ–ｚ) are folded to ASCII,
// so that ２０２４ is the number 2024 (to the unicode tokenizer a
// full-width digit is not part of a word, and it was not indexed). Token
// offsets stay those of the text as written. search.js folds the same
// way (foldWidth); the query string is folded too, before it is parsed.
const (
	analyzerName  = "gongshi_cjk"
	tokenizerName = "gongshi_unicode_folded"
)

func init() {
	if err := registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return foldingTokenizer{unicode.NewUnicodeTokenizer()}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(analyzerName, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		tok, err := cache.TokenizerNamed(tokenizerName)
		if err != nil {
			return nil, err
		}
		var fs []analysis.TokenFilter
		for _, n := range []string{cjk.WidthName, lowercase.Name, cjk.BigramName} {
			f, err := cache.TokenFilterNamed(n)
			if err != nil {
				return nil, err
			}
			fs = append(fs, f)
		}
		return &analysis.DefaultAnalyzer{Tokenizer: tok, TokenFilters: fs}, nil
	}); err != nil {
		panic(err)
	}
}

// foldRune is r folded: a full-width digit or Latin letter becomes ASCII.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A:
		return r - 0xFEE0
	}
	return r
}

// needsFold reports whether s holds a character foldRune changes (all
// encoded EF BC 90–99, EF BC A1–BA, EF BD 81–9A).
func needsFold(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xEF && (b[i+1] == 0xBC && (b[i+2] >= 0x90 && b[i+2] <= 0x99 || b[i+2] >= 0xA1 && b[i+2] <= 0xBA) ||
			b[i+1] == 0xBD && b[i+2] >= 0x81 && b[i+2] <= 0x9A) {
			return true
		}
	}
	return false
}

// FoldWidth folds the full-width digits and letters of s to ASCII.
func FoldWidth(s string) string {
	if !needsFold([]byte(s)) {
		return s
	}
	b, _ := foldBytes([]byte(s))
	return string(b)
}

// foldBytes folds b and returns, for every byte offset of the result
// where a character starts (and its end), the offset in b.
func foldBytes(b []byte) ([]byte, []int) {
	out := make([]byte, 0, len(b))
	orig := make([]int, 0, len(b)+1)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if f := foldRune(r); f != r {
			orig = append(orig, i)
			out = append(out, byte(f))
		} else {
			for k := 0; k < n; k++ {
				orig = append(orig, i+k)
			}
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	orig = append(orig, len(b))
	return out, orig
}

// foldingTokenizer is the unicode tokenizer over the folded text, with
// the offsets of the text as written.
type foldingTokenizer struct{ t analysis.Tokenizer }

func (f foldingTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !needsFold(input) {
		return f.t.Tokenize(input)
	}
	folded, orig := foldBytes(input)
	ts := f.t.Tokenize(folded)
	for _, t := range ts {
		t.Start, t.End = orig[t.Start], orig[t.End]
	}
	return ts
}
