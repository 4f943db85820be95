package site

import (
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
	"github.com/gongshi/gongshi/internal/sqlitedb"
)

// sqlite is the stage that writes the site-wide findings.sqlite (package
// sqlitedb; docs/data.md) and Datasette's metadata beside it. It is one
// file for the whole site (Datasette's facets filter it by region), run
// at once with the downloads and the index where those run at once. An
// in-place build keeps the previous site's file when it holds what this
// build would write (sqliteKept); else it writes it anew, the same bytes
// a full build writes.
func (b *builder) sqlite() error {
	if !b.parts.site() {
		return nil
	}
	t0 := time.Now()
	site := siteFile(b.m.Site.Downloads.SQLite)
	if b.sqliteKept() {
		if err := writeSQLiteMetadata(b.staging, b.m); err != nil {
			return err
		}
		b.keep([]string{site})
		b.stage("sqlite", t0, "findings.sqlite kept: no unit changed")
		return b.ctx.Err()
	}
	if err := writeSQLite(b.staging, b.cfg.BaseURL, b.m); err != nil {
		return err
	}
	b.stage("sqlite", t0, "findings.sqlite (%d findings)", b.sum.Findings)
	return b.ctx.Err()
}

// sqliteKept says whether the previous site's findings.sqlite holds what
// this build would write: an in-place build (the program, the templates,
// the base URL and the date as before) in which no unit changed, none was
// added or removed, and whose theme taxonomy (which the units' data name
// only where a finding is in a theme) is the one in the file.
func (b *builder) sqliteKept() bool {
	if b.mode != publish.InPlace || b.skip == nil || len(b.prev.Units) != len(b.m.Units) {
		return false
	}
	for _, t := range b.m.Units {
		if !b.skip.units[t.Key] {
			return false
		}
	}
	prev, err := sqlitedb.ReadThemes(filepath.Join(b.out, filepath.FromSlash(siteFile(b.m.Site.Downloads.SQLite))))
	return err == nil && slices.Equal(prev, sqliteThemes(b.m))
}

// writeSQLite writes the site-wide findings.sqlite and Datasette's
// metadata into the site folder out.
func writeSQLite(out, base string, m *model.Model) error {
	if err := writeSQLiteMetadata(out, m); err != nil {
		return err
	}
	path := filepath.Join(out, filepath.FromSlash(siteFile(m.Site.Downloads.SQLite)))
	return sqlitedb.Write(path, sqlitedb.Input{AsOf: m.Site.AsOf, Base: base, Units: m.Units, Themes: sqliteThemes(m)})
}

// writeSQLiteMetadata writes datasette-metadata.json beside findings.sqlite.
func writeSQLiteMetadata(out string, m *model.Model) error {
	meta := filepath.Join(out, filepath.FromSlash(siteFile(m.Site.Downloads.SQLite)))
	meta = filepath.Join(filepath.Dir(meta), sqlitedb.MetadataFile)
	if err := os.MkdirAll(filepath.Dir(meta), 0o755); err != nil {
		return err
	}
	return os.WriteFile(meta, sqlitedb.Metadata("巡察整改问题数据"), 0o644)
}

// sqliteThemes is the taxonomy as the site's themes page lists it (its
// order, 其他（未归类） last); none when the model has no themes.
func sqliteThemes(m *model.Model) []sqlitedb.Theme {
	if m.Site.Themes == nil {
		return nil
	}
	var out []sqlitedb.Theme
	for _, c := range m.Site.Themes.Themes {
		out = append(out, sqlitedb.Theme{Key: c.Key, Name: c.Name})
	}
	return out
}
