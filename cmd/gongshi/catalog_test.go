package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
)

// keyCalls are the calls whose argument (by position) is a key of the
// catalog: the factory's f.T, a printer's Sprintf, cmdutil.FlagErrorf,
// cli.Usage, i18n.Errorf and MinArgs' message.
var keyCalls = map[string]int{"T": 0, "Sprintf": 0, "FlagErrorf": 0, "Usage": 0, "Errorf": 0, "MinArgs": 1}

// TestEveryKeyHasAnEntry: every literal key (or constant) the command tree
// gives the printer — in cmd/gongshi and the cmd.go and cmdutil files of
// internal/cli — is in the catalog, so no help text or command-line error
// is left in English under zh_CN on a path the other tests do not run.
func TestEveryKeyHasAnEntry(t *testing.T) {
	known := map[string]bool{}
	for _, e := range i18n.Catalog {
		known[e.En] = true
	}
	var files []string
	filepath.WalkDir("../../internal/cli", func(p string, d fs.DirEntry, err error) error {
		if err == nil && (strings.HasSuffix(p, "/cmd.go") || strings.Contains(p, "/cmdutil/") && !strings.HasSuffix(p, "_test.go") && strings.HasSuffix(p, ".go")) {
			files = append(files, p)
		}
		return err
	})
	files = append(files, "root.go", "main.go")
	fset := token.NewFileSet()
	n := 0
	for _, p := range files {
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		consts := map[string]string{}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, sp := range g.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
							consts[name.Name], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
		ast.Inspect(f, func(x ast.Node) bool {
			c, ok := x.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := c.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			i, ok := keyCalls[name]
			if !ok || len(c.Args) <= i {
				return true
			}
			var key string
			switch a := c.Args[i].(type) {
			case *ast.BasicLit:
				key, _ = strconv.Unquote(a.Value)
			case *ast.Ident:
				key = consts[a.Name]
			}
			if key == "" || !strings.ContainsAny(key, "abcdefghijklmnopqrstuvwxyz") || strings.Trim(key, "%sqdvw: ") == "" {
				return true // not a literal, or no words (%s)
			}
			n++
			if !known[key] {
				t.Errorf("%s: %q has no catalog entry", fset.Position(c.Pos()), key)
			}
			return true
		})
	}
	t.Logf("%d keys", n)
	if n < 100 {
		t.Errorf("only %d keys found: the walk lost its calls", n)
	}
}
