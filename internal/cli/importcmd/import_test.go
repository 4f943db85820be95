package importcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

const seedPath = "../../../seeds/000_e336554de99f7c35.txt"

// site makes a site folder in a temp dir with the seed copied into seeds/,
// and returns the folder and the seed's path in it.
func site(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	seed := filepath.Join(dir, "seeds", "000_e336554de99f7c35.txt")
	if err := os.MkdirAll(filepath.Dir(seed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seed, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, seed
}

func runArgs(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, args)
	return out.String(), errOut.String(), err
}

const region = "福建省/莆田市/仙游县/郊尾镇"

func TestJSON(t *testing.T) {
	dir, seed := site(t)
	data := filepath.Join(dir, "data")
	out, errOut, err := runArgs(t, seed, "--json", "--data", data, "--region", region, "--config", filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("--json wrote into %s", data)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%.200s", err, out)
	}
	for _, k := range []string{"title", "issuer", "kind", "signed", "published", "source", "original", "region", "inspection",
		"preamble", "headings", "organisation", "regulations", "findings", "accountability", "petitions", "outstanding", "next_plan", "signature"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON has no %q", k)
		}
	}
	findings := m["findings"].([]any)
	if len(findings) != 59 {
		t.Fatalf("%d findings", len(findings))
	}
	f := findings[20].(map[string]any)
	for _, k := range []string{"number", "category", "category_no", "group", "group_no", "title", "problem", "status", "status_text", "rectification", "measures", "amounts", "dates"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding has no %q", k)
		}
	}
	if f["number"] != 21.0 || f["status"] != "done" || !reflect.DeepEqual(f["amounts"], []any{map[string]any{"text": "3.85万元", "yuan": 38500.0}}) {
		t.Errorf("finding 21 = %v", f)
	}
	if m["original"] != "seeds/000_e336554de99f7c35.txt" || m["signed"] != "2024-12-02" {
		t.Errorf("original %v signed %v", m["original"], m["signed"])
	}
	if r := m["region"].(map[string]any); r["township_slug"] != "jiaowei" || r["province"] != "福建省" {
		t.Errorf("region = %v", r)
	}
	if strings.Contains(out, `\u003c`) || !strings.Contains(out, "《郊尾镇龙虎榜考核工作方案》") {
		t.Errorf("JSON escapes HTML or lost text")
	}
	if !strings.Contains(errOut, "wrote  nothing") || !strings.Contains(errOut, "59 findings") {
		t.Errorf("report on stderr:\n%s", errOut)
	}
	// the same keys as the TOML: decoding the JSON gives the parsed notice
	var n notice.Notice
	if err := json.Unmarshal([]byte(out), &n); err != nil || len(n.Findings) != 59 || n.Findings[58].Status != notice.StatusInProgress {
		t.Errorf("decode JSON into notice.Notice: %v", err)
	}
}

func TestWriteAndReport(t *testing.T) {
	dir, seed := site(t)
	data := filepath.Join(dir, "data")
	out, errOut, err := runArgs(t, seed, "--region", region, "--data", data, "--config", filepath.Join(dir, "none.toml"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	path := filepath.Join(data, "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml")
	f, err := store.Decode(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(seedPath)
	res, err := importer.Parse("seeds/000_e336554de99f7c35.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	want := *res.Notice
	want.Original = "seeds/000_e336554de99f7c35.txt"
	want.Region = notice.Region{Province: "福建省", ProvinceSlug: "fujian", City: "莆田市", CitySlug: "putian",
		County: "仙游县", CountySlug: "xianyou", Township: "郊尾镇", TownshipSlug: "jiaowei"}
	if !reflect.DeepEqual(*f.Notice, want) {
		g, _ := json.Marshal(f.Notice)
		w, _ := json.Marshal(want)
		t.Errorf("the data file does not decode to the parsed notice:\n got %.300s\nwant %.300s", g, w)
	}
	for _, s := range []string{
		"wrote  " + path,
		"59 findings numbered 1–59 in 3 categories, 18 groups",
		"intro yes + 3 points; 9 regulations",
		"6 people (处级干部 0, 科级干部 2; 政务立案 1, 责令检查 1, 诫勉谈话 2, 提醒谈话 2); petitions 16 transferred, 14 closed, 2 pending",
		"3 items → findings 4, 11, 59",
		"  done          56\n",
		"  in_progress    3  (4, 11, 59)\n",
		"  not_started    0\n",
		"county    仙游县  xianyou (pinyin)  flag, text (source, line 2) agrees",
		"township  郊尾镇  jiaowei (pinyin)  flag, text (signature, line 168) agrees",
		"  taken: findings numbered (1), 59 findings (score ",
		"    categories numbered (一)\n",
		"    groups numbered 1.\n",
		"  runner-up: findings numbered 1., 18 findings",
		"lines: 173 — 169 placed, 2 chrome, 2 blank, 0 unplaced",
		"line 2: 字体显示:【 大 中 小 】   [web chrome in the meta line]",
		"line 170: 附件:   [page furniture (附件)]",
		"warnings: 0",
		"unplaced (kept in the data file under [[unplaced]]): 0",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	// readable TOML: one array element a line
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "regulations = [\n  \"郊尾镇重点项目工作目标及科级领导挂钩项目分工安排表\",\n") {
		t.Errorf("regulations are not one a line:\n%.400s", raw)
	}
}

func TestRefusesToOverwrite(t *testing.T) {
	dir, seed := site(t)
	data := filepath.Join(dir, "data")
	if _, errOut, err := runArgs(t, seed, "--region", region, "--data", data); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	path := filepath.Join(data, "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml")
	if err := os.WriteFile(path, []byte("# edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runArgs(t, seed, "--region", region, "--data", data)
	if err == nil || cli.Code(err) == 0 || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("second import: %v (code %d), want a refusal naming %s", err, cli.Code(err), path)
	}
	if b, _ := os.ReadFile(path); string(b) != "# edited by hand\n" {
		t.Errorf("the file was changed")
	}
	if _, _, err := runArgs(t, seed, "--region", region, "--data", data, "--force"); err != nil {
		t.Fatalf("--force: %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "title = ") {
		t.Errorf("--force did not overwrite: %.40q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("leftover files next to the data file: %v", entries)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	junk := write("junk.txt", "今天天气很好，我们去公园散步。\n公园里有很多人。\n")
	empty := write("empty.txt", "")
	unsigned := write("unsigned.txt", "中共示例镇委员会关于巡察整改情况的通报\n二、巡察反馈问题的整改情况\n(一)党建\n(1)题。问题。\n整改情况:已整改。\n")
	data := filepath.Join(dir, "data")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"junk", []string{junk, "--region", region, "--data", data}, 1, junk + ": no recognisable notice"},
		{"empty", []string{empty, "--data", data}, 1, empty + ": no recognisable notice: the file has no text"},
		{"no signature", []string{unsigned, "--region", "示例省/示例市/示例县/示例镇", "--data", data}, 1, unsigned + ": no signature date"},
		{"missing file", []string{filepath.Join(dir, "nope.txt"), "--data", data}, 1, "nope.txt"},
		{"no region", []string{unsigned, "--data", data, "--config", filepath.Join(dir, "none.toml")}, 1, "the region's province, city, county are not known"},
		{"no file", []string{"--data", data}, 2, "give at least one FILE or FOLDER"},
		{"two bad files", []string{junk, empty, "--data", data}, 1, "2 of 2 files failed to import"},
		{"bad unit kind", []string{junk, "--unit-kind", "city"}, 2, `--unit-kind "city" is not one of`},
		{"bad unit slug", []string{junk, "--unit-slug", "Wen Lv"}, 2, `--unit-slug "Wen Lv" is not a slug`},
		{"bad flag", []string{junk, "--nope"}, 2, ""},
		{"bad source url", []string{junk, "--source-url", "javascript:alert(1)"}, 2, "is not an http(s) URL"},
		{"bad region flag", []string{unsigned, "--region", "a/b/c/d/e"}, 2, "at most 4"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := runArgs(t, c.args...)
			if err == nil || cli.Code(err) != c.code || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v (code %d), want code %d and %q", err, cli.Code(err), c.code, c.want)
			}
		})
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a failed import wrote into %s", data)
	}
}

func TestRegionFromConfig(t *testing.T) {
	dir, seed := site(t)
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, []byte("title = \"公示\"\n[params.publisher]\nname = \"仙游县纪委监委\"\nprovince = \"福建省\"\ncity = \"莆田市\"\ncounty = \"仙游县\"\n"), 0o644)
	out, errOut, err := runArgs(t, seed, "--data", filepath.Join(dir, "data"), "--config", cfg)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, s := range []string{
		"province  福建省  fujian (pinyin)   config (" + cfg + " [params.publisher])",
		"county    仙游县  xianyou (pinyin)  text (source, line 2)",
		"township  郊尾镇  jiaowei (pinyin)  text (signature, line 168)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml")); err != nil {
		t.Error(err)
	}
}

func TestSlugsAndSourceURL(t *testing.T) {
	dir, seed := site(t)
	out, _, err := runArgs(t, "--slugs", "fj/pt/xy/jw", seed, "--region", region, "--data", filepath.Join(dir, "data"),
		"--source-url", "https://example.org/xcgz/1.html")
	if err != nil {
		t.Fatal(err)
	}
	f, err := store.Decode(filepath.Join(dir, "data", "fj", "pt", "xy", "jw", "2024-12-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Notice.SourceURL != "https://example.org/xcgz/1.html" || f.Notice.Region.TownshipSlug != "jw" {
		t.Errorf("source_url %q region %+v", f.Notice.SourceURL, f.Notice.Region)
	}
	if !strings.Contains(out, "jw (flag)") {
		t.Errorf("report does not say the slug came from the flag:\n%s", out)
	}
}

func TestOriginalOutsideTheSite(t *testing.T) {
	dir, _ := site(t)
	abs, _ := filepath.Abs(seedPath)
	out, _, err := runArgs(t, abs, "--region", region, "--data", filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "is outside the site") || !strings.Contains(out, "original    (none)") {
		t.Errorf("report:\n%s", out)
	}
}

func TestUnplacedAreReported(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.txt")
	// The preamble names the inspection's start: check refuses a data file
	// without one, and the import never writes what check refuses.
	os.WriteFile(p, []byte("中共示例镇委员会关于巡察整改情况的通报\n2024年3月15日至6月12日,县委第一巡察组对示例镇党委进行了巡察。\n二、巡察反馈问题的整改情况\n(一)党建\n无主之句。\n1.学习\n(1)题。问题。\n整改情况:已整改。\n中共示例镇委员会\n2024年12月2日\n(完)\n"), 0o644)
	out, errOut, err := runArgs(t, p, "--region", "示例省/示例市/示例县/示例镇", "--data", filepath.Join(dir, "data"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, s := range []string{"unplaced (kept in the data file under [[unplaced]]): 2", p + ":5: 无主之句。", p + ":11: (完)"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	var n notice.Notice
	if _, err := toml.DecodeFile(filepath.Join(dir, "data", "shili", "shili", "shili", "shili", "2024-12-02.toml"), &n); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(n.Unplaced, []notice.Line{{Line: 5, Text: "无主之句。"}, {Line: 11, Text: "(完)"}}) {
		t.Errorf("unplaced in the data file: %v", n.Unplaced)
	}
}

// The report says where the findings came from: a findings table's rows
// are not a numbering level.
func TestReportTableReading(t *testing.T) {
	dir := t.TempDir()
	page := `<html><body><article><h1>中共示例县样本乡委员会关于巡察整改情况的通报</h1>
<p>2024年2月20日，县委巡察组向样本乡党委反馈了巡察意见，反馈问题2个，已完成整改1个，正在整改1个。</p>
<table><tr><th>序号</th><th>存在问题</th><th>整改措施</th><th>整改情况</th></tr>
<tr><td>1</td><td>示例问题一</td><td>建立示例制度</td><td>已完成</td></tr>
<tr><td>2</td><td>示例问题二</td><td>开展示例培训</td><td>正在整改</td></tr></table>
<p>中共示例县样本乡委员会</p><p>2024年8月30日</p></article></body></html>`
	p := filepath.Join(dir, "table.html")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runArgs(t, p, "--region", "福建省/示例市/示例县/样本乡", "--data", filepath.Join(dir, "data"), "--config", filepath.Join(dir, "none.toml"))
	if err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	if !strings.Contains(out, "  taken: findings are the rows of a findings table (2 rows)\n") {
		t.Errorf("the report does not say the findings are a table's rows:\n%s", out)
	}
}
