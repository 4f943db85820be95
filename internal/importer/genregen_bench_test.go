package importer

import (
	"testing"

	"github.com/gongshi/gongshi/internal/importer/genregen"
)

// BenchmarkParseGenre parses generated notices of the genre's mix (seed 1:
// every container, encoding, numbering and placement in equal shares; 2–20
// findings each), all of them and then each container alone, reporting
// notices/s. Parse errors (layouts the importer cannot read yet) are part
// of the mix: they cost what they cost. bench/import/run.sh runs the bulk
// import of the same mix; this is the parse alone.
func BenchmarkParseGenre(b *testing.B) {
	const n = 700
	cases := make([]genregen.Case, n)
	for i := range cases {
		cases[i] = genregen.Generate(1, i)
	}
	run := func(b *testing.B, cs []genregen.Case) {
		var bytes int64
		for _, c := range cs {
			bytes += int64(len(c.Data))
		}
		b.SetBytes(bytes)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, c := range cs {
				Parse(c.Name, c.Data) //nolint:errcheck // failures are part of the mix
			}
		}
		b.ReportMetric(float64(len(cs)*b.N)/b.Elapsed().Seconds(), "notices/s")
	}
	b.Run("mix", func(b *testing.B) { run(b, cases) })
	d, _ := genregen.DimensionNamed("container")
	for _, v := range d.Values {
		var cs []genregen.Case
		for _, c := range cases {
			if c.Value("container") == v {
				cs = append(cs, c)
			}
		}
		b.Run(v, func(b *testing.B) { run(b, cs) })
	}
}
