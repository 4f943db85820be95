package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongshi/gongshi/internal/i18n"
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
	ps, _ := scan(src)
	return ps
}

// Limits of a data file's structure, checked by scan before the TOML
// library parses the file (see the package documentation).
const (
	MaxDepth       = 32       // arrays and inline tables inside each other; parts of a dotted key
	MaxStringBytes = 64 << 10 // bytes of one string or key (about 21,000 Chinese characters)
	MaxValues      = 100_000  // keys, tables and array elements in a file
	MaxPathBytes   = 1 << 10  // bytes of a value's path (findings[3].amounts[1].yuan)
	// maxBrackets bounds the nesting of brackets in what follows the point
	// where scan stopped on input it does not take for TOML, so that the
	// library, which parses nested arrays recursively, is never handed
	// millions of them.
	maxBrackets = 1000
)

// limitHit is a limit exceeded, where.
type limitHit struct {
	at  pos
	msg *i18n.Error
}

// scan is scanPositions, and the first limit src exceeds (nil if none). It
// takes time linear in the length of src, and stops at the first limit.
func scan(src string) (positions, *limitHit) {
	src = strings.TrimPrefix(src, "\ufeff")
	// About one recorded path a line: sized once rather than grown.
	s := &scanner{src: src, line: 1, col: 1, ps: make(positions, min(strings.Count(src, "\n")+1, MaxValues)), aot: map[string]int{}}
	done := false
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		s.document()
		done = true
	}()
	if s.lim == nil && !done {
		s.brackets()
	}
	return s.ps, s.lim
}

type stop struct{}

var errStop = stop{}

type scanner struct {
	src   string
	i     int
	line  int
	col   int // of src[i], in characters from 1
	ps    positions
	aot   map[string]int // resolved path of an array of tables → elements so far
	depth int            // arrays and inline tables open
	lim   *limitHit
}

// fail stops the scan at a limit.
func (s *scanner) fail(at pos, format string, a ...any) {
	s.lim = &limitHit{at, i18n.Msg(format, a...)}
	panic(errStop)
}

// brackets goes on from where the scan stopped, counting [ and { against ]
// and } whatever surrounds them (strings, comments), and fails where they
// nest deeper than maxBrackets.
func (s *scanner) brackets() {
	defer func() {
		if r := recover(); r != nil && r != errStop {
			panic(r)
		}
	}()
	d := s.depth
	for !s.eof() {
		switch s.peek() {
		case '[', '{':
			if d++; d > maxBrackets {
				s.fail(s.here(), "brackets nested more than %d deep", maxBrackets)
			}
		case ']', '}':
			d = max(d-1, 0)
		}
		s.adv()
	}
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
	switch c := s.src[s.i]; {
	case c == '\n':
		s.line++
		s.col = 1
	case c&0xC0 != 0x80: // not a continuation byte: a character starts here
		s.col++
	}
	s.i++
}

// here is the position of src[i]; the column counts characters, as
// utf8.RuneCountInString would from the line's start.
func (s *scanner) here() pos { return pos{s.line, s.col} }

func (s *scanner) record(path string, p pos) {
	if _, ok := s.ps[path]; !ok {
		if len(path) > MaxPathBytes {
			s.fail(p, "a key path of %d bytes: at most %d", len(path), MaxPathBytes)
		}
		if len(s.ps) >= MaxValues {
			s.fail(p, "more than %d keys, tables and array elements in one file", MaxValues)
		}
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
		if len(parts) == MaxDepth {
			s.fail(at, "a dotted key of more than %d parts", MaxDepth)
		}
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
	s.checkLength(start)
	return s.src[start:s.i]
}

// checkLength fails when the string or key that started at byte start and
// ends before s.i is longer than MaxStringBytes.
func (s *scanner) checkLength(start int) {
	if s.i-start > MaxStringBytes {
		s.failAt(start, "a string or key of %d bytes: at most %d (64 KiB)", s.i-start, MaxStringBytes)
	}
}

// failAt fails at byte offset off of the current line or an earlier one.
func (s *scanner) failAt(off int, format string, a ...any) {
	line := 1 + strings.Count(s.src[:off], "\n")
	ls := strings.LastIndexByte(s.src[:off], '\n') + 1
	s.fail(pos{line, utf8.RuneCountInString(s.src[ls:off]) + 1}, format, a...)
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
	start := s.i
	s.expect('"')
	for {
		switch s.peek() {
		case '\\':
			s.adv()
		case '"':
			s.adv()
			s.checkLength(start)
			return
		case '\n', 0:
			panic(errStop)
		}
		s.adv()
	}
}

func (s *scanner) literalString() {
	start := s.i
	s.expect('\'')
	for s.peek() != '\'' {
		if s.peek() == '\n' {
			panic(errStop)
		}
		s.adv()
	}
	s.adv()
	s.checkLength(start)
}

// multiline reads a multi-line string, basic or literal (q is its quote,
// written three times on each side). A run of three or more quotes closes
// the string at its end: the library takes the quotes before the last three
// as text (up to two; or three after a backslash, as its lexer has it: in
// """\\"""""" the text is \""", the escaped backslash taken for one that
// escapes the quote).
func (s *scanner) multiline(q byte) {
	start := s.i
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
			for range n {
				s.adv()
			}
			if n >= 3 {
				s.checkLength(start)
				return
			}
			continue
		}
		s.adv()
	}
}

// enter opens an array or inline table at the scanner's position.
func (s *scanner) enter() {
	if s.depth++; s.depth > MaxDepth {
		s.fail(s.here(), "arrays and inline tables nested more than %d deep", MaxDepth)
	}
}

func (s *scanner) array(path string) {
	s.enter()
	defer func() { s.depth-- }()
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
	s.enter()
	defer func() { s.depth-- }()
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
