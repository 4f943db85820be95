package i18n

import (
	"fmt"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// integer and float are the numbers of a message as fmt prints them
// (2024, not the printer's 2,024: a message's numbers are years, line
// numbers and counts, printed the same in both languages), that a plural
// case of the catalog still selects on.
type integer int64

func (n integer) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), int64(n))
}

func (n integer) PluralForm(t language.Tag, scale int) (plural.Form, int) {
	if n == 1 {
		return plural.One, 1
	}
	return plural.Other, int(n % 10_000_000)
}

type float float64

func (x float) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), float64(x))
}

// plain is a as fmt prints it, when it is a number.
func plain(a any) any {
	switch n := a.(type) {
	case int:
		return integer(n)
	case int8:
		return integer(n)
	case int16:
		return integer(n)
	case int32:
		return integer(n)
	case int64:
		return integer(n)
	case uint:
		return integer(n)
	case uint8:
		return integer(n)
	case uint16:
		return integer(n)
	case uint32:
		return integer(n)
	case uint64:
		return integer(n)
	case float32:
		return float(n)
	case float64:
		return float(n)
	}
	return a
}
