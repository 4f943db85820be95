package site

import (
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

const (
	honestTownship = "/shili/shilishi/shilixian/zhen0001/"
	honestVillage  = "/shili/shilishi/shilixian/zhen0001/shilicun/"
)

func TestHonestFixture(t *testing.T) {
	s := buildFixture(t, honestFixture, asOfFixture)
	os.RemoveAll("/tmp/s9/public")
	os.CopyFS("/tmp/s9/public", os.DirFS(s.Dir))
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
