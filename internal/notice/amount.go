package notice

import (
	"math/big"
	"strings"
)

// ParseAmount reads a sum of money as a notice writes it and returns its
// value in whole yuan:
//
//	3.85万元 → 38500      5亿元 → 500000000    2340元 → 2340
//	1,200元 → 1200        5000余万元 → 50000000  3万余元 → 30000
//	１２．５万元 → 125000  3.85 万元 → 38500
//
// The number is written in digits (half- or full-width), optionally with
// thousands separators (, or ，, in groups of three) and a decimal point (. or
// ．); 余 or 多 ("more than") may follow the number or the 万/亿; the unit is
// 元, 百元, 千元, 万元, 亿元 or 万亿元. A fraction of a yuan is rounded half up
// (12.5元 → 13). ok is false for anything else: numbers in Chinese numerals
// (三万元), negative sums, a missing 元, or a value beyond int64.
//
// It is shared by the importer (which finds amounts in the text) and by
// `gongshi check` (which verifies that an amount's yuan matches its text).
func ParseAmount(text string) (yuan int64, ok bool) {
	s := normaliseAmount(strings.TrimSpace(text))
	// The number: digits, grouping commas, one decimal point.
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
		i++
	}
	intPart, frac, ok := splitNumber(s[:i])
	if !ok {
		return 0, false
	}
	rest := strings.TrimLeft(s[i:], " ")
	rest = trimApprox(rest)
	rest = strings.TrimLeft(rest, " ")
	mult := int64(1)
	for _, u := range []struct {
		prefix string
		mult   int64
	}{{"万亿", 1_000_000_000_000}, {"亿", 100_000_000}, {"万", 10_000}, {"千", 1_000}, {"百", 100}} {
		if strings.HasPrefix(rest, u.prefix) {
			mult = u.mult
			rest = trimApprox(rest[len(u.prefix):])
			break
		}
	}
	if rest != "元" {
		return 0, false
	}
	// value = (intPart.frac) × mult, rounded half up to whole yuan.
	num, _ := new(big.Int).SetString(intPart+frac, 10)
	num.Mul(num, big.NewInt(mult))
	den := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil)
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	if r.Lsh(r, 1).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

// normaliseAmount maps full-width digits, comma and point to ASCII.
func normaliseAmount(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '，':
			return ','
		case r == '．':
			return '.'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

func trimApprox(s string) string {
	for _, p := range []string{"余", "多"} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// splitNumber splits "1,234.5" into "1234" and "5". Commas must group the
// integer part in threes; a decimal point needs digits on both sides.
func splitNumber(n string) (intPart, frac string, ok bool) {
	if n == "" {
		return "", "", false
	}
	intPart, frac, hasPoint := strings.Cut(n, ".")
	if hasPoint && (frac == "" || strings.ContainsAny(frac, ",.")) {
		return "", "", false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return "", "", false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", "", false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" {
		return "", "", false
	}
	return intPart, frac, true
}
