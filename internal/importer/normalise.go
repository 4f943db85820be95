package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// NormaliseRune maps one rune to its matching form: full-width ASCII
// (（）：，；．０-９Ａ-Ｚ) to half-width, every kind of space (ideographic
// space, no-break space, tabs, zero-width space, BOM) to ' '. Everything
// else, including 。、“”《》, is itself.
//
// The mapping is rune for rune, so an index into a normalised string is an
// index into the original: recognisers match the normalised copy and cut the
// original.
func NormaliseRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + 0x21
	case r == 0x3000, r == 0x00A0, r == '\t', r == '\v', r == '\f', r == 0xFEFF,
		r >= 0x2000 && r <= 0x200B, r == 0x202F, r == 0x205F:
		return ' '
	}
	return r
}

// Normalise is the matching copy of s (see NormaliseRune): same number of
// runes, same order.
func Normalise(s string) string {
	return strings.Map(NormaliseRune, s)
}

// text is a piece of the original with its matching copy and the map
// between their byte offsets.
type text struct {
	orig string
	norm string
	// off[i] is the byte offset in orig of the rune that starts at byte i of
	// norm; off[len(norm)] = len(orig). Entries inside a rune are unused.
	off []int
}

func newText(orig string) text {
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int, 0, len(orig)+1)
	for i, r := range orig {
		if r == utf8.RuneError {
			// keep invalid bytes as they are, one offset per byte
			_, size := utf8.DecodeRuneInString(orig[i:])
			if size == 1 {
				b.WriteByte(orig[i])
				off = append(off, i)
				continue
			}
		}
		n := NormaliseRune(r)
		w := utf8.RuneLen(n)
		for k := 0; k < w; k++ {
			off = append(off, i)
		}
		b.WriteRune(n)
	}
	off = append(off, len(orig))
	return text{orig: orig, norm: b.String(), off: off}
}

// cut is the original text between two byte offsets of the matching copy.
func (t text) cut(i, j int) string { return t.orig[t.off[i]:t.off[j]] }

// from is the original text from a byte offset of the matching copy.
func (t text) from(i int) string { return t.orig[t.off[i]:] }

// upTo is the original text up to a byte offset of the matching copy.
func (t text) upTo(i int) string { return t.orig[:t.off[i]] }

// sub is a part of t, as a text of its own.
func (t text) sub(i, j int) text { return newText(t.cut(i, j)) }

// trim drops leading and trailing spaces (after normalisation: ideographic
// spaces and indents too).
func (t text) trim() text {
	i := len(t.norm) - len(strings.TrimLeftFunc(t.norm, isSpace))
	j := len(strings.TrimRightFunc(t.norm, isSpace))
	if i >= j {
		return newText("")
	}
	if i == 0 && j == len(t.norm) {
		return t
	}
	return t.sub(i, j)
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B }

// find is the first match of re in the matching copy, as original substrings
// (nil when there is none). Unmatched groups are "".
func (t text) find(re *regexp.Regexp) []string {
	loc := t.norm
	m := re.FindStringSubmatchIndex(loc)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for k := range out {
		if m[2*k] >= 0 {
			out[k] = t.cut(m[2*k], m[2*k+1])
		}
	}
	return out
}

// skeleton is s without punctuation, symbols and spaces, normalised: what a
// sentence says, for comparing renderings that may differ in punctuation.
func skeleton(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = NormaliseRune(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Skeleton is s reduced to its letters and digits after normalisation. Two
// texts that differ only in punctuation, spacing or full/half width have the
// same skeleton.
func Skeleton(s string) string { return skeleton(s) }

// runeLen is the number of runes of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
