package check

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Masking, corrections and withdrawal (see notice.Redaction, Revision,
// Withdrawal):
//   - redact[] needs text and reason (Required); a text that occurs nowhere
//     in the notice is an error, not a warning: a typo, or a re-import
//     that writes the text otherwise, would leave the real text published,
//     and a build never publishes what an editor masked;
//   - revisions[] need date, change and reason; a revision is not dated
//     before the notice was signed;
//   - withdrawn needs date and reason, not before the notice was signed.
//
// Personal data not yet masked is a warning, at the value it was found in:
// a mobile phone number (1 and 10 digits), an ID-card number (17 digits and
// a digit or X), and a name (a common surname and one or two characters)
// after 村民, 信访人, 群众 or 当事人, or after a village's name and before 因, 被 or 涉嫌 (…村林某某因…).
// Text already covered by a [[redact]] is not reported.
func (fc *fileCheck) privacy() {
	n := fc.n
	for i, r := range n.Redact {
		p := indexPath("redact", i+1) + ".text"
		if strings.TrimSpace(r.Text) != "" && !fc.occurs(r.Text) {
			fc.at(p, "%s %q occurs nowhere in the notice: it masks nothing, and the text it is to hide may be written otherwise now (after a re-import); correct its text or remove the [[redact]]", p, r.Text)
		}
	}
	for i, r := range n.Revisions {
		p := indexPath("revisions", i+1) + ".date"
		if r.Date != "" && n.Signed != "" && r.Date < n.Signed {
			fc.at(p, "%s %s is before signed %s", p, r.Date, n.Signed)
		}
	}
	if w := n.Withdrawn; w.Date != "" && n.Signed != "" && w.Date < n.Signed {
		fc.at("withdrawn.date", "withdrawn.date %s is before signed %s", w.Date, n.Signed)
	}
	seen := map[string]bool{}
	walkStrings("", reflect.ValueOf(*n), func(path, s string) {
		s = notice.MaskText(s, n.Redact)
		for _, c := range personalData(s) {
			if seen[c.kind+c.text] {
				continue // once per file: the editor masks it everywhere at once
			}
			seen[c.kind+c.text] = true
			switch c.kind {
			case "phone number":
				fc.warnAt(path, "%s: possible personal data not masked, phone number %q (add a [[redact]] with text = %q and a reason)", path, c.text, c.text)
			case "ID-card number":
				fc.warnAt(path, "%s: possible personal data not masked, ID-card number %q (add a [[redact]] with text = %q and a reason)", path, c.text, c.text)
			default:
				fc.warnAt(path, "%s: possible personal data not masked, name %q (add a [[redact]] with text = %q and a reason)", path, c.text, c.text)
			}
		}
	})
}

// occurs reports whether text occurs in a string of the notice.
func (fc *fileCheck) occurs(text string) bool {
	found := false
	walkStrings("", reflect.ValueOf(*fc.n), func(_, s string) {
		if !found && strings.Contains(s, text) {
			found = true
		}
	})
	return found
}

// walkStrings calls f with the path and value of every prose string of v
// (a notice), the redactions themselves aside.
func walkStrings(path string, v reflect.Value, f func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		if v.Type() == reflect.TypeOf("") && v.String() != "" {
			f(path, v.String())
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkStrings(indexPath(path, i+1), v.Index(i), f)
		}
	case reflect.Struct:
		for _, fl := range tomlFields(v.Type()) {
			if path == "" && fl.name == "redact" {
				continue
			}
			walkStrings(joinPath(path, fl.name), v.Field(fl.index), f)
		}
	}
}

type candidate struct{ kind, text string }

const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤翁傅卓柯游詹"

var (
	phoneRE  = regexp.MustCompile(`(^|[^0-9])(1[3-9][0-9]{9})($|[^0-9])`)
	idCardRE = regexp.MustCompile(`(^|[^0-9])([1-9][0-9]{16}[0-9Xx])($|[^0-9])`)
	nameRE   = regexp.MustCompile(`(村民|信访人|群众|当事人|[\p{Han}]村)([` + surnames + `][\p{Han}]{1,2})`)
)

// personalData finds likely personal data in s. Each expression runs only
// on a string where it can match (see mayHaveNumber, mayHaveName), which
// spares most strings the regular expressions and changes no result.
func personalData(s string) []candidate {
	var out []candidate
	if mayHaveNumber(s) {
		for _, m := range phoneRE.FindAllStringSubmatch(s, -1) {
			out = append(out, candidate{"phone number", m[2]})
		}
		for _, m := range idCardRE.FindAllStringSubmatch(s, -1) {
			out = append(out, candidate{"ID-card number", m[2]})
		}
	}
	if !mayHaveName(s) {
		return out
	}
	for _, m := range nameRE.FindAllStringSubmatchIndex(s, -1) {
		name := s[m[4]:m[5]]
		after := s[m[5]:]
		if strings.ContainsAny(name, "某■") {
			continue
		}
		// After a village's name only a name followed by what is said of
		// a person counts (…村林某某因…, …村林某某被…): 村道, 村委 are no names.
		if trigger := s[m[2]:m[3]]; strings.HasSuffix(trigger, "村") && trigger != "村民" {
			r := []rune(name)
			ok := false
			for _, k := range []string{"因", "被", "涉嫌"} {
				if strings.HasPrefix(after, k) {
					ok = true
				} else if len(r) == 3 && strings.HasSuffix(name, k) {
					name, ok = string(r[:2]), true
				}
			}
			if !ok {
				continue
			}
		}
		out = append(out, candidate{"name", name})
	}
	return out
}

// mayHaveNumber reports whether s has 11 ASCII digits in a row, which
// every match of phoneRE (11) and idCardRE (17) has.
func mayHaveNumber(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= 11 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// mayHaveName reports whether s has the last character of one of nameRE's
// triggers (村民, 信访人, 群众, 当事人, …村) right before a surname, which
// every match of nameRE has.
func mayHaveName(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if (prev == '民' || prev == '人' || prev == '众' || prev == '村') && isSurname[r] {
			return true
		}
		prev = r
	}
	return false
}

// isSurname holds the characters of surnames.
var isSurname = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range surnames {
		m[r] = true
	}
	return m
}()
