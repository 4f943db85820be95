package site

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// fixtureFile is a file of the county fixture.
func fixtureFile(t *testing.T, name string) string {
	t.Helper()
	for _, f := range txtar.Parse([]byte(countyFixture)).Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("the county fixture has no %s", name)
	return ""
}

// TestSplicedDownloads builds a site of several cities and counties — the
// county fixture (its summary unit included), counties before and after it
// in its city, a county whose only unit is a summary without findings, a
// second city — then changes one county at a time: the incremental build
// copies the unchanged counties' and cities' rows from their previous
// files into the site-wide and city files, and its tree equals a full
// build's, byte for byte.
func TestSplicedDownloads(t *testing.T) {
	data := incrementalData(t)
	township := fixtureFile(t, "data/shili/shilishi/shilixian/zhen0001/2021-09-01.toml")
	summary := fixtureFile(t, "data/shili/shilishi/shilixian/2025-01-20.toml")
	// place moves a fixture file to another city and county.
	place := func(text, city, citySlug, county, countySlug string) string {
		r := strings.NewReplacer(`city = "示例市"`, `city = "`+city+`"`, `city_slug = "shilishi"`, `city_slug = "`+citySlug+`"`,
			`county = "示例县"`, `county = "`+county+`"`, `county_slug = "shilixian"`, `county_slug = "`+countySlug+`"`,
			"示例县", county)
		return r.Replace(text)
	}
	add := func(citySlug, countySlug, file, text string) string {
		p := filepath.Join(data, "shili", citySlug, countySlug, file)
		writeData(t, p, text)
		return p
	}
	first := add("shilishi", "aaxian", "zhen0001/2021-09-01.toml", place(township, "示例市", "shilishi", "甲县", "aaxian"))
	add("shilishi", "aaxian", "zhen0002/2021-09-01.toml",
		strings.ReplaceAll(strings.ReplaceAll(place(township, "示例市", "shilishi", "甲县", "aaxian"), "样本镇0001", "样本镇0002"), "zhen0001", "zhen0002"))
	add("shilishi", "kongxian", "2025-01-20.toml", place(summary, "示例市", "shilishi", "空县", "kongxian"))
	last := add("shilishi", "zzxian", "zhen0001/2021-09-01.toml", place(township, "示例市", "shilishi", "乙县", "zzxian"))
	other := add("ershi", "bingxian", "zhen0001/2021-09-01.toml", place(township, "二市", "ershi", "丙县", "bingxian"))
	add("ershi", "dingxian", "zhen0001/2021-09-01.toml", place(township, "二市", "ershi", "丁县", "dingxian"))
	fixture := filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2024-10-01.toml")

	out := filepath.Join(t.TempDir(), "public")
	build := func() Summary { t.Helper(); return buildWithCache(t, data, out) }
	build()
	title := func(p, old, new string) func() { return func() { editData(t, p, old, new) } }
	for _, s := range []struct {
		name    string
		change  func()
		splices int64 // regions whose rows are copied from their previous files
	}{
		// aaxian changed: shilixian, kongxian and zzxian into the site and
		// the city; the cities ershi and putian (the seed) into the site.
		{"the first county of a city", title(first, `title = "早年问题一"`, `title = "早年问题一（更正）"`), 5},
		{"the county with a summary unit", title(fixture, `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`), 5},
		{"the last county of a city", title(last, `title = "早年问题二"`, `title = "早年问题二（更正）"`), 5},
		// Only ershi changed: the cities shilishi and putian, whole, into
		// the site; dingxian into the site and ershi.
		{"another city", title(other, `title = "早年问题一"`, `title = "早年问题一（更正）"`), 3},
		{"a county without findings", title(filepath.Join(data, "shili/shilishi/kongxian/2025-01-20.toml"), `rate = "62.5%"`, `rate = "62.6%"`), 5},
		{"nothing", func() {}, 3},
	} {
		s.change()
		before := splices.Load()
		build()
		if n := splices.Load() - before; n != s.splices {
			t.Errorf("%s: %d regions' rows copied from the previous site, want %d", s.name, n, s.splices)
		}
		sameTrees(t, s.name+": incremental vs full", fullBuild(t, data), out)
	}
}
