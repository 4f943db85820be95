package site

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/sqlitedb"
)

// TestBundledSQLite: beside the site-wide, city and county findings.csv is
// findings.sqlite, whose findings agree with the CSV row for row (same ids
// in the same order, same text and statuses, the deadline as written and
// as read, overdue), every reference with its row; the pages that offer
// the CSV link it; and a second build of the same data writes the same
// bytes.
func TestBundledSQLite(t *testing.T) {
	site := bundledSite(t)
	for _, prefix := range []string{"/downloads/", "/fujian/putian/", "/fujian/putian/xianyou/"} {
		csvRows := readCSV(t, site, prefix+"findings.csv")
		col := map[string]int{}
		for i, c := range csvRows[0] {
			col[c] = i
		}
		p := filepath.Join(site, filepath.FromSlash(strings.TrimPrefix(prefix, "/")), "findings.sqlite")
		db, err := sql.Open("sqlite", "file:"+p+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.Query(`SELECT id, title, problem, status, status_text, rectification, url,
			coalesce(deadline_as_written, ''), coalesce(deadline_as_read, ''), CASE overdue WHEN 1 THEN 'true' ELSE 'false' END,
			unit_name, signed FROM findings ORDER BY seq`)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		names := []string{"id", "title", "problem", "status", "status_text", "rectification", "url", "deadline_text", "deadline", "overdue", "unit", "signed"}
		n := 0
		for rows.Next() {
			n++
			got := make([]string, len(names))
			ptrs := make([]any, len(names))
			for i := range got {
				ptrs[i] = &got[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			if n >= len(csvRows) {
				continue
			}
			for i, name := range names {
				// The CSV guards a cell that starts like a formula with a '.
				if want := csvRows[n][col[name]]; got[i] != want && "'"+got[i] != want {
					t.Errorf("%sfindings.sqlite row %d %s: %q, findings.csv %q", prefix, n, name, got[i], want)
				}
			}
		}
		rows.Close()
		if n != len(csvRows)-1 || n < 2 {
			t.Errorf("%sfindings.sqlite: %d findings, findings.csv %d", prefix, n, len(csvRows)-1)
		}
		var bad int
		if err := db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&bad); err != nil || bad != 0 {
			t.Errorf("%s: foreign_key_check %d rows, %v", p, bad, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "downloads", sqlitedb.MetadataFile)); err != nil {
		t.Error(err)
	}
	for _, c := range []struct{ page, href string }{
		{"/fujian/putian/xianyou/", "/fujian/putian/xianyou/findings.sqlite"},
		{"/fujian/putian/", "/fujian/putian/findings.sqlite"},
		{"/findings/", "/downloads/findings.sqlite"},
		{"/about/", "/downloads/findings.sqlite"},
	} {
		if page := readFile(t, site, c.page); !strings.Contains(page, `href="`+c.href+`"`) || !strings.Contains(page, "SQLite 数据库") {
			t.Errorf("%s does not link %s", c.page, c.href)
		}
	}
	// Reproducible: another build of the same data, the same bytes.
	again, _ := buildSite(t, bundledData(t), asOf)
	for _, f := range []string{"downloads/findings.sqlite", "fujian/putian/xianyou/findings.sqlite", "downloads/" + sqlitedb.MetadataFile} {
		a, err1 := os.ReadFile(filepath.Join(site, f))
		b, err2 := os.ReadFile(filepath.Join(again, f))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds of the same data (%d, %d bytes; %v %v)", f, len(a), len(b), err1, err2)
		}
	}
}
