package importcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
)

// statusRow is a row of the report's status and stated tables: a key of
// the data file (done, problems) and a number, data in both languages.
var statusRow = regexp.MustCompile(`^\s+[a-z_]+\s+\d+(\s+\(.*\))?$|^\s+(rate|money)\s+\S+$`)

// TestReportInChinese: the import report printed with a Chinese printer
// has no English sentence, word or unit in it (the format, the encoding,
// the count of lines, the role names, the region's sources, the reading),
// data excepted: the file's name, the notice's own words, slugs, the keys
// of the data file named beside their Chinese, and the status table's
// keys. Its English is as before.
func TestReportInChinese(t *testing.T) {
	dir, seed := site(t)
	table := filepath.Join(dir, "table.html")
	os.WriteFile(table, []byte(`<html><body><article><h1>中共示例县样本乡委员会关于巡察整改情况的通报</h1>
<p>2024年2月20日，县委巡察组向样本乡党委反馈了巡察意见，反馈问题2个，已完成整改1个，正在整改1个。</p>
<table><tr><th>序号</th><th>存在问题</th><th>整改措施</th><th>整改情况</th></tr>
<tr><td>1</td><td>示例问题一</td><td>建立示例制度</td><td>已完成</td></tr>
<tr><td>2</td><td>示例问题二</td><td>开展示例培训</td><td>正在整改</td></tr></table>
<p>中共示例县样本乡委员会</p><p>2024年8月30日</p></article></body></html>`), 0o644)
	unplaced := filepath.Join(dir, "n.txt")
	os.WriteFile(unplaced, []byte("中共示例镇委员会关于巡察整改情况的通报\n2024年3月15日至6月12日,县委第一巡察组对示例镇党委进行了巡察。\n二、巡察反馈问题的整改情况\n(一)党建\n无主之句。\n1.学习\n(1)题。问题。\n整改情况:已整改。\n中共示例镇委员会\n2024年12月2日\n(完)\n"), 0o644)

	// The keys of the data file beside their Chinese (标题 title): the
	// report's own rows, as the catalog gives them.
	data := []string{dir}
	for _, k := range notice.UnitKinds {
		data = append(data, "（"+string(k)+"，") // the unit's kind beside its label: 郊尾镇（township，乡镇（街道））
	}
	keyRow := regexp.MustCompile(`^\s*[a-z_ ]+\t`)
	for _, e := range i18n.Catalog {
		if keyRow.MatchString(e.En) {
			zh, _, _ := strings.Cut(e.Zh, "\t")
			data = append(data, strings.TrimSpace(zh))
		}
	}
	for _, tc := range []struct {
		file, region string
		want         []string // in the Chinese
	}{
		{seed, region, []string{"（纯文本，UTF-8，", " 行）", "问题整改", "乡镇", "拼音", "采用的读法"}},
		{table, "福建省/示例市/示例县/样本乡", []string{"HTML 网页", "问题是问题表格的各行"}},
		{unplaced, "示例省/示例市/示例县/示例镇", []string{"未归位的行", "无主之句。"}},
	} {
		var slugs []string
		for _, name := range strings.Split(tc.region, "/") {
			slugs = append(slugs, importer.Slug(name))
		}
		args := func() []string {
			return []string{tc.file, "--region", tc.region, "--data", filepath.Join(t.TempDir(), "data"), "--config", filepath.Join(dir, "none.toml")}
		}
		var en, zh bytes.Buffer
		if err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &en, Err: &en}, args()); err != nil {
			t.Fatalf("%s: %v\n%s", tc.file, err, en.String())
		}
		if err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &zh, Err: &zh, P: i18n.NewPrinter(true)}, args()); err != nil {
			t.Fatalf("%s: %v\n%s", tc.file, err, zh.String())
		}
		if !strings.Contains(en.String(), "stated totals (the notice's own figures)") {
			t.Errorf("%s: the English report is not English:\n%s", tc.file, en.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(zh.String(), w) {
				t.Errorf("%s: the Chinese report does not say %q:\n%s", tc.file, w, zh.String())
			}
		}
		for _, line := range strings.Split(zh.String(), "\n") {
			if statusRow.MatchString(line) {
				continue
			}
			if w := i18ntest.English(line, append(append(data, slugs...), tc.file)...); len(w) > 0 {
				t.Errorf("%s: English %q in the Chinese report's line\n%s", filepath.Base(tc.file), w, line)
			}
		}
	}
}
