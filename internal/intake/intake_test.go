package intake

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

const seedPath = "../../seeds/000_e336554de99f7c35.txt"

// deptNotice is a county department's notice (fictitious names) stating
// its count of problems; findings(n) makes one with n findings stating
// stated.
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

// findings is a department's notice with read findings that states
// stated problems.
func findings(read, stated int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "中共示例县文旅局党组关于巡察整改情况的通报\n根据县委统一部署,2024年3月15日至6月12日,县委第一巡察组对示例县文旅局党组进行了巡察。巡察反馈%d个问题。\n(一)在“示例方面”方面\n", stated)
	for i := 1; i <= read; i++ {
		fmt.Fprintf(&b, "%d.关于“示例问题%d”问题的整改。\n整改情况:已完成整改。建立示例制度%d。\n", i, i, i)
	}
	b.WriteString("中共示例县文旅局党组\n2024年9月1日\n")
	return b.String()
}

const deptRegion = "示例省/示例市/示例县"

func read(t *testing.T, req Request) *Result {
	t.Helper()
	res, err := Read(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Read places a notice and decides whether it may be written; Write writes
// exactly what was checked, or refuses with Refused's reason and writes
// nothing. Whatever is written, check accepts.
func TestReadAndWrite(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	title := "中共郊尾镇委员会关于巡察整改进展情况的通报"
	untitled := strings.Replace(string(seed), title+"\n", "", 1)
	if untitled == string(seed) {
		t.Fatal("the seed's title line not found")
	}
	for _, c := range []struct {
		name    string
		text    string
		req     Request
		refused string // in Refused's message; "" when it is written
		is      error  // Refused's kind
		path    string // the data file, under the data folder
	}{
		{name: "the seed", text: string(seed), req: Request{Region: "福建省/莆田市/仙游县/郊尾镇"},
			path: "fujian/putian/xianyou/jiaowei/2024-12-02.toml"},
		{name: "region from the text and the config's publisher", text: string(seed), req: Request{},
			path: "fujian/putian/xianyou/jiaowei/2024-12-02.toml"},
		{name: "no region", text: string(seed), req: Request{ConfigPath: "none.toml"}, refused: "the region's province, city are not known"},
		{name: "no title", text: untitled, req: Request{Region: "福建省/莆田市"},
			refused: "no title found (a line like …关于…情况的通报 before 一、): give --title TITLE", is: ErrRefused},
		{name: "no title, --title", text: untitled, req: Request{Region: "福建省/莆田市", Title: title},
			path: "fujian/putian/xianyou/jiaowei/2024-12-02.toml"},
		{name: "a department", text: deptNotice, req: Request{Region: deptRegion},
			path: "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
		{name: "only the feedback date: it identifies the inspection", text: strings.Replace(deptNotice, "根据县委统一部署,2024年3月15日至6月12日,县委第一巡察组对示例县文旅局党组进行了巡察。", "", 1),
			req: Request{Region: deptRegion}, path: "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
		{name: "no signature date", text: strings.Replace(deptNotice, "2024年9月1日\n", "", 1), req: Request{Region: deptRegion},
			refused: "no signature date"},
		{name: "stated 10, 10 read", text: findings(10, 10), req: Request{Region: deptRegion}, path: "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
		{name: "stated 11, 10 read: 90 %, a warning", text: findings(10, 11), req: Request{Region: deptRegion}, path: "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
		{name: "stated 9, 10 read: 111 %", text: findings(10, 9), req: Request{Region: deptRegion},
			refused: "the notice states 9 problems but 10 were read (111%, outside 90–110%)", is: ErrMismatch},
		{name: "stated 12, 10 read: 83 %", text: findings(10, 12), req: Request{Region: deptRegion},
			refused: "the notice states 12 problems but 10 were read (83%, outside 90–110%)", is: ErrMismatch},
		{name: "stated 9, 3 read", text: strings.Replace(deptNotice, "巡察反馈3个问题", "巡察反馈9个问题", 1), req: Request{Region: deptRegion},
			refused: "give --accept-mismatch to write it anyway", is: ErrMismatch},
		{name: "stated 9, 3 read, accepted", text: strings.Replace(deptNotice, "巡察反馈3个问题", "巡察反馈9个问题", 1), req: Request{Region: deptRegion, AcceptMismatch: true},
			path: "shili/shili/shili/shilixianwenlvju/2024-09-01.toml"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			data := filepath.Join(dir, "data")
			cfg := filepath.Join(dir, "config.toml")
			os.WriteFile(cfg, []byte("[params.publisher]\nprovince = \"福建省\"\ncity = \"莆田市\"\n"), 0o644)
			req := c.req
			req.Name, req.Data, req.DataDir = "n.txt", []byte(c.text), data
			if req.ConfigPath == "" {
				req.ConfigPath = cfg
				req.Publisher = publisher(t, cfg)
			}
			res := read(t, req)
			err := res.Write()
			switch {
			case c.refused == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
				t.Fatalf("Write: %v, want a refusal saying %q", err, c.refused)
			case c.is != nil && !errors.Is(err, c.is):
				t.Errorf("Write: %v, want %v", err, c.is)
			}
			if c.refused != "" {
				if files, _ := store.Files(data); len(files) != 0 {
					t.Errorf("a refused notice wrote %v", files)
				}
				return
			}
			if want := filepath.Join(data, filepath.FromSlash(c.path)); res.Wrote != want {
				t.Errorf("wrote %q, want %q", res.Wrote, want)
			}
			if b, _ := os.ReadFile(res.Wrote); string(b) != string(res.Encoded) {
				t.Errorf("the file written is not the file checked")
			}
			if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
				t.Errorf("check refuses what the import wrote: %v %v", err, probs)
			}
		})
	}
}

func publisher(t *testing.T, cfg string) *importer.Publisher {
	t.Helper()
	p, err := importer.LoadPublisher(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A later notice on the same inspection that numbers again in each
// category and lists only what it updates: its findings take the first
// notice's numbers (matched by category, group and printed number), and
// its stated total is compared with the findings as they stand after it
// (its own and the first notice's), so it is written.
func TestLaterNoticeMatchesRestartedNumbers(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	req := Request{Region: deptRegion, DataDir: data}
	first := req
	first.Name, first.Data = "first.txt", []byte(deptNotice)
	if err := read(t, first).Write(); err != nil {
		t.Fatal(err)
	}
	later := req
	later.Name = "later.txt"
	later.Data = []byte(strings.NewReplacer(
		"巡察反馈3个问题,已完成整改2个、正在整改1个。", "巡察反馈3个问题,已完成整改3个。",
		"(一)在“示例方面”方面\n1.关于“示例问题一”问题的整改。\n整改情况:已完成整改。建立示例制度。\n2.关于“示例问题二”问题的整改。\n整改情况:已完成整改。开展示例培训。\n", "",
		"整改情况:正在整改。持续推进。", "整改情况:已完成整改。已全部完成。",
		"2024年9月1日", "2025年3月1日").Replace(deptNotice))
	res := read(t, later)
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	n := res.Notice
	if len(n.Findings) != 1 || n.Findings[0].Number != 3 || n.Findings[0].Status != notice.StatusDone {
		t.Errorf("findings %+v", n.Findings)
	}
	if res.Totals == nil || *res.Totals != (Totals{Stated: 3, Read: 3, Earlier: 2}) {
		t.Errorf("totals %+v", res.Totals)
	}
	if !strings.Contains(fmt.Sprint(res.Notes), "numbering: 1 findings matched to the first notice on this inspection (signed 2024-09-01)") {
		t.Errorf("notes: %q", res.Notes)
	}
}

// Totals.Outside is the 90–110 % rule, in whole numbers.
func TestTotalsOutside(t *testing.T) {
	for _, c := range []struct {
		stated, read int
		outside      bool
	}{
		{10, 9, false}, {10, 11, false}, {10, 8, true}, {10, 12, true}, {59, 3, true}, {59, 59, false},
		{20, 18, false}, {20, 17, true}, {20, 22, false}, {20, 23, true}, {1, 0, true}, {0, 1, true},
	} {
		if got := (Totals{Stated: c.stated, Read: c.read}).Outside(); got != c.outside {
			t.Errorf("stated %d, read %d: Outside %v", c.stated, c.read, got)
		}
	}
}

// Check refuses a malformed request before any document is read, with a
// *FlagError (the CLI's exit status 2), and Read does too.
func TestRequestCheck(t *testing.T) {
	for _, c := range []struct {
		req  Request
		want string
	}{
		{Request{}, ""},
		{Request{SourceURL: "https://example.org/n.html", UnitKind: "department", UnitSlug: "wenlvju", Region: "a/b/c/d"}, ""},
		{Request{SourceURL: "javascript:alert(1)"}, `--source-url "javascript:alert(1)" is not an http(s) URL`},
		{Request{UnitKind: "city"}, `--unit-kind "city" is not one of`},
		{Request{UnitSlug: "Wen Lv"}, `--unit-slug "Wen Lv" is not a slug`},
		{Request{Region: "a/b/c/d/e"}, `--region "a/b/c/d/e" has 5 parts`},
	} {
		err := c.req.Check()
		var fe *FlagError
		if (c.want == "") != (err == nil) || (err != nil && (!errors.As(err, &fe) || !strings.Contains(err.Error(), c.want))) {
			t.Errorf("%+v: %v, want %q", c.req, err, c.want)
		}
		if c.want != "" {
			c.req.Name, c.req.Data = "n.txt", []byte(deptNotice)
			if _, err := Read(context.Background(), c.req); !errors.As(err, &fe) {
				t.Errorf("Read %+v: %v, want a FlagError", c.req, err)
			}
		}
	}
}

// A later notice that names each finding by its number in the first notice
// (巡察反馈第N个问题) lists only what it reports on: fewer findings than the
// problems stated are not a mismatch, and the first notice's numbers are
// kept (never renumbered by the earlier-notice matching). More findings
// than stated still are.
func TestReferencesNotice(t *testing.T) {
	later := func(stated int, refs ...int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "中共示例县文旅局党组关于巡察整改进展情况的通报\n根据县委统一部署,2024年3月15日至6月12日,县委第一巡察组对示例县文旅局党组进行了巡察。2024年8月13日,县委巡察组反馈了巡察意见,共反馈%d个问题。现将尚未完成整改问题的进展通报如下。\n", stated)
		for _, n := range refs {
			fmt.Fprintf(&b, "巡察反馈第%d个问题:示例问题%d。\n整改进展:已完成。建立示例制度%d。\n", n, n, n)
		}
		b.WriteString("中共示例县文旅局党组\n2025年3月1日\n")
		return b.String()
	}
	for _, c := range []struct {
		name    string
		text    string
		numbers []int
		refused error
	}{
		{"3 of 12 named by number", later(12, 4, 7, 11), []int{4, 7, 11}, nil},
		{"more named than stated", later(2, 1, 2, 3), []int{1, 2, 3}, ErrMismatch},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Read(context.Background(), Request{Name: "later.txt", Data: []byte(c.text), Region: deptRegion, DataDir: t.TempDir(), ConfigPath: "none.toml"})
			if err != nil {
				t.Fatal(err)
			}
			if !r.Parse.References {
				t.Fatalf("References = false; the findings name the first notice's numbers")
			}
			var got []int
			for _, f := range r.Notice.Findings {
				got = append(got, f.Number)
			}
			if fmt.Sprint(got) != fmt.Sprint(c.numbers) {
				t.Errorf("numbers %v, want %v", got, c.numbers)
			}
			if err := r.Refused(); !errors.Is(err, c.refused) {
				t.Errorf("Refused() = %v, want %v", err, c.refused)
			}
		})
	}
}

// A notice that cannot be placed (here: no signature date) still has its
// findings compared with the problems it states, for the report: an
// opening cut off after one finding says 1 of 3, never "states none".
func TestTotalsOfAnUnplacedNotice(t *testing.T) {
	text := strings.Replace(deptNotice, "2024年9月1日\n", "", 1)
	r, err := Read(context.Background(), Request{Name: "cut.txt", Data: []byte(text), Region: deptRegion, DataDir: t.TempDir(), ConfigPath: "none.toml"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Unplaceable == nil {
		t.Fatal("placed without a signature date")
	}
	if r.Totals == nil || r.Totals.Stated != 3 || r.Totals.Read != 3 {
		t.Errorf("Totals = %+v, want 3 stated, 3 read", r.Totals)
	}
}

// The import use case's refusals are messages built in the reader's
// language: under a Chinese printer they print in Chinese, with the
// document's name kept (the CLI and the review page print them as they
// are, never translated back).
func TestRefusalsInChinese(t *testing.T) {
	zh := i18n.NewPrinter(true)
	noDate := strings.Replace(deptNotice, "2024年9月1日\n", "", 1)
	for _, c := range []struct {
		name string
		err  func(t *testing.T) error
		want string
	}{
		{"no signature date", func(t *testing.T) error {
			r := read(t, Request{Name: "cut.txt", Data: []byte(noDate), Region: deptRegion, DataDir: t.TempDir(), ConfigPath: "none.toml"})
			return r.Unplaceable
		}, "cut.txt：没有落款日期"},
		{"unit kind", func(t *testing.T) error { return Request{UnitKind: "city"}.Check() }, "--unit-kind"},
		{"region parts", func(t *testing.T) error { return Request{Region: "a/b/c/d/e"}.Check() }, "--region"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.err(t)
			if err == nil {
				t.Fatal("no refusal")
			}
			got := i18n.Localize(zh, err)
			if !strings.Contains(got, c.want) || !containsHan(got) || got == err.Error() {
				t.Errorf("Chinese printer: %q, want Chinese containing %q (English: %q)", got, c.want, err.Error())
			}
		})
	}
}

func containsHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
