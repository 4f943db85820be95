package model

import (
	"os"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/synth"
	"github.com/gongshi/gongshi/internal/themes"
)

// TestThemePages: the recurrences of a region are its units', listed one
// by one at a county and, above it, while there are at most recurListMax;
// above a county they are counted by the region below; every region's
// themes count its findings once.
func TestThemePages(t *testing.T) {
	src, err := os.ReadFile("../../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Four townships in two counties (示例县01, 示例县02), two rounds, every
	// later finding a repeat.
	ns := synth.Generate(synth.Options{Townships: 4, TownshipsPerCounty: 2, Notices: 2, Findings: 10, Seed: 3, Repeat: 1}, synth.ParseText(string(src)))
	m := Derive(notice.NewCorpus(ns), time.Date(2026, 1, 12, 0, 0, 0, 0, ChinaTime), nil)
	for _, c := range []struct {
		name   string
		max    int
		listed map[string]bool // by region page URL ("/" the site)
	}{
		{"all listed", 500, map[string]bool{"/": true, "/shili/": true, "/shili/shilishi/": true, "/shili/shilishi/xian01/": true}},
		{"too many above a county", 10, map[string]bool{"/": false, "/shili/": false, "/shili/shilishi/": false, "/shili/shilishi/xian01/": true}},
	} {
		recurListMax = c.max
		ApplyThemes(m, themes.Default())
		pages := map[string]*ThemePages{"/": m.Site.Themes}
		for _, r := range m.Site.Regions {
			pages[r.URL] = r.Themes
		}
		for url, listed := range c.listed {
			p := pages[url]
			if p == nil {
				t.Fatalf("%s: no themes pages for %s", c.name, url)
			}
			if p.Listed != listed || (listed && len(p.Recur) != p.RecurCount) || (!listed && len(p.Recur) != 0) {
				t.Errorf("%s: %s listed %v (%d of %d), want %v", c.name, url, p.Listed, len(p.Recur), p.RecurCount, listed)
			}
			n := 0
			for _, tc := range p.Themes {
				n += tc.Findings
			}
			if n != p.Findings {
				t.Errorf("%s: %s themes count %d findings, the region has %d", c.name, url, n, p.Findings)
			}
		}
		site, city, county := pages["/"], pages["/shili/shilishi/"], pages["/shili/shilishi/xian01/"]
		if site.RecurCount != 40 || site.RecurUnits != 4 || county.RecurCount != 20 || county.RecurUnits != 2 {
			t.Errorf("%s: site %d recurrences in %d units, county %d in %d; want 40 in 4, 20 in 2", c.name, site.RecurCount, site.RecurUnits, county.RecurCount, county.RecurUnits)
		}
		want := []RecurChild{{Name: "示例县01", URL: "/shili/shilishi/xian01/recurrence/", Units: 2, Count: 20}, {Name: "示例县02", URL: "/shili/shilishi/xian02/recurrence/", Units: 2, Count: 20}}
		if len(city.ByChild) != 2 || city.ByChild[0] != want[0] || city.ByChild[1] != want[1] || len(county.ByChild) != 0 {
			t.Errorf("%s: by child: city %v, county %v; want %v at the city only", c.name, city.ByChild, county.ByChild, want)
		}
		if len(site.ByChild) != 1 || site.ByChild[0].Name != "示例省" || site.ByChild[0].Count != 40 {
			t.Errorf("%s: by child: site %v", c.name, site.ByChild)
		}
	}
	recurListMax = 500
}
