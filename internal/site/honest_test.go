package site

import (
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 22, items 4 and 5: honest figures and a static host.

// honestRegion is the fixture's region block (示例省示例市示例县样本镇0001).
const honestRegion = `[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
`

// honestFixture is a township whose notice gives a deadline as a month
// (2024年12月前, read as 2024-12-31, overdue on 2025-03-01) and states its
// accountability, and a village below it whose notice has no numbered
// headings and says nothing of accountability.
const honestFixture = `
-- data/shili/shilishi/shilixian/zhen0001/2024-10-01.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-10-01
` + honestRegion + `[inspection]
body = "县委第二巡察组"
target = "样本镇0001党委"
start = 2024-03-01
[accountability]
text = "共处理3人。"
people = 3
[[findings]]
number = 1
category_no = 1
category = "示例类别甲"
group_no = 1
group = "示例分组子"
title = "示例问题一"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
category_no = 1
category = "示例类别甲"
group_no = 1
group = "示例分组子"
title = "示例问题二"
status = "in_progress"
status_text = "正在整改中"
[[outstanding]]
number = 1
finding = 2
heading = "关于示例问题二"
deadline_text = "2024年12月前"
deadline = 2024-12-31
-- data/shili/shilishi/shilixian/zhen0001/shilicun/2024-11-01.toml --
title = "中共示例村委员会关于巡察整改情况的通报"
issuer = "中共示例村委员会"
signed = 2024-11-01
` + honestRegion + `[unit]
kind = "village"
name = "示例村"
slug = "shilicun"
[inspection]
start = 2024-05-06
[[findings]]
number = 1
title = "村务公开不及时"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
title = "集体资产台账不全"
status = "in_progress"
status_text = "正在整改"
`

// honestTextOnly is a department whose notice reports accountability in
// words without a number: no count is stated.
const honestTextOnly = `
-- data/shili/shilishi/shilixian/wenlvju/2024-11-05.toml --
title = "中共示例县文旅局党组关于巡察整改进展情况的通报"
issuer = "中共示例县文旅局党组"
signed = 2024-11-05
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
[unit]
kind = "department"
name = "示例县文旅局"
slug = "wenlvju"
[inspection]
start = 2024-04-01
[accountability]
text = "对相关责任人进行了批评教育。"
[[findings]]
number = 1
title = "文物保护经费使用滞后"
status = "in_progress"
status_text = "正在整改"
`

const (
	honestTownship = "/shili/shilishi/shilixian/zhen0001/"
	honestVillage  = "/shili/shilishi/shilixian/zhen0001/shilicun/"
)

// TestHonestDeadline: a deadline is shown as the notice wrote it
// (2024年12月前), and the day the site reads it as for "overdue"
// (2024年12月31日) is labelled as the site's reading: on the unit, county
// and finding pages, in the findings table's data and in the downloads,
// which carry both in separate columns.
func TestHonestDeadline(t *testing.T) {
	s := buildFixture(t, honestFixture, asOfFixture)
	label := "2024年12月前 （本站按2024年12月31日计算是否逾期）" // the reading in its own <small>
	note := "整改时限2024年12月前（本站按2024年12月31日计）已过，截至2024年10月1日的通报未报告完成"
	s.AssertFile(honestTownship, "整改时限："+label, note, "! 2024年12月31日 逾期", "! 整改时限2024年12月31日已过")
	s.AssertFile("/shili/shilishi/shilixian/", "整改时限："+label, note)
	s.AssertFile(honestTownship+"findings/2024-03-01/2/", "整改时限 "+label, note)

	s.AssertFile("/findings/", "整改时限照录通报原文")

	// The table: the deadline as written and the reading beside the date it sorts by.
	ts := readTableSite(t, s.Dir)
	found := false
	for i := range ts.rows {
		if ts.str(i, "title") == "示例问题二" {
			found = true
			if ts.str(i, "deadline") != "2024-12-31" || ts.str(i, "deadline_text") != "2024年12月前" || ts.str(i, "deadline_read") != "2024年12月31日" {
				t.Errorf("table row %v: want deadline 2024-12-31, written 2024年12月前, read 2024年12月31日", ts.rows[i])
			}
		}
	}
	if !found {
		t.Error("no table row for 示例问题二")
	}

	// The downloads: deadline (the reading) and deadline_text (as written).
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(readFile(t, s.Dir, honestTownship+"findings.csv"), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if r[col["title"]] == "示例问题二" &&
			(r[col["deadline"]] != "2024-12-31" || r[col["deadline_text"]] != "2024年12月前" || !strings.Contains(r[col["overdue_note"]], "本站按2024年12月31日计")) {
			t.Errorf("CSV row: deadline %q, deadline_text %q, overdue_note %q", r[col["deadline"]], r[col["deadline_text"]], r[col["overdue_note"]])
		}
	}
	s.AssertFile(honestTownship+"findings.json", `"deadline":"2024-12-31"`, `"deadline_text":"2024年12月前"`)
}

// TestHonestPeople: a unit whose notices say nothing of accountability has
// no figure (未说明), never 0; a region adding up units says how many did
// not state it.
func TestHonestPeople(t *testing.T) {
	s := buildFixture(t, honestFixture, asOfFixture)
	s.AssertFile(honestVillage, "问责人数 未说明", "! 问责人数 0")
	s.AssertFile(honestTownship, "问责人数 3", "! 未说明）")
	s.AssertFile("/shili/shilishi/shilixian/", "问责人数 3 （另有1个单位的通报未说明）")

	// Words without a number state no count.
	d := buildFixture(t, honestFixture+honestTextOnly, asOfFixture)
	d.AssertFile("/shili/shilishi/shilixian/wenlvju/", "问责人数 未说明", "对相关责任人进行了批评教育。", "通报未写明处理人数", "! 处理0人", "! 问责人数 0")
	d.AssertFile("/shili/shilishi/shilixian/", "问责人数 3 （另有2个单位的通报未说明）")
}

// TestHonestHeadings: numbering headings the notice does not have are not
// shown (a village notice with no categories or groups has no （零） or 0.),
// and those it has are.
func TestHonestHeadings(t *testing.T) {
	s := buildFixture(t, honestFixture, asOfFixture)
	for _, u := range []string{honestVillage, honestVillage + "notices/2024-11-01/", honestVillage + "findings/2024-05-06/2/"} {
		raw := readFile(t, s.Dir, u)
		for _, bad := range []string{"（零）", ">0.", "<h4></h4>", "<h5></h5>", "<h3></h3>", "<dt>类别</dt>", "<dt>分组</dt>"} {
			if strings.Contains(raw, bad) {
				t.Errorf("%s holds %q", u, bad)
			}
		}
	}
	s.AssertFile(honestTownship, "<h4>（一）示例类别甲</h4>", "<h5>1.示例分组子</h5>")
	s.AssertFile(honestTownship+"notices/2024-10-01/", "<h3>（一）示例类别甲</h3>", "<h4>1.示例分组子</h4>")
	s.AssertFile(honestTownship+"findings/2024-03-01/2/", "类别 （一）示例类别甲", "分组 1.示例分组子")
}

// TestStaticHost: a static build links nothing only gongshi serve answers
// (its /api/search), the search and findings pages say without JavaScript
// what works instead, with links, and the about page shows the publisher
// or nothing (no note to the operator).
func TestStaticHost(t *testing.T) {
	s := buildFixture(t, honestFixture, asOfFixture)
	for _, ext := range []string{".html", ".js", ".xml"} {
		for u, body := range publicFiles(t, s.Dir, ext) {
			if strings.Contains(body, "/api/") {
				t.Errorf("%s mentions /api/, which only gongshi serve answers", u)
			}
		}
	}
	for _, u := range []string{"/search/", "/findings/"} {
		raw := readFile(t, s.Dir, u)
		i, j := strings.Index(raw, "<noscript>"), strings.Index(raw, "</noscript>")
		if i < 0 || j < i {
			t.Errorf("%s: no <noscript>", u)
			continue
		}
		ns := raw[i:j]
		for _, want := range []string{"每个单位页列出该单位的全部问题", `href="/#regions"`, `href="/downloads/findings.csv"`, `href="/downloads/findings.json"`} {
			if !strings.Contains(ns, want) {
				t.Errorf("%s: the <noscript> text lacks %q:\n%s", u, want, ns)
			}
		}
	}
	s.AssertFile("/about/", "! 尚未", "! params.publisher", "! 主办单位与联系方式", "! 主办单位")

	// With a publisher: its details under their heading.
	cfg, err := os.ReadFile(filepath.Join(repoRoot(t), "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	withPublisher := "-- config.toml --\n" + string(cfg) + "\n[params.publisher]\nname = \"示例县纪委监委\"\ncontact = \"0000-0000000\"\n" + honestFixture
	p := buildFixture(t, withPublisher, asOfFixture)
	p.AssertFile("/about/", "主办单位与联系方式", "主办单位 示例县纪委监委", "联系方式 0000-0000000", "! 尚未")
}

// publicFiles is every file of the built site with the suffix, by URL.
func publicFiles(t *testing.T, dir, suffix string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, suffix) {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out["/"+filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
