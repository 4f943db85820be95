package check

import (
	"os"
	"testing"
)

// BenchmarkCorpus checks the data folder named by $GONGSHI_BENCH_CORPUS
// (skipped when unset), a larger corpus than BenchmarkDir's.
func BenchmarkCorpus(b *testing.B) {
	dir := os.Getenv("GONGSHI_BENCH_CORPUS")
	if dir == "" {
		b.Skip("GONGSHI_BENCH_CORPUS not set")
	}
	for b.Loop() {
		if _, _, err := Dir(dir); err != nil {
			b.Fatal(err)
		}
	}
}
