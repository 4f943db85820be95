//go:build unix

package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// BenchmarkInPlaceBuild is the search stage of an incremental build as the
// site runs it: with the cache and the previous site (Options.Previous),
// the files it keeps hard-linked from the previous site into the new one
// afterwards (as internal/site does), after one finding's title changed
// ("notice") or one township was added ("township"), on a fictitious
// corpus of GONGSHI_BENCH_TOWNSHIPS townships (default 100). It reports
// the stage's wall time and CPU time (the process's user+system) and the
// files it wrote:
//
//	GONGSHI_BENCH_TOWNSHIPS=200 go test ./internal/search -run - -bench InPlaceBuild -count 3
func BenchmarkInPlaceBuild(b *testing.B) {
	c := benchCorpus(b)
	ctx := context.Background()
	for _, change := range []string{"notice", "township"} {
		b.Run(change, func(b *testing.B) {
			ns := append([]*notice.Notice(nil), c.Notices...)
			cache, prev := b.TempDir(), b.TempDir()
			if _, err := BuildSiteWith(ctx, notice.NewCorpus(ns), prev, nil, Options{Cache: cache}); err != nil {
				b.Fatal(err)
			}
			var walls, cpus, exports, indexes []time.Duration
			var written []int
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				switch change {
				case "notice":
					n := *ns[len(ns)/2]
					n.Findings = append([]notice.Finding(nil), n.Findings...)
					n.Findings[0].Title += "（修改）"
					ns[len(ns)/2] = &n
				case "township":
					var added []*notice.Notice
					for _, n := range ns {
						if n.Region.TownshipSlug == "zhen0001" && n.Unit.Slug == "" {
							m := *n
							m.Region.Township, m.Region.TownshipSlug = fmt.Sprintf("样本镇9%03d", i), fmt.Sprintf("zhen9%03d", i)
							added = append(added, &m)
						}
					}
					if len(added) == 0 {
						b.Fatal("no notices of zhen0001")
					}
					ns = append(ns, added...)
				}
				corpus := notice.NewCorpus(ns)
				site := b.TempDir()
				var r0 syscall.Rusage
				syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
				t0 := time.Now()
				b.StartTimer()
				st, err := BuildSiteWith(ctx, corpus, site, nil, Options{Cache: cache, Previous: prev})
				b.StopTimer()
				if err != nil {
					b.Fatal(err)
				}
				walls = append(walls, time.Since(t0))
				var r1 syscall.Rusage
				syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
				cpus = append(cpus, cpuOf(r1)-cpuOf(r0))
				exports, indexes = append(exports, st.Export), append(indexes, st.Index)
				n := 0
				filepath.WalkDir(Dir(site), func(p string, d os.DirEntry, err error) error {
					if err == nil && !d.IsDir() && !strings.Contains(p, "/"+IndexDir+"/") {
						n++
					}
					return nil
				})
				written = append(written, n)
				for _, k := range st.Kept {
					if err := os.MkdirAll(filepath.Dir(filepath.Join(site, k)), 0o755); err != nil {
						b.Fatal(err)
					}
					if err := os.Link(filepath.Join(prev, k), filepath.Join(site, k)); err != nil {
						b.Fatal(err)
					}
				}
				os.RemoveAll(prev)
				prev = site
				b.StartTimer()
			}
			med := func(ds []time.Duration) float64 {
				ds = append([]time.Duration(nil), ds...)
				sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
				return ds[len(ds)/2].Seconds()
			}
			b.ReportMetric(med(walls), "wall-s")
			b.ReportMetric(med(cpus), "cpu-s")
			b.ReportMetric(med(indexes), "index-s")
			b.ReportMetric(med(exports), "export-s")
			b.Logf("%s: static index files written %v", change, written)
		})
	}
}

func cpuOf(r syscall.Rusage) time.Duration {
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
