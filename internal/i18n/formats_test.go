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
	"%s\t%s":                               "a row of the import report: its key is translated as a line of its own",
	"%s:%d: %s":                            "an importer warning as path:line: message; the message is translated",
	"  %s:%d: %s":                          "the same, indented in the report",
	"  %s: %s":                             "the same without a line",
	"  %s":                                 "an echoed line",
	"%s: %w":                               "a path before an error that is translated itself",
	"%s: %s":                               "a path before an error that is translated itself",
	"%s!":                                  "serve's change-detection hash input, never printed",
	"%s %d %d":                             "serve's change-detection hash input, never printed",
	"%s in %d of %s under %s":              "check's total, printed with its plurals: in the catalog as each of them (%d problems in %d of %d files under %s …)",
	"checked %s, %s in %s: ok":             "the same: checked %d notices, %d findings in %s: ok …",
	"%s":                                   "a problem of the TOML walker, a message of its own",
	"gongshi serve:":                       "Fprintln's prefix: the line is gongshi serve: %s",
	"没有找到与 %s 相符的结果。":                      "already Chinese (gongshi search's table)",
	"%d–%d / %d 条":                         "already Chinese (gongshi search's table)",
	"  %-12s %3d%s":                        "a row of the status table: a status key, a number, finding numbers (the line passes through the catalog's \"  %s\")",
	"  %-12s %3d":                          "the same for a stated figure",
	"  %-12s %s":                           "the same for a stated rate or sum",
	"  %s\t%s\t\t\t\t\t":                   "the bulk report: a file's disagreement, data",
	"%s%s%d %s":                            "the check cache's key input, never printed",
	"cache: unexported field %s.%s is set": "an error of the check cache's encoder, never printed: an entry that cannot be written is skipped",
	"cache: cannot encode %s":              "the same",
}

type site struct {
	pos    string
	format string
}

// formatsIn are the literal formats of the fmt.Fprintf, fmt.Fprintln,
// fmt.Errorf, at(…) and warnf(…) calls in the Go files (not tests) under
// dir.
func formatsIn(t *testing.T, dir string, calls map[string]bool) []site {
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
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch f := c.Fun.(type) {
			case *ast.SelectorExpr: // fmt.Errorf, fc.at
				name = f.Sel.Name
			case *ast.Ident: // errf
				name = f.Name
			}
			if !calls[name] {
				return true
			}
			arg := 0 // the format's position
			switch name {
			case "Fprintf", "Fprintln", "Fprint":
				arg = 1
			case "at", "warnf", "errf":
				arg = 1
			}
			if len(c.Args) <= arg {
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

// TestEveryFormatHasAnEntry: every English message format used in the
// commands (internal/cli), in check's problems (internal/check), in the
// import use case (internal/intake), in the notice's rules (errf in
// internal/notice) and in the
// importer's warnings has a catalog entry, or is exempt above for a
// reason, so a message added in one language only fails here.
func TestEveryFormatHasAnEntry(t *testing.T) {
	known := map[string]bool{}
	for _, e := range Catalog {
		known[e.En] = true
	}
	all := map[string]bool{"Fprintf": true, "Fprintln": true, "Errorf": true, "at": true, "warnf": true}
	var sites []site
	sites = append(sites, formatsIn(t, "../cli", all)...)
	sites = append(sites, formatsIn(t, "../check", all)...)
	sites = append(sites, formatsIn(t, "../intake", all)...)
	sites = append(sites, formatsIn(t, "../notice", map[string]bool{"errf": true})...)
	sites = append(sites, formatsIn(t, "../importer", map[string]bool{"warnf": true})...)
	for _, s := range sites {
		for _, line := range strings.Split(s.format, "\n") {
			line = strings.TrimRight(line, " ")
			if strings.TrimSpace(line) == "" || known[line] || exempt[line] != "" {
				continue
			}
			t.Errorf("%s: %q has no catalog entry (internal/i18n/catalog.go)", s.pos, line)
		}
	}
}
