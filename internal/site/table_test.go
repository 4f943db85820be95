package site

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/gongshi/gongshi/internal/site/model"
)

// TestTableScriptAgrees holds together what Go and the page share and
// the script cannot read from the manifest: the format number the script
// accepts (static/js/table.js's FORMAT is model.TableFormat), the
// manifest the page names (model.TableManifestFile) and the columns of the
// page's header, in order (model.TableColumns, whose sort files the
// manifest names by these keys).
func TestTableScriptAgrees(t *testing.T) {
	root := repoRoot(t)
	js, err := os.ReadFile(filepath.Join(root, "static", "js", "table.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*var FORMAT = (\d+);`).FindSubmatch(js)
	if m == nil {
		t.Fatal("table.js: no var FORMAT = N;")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != model.TableFormat {
		t.Errorf("table.js reads format %d, Go writes %d", n, model.TableFormat)
	}
	page, err := os.ReadFile(filepath.Join(root, "layouts", "findings", "section.html"))
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile(`id="ft-app"[^>]*data-src="([^"]*)"`).FindSubmatch(page)
	if src == nil || string(src[1]) != model.TableManifestFile {
		t.Errorf("the page's data-src %q, want %s", src, model.TableManifestFile)
	}
	var keys []string
	for _, k := range regexp.MustCompile(`<th scope="col" data-key="([^"]+)"`).FindAllSubmatch(page, -1) {
		keys = append(keys, string(k[1]))
	}
	if !slices.Equal(keys, model.TableColumns) {
		t.Errorf("the page's columns %v, Go's %v", keys, model.TableColumns)
	}
}
