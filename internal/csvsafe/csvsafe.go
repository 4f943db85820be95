// Package csvsafe keeps CSV cells from being read as formulas by a
// spreadsheet (CSV injection). The site's downloads and `gongshi search
// --csv` both write through it.
package csvsafe

import "strings"

// Cell returns s with a leading apostrophe when it starts with a character
// a spreadsheet treats as the start of a formula: = + - @ tab or carriage
// return. Any other cell is returned as it is.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
