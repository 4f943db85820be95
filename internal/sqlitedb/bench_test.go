package sqlitedb

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/gongshi/gongshi/internal/synth"
)

// benchInput is a fictitious corpus (bench/gencorpus's: 样本镇0001 …,
// two inspection rounds of 60 findings each per township, the sentences
// of the bundled notice recombined) of about 20,000 findings, or of
// $SQLITEDB_BENCH_TOWNSHIPS townships (120 findings each).
var benchInput = sync.OnceValues(func() (Input, error) {
	src, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		return Input{}, err
	}
	townships := 167
	if v := os.Getenv("SQLITEDB_BENCH_TOWNSHIPS"); v != "" {
		if townships, err = strconv.Atoi(v); err != nil {
			return Input{}, err
		}
	}
	ns := synth.Generate(synth.Options{Townships: townships, Notices: 2, Findings: 60, Repeat: 0.1, Near: 0.05, Seed: 1}, synth.ParseText(string(src)))
	return input(derive(ns)), nil
})

// BenchmarkWrite writes the database of about 20,000 findings; it reports
// the file's size (bytes/file), the findings it holds and the process's CPU time
// (user + system, all threads) per write (cpu-ns/op).
//
//	go test ./internal/sqlitedb/ -run '^$' -bench Write -count 3
func BenchmarkWrite(b *testing.B) {
	in, err := benchInput()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, u := range in.Units {
		n += len(u.Findings)
	}
	p := filepath.Join(b.TempDir(), "findings.sqlite")
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if err := Write(p, in); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
	st, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(st.Size()), "bytes/file")
	b.ReportMetric(float64(n), "findings")
}
