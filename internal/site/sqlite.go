package site

import (
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/sqlitedb"
)

// writeSQLite writes findings.sqlite (package sqlitedb) site-wide and for
// every city and county, beside their findings.csv, and Datasette's
// metadata beside the site-wide one. An incremental build keeps the
// files of the regions skip names (hugoData lists them as kept); the
// site-wide database is written again from the model, the same bytes a
// full build writes.
func writeSQLite(out, base string, m *model.Model, skip *downloadSkip) error {
	file := func(u string) string { return filepath.Join(out, filepath.FromSlash(siteFile(u))) }
	site := m.Site.Downloads.SQLite
	if err := sqlitedb.Write(file(site), sqlitedb.Input{AsOf: m.Site.AsOf, Base: base, Units: m.Units}); err != nil {
		return err
	}
	meta := filepath.Join(filepath.Dir(file(site)), sqlitedb.MetadataFile)
	if err := os.WriteFile(meta, sqlitedb.Metadata("巡察整改问题数据"), 0o644); err != nil {
		return err
	}
	byRegion := map[string][]*model.Unit{}
	for _, t := range m.Units {
		for _, k := range regionalTargets(t) {
			byRegion[k] = append(byRegion[k], t)
		}
	}
	for _, r := range m.Site.Regions {
		if r.Downloads == nil || r.Downloads.SQLite == "" || skip.region(r.Key) {
			continue
		}
		in := sqlitedb.Input{AsOf: m.Site.AsOf, Base: base, Scope: r.Key, Name: r.Place, Units: byRegion[r.Key]}
		if err := sqlitedb.Write(file(r.Downloads.SQLite), in); err != nil {
			return err
		}
	}
	return nil
}
