package importcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/synth"
)

// BenchmarkBulkImport imports a folder of 300 fictitious notices (150
// townships × 2 notices × 60 findings, written out as text by
// importer.Render; 示例县01, 样本镇0001) in one `gongshi import DIR`, writing
// every data file. bench/import/run.sh runs it and prints the median.
func BenchmarkBulkImport(b *testing.B) {
	src, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	ns := synth.Generate(synth.Options{Townships: 150, Notices: 2, Findings: 60, Seed: 1}, synth.ParseText(string(src)))
	in := b.TempDir()
	var bytes int64
	for i, n := range ns {
		if t, err := n.Signed.Time(); err == nil {
			n.Signature.DateText = fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
		}
		text := importer.Render(n)
		bytes += int64(len(text))
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%04d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		data := filepath.Join(b.TempDir(), "data")
		err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard},
			[]string{in, "--region", "示例省/示例市/示例县01", "--data", data, "--config", filepath.Join(in, "none.toml")})
		if err != nil {
			var out strings.Builder
			Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &out},
				[]string{filepath.Join(in, "0000.txt"), "--region", "示例省/示例市/示例县01", "--data", data, "--json"})
			b.Fatalf("%v\n%.3000s", err, out.String())
		}
	}
	b.ReportMetric(float64(len(ns)*b.N)/b.Elapsed().Seconds(), "notices/s")
}
