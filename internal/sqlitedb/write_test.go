package sqlitedb

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/themes"
)

// The fixture: two fictitious townships; the text of one finding carries
// quotes, a newline and SQL, which must come back as written.
var region = notice.Region{
	Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
	County: "示例县", CountySlug: "shilixian", Township: "样本镇0001", TownshipSlug: "zhen0001",
}

const nasty = "他说：\"已整改\"，'; DROP TABLE findings; --\n第二行\t制表符 ' \" \\ %_"

func finding(n int, st notice.Status, title, problem string) notice.Finding {
	return notice.Finding{
		Number: n, CategoryNo: 1, Category: "类别一", GroupNo: 1, Group: "分组",
		Title: title, Problem: problem, Status: st, StatusText: st.Label(),
		Rectification: "一是甲。二是乙。", Measures: []string{"一是甲。", "二是乙。"},
	}
}

func fixture(t testing.TB) *model.Model {
	t.Helper()
	return derive(fixtureNotices())
}

// derive derives the model of the notices as the build does, themes and
// recurrence included (the default taxonomy).
func derive(ns []*notice.Notice) *model.Model {
	m := model.Derive(notice.NewCorpus(ns), time.Date(2025, 1, 5, 0, 0, 0, 0, model.ChinaTime), nil)
	model.ApplyThemes(m, themes.Default())
	return m
}

func fixtureNotices() []*notice.Notice {
	a := &notice.Notice{
		Title: "中共样本镇0001委员会关于巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会",
		Signed: "2024-01-10", Region: region,
		Inspection: notice.Inspection{Body: "县委巡察一组", Start: "2023-03-01", End: "2023-04-01", Feedback: "2023-06-01"},
		Findings: []notice.Finding{
			finding(1, notice.StatusDone, "食堂采购台账不全", "问题描述甲"),
			finding(2, notice.StatusInProgress, nasty, nasty),
			finding(3, notice.StatusNotStarted, "村级工程验收滞后", "工程款拨付不及时"),
		},
		Outstanding: []notice.Outstanding{
			{Number: 1, Finding: 3, Heading: "关于第3点", Deadline: "2024-12-31", DeadlineText: "2024年12月前"},
		},
		Accountability: notice.Accountability{Text: "处理3人。", People: 3},
	}
	a.Findings[0].Amounts = []notice.Amount{{Text: "3.85万元", Yuan: 38500}, {Text: "每餐5元", Yuan: 5}}
	problems := 3
	a.Stated = notice.Stated{Problems: &problems, Texts: []string{"反馈问题3个"}}
	// The later notice updates finding 2 only.
	later := *a
	later.Signed = "2024-09-01"
	later.Findings = []notice.Finding{{Number: 2, Title: nasty, Status: notice.StatusDone, StatusText: "已整改到位"}}
	later.Outstanding, later.Stated, later.Accountability = nil, notice.Stated{}, notice.Accountability{}
	// A second township says nothing of accountability; its finding has
	// no category and no status.
	r2 := region
	r2.Township, r2.TownshipSlug = "样本镇0002", "zhen0002"
	b := &notice.Notice{
		Title: "中共样本镇0002委员会关于巡察整改情况的通报", Issuer: "中共样本镇0002委员会",
		Signed: "2024-05-01", Region: r2,
		Inspection: notice.Inspection{Body: "县委巡察二组", Feedback: "2023-08-01"},
		Findings:   []notice.Finding{{Number: 1, Title: "采购台账缺失", Problem: "问题描述乙", Status: notice.StatusUnstated}},
	}
	return []*notice.Notice{a, &later, b}
}

// recurFixture is the fixture and a second inspection of 样本镇0001,
// two of whose findings repeat findings of the first.
func recurFixture() *model.Model {
	ns := fixtureNotices()
	c := &notice.Notice{
		Title: "中共样本镇0001委员会关于第二轮巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会",
		Signed: "2024-12-20", Region: region,
		Inspection: notice.Inspection{Body: "县委巡察三组", Start: "2024-09-01", Feedback: "2024-10-15"},
		Findings: []notice.Finding{
			finding(1, notice.StatusInProgress, "食堂采购台账仍不全", "问题描述甲"),
			finding(2, notice.StatusDone, "党组织会议记录不规范", "会议记录缺页"),
			finding(3, notice.StatusInProgress, "村级工程验收仍滞后", "工程款拨付仍不及时"),
		},
	}
	return derive(append(ns, c))
}

const base = "https://example.org/"

func input(m *model.Model) Input {
	var ths []Theme
	for _, c := range m.Site.Themes.Themes {
		ths = append(ths, Theme{Key: c.Key, Name: c.Name})
	}
	return Input{AsOf: m.Site.AsOf, Base: base, Units: m.Units, Themes: ths}
}

// write writes the fixture's database and opens it.
func write(t *testing.T, in Input) (*sql.DB, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "findings.sqlite")
	if err := Write(p, in); err != nil {
		t.Fatal(err)
	}
	return open(t, p), p
}

func open(t *testing.T, p string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", fileURI(p)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func query(t *testing.T, db *sql.DB, q string, args ...any) [][]sql.NullString {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]sql.NullString
	for rows.Next() {
		row := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFindingsAreTheCSVRows: the findings table holds findings.csv's rows
// (model.Records, the rows the CSV writes), in its order, the text as
// written — quotes, newlines and SQL included.
func TestFindingsAreTheCSVRows(t *testing.T) {
	m := fixture(t)
	db, _ := write(t, input(m))
	var want [][]string
	for _, u := range m.Units {
		for _, r := range model.Records(u, base) {
			want = append(want, r.Row())
		}
	}
	got := query(t, db, `SELECT id, title, problem, status, status_text, rectification, url, coalesce(deadline_as_written, ''), coalesce(deadline_as_read, ''),
		CASE overdue WHEN 1 THEN 'true' ELSE 'false' END, (SELECT group_concat(text, char(10)) FROM (SELECT text FROM measures WHERE finding = findings.id ORDER BY seq)),
		amounts, (SELECT group_concat(yuan, '；') FROM (SELECT yuan FROM amounts WHERE finding = findings.id ORDER BY seq)), signed, notice_title, unit_name, unit_kind
		FROM findings ORDER BY seq`)
	col := map[string]int{}
	for i, c := range model.CSVColumns {
		col[c] = i
	}
	names := []string{"id", "title", "problem", "status", "status_text", "rectification", "url", "deadline_text", "deadline", "overdue", "measures", "amounts", "yuan", "signed", "notice", "unit", "unit_kind"}
	if len(got) != len(want) || len(want) != 4 {
		t.Fatalf("%d rows, findings.csv %d", len(got), len(want))
	}
	for i := range want {
		for j, n := range names {
			if got[i][j].String != want[i][col[n]] {
				t.Errorf("row %d %s: %q, the CSV %q", i+1, n, got[i][j].String, want[i][col[n]])
			}
		}
	}
	if got[1][1].String != nasty || got[1][2].String != nasty {
		t.Errorf("the text did not come back as written: %q", got[1][1].String)
	}
	if n := query(t, db, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'findings'`); n[0][0].String != "1" {
		t.Error("the findings table is gone")
	}
}

// TestHonestFigures: unstated counts are NULL, never 0; a deadline is as
// written in one column and as the site reads it in another.
func TestHonestFigures(t *testing.T) {
	db, _ := write(t, input(fixture(t)))
	for _, c := range []struct {
		q    string
		want []string // "NULL" for NULL
	}{
		{`SELECT people FROM units WHERE key LIKE '%zhen0001'`, []string{"3"}},
		{`SELECT people FROM units WHERE key LIKE '%zhen0002'`, []string{"NULL"}},
		{`SELECT stated_problems, stated_done, stated_rate, people FROM notices WHERE id LIKE '%zhen0001/notices/2024-01-10'`, []string{"3", "NULL", "NULL", "3"}},
		{`SELECT people, stated_problems FROM notices WHERE unit LIKE '%zhen0002'`, []string{"NULL", "NULL"}},
		{`SELECT category_no, group_no, status, status_label, inspection_start FROM findings JOIN notices ON notices.id = findings.notice WHERE findings.unit LIKE '%zhen0002'`, []string{"NULL", "NULL", "unstated", "未说明", "NULL"}},
		{`SELECT deadline_as_written, deadline_as_read, overdue FROM findings WHERE number = 3`, []string{"2024年12月前", "2024-12-31", "1"}},
		{`SELECT deadline_as_written, deadline_as_read, overdue, overdue_note FROM findings WHERE number = 1 AND unit LIKE '%zhen0001'`, []string{"NULL", "NULL", "0", "NULL"}},
		{`SELECT deadline_as_written, deadline_as_read, overdue, resolved, finding FROM outstanding`, []string{"2024年12月前", "2024-12-31", "1", "0", "shili/shilishi/shilixian/zhen0001/2023-03-01/3"}},
		{`SELECT count(*), min(seq), max(seq) FROM finding_history WHERE finding LIKE '%zhen0001/2023-03-01/2'`, []string{"2", "1", "2"}},
		{`SELECT text, yuan FROM amounts WHERE seq = 2`, []string{"每餐5元", "5"}},
		{`SELECT count(*) FROM open_findings`, []string{"2"}},
	} {
		rows := query(t, db, c.q)
		if len(rows) != 1 {
			t.Errorf("%s: %d rows", c.q, len(rows))
			continue
		}
		var got []string
		for _, v := range rows[0] {
			if !v.Valid {
				got = append(got, "NULL")
			} else {
				got = append(got, v.String)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s:\n got %v\nwant %v", c.q, got, c.want)
		}
	}
}

// TestFullTextSearch: a three-character Chinese substring finds the
// findings whose text holds it, and only those, through findings_fts as
// Datasette queries it; Datasette's own detection finds the table.
func TestFullTextSearch(t *testing.T) {
	db, _ := write(t, input(fixture(t)))
	for _, c := range []struct{ q, want string }{
		{`"采购台"`, "shili/shilishi/shilixian/zhen0001/2023-03-01/1,shili/shilishi/shilixian/zhen0002/2023-08-01/1"},
		{`"台账不"`, "shili/shilishi/shilixian/zhen0001/2023-03-01/1"},
		{`"拨付不及时"`, "shili/shilishi/shilixian/zhen0001/2023-03-01/3"}, // in problem
		{`"DROP TABLE"`, "shili/shilishi/shilixian/zhen0001/2023-03-01/2"},
		{`"样本镇"`, ""}, // not in the findings' text
	} {
		rows := query(t, db, `SELECT id FROM findings WHERE rowid IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?) ORDER BY seq`, c.q)
		var ids []string
		for _, r := range rows {
			ids = append(ids, r[0].String)
		}
		if strings.Join(ids, ",") != c.want {
			t.Errorf("MATCH %s: %v, want %s", c.q, ids, c.want)
		}
	}
	// datasette/utils/__init__.py detect_fts_sql("findings").
	rows := query(t, db, `select name from sqlite_master where rootpage = 0 and (
		sql like '%VIRTUAL TABLE%USING FTS%content="findings"%' or sql like '%VIRTUAL TABLE%USING FTS%content=[findings]%'
		or (tbl_name = 'findings' and sql like '%VIRTUAL TABLE%USING FTS%'))`)
	if len(rows) != 1 || rows[0][0].String != "findings_fts" {
		t.Errorf("Datasette does not detect findings_fts: %v", rows)
	}
}

// TestKeys: every reference has its row (foreign_key_check is empty), the
// references are declared (Datasette links them), a row that refers to
// nothing fails the write, leaving no file.
func TestKeys(t *testing.T) {
	m := fixture(t)
	in := input(m)
	db, _ := write(t, in)
	if rows := query(t, db, "PRAGMA foreign_key_check"); len(rows) != 0 {
		t.Errorf("foreign_key_check: %v", rows)
	}
	declared := map[string]bool{}
	for _, tb := range []string{"notices", "findings", "finding_history", "measures", "amounts", "outstanding", "finding_themes", "recurrences"} {
		for _, r := range query(t, db, "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)", tb) {
			declared[tb+"."+r[1].String+"→"+r[0].String+"."+r[2].String] = true
		}
	}
	for _, want := range []string{"notices.unit→units.key", "findings.unit→units.key", "findings.notice→notices.id",
		"finding_history.finding→findings.id", "finding_history.notice→notices.id", "measures.finding→findings.id",
		"amounts.finding→findings.id", "outstanding.finding→findings.id", "outstanding.notice→notices.id",
		"finding_themes.finding→findings.id", "finding_themes.theme→themes.key", "recurrences.earlier→findings.id", "recurrences.later→findings.id"} {
		if !declared[want] {
			t.Errorf("no reference %s (have %v)", want, declared)
		}
	}
	for _, idx := range []string{"findings_unit", "findings_notice", "notices_unit", "outstanding_finding", "finding_themes_theme", "recurrences_later"} {
		if rows := query(t, db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?", idx); len(rows) != 1 {
			t.Errorf("no index %s", idx)
		}
	}

	// Findings in themes the taxonomy does not have.
	in.Themes = in.Themes[len(in.Themes)-1:]
	dir := t.TempDir()
	p := filepath.Join(dir, "findings.sqlite")
	err := Write(p, in)
	if err == nil || !(strings.Contains(err.Error(), "FOREIGN KEY") || strings.Contains(err.Error(), "refers to no row")) || !strings.Contains(err.Error(), p) {
		t.Errorf("a reference to nothing: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("a failed write left %v", left)
	}
	if zh := i18n.Localize(i18n.NewPrinter(true), err); !strings.HasPrefix(zh, "写入 SQLite 数据库 "+p+" 失败：") {
		t.Errorf("in Chinese: %s", zh)
	}
}

// TestReproducible: the same data is the same bytes, whether written anew
// or over the previous file.
func TestReproducible(t *testing.T) {
	in := input(fixture(t))
	_, a := write(t, in)
	_, b := write(t, in)
	if err := Write(b, in); err != nil { // again, over it
		t.Fatal(err)
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ba) == 0 || !bytes.Equal(ba, bb) {
		t.Fatalf("two writes of the same data differ (%d and %d bytes)", len(ba), len(bb))
	}
	if !bytes.HasPrefix(ba, []byte("SQLite format 3\x00")) {
		t.Errorf("not a SQLite file: %q", ba[:16])
	}
	in.AsOf = "2025-01-06" // different data, different bytes: the test can fail
	_, c := write(t, in)
	if bc, _ := os.ReadFile(c); bytes.Equal(ba, bc) {
		t.Error("a different as-of date wrote the same bytes")
	}
}

// TestDocs: docs/data.md and Datasette's metadata describe every table and
// column the database has, and the file carries the same descriptions.
func TestDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/data.md")
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Databases map[string]struct {
			Tables map[string]struct {
				Description string
				Columns     map[string]string
				Facets      []string
			}
		}
	}
	if err := json.Unmarshal(Metadata("t"), &meta); err != nil {
		t.Fatal(err)
	}
	// The one file's findings filter by region at first sight, by columns it has.
	if f := meta.Databases["findings"].Tables["findings"].Facets; !strings.Contains(strings.Join(f, ","), "county") {
		t.Errorf("Datasette's facets on findings: %v, no county", f)
	}
	for tb, cols := range Facets {
		for _, c := range cols {
			if meta.Databases["findings"].Tables[tb].Columns[c] == "" {
				t.Errorf("facet %s.%s: no such column", tb, c)
			}
		}
	}
	db, _ := write(t, input(fixture(t)))
	docs := map[string]bool{}
	for _, r := range query(t, db, "SELECT table_name, column_name FROM column_docs") {
		docs[r[0].String+"."+r[1].String] = true
	}
	for _, r := range query(t, db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'findings_fts%' AND name NOT LIKE 'sqlite_%'") {
		tb := r[0].String
		// The table's section: from its heading to the next.
		loc := regexp.MustCompile("(?m)^#+ `" + tb + "`.*$").FindIndex(doc)
		if loc == nil {
			t.Errorf("docs/data.md has no heading for %s", tb)
			continue
		}
		section := doc[loc[1]:]
		if next := regexp.MustCompile("(?m)^#").FindIndex(section); next != nil {
			section = section[:next[0]]
		}
		mt, ok := meta.Databases["findings"].Tables[tb]
		if !ok || mt.Description == "" {
			t.Errorf("the metadata does not describe %s", tb)
		}
		if !docs[tb+"."] {
			t.Errorf("column_docs does not describe %s", tb)
		}
		for _, c := range query(t, db, "SELECT name FROM pragma_table_info(?)", tb) {
			col := c[0].String
			_, view := ViewDocs[tb]
			if view { // a view lists its columns, which are findings'
				if !bytes.Contains(section, []byte("`"+col+"`")) {
					t.Errorf("docs/data.md does not name %s.%s", tb, col)
				}
				continue
			}
			if !bytes.Contains(section, []byte("| `"+col+"` |")) {
				t.Errorf("docs/data.md does not document %s.%s", tb, col)
			}
			if mt.Columns[col] == "" {
				t.Errorf("the metadata does not describe %s.%s", tb, col)
			}
			if !docs[tb+"."+col] {
				t.Errorf("column_docs does not describe %s.%s", tb, col)
			}
		}
	}
}

// TestAwkwardFolder: a folder whose name has URI characters (? # % and a
// space) holds the database, and nothing is left beside it or above it.
func TestAwkwardFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a?b#c %41 示例")
	p := filepath.Join(dir, "findings.sqlite")
	if err := Write(p, input(fixture(t))); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(root); len(left) != 1 {
		t.Errorf("the folder above holds %v", left)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 1 || left[0].Name() != "findings.sqlite" {
		t.Errorf("the folder holds %v", left)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "plain.sqlite")
	if err := os.WriteFile(plain, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if rows := query(t, open(t, plain), "SELECT count(*) FROM findings"); rows[0][0].String != "4" {
		t.Errorf("%v findings", rows)
	}
}

// TestThemesAndRecurrences: the themes table is the taxonomy in its
// order, finding_themes each finding's theme and why, recurrences the
// model's pairs (each later finding's Recurs, mirrored by the earlier's
// RecurredBy) with their similarity — all as the model has them.
func TestThemesAndRecurrences(t *testing.T) {
	m := recurFixture()
	db, _ := write(t, input(m))

	var want []string
	for i, c := range m.Site.Themes.Themes {
		want = append(want, fmt.Sprint(i+1, " ", c.Key, " ", c.Name))
	}
	var got []string
	for _, r := range query(t, db, "SELECT seq, key, name FROM themes ORDER BY seq") {
		got = append(got, r[0].String+" "+r[1].String+" "+r[2].String)
	}
	if len(want) < 2 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("themes:\n%s\nthe model's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	want, got = nil, nil
	themed := 0
	byURL := map[string]string{}
	for _, u := range m.Units {
		for _, fs := range u.Findings {
			byURL[fs.URL] = fs.ID
			want = append(want, fs.ID+" "+fs.Theme.Key+" "+fs.Theme.Why)
			if fs.Theme.Key != themes.OtherKey {
				themed++
			}
		}
	}
	for _, r := range query(t, db, "SELECT finding, theme, coalesce(why, '') FROM finding_themes JOIN findings ON findings.id = finding ORDER BY findings.seq") {
		got = append(got, r[0].String+" "+r[1].String+" "+r[2].String)
	}
	if themed == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("finding_themes (%d themed):\n%s\nthe model's:\n%s", themed, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	want, got = nil, nil
	mirrored := map[string]bool{}
	for _, u := range m.Units {
		for _, fs := range u.Findings {
			if r := fs.Recurs; r != nil {
				want = append(want, byURL[r.URL]+" "+fs.ID+" "+r.Similarity)
			}
			for _, l := range fs.RecurredBy {
				mirrored[fs.ID+" "+byURL[l.URL]+" "+l.Similarity] = true
			}
		}
	}
	for _, r := range query(t, db, "SELECT earlier, later, printf('%.2f', similarity) FROM recurrences JOIN findings ON findings.id = later ORDER BY findings.seq") {
		row := r[0].String + " " + r[1].String + " " + r[2].String
		got = append(got, row)
		if !mirrored[row] {
			t.Errorf("recurrence %s: not in the earlier finding's RecurredBy", row)
		}
	}
	if len(want) < 2 || len(mirrored) != len(want) || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("recurrences:\n%s\nthe model's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rows := query(t, db, "PRAGMA foreign_key_check"); len(rows) != 0 {
		t.Errorf("foreign_key_check: %v", rows)
	}
}

// TestReadThemes: ReadThemes reads back the taxonomy a database holds (an
// in-place build compares it with the one it would write).
func TestReadThemes(t *testing.T) {
	in := input(fixture(t))
	_, p := write(t, in)
	got, err := ReadThemes(p)
	if err != nil || len(got) < 2 || fmt.Sprint(got) != fmt.Sprint(in.Themes) {
		t.Errorf("ReadThemes: %v %v, wrote %v", got, err, in.Themes)
	}
	if _, err := ReadThemes(filepath.Join(t.TempDir(), "none.sqlite")); err == nil {
		t.Error("ReadThemes of no file: no error")
	}
}
