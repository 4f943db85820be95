package store

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

// Encode renders the notice as TOML for people to review: the library's
// encoding with every array of strings written one element a line and every
// string with line breaks written as a multi-line string. If the rewritten
// text does not decode to exactly the same notice, the plain encoding is
// used.
func Encode(n *notice.Notice) ([]byte, error) {
	plain, err := encodePlain(n)
	if err != nil {
		return nil, err
	}
	pretty := prettyTOML(plain)
	var a, b notice.Notice
	if _, err := toml.Decode(string(plain), &a); err != nil {
		return plain, nil
	}
	if _, err := toml.Decode(string(pretty), &b); err != nil || !reflect.DeepEqual(a, b) {
		return plain, nil
	}
	return pretty, nil
}

var reKeyValue = regexp.MustCompile(`^([A-Za-z0-9_-]+) = (.*)$`)

func prettyTOML(src []byte) []byte {
	var out bytes.Buffer
	for _, line := range strings.SplitAfter(string(src), "\n") {
		body := strings.TrimSuffix(line, "\n")
		m := reKeyValue.FindStringSubmatch(body)
		if m == nil {
			out.WriteString(line)
			continue
		}
		key, val := m[1], m[2]
		if elems, ok := stringArray(val); ok && len(elems) > 0 {
			out.WriteString(key + " = [\n")
			for _, e := range elems {
				out.WriteString("  " + e + ",\n")
			}
			out.WriteString("]\n")
			continue
		}
		if end, ok := basicString(val, 0); ok && end == len(val) && strings.Contains(val, `\n`) {
			out.WriteString(key + ` = """` + "\n" + multiline(val[1:len(val)-1]) + `"""` + "\n")
			continue
		}
		out.WriteString(line)
	}
	return out.Bytes()
}

// basicString finds the end (after the closing quote) of the TOML basic
// string starting at s[i].
func basicString(s string, i int) (int, bool) {
	if i >= len(s) || s[i] != '"' {
		return 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return 0, false
}

// stringArray splits `["a", "b"]` into its quoted elements.
func stringArray(v string) ([]string, bool) {
	if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
		return nil, false
	}
	var elems []string
	i := 1
	for {
		for i < len(v) && v[i] == ' ' {
			i++
		}
		if i < len(v) && v[i] == ']' {
			return elems, i == len(v)-1
		}
		end, ok := basicString(v, i)
		if !ok {
			return nil, false
		}
		elems = append(elems, v[i:end])
		i = end
		for i < len(v) && v[i] == ' ' {
			i++
		}
		if i < len(v) && v[i] == ',' {
			i++
		}
	}
}

// multiline turns the inside of an encoded basic string into the inside of
// a multi-line basic string: \n escapes become line breaks, other escapes
// stay.
func multiline(inner string) string {
	var b strings.Builder
	for i := 0; i < len(inner); i++ {
		if inner[i] == '\\' && i+1 < len(inner) {
			if inner[i+1] == 'n' {
				b.WriteByte('\n')
			} else {
				b.WriteString(inner[i : i+2])
			}
			i++
			continue
		}
		b.WriteByte(inner[i])
	}
	return b.String()
}
