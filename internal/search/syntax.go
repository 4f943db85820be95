package search

import "unicode"

// SyntaxMessage explains, in Chinese, why the query string q does not
// parse: the first mistake it can name (an unpaired quote, a + or - with
// no word after it, a stray colon, a ^ without a number), else what to
// check. search.js says the same words (syntaxMessage) for the same query.
func SyntaxMessage(q string) string {
	const prefix = "查询语法有误："
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
		return prefix + "引号没有成对，请补上或删去 \"（要搜引号本身，请写 \\\"）。"
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
				return prefix + "+ 或 - 之后要紧跟词语，中间不留空格（如 +污水 -越级）；要搜这个符号本身，请在前面加 \\。"
			}
		case ':':
			if atStart || end {
				return prefix + "冒号 : 用于“字段:词语”（如 text:陵园），前后都要紧跟内容；要搜冒号本身，请在前面加 \\。"
			}
		case '^':
			if next < '0' || next > '9' {
				return prefix + "^ 之后要跟数字，表示权重（如 食堂^2）。"
			}
		case '~':
			if atStart {
				return prefix + "~ 要紧跟在词语之后，表示模糊匹配（如 water~1）。"
			}
		}
	}
	return prefix + "请检查引号和 + - : ^ ~ > < = 等符号；要搜这些符号本身，请在前面加 \\。"
}
