package search

import (
	"unicode"

	"github.com/gongshi/gongshi/internal/i18n"
)

// SyntaxMessage explains, in Chinese, why the query string q does not
// parse: the first mistake it can name (an unpaired quote, a + or - with
// no word after it, a stray colon, a ^ without a number), else what to
// check. search.js says the same words (syntaxMessage) for the same query.
func SyntaxMessage(q string) string {
	return SyntaxError(q).Localize(i18n.NewPrinter(true))
}

// SyntaxError is SyntaxMessage as a message, printed in the reader's
// language (its Chinese is SyntaxMessage, as static/search/search.js
// says it).
func SyntaxError(q string) *i18n.Error {
	rs := []rune(q)
	quotes, esc := 0, false
	for _, c := range rs {
		switch {
		case esc:
			esc = false
		case c == '\\':
			esc = true
		case c == '"':
			quotes++
		}
	}
	if quotes%2 == 1 {
		return i18n.Msg("query syntax: a quote is unpaired: add or remove a \" (to search for the quote itself, write \\\").")
	}
	in, esc := false, false
	for i, c := range rs {
		if esc {
			esc = false
			continue
		}
		if c == '\\' {
			esc = true
			continue
		}
		if c == '"' {
			in = !in
			continue
		}
		if in {
			continue
		}
		var next rune
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		atStart := i == 0 || unicode.IsSpace(rs[i-1])
		end := next == 0 || unicode.IsSpace(next)
		switch c {
		case '+', '-':
			if atStart && end {
				return i18n.Msg("query syntax: a word follows + or - without a space (+污水 -越级); to search for the sign itself, put \\ before it.")
			}
		case ':':
			if atStart || end {
				return i18n.Msg("query syntax: a colon joins a field and a word (text:陵园), with nothing between; to search for the colon itself, put \\ before it.")
			}
		case '^':
			if next < '0' || next > '9' {
				return i18n.Msg("query syntax: ^ is followed by a number, the weight (食堂^2).")
			}
		case '~':
			if atStart {
				return i18n.Msg("query syntax: ~ follows a word directly, for fuzzy matching (water~1).")
			}
		}
	}
	return i18n.Msg("query syntax: check the quotes and the signs + - : ^ ~ > < =; to search for one of them, put \\ before it.")
}
