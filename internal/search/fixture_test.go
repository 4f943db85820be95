package search

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// seedCorpus is the seed notice as a corpus.
func seedCorpus(t testing.TB) *notice.Corpus {
	t.Helper()
	c, err := searchtest.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var (
	seedOnce sync.Once
	seedDir  string
	seedErr  error
)

// seedSite is a site folder with the seed notice's search index, built
// once per test binary.
func seedSite(t testing.TB) string {
	t.Helper()
	seedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gongshi-search-test-")
		if err != nil {
			seedErr = err
			return
		}
		seedDir = dir
		_, seedErr = BuildSite(context.Background(), seedCorpus(t), dir, nil)
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedDir
}

// cleanups run after the package's tests.
var cleanups []func()

func TestMain(m *testing.M) {
	code := m.Run()
	if seedDir != "" {
		os.RemoveAll(seedDir)
	}
	for _, f := range cleanups {
		f()
	}
	os.Exit(code)
}
