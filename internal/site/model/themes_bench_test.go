package model

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/synth"
	"github.com/gongshi/gongshi/internal/themes"
)

// BenchmarkApplyThemes: the themes and the recurrence of a gencorpus
// corpus (three rounds of 60 findings per township, 10 % repeated, 5 %
// near) after Derive: go test -run X -bench ApplyThemes/1000 -benchtime 3x.
func BenchmarkApplyThemes(b *testing.B) {
	src, err := os.ReadFile("../../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := synth.ParseText(string(src))
	for _, n := range []int{100, 1000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			ns := synth.Generate(synth.Options{Townships: n, Notices: 3, Findings: 60, Seed: 1, Repeat: 0.1, Near: 0.05}, text)
			m := Derive(notice.NewCorpus(ns), time.Date(2026, 1, 12, 0, 0, 0, 0, ChinaTime), nil)
			tax := themes.Default()
			b.ResetTimer()
			for b.Loop() {
				ApplyThemes(m, tax)
			}
			b.ReportMetric(float64(m.Site.Themes.RecurCount), "recurrences")
		})
	}
}
