package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// benchFiles writes n files of size bytes, as display files are (issue 11:
// 32,000 of 4.6 KB on average), and returns their names and contents.
func benchFiles(b *testing.B, n, size int) (string, []string, [][]byte) {
	b.Helper()
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	names := make([]string, n)
	data := make([][]byte, n)
	for i := range n {
		names[i] = fmt.Sprintf("d/u%04d/%d.json", i/8, i%8)
		data[i] = make([]byte, size)
		for j := range data[i] {
			data[i][j] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, filepath.FromSlash(names[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, data[i], 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, names, data
}

// BenchmarkPrevCompare: deciding that the files of an in-place export are
// the previous ones by reading them (no manifest) or by hashing the new
// bytes and comparing with the manifest (an Lstat each).
func BenchmarkPrevCompare(b *testing.B) {
	const n, size = 8000, 4600
	dir, names, data := benchFiles(b, n, size)
	sums := map[string]sum{}
	for i, name := range names {
		sums[name] = sumOf(data[i])
	}
	for _, c := range []struct {
		name string
		sums map[string]sum
	}{{"read", nil}, {"sums", sums}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(n * size)
			for b.Loop() {
				w := newWriter(b.TempDir(), dir, c.sums)
				for i, name := range names {
					if err := w.write(name, data[i]); err != nil {
						b.Fatal(err)
					}
				}
				if len(w.kept) != n {
					b.Fatalf("%d kept", len(w.kept))
				}
			}
		})
	}
	b.Run("read-only", func(b *testing.B) { // the reads alone, for scale
		b.SetBytes(n * size)
		for b.Loop() {
			for i, name := range names {
				old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil || !bytes.Equal(old, data[i]) {
					b.Fatal(err)
				}
			}
		}
	})
}
