package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the repository, seen from this package's folder.
const root = "../.."

// pending names documents another branch of this round writes: a link to one
// is accepted while the file is missing and checked like any other once it
// exists. Delete an entry once its branch is merged.
var pending = map[string]string{}

// docFiles lists README.md and docs/*.md, relative to root.
func docFiles(t *testing.T) []string {
	t.Helper()
	files := []string{"README.md"}
	more, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range more {
		rel, err := filepath.Rel(root, f)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, filepath.ToSlash(rel))
	}
	return files
}

var (
	linkRE   = regexp.MustCompile(`\]\(([^()\s]+)\)`)
	codeRE   = regexp.MustCompile("`+[^`]*`+")
	schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)
)

type link struct {
	line   int
	target string
}

// parse returns a Markdown document's links (outside code) and the anchors
// of its headings.
func parse(text string) (links []link, anchors map[string]bool) {
	anchors = map[string]bool{}
	seen := map[string]int{}
	fence := ""
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if strings.HasPrefix(line, "#") {
			a := anchor(strings.TrimLeft(line, "#"))
			if n := seen[a]; n > 0 {
				anchors[a+"-"+strconv.Itoa(n)] = true
			} else {
				anchors[a] = true
			}
			seen[a]++
		}
		for _, m := range linkRE.FindAllStringSubmatch(codeRE.ReplaceAllString(line, ""), -1) {
			links = append(links, link{i + 1, m[1]})
		}
	}
	return links, anchors
}

// anchor is the fragment GitHub gives a heading: its text without Markdown
// marks, lower case, punctuation dropped (letters, digits, '-' and '_' kept),
// spaces turned into hyphens.
func anchor(heading string) string {
	h := strings.TrimSpace(heading)
	h = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(h, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestAnchor(t *testing.T) {
	for _, c := range []struct{ heading, want string }{
		{"## Glossary", "glossary"},
		{"### `gongshi import`", "gongshi-import"},
		{"#### The review page (`/review/`)", "the-review-page-review"},
		{"## The search API: `GET /api/search`", "the-search-api-get-apisearch"},
		{"### Pages, accessibility and 适老化", "pages-accessibility-and-适老化"},
		{"## Today's rate", "todays-rate"},
		{"## 1. 导入", "1-导入"},
		{"## 编辑：取得发布包并启动", "编辑取得发布包并启动"},
		{"## See [the guide](x.md)", "see-the-guide"},
		{"## In-place builds — a_test", "in-place-builds--a_test"},
	} {
		if got := anchor(strings.TrimLeft(c.heading, "#")); got != c.want {
			t.Errorf("anchor(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	text := "# A\n## A\nsee [b](b.md#x) and `[c](c.md)`\n```\n[d](d.md)\n# not a heading\n```\n[e](#a-1)\n"
	links, anchors := parse(text)
	var got []string
	for _, l := range links {
		got = append(got, strconv.Itoa(l.line)+":"+l.target)
	}
	if want := "3:b.md#x 8:#a-1"; strings.Join(got, " ") != want {
		t.Errorf("links = %q, want %q", strings.Join(got, " "), want)
	}
	if !anchors["a"] || !anchors["a-1"] || anchors["not-a-heading"] || len(anchors) != 2 {
		t.Errorf("anchors = %v, want a and a-1", anchors)
	}
}

// TestLinks follows every relative link of README.md and docs/*.md: the file
// it names must exist, and the heading it names must be one of that file's.
func TestLinks(t *testing.T) {
	docs := map[string]map[string]bool{} // file → its anchors
	read := func(file string) (string, bool) {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
		return string(b), err == nil
	}
	anchorsOf := func(file string) map[string]bool {
		if a, ok := docs[file]; ok {
			return a
		}
		text, _ := read(file)
		_, a := parse(text)
		docs[file] = a
		return a
	}
	checked := 0
	for _, file := range docFiles(t) {
		text, ok := read(file)
		if !ok {
			t.Fatalf("%s: cannot read", file)
		}
		links, _ := parse(text)
		for _, l := range links {
			if schemeRE.MatchString(l.target) {
				continue // http:, https:, mailto:
			}
			checked++
			path, frag, _ := strings.Cut(l.target, "#")
			target := file
			if path != "" {
				target = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(file), path)))
			}
			info, err := os.Stat(filepath.Join(root, filepath.FromSlash(target)))
			if err != nil {
				if why, ok := pending[target]; ok {
					t.Logf("%s:%d: %s does not exist yet (%s)", file, l.line, target, why)
					continue
				}
				t.Errorf("%s:%d: link %s: no file %s", file, l.line, l.target, target)
				continue
			}
			if frag == "" {
				continue
			}
			if info.IsDir() || !strings.HasSuffix(target, ".md") {
				t.Errorf("%s:%d: link %s: a heading in %s, which is not a Markdown file", file, l.line, l.target, target)
				continue
			}
			if !anchorsOf(target)[frag] {
				t.Errorf("%s:%d: link %s: %s has no heading #%s", file, l.line, l.target, target, frag)
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d relative links checked: the parser lost them", checked)
	}
}
