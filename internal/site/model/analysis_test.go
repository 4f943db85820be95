package model

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// department is a county department's notice (a second unit beside the
// sample township).
func department(slug, name, start, signed string, fs ...notice.Finding) *notice.Notice {
	r := sampleRegion
	r.Township, r.TownshipSlug = "", ""
	n := sampleNotice(signed, fs...)
	n.Region = r
	n.Unit = notice.Unit{Kind: notice.UnitDepartment, Name: name, Slug: slug}
	n.Inspection.Start = notice.Date(start)
	return n
}

// township is the sample township's notice on the inspection that started
// on start.
func township(start, signed string, fs ...notice.Finding) *notice.Notice {
	n := sampleNotice(signed, fs...)
	n.Inspection.Start = notice.Date(start)
	return n
}

func withDeadline(f notice.Finding, written, d string) notice.Finding {
	f.DeadlineText, f.Deadline = written, notice.Date(d)
	return f
}

// chartOf is the site analysis's chart id: its CSV records without the
// header.
func chartOf(t *testing.T, ns []*notice.Notice, id string) (*Chart, [][]string) {
	t.Helper()
	m := Derive(notice.NewCorpus(ns), time.Date(2025, 3, 1, 0, 0, 0, 0, ChinaTime), nil)
	if m.Site.Analysis != "/analysis/" || len(m.Site.Analyses) != len(m.Site.Regions)+1 {
		t.Fatalf("analyses %q %d for %d regions", m.Site.Analysis, len(m.Site.Analyses), len(m.Site.Regions))
	}
	for _, r := range m.Site.Regions {
		if r.Analysis != r.URL+"analysis/" {
			t.Errorf("region %s: analysis %q", r.URL, r.Analysis)
		}
	}
	for _, c := range m.Site.Analyses[0].Charts {
		if c.ID == id {
			return c, c.Table.Records("")[1:]
		}
	}
	t.Fatalf("no chart %s", id)
	return nil, nil
}

func TestAnalysisCharts(t *testing.T) {
	done, doing, todo, unstated := notice.StatusDone, notice.StatusInProgress, notice.StatusNotStarted, notice.StatusUnstated
	stated := func(n *notice.Notice, s notice.Stated) *notice.Notice { n.Stated = s; return n }
	for _, c := range []struct {
		name string
		ns   []*notice.Notice
		id   string
		want [][]string
	}{
		{"status by kind: a status not stated is 未说明, not done", []*notice.Notice{
			township("2023-03-01", "2024-01-10", sampleFinding(1, done, "A"), sampleFinding(2, unstated, "B")),
			department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01", sampleFinding(1, doing, "C")),
		}, "status-by-kind", [][]string{
			{"乡镇（街道）", "1", "2", "1", "0", "0", "1", "50.0%"},
			{"部门单位", "1", "1", "0", "1", "0", "0", "0.0%"},
		}},
		{"rate by unit: the lowest rate first", []*notice.Notice{
			township("2023-03-01", "2024-01-10", sampleFinding(1, done, "A"), sampleFinding(2, doing, "B")),
			department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01", sampleFinding(1, todo, "C")),
		}, "rate-by-unit", [][]string{
			{"示例县文旅局", "部门单位", "示例省示例市示例县", "1", "0", "0", "1", "0", "0.0%", "/shili/shilishi/shilixian/wenlvju/"},
			{"样本镇0001", "乡镇（街道）", "示例省示例市示例县", "2", "1", "1", "0", "0", "50.0%", "/shili/shilishi/shilixian/zhen0001/"},
		}},
		{"rounds: each unit's first and second inspection", []*notice.Notice{
			township("2023-03-01", "2023-09-01", sampleFinding(1, done, "A"), sampleFinding(2, done, "B")),
			township("2024-05-06", "2024-11-01", sampleFinding(1, todo, "C")),
			department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01", sampleFinding(1, doing, "D")),
		}, "rate-by-round", [][]string{
			{"第1轮", "2", "3", "2", "1", "0", "0", "66.7%"},
			{"第2轮", "1", "1", "0", "0", "1", "0", "0.0%"},
		}},
		{"trend: by the year of the inspection", []*notice.Notice{
			township("2023-03-01", "2023-09-01", sampleFinding(1, done, "A")),
			township("2024-05-06", "2024-11-01", sampleFinding(1, todo, "C"), sampleFinding(2, done, "E")),
		}, "trend-by-year", [][]string{
			{"2023年", "1", "1", "1", "0", "0", "0", "100.0%"},
			{"2024年", "1", "2", "1", "0", "1", "0", "50.0%"},
		}},
		{"overdue by unit: the most overdue first; the deadline as written, the reading labelled", []*notice.Notice{
			township("2023-03-01", "2024-01-10", withDeadline(sampleFinding(1, doing, "A"), "2024年12月前", "2024-12-31"), sampleFinding(2, doing, "B")),
			department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01",
				withDeadline(sampleFinding(1, todo, "C"), "2024年6月30日", "2024-06-30"),
				withDeadline(sampleFinding(2, doing, "D"), "2024年10月底前", "2024-10-31"),
				withDeadline(sampleFinding(3, done, "E"), "2024年1月", "2024-01-31")),
		}, "overdue-by-unit", [][]string{
			{"示例县文旅局", "部门单位", "示例省示例市示例县", "2", "2", "0", "2024年6月30日", "同原文", "244", "/shili/shilishi/shilixian/wenlvju/"},
			{"样本镇0001", "乡镇（街道）", "示例省示例市示例县", "2", "1", "1", "2024年12月前", "2024年12月31日", "60", "/shili/shilishi/shilixian/zhen0001/"},
		}},
		{"overdue items: the longest past first", []*notice.Notice{
			township("2023-03-01", "2024-01-10", withDeadline(sampleFinding(1, doing, "A"), "2024年12月前", "2024-12-31")),
			department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01", withDeadline(sampleFinding(1, todo, "C"), "2024年6月30日", "2024-06-30")),
		}, "overdue-items", [][]string{
			{"（1）问题C", "示例县文旅局", "示例省示例市示例县", "2024年6月30日", "同原文", "244", "2024年10月1日", "/shili/shilishi/shilixian/wenlvju/findings/2024-04-01/1/"},
			{"（1）问题A", "样本镇0001", "示例省示例市示例县", "2024年12月前", "2024年12月31日", "60", "2024年1月10日", "/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/1/"},
		}},
		{"stated vs read: only figures the notice states", []*notice.Notice{
			stated(township("2023-03-01", "2024-01-10", sampleFinding(1, done, "A"), sampleFinding(2, doing, "B")),
				notice.Stated{Problems: notice.IntP(2), Done: notice.IntP(2)}),
			stated(department("wenlvju", "示例县文旅局", "2024-04-01", "2024-10-01", sampleFinding(1, done, "C")),
				notice.Stated{Done: notice.IntP(1)}),
		}, "stated-vs-read", [][]string{
			{"中共样本镇0001委员会关于巡察整改进展情况的通报", "样本镇0001", "2024年1月10日", "已完成整改", "2", "1", "/shili/shilishi/shilixian/zhen0001/notices/2024-01-10/"},
		}},
		{"stated vs read: no status compared where a status is not stated", []*notice.Notice{
			stated(township("2023-03-01", "2024-01-10", sampleFinding(1, done, "A"), sampleFinding(2, unstated, "B")),
				notice.Stated{Done: notice.IntP(2)}),
		}, "stated-vs-read", [][]string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ch, got := chartOf(t, c.ns, c.id)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("rows\n got %q\nwant %q", got, c.want)
			}
			if ch.Scale != "" && len(ch.Rows) != len(ch.Table.Rows) {
				t.Errorf("%d chart rows, %d table rows", len(ch.Rows), len(ch.Table.Rows))
			}
			checkBars(t, ch)
		})
	}
}

// checkBars holds a chart's bars to their values: at share scale a row
// fills the width; at count scale one factor, the longest row the width.
func checkBars(t *testing.T, c *Chart) {
	t.Helper()
	factor, longest := 0.0, 0.0
	for i, r := range c.Rows {
		end := 0.0
		for _, b := range r.Bars {
			x, _ := strconv.ParseFloat(b.X, 64)
			w, _ := strconv.ParseFloat(b.W, 64)
			end = max(end, x+w)
			if c.Scale == "count" {
				if factor == 0 {
					factor = w / float64(b.Value)
				} else if math.Abs(w-factor*float64(b.Value)) > 0.02 {
					t.Errorf("row %d: %s bar %.2f wide for %d", i, b.Class, w, b.Value)
				}
			}
		}
		if c.Scale == "share" && math.Abs(end-ChartWidth) > 0.05 {
			t.Errorf("row %d ends at %.2f", i, end)
		}
		longest = max(longest, end)
	}
	if len(c.Rows) > 0 && math.Abs(longest-ChartWidth) > 0.05 {
		t.Errorf("the longest row ends at %.2f", longest)
	}
}

// TestAnalysisRowsCut: a chart and its table show ChartRows rows, the CSV
// every row.
func TestAnalysisRowsCut(t *testing.T) {
	var ns []*notice.Notice
	for i := range ChartRows + 5 {
		ns = append(ns, department(fmt.Sprintf("bumen%02d", i), fmt.Sprintf("示例县部门%02d", i), "2024-04-01", "2024-10-01",
			sampleFinding(1, notice.StatusInProgress, "A")))
	}
	c, rows := chartOf(t, ns, "rate-by-unit")
	if len(rows) != ChartRows+5 || c.Table.Total != ChartRows+5 || len(c.Table.Rows) != ChartRows || len(c.Rows) != ChartRows {
		t.Errorf("CSV %d rows (total %d), table %d, chart %d", len(rows), c.Table.Total, len(c.Table.Rows), len(c.Rows))
	}
}

func TestChartLabel(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"样本镇0001", "样本镇0001"},
		{"一二三四五六七八九十一二三", "一二三四五六七八九十一二三"},
		{"一二三四五六七八九十一二三四", "一二三四五六七八九十一二…"},
	} {
		if got := chartLabel(c.in); got != c.want {
			t.Errorf("chartLabel(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDaysBetween(t *testing.T) {
	for _, c := range []struct {
		a, b notice.Date
		want int
	}{
		{"2024-12-31", "2025-03-01", 60},
		{"2024-02-28", "2024-03-01", 2}, // a leap year
		{"", "2025-03-01", 0},
		{"2025-03-01", "2025-03-01", 0},
	} {
		if got := daysBetween(c.a, c.b); got != c.want {
			t.Errorf("daysBetween(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// BenchmarkAnalyses measures the analysis pages' share of deriving the
// model: a fictitious 100 units × 2 inspections × 60 findings (a third not
// done, half of those past a deadline), as bench/gencorpus makes them.
//
//	go test ./internal/site/model/ -run - -bench Analyses
func BenchmarkAnalyses(b *testing.B) {
	var ns []*notice.Notice
	for u := range 100 {
		for r, start := range []string{"2023-03-01", "2024-05-06"} {
			var fs []notice.Finding
			for i := 1; i <= 60; i++ {
				st := notice.StatusDone
				if i%3 == 0 {
					st = notice.StatusInProgress
				}
				f := sampleFinding(i, st, strconv.Itoa(i))
				if i%6 == 0 {
					f = withDeadline(f, "2024年12月前", "2024-12-31")
				}
				fs = append(fs, f)
			}
			n := department(fmt.Sprintf("bumen%03d", u), fmt.Sprintf("示例县部门%03d", u), start, fmt.Sprintf("202%d-11-01", 3+r), fs...)
			if u%10 == 0 {
				n.Stated = notice.Stated{Done: notice.IntP(50)}
			}
			ns = append(ns, n)
		}
	}
	c := notice.NewCorpus(ns)
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, ChinaTime)
	b.Run("derive", func(b *testing.B) { // the whole model, analyses included
		for b.Loop() {
			Derive(c, now, nil)
		}
	})
	m := Derive(c, now, nil)
	b.Run("analyses", func(b *testing.B) {
		for b.Loop() {
			analyses(m)
		}
	})
}
