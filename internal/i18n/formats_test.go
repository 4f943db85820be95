package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// exempt are formats the code prints that are data or layout, not
// messages: each says why it has no catalog entry.
var exempt = map[string]string{
	"%s\t%s":                               "a row of a table: its key is a message of its own",
	"%s:%d: %s":                            "an importer warning as path:line: message; the message is localized",
	"  %s:%d: %s":                          "the same, indented in the report",
	"  %s: %s":                             "the same without a line",
	"  %s":                                 "an echoed line",
	"%s: %w":                               "a path before an error that is localized itself",
	"%s: %s":                               "a path before an error that is localized itself",
	"%s: %v":                               "the same",
	"%s":                                   "a message of its own, passed on",
	"%v":                                   "the same",
	"%s!":                                  "serve's change-detection hash input, never printed",
	"%s %d %d":                             "serve's change-detection hash input, never printed",
	"gongshi serve:":                       "Fprintln's prefix: the line is gongshi serve: %s",
	"没有找到与 %s 相符的结果。":                      "already Chinese (gongshi search's table)",
	"%d–%d / %d 条":                         "already Chinese (gongshi search's table)",
	"  %-12s %3d%s":                        "a row of the status table: a status key, a number, finding numbers",
	"  %-12s %3d":                          "the same for a stated figure",
	"  %-12s %s":                           "the same for a stated rate or sum",
	"  %s\t%s\t\t\t\t\t":                   "the bulk report: a file's disagreement, data",
	"%s%s%d %s":                            "the check cache's key input, never printed",
	"cache: unexported field %s.%s is set": "an error of the check cache's encoder, never printed: an entry that cannot be written is skipped",
	"cache: cannot encode %s":              "the same",
	"exe %s %d %d\n":                       "the check cache's key input, never printed",
}

// call is a function or method whose argument at is a message format.
type call struct {
	recv string // "fmt", "i18n", "" (a method of any receiver but fmt, or a plain function)
	name string
}

// printed are the calls whose format is a message in every package: the
// messages built in the reader's language, through i18n or through a
// printer (io.P.Sprintf, p.Fprintf).
var printed = map[call]int{
	{"i18n", "Errorf"}: 0, {"i18n", "Msg"}: 0,
	{"i18n", "Sprintf"}: 1, {"i18n", "Fprintf"}: 2, {"i18n", "Fprintln"}: 2, {"i18n", "Logf"}: 1,
	{"", "Sprintf"}: 0, {"", "Printf"}: 0, {"", "Fprintf"}: 1,
}

// translated are the calls whose English format the reverse translator
// reads back (cmd/gongshi's Writer): still in the catalog until it goes.
var translated = map[call]int{
	{"fmt", "Fprintf"}: 1, {"fmt", "Fprintln"}: 1, {"fmt", "Errorf"}: 0,
}

// wrappers are each package's own functions that take a message format
// (and pass it to i18n.Msg): the position of the format.
var wrappers = map[string]map[string]int{
	"check":     {"at": 1, "warnAt": 1, "add": 1, "fail": 1, "originalError": 1, "problem": 4},
	"notice":    {"errf": 1},
	"store":     {"refused": 1, "carryError": 0},
	"importer":  {"warnf": 1},
	"search":    {"badRequest": 0},
	"site":      {"stage": 2},
	"intake":    {},
	"importcmd": {"pf": 1, "say": 0}, // the import report's printers (report.go)
}

type site struct {
	pos    string
	format string
}

// formatsIn are the literal formats under dir (Go files, not tests) of
// the calls in calls and of the package's wrappers.
func formatsIn(t *testing.T, dir string, calls ...map[call]int) []site {
	var out []site
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "testdata") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		own := wrappers[filepath.Base(filepath.Dir(p))]
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var k call
			switch f := c.Fun.(type) {
			case *ast.SelectorExpr: // fmt.Errorf, i18n.Msg, io.P.Sprintf, fc.at
				k.name = f.Sel.Name
				if x, ok := f.X.(*ast.Ident); ok && (x.Name == "fmt" || x.Name == "i18n") {
					k.recv = x.Name
				}
			case *ast.Ident: // errf
				k.name = f.Name
			}
			arg, ok := -1, false
			for _, m := range calls {
				if a, found := m[k]; found {
					arg, ok = a, true
				}
			}
			if a, found := own[k.name]; found && k.recv == "" {
				arg, ok = a, true
			}
			if !ok || len(c.Args) <= arg {
				return true
			}
			lit, ok := c.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			out = append(out, site{fset.Position(lit.Pos()).String(), s})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryFormatHasAnEntry: every message format of every package that
// speaks to a person (cli, check, importer, search, httpapi, review,
// site, intake, notice, store) has a catalog entry (Catalog or Plurals),
// or is exempt above for a reason, so a message added in one language
// only fails here: the formats given to i18n (Errorf, Msg, Sprintf,
// Fprintf, Fprintln), to a printer (p.Sprintf, p.Fprintf), to each
// package's own wrappers, and, where the reverse translator still reads
// the English (cli, check, intake), to fmt.Fprintf, Fprintln and Errorf.
func TestEveryFormatHasAnEntry(t *testing.T) {
	known := map[string]bool{}
	for _, e := range Catalog {
		known[e.En] = true
	}
	for _, e := range Terms {
		known[e.En] = true
	}
	for _, e := range Plurals {
		known[e.Key] = true
	}
	var sites []site
	for _, pkg := range []string{"cli", "check", "importer", "search", "httpapi", "review", "site", "intake", "notice", "store"} {
		calls := []map[call]int{printed}
		switch pkg {
		case "cli", "check", "intake":
			calls = append(calls, translated)
		}
		sites = append(sites, formatsIn(t, filepath.Join("..", pkg), calls...)...)
	}
	if len(sites) < 300 {
		t.Errorf("only %d formats found: the scan misses its calls", len(sites))
	}
	for _, s := range sites {
		if known[s.format] || exempt[s.format] != "" {
			continue
		}
		for _, line := range strings.Split(s.format, "\n") {
			line = strings.TrimRight(line, " ")
			if strings.TrimSpace(line) == "" || known[line] || exempt[line] != "" {
				continue
			}
			t.Errorf("%s: %q has no catalog entry (internal/i18n)", s.pos, line)
		}
	}
}
