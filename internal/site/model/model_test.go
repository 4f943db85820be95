package model

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// sampleRegion is a plainly fictitious place.
var sampleRegion = notice.Region{
	Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
	County: "示例县", CountySlug: "shilixian", Township: "样本镇0001", TownshipSlug: "zhen0001",
}

func sampleFinding(n int, st notice.Status, text string) notice.Finding {
	return notice.Finding{
		Number: n, CategoryNo: 1, Category: "类别一", GroupNo: 1 + (n-1)/2, Group: "分组",
		Title: "问题" + text, Problem: "问题描述" + text, Status: st, StatusText: st.Label(),
		Rectification: "一是甲" + text + "。二是乙。", Measures: []string{"一是甲" + text + "。", "二是乙。"},
	}
}

func sampleNotice(signed string, fs ...notice.Finding) *notice.Notice {
	return &notice.Notice{
		Title: "中共样本镇0001委员会关于巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会",
		Signed: notice.Date(signed), Region: sampleRegion,
		Inspection: notice.Inspection{Body: "县委巡察一组", Start: "2023-03-01", End: "2023-04-01", Feedback: "2023-06-01"},
		Findings:   fs,
	}
}

func TestDeriveHistoryAndFill(t *testing.T) {
	first := sampleNotice("2024-01-10",
		sampleFinding(1, notice.StatusDone, "A"),
		sampleFinding(2, notice.StatusInProgress, "B"),
		sampleFinding(3, notice.StatusNotStarted, "C"))
	first.Outstanding = []notice.Outstanding{
		{Number: 1, Finding: 2, Heading: "关于第2点", Deadline: "2024-06-30", DeadlineText: "2024年6月底前"},
		{Number: 2, Finding: 3, Heading: "关于第3点", Deadline: "2024-12-31", DeadlineText: "2024年底前"},
	}
	first.Accountability = notice.Accountability{Text: "处理3人。", People: 3}
	first.Regulations = []string{"制度甲", "制度乙"}
	// The later notice only updates the status of finding 2.
	later := sampleNotice("2024-09-01", notice.Finding{Number: 2, Title: "问题B", Status: notice.StatusDone, StatusText: "已整改到位"})
	later.Regulations = []string{"制度乙", "制度丙"}
	later.Accountability = notice.Accountability{Text: "累计处理4人。", People: 4}

	m := Derive(notice.NewCorpus([]*notice.Notice{later, first}), time.Date(2025, 1, 5, 0, 0, 0, 0, ChinaTime), nil)
	if len(m.Units) != 1 {
		t.Fatalf("%d townships", len(m.Units))
	}
	tw := m.Units[0]
	c := tw.Counts
	if c.Notices != 2 || c.Findings != 3 || c.Done != 2 || c.NotStarted != 1 || c.InProgress != 0 || c.DonePct != "66.7%" || c.People != 4 || c.Overdue != 1 {
		t.Errorf("counts %+v", c)
	}
	f2 := tw.Findings[1]
	if f2.Number != 2 || f2.N != 1 || f2.Status != notice.StatusDone || len(f2.History) != 2 ||
		f2.History[0].Status != notice.StatusInProgress || f2.History[1].StatusText != "已整改到位" {
		t.Fatalf("finding 2: %+v", f2)
	}
	if f2.History[0].URL != "/shili/shilishi/shilixian/zhen0001/notices/2024-01-10/#f2" {
		t.Errorf("history URL %s", f2.History[0].URL)
	}
	// The text the later notice left out comes from the first.
	if f2.Fill == nil || f2.Fill.Problem != "问题描述B" || f2.Fill.Category != "类别一" || f2.Fill.Numeral != "一" ||
		!reflect.DeepEqual(f2.Fill.Parts, []string{"一是甲B。", "二是乙。"}) || f2.Merged.Problem != "问题描述B" {
		t.Errorf("finding 2 fill %+v merged %+v", f2.Fill, f2.Merged)
	}
	if tw.Findings[0].Fill != nil {
		t.Errorf("finding 1 needs no fill: %+v", tw.Findings[0].Fill)
	}
	// Outstanding: 2 is resolved by the later notice, 3 is past its deadline.
	if len(tw.Outstanding) != 2 || !tw.Outstanding[0].Resolved || tw.Outstanding[0].ResolvedBy != "2024年9月1日" ||
		tw.Outstanding[0].Overdue || !tw.Outstanding[1].Overdue || tw.Outstanding[1].FindingTitle != "问题C" {
		t.Errorf("outstanding %+v %+v", tw.Outstanding[0], tw.Outstanding[1])
	}
	if tw.Findings[2].OutstandingNo != 2 || tw.Findings[0].OutstandingNo != 0 {
		t.Errorf("outstanding numbers %d %d", tw.Findings[2].OutstandingNo, tw.Findings[0].OutstandingNo)
	}
	if !reflect.DeepEqual(tw.Regulations, []string{"制度甲", "制度乙", "制度丙"}) {
		t.Errorf("regulations %v", tw.Regulations)
	}
	if len(tw.People) != 1 || tw.People[0].Text != "累计处理4人。" {
		t.Errorf("people %+v", tw.People)
	}
	// Timeline and grouping.
	var labels []string
	for _, e := range tw.Inspections[0].Timeline {
		labels = append(labels, e.DateText+" "+e.Label)
	}
	if strings.Join(labels, "|") != "2023年3月1日 巡察组进驻|2023年4月1日 巡察结束|2023年6月1日 反馈巡察意见|2024年1月10日 通报落款|2024年9月1日 通报落款" {
		t.Errorf("timeline %v", labels)
	}
	cats := tw.Inspections[0].Categories
	if len(cats) != 1 || len(cats[0].Groups) != 2 || !reflect.DeepEqual(cats[0].Groups[0].Items, []int{0, 1}) ||
		!reflect.DeepEqual(cats[0].Groups[1].Items, []int{2}) {
		t.Errorf("categories %+v", cats)
	}
	// The feed: newest first.
	if len(tw.Feed) != 2 || tw.Feed[0].Signed != "2024-09-01" || tw.Feed[0].Summary != "通报1个问题的整改情况：已整改1个。" {
		t.Errorf("feed %+v", tw.Feed)
	}
	// The region tree and pages carry the township's counts.
	if len(m.Site.Regions) != 3 || m.Site.Regions[2].Counts.Findings != 3 || m.Site.Tree[0].Children[0].Children[0].Children[0].URL != tw.URL {
		t.Errorf("regions %+v", m.Site.Regions)
	}
}

func TestChart(t *testing.T) {
	segs, label := chart(Counts{Findings: 3, Done: 2, NotStarted: 1})
	want := []Segment{
		{Status: notice.StatusDone, Label: "已整改", Count: 2, Pct: "66.7%", X: "0.00", Width: "66.67"},
		{Status: notice.StatusNotStarted, Label: "未整改", Count: 1, Pct: "33.3%", X: "66.67", Width: "33.33"},
	}
	if !reflect.DeepEqual(segs, want) || label != "问题整改状态：已整改2个，整改中0个，未整改1个" {
		t.Errorf("chart %+v %q", segs, label)
	}
}

func TestParts(t *testing.T) {
	for _, c := range []struct {
		name string
		f    notice.Finding
		want []string
	}{
		{"measures make the whole", notice.Finding{Rectification: "一是甲。二是乙。", Measures: []string{"一是甲。", "二是乙。"}}, []string{"一是甲。", "二是乙。"}},
		{"text before the measures", notice.Finding{Rectification: "已整改。一是甲。二是乙。", Measures: []string{"一是甲。", "二是乙。"}}, []string{"已整改。一是甲。二是乙。"}},
		{"one measure", notice.Finding{Rectification: "一是甲。", Measures: []string{"一是甲。"}}, []string{"一是甲。"}},
		{"no measures", notice.Finding{Rectification: "已退回。"}, []string{"已退回。"}},
		{"nothing", notice.Finding{}, []string{}},
	} {
		if got := parts(c.f); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{ChineseNumeral(1), "一"}, {ChineseNumeral(10), "十"}, {ChineseNumeral(12), "十二"},
		{ChineseNumeral(20), "二十"}, {ChineseNumeral(35), "三十五"}, {ChineseNumeral(100), "100"},
		{dateText("2024-12-02"), "2024年12月2日"}, {dateText(""), ""},
		{groupDigits(555173445), "555,173,445"}, {groupDigits(999), "999"},
		{percent(56, 59), "94.9%"}, {percent(0, 0), "—"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	rss, atom := feedDates("2025-01-12")
	if rss != "Sun, 12 Jan 2025 00:00:00 +0800" || atom != "2025-01-12T00:00:00+08:00" {
		t.Errorf("feed dates %q %q", rss, atom)
	}
}
