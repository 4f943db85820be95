package searchcmd

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

var site, trapSite string

func TestMain(m *testing.M) {
	build := func(c *notice.Corpus) string {
		dir, err := os.MkdirTemp("", "gongshi-searchcmd-")
		if err != nil {
			panic(err)
		}
		if _, err := search.BuildSite(context.Background(), c, dir, nil); err != nil {
			panic(err)
		}
		return dir
	}
	c, err := searchtest.Seed()
	if err != nil {
		panic(err)
	}
	site = build(c)
	trapSite = build(notice.NewCorpus([]*notice.Notice{trapNotice()}))
	code := m.Run()
	os.RemoveAll(site)
	os.RemoveAll(trapSite)
	os.Exit(code)
}

// trapNotice is a fictitious notice whose texts a spreadsheet would read
// as formulas.
func trapNotice() *notice.Notice {
	f := func(n int, title string) notice.Finding {
		return notice.Finding{Number: n, Category: "=类别", Group: "组", Title: title, Problem: "陷阱问题 " + title,
			Status: notice.StatusDone, StatusText: "已整改", Rectification: "已整改到位。"}
	}
	return &notice.Notice{
		Title: "虚构通报", Signed: "2024-05-06",
		Region: notice.Region{Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
			County: "示例县", CountySlug: "shilixian", Township: "@样本镇0001", TownshipSlug: "zhen0001"},
		Inspection: notice.Inspection{Start: "2023-01-02"},
		Findings: []notice.Finding{f(1, `=HYPERLINK("http://x","陷阱")`), f(2, "+1+2 陷阱"), f(3, "-3 陷阱"),
			f(4, "@SUM(A1) 陷阱"), f(5, "\t制表 陷阱"), f(6, "普通 陷阱")},
	}
}

func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
	return out.String(), errb.String(), err
}

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // in the first row after the header
	}{
		{[]string{"偷工减料", "--site", site}, "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/"},
		{[]string{"--site", site, "回填土"}, "/findings/2023-07-03/21/"},
		{[]string{"陵园", "--site", site, "--township", "郊尾镇", "--status", "done", "--year", "2024"}, "/findings/2023-07-03/28/"},
		{[]string{`"3.85万元"`, "--site=" + site}, "/findings/2023-07-03/21/"},
		{[]string{"陵园", "--site", site, "--unit-kind", "township", "--unit", "郊尾镇"}, "/findings/2023-07-03/28/"},
		{[]string{"陵园", "--site", site, "--unit", "fujian/putian/xianyou/jiaowei"}, "/findings/2023-07-03/28/"},
	} {
		out, errOut, err := run(t, tc.args...)
		if err != nil {
			t.Fatalf("%v: %v %s", tc.args, err, errOut)
		}
		lines := strings.Split(out, "\n")
		if len(lines) < 3 || !strings.HasPrefix(lines[0], "单位") || !strings.Contains(lines[1], tc.want) {
			t.Errorf("%v:\n%s", tc.args, out)
		}
		if !strings.Contains(lines[1], "仙游县郊尾镇") || !strings.Contains(lines[1], "2024-12-02") || !strings.Contains(lines[1], "已整改") {
			t.Errorf("%v: first row %q", tc.args, lines[1])
		}
	}
	out, _, err := run(t, "火星探测", "--site", site)
	if err != nil || !strings.Contains(out, "没有找到") {
		t.Errorf("no hits: %v %q", err, out)
	}
}

func TestJSON(t *testing.T) {
	out, _, err := run(t, "陵园", "--site", site, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total < 2 || res.Hits[0].Number != 28 || res.Hits[1].Number != 29 {
		t.Fatalf("%+v", res)
	}
	h := res.Hits[0]
	if h.Township != "郊尾镇" || h.Signed != "2024-12-02" || h.Status != "done" || h.Title != "招投标问题突出" ||
		h.URL != "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/28/" || h.Score <= 0 || !strings.Contains(h.Snippet, "<mark>陵园</mark>") {
		t.Errorf("%+v", h)
	}
}

func TestCSV(t *testing.T) {
	out, _, err := run(t, "偷工减料", "--site", site, "--csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(Columns, ",") {
		t.Errorf("header %v", recs[0])
	}
	r := recs[1]
	if r[5] != "郊尾镇" || r[6] != "2024-12-02" || r[7] != "30" || r[8] != "done" || r[9] != "工程偷工减料" ||
		r[10] != "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/" || r[12] != "郊尾镇" || r[13] != "township" {
		t.Errorf("row %v", r)
	}
}

func TestCSVGuardsFormulas(t *testing.T) {
	out, _, err := run(t, "陷阱", "--site", trapSite, "--csv", "--size", "10")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 7 {
		t.Fatalf("%d rows:\n%s", len(recs), out)
	}
	titles := map[string]bool{}
	for _, r := range recs[1:] {
		titles[r[9]] = true
		if r[5] != "'@样本镇0001" {
			t.Errorf("township cell %q not guarded", r[5])
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://x","陷阱")`, "'+1+2 陷阱", "'-3 陷阱", "'@SUM(A1) 陷阱", "'\t制表 陷阱", "普通 陷阱"} {
		if !titles[want] {
			t.Errorf("no title cell %q in %v", want, titles)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--site", site}, 2, ""},
		{[]string{"整改", "--site", site, "--json", "--csv"}, 2, "exclude"},
		{[]string{`"整改`, "--site", site}, 2, "query syntax"},
		{[]string{"整改", "--site", site, "--size", "500"}, 2, "size 500"},
		{[]string{"整改", "--site", site, "--status", "fixed"}, 2, "status"},
		{[]string{"整改", "--nope"}, 2, ""},
		{[]string{"/(.{0,50}){0,20}/", "--site", site}, 2, "too complex to run"},
		{[]string{"偷工减料~2", "--site", site}, 2, "does not apply to Chinese text"},
		{[]string{"整改", "--site", site, "--timeout", "1ns"}, 1, "longer than 1ns: narrow the query, or raise --timeout"},
		{[]string{"整改", "--site", site, "--timeout", "0s"}, 2, "positive duration"},
		{[]string{"整改", "--site", os.TempDir() + "/gongshi-no-such-site"}, 1, "gongshi build"},
	} {
		_, _, err := run(t, tc.args...)
		if cli.Code(err) != tc.code || (tc.msg != "" && !strings.Contains(err.Error(), tc.msg)) {
			t.Errorf("%v: exit %d (%v), want %d mentioning %q", tc.args, cli.Code(err), err, tc.code, tc.msg)
		}
	}
}
