package model

// What the themes and the recurrence give the pages: each finding its
// theme and its recurrence links (FindingState.Theme, Recurs, RecurredBy),
// and each region (and the whole site) its themes page and recurrence page
// (ThemePages: /<region>/themes/ and /<region>/recurrence/).

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
	"github.com/gongshi/gongshi/internal/themes"
)

// recurListMax is how many recurrences a region page lists one by one
// above a county (its CSV always holds them all; its counties' pages list
// theirs).
var recurListMax = 500

// RecurRef is one finding of a recurrence, as the other one's page and
// the recurrence lists link it.
type RecurRef struct {
	Round       int           `json:"round"`      // 1: the unit's first inspection
	RoundText   string        `json:"round_text"` // 2023年7月3日 (the inspection's start), or ""
	No          string        `json:"no"`
	Title       string        `json:"title"`
	URL         string        `json:"url"`
	Status      notice.Status `json:"status"`
	StatusLabel string        `json:"status_label"`
	Similarity  string        `json:"similarity"` // 0.72
}

// Recurrence is a later finding repeating an earlier one of its unit.
type Recurrence struct {
	Unit       string   `json:"unit"`
	UnitURL    string   `json:"unit_url"`
	Place      string   `json:"-"`
	Earlier    RecurRef `json:"earlier"`
	Later      RecurRef `json:"later"`
	Similarity string   `json:"similarity"`

	unit *Unit
}

// ThemeCount is a theme's findings in a region, with the bar of its chart
// (x and widths in the chart's units: see themeChart*).
type ThemeCount struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Findings int    `json:"findings"`
	Done     int    `json:"done"`
	Open     int    `json:"open"` // not reported done
	Pct      string `json:"pct"`  // of the region's findings
	TextY    int    `json:"text_y"`
	BarY     int    `json:"bar_y"`
	DoneW    string `json:"done_w"`
	OpenX    string `json:"open_x"`
	OpenW    string `json:"open_w"`
	CountX   string `json:"count_x"`
}

// RecurChild is the recurrences under one region (or unit) below a region.
type RecurChild struct {
	Name  string `json:"name"`
	URL   string `json:"url"` // its recurrence page (a unit's own page)
	Units int    `json:"units"`
	Count int    `json:"count"`
}

// ThemePages are a region's (or the site's) themes page and recurrence
// page.
type ThemePages struct {
	Name        string        `json:"name"`
	Place       string        `json:"place"`
	Path        string        `json:"path"` // the region page's content path ("" for the site)
	RegionURL   string        `json:"region_url"`
	URL         string        `json:"url"`       // the themes page
	RecurURL    string        `json:"recur_url"` // the recurrence page
	CSV         string        `json:"csv"`
	RecurCSV    string        `json:"recur_csv"`
	Breadcrumb  []Crumb       `json:"breadcrumb"` // home … the region's page
	Findings    int           `json:"findings"`
	Themes      []ThemeCount  `json:"themes"`
	ChartWidth  int           `json:"chart_width"`
	ChartHeight int           `json:"chart_height"`
	ChartTitle  string        `json:"chart_title"`
	Custom      bool          `json:"custom"` // by data/themes.toml, not the default
	Threshold   string        `json:"threshold"`
	RecurCount  int           `json:"recur_count"`
	RecurUnits  int           `json:"recur_units"`
	Recur       []*Recurrence `json:"recur"`  // every one, or none when RecurListed is false
	Listed      bool          `json:"listed"` // Recur lists them all
	ByChild     []RecurChild  `json:"by_child"`
	ChildLevel  string        `json:"child_level"`

	all []*Recurrence
}

// AllRecurrences are the recurrences of the region, listed or not (the CSV).
func (p *ThemePages) AllRecurrences() []*Recurrence { return p.all }

// The themes chart (a viewBox of themeChartW wide): one row of themeRowH
// per theme, its name on a line above its bar (up to themeBarW long) and
// the count after the bar.
const (
	themeChartW = 360
	themeRowH   = 40
	themeBarW   = 300
)

// ApplyThemes gives every finding its theme and recurrence links, and
// every region and the site their themes and recurrence pages.
func ApplyThemes(m *Model, tax *themes.Taxonomy) {
	recur := make([][]*Recurrence, len(m.Units))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, min(runtime.GOMAXPROCS(0), len(m.Units))) {
		wg.Go(func() {
			for i := range next {
				recur[i] = m.Units[i].applyThemes(tax)
			}
		})
	}
	for i := range m.Units {
		next <- i
	}
	close(next)
	wg.Wait()
	byUnit := map[*Unit][]*Recurrence{}
	for i, u := range m.Units {
		byUnit[u] = recur[i]
	}
	m.Site.Themes = themePages(tax, 0, "全站", "", "/", []Crumb{{Name: "首页", URL: "/"}}, m.Units, byUnit)
	for _, r := range m.Site.Regions {
		crumbs := append(append([]Crumb{}, r.Breadcrumb...), Crumb{Name: r.Name, URL: r.URL})
		r.Themes = themePages(tax, r.Level, r.Name, r.Place, r.URL, crumbs, r.units, byUnit)
		r.Themes.Path = r.Path
	}
}

// applyThemes gives the unit's findings their themes and recurrence links,
// and returns its recurrences.
func (t *Unit) applyThemes(tax *themes.Taxonomy) []*Recurrence {
	round := map[string]int{}
	text := map[string]string{}
	for i, ir := range t.Inspections {
		round[ir.ID] = i + 1
		text[ir.ID] = ir.StartText
	}
	items := make([]RecurItem, len(t.Findings))
	for i, fs := range t.Findings {
		th := tax.Classify(&fs.Merged)
		fs.Theme = &th
		items[i] = RecurItem{Round: round[fs.Inspection], Title: fs.Merged.Title, Problem: fs.Merged.Problem}
		fs.Recurs, fs.RecurredBy = nil, nil
	}
	ref := func(i int, sim string) RecurRef {
		fs := t.Findings[i]
		return RecurRef{Round: items[i].Round, RoundText: text[fs.Inspection], No: fs.No, Title: fs.Merged.Title,
			URL: fs.URL, Status: fs.Status, StatusLabel: fs.StatusLabel, Similarity: sim}
	}
	var out []*Recurrence
	for _, p := range Recurrences(items, RecurThreshold) {
		sim := SimilarityText(p.Similarity)
		e, l := ref(p.Earlier, sim), ref(p.Later, sim)
		t.Findings[p.Later].Recurs = &e
		t.Findings[p.Earlier].RecurredBy = append(t.Findings[p.Earlier].RecurredBy, &l)
		out = append(out, &Recurrence{Unit: t.Name, UnitURL: t.URL, Place: t.Place, Earlier: e, Later: l, Similarity: sim, unit: t})
	}
	return out
}

// themePages counts the themes of the units' findings and lists their
// recurrences.
func themePages(tax *themes.Taxonomy, level int, name, place, url string, crumbs []Crumb, units []*Unit, byUnit map[*Unit][]*Recurrence) *ThemePages {
	p := &ThemePages{
		Name: name, Place: place, RegionURL: url, Breadcrumb: crumbs,
		URL: url + "themes/", RecurURL: url + "recurrence/",
		CSV: url + "themes/themes.csv", RecurCSV: url + "recurrence/recurrence.csv",
		Custom: tax.Source != "", Threshold: SimilarityText(RecurThreshold),
		Recur: []*Recurrence{}, ByChild: []RecurChild{},
		ChildLevel: []string{"省", "市", "县（市、区）", "单位", "单位"}[min(level, 4)],
	}
	counts := map[string]*ThemeCount{}
	for _, th := range tax.All() {
		p.Themes = append(p.Themes, ThemeCount{Key: th.Key, Name: th.Name})
	}
	for i := range p.Themes {
		counts[p.Themes[i].Key] = &p.Themes[i]
	}
	children := map[string]*RecurChild{}
	var order []string
	nunits := 0
	for _, u := range units {
		for _, fs := range u.Findings {
			c := counts[fs.Theme.Key]
			c.Findings++
			p.Findings++
			if fs.Status == notice.StatusDone {
				c.Done++
			} else {
				c.Open++
			}
		}
		rs := byUnit[u]
		if len(rs) == 0 {
			continue
		}
		nunits++
		p.all = append(p.all, rs...)
		if level < 3 {
			key, cname, curl := u.URL, u.Name, u.URL
			if depth(u.Region) > level {
				key = permalink.Region(u.Region, level+1)
				cname = []string{u.Region.Province, u.Region.City, u.Region.County, u.Region.Township}[level]
				curl = key + "recurrence/"
			}
			c := children[key]
			if c == nil {
				c = &RecurChild{Name: cname, URL: curl}
				children[key] = c
				order = append(order, key)
			}
			c.Units++
			c.Count += len(rs)
		}
	}
	for _, k := range order {
		p.ByChild = append(p.ByChild, *children[k])
	}
	p.RecurCount, p.RecurUnits = len(p.all), nunits
	if level >= 3 || len(p.all) <= recurListMax {
		p.Recur, p.Listed = p.all, true
		if p.Recur == nil {
			p.Recur = []*Recurrence{}
		}
	}
	p.chart()
	return p
}

// chart lays out the themes' bars: each a done part and a not-done part,
// scaled to the largest theme.
func (p *ThemePages) chart() {
	most := 0
	for _, c := range p.Themes {
		most = max(most, c.Findings)
	}
	var parts []string
	for i := range p.Themes {
		c := &p.Themes[i]
		c.Pct = percent(c.Findings, p.Findings)
		c.TextY, c.BarY = i*themeRowH+15, i*themeRowH+20
		dw, ow := 0.0, 0.0
		if most > 0 {
			dw = float64(c.Done) * themeBarW / float64(most)
			ow = float64(c.Open) * themeBarW / float64(most)
		}
		c.DoneW = fmt.Sprintf("%.2f", dw)
		c.OpenX = fmt.Sprintf("%.2f", dw)
		c.OpenW = fmt.Sprintf("%.2f", ow)
		c.CountX = fmt.Sprintf("%.2f", dw+ow+4)
		parts = append(parts, fmt.Sprintf("%s%d个", c.Name, c.Findings))
	}
	p.ChartWidth, p.ChartHeight = themeChartW, len(p.Themes)*themeRowH
	p.ChartTitle = "各主题的问题数（绿色为已整改，橙色为未报告完成）：" + strings.Join(parts, "，")
}
