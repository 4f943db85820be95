// Package i18n makes gongshi speak the editor's language: Chinese under a
// Chinese locale (LC_ALL, LC_MESSAGES or LANG, the first set, naming zh…),
// English otherwise; the search API speaks the language its request asks
// for (AcceptChinese).
//
// A message is built in the reader's language (message.go): the code
// makes it from its key, an English format, and its arguments (Msg,
// Errorf), and a printer of the reader's language (NewPrinter; a nil
// printer is English) prints it where it is shown (Localize, Sprintf,
// Fprintf), its arguments that are messages, errors or Localizers printed
// in the same language. Every key has an entry in the catalog, English and
// Chinese side by side: Catalog (catalog.go and each area's
// catalog_*.go), Terms (names a message takes as an argument) and Plurals
// (a message whose English words agree with its numbers). Numbers print
// as fmt prints them (2024, not 2,024).
//
// LEFT FOR THE LEAD: the reverse translator below (Translate, Writer)
// still reads back, line by line, the English that commands print through
// fmt, for cmd/gongshi under a Chinese locale; delete it (with compile,
// literal and the Catalog rows no code prints any more) once every
// command prints through its IO's printer. Until then each complete line
// is matched against the Catalog's English formats (and the Plurals' forms),
// anchored at both ends; its arguments are taken from it (%d a number, %q
// a quoted string, %s and %v a text that is itself translated when it is
// a message of the catalog) and the Chinese format is printed with them.
// A line that no entry matches is written as it was (data, JSON, CSV).
package i18n

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Entry is one message in both languages.
type Entry struct{ En, Zh string }

// Chinese reports whether the environment asks for Chinese: the first of
// LC_ALL, LC_MESSAGES and LANG that is set names a zh locale (zh_CN.UTF-8,
// zh_TW, zh).
func Chinese(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		t, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
		if err != nil {
			return false
		}
		base, _ := t.Base()
		return base.String() == "zh"
	}
	return false
}

type compiled struct {
	en   string
	re   *regexp.Regexp
	verb []byte // per argument: 'd', 'q', 's'
}

var (
	once    sync.Once
	onceRE  sync.Once       // the translator's patterns, compiled on its first line
	plurals map[string]bool // the Plurals' keys
	printer *message.Printer
	builder *catalog.Builder
	formats []compiled
)

var verbRE = regexp.MustCompile(`%%|%(-?\d+)?(\.\d+)?[sdqvwf]`)

func load() {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	builder = b
	for _, e := range Catalog {
		b.SetString(language.English, e.En, e.En)
		// A tab in a format is a column of a table: a command prints it
		// through text/tabwriter (Translate prints two spaces for it).
		b.SetString(language.Chinese, e.En, e.Zh)
	}
	for _, e := range Terms {
		b.SetString(language.English, e.En, e.En)
		b.SetString(language.Chinese, e.En, e.Zh)
	}
	plurals = map[string]bool{}
	for _, e := range Plurals {
		plurals[e.Key] = true
		if err := setPlural(b, e); err != nil {
			panic(err) // TestCatalog
		}
	}
	printer = message.NewPrinter(language.Chinese, message.Catalog(b))
	english = message.NewPrinter(language.English, message.Catalog(b))
}

// compile is the pattern that reads a line printed in English with the
// format en back (see Translate), a word of words matching its singular
// too. LEFT FOR THE LEAD: it goes with Translate.
func compile(en string, words []Word) compiled {
	var re strings.Builder
	var verbs []byte
	re.WriteString("^")
	last := 0
	for _, m := range verbRE.FindAllStringIndex(en, -1) {
		re.WriteString(literal(en[last:m[0]]))
		last = m[1]
		v := en[m[1]-1]
		switch v {
		case '%':
			re.WriteString("%")
			continue
		case 'f':
			re.WriteString(`\s*(-?\d+(?:\.\d+)?)`)
		case 'd':
			re.WriteString(`\s*(-?\d+)`)
		case 'q':
			re.WriteString(`("(?:[^"\\]|\\.)*")`)
		default:
			re.WriteString(`(.*?)\s*`)
			v = 's'
		}
		verbs = append(verbs, v)
	}
	re.WriteString(literal(en[last:]) + "$")
	pat := re.String()
	for _, w := range words {
		pat = strings.Replace(pat, w.Many, "(?:"+w.Many+"|"+w.One+")", 1)
	}
	return compiled{en: en, re: regexp.MustCompile(pat), verb: verbs}
}

// literal is the pattern of a format's literal text: a tab (a column of
// a table) matches the spaces that stand for it.
func literal(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(p), ": ", `:\s+`)
	}
	return strings.Join(parts, `\s+`)
}

// Translate is the Chinese of one line of output (without its newline),
// or the line itself when no entry of the catalog matches it.
func Translate(line string) string {
	once.Do(load)
	onceRE.Do(func() {
		for _, e := range Catalog {
			formats = append(formats, compile(e.En, nil))
		}
		for _, e := range Plurals {
			formats = append(formats, compile(e.Key, e.Words))
		}
	})
	return translate(line, 0)
}

func translate(line string, depth int) string {
	if depth > 4 || line == "" {
		return line
	}
	for _, f := range formats {
		m := f.re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		args := make([]any, len(f.verb))
		ok := true
		for i, v := range f.verb {
			s := m[i+1]
			switch v {
			case 'd':
				n, err := strconv.Atoi(s)
				if err != nil {
					ok = false
				}
				args[i] = n
			case 'f':
				x, err := strconv.ParseFloat(s, 64)
				if err != nil {
					ok = false
				}
				args[i] = x
			case 'q':
				u, err := strconv.Unquote(s)
				if err != nil {
					ok = false
				}
				args[i] = u
			default:
				args[i] = translate(s, depth+1)
			}
		}
		if ok {
			// A tab in a format is a column of a table, which the line
			// read back had already padded: the Chinese prints two spaces.
			for i, a := range args {
				args[i] = plain(a) // 2062, not 2,062
			}
			return strings.ReplaceAll(printer.Sprintf(f.en, args...), "\t", "  ")
		}
	}
	return line
}

// Writer translates whatever is written to it, line by line, into w.
type Writer struct {
	mu  sync.Mutex
	w   io.Writer
	buf []byte
}

// NewWriter is a translating writer into w. Call Flush at the end for a
// last line without a newline.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (t *Writer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	for {
		i := bytes.IndexByte(t.buf, '\n')
		if i < 0 {
			break
		}
		line := string(t.buf[:i])
		t.buf = t.buf[i+1:]
		if _, err := io.WriteString(t.w, Translate(line)+"\n"); err != nil {
			return len(p), err
		}
	}
	return len(p), nil
}

// Flush writes a last unfinished line.
func (t *Writer) Flush() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.buf) == 0 {
		return nil
	}
	_, err := io.WriteString(t.w, Translate(string(t.buf)))
	t.buf = nil
	return err
}
