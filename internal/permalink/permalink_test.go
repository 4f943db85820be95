package permalink

import (
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPermalinks(t *testing.T) {
	r := notice.Region{ProvinceSlug: "fujian", CitySlug: "putian", CountySlug: "xianyou", TownshipSlug: "jiaowei"}
	n := &notice.Notice{Region: r, Signed: "2024-12-02", Inspection: notice.Inspection{Start: "2023-07-03"}}
	county := notice.Region{ProvinceSlug: "shili", CitySlug: "shilishi", CountySlug: "shilixian"}
	dept := &notice.Notice{Region: county, Signed: "2025-03-01", Inspection: notice.Inspection{Start: "2024-04-01"},
		Unit: notice.Unit{Kind: notice.UnitDepartment, Name: "示例县文旅局", Slug: "wenlvju"}}
	village := &notice.Notice{Region: notice.Region{ProvinceSlug: "shili", CitySlug: "shilishi", CountySlug: "shilixian", TownshipSlug: "zhen0001"},
		Signed: "2025-03-02", Inspection: notice.Inspection{Start: "2024-04-02"},
		Unit: notice.Unit{Kind: notice.UnitVillage, Name: "示例村", Slug: "shilicun"}}
	summary := &notice.Notice{Region: county, Signed: "2025-03-03", Unit: notice.Unit{Kind: notice.UnitRegion, Name: "示例县"}}
	for _, c := range []struct{ got, want string }{
		{Region(r, 1), "/fujian/"},
		{Region(r, 3), "/fujian/putian/xianyou/"},
		{Township(r), "/fujian/putian/xianyou/jiaowei/"},
		{Unit(n), "/fujian/putian/xianyou/jiaowei/"},
		{Notice(n), "/fujian/putian/xianyou/jiaowei/notices/2024-12-02/"},
		{Finding(n, 30), "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/"},
		{Unit(dept), "/shili/shilishi/shilixian/wenlvju/"},
		{Notice(dept), "/shili/shilishi/shilixian/wenlvju/notices/2025-03-01/"},
		{Finding(dept, 2), "/shili/shilishi/shilixian/wenlvju/findings/2024-04-01/2/"},
		{Unit(village), "/shili/shilishi/shilixian/zhen0001/shilicun/"},
		{Unit(summary), "/shili/shilishi/shilixian/"},
		{Notice(summary), "/shili/shilishi/shilixian/notices/2025-03-03/"},
		{Path(""), "/"},
		{Path("a/b"), "/a/b/"},
		{Analysis("/"), "/analysis/"},
		{Analysis("/fujian/putian/xianyou/"), "/fujian/putian/xianyou/analysis/"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
