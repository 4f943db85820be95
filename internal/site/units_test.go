package site

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
)

// countyFixture is one fictitious county with every kind of unit: a
// township inspected in two rounds years apart (the second numbered again
// in each category, with a later notice updating a status), a village
// below it, a county department, a school, and the county's summary notice
// with stated totals and no findings.
const countyFixture = `
-- data/shili/shilishi/shilixian/zhen0001/2021-09-01.toml --
title = "中共样本镇0001委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2021-09-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
[inspection]
body = "县委第一巡察组"
target = "样本镇0001党委"
start = 2021-03-01
[[findings]]
number = 1
category_no = 1
category = "示例类别甲"
title = "早年问题一"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
category_no = 1
category = "示例类别甲"
title = "早年问题二"
status = "in_progress"
status_text = "正在整改中"
-- data/shili/shilishi/shilixian/zhen0001/2024-10-01.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-10-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
[inspection]
body = "县委第二巡察组"
target = "样本镇0001党委"
start = 2024-03-01
[[findings]]
number = 1
label = "1."
category_no = 1
category = "示例类别甲"
title = "近年问题甲一"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
label = "2."
category_no = 1
category = "示例类别甲"
title = "近年问题甲二"
status = "in_progress"
status_text = "正在整改中"
[[findings]]
number = 3
label = "1."
category_no = 2
category = "示例类别乙"
title = "近年问题乙一"
status = "unstated"
status_text = "未说明"
rectification = "一是示例措施。"
[[outstanding]]
number = 1
finding = 2
heading = "关于近年问题甲二"
deadline_text = "2024年12月底前"
deadline = 2024-12-31
-- data/shili/shilishi/shilixian/zhen0001/2025-02-01.toml --
title = "中共样本镇0001委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2025-02-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
[inspection]
body = "县委第二巡察组"
target = "样本镇0001党委"
start = 2024-03-01
[[findings]]
number = 3
label = "1."
category_no = 2
category = "示例类别乙"
title = "近年问题乙一"
status = "done"
status_text = "已整改到位"
-- data/shili/shilishi/shilixian/zhen0001/shilicun/2024-11-01.toml --
title = "中共示例村委员会关于巡察整改情况的通报"
issuer = "中共示例村委员会"
signed = 2024-11-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
[unit]
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
status = "not_started"
status_text = "尚未整改"
responsible = "示例村委会"
deadline_text = "2024年12月15日前"
deadline = 2024-12-15
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
[stated]
problems = 2
done = 1
in_progress = 1
[inspection]
body = "县委第三巡察组"
start = 2024-04-01
[[findings]]
number = 1
title = "景区门票收入管理不规范"
status = "done"
status_text = "已完成整改"
responsible = "局财务股"
[[findings]]
number = 2
title = "文物保护经费使用滞后"
status = "in_progress"
status_text = "持续整改"
deadline_text = "2025年6月"
deadline = 2025-06-30
-- data/shili/shilishi/shilixian/diyizhongxue/2024-11-20.toml --
title = "中共示例县第一中学委员会关于巡察整改情况的通报"
issuer = "中共示例县第一中学委员会"
signed = 2024-11-20
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
[unit]
kind = "school"
name = "示例县第一中学"
slug = "diyizhongxue"
[inspection]
start = 2024-04-08
[[findings]]
number = 1
title = "食堂采购程序不规范"
status = "in_progress"
status_text = "正在整改"
-- data/shili/shilishi/shilixian/2025-01-20.toml --
title = "中共示例县委巡察工作领导小组办公室关于十五届县委第五轮巡察整改情况的通报"
issuer = "中共示例县委巡察工作领导小组办公室"
signed = 2025-01-20
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
[unit]
kind = "region"
name = "示例县"
[inspection]
start = 2024-03-01
[stated]
units = 4
problems = 8
done = 5
in_progress = 3
rate = "62.5%"
texts = ["共反馈问题8个，已完成整改5个，正在整改3个，整改完成率62.5%"]
-- expect/shili/shilishi/shilixian/ --
<h1>示例县</h1>
被巡察单位 4
按单位类别
乡镇（街道） 1 5
村（社区） 1 2
部门单位 1 2
学校 1 1
汇总通报
中共示例县委巡察工作领导小组办公室关于十五届县委第五轮巡察整改情况的通报
通报自己所述的汇总数字
反馈问题 8个
整改完成率 62.5%
通报原文：“共反馈问题8个，已完成整改5个，正在整改3个，整改完成率62.5%”
被巡察单位（4个）
data-sortable
<th scope="col">类别</th>
样本镇0001 5 3 2
示例村 样本镇0001 2 1 0
示例县文旅局 2 1 1
示例县第一中学 1 0 1
未完成整改的问题（5个）
集体资产台账不全 未整改 逾期 （整改时限2024年12月15日前（本站按2024年12月15日计）已过，截至2024年11月1日的通报未报告完成）
近年问题甲二 整改中 逾期 （整改时限2024年12月底前（本站按2024年12月31日计）已过，截至2024年10月1日的通报未报告完成）
文物保护经费使用滞后 整改中
早年问题二 整改中
<script src="/js/sort.js" defer></script>
href="/shili/shilishi/shilixian/rss.xml"
href="/shili/shilishi/shilixian/findings.csv"
-- expect/shili/shilishi/shilixian/zhen0001/ --
<h1>样本镇0001</h1>
2021年3月1日巡察反馈的问题（2个）
2024年3月1日巡察反馈的问题（3个）
本镇被巡察的村（社区）
href="/shili/shilishi/shilixian/zhen0001/shilicun/"
<span class="no">1.</span>近年问题甲一
<span class="no">1.</span>近年问题乙一</a> <span class="badge st-done">已整改</span>
! 未说明状态
未说明整改状态1个
-- expect/shili/shilishi/shilixian/zhen0001/findings/2024-03-01/3/ --
1.近年问题乙一
2024年10月1日 未说明
2025年2月1日 已整改 已整改到位
-- expect/shili/shilishi/shilixian/zhen0001/shilicun/ --
<h1>示例村</h1>
! 福建
示例省示例市示例县样本镇0001示例村 · 村（社区）
所属乡镇： 样本镇0001
首页 示例省 示例市 示例县 样本镇0001 示例村
-- expect/shili/shilishi/shilixian/wenlvju/ --
<h1>示例县文旅局</h1>
示例省示例市示例县示例县文旅局 · 部门单位
首页 示例省 示例市 示例县 示例县文旅局
本单位问题 CSV
-- expect/shili/shilishi/shilixian/wenlvju/notices/2024-11-05/ --
被巡察单位 示例县文旅局 （部门单位）
通报自述数字
反馈问题 2个
责任单位：局财务股
-- expect/shili/shilishi/shilixian/wenlvju/findings/2024-04-01/2/ --
整改时限 2025年6月
! <strong class="flag">逾期
-- expect/shili/shilishi/shilixian/diyizhongxue/ --
<h1>示例县第一中学</h1>
示例省示例市示例县示例县第一中学 · 学校
-- expect/shili/shilishi/shilixian/notices/2025-01-20/ --
中共示例县委巡察工作领导小组办公室关于十五届县委第五轮巡察整改情况的通报
通报自述数字
被巡察单位 4个
! 巡察反馈问题的整改情况
-- expect/shili/shilishi/ --
<h1>示例市</h1>
下辖县（市、区）
逾期的问题（2个）
集体资产台账不全
href="/shili/shilishi/findings.csv"
-- expect/shili/shilishi/shilixian/rss.xml --
中共示例县委巡察工作领导小组办公室关于十五届县委第五轮巡察整改情况的通报
中共示例县文旅局党组关于巡察整改进展情况的通报
-- expect/ --
示例县文旅局
1个乡镇、4个被巡察单位
`

// asOfFixture is the fixture's "today".
var asOfFixture = time.Date(2025, 3, 1, 0, 0, 0, 0, model.ChinaTime)

func TestCountyFixture(t *testing.T) {
	s := buildFixture(t, countyFixture, asOfFixture)
	assertSound(t, s.Dir, 25)

	// A summary has no page of its own: its region's page shows it.
	s.AssertNoFile("/shili/shilishi/shilixian/findings/")

	// Downloads: per county, per city, site-wide and per unit, each with
	// the unit columns; overdue says what it means.
	for _, c := range []struct {
		url  string
		rows int
	}{
		{"/downloads/findings.csv", 10},
		{"/shili/shilishi/findings.csv", 10},
		{"/shili/shilishi/shilixian/findings.csv", 10},
		{"/shili/shilishi/shilixian/wenlvju/findings.csv", 2},
		{"/shili/shilishi/shilixian/zhen0001/shilicun/findings.csv", 2},
		{"/shili/shilishi/shilixian/zhen0001/findings.csv", 5},
	} {
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(readFile(t, s.Dir, c.url), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", c.url, err)
		}
		if len(rows)-1 != c.rows {
			t.Errorf("%s: %d rows, want %d", c.url, len(rows)-1, c.rows)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, name := range []string{"unit", "unit_kind", "overdue_note"} {
			if _, ok := col[name]; !ok {
				t.Errorf("%s: no column %s", c.url, name)
			}
		}
		for _, r := range rows[1:] {
			if strings.Contains(r[col["title"]], "集体资产台账不全") {
				if r[col["unit"]] != "示例村" || r[col["unit_kind"]] != "village" || r[col["overdue"]] != "true" ||
					r[col["overdue_note"]] != "逾期（整改时限2024年12月15日前（本站按2024年12月15日计）已过，截至2024年11月1日的通报未报告完成）" {
					t.Errorf("%s: %v", c.url, r)
				}
			}
		}
	}
	s.AssertFile("/shili/shilishi/shilixian/findings.json", `"unit":"示例县文旅局","unit_kind":"department"`)

	// Search: the unit kinds are a facet, hits name their unit.
	x, err := search.Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), search.Request{Query: "不规范 滞后 不全 问题", Size: 20, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range res.Facets[search.FieldUnitKind] {
		kinds[f.Value] = f.Count
	}
	if kinds["township"] == 0 || kinds["village"] == 0 || kinds["department"] == 0 || kinds["school"] == 0 {
		t.Errorf("unit_kind facet %v", kinds)
	}
	dept, err := x.Search(context.Background(), search.Request{Query: "不规范", Filters: search.Filters{UnitKind: []string{"department"}}})
	if err != nil {
		t.Fatal(err)
	}
	if dept.Total != 1 || dept.Hits[0].Unit != "示例县文旅局" || dept.Hits[0].URL != "/shili/shilishi/shilixian/wenlvju/findings/2024-04-01/1/" {
		t.Errorf("department hits %+v", dept.Hits)
	}
}
