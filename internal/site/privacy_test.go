package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/search"
)

// privacyFixture: a township whose first notice names a private person
// (masked by [[redact]]: 王小明 → 王某某; a phone number → ■), in its text
// and in its original, and whose second notice was corrected; a second
// township whose only notice was withdrawn.
const privacyFixture = `
-- config.toml --
baseURL = "https://example.org/"
title = "巡察整改公示"
locale = "zh-CN"
defaultContentLanguage = "zh"
hasCJKLanguage = true
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT"]
disableHugoGeneratorInject = true
[outputs]
home = ["html", "rss", "atom"]
section = ["html"]
page = ["html"]
[mediaTypes."application/atom+xml"]
suffixes = ["xml"]
[outputFormats.atom]
mediaType = "application/atom+xml"
baseName = "atom"
isPlainText = false
rel = "alternate"
-- seeds/sample_0001.txt --
中共样本镇0001委员会关于巡察整改进展情况的通报
1.信访化解不力。整改情况：已整改。东村王小明因涉嫌敲诈勒索被拘留，联系电话13912345678。
-- data/shili/shilishi/shilixian/zhen0001/2024-06-01.toml --
title = "中共样本镇0001委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-06-01
original = "seeds/sample_0001.txt"
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
start = 2024-01-01
[[findings]]
number = 1
category_no = 1
category = "示例类别甲"
title = "信访化解不力"
status = "done"
status_text = "已整改"
rectification = "东村王小明因涉嫌敲诈勒索被拘留，联系电话13912345678。"
measures = ["一是东村王小明被拘留"]
[[redact]]
text = "王小明"
mask = "王某某"
reason = "被拘留的信访人，非公职人员"
[[redact]]
text = "13912345678"
reason = "个人电话"
-- data/shili/shilishi/shilixian/zhen0001/2024-12-02.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-12-02
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
start = 2024-01-01
[[findings]]
number = 1
title = "信访化解不力"
status = "done"
status_text = "已整改到位"
[[revisions]]
date = 2024-12-10
change = "第1个问题的整改状态由“正在整改中”更正为“已整改到位”"
reason = "原通报笔误"
-- data/shili/shilishi/shilixian/zhen0002/2024-06-01.toml --
title = "中共样本镇0002委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0002委员会"
signed = 2024-06-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0002"
township_slug = "zhen0002"
[inspection]
body = "县委第一巡察组"
target = "样本镇0002党委"
start = 2024-01-01
[[findings]]
number = 1
title = "撤回通报独有的问题"
problem = "撤回通报独有的表述"
status = "done"
status_text = "已整改"
[withdrawn]
date = 2024-07-01
reason = "通报误发，已由县纪委监委撤回"
-- expect/shili/shilishi/shilixian/zhen0001/notices/2024-06-01/ --
东村王某某因涉嫌敲诈勒索被拘留
联系电话■■■■■■■■■■■
sample_0001.txt
-- expect/shili/shilishi/shilixian/zhen0001/notices/2024-06-01/sample_0001.txt --
东村王某某因涉嫌敲诈勒索被拘留，联系电话■■■■■■■■■■■
-- expect/shili/shilishi/shilixian/zhen0001/notices/2024-06-01/2024-06-01.toml --
text = "王某某"
reason = "被拘留的信访人，非公职人员"
-- expect/shili/shilishi/shilixian/zhen0001/notices/2024-12-02/ --
更正记录
2024年12月10日
第1个问题的整改状态由“正在整改中”更正为“已整改到位”
原因：原通报笔误
-- expect/shili/shilishi/shilixian/zhen0002/notices/2024-06-01/ --
中共样本镇0002委员会关于巡察整改进展情况的通报
本通报已于2024年7月1日撤回。
撤回原因：通报误发，已由县纪委监委撤回
! 撤回通报独有
-- expect/manifest.json --
"change": "第1个问题的整改状态由“正在整改中”更正为“已整改到位”"
"withdrawn": {
"reason": "通报误发，已由县纪委监委撤回"
-- expect/downloads/findings.csv --
信访化解不力
! 撤回通报独有
-- expect/downloads/findings.json --
! 撤回通报独有
`

func TestPrivacyFixture(t *testing.T) {
	s := buildFixture(t, privacyFixture, asOfFixture)

	// The masked texts, and each of their CJK bigrams (what the Bleve and
	// the static index hold), are in no file of the built site.
	secrets := []string{"王小明", "王小", "小明", "13912345678", "撤回通报独有"}
	files := 0
	err := filepath.WalkDir(s.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, sec := range secrets {
			if bytes.Contains(b, []byte(sec)) {
				rel, _ := filepath.Rel(s.Dir, p)
				t.Errorf("%s holds %q", rel, sec)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir, "search", "index")); err != nil && files < 20 {
		t.Fatalf("only %d files built", files)
	}

	// No search finds them; the finding itself is found.
	x, err := search.Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, q := range []string{"王小明", `"王小明"`, "小明", "13912345678", "撤回通报独有的问题", "撤回"} {
		res, err := x.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if strings.Contains(h.URL, "zhen0002") || q != "撤回" {
				t.Errorf("search %q finds %s %q", q, h.URL, h.Title)
			}
		}
	}
	res, err := x.Search(context.Background(), search.Request{Query: "信访化解不力"})
	if err != nil || res.Total != 1 {
		t.Errorf("search 信访化解不力: %v, %v", res, err)
	}
}
