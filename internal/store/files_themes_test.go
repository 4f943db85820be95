package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFilesLeavesOutThemes: data/themes.toml (the problem themes'
// taxonomy), like layout profiles and edits files, is not a data file; a
// themes.toml deeper down is (a unit folder of that name is a mistake the
// check reports, not a file to skip).
func TestFilesLeavesOutThemes(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"themes.toml", "layouts/a.toml", "fj/x/2024-01-01.toml", "fj/x/2024-01-01.edits.toml", "fj/themes.toml"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "fj", "themes.toml"), filepath.Join(dir, "fj", "x", "2024-01-01.toml")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}
}
