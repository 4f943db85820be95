// Package themes is the problem themes' taxonomy (issue 22,
// docs/themes.md): every finding is given one theme of a taxonomy, an
// editable TOML file. The default is default.toml, embedded; data/themes.toml, when an editor made
// one, replaces it whole. A theme is matched from the notice's own
// headings (its categories) and from words of the finding's title and
// problem text, all normalised for the comparison only: the stored text is
// never changed. A finding nothing matches is 其他（未归类）, and shown so.
// The site model (internal/site/model) gives every finding its theme; the
// check (internal/check) reports a malformed data/themes.toml.
package themes

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

//go:embed default.toml
var defaultThemes []byte

// File is the taxonomy's name in the data folder: data/themes.toml
// (which store.Files leaves out of the data files).
const File = store.ThemesFile

// OtherKey and OtherName are the theme of a finding no theme matches.
const (
	OtherKey  = "other"
	OtherName = "其他（未归类）"
)

// Theme is one theme of the taxonomy.
type Theme struct {
	Key        string   `toml:"key"`
	Name       string   `toml:"name"`
	Categories []string `toml:"categories"` // phrases of the notice's category and group headings
	Words      []string `toml:"words"`      // phrases of the finding's title and problem text

	cats, words []string // normalised
}

// Taxonomy is the themes in the order they are tried.
type Taxonomy struct {
	Source string // data/themes.toml, or "" for the default
	Themes []*Theme
}

// Match is a finding's theme and why: which of its texts matched which
// phrase (Why is "" for 其他（未归类）).
type Match struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Why  string `json:"why,omitempty"` // 分组标题含“生态环保”
}

// Default is the embedded taxonomy.
func Default() *Taxonomy {
	t, err := Parse("", defaultThemes)
	if err != nil {
		panic("themes: the embedded default.toml: " + err.Error())
	}
	return t
}

// DefaultTOML is the embedded taxonomy's text (to copy as
// data/themes.toml).
func DefaultTOML() []byte { return append([]byte(nil), defaultThemes...) }

// Load reads dataDir/themes.toml, or gives the default when there
// is none.
func Load(dataDir string) (*Taxonomy, error) {
	p := filepath.Join(dataDir, File)
	b, err := os.ReadFile(p)
	if errors.Is(err, os.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return nil, i18n.Errorf("%s: %w", p, err)
	}
	return Parse(p, b)
}

// keyPattern is a theme's key: an ASCII slug, for URLs.
var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Parse reads a taxonomy from its TOML (name is the file, for the
// errors, "" for the embedded default). An error names the file, the line
// and the field.
func Parse(name string, src []byte) (*Taxonomy, error) {
	file := name
	if file == "" {
		file = File
	}
	fail := func(line int, field, format string, args ...any) error {
		return &Error{File: file, Line: line, Field: field, Msg: i18n.Msg(format, args...)}
	}
	var raw struct {
		Theme []*Theme `toml:"theme"`
	}
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fail(pe.Position.Line, fieldName(pe.LastKey), "not valid TOML: %s", pe.Message)
		}
		if m := decodeError.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, fail(line, m[2], "wrong kind of value: %s", m[3])
		}
		return nil, i18n.Errorf("%s: %w", file, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fail(keyLine(src, k), k.String(), "unknown field (a theme has key, name, categories and words)")
	}
	if len(raw.Theme) == 0 {
		return nil, fail(1, "theme", "no [[theme]] in the file")
	}
	t := &Taxonomy{Source: name}
	seen := map[string]int{}
	for i, th := range raw.Theme {
		line := func(field string) int { return themeFieldLine(src, i, field) }
		switch {
		case strings.TrimSpace(th.Key) == "":
			return nil, fail(line("key"), "theme.key", "theme %d has no key (an ASCII name for its address, e.g. \"zuofeng\")", i+1)
		case !keyPattern.MatchString(th.Key):
			return nil, fail(line("key"), "theme.key", "%q is not lower-case letters, digits and hyphens", th.Key)
		case th.Key == OtherKey:
			return nil, fail(line("key"), "theme.key", "%q is kept for the findings no theme matches", th.Key)
		case strings.TrimSpace(th.Name) == "":
			return nil, fail(line("name"), "theme.name", "theme %q has no name", th.Key)
		case len(th.Categories) == 0 && len(th.Words) == 0:
			return nil, fail(line("key"), "theme.categories", "theme %q has neither categories nor words: nothing can match it", th.Key)
		}
		if j, ok := seen[th.Key]; ok {
			return nil, fail(line("key"), "theme.key", "%q is the key of theme %d too", th.Key, j+1)
		}
		seen[th.Key] = i
		for _, f := range []struct {
			field string
			in    []string
			out   *[]string
		}{{"categories", th.Categories, &th.cats}, {"words", th.Words, &th.words}} {
			for _, w := range f.in {
				n := Normalize(w)
				if n == "" {
					return nil, fail(line(f.field), "theme."+f.field, "theme %q has an empty phrase", th.Key)
				}
				*f.out = append(*f.out, n)
			}
		}
		t.Themes = append(t.Themes, th)
	}
	return t, nil
}

// Error is what is wrong with a taxonomy file: where (file, line and the
// field, as theme.key) and what (a message of the catalog).
type Error struct {
	File  string
	Line  int
	Field string
	Msg   *i18n.Error
}

func (e *Error) Error() string { return e.Localize(nil) }

// Localize is the error in p's language: file:line: field: message.
func (e *Error) Localize(p *message.Printer) string {
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, i18n.Localize(p, e.Msg))
}

// fieldName is a TOML key as the errors name it: theme.words.
func fieldName(k string) string {
	if k == "" {
		return "theme"
	}
	return k
}

// decodeError is a type error of the TOML decoder, which says the line
// and key only in its text.
var decodeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): (.*)$`)

var tableHeader = regexp.MustCompile(`^\s*\[`)

// themeFieldLine is the line of field in the i-th [[theme]] table (or of
// the table's header when the field is absent).
func themeFieldLine(src []byte, i int, field string) int {
	lines := strings.Split(string(src), "\n")
	n, start := -1, -1
	for l, s := range lines {
		if strings.HasPrefix(strings.TrimSpace(s), "[[theme]]") {
			n++
			if n == i {
				start = l
				continue
			}
		}
		if start < 0 {
			continue
		}
		if n > i || (l > start && tableHeader.MatchString(s)) {
			break
		}
		if k, _, ok := strings.Cut(s, "="); ok && strings.TrimSpace(k) == field {
			return l + 1
		}
	}
	return max(start, 0) + 1
}

// keyLine is the line where a key's last part is set, or 1.
func keyLine(src []byte, k toml.Key) int {
	last := k[len(k)-1]
	for l, s := range strings.Split(string(src), "\n") {
		if kk, _, ok := strings.Cut(s, "="); ok && strings.Trim(strings.TrimSpace(kk), `"`) == last {
			return l + 1
		}
	}
	return 1
}

// Normalize is a text as the themes and the recurrence compare it: Unicode
// compatibility forms folded (full-width letters, digits and spaces to
// their ASCII forms), letters lower-cased, and every space and punctuation
// mark dropped (“三资” and "三资" are one phrase). It is for comparing
// only: the site never stores or shows it.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0x4e00 && r <= 0x9fff: // CJK ideographs: NFKC leaves them
			b.WriteRune(r)
		case r < 0x80:
			writeFolded(&b, r)
		case r >= 0xff01 && r <= 0xff5e: // full-width ASCII
			writeFolded(&b, r-0xfee0)
		case r == 0x3000 || (r >= 0x3001 && r <= 0x3003) || (r >= 0x3008 && r <= 0x3011) || (r >= 0x3014 && r <= 0x301f) ||
			(r >= 0x2010 && r <= 0x2027 && r != 0x2017):
			// CJK and general punctuation (and the ideographic space):
			// dropped, as their NFKC forms are
		default:
			return normalizeSlow(s)
		}
	}
	return b.String()
}

func writeFolded(b *strings.Builder, r rune) {
	if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
		b.WriteRune(unicode.ToLower(r))
	}
}

// normalizeSlow is Normalize by its definition; Normalize takes it for a
// text with a character outside the few ranges it folds itself (the two
// agree: TestNormalizeFastIsSlow).
func normalizeSlow(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Classify is a finding's theme: the first of its texts, most specific
// heading first (group, then category), then its title, then its problem
// text, that contains a phrase of a theme, matched against the themes in
// the taxonomy's order (categories for the headings, words for the title
// and the problem).
func (t *Taxonomy) Classify(f *notice.Finding) Match {
	for _, in := range []struct {
		text, label string
		heading     bool
	}{{f.Group, "分组标题", true}, {f.Category, "类别标题", true}, {f.Title, "问题标题", false}, {f.Problem, "问题描述", false}} {
		text := Normalize(in.text)
		if text == "" {
			continue
		}
		for _, th := range t.Themes {
			phrases, orig := th.words, th.Words
			if in.heading {
				phrases, orig = th.cats, th.Categories
			}
			for k, p := range phrases {
				if strings.Contains(text, p) {
					return Match{Key: th.Key, Name: th.Name, Why: fmt.Sprintf("%s含“%s”", in.label, orig[k])}
				}
			}
		}
	}
	return Match{Key: OtherKey, Name: OtherName}
}

// All are the taxonomy's themes and 其他（未归类）, in order.
func (t *Taxonomy) All() []Match {
	out := make([]Match, 0, len(t.Themes)+1)
	for _, th := range t.Themes {
		out = append(out, Match{Key: th.Key, Name: th.Name})
	}
	return append(out, Match{Key: OtherKey, Name: OtherName})
}
