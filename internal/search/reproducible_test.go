package search

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// TestBuildIsReproducible builds the same corpus twice, its Bleve index
// made of several merged segments, and compares the trees byte for byte.
func TestBuildIsReproducible(t *testing.T) {
	tune := defaultTuning()
	tune.segmentDocs, tune.groupDocs = 300, 300
	c, err := searchtest.Mixed(8, 11)
	if err != nil {
		t.Fatal(err)
	}
	var trees [2]map[string][]byte
	for i := range trees {
		dir := t.TempDir()
		st, err := BuildSiteWith(context.Background(), c, dir, nil, Options{tune: &tune})
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents < 3*tune.segmentDocs {
			t.Fatalf("%d documents: too few for several segments", st.Documents)
		}
		trees[i] = map[string][]byte{}
		err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			trees[i][rel] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for name, b := range trees[0] {
		if !bytes.Equal(b, trees[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if _, ok := trees[0][filepath.Join("search", IndexDir, "store", "root.bolt")]; !ok {
		t.Error("no Bleve index")
	}
	// A folder without an index does not open.
	x, err := Open(t.TempDir())
	if err == nil {
		x.Close()
		t.Error("opened an empty folder")
	}
}
