// Package search owns the Bleve index of every notice and its static form
// for the browser.
package search

import (
	"context"
	"errors"
	"io"

	"github.com/gongshi/gongshi/internal/notice"
)

// Stats describes a built index.
type Stats struct {
	Documents int
}

// BuildSite builds the Bleve index over the corpus and the static browser
// index, both under siteDir/search/.
func BuildSite(ctx context.Context, c *notice.Corpus, siteDir string, log io.Writer) (Stats, error) {
	return Stats{}, errors.New("search: not built yet")
}
