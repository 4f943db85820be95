package site

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/sqlitedb"
)

// writeSQLite writes findings.sqlite (package sqlitedb) site-wide and for
// every city and county, beside their findings.csv, and Datasette's
// metadata beside the site-wide one. An incremental build keeps the
// files of the regions skip names (hugoData lists them as kept); the
// site-wide database is written again from the model, the same bytes a
// full build writes. The databases are independent files, written at once
// up to one per processor (each is the same bytes whatever the order).
func writeSQLite(out, base string, m *model.Model, skip *downloadSkip) error {
	file := func(u string) string { return filepath.Join(out, filepath.FromSlash(siteFile(u))) }
	site := m.Site.Downloads.SQLite
	meta := filepath.Join(filepath.Dir(file(site)), sqlitedb.MetadataFile)
	if err := os.MkdirAll(filepath.Dir(meta), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(meta, sqlitedb.Metadata("巡察整改问题数据"), 0o644); err != nil {
		return err
	}
	type job struct {
		path string
		in   sqlitedb.Input
	}
	jobs := []job{{file(site), sqlitedb.Input{AsOf: m.Site.AsOf, Base: base, Units: m.Units}}}
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
		jobs = append(jobs, job{file(r.Downloads.SQLite),
			sqlitedb.Input{AsOf: m.Site.AsOf, Base: base, Scope: r.Key, Name: r.Place, Units: byRegion[r.Key]}})
	}
	errs := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = sqlitedb.Write(j.path, j.in)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}
