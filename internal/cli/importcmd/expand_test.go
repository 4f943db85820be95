package importcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder stands for every notice the importer reads in it: text, web
// pages, Word (.docx, and .doc/.wps/.rtf through LibreOffice) and PDF,
// whatever the case of the extension; not hidden files, not other files.
func TestExpandFolder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.txt", "b.HTML", "c.docx", "d.pdf", "e.doc", "f.wps", "g.rtf", "h.shtml", "x.png", "y.toml", ".hidden.txt", "z"}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, bulk, err := expand([]string{dir})
	if err != nil || !bulk {
		t.Fatalf("expand: bulk %v, %v", bulk, err)
	}
	var base []string
	for _, p := range got {
		base = append(base, filepath.Base(p))
	}
	want := "a.txt b.HTML c.docx d.pdf e.doc f.wps g.rtf h.shtml"
	if strings.Join(base, " ") != want {
		t.Errorf("a folder stands for %q, want %q", strings.Join(base, " "), want)
	}
}
