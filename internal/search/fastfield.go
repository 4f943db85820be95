package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/segment"
)

// textField is the text field of a document as the index builder analyses
// it: the same terms and frequencies as Bleve's cjk analyzer gives (a test
// compares both on every document of a corpus and on every character),
// counted without building a token stream. Indexing has no use for token
// positions (the index keeps no term vectors), and building tokens and
// bigram shingles was half of the time of indexing.
type textField struct {
	name   string
	text   string
	opts   index.FieldIndexingOptions
	length int
	freqs  index.TokenFrequencies
}

func newTextField(name, text string, opts index.FieldIndexingOptions) *textField {
	return &textField{name: name, text: text, opts: opts}
}

func (f *textField) Name() string                                     { return f.name }
func (f *textField) Value() []byte                                    { return []byte(f.text) }
func (f *textField) ArrayPositions() []uint64                         { return nil }
func (f *textField) EncodedFieldType() byte                           { return 't' }
func (f *textField) Options() index.FieldIndexingOptions              { return f.opts }
func (f *textField) AnalyzedLength() int                              { return f.length }
func (f *textField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }
func (f *textField) Size() int                                        { return 64 + len(f.text) }
func (f *textField) NumPlainTextBytes() uint64                        { return uint64(len(f.text)) }

func (f *textField) Analyze() {
	b := &freqs{m: make(index.TokenFrequencies, len(f.text)/8)}
	f.length = termCounts(f.text, b)
	f.freqs = b.m
}

// freqs counts terms into TokenFrequencies, allocating the TokenFreqs and
// their bytes in blocks.
type freqs struct {
	m     index.TokenFrequencies
	tfs   []index.TokenFreq
	bytes []byte
}

func (b *freqs) add(term string) {
	if tf, ok := b.m[term]; ok {
		tf.SetFrequency(tf.Frequency() + 1)
		return
	}
	if len(b.tfs) == cap(b.tfs) {
		b.tfs = make([]index.TokenFreq, 0, 64)
	}
	if cap(b.bytes)-len(b.bytes) < len(term) {
		b.bytes = make([]byte, 0, max(1024, len(term)))
	}
	b.bytes = append(b.bytes, term...)
	b.tfs = append(b.tfs, index.TokenFreq{Term: b.bytes[len(b.bytes)-len(term) : len(b.bytes) : len(b.bytes)]})
	tf := &b.tfs[len(b.tfs)-1]
	tf.SetFrequency(1)
	b.m[term] = tf
}

var (
	widthFilter = cjk.NewCJKWidthFilter()
	lowerFilter = lowercase.NewLowerCaseFilter()
)

// termCounts counts the terms Bleve's cjk analyzer makes of text (the
// unicode tokenizer, cjk_width, to_lower, cjk_bigram) and returns how many
// tokens it makes. Terms are substrings of text where the filters leave
// the bytes alone, which is almost always.
func termCounts(text string, counts *freqs) int {
	buf := []byte(text)
	if needsFold(buf) { // offsets do not matter here: fold first (fold.go)
		buf, _ = foldBytes(buf)
		text = string(buf)
	}
	seg := segment.NewWordSegmenterDirect(buf)
	length := 0
	// The run of adjacent ideographs being bigrammed: its length and its
	// last character (byte offsets as the bigram filter computes them, and
	// the term).
	run := 0
	var last struct {
		start, end int
		term       string
		same       bool // term is text[start:end]
	}
	flush := func() {
		if run == 1 {
			counts.add(last.term)
			length++
		}
		run = 0
	}
	pos := 0
	for seg.Segment() {
		b := seg.Bytes()
		start := pos
		pos += len(b)
		switch seg.Type() {
		case segment.None:
			continue
		case segment.Ideo, segment.Kana:
			term, same := text[start:pos], true
			if needsWidth(b) {
				term, same = filterTerm(widthFilter, b), false
			}
			sofar := 0
			for i, r := range term {
				rl := utf8.RuneLen(r)
				cs, ce := start+sofar, start+sofar+rl
				sofar += rl
				ch := term[i : i+rl]
				if run > 0 && cs != last.end {
					flush()
				}
				if run > 0 {
					if same && last.same {
						counts.add(text[last.start:ce])
					} else {
						counts.add(last.term + ch)
					}
					length++
				}
				run++
				last.start, last.end, last.term, last.same = cs, ce, ch, same
			}
		default:
			flush()
			term := text[start:pos]
			if needsWidth(b) || needsLower(b) {
				term = filterTerm(lowerFilter, []byte(filterTerm(widthFilter, b)))
			}
			counts.add(term)
			length++
		}
	}
	flush()
	return length
}

// needsWidth reports whether b has a character cjk_width changes
// (U+FF01–U+FF9F, all encoded EF BC 81 … EF BE 9F).
func needsWidth(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xEF && (b[i+1] == 0xBC || b[i+1] == 0xBD || b[i+1] == 0xBE) {
			return true
		}
	}
	return false
}

// needsLower reports whether to_lower may change b: an ASCII capital or
// any non-ASCII character.
func needsLower(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return true
		}
	}
	return false
}

// filterTerm runs one Bleve token filter over a one-token stream.
func filterTerm(f analysis.TokenFilter, b []byte) string {
	t := &analysis.Token{Term: append([]byte(nil), b...), Type: analysis.AlphaNumeric}
	return string(f.Filter(analysis.TokenStream{t})[0].Term)
}
