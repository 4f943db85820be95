package importcmd

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// parseArgs is the Options a command line gives (runF captures them;
// nothing is imported), without the streams and context.
func parseArgs(args []string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdImport, args...)
	if o != nil {
		o.IO, o.Ctx = cli.IO{}, nil
	}
	return o, err
}

// The parse half: arguments → Options.
func TestNewCmd(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want *Options
		code int
	}{
		{"one file", []string{"a.txt"}, &Options{Files: []string{"a.txt"}, DataDir: "data", ConfigPath: "config.toml"}, 0},
		{"flags after files", []string{"a.txt", "dir", "--region", "示例省/示例市/示例县", "--unit", "示例县文旅局", "--unit-kind", "department", "--unit-slug", "wenlvju", "--json"},
			&Options{Files: []string{"a.txt", "dir"}, Region: "示例省/示例市/示例县", Unit: "示例县文旅局", UnitKind: "department", UnitSlug: "wenlvju", DataDir: "data", ConfigPath: "config.toml", JSON: true}, 0},
		{"flags between files", []string{"a.txt", "--region", "示例省/示例市/示例县", "b.txt", "--title", "示例通报", "--accept-mismatch", "c.txt"},
			&Options{Files: []string{"a.txt", "b.txt", "c.txt"}, Region: "示例省/示例市/示例县", Title: "示例通报", AcceptMismatch: true, DataDir: "data", ConfigPath: "config.toml"}, 0},
		{"no file", nil, nil, 2},
		{"-- ends the flags", []string{"a.txt", "--", "--json"}, &Options{Files: []string{"a.txt", "--json"}, DataDir: "data", ConfigPath: "config.toml"}, 0},
		{"one dash, as flag took", []string{"-force", "a.txt", "-data=d"}, &Options{Files: []string{"a.txt"}, DataDir: "d", ConfigPath: "config.toml", Force: true}, 0},
		{"a value that starts with a dash", []string{"a.txt", "--title", "-x-"}, &Options{Files: []string{"a.txt"}, Title: "-x-", DataDir: "data", ConfigPath: "config.toml"}, 0},
		{"help", []string{"-h"}, nil, 0},
		{"unknown flag", []string{"a.txt", "--nope"}, nil, 2},
		{"flag without its value", []string{"a.txt", "--region"}, nil, 2},
		{"bad kind", []string{"a.txt", "--unit-kind", "province"}, nil, 2},
		{"bad slug", []string{"a.txt", "--unit-slug", "-x"}, nil, 2},
		{"region too deep", []string{"a.txt", "--region", "a/b/c/d/e"}, nil, 2},
		{"bad url", []string{"a.txt", "--source-url", "ftp://x"}, nil, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseArgs(c.args)
			if cli.Code(err) != c.code {
				t.Fatalf("err %v (code %d), want code %d", err, cli.Code(err), c.code)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("options %+v, want %+v", got, c.want)
			}
		})
	}
}

const deptNotice = `中共示例县文旅局党组关于巡察整改情况的通报
根据县委统一部署,2024年3月15日至6月12日,县委第一巡察组对示例县文旅局党组进行了巡察。2024年8月13日,县委巡察组反馈了巡察意见。巡察反馈3个问题,已完成整改2个、正在整改1个。
(一)在“示例方面”方面
1.关于“示例问题一”问题的整改。
整改情况:已完成整改。建立示例制度。
2.关于“示例问题二”问题的整改。
整改情况:已完成整改。开展示例培训。
(二)在“示例方面二”方面
1.关于“示例问题三”问题的整改。
整改情况:正在整改。持续推进。
中共示例县文旅局党组
2024年9月1日
`

const summaryNotice = `示例县关于巡察整改进展情况的通报
根据县委统一安排部署,2021年11月8日至12月20日,县委组建4个巡察组对示例县民政局等40家单位开展常规巡察。2022年1月27日,县委4个巡察组向40家被巡察单位党组织全面反馈巡察情况。
截止目前,巡察反馈的697个问题,完成整改688个,基本完成取得阶段性成果并持续整改问题4个,未完成5个,总体完成率98.71%。
中共示例县委巡察工作领导小组办公室
2023年1月20日
`

// A county department: the region stops at the county, the unit comes
// from the text, numbering restarts in each category.
func TestDepartmentNotice(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dept.txt")
	os.WriteFile(p, []byte(deptNotice), 0o644)
	data := filepath.Join(dir, "data")
	out, errOut, err := runArgs(t, p, "--region", "示例省/示例市/示例县", "--data", data, "--config", filepath.Join(dir, "none.toml"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	path := filepath.Join(data, "shili", "shili", "shili", "shilixianwenlvju", "2024-09-01.toml")
	f, err := store.Decode(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	n := f.Notice
	if n.Unit != (notice.Unit{Kind: notice.UnitDepartment, Name: "示例县文旅局", Slug: "shilixianwenlvju"}) || n.Region.Township != "" {
		t.Errorf("unit %+v region %+v", n.Unit, n.Region)
	}
	if len(n.Findings) != 3 || n.Findings[2].Label != "1." || n.Findings[2].Number != 3 || n.Findings[2].CategoryNo != 2 {
		t.Errorf("findings %+v", n.Findings)
	}
	for _, s := range []string{"unit        示例县文旅局 (department, 部门单位), slug shilixianwenlvju  from preamble", "agrees with the findings read", "labels kept"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
}

// A summary over several units: stated totals, no findings.
func TestSummaryNotice(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "summary.txt")
	os.WriteFile(p, []byte(summaryNotice), 0o644)
	data := filepath.Join(dir, "data")
	if _, errOut, err := runArgs(t, p, "--region", "示例省/示例市/示例县", "--unit", "示例县", "--data", data); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	f, err := store.Decode(filepath.Join(data, "shili", "shili", "shili", "2023-01-20.toml"))
	if err != nil {
		t.Fatal(err)
	}
	n := f.Notice
	if n.Unit.Kind != notice.UnitRegion || n.Unit.Name != "示例县" || len(n.Findings) != 0 || *n.Stated.Problems != 697 || *n.Stated.Units != 40 {
		t.Errorf("unit %+v findings %d stated %+v", n.Unit, len(n.Findings), n.Stated)
	}
}

// Several files at once: a line each, a total, going on past a failure.
func TestBulk(t *testing.T) {
	dir, seed := site(t)
	in := filepath.Join(dir, "in")
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	os.WriteFile(filepath.Join(in, "a-dept.txt"), []byte(deptNotice), 0o644)
	os.WriteFile(filepath.Join(in, "sub", "b-junk.txt"), []byte("今天天气很好。\n"), 0o644)
	os.WriteFile(filepath.Join(in, "c-cut.txt"), []byte(strings.Replace(deptNotice, "巡察反馈3个问题", "巡察反馈9个问题", 1)), 0o644)
	os.WriteFile(filepath.Join(in, ".hidden.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(in, "notes.md"), []byte("x"), 0o644)
	data := filepath.Join(dir, "data")

	out, _, err := runArgs(t, in, "--region", "示例省/示例市/示例县", "--data", data, "--json")
	if cli.Code(err) != 1 {
		t.Fatalf("err %v, want exit 1", err)
	}
	var rep BulkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	// c-cut states 9 problems and 3 are read (33 %, outside 90–110 %): it
	// fails, and the report still shows its reading.
	if len(rep.Files) != 3 || rep.Imported != 1 || rep.Failed != 2 || rep.Findings != 3 {
		t.Fatalf("report %+v", rep)
	}
	if f := rep.Files[1]; *f.Stated != 9 || f.Findings != 3 || len(f.Disagreements) != 1 || f.Disagreements[0] != "stated.problems: the notice states 9 problems, 3 read" ||
		!strings.Contains(f.Error, "--accept-mismatch") {
		t.Errorf("c-cut: %+v", f)
	}
	if f := rep.Files[2]; !strings.Contains(f.Error, "no recognisable notice") {
		t.Errorf("b-junk: %+v", f)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("--json wrote %s", data)
	}

	// Written, with the seed (a township) beside the department.
	os.Remove(filepath.Join(in, "c-cut.txt"))
	out, _, err = runArgs(t, filepath.Join(in, "a-dept.txt"), seed, "--region", "福建省/莆田市/仙游县", "--data", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, s := range []string{"a-dept.txt", "示例县文旅局 (department)", "done 2, in_progress 1", "3 = 3",
		"郊尾镇 (township)", "done 56, in_progress 3", "total: 2 files, 2 imported, 0 failed; 62 findings (done 58, in_progress 4)"} {
		if !strings.Contains(out, s) {
			t.Errorf("report lacks %q:\n%s", s, out)
		}
	}
	for _, p := range []string{"fujian/putian/xianyou/shilixianwenlvju/2024-09-01.toml", "fujian/putian/xianyou/jiaowei/2024-12-02.toml"} {
		if _, err := os.Stat(filepath.Join(data, p)); err != nil {
			t.Error(err)
		}
	}
}

// The bundled notice imports to the repository's data file byte for byte,
// but for what an editor adds after the import: the tables of masks,
// revisions and withdrawal, which stand at the end of the file.
func TestSeedImportsToTheDataFile(t *testing.T) {
	repo, err := os.ReadFile("../../../data/fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	edited := string(repo)
	for _, table := range []string{"\n[[redact]]", "\n[[revisions]]", "\n[withdrawn]"} {
		if i := strings.Index(edited, table); i >= 0 {
			edited = edited[:i]
		}
	}
	f, err := store.Decode("../../../data/fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir, seed := site(t)
	data := filepath.Join(dir, "data")
	if _, errOut, err := runArgs(t, seed, "--region", region, "--data", data, "--source-url", f.Notice.SourceURL, "--config", filepath.Join(dir, "none.toml")); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	got, err := os.ReadFile(filepath.Join(data, "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != strings.TrimRight(edited, "\n")+"\n" {
		t.Errorf("the import differs from data/…/2024-12-02.toml (less its editorial tables)")
	}
}

// The CLI's side of the import use case's refusals: a notice without a
// title is refused (exit 1, nothing written, the report asks for --title)
// and imports with --title; a notice whose findings read are outside
// 90–110 % of its stated count is refused (exit 1, also under --json,
// which still prints the reading) unless --accept-mismatch is given.
func TestRefusals(t *testing.T) {
	dir, seed := site(t)
	b, _ := os.ReadFile(seed)
	title := "中共郊尾镇委员会关于巡察整改进展情况的通报"
	untitled := filepath.Join(dir, "seeds", "untitled.txt")
	os.WriteFile(untitled, []byte(strings.Replace(string(b), title+"\n", "", 1)), 0o644)
	cut := filepath.Join(dir, "seeds", "cut.txt")
	os.WriteFile(cut, []byte(strings.Replace(deptNotice, "巡察反馈3个问题", "巡察反馈9个问题", 1)), 0o644)
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		want   string // in the error, or in the report when it is written
		stdout string // in stdout
		file   string // written, under data/
	}{
		{"no title", []string{untitled, "--region", region}, 1, "give --title TITLE; nothing written", "", ""},
		{"no title, --json", []string{untitled, "--region", region, "--json"}, 0, "", `"title": ""`, ""},
		{"--title", []string{untitled, "--region", region, "--title", title}, 0, "", "wrote  ", "fujian/putian/xianyou/jiaowei/2024-12-02.toml"},
		{"mismatch", []string{cut, "--region", "示例省/示例市/示例县"}, 1, "the notice states 9 problems but 3 were read (33%, outside 90–110%)", "", ""},
		{"mismatch, --json", []string{cut, "--region", "示例省/示例市/示例县", "--json"}, 1, "", `"findings": [`, ""},
		{"mismatch accepted", []string{cut, "--region", "示例省/示例市/示例县", "--accept-mismatch"}, 0, "",
			"3 of 9 stated problems read (33%): outside 90–110%, written because --accept-mismatch was given", "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			out, errOut, err := runArgs(t, append(c.args, "--data", data, "--config", filepath.Join(dir, "none.toml"))...)
			if cli.Code(err) != c.code || (c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want))) {
				t.Fatalf("err %v (code %d), want code %d and %q\n%s", err, cli.Code(err), c.code, c.want, errOut)
			}
			if !strings.Contains(out, c.stdout) {
				t.Errorf("stdout lacks %q:\n%.2000s", c.stdout, out)
			}
			files, _ := store.Files(data)
			switch {
			case c.file == "" && len(files) != 0:
				t.Errorf("wrote %v", files)
			case c.file != "" && (len(files) != 1 || files[0] != filepath.Join(data, filepath.FromSlash(c.file))):
				t.Errorf("wrote %v, want %s", files, c.file)
			}
		})
	}
}

// A bulk import parses ahead in parallel but places and writes in the
// files' order: a later notice in the same folder finds the first one,
// written a moment before, and takes its finding numbers.
func TestBulkKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "1-first.txt"), []byte(deptNotice), 0o644)
	os.WriteFile(filepath.Join(in, "2-later.txt"), []byte(strings.NewReplacer(
		"巡察反馈3个问题,已完成整改2个、正在整改1个。", "",
		"(一)在“示例方面”方面\n1.关于“示例问题一”问题的整改。\n整改情况:已完成整改。建立示例制度。\n2.关于“示例问题二”问题的整改。\n整改情况:已完成整改。开展示例培训。\n", "",
		"整改情况:正在整改。持续推进。", "整改情况:已完成整改。已全部完成。",
		"2024年9月1日", "2025年3月1日").Replace(deptNotice)), 0o644)
	for i := 3; i <= 9; i++ { // more files than the parsers run ahead
		os.WriteFile(filepath.Join(in, fmt.Sprintf("%d-junk.txt", i)), []byte("今天天气很好。\n"), 0o644)
	}
	data := filepath.Join(dir, "data")
	out, _, err := runArgs(t, in, "--region", "示例省/示例市/示例县", "--data", data)
	if cli.Code(err) != 1 || !strings.Contains(out, "total: 9 files, 2 imported, 7 failed") {
		t.Fatalf("%v\n%s", err, out)
	}
	f, err := store.Decode(filepath.Join(data, "shili", "shili", "shili", "shilixianwenlvju", "2025-03-01.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Notice.Findings) != 1 || f.Notice.Findings[0].Number != 3 {
		t.Errorf("the later notice's findings %+v, want number 3 (the first notice's)", f.Notice.Findings)
	}
	if i, j := strings.Index(out, "1-first.txt"), strings.Index(out, "2-later.txt"); i < 0 || j < i {
		t.Errorf("report out of order:\n%s", out)
	}
}

// Stated counts by status are not confirmed while some findings state no
// status: the report says so rather than that they agree.
func TestStatedCountsUnconfirmed(t *testing.T) {
	for _, c := range []struct {
		name, status2, want, not string
	}{
		{"every status read", "整改情况：已整改。", "agrees with the findings read\n", "not confirmed"},
		{"one finding states none", "整改措施：开展排查。", "1 of them state no status, so the counts by status are not confirmed", "DISAGREES"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "n.txt")
			src := "示例县样本乡关于巡察整改进展情况的通报\n2024年3月11日至5月10日，县委第四巡察组对样本乡党委进行了常规巡察。2024年6月20日，巡察组向样本乡党委反馈了巡察意见，指出2个问题，已完成整改2个。\n" +
				"1.学习不深入。学习流于形式。\n整改情况：已整改。\n2.研讨不够。研讨发言质量不高。\n" + c.status2 + "\n中共示例县样本乡委员会\n2024年12月10日\n"
			os.WriteFile(p, []byte(src), 0o644)
			out, errOut, err := runArgs(t, p, "--region", "示例省/示例市/示例县/样本乡", "--data", filepath.Join(dir, "data"), "--config", filepath.Join(dir, "none.toml"))
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			if !strings.Contains(out, c.want) || strings.Contains(out, c.not) {
				t.Errorf("report lacks %q or has %q:\n%s", c.want, c.not, out)
			}
		})
	}
}

// Labels that are not the running number (一 二 三 in a table's 序号) are
// said to be kept as printed, not to number again in each category.
func TestLabelsKeptAsPrinted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.html")
	row := func(l, s string) string {
		return "<tr><td>" + l + "</td><td>执行中央八项规定精神不严格，存在超标准接待。</td><td>修订接待制度。</td><td>" + s + "</td></tr>"
	}
	src := `<html><body><div id="zoom"><p>示例县样本乡党委关于巡察整改进展情况的通报</p>` +
		`<p>2024年3月，县委第一巡察组对样本乡党委开展了巡察，2024年5月20日反馈了巡察意见，共指出问题3个。</p>` +
		`<table><tr><th>序号</th><th>问题</th><th>整改措施</th><th>完成情况</th></tr>` + row("一", "已完成") + row("二", "已完成") + row("三", "正在推进") +
		`</table><p>中共示例县样本乡委员会</p><p>2024年11月5日</p></div></body></html>`
	os.WriteFile(p, []byte(src), 0o644)
	out, errOut, err := runArgs(t, p, "--region", "示例省/示例市/示例县/样本乡", "--data", filepath.Join(dir, "data"), "--config", filepath.Join(dir, "none.toml"))
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if want := "3 findings numbered 1–3 in order (their labels, from 一, kept as printed)"; !strings.Contains(out, want) || strings.Contains(out, "again in each category") {
		t.Errorf("report lacks %q:\n%s", want, out)
	}
}
