package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/store"
)

// The status-history fixture: testdata/history holds a later notice on the
// same inspection of 郊尾镇 that reports findings 4, 11 and 59 done (it
// lists only those, with the seed's own text: nothing is invented). It is
// test data only and never lands in data/. go test -update regenerates it
// from the bundled seed notice.

const laterNotice = "testdata/history/fujian/putian/xianyou/jiaowei/2025-06-30.toml"

var updatedFindings = []int{4, 11, 59}

// historyData is a data folder with the seed notice and the later one.
func historyData(t *testing.T) string {
	t.Helper()
	if *update {
		writeLaterNotice(t)
	}
	dir := t.TempDir()
	for src, rel := range map[string]string{
		seedDataFile(t): "fujian/putian/xianyou/jiaowei/2024-12-02.toml",
		laterNotice:     "fujian/putian/xianyou/jiaowei/2025-06-30.toml",
	} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeLaterNotice(t *testing.T) {
	seed := seedNotice(t)
	later := &notice.Notice{
		Title:      seed.Title,
		Issuer:     seed.Issuer,
		Kind:       seed.Kind,
		Signed:     "2025-06-30",
		Published:  "2025-07-05",
		Source:     "测试数据（非真实通报）",
		Region:     seed.Region,
		Inspection: seed.Inspection,
		Preamble:   "测试数据：仅用于检验状态历史，不是真实的通报，不发布。问题文字取自2024年12月2日的通报。",
		Signature:  seed.Signature,
	}
	for _, f := range seed.Findings {
		for _, n := range updatedFindings {
			if f.Number == n {
				f.Status, f.StatusText = notice.StatusDone, "已整改"
				later.Findings = append(later.Findings, f)
			}
		}
	}
	if err := store.Write(laterNotice, later, true); err != nil {
		t.Fatal(err)
	}
}

func TestStatusHistory(t *testing.T) {
	data := historyData(t)
	site, _ := buildSite(t, data, time.Date(2025, 7, 10, 0, 0, 0, 0, model.ChinaTime))
	seed := seedNotice(t)
	town := readFile(t, site, townshipURL)
	text := pageText(town)
	for _, want := range []string{"已整改 59个（100.0%）", "逾期未完成 0", "2025年6月30日 通报落款", "2024年12月2日 通报落款"} {
		if !strings.Contains(text, want) {
			t.Errorf("township page lacks %q", want)
		}
	}
	const flag = `<strong class="flag">已逾期</strong>`
	if strings.Contains(town, flag) {
		t.Error("township page flags an item overdue that a later notice reports done")
	}
	for _, n := range updatedFindings {
		f := seed.Findings[n-1]
		html := readFile(t, site, permalink.Finding(seed, n))
		page := pageText(html)
		for _, want := range []string{
			"已整改 通报原文：“已整改”",
			"2024年12月2日 整改中 正在整改中 2025年6月30日 已整改 已整改", // the history, oldest first
			squash(f.Problem), // the seed's text, which the later notice repeats
		} {
			if !strings.Contains(page, want) {
				t.Errorf("finding %d lacks %q", n, want)
			}
		}
		if strings.Contains(html, flag) {
			t.Errorf("finding %d is flagged overdue", n)
		}
	}
	// A finding the later notice does not mention keeps the seed's state
	// and a one-line history.
	page := pageText(readFile(t, site, permalink.Finding(seed, 30)))
	if !strings.Contains(page, "状态变化 通报日期 状态 通报原文 2024年12月2日 已整改 已整改 引用本条") {
		t.Errorf("finding 30's history: %.300s", page[strings.Index(page, "状态变化"):])
	}
}

// TestOverdueFollowsAsOf: an outstanding item is overdue once its deadline
// is before "today" (SOURCE_DATE_EPOCH), unless a later notice reports
// the finding done.
func TestOverdueFollowsAsOf(t *testing.T) {
	seedOnly := []string{seedDataFile(t)}
	withLater := []string{seedDataFile(t), laterNotice}
	for _, c := range []struct {
		name    string
		files   []string
		today   string
		overdue []int
	}{
		{"before the deadline", seedOnly, "2024-12-15", nil},
		{"on the deadline", seedOnly, "2024-12-31", nil},
		{"the day after", seedOnly, "2025-01-01", []int{11, 59}},
		{"later notice reports done", withLater, "2025-07-10", nil},
		{"later notice not yet out", withLater[:1], "2025-03-01", []int{11, 59}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ns []*notice.Notice
			for _, p := range c.files {
				f, err := store.Decode(p)
				if err != nil {
					t.Fatal(err)
				}
				ns = append(ns, f.Notice)
			}
			today, _ := time.ParseInLocation(notice.DateLayout, c.today, model.ChinaTime)
			m := model.Derive(notice.NewCorpus(ns), today, nil)
			var got []int
			for _, o := range m.Units[0].Outstanding {
				if o.Overdue {
					got = append(got, o.Finding)
				}
			}
			if !equalInts(got, c.overdue) || m.Site.Totals.Overdue != len(c.overdue) {
				t.Errorf("overdue %v (total %d), want %v", got, m.Site.Totals.Overdue, c.overdue)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
