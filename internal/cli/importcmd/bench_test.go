package importcmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/importer/genregen"
	"github.com/gongshi/gongshi/internal/notice"
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
		// The preamble names the inspection and its dates, as a notice
		// does: check refuses a data file without inspection.start, and
		// the import never writes what check refuses.
		insp := n.Inspection
		n.Preamble = fmt.Sprintf("根据县委巡察工作统一部署,%s至%s,%s对%s开展了巡察,并于%s反馈了巡察意见。%s",
			chineseDate(insp.Start), chineseDate(insp.End), insp.Body, insp.Target, chineseDate(insp.Feedback), n.Preamble)
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
			// --accept-mismatch: the generator copies stated figures of the
			// seed's text (37 problems) into notices of 60 findings.
			[]string{in, "--region", "示例省/示例市/示例县01", "--data", data, "--config", filepath.Join(in, "none.toml"), "--accept-mismatch"})
		if err != nil {
			var out strings.Builder
			Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &out},
				[]string{filepath.Join(in, "0000.txt"), "--region", "示例省/示例市/示例县01", "--data", data, "--json"})
			b.Fatalf("%v\n%.3000s", err, out.String())
		}
	}
	b.ReportMetric(float64(len(ns)*b.N)/b.Elapsed().Seconds(), "notices/s")
}

// chineseDate is 2021年7月3日 for 2021-07-03.
func chineseDate(d notice.Date) string {
	t, err := d.Time()
	if err != nil || d == "" {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// BenchmarkBulkImportGenre imports a folder of 300 notices of the genre's
// mix (genregen, seed 1: text in four encodings, HTML paragraphs, <br> runs
// and tables, .docx paragraphs, Word list numbering and tables; townships,
// villages, departments, schools and enterprises of 示例县01; 2–20 findings
// each) in one `gongshi import DIR`, writing the data file of every notice
// it reads. The notices the importer cannot read yet fail, as they would
// for a user, and are counted in notices/s all the same; "imported" is how
// many of the 300 were written.
func BenchmarkBulkImportGenre(b *testing.B) {
	in := b.TempDir()
	var bytes int64
	const n = 300
	for i := 0; i < n; i++ {
		c := genregen.Generate(1, i)
		bytes += int64(len(c.Data))
		if err := os.WriteFile(filepath.Join(in, c.Name), c.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(bytes)
	b.ResetTimer()
	imported := 0
	for i := 0; i < b.N; i++ {
		data := filepath.Join(b.TempDir(), "data")
		var out strings.Builder
		err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: io.Discard},
			[]string{in, "--region", "示例省/示例市/示例县01", "--data", data, "--config", filepath.Join(in, "none.toml"), "--json"})
		var rep BulkReport
		if jerr := json.Unmarshal([]byte(out.String()), &rep); jerr != nil {
			b.Fatalf("%v; the report is not JSON (%v):\n%.3000s", err, jerr, out.String())
		}
		if len(rep.Files) != n {
			b.Fatalf("%d files in the report, want %d", len(rep.Files), n)
		}
		imported = rep.Imported
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "notices/s")
	b.ReportMetric(float64(imported), "imported")
}
