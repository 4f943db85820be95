package model

import (
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// Derive computes the site model from the corpus. asOf is "today": overdue
// flags compare deadlines with it.
func Derive(c *notice.Corpus, asOf time.Time, dataPaths map[*notice.Notice]string) *Model {
	today := notice.DateOf(asOf.In(ChinaTime))
	m := &Model{Site: &SiteData{
		AsOf:     today,
		AsOfText: dateText(today),
		Downloads: Downloads{
			CSV: "/downloads/findings.csv", CSVZh: "/downloads/findings-zh.csv", JSON: "/downloads/findings.json",
			SQLite: "/downloads/findings.sqlite", RSS: "/rss.xml", Atom: "/atom.xml",
		},
	}}

	// Group the notices (sorted by unit path, then signed) and the current
	// findings (sorted by unit path) by unit.
	current := c.Current()
	type span struct{ i, j, ci, k int }
	var spans []span
	ci := 0
	for i := 0; i < len(c.Notices); {
		key := c.Notices[i].UnitPath()
		j := i
		for j < len(c.Notices) && c.Notices[j].UnitPath() == key {
			j++
		}
		k := ci
		for k < len(current) && current[k].Notice.UnitPath() == key {
			k++
		}
		spans = append(spans, span{i, j, ci, k})
		i, ci = j, k
	}
	// Each unit is derived from its own notices only: on all cores.
	m.Units = make([]*Unit, len(spans))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(spans)) {
		wg.Go(func() {
			for n := range next {
				s := spans[n]
				m.Units[n] = deriveUnit(c.Notices[s.i:s.j], current[s.ci:s.k], today, dataPaths)
			}
		})
	}
	for n := range spans {
		next <- n
	}
	close(next)
	wg.Wait()

	// Villages hang below their township's page when it has one.
	byKey := map[string]*Unit{}
	for _, u := range m.Units {
		byKey[u.Key] = u
	}
	for _, u := range m.Units {
		if u.Kind != notice.UnitVillage {
			continue
		}
		if tw := byKey[u.Region.Path()]; tw != nil && tw.Kind == notice.UnitTownship {
			tw.Villages = append(tw.Villages, u.node())
		}
	}

	var all []NoticeRef
	for _, u := range m.Units {
		m.Site.Units = append(m.Site.Units, u.File)
		m.Site.Totals.add(u.Counts)
		all = append(all, u.Feed...)
	}
	m.Site.Totals.finish()
	sortNewestFirst(all)
	m.Site.Latest = first(all, latestCount)
	m.Site.Feed = first(all, feedCount)
	if len(all) > 0 {
		m.Site.FeedDate = all[0].FeedDate
	}
	m.Site.Tree, m.Site.Regions = regions(m.Units, byKey)
	m.Site.SmallTree = len(m.Units) <= smallTree
	m.Site.Analyses = analyses(m) // the analysis pages (analysis.go)
	return m
}

// node is the unit as a row of a table or tree.
func (u *Unit) node() *TreeNode {
	n := &TreeNode{Name: u.Name, URL: u.URL, Kind: string(u.Kind), KindLabel: u.KindLabel, Counts: u.Counts,
		Latest: u.Latest, LatestTxt: u.LatestText, Children: []*TreeNode{}}
	if u.Parent != nil {
		n.Parent = u.Parent.Name
	}
	return n
}

func first(refs []NoticeRef, n int) []NoticeRef {
	if len(refs) > n {
		refs = refs[:n]
	}
	return append([]NoticeRef{}, refs...)
}

func sortNewestFirst(refs []NoticeRef) {
	sort.SliceStable(refs, func(i, j int) bool {
		if refs[i].Date != refs[j].Date {
			return refs[i].Date > refs[j].Date
		}
		return refs[i].URL < refs[j].URL
	})
}

// place is the region's full name: 福建省莆田市仙游县郊尾镇.
func place(r notice.Region) string { return r.Province + r.City + r.County + r.Township }

// unitName is the name of the notice's unit as its page shows it: a region
// summary is named by its region.
func unitName(n *notice.Notice) string {
	u := n.Subject()
	if u.Kind == notice.UnitRegion {
		r := n.Region
		for _, s := range []string{r.Township, r.County, r.City, r.Province} {
			if s != "" {
				return s
			}
		}
	}
	return u.Name
}

// unitPlace is the unit's full name: 福建省莆田市仙游县郊尾镇,
// 示例省示例市示例县示例县文旅局.
func unitPlace(n *notice.Notice) string {
	switch n.Subject().Kind {
	case notice.UnitTownship, notice.UnitRegion:
		return place(n.Region)
	}
	return place(n.Region) + n.Subject().Name
}

// statedFigures are the figures a notice states of itself, labelled.
func statedFigures(s notice.Stated) []Figure {
	var out []Figure
	add := func(label string, v *int, unit string) {
		if v != nil {
			out = append(out, Figure{Label: label, Value: strconv.Itoa(*v) + unit})
		}
	}
	add("被巡察单位", s.Units, "个")
	add("反馈问题", s.Problems, "个")
	add("涉及方面", s.Aspects, "个")
	add("已完成整改", s.Done, "个")
	add("正在整改", s.InProgress, "个")
	add("未完成整改", s.NotDone, "个")
	if s.Rate != "" {
		out = append(out, Figure{Label: "整改完成率", Value: s.Rate})
	}
	add("处理人数", s.People, "人")
	add("建立完善制度", s.Regulations, "项")
	for _, m := range s.Money {
		out = append(out, Figure{Label: "金额", Value: m.Text})
	}
	return out
}

// breadcrumb is home and the region's levels above depth.
func breadcrumb(r notice.Region, depth int) []Crumb {
	names := []string{r.Province, r.City, r.County, r.Township}
	out := []Crumb{{Name: "首页", URL: "/"}}
	for d := 1; d < depth; d++ {
		out = append(out, Crumb{Name: names[d-1], URL: permalink.Region(r, d)})
	}
	return out
}

// depth is how many levels the region gives (1 province … 4 township).
func depth(r notice.Region) int {
	d := 0
	for _, s := range []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug} {
		if s == "" {
			break
		}
		d++
	}
	return d
}

// contentPath is a page's content path for Hugo: its URL without slashes.
func contentPath(url string) string { return strings.Trim(url, "/") }
