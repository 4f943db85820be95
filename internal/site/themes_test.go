package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
)

// Issue 22: problem themes and recurrence (docs/themes.md).

// themesRegion is the fixture's region (示例省示例市示例县样本镇0001).
const themesRegion = `[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
`

// themesTaxonomy is the fixture's data/themes.toml: theme names that no
// notice text holds, so that a search for one finds its findings by the
// theme alone.
const themesTaxonomy = `
-- data/themes.toml --
# 示例主题表
[[theme]]
key = "huofang"
name = "伙房后勤"
categories = ["后勤"]
words = ["食堂", "采购"]

[[theme]]
key = "renshi"
name = "人事任免专题"
words = ["干部"]
`

// themesRound1 is the township's first round; themesRound2 its second:
// its canteen finding repeats round 1's (similarity 0.56), its cadres
// finding does not (0.52, below the threshold), and its third matches no
// theme.
const themesRound1 = `
-- data/shili/shilishi/shilixian/zhen0001/2023-10-01.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2023-10-01
` + themesRegion + `[inspection]
body = "县委第二巡察组"
target = "样本镇0001党委"
start = 2023-03-01
[[findings]]
number = 1
title = "食堂内部管理存在漏洞"
problem = "镇食堂采购无台账，账实不符。"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
title = "干部选任程序不规范"
problem = "部分干部选任未经民主推荐。"
status = "done"
status_text = "已整改"
`

const themesRound2 = `
-- data/shili/shilishi/shilixian/zhen0001/2025-10-01.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2025-10-01
` + themesRegion + `[inspection]
body = "县委第三巡察组"
target = "样本镇0001党委"
start = 2025-03-01
[[findings]]
number = 1
title = "食堂管理仍存在漏洞"
problem = "镇食堂采购台账不全，账实不符问题仍未解决。"
status = "in_progress"
status_text = "正在整改"
[[findings]]
number = 2
title = "干部考察工作不规范"
problem = "部分干部考察未经民主推荐程序。"
status = "done"
status_text = "已整改"
[[findings]]
number = 3
title = "村务公开不及时"
problem = "部分村务公开栏内容陈旧。"
status = "done"
status_text = "已整改"
`

const (
	earlierCanteen = "/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/1/"
	earlierCadres  = "/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/2/"
	laterCanteen   = "/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/1/"
	laterCadres    = "/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/2/"
	laterOther     = "/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/3/"
)

var asOfThemes = time.Date(2026, 1, 12, 0, 0, 0, 0, model.ChinaTime)

func TestThemesAndRecurrence(t *testing.T) {
	s := buildFixture(t, themesTaxonomy+themesRound1+themesRound2+`
-- expect/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/1/ --
问题主题 伙房后勤 （本站归类：问题标题含“食堂”）
前一轮巡察的相似问题
与第1轮巡察（2023年3月1日进驻）的问题相似（相似度0.56）： （1）食堂内部管理存在漏洞 已整改
href="/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/1/"
! 后一轮巡察的相似问题
-- expect/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/1/ --
后一轮巡察的相似问题
第2轮巡察（2025年3月1日进驻）又指出相似问题（相似度0.56）： （1）食堂管理仍存在漏洞 整改中
href="/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/1/"
! 前一轮巡察的相似问题
-- expect/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/2/ --
问题主题 人事任免专题 （本站归类：问题标题含“干部”）
! 相似问题
-- expect/shili/shilishi/shilixian/zhen0001/findings/2023-03-01/2/ --
! 相似问题
-- expect/shili/shilishi/shilixian/zhen0001/findings/2025-03-01/3/ --
问题主题 其他（未归类） （本站归类：主题表的词未见于本问题的标题和文字）
-- expect/shili/shilishi/shilixian/zhen0001/ --
（1） 食堂管理仍存在漏洞 整改中 伙房后勤 与第1轮问题（1）相似
（2） 干部考察工作不规范 已整改 人事任免专题
（3） 村务公开不及时 已整改 其他（未归类）
-- expect/shili/shilishi/shilixian/themes/ --
示例县：问题主题
本站编辑的主题表（data/themes.toml）
<title id="themes-chart-title">各主题的问题数（绿色为已整改，橙色为未报告完成）：伙房后勤2个，人事任免专题2个，其他（未归类）1个</title>
伙房后勤 2 40.0% 1 1
-- expect/themes/ --
全站：问题主题
伙房后勤 2 40.0% 1 1
-- expect/recurrence/ --
全站：重复出现的问题
1个单位共有1个问题与前一轮巡察的问题相似。
示例省 1 1
-- expect/shili/recurrence/ --
示例市 1 1
`, asOfThemes)

	// Golden: the county's recurrence page (its main) and CSV, and the themes CSV.
	page := readFile(t, s.Dir, "/shili/shilishi/shilixian/recurrence/")
	main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
	goldenFile(t, "recurrence.html", main)
	goldenFile(t, "recurrence.csv", readFile(t, s.Dir, "/shili/shilishi/shilixian/recurrence/recurrence.csv"))
	goldenFile(t, "themes.csv", readFile(t, s.Dir, "/shili/shilishi/shilixian/themes/themes.csv"))
	assertSound(t, s.Dir, 10)

	// Search: a theme's name finds its findings, by the theme alone (no
	// notice text holds these names).
	x, err := search.Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"伙房后勤", []string{earlierCanteen, laterCanteen}},
		{"人事任免专题", []string{earlierCadres, laterCadres}},
		{"未归类", []string{laterOther}},
	} {
		res, err := x.Search(context.Background(), search.Request{Query: c.query, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.URL)
		}
		if strings.Join(sorted(got), " ") != strings.Join(sorted(c.want), " ") {
			t.Errorf("search %q: %v, want %v", c.query, got, c.want)
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestMalformedThemes: a malformed data/themes.toml stops the build with
// an error naming the file, the line and the field, in Chinese under a
// Chinese locale, and leaves no site.
func TestMalformedThemes(t *testing.T) {
	for _, c := range []struct {
		name, toml, en, zh string
	}{
		{"a key that is no slug", "[[theme]]\nname = \"伙房\"\nkey = \"伙房\"\nwords = [\"食堂\"]\n",
			"themes.toml:3:1: theme.key: \"伙房\" is not lower-case letters", "themes.toml:3:1: theme.key: \"伙房\" 只能由小写英文字母、数字和连字符组成"},
		{"words as a string", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = \"食堂\"\n",
			"themes.toml:4:1: theme.words: wrong kind of value", "themes.toml:4:1: theme.words: 值的类型不对"},
	} {
		data := filepath.Join(t.TempDir(), "data")
		for _, f := range txtar.Parse([]byte(themesRound1)).Files {
			writeData(t, filepath.Join(data, strings.TrimPrefix(f.Name, "data/")), string(f.Data))
		}
		writeData(t, filepath.Join(data, "themes.toml"), c.toml)
		out := filepath.Join(t.TempDir(), "public")
		_, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOfThemes})
		if err == nil {
			t.Fatalf("%s: the build succeeded", c.name)
		}
		p := filepath.Join(data, "themes.toml")
		if en := err.Error(); !strings.Contains(en, filepath.Dir(p)+string(filepath.Separator)+c.en) {
			t.Errorf("%s: %s, want %s", c.name, en, c.en)
		}
		zh := i18n.Localize(i18n.NewPrinter(true), err)
		var ce *CheckError // the check reports it as gongshi build prints it: problem by problem
		if errors.As(err, &ce) && len(ce.Problems) == 1 {
			zh = ce.Problems[0].Localize(i18n.NewPrinter(true))
		}
		if !strings.Contains(zh, c.zh) {
			t.Errorf("%s: in Chinese %s, want %s", c.name, zh, c.zh)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: a site was published", c.name)
		}
	}
}

// TestRecurrenceIncremental: a later round's notice changes the earlier
// finding's page (its link to the later one); an in-place build renders
// the unit again and gives the full build's tree.
func TestRecurrenceIncremental(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	add := func(archive string) {
		for _, f := range txtar.Parse([]byte(archive)).Files {
			writeData(t, filepath.Join(data, strings.TrimPrefix(f.Name, "data/")), string(f.Data))
		}
	}
	add(themesRound1)
	out := filepath.Join(t.TempDir(), "public")
	build := func() Summary {
		t.Helper()
		sum, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOfThemes, Log: &logWriter{t: t}})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	build()
	if strings.Contains(readFile(t, out, earlierCanteen), "后一轮巡察的相似问题") {
		t.Fatal("one round, yet a recurrence")
	}
	full := func() string {
		t.Helper()
		o := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: o, Now: asOfThemes, NoCache: true}); err != nil {
			t.Fatal(err)
		}
		return o
	}
	for _, step := range []struct {
		name   string
		change func()
		recurs bool
	}{
		{"a later round", func() { add(themesRound2) }, true},
		{"a custom taxonomy", func() { add(themesTaxonomy) }, true},
		{"the later round withdrawn", func() {
			if err := os.Remove(filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2025-10-01.toml")); err != nil {
				t.Fatal(err)
			}
		}, false},
	} {
		step.change()
		if sum := build(); !sum.Incremental {
			t.Errorf("%s: not an in-place build", step.name)
		}
		if got := strings.Contains(readFile(t, out, earlierCanteen), laterCanteen); got != step.recurs {
			t.Errorf("%s: the earlier finding links the later: %v, want %v", step.name, got, step.recurs)
		}
		sameTrees(t, step.name+": incremental vs full", full(), out)
	}
}
