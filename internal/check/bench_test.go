package check

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gongshi/gongshi/internal/store"
)

// BenchmarkDir checks a synthetic corpus of fictitious townships: 200
// notices of 60 findings each (about the size of the seed notice).
func BenchmarkDir(b *testing.B) {
	dir := b.TempDir()
	base := validNotices()[0]
	for i := range 200 {
		n := *base
		n.Region = sampleRegion(fmt.Sprintf("样本镇%04d", i+1), fmt.Sprintf("yangbenzhen%04d", i+1))
		n.Findings = nil
		for j := 1; j <= 60; j++ {
			f := base.Findings[0]
			f.Number = j
			n.Findings = append(n.Findings, f)
		}
		if err := store.Write(filepath.Join(dir, store.RelPath(&n)), &n, false); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for range b.N {
		files, probs, err := Dir(dir)
		if err != nil || len(probs) != 0 || len(files) != 200 {
			b.Fatalf("%d files, %v, %v", len(files), probs, err)
		}
	}
}
