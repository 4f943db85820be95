package notice

import (
	"testing"
	"time"
)

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		text string
		want Status
		err  bool
	}{
		{"已整改", StatusDone, false},
		{"已整改。", StatusDone, false},
		{"已整改到位", StatusDone, false},
		{"已完成整改", StatusDone, false},
		{"正在整改中", StatusInProgress, false},
		{"持续整改", StatusInProgress, false},
		{"基本整改到位", StatusInProgress, false},
		{"未整改到位", StatusNotStarted, false},
		{"尚未整改", StatusNotStarted, false},
		{"未完成", StatusNotStarted, false},
		{"基本完成", StatusInProgress, false},
		{"长期坚持", StatusInProgress, false},
		{"已完成", StatusDone, false},
		{"完成", StatusDone, false},
		{"整改完成", StatusDone, false},
		{"已销号。", StatusDone, false},
		{"", "", true},
		{"完成了吧", "", true},
	} {
		got, err := ParseStatus(c.text)
		if got != c.want || (err != nil) != c.err {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q (error %v)", c.text, got, err, c.want, c.err)
		}
	}
	for _, s := range Statuses {
		if !s.Valid() || s.Label() == string(s) {
			t.Errorf("status %q: valid %v label %q", s, s.Valid(), s.Label())
		}
	}
	if Status("完成").Valid() {
		t.Error("完成 is not in the vocabulary")
	}
}

func TestDateTOML(t *testing.T) {
	var d Date
	for _, c := range []struct {
		in   any
		want Date
		err  bool
	}{
		{time.Date(2024, 12, 2, 0, 0, 0, 0, time.UTC), "2024-12-02", false},
		{"2025-01-12", "2025-01-12", false},
		{"", "", false},
		{"2025-13-01", "", true},
		{"2025年1月12日", "", true},
		{int64(20250112), "", true},
	} {
		d = ""
		err := d.UnmarshalTOML(c.in)
		if (err != nil) != c.err || (!c.err && d != c.want) {
			t.Errorf("UnmarshalTOML(%v) = %q, %v", c.in, d, err)
		}
	}
	if b, err := Date("2024-12-02").MarshalTOML(); err != nil || string(b) != "2024-12-02" {
		t.Errorf("MarshalTOML: %s %v", b, err)
	}
	if _, err := Date("12/02/2024").MarshalTOML(); err == nil {
		t.Error("an invalid date marshalled")
	}
	if Date("2024-12-02").Year() != 2024 || Date("").Year() != 0 {
		t.Error("Year")
	}
}

func TestCorpusHistoryAndCurrent(t *testing.T) {
	reg := Region{ProvinceSlug: "shili", CitySlug: "shilishi", CountySlug: "xian01", TownshipSlug: "zhen0001"}
	in := Inspection{Start: "2023-07-03"}
	first := &Notice{Title: "一", Signed: "2024-06-01", Region: reg, Inspection: in, Findings: []Finding{
		{Number: 1, Status: StatusDone, StatusText: "已整改"},
		{Number: 2, Status: StatusInProgress, StatusText: "正在整改中"},
	}}
	later := &Notice{Title: "二", Signed: "2024-12-01", Region: reg, Inspection: in, Findings: []Finding{
		{Number: 2, Status: StatusDone, StatusText: "已整改到位"},
	}}
	c := NewCorpus([]*Notice{later, first})
	if c.Notices[0] != first {
		t.Fatal("corpus not in signed order")
	}
	id := FindingID(first, 2)
	if id != "shili/shilishi/xian01/zhen0001/2023-07-03/2" {
		t.Errorf("FindingID = %q", id)
	}
	h := c.History(id)
	if len(h) != 2 || h[0].Status != StatusInProgress || h[1].Status != StatusDone || h[1].Notice != later {
		t.Errorf("history %+v", h)
	}
	cur := c.Current()
	if len(cur) != 2 || cur[0].Finding.Number != 1 || cur[1].Finding.StatusText != "已整改到位" || len(cur[1].History) != 2 {
		t.Errorf("current %+v", cur)
	}
}

func TestInspectionID(t *testing.T) {
	for _, c := range []struct {
		in   Inspection
		want string
	}{
		{Inspection{Start: "2024-03-15", Feedback: "2024-08-13"}, "2024-03-15"},
		{Inspection{Feedback: "2024-08-13"}, "2024-08-13"},
		{Inspection{}, ""},
	} {
		if got := c.in.ID(); got != c.want {
			t.Errorf("%+v.ID() = %q, want %q", c.in, got, c.want)
		}
	}
}
