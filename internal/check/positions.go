package check

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The TOML library's MetaData keeps no usable key positions (they are
// private, and one entry is shared by every element of an array of tables),
// so check finds them itself: a small pass over the text of a file that the
// library has already parsed without error. It follows tables, arrays of
// tables ([[findings]] counts from 1 per parent element), dotted keys, inline
// tables, arrays (also of inline tables), comments and all four kinds of
// string, including multi-line strings whose text looks like TOML.

// pos is a place in a file: line and column from 1; the column counts
// characters (Unicode code points), not bytes.
type pos struct{ Line, Col int }

// positions maps a value's path to where it is written: for a key, where the
// key starts; for a table, where its [header] (or inline {) starts; for an
// array element, where the element starts. Paths look like
// findings[3].amounts[1].yuan: keys joined by dots, quoted when not bare,
// array indexes counted from 1.
type positions map[string]pos

// lookup is the position of path, or of its nearest ancestor that has one,
// or 1:1.
func (ps positions) lookup(path string) pos {
	for path != "" {
		if p, ok := ps[path]; ok {
			return p
		}
		path = parentPath(path)
	}
	return pos{1, 1}
}

// parentPath strips the last key or index of a path.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	// The last '.' outside quotes.
	last, inQuote := -1, false
	for i := 0; i < len(path); i++ {
		switch path[i] {
		case '\\':
			if inQuote {
				i++
			}
		case '"':
			inQuote = !inQuote
		case '.':
			if !inQuote {
				last = i
			}
		}
	}
	if last < 0 {
		return ""
	}
	return path[:last]
}

// keyString is one key as it appears in a path: bare when it can be, quoted
// otherwise.
func keyString(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return strconv.Quote(k)
		}
	}
	return k
}

func joinPath(base, key string) string {
	if base == "" {
		return keyString(key)
	}
	return base + "." + keyString(key)
}

func indexPath(base string, i int) string { return base + "[" + strconv.Itoa(i) + "]" }

// scanPositions indexes the positions of every key, table and array element
// in src, which must be valid TOML (parsed by the library first). It never
// panics on invalid input; it just stops early.
func scanPositions(src string) positions {
	src = strings.TrimPrefix(src, "\ufeff")
	s := &scanner{src: src, line: 1, ps: positions{}, aot: map[string]int{}}
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		s.document()
	}()
	return s.ps
}

type stop struct{}

var errStop = stop{}

type scanner struct {
	src       string
	i         int
	line      int
	lineStart int
	ps        positions
	aot       map[string]int // resolved path of an array of tables → elements so far
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) has(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

// adv moves one byte on, counting lines.
func (s *scanner) adv() {
	if s.eof() {
		panic(errStop)
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.lineStart = s.i + 1
	}
	s.i++
}

func (s *scanner) here() pos {
	return pos{s.line, utf8.RuneCountInString(s.src[s.lineStart:s.i]) + 1}
}

func (s *scanner) record(path string, p pos) {
	if _, ok := s.ps[path]; !ok {
		s.ps[path] = p
	}
}

// skipSpace skips spaces and tabs, and with nl also newlines and comments.
func (s *scanner) skipSpace(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t':
			s.adv()
		case nl && (c == '\n' || c == '\r'):
			s.adv()
		case nl && c == '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	for !s.eof() && s.peek() != '\n' {
		s.adv()
	}
}

func (s *scanner) expect(c byte) {
	if s.peek() != c {
		panic(errStop)
	}
	s.adv()
}

func (s *scanner) document() {
	table := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		s.skipSpace(false)
		if s.peek() == '#' {
			s.skipComment()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the resolved path of the table.
func (s *scanner) header() string {
	at := s.here()
	s.expect('[')
	array := s.peek() == '['
	if array {
		s.adv()
	}
	s.skipSpace(false)
	keys, _ := s.key()
	s.expect(']')
	if array {
		s.expect(']')
	}
	path := ""
	for n, k := range keys {
		path = joinPath(path, k)
		if n == len(keys)-1 && array {
			s.record(path, at)
			s.aot[path]++
			path = indexPath(path, s.aot[path])
		} else if c, ok := s.aot[path]; ok {
			path = indexPath(path, c)
		}
		s.record(path, at)
	}
	return path
}

// key reads a possibly dotted key and returns its parts and where it starts.
func (s *scanner) key() ([]string, pos) {
	at := s.here()
	var parts []string
	for {
		s.skipSpace(false)
		parts = append(parts, s.simpleKey())
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts, at
		}
		s.adv()
	}
}

func (s *scanner) simpleKey() string {
	switch s.peek() {
	case '"':
		start := s.i
		s.basicString()
		return unquoteBasic(s.src[start+1 : s.i-1])
	case '\'':
		start := s.i
		s.literalString()
		return s.src[start+1 : s.i-1]
	}
	start := s.i
	for !s.eof() {
		c := s.peek()
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			break
		}
		s.adv()
	}
	if s.i == start {
		panic(errStop)
	}
	return s.src[start:s.i]
}

// keyValue reads key = value inside table (a resolved path).
func (s *scanner) keyValue(table string) {
	keys, at := s.key()
	path := table
	for _, k := range keys {
		path = joinPath(path, k)
		s.record(path, at)
	}
	s.skipSpace(false)
	s.expect('=')
	s.skipSpace(false)
	s.value(path)
}

func (s *scanner) value(path string) {
	switch {
	case s.has(`"""`):
		s.multiline('"')
	case s.has(`'''`):
		s.multiline('\'')
	case s.peek() == '"':
		s.basicString()
	case s.peek() == '\'':
		s.literalString()
	case s.peek() == '[':
		s.array(path)
	case s.peek() == '{':
		s.inlineTable(path)
	default:
		s.scalar()
	}
}

func (s *scanner) basicString() {
	s.expect('"')
	for {
		switch s.peek() {
		case '\\':
			s.adv()
		case '"':
			s.adv()
			return
		case '\n', 0:
			panic(errStop)
		}
		s.adv()
	}
}

func (s *scanner) literalString() {
	s.expect('\'')
	for s.peek() != '\'' {
		if s.peek() == '\n' {
			panic(errStop)
		}
		s.adv()
	}
	s.adv()
}

// multiline reads a multi-line string, basic or literal (q is its quote,
// written three times on each side). The closing run may hold up to two
// more quotes, which belong to the text.
func (s *scanner) multiline(q byte) {
	for range 3 {
		s.expect(q)
	}
	for {
		c := s.peek()
		if c == '\\' && q == '"' {
			s.adv()
			s.adv()
			continue
		}
		if c == q {
			n := 0
			for s.i+n < len(s.src) && s.src[s.i+n] == q {
				n++
			}
			if n >= 3 {
				for range min(n, 5) {
					s.adv()
				}
				return
			}
			for range n {
				s.adv()
			}
			continue
		}
		s.adv()
	}
}

func (s *scanner) array(path string) {
	s.expect('[')
	for n := 1; ; n++ {
		s.skipSpace(true)
		if s.peek() == ']' {
			s.adv()
			return
		}
		el := indexPath(path, n)
		s.record(el, s.here())
		s.value(el)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.adv()
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.record(path, s.here())
	s.expect('{')
	for {
		s.skipSpace(true)
		switch s.peek() {
		case '}':
			s.adv()
			return
		case ',':
			s.adv()
			continue
		}
		s.keyValue(path)
	}
}

// scalar reads a number, boolean or date-time. A date and a time may be
// separated by one space (1979-05-27 07:32:00).
func (s *scanner) scalar() {
	start := s.i
	s.bare()
	tok := s.src[start:s.i]
	if len(tok) == 10 && tok[4] == '-' && tok[7] == '-' && s.peek() == ' ' &&
		s.i+3 < len(s.src) && isDigitByte(s.src[s.i+1]) && isDigitByte(s.src[s.i+2]) && s.src[s.i+3] == ':' {
		s.adv()
		s.bare()
	}
	if s.i == start {
		panic(errStop)
	}
}

func (s *scanner) bare() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n', ',', ']', '}', '#':
			return
		}
		s.adv()
	}
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// unquoteBasic decodes the escapes of a TOML basic string (a quoted key).
func unquoteBasic(q string) string {
	if !strings.Contains(q, `\`) {
		return q
	}
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if q[i] != '\\' || i+1 >= len(q) {
			b.WriteByte(q[i])
			continue
		}
		i++
		switch c := q[i]; c {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+n < len(q) {
				if v, err := strconv.ParseUint(q[i+1:i+1+n], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += n
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
