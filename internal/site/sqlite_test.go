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

// TestBundledSQLite: beside the site-wide findings.csv is findings.sqlite,
// one file for the whole site (none beside the cities' and counties'),
// whose findings agree with the CSV row for row (same ids in the same
// order, same text and statuses, the deadline as written and as read,
// overdue), every reference with its row, every finding with its theme;
// the pages that offer the CSV link it, the region pages saying it covers
// the whole site; and a second build of the same data writes the same
// bytes.
func TestBundledSQLite(t *testing.T) {
	site := bundledSite(t)
	for _, prefix := range []string{"/downloads/"} {
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
		var bad, themed, themes int
		if err := db.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&bad); err != nil || bad != 0 {
			t.Errorf("%s: foreign_key_check %d rows, %v", p, bad, err)
		}
		if err := db.QueryRow("SELECT (SELECT count(*) FROM finding_themes), (SELECT count(*) FROM themes)").Scan(&themed, &themes); err != nil || themed != n || themes < 2 {
			t.Errorf("%s: %d findings with a theme of %d, %d themes (%v)", p, themed, n, themes, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "downloads", sqlitedb.MetadataFile)); err != nil {
		t.Error(err)
	}
	for _, f := range []string{"fujian/putian/findings.sqlite", "fujian/putian/xianyou/findings.sqlite"} {
		if _, err := os.Stat(filepath.Join(site, f)); err == nil {
			t.Errorf("%s: a region's own database (the site has one, for every region)", f)
		}
	}
	for _, c := range []struct{ page, says string }{
		{"/fujian/putian/xianyou/", "涵盖全站，不只仙游县"},
		{"/fujian/putian/", "涵盖全站，不只莆田市"},
		{"/findings/", ""},
		{"/about/", ""},
	} {
		page := readFile(t, site, c.page)
		if !strings.Contains(page, `href="/downloads/findings.sqlite"`) || !strings.Contains(page, "SQLite 数据库") {
			t.Errorf("%s does not link /downloads/findings.sqlite", c.page)
		}
		if !strings.Contains(page, c.says) {
			t.Errorf("%s does not say %s", c.page, c.says)
		}
	}
	// Reproducible: another build of the same data, the same bytes.
	again, _ := buildSite(t, bundledData(t), asOf)
	for _, f := range []string{"downloads/findings.sqlite", "downloads/" + sqlitedb.MetadataFile} {
		a, err1 := os.ReadFile(filepath.Join(site, f))
		b, err2 := os.ReadFile(filepath.Join(again, f))
		if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds of the same data (%d, %d bytes; %v %v)", f, len(a), len(b), err1, err2)
		}
	}
}
