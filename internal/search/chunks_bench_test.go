package search

import (
	"context"
	"testing"
)

// BenchmarkChunksInPlace: the display files of an in-place export
// (startExport to wait: the documents' codes, the build id and the display
// files) after one finding's title changed, against the previous site and
// its manifest; "full" writes them all, with a cache folder
// ("full-cache") or not; "codes" is the part before the display files,
// for scale:
//
//	GONGSHI_BENCH_TOWNSHIPS=1000 go test ./internal/search -run - -bench ChunksInPlace -benchtime 5x
func BenchmarkChunksInPlace(b *testing.B) {
	c := benchCorpus(b)
	ctx := context.Background()
	cache, prev := b.TempDir(), b.TempDir()
	if _, err := BuildSiteWith(ctx, c, prev, nil, Options{Cache: cache}); err != nil {
		b.Fatal(err)
	}
	n := c.Notices[len(c.Notices)/2]
	title := n.Findings[0].Title
	n.Findings[0].Title = title + "（修改）"
	defer func() { n.Findings[0].Title = title }()
	docs := Docs(c)
	b.Run("display", func(b *testing.B) {
		for b.Loop() {
			e := startExport(docs, b.TempDir(), Dir(prev), cache)
			if err := e.wait(); err != nil {
				b.Fatal(err)
			}
			if e.nchunks == 0 || len(e.chunks.kept) == 0 || len(e.chunks.kept) >= e.nchunks {
				b.Fatalf("%d display files, %d kept", e.nchunks, len(e.chunks.kept))
			}
		}
	})
	for _, x := range []struct{ name, cache string }{{"full", ""}, {"full-cache", cache}} {
		b.Run(x.name, func(b *testing.B) { // every file written (and, with a cache, the units' keys)
			for b.Loop() {
				e := startExport(docs, b.TempDir(), "", x.cache)
				if err := e.wait(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("codes", func(b *testing.B) {
		for b.Loop() {
			var m Meta
			buildID(docs)
			docAttrs(docs, &m)
		}
	})
}
