package importer

import (
	"regexp"
	"strings"
)

// Numbering is a small grammar: an optional word around the number
// (问题, 第…个问题, 第…点, 第…项, 第…部分, 【问题…】, and before them the words of a
// reference to the first notice: 巡察反馈), the number in any notation
// (Arabic, full-width — the matching copy has made it half-width —,
// Chinese, circled ①, parenthesised ⑴ (1) (一) ㈠, ⒈) and a closing mark
// (. 、 : ) 】 or a space).
//
// The style of a label is what nesting compares: 1. and 1、 and 1: are one
// style; 问题1: and 【问题1】 and 第1个问题 are each a style of their own.

const numAny = `(\d{1,3}|` + cnNum + `|[\x{2460}-\x{2473}]|[\x{2474}-\x{2487}]|[(]\s*(?:\d{1,3}|` + cnNum + `)\s*[)])`

// refWords are the words before a number that name a finding of the first
// notice on the inspection: 巡察反馈第4个问题, 反馈问题第4项, 关于巡察反馈第4点.
const refWords = `(关于)?((?:(?:县委|市委|区委|省委)?(?:巡察|巡视)(?:[一二三四五六七八九十\d]{0,3}组)?)?反馈(?:的)?(?:意见)?)?`

var (
	reNumWord = regexp.MustCompile(`^(【\s*)?` + refWords + `问题\s*` + numAny + `\s*(】\s*:?|[.、:)]|\s|)\s*`)
	reNumOrd  = regexp.MustCompile(`^(【\s*)?` + refWords + `(?:问题)?第\s*` + numAny + `\s*(个问题|个方面|个|点|项|条|部分)(?:问题)?\s*(】\s*:?|[.、:,)]|\s)?\s*`)
	reNumStop = regexp.MustCompile(`^([\x{2488}-\x{249B}])\s*`)
	// 第一，…  第二，… (an ordinal with a comma or 、, no word after it): the
	// enumeration of a letter or a speech; ordinals written with a word
	// (第一项, 第1个问题) are reNumOrd's.
	reNumOrdinal = regexp.MustCompile(`^第\s*(` + cnNum + `|\d{1,3})\s*[,、]\s*`)
)

// numValue is the value of a number in any notation: 12, 十二, ⑫, ⑿, (12), (十二).
func numValue(s string) int {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "("), ")"))
	}
	if v := atoi(s); v > 0 {
		return v
	}
	if v := ChineseNumber(s); v > 0 {
		return v
	}
	rs := []rune(s)
	if len(rs) != 1 {
		return 0
	}
	switch r := rs[0]; {
	case r >= 0x2460 && r <= 0x2473:
		return int(r-0x2460) + 1
	case r >= 0x2474 && r <= 0x2487:
		return int(r-0x2474) + 1
	case r >= 0x2488 && r <= 0x249B:
		return int(r-0x2488) + 1
	}
	return 0
}

// numberingWithWord reads a label with words around its number: 问题1:,
// 【问题一】, 第3个问题:, 巡察反馈第4点, 关于巡察反馈第4点…. Ref is true when
// the words name the first notice's finding (巡察反馈…, 关于…第N点).
func numberingWithWord(t text) (Numbering, bool) {
	n := t.norm
	if m := reNumWord.FindStringSubmatchIndex(n); m != nil {
		open := m[2] >= 0
		closeMark := n[m[10]:m[11]]
		if open != strings.HasPrefix(closeMark, "】") {
			return Numbering{}, false
		}
		if closeMark == "" && !selfClosing(n[m[8]:m[9]]) {
			return Numbering{}, false // 问题12个: a count; 问题(3) ⑶ ③ close themselves
		}
		num := numValue(n[m[8]:m[9]])
		if num < 1 {
			return Numbering{}, false
		}
		style := "问题1"
		if open {
			style = "【问题1】"
		}
		about := m[4] >= 0
		ref := m[6] >= 0
		if about && !ref {
			return Numbering{}, false
		}
		return Numbering{Style: style, Label: t.cut(0, m[1]), Num: num, Rest: t.from(m[1]), Ref: ref}, true
	}
	if m := reNumOrd.FindStringSubmatchIndex(n); m != nil {
		open := m[2] >= 0
		word := n[m[10]:m[11]]
		closeMark := ""
		if m[12] >= 0 {
			closeMark = n[m[12]:m[13]]
		}
		if open != strings.HasPrefix(closeMark, "】") {
			return Numbering{}, false
		}
		about, ref := m[4] >= 0, m[6] >= 0
		if about && !ref {
			return Numbering{}, false
		}
		if closeMark == "" && word != "个问题" && !ref && !(word == "部分" && headingBreak(n[m[11]:])) {
			return Numbering{}, false // 第一项工作… is a sentence; 第一部分 贯彻…方面 a heading
		}
		if word == "个方面" {
			return Numbering{}, false
		}
		num := numValue(n[m[8]:m[9]])
		if num < 1 {
			return Numbering{}, false
		}
		if word == "个" {
			word = "个问题"
		}
		if about {
			// 关于巡察反馈第4点…问题: a title that names the finding (as
			// the bundled notice's 四、 does); it keeps all its words
			return Numbering{Style: "第1" + word, Num: num, Rest: t.orig, Ref: true}, true
		}
		return Numbering{Style: "第1" + word, Label: t.cut(0, m[1]), Num: num, Rest: t.from(m[1]), Ref: ref}, true
	}
	if m := reNumOrdinal.FindStringSubmatchIndex(n); m != nil {
		if num := numValue(n[m[2]:m[3]]); num >= 1 {
			return Numbering{Style: "第1,", Label: t.cut(0, m[1]), Num: num, Rest: t.from(m[1])}, true
		}
	}
	return Numbering{}, false
}

// headingBreak: what follows 第N部分 makes it a heading's label: a space
// before the heading's words. (A label alone on its line, its words on
// the next, is not read as a heading by any style yet.)
func headingBreak(after string) bool {
	return strings.TrimLeft(after, " \t\u3000") != after
}

// selfClosing: a number that needs no closing mark after it: (3), ⑶, ③.
func selfClosing(num string) bool {
	if strings.HasPrefix(num, "(") {
		return true
	}
	rs := []rune(num)
	return len(rs) == 1 && rs[0] >= 0x2460 && rs[0] <= 0x2487
}
