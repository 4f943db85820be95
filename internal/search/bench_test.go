package search

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// benchCorpus is the fictitious corpus of the benchmarks:
// GONGSHI_BENCH_TOWNSHIPS townships × 2 notices × 60 findings (default 100).
func benchCorpus(b *testing.B) *notice.Corpus {
	b.Helper()
	n := 100
	if s := os.Getenv("GONGSHI_BENCH_TOWNSHIPS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	c, err := searchtest.Mixed(n, 1)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkBuildSite builds the Bleve index and the static index of a
// fictitious corpus (GONGSHI_BENCH_TOWNSHIPS townships × 2 notices × 60
// findings, default 100) and reports documents per second:
//
//	GONGSHI_BENCH_TOWNSHIPS=1000 go test ./internal/search -run - -bench BuildSite -benchtime 1x
func BenchmarkBuildSite(b *testing.B) {
	c := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := b.TempDir()
		st, err := BuildSite(context.Background(), c, dir, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Documents)/(st.Index+st.Export).Seconds(), "docs/s")
		b.ReportMetric(float64(st.Documents)/st.Index.Seconds(), "bleve-docs/s")
		b.ReportMetric(st.Export.Seconds(), "export-s")
		b.ReportMetric(float64(st.Bytes)/1e6, "static-MB")
	}
}
