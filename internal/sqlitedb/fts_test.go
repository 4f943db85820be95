package sqlitedb

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/synth"
)

// escapeFTS is Datasette's escape_fts (datasette/utils/__init__.py), which
// its search box applies to what a reader types: every word, or every
// "quoted part", becomes a quoted phrase, the phrases ANDed.
func escapeFTS(q string) string {
	if strings.Count(q, `"`)%2 == 1 {
		q += `"`
	}
	// re.split(r'\s+|(".*?")', q), keeping the quoted parts.
	var bits []string
	re := regexp.MustCompile(`\s+|(".*?")`)
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(q, -1) {
		bits = append(bits, q[last:m[0]])
		if m[2] >= 0 {
			bits = append(bits, q[m[2]:m[3]])
		}
		last = m[1]
	}
	bits = append(bits, q[last:])
	var out []string
	for _, b := range bits {
		if b == "" || b == `""` {
			continue
		}
		if !strings.HasPrefix(b, `"`) {
			b = `"` + b + `"`
		}
		out = append(out, b)
	}
	return strings.Join(out, " ")
}

// searchFixture: findings whose texts hold the substrings the searches
// look for, and near misses — a string split across two columns, a
// string whose every three characters are in the row but not together.
func searchFixture() []*notice.Notice {
	f := func(n int, title, problem, rect string) notice.Finding {
		return notice.Finding{Number: n, Title: title, Problem: problem, Rectification: rect,
			Status: notice.StatusDone, StatusText: "已整改"}
	}
	return []*notice.Notice{{
		Title: "中共样本镇0001委员会关于巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会",
		Signed: "2024-01-10", Region: region,
		Inspection: notice.Inspection{Body: "县委巡察一组", Start: "2023-03-01"},
		Findings: []notice.Finding{
			f(1, "选人用人工作不规范", "干部选拔任用程序执行不严格，3名干部试用期满未考核。", "已修订《选人用人工作规程》，补考核3人。"),
			f(2, "食堂采购台账不全", "问题描述甲", "补齐采购台账3.85万元。"),
			f(3, "村级工程验收滞后", "工程款拨付不及时，WiFi设备未入账。", "已拨付工程款并将WiFi设备入账。"),
			// 采购台账 ends the title, 台账不全 opens the problem: each
			// trigram of 采购台账不全 is in the row, the string is not.
			f(4, "办公用品采购台账", "台账不全的问题仍然存在", "整改中"),
			// 甲乙丙 and 乙丙丁 in one column, 甲乙丙丁 nowhere.
			f(5, "甲乙丙与乙丙丁", "资金管理不规范", "已建立资金管理台账"),
			f(6, "Drop Table 测试", "他说\"已整改\"", "无"),
		},
	}}
}

// TestSearchAsDatasette: each search as Datasette's search box sends it
// (escape_fts) finds exactly the findings one of whose title, problem or
// rectification holds each of its words, with three to eight characters,
// Chinese, ASCII and both; none whose words are only across two columns
// or only as overlapping pieces. (A word of one or two characters is
// ignored beside longer ones, and alone finds nothing: FTS5's trigram
// tokenizer makes no token of it.) The expected rows are counted by
// strings.Contains over the columns, and written down too.
func TestSearchAsDatasette(t *testing.T) {
	m := derive(searchFixture())
	db, _ := write(t, input(m))
	type row struct{ id, title, problem, rect string }
	var rows []row
	for _, r := range query(t, db, "SELECT id, title, problem, rectification FROM findings ORDER BY seq") {
		rows = append(rows, row{r[0].String, r[1].String, r[2].String, r[3].String})
	}
	for _, c := range []struct {
		typed string
		want  []int // finding numbers
	}{
		{"用人工", []int{1}},        // 3 characters, in title and rectification
		{"采购台账", []int{2, 4}},    // 4
		{"工程款拨付不及", []int{3}},    // 7, in problem
		{"干部选拔任用程序", []int{1}},   // 8
		{"补齐采购台账3.85", []int{2}}, // mixed, in rectification
		{"WiFi设备", []int{3}},     // mixed
		{"wifi设备未", []int{3}},    // ASCII case folded, as the trigram tokenizer does
		{"drop table", []int{6}}, // two words: both
		{"采购台 不规范", []int{}},     // two words, in different findings
		{"资金管理 台账", []int{5}},    // a word of two characters is ignored beside a longer one (FTS5's trigram tokenizer)…
		{"台账", []int{}},          // … and alone matches nothing
		{"资金管理 建立资金", []int{5}},  // two words, two columns of one finding
		{"采购台账不全", []int{2}},     // not finding 4's, where it is only across title and problem
		{"甲乙丙丁", []int{}},        // every trigram in finding 5's title, not the string
		{"丙与乙丙", []int{5}},       // overlapping trigrams that are the string
		{`"已整改"`, []int{6}},      // the reader's own quotes
		{"样本镇0001", []int{}},     // in the notice, not the findings' text
	} {
		q := escapeFTS(c.typed)
		var got []int
		for _, r := range query(t, db, `SELECT number FROM findings WHERE rowid IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?) ORDER BY seq`, q) {
			var n int
			fmt.Sscan(r[0].String, &n)
			got = append(got, n)
		}
		var oracle []int
		var words []string // those of three characters or more
		for _, w := range strings.Fields(strings.ReplaceAll(c.typed, `"`, " ")) {
			if len([]rune(w)) >= 3 {
				words = append(words, strings.ToLower(w))
			}
		}
		for i, r := range rows {
			all := len(words) > 0
			for _, w := range words {
				if !(strings.Contains(strings.ToLower(r.title), w) ||
					strings.Contains(strings.ToLower(r.problem), w) || strings.Contains(strings.ToLower(r.rect), w)) {
					all = false
				}
			}
			if all {
				oracle = append(oracle, i+1)
			}
		}
		if !slices.Equal(got, c.want) || !slices.Equal(oracle, c.want) {
			t.Errorf("search %s (MATCH %s): findings %v, the text holds it in %v, want %v", c.typed, q, got, oracle, c.want)
		}
	}
	// The index is the findings' text, as FTS5 itself checks it.
	rw := filepath.Join(t.TempDir(), "rw.sqlite")
	_, p := write(t, input(m))
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(rw, b, 0o644); err != nil {
		t.Fatal(err)
	}
	wdb, err := sql.Open("sqlite", fileURI(rw))
	if err != nil {
		t.Fatal(err)
	}
	defer wdb.Close()
	if _, err := wdb.Exec(`INSERT INTO findings_fts(findings_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}

func TestEscapeFTS(t *testing.T) {
	for in, want := range map[string]string{
		"选人用人":       `"选人用人"`,
		"选人 用人  工作":  `"选人" "用人" "工作"`,
		`"选人 用人" 工作`: `"选人 用人" "工作"`,
		`选人"用人`:      `"选人" "用人"`, // as Datasette: an odd quote closed at the end
	} {
		if got := escapeFTS(in); got != want {
			t.Errorf("escapeFTS(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestNoFreePages: the file holds no free page and nothing past its
// pages — as built, and when the full-text index is flushed in small
// segments and merged on the way, as it is past some 80,000 findings
// (which frees pages: auto_vacuum moves the last pages into them); then
// too two writes are the same bytes. Nor does the file keep the build's
// FTS5 settings.
func TestNoFreePages(t *testing.T) {
	src, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	in := input(derive(synth.Generate(synth.Options{Townships: 6, Notices: 2, Findings: 60, Repeat: 0.1, Seed: 2}, synth.ParseText(string(src)))))
	shipped := ftsSetup
	defer func() { ftsSetup = shipped }()
	for _, c := range []struct {
		name  string
		setup []string
	}{
		{"as built", shipped},
		{"small segments, crisis merges", []string{
			`INSERT INTO findings_fts(findings_fts, rank) VALUES ('hashsize', 32768)`,
			`INSERT INTO findings_fts(findings_fts, rank) VALUES ('automerge', 0)`,
		}},
		{"small segments, merged", []string{
			`INSERT INTO findings_fts(findings_fts, rank) VALUES ('hashsize', 65536)`,
			`INSERT INTO findings_fts(findings_fts, rank) VALUES ('automerge', 2)`,
		}},
	} {
		ftsSetup = c.setup
		db, p := write(t, in)
		var free, pages, size, segments int
		for q, v := range map[string]*int{"PRAGMA freelist_count": &free, "PRAGMA page_count": &pages, "PRAGMA page_size": &size,
			"SELECT count(*) FROM findings_fts_data": &segments} {
			if err := db.QueryRow(q).Scan(v); err != nil {
				t.Fatal(err)
			}
		}
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages of %d bytes, %d rows of findings_fts_data", c.name, pages, size, segments)
		if free != 0 || int64(pages*size) != st.Size() {
			t.Errorf("%s: %d free pages; %d pages of %d bytes in a file of %d", c.name, free, pages, size, st.Size())
		}
		if c.name != "as built" { // another history, the same bytes again
			b1, _ := os.ReadFile(p)
			_, p2 := write(t, in)
			if b2, _ := os.ReadFile(p2); len(b1) == 0 || !bytes.Equal(b1, b2) {
				t.Errorf("%s: two writes differ", c.name)
			}
		}
		var cfg []string
		for _, r := range query(t, db, "SELECT k FROM findings_fts_config ORDER BY k") {
			cfg = append(cfg, r[0].String)
		}
		if strings.Join(cfg, ",") != "version" {
			t.Errorf("%s: findings_fts_config holds %v, want only the version", c.name, cfg)
		}
	}
}
