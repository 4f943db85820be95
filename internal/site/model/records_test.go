package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// TestOneRowForAFinding holds the notice page's findings and the
// downloads' rows to one row: a finding reported once says the same in
// both, and findings.json's keys keep the CSV's column order.
func TestOneRowForAFinding(t *testing.T) {
	n := sampleNotice("2024-01-10",
		sampleFinding(1, notice.StatusDone, "A"),
		sampleFinding(2, notice.StatusInProgress, "B"))
	m := Derive(notice.NewCorpus([]*notice.Notice{n}), time.Date(2025, 1, 5, 0, 0, 0, 0, ChinaTime), nil)
	u := m.Units[0]
	recs := Records(u, "https://example.org/")
	page := u.Notices[0]
	if len(recs) != 2 || len(page.Findings) != 2 {
		t.Fatalf("%d records, %d findings on the notice page", len(recs), len(page.Findings))
	}
	for i, r := range recs {
		want := FindingRow{Number: i + 1, CategoryNo: 1, Category: "类别一", GroupNo: 1, Group: "分组",
			Title: n.Findings[i].Title, Problem: n.Findings[i].Problem, Status: n.Findings[i].Status, StatusText: n.Findings[i].StatusText}
		if r.FindingRow != want {
			t.Errorf("record %d: %+v, want %+v", i, r.FindingRow, want)
		}
		if page.Findings[i].FindingRow != r.FindingRow {
			t.Errorf("finding %d: the notice page says %+v, the downloads %+v", i, page.Findings[i].FindingRow, r.FindingRow)
		}
	}
	b, err := json.Marshal(recs[0])
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.Token() // {
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	if strings.Join(keys, ",") != strings.Join(CSVColumns, ",") {
		t.Errorf("findings.json keys\n%v\nwant the CSV's columns\n%v", keys, CSVColumns)
	}
}
