// Package i18ntest finds English left in a message printed in Chinese:
// the tests of every package that builds messages hold their Chinese to it.
package i18ntest

import (
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
)

// Names are words that are names in both languages: programs, formats,
// units of size, placeholders a user types.
var Names = []string{
	"gongshi", "hugo", "toml", "pdf", "ocr", "libreoffice", "wps", "word", "rtf", "docx", "doc",
	"html", "txt", "mib", "mb", "kb", "api", "get", "json", "csv", "yyyy", "mm", "dd", "http", "https",
	"ascii", "tounicode", "bleve", "utf", "gbk", "gb", "debian", "ubuntu", "apt", "zip", "url", "id",
	"ctrl", "etag", "gzip", "sqlite", "javascript", "js",
}

// quoted are spans of data: quoted text (the notice's words, a value of
// the file) and code.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|“[^”]*”|` + "`[^`]*`" + `|'[^'\s]*'`)

// English is the English words of s, data excepted: quoted text, paths,
// keys, tables and flags ([[redact]]; a word with a dot, slash, bracket, underscore, hyphen,
// equals sign, colon or digit in it: findings[2].title, --force,
// data/a.toml, 2024-12-02), Names, and each of data (a file name, a
// value, a key: a single word is taken out only as a whole word). A word
// is two or more ASCII letters.
func English(s string, data ...string) []string {
	ok := map[string]bool{}
	for _, w := range Names {
		ok[w] = true
	}
	for _, d := range data {
		if d == "" {
			continue
		}
		if wordRE.MatchString(d) {
			s = regexp.MustCompile(`\b`+d+`\b`).ReplaceAllString(s, " ")
		} else {
			s = strings.ReplaceAll(s, d, " ")
		}
	}
	s = quoted.ReplaceAllString(s, " ")
	var out []string
	// Tokens: runs of printable ASCII without spaces.
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r > unicode.MaxASCII || unicode.IsSpace(r) }) {
		if strings.HasPrefix(tok, "[") && strings.HasSuffix(tok, "]") {
			continue // a table of the data file: [unit], [[unplaced]]
		}
		tok = strings.Trim(tok, "()[]{},;:!?.<>*+~^|\"'")
		if tok == "" || strings.ContainsAny(tok, "._/\\[]=-:%@#0123456789") {
			continue
		}
		for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return !isLetter(r) }) {
			if len(w) >= 2 && !ok[strings.ToLower(w)] {
				out = append(out, w)
			}
		}
	}
	return out
}

func isLetter(r rune) bool { return r < unicode.MaxASCII && unicode.IsLetter(r) }

var (
	keys   []string
	wordRE = regexp.MustCompile(`^[A-Za-z]+$`)
)

// NoticeKeys are the keys of a data file (title, issuer, findings,
// status_text …) and the values of its closed vocabularies (done,
// in_progress, township, village …): data in any language, where a
// message names them (give them to English as data).
func NoticeKeys() []string {
	if keys != nil {
		return keys
	}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if name != "" && name != "-" {
				keys = append(keys, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(notice.Notice{}))
	for _, s := range notice.Statuses {
		keys = append(keys, string(s))
	}
	keys = append(keys, "unstated", "township", "village", "department", "school", "enterprise", "region")
	return keys
}

// Data is the arguments of m that are text (a path, a key, a value of
// the file), in the messages among them too: data, whichever the language.
func Data(m *i18n.Error) []string {
	var out []string
	for _, a := range m.Args {
		switch a := a.(type) {
		case string:
			out = append(out, a)
		case *i18n.Error:
			out = append(out, Data(a)...)
		case interface{ Message() *i18n.Error }:
			out = append(out, Data(a.Message())...)
		}
	}
	return out
}
