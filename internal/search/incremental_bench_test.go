package search

import (
	"context"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// BenchmarkIncrementalBuild compares, on the data files under
// GONGSHI_BENCH_CORPUS (go run ./bench/gencorpus -townships 1000 -out
// /tmp/corpus), full builds of the search index with builds from a warm
// segment cache after one finding's title changed, alternating, and
// reports the medians:
//
//	GONGSHI_BENCH_CORPUS=/tmp/corpus go test ./internal/search -run - -bench IncrementalBuild -benchtime 3x -timeout 1h
func BenchmarkIncrementalBuild(b *testing.B) {
	dir := os.Getenv("GONGSHI_BENCH_CORPUS")
	if dir == "" {
		b.Skip("GONGSHI_BENCH_CORPUS is not set")
	}
	files, err := store.LoadAll(dir)
	if err != nil {
		b.Fatal(err)
	}
	ns := make([]*notice.Notice, len(files))
	for i, f := range files {
		ns[i] = f.Notice.Masked() // as the site publishes them
	}
	c := notice.NewCorpus(ns)
	cache := b.TempDir()
	ctx := context.Background()
	if _, err := BuildSiteWith(ctx, c, b.TempDir(), nil, Options{Cache: cache}); err != nil { // cold
		b.Fatal(err)
	}
	changed := c.Notices[len(c.Notices)/2]
	title := changed.Findings[0].Title
	edits := 0
	edit := func() {
		edits++
		changed.Findings[0].Title = title + "（修改" + strconv.Itoa(edits) + "）"
	}
	var full, merged, kept []Stats
	var mergedSite, keptSite string
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := BuildSiteWith(ctx, c, b.TempDir(), nil, Options{})
		if err != nil {
			b.Fatal(err)
		}
		full = append(full, st)
		for _, m := range []bool{true, false} {
			tune := defaultTuning()
			tune.mergeGroups = m
			edit()
			site := b.TempDir()
			st, err = BuildSiteWith(ctx, c, site, nil, Options{Cache: cache, tune: &tune})
			if err != nil {
				b.Fatal(err)
			}
			if st.MergedGroups != 1 {
				b.Fatalf("incremental build analysed %d units and built %d groups", st.BuiltUnits, st.MergedGroups)
			}
			if m {
				merged, mergedSite = append(merged, st), site
			} else {
				kept, keptSite = append(kept, st), site
			}
		}
	}
	b.StopTimer()
	med := func(ss []Stats, f func(Stats) time.Duration) time.Duration {
		ds := make([]time.Duration, len(ss))
		for i, s := range ss {
			ds[i] = f(s)
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	for _, x := range []struct {
		name string
		ss   []Stats
	}{{"full", full}, {"cached-merged", merged}, {"cached-kept", kept}} {
		for _, s := range x.ss {
			b.Logf("%s: %d docs, units %d/%d, groups %d/%d: segments %s, final %s, index %s, export %s",
				x.name, s.Documents, s.BuiltUnits, s.Units, s.MergedGroups, s.Groups, s.Segments.Round(time.Millisecond),
				s.Merge.Round(time.Millisecond), s.Index.Round(time.Millisecond), s.Export.Round(time.Millisecond))
		}
		b.ReportMetric(med(x.ss, func(s Stats) time.Duration { return s.Segments }).Seconds(), x.name+"-segments-s")
		b.ReportMetric(med(x.ss, func(s Stats) time.Duration { return s.Merge }).Seconds(), x.name+"-final-s")
		b.ReportMetric(med(x.ss, func(s Stats) time.Duration { return s.Export }).Seconds(), x.name+"-export-s")
		b.ReportMetric(med(x.ss, func(s Stats) time.Duration { return s.Index + s.Export }).Seconds(), x.name+"-total-s")
	}

	// Query latency on one segment (merged) and on one per county (kept),
	// alternating.
	queries := []Request{{Query: "偷工减料"}, {Query: "整改"}, {Query: "工程 项目"}, {Query: "+工程 -陵园"},
		{Query: `"整改情况"`}, {Query: "食堂 管理 漏洞"}, {Query: "信访 -越级"},
		{Query: "巡察 整改 反馈 问题 情况 工作 镇 党委 村 项目 资金 工程"},
		{Query: "整改", Filters: Filters{Status: []string{"in_progress"}}},
		{Query: "污水", Filters: Filters{Region: []string{"shili/shilishi/xian01"}}}}
	var lat [2][]time.Duration
	for round := 0; round < 5; round++ {
		for k, site := range []string{mergedSite, keptSite} {
			x, err := Open(site)
			if err != nil {
				b.Fatal(err)
			}
			for rep := 0; rep < 3; rep++ {
				t0 := time.Now()
				for _, q := range queries {
					if _, err := x.Search(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
				if round > 0 { // the first round warms up
					lat[k] = append(lat[k], time.Since(t0)/time.Duration(len(queries)))
				}
			}
			x.Close()
		}
	}
	for k, name := range []string{"query-1-segment", "query-per-county"} {
		sort.Slice(lat[k], func(i, j int) bool { return lat[k][i] < lat[k][j] })
		b.ReportMetric(float64(lat[k][len(lat[k])/2].Microseconds())/1000, name+"-ms")
	}
}
