package site

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
)

// readCSV reads a findings download: its BOM, CRLF lines and rows.
func readCSV(t *testing.T, site, u string) [][]string {
	t.Helper()
	raw := readFile(t, site, u)
	if !strings.HasPrefix(raw, "\ufeff") {
		t.Errorf("%s has no BOM", u)
	}
	if strings.Count(raw, "\n") != strings.Count(raw, "\r\n") {
		t.Errorf("%s: a line does not end in CRLF", u)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", u, err)
	}
	return rows
}

// TestBundledDownloadsZh: beside every findings.csv is findings-zh.csv,
// row for row the same findings in the same order (编号 and 链接 are id and
// url), with Chinese headers and the values the pages show.
func TestBundledDownloadsZh(t *testing.T) {
	site := bundledSite(t)
	for _, prefix := range []string{"/downloads/", "/fujian/putian/", "/fujian/putian/xianyou/", townshipURL} {
		coded, zh := readCSV(t, site, prefix+"findings.csv"), readCSV(t, site, prefix+"findings-zh.csv")
		if strings.Join(zh[0], ",") != strings.Join(model.CSVColumnsZh, ",") {
			t.Fatalf("%sfindings-zh.csv header %v", prefix, zh[0])
		}
		if len(zh) != len(coded) || len(zh) < 2 {
			t.Fatalf("%sfindings-zh.csv: %d rows, findings.csv %d", prefix, len(zh), len(coded))
		}
		col, zcol := map[string]int{}, map[string]int{}
		for i, c := range coded[0] {
			col[c] = i
		}
		for i, c := range zh[0] {
			zcol[c] = i
		}
		for i := 1; i < len(zh); i++ {
			c, z := coded[i], zh[i]
			yes := map[string]string{"true": "是", "false": "否"}
			if z[zcol["编号"]] != c[col["id"]] || z[zcol["链接"]] != c[col["url"]] ||
				z[zcol["整改状态"]] != notice.Status(c[col["status"]]).Label() ||
				z[zcol["单位类型"]] != notice.UnitKind(c[col["unit_kind"]]).Label() ||
				z[zcol["是否逾期"]] != yes[c[col["overdue"]]] || z[zcol["问题"]] != c[col["problem"]] {
				t.Errorf("%sfindings-zh.csv row %d disagrees with findings.csv:\n%v\n%v", prefix, i, z, c)
			}
			if c[col["deadline"]] == "" && z[zcol["整改时限（通报原文）"]] != "未说明" {
				t.Errorf("%sfindings-zh.csv row %d: no deadline shown as %q, want 未说明", prefix, i, z[zcol["整改时限（通报原文）"]])
			}
		}
	}
	// Finding 11: 2024年12月前 as written, read as 2024年12月31日, overdue.
	zh := readCSV(t, site, townshipURL+"findings-zh.csv")
	if r := zh[11]; r[23] != "2024年12月前" || r[24] != "2024年12月31日" || r[25] != "是" {
		t.Errorf("finding 11: deadline %q read %q overdue %q", r[23], r[24], r[25])
	}
	goldenFile(t, "findings-zh.csv", readFile(t, site, townshipURL+"findings-zh.csv"))
	// The pages link it, saying which CSV is which.
	for _, u := range []string{townshipURL, "/fujian/putian/xianyou/"} {
		page := readFile(t, site, u)
		for _, want := range []string{`href="` + u + `findings-zh.csv"`, "CSV（中文表头，适合直接用 Excel 阅读）", "CSV（英文列名与代码，适合程序处理）"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", u, want)
			}
		}
	}
}

// TestDownloadsZhGuard: the Chinese CSV has the coded one's formula guard.
func TestDownloadsZhGuard(t *testing.T) {
	out := t.TempDir()
	d := &model.Downloads{CSV: "/x/findings.csv", CSVZh: "/x/findings-zh.csv", JSON: "/x/findings.json"}
	w, err := newFindingsWriter(d, out, "2025-01-12")
	if err != nil {
		t.Fatal(err)
	}
	rec := model.Record{ID: "x/1", FindingRow: model.FindingRow{Number: 1, Title: "=HYPERLINK(\"x\")", Problem: "+1", Status: notice.StatusDone, StatusText: "@已整改"},
		Measures: []string{}, Amounts: []notice.Amount{}, Yuan: []int64{}, Unit: "-示例镇", UnitKind: notice.UnitTownship}
	if err := w.write([]model.Record{rec}); err != nil {
		t.Fatal(err)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "x", "findings-zh.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v: %q", err, b)
	}
	for _, cell := range []string{"'=HYPERLINK(\"x\")", "'+1", "'@已整改", "'-示例镇"} {
		found := false
		for _, c := range rows[1] {
			found = found || c == cell
		}
		if !found {
			t.Errorf("no guarded cell %q in %q", cell, rows[1])
		}
	}
}
