package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// The analysis pages (issue 22, item 1): for every region page and for the
// whole site, charts that look across notices, each an inline SVG laid out
// here (the layout only writes the shapes out: layouts/analysis.html and
// layouts/_partials/chart/), with its numbers in a table beside it and the
// same numbers as a CSV (package site, analysis_downloads.go). Every figure
// is counted from the model's own fields: the chartStatuses the latest notices
// report, the overdue flags of due.go and unit.go, and the disagreements
// of package notice; nothing is judged again here.
//
// Themes and recurrence (屡改屡犯) are pages of their own, built elsewhere
// (model/themes.go, model/recurrence.go): an analysis page names their
// URLs (Themes, Recurrence) and the layout links them only when Hugo has
// those pages, so that no link is broken before they exist.

// Chart geometry, in the SVG's viewBox units: ChartWidth wide, one row per
// line of label and a bar below it. The SVG scales to its box (CSS), and
// its text is about the body's size at 360 px.
const (
	ChartWidth = 320
	rowHeight  = 44 // a label line and a bar
	pairHeight = 56 // a label line and two bars (stated vs read)
	labelRunes = 13 // longer names are cut in the chart (the table has them whole)
	// ChartRows is the most rows a chart and its table show; the CSV holds
	// every row.
	ChartRows = 30
)

// Analysis is one analysis page: a region's, or the whole site's.
type Analysis struct {
	Path       string  `json:"path"` // content path
	URL        string  `json:"url"`
	Name       string  `json:"name"`  // 示例县, or 全站
	Place      string  `json:"place"` // 示例省示例市示例县, or ""
	Level      int     `json:"level"` // 0 the site, else the region's
	Breadcrumb []Crumb `json:"breadcrumb"`
	RegionURL  string  `json:"region_url"` // the region's page (the site's: home)
	// Themes and Recurrence are the URLs of the region's theme and
	// recurrence pages (issue 22; their own layouts): the analysis page
	// links them only where Hugo has them.
	Themes     string `json:"themes"`
	Recurrence string `json:"recurrence"`
	Counts     Counts `json:"counts"`
	// Charts are the page's sections, in order; each has a table and a
	// CSV, and all but a list have an SVG.
	Charts []*Chart `json:"charts"`
}

// Chart is a section of an analysis page: an SVG of horizontal bars (Rows;
// none for a plain list) and its numbers (ChartTable).
type Chart struct {
	ID    string `json:"id"`    // the section's anchor, and its CSV's name
	Title string `json:"title"` // says what it shows
	Desc  string `json:"desc"`  // the SVG's <desc>: how to read it
	Note  string `json:"note"`  // shown under the title
	// Scale is "count" (bar lengths proportional to the counts, the
	// longest the chart's width) or "share" (each row's bars fill the
	// width in proportion to its counts).
	Scale  string     `json:"scale"`
	Width  int        `json:"width"`
	Height int        `json:"height"`
	Rows   []ChartRow `json:"rows"`
	Legend []ChartKey `json:"legend"`
	Table  ChartTable `json:"table"`
}

// ChartRow is a row of a chart: a label line, and its bars below it.
type ChartRow struct {
	Label string     `json:"label"` // cut to labelRunes
	Full  string     `json:"full"`  // the whole name (the row's <title>)
	Value string     `json:"value"` // the figure at the line's end
	Y     int        `json:"y"`     // the label's baseline
	Bars  []ChartBar `json:"bars"`
}

// ChartBar is one rectangle (x, width in viewBox units, two decimals). Class is
// a status class of the site's CSS (st-done …) or another of the chart
// CSS; the table cell with the same ChartBar holds its count.
type ChartBar struct {
	Class string `json:"class"`
	X     string `json:"x"`
	Y     int    `json:"y"`
	W     string `json:"w"`
	H     int    `json:"h"`
	Value int    `json:"-"`
}

// ChartKey is a colour of a chart's legend.
type ChartKey struct {
	Class string `json:"class"`
	Label string `json:"label"`
}

// ChartTable is a chart's numbers: the first ChartRows rows on the page, every
// row in the CSV.
type ChartTable struct {
	CSV    string          `json:"csv"` // its URL
	Header []string        `json:"header"`
	Rows   []ChartTableRow `json:"rows"`  // shown
	Total  int             `json:"total"` // rows in the CSV
	// Link names the CSV's last column, which holds the address of each
	// row's first linked cell ("" when the rows link nothing).
	Link string `json:"-"`
	all  []ChartTableRow
}

// ChartTableRow is a table row.
type ChartTableRow []ChartCell

// ChartCell is a table cell: its text, an optional link, and the bar class of
// the chart it is drawn as (on the page: data-bar). The first cell of a
// row is its header.
type ChartCell struct {
	Text string `json:"t"`
	URL  string `json:"u,omitempty"`
	Bar  string `json:"b,omitempty"`
}

// Records is the table's every row as text, with the header (the link column
// last, addresses made absolute with base), for its CSV file.
func (t *ChartTable) Records(base string) [][]string {
	head := append([]string{}, t.Header...)
	if t.Link != "" {
		head = append(head, t.Link)
	}
	out := [][]string{head}
	for _, r := range t.all {
		line := make([]string, 0, len(head))
		link := ""
		for _, c := range r {
			line = append(line, c.Text)
			if link == "" && c.URL != "" {
				link = AbsURL(base, c.URL)
			}
		}
		if t.Link != "" {
			line = append(line, link)
		}
		out = append(out, line)
	}
	return out
}

// analyses derives every analysis page: the site's first, then one per
// region page, in the regions' order; and gives each region (and the
// site) its analysis page's URL.
func analyses(m *Model) []*Analysis {
	var units []*Unit
	for _, u := range m.Units {
		units = append(units, u)
	}
	site := analyze(units, m.Site.AsOf, "/", 0, "全站", "", []Crumb{{Name: "首页", URL: "/"}})
	m.Site.Analysis = site.URL
	out := []*Analysis{site}
	for _, r := range m.Site.Regions {
		a := analyze(r.units, m.Site.AsOf, r.URL, r.Level, r.Name, r.Place, append(append([]Crumb{}, r.Breadcrumb...), Crumb{Name: r.Name, URL: r.URL}))
		r.Analysis = a.URL
		out = append(out, a)
	}
	return out
}

// analyze is the analysis page of the units under the region at url.
func analyze(units []*Unit, asOf notice.Date, url string, level int, name, place string, crumbs []Crumb) *Analysis {
	a := &Analysis{
		URL: permalink.Analysis(url), Name: name, Place: place, Level: level,
		Breadcrumb: crumbs, RegionURL: url,
		Themes: permalink.Path(url) + "themes/", Recurrence: permalink.Path(url) + "recurrence/",
	}
	a.Path = contentPath(a.URL)
	var own []*Unit // the inspected units (a summary is not one)
	for _, u := range units {
		a.Counts.add(u.Counts)
		if !u.IsSummary {
			own = append(own, u)
		}
	}
	a.Counts.finish()
	csv := func(id string) string { return a.URL + id + ".csv" }
	a.Charts = []*Chart{
		overdueByUnit(own, asOf, csv("overdue-by-unit")),
		overdueItems(own, asOf, csv("overdue-items")),
		statusByKind(own, csv("status-by-kind")),
		rateByUnit(own, csv("rate-by-unit")),
		rateByRound(own, csv("rate-by-round")),
		trendByYear(own, csv("trend-by-year")),
		statedVsRead(units, csv("stated-vs-read")),
	}
	return a
}

// chartStatuses are the four chartStatuses in the site's order, with their classes.
var chartStatuses = []notice.Status{notice.StatusDone, notice.StatusInProgress, notice.StatusNotStarted, notice.StatusUnstated}

func statusCounts(c Counts) []int { return []int{c.Done, c.InProgress, c.NotStarted, c.Unstated} }

func statusLegend() []ChartKey {
	var ks []ChartKey
	for _, s := range chartStatuses {
		ks = append(ks, ChartKey{Class: "st-" + string(s), Label: s.Label()})
	}
	return ks
}

// statusCells are a row's status counts, each marked as the bar it is.
func statusCells(c Counts) []ChartCell {
	var out []ChartCell
	for i, n := range statusCounts(c) {
		out = append(out, ChartCell{Text: strconv.Itoa(n), Bar: "st-" + string(chartStatuses[i])})
	}
	return out
}

// barRow lays out a row of stacked bars: counts (with their classes) at
// the row's index i; each count is scale (> 0) long per unit … in "count"
// charts, or its share of the row's total in "share" charts.
func barRow(i int, label, value string, counts []int, classes []string, per float64) ChartRow {
	y := i * rowHeight
	r := ChartRow{Label: chartLabel(label), Full: label, Value: value, Y: y + 15}
	x := 0.0
	for j, n := range counts {
		if n == 0 {
			continue
		}
		w := float64(n) * per
		r.Bars = append(r.Bars, ChartBar{Class: classes[j], X: chartNum(x), Y: y + 22, W: chartNum(w), H: 16, Value: n})
		x += w
	}
	return r
}

func chartNum(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// chartLabel shortens a name for a chart's label line.
func chartLabel(s string) string {
	r := []rune(s)
	if len(r) <= labelRunes {
		return s
	}
	return string(r[:labelRunes-1]) + "…"
}

// statusChart is a stacked bar chart of status counts, one row per label,
// at "count" or "share" scale; rows beyond ChartRows are left to the CSV.
func statusChart(c *Chart, labels []string, counts []Counts, values []string) {
	classes := make([]string, len(chartStatuses))
	for i, s := range chartStatuses {
		classes[i] = "st-" + string(s)
	}
	most := 0
	for _, n := range counts[:min(len(counts), ChartRows)] {
		most = max(most, n.Findings)
	}
	for i := range min(len(labels), ChartRows) {
		per := 0.0
		switch {
		case c.Scale == "share" && counts[i].Findings > 0:
			per = float64(ChartWidth) / float64(counts[i].Findings)
		case c.Scale == "count" && most > 0:
			per = float64(ChartWidth) / float64(most)
		}
		c.Rows = append(c.Rows, barRow(i, labels[i], values[i], statusCounts(counts[i]), classes, per))
	}
	c.Legend = statusLegend()
	c.finish()
}

// finish sizes the SVG and cuts the table to the chart's rows.
func (c *Chart) finish() {
	c.Width = ChartWidth
	c.Height = 0
	if len(c.Rows) > 0 {
		last := c.Rows[len(c.Rows)-1]
		c.Height = last.Y - 15 + rowHeight
		if len(last.Bars) > 0 {
			b := last.Bars[len(last.Bars)-1]
			c.Height = max(c.Height, b.Y+b.H+6)
		}
	}
	if c.Rows == nil {
		c.Rows = []ChartRow{}
	}
	if c.Legend == nil {
		c.Legend = []ChartKey{}
	}
	c.Table.Total = len(c.Table.all)
	c.Table.Rows = c.Table.all[:min(len(c.Table.all), ChartRows)]
}

// statusByKind: the units' findings by status, one row per kind of unit.
func statusByKind(units []*Unit, csv string) *Chart {
	c := &Chart{
		ID: "status-by-kind", Title: "按单位类别的整改状态",
		Desc:  "横条图：每类被巡察单位一行，条长为问题数，按整改状态分段（已整改、整改中、未整改、未说明）。",
		Note:  "每个问题的状态取报告它的最新一份通报。条的长短按问题个数，最长的一类占满全宽。",
		Scale: "count",
		Table: ChartTable{CSV: csv, Header: []string{"单位类别", "单位数", "问题数", "已整改", "整改中", "未整改", "未说明状态", "完成率"}},
	}
	by := map[notice.UnitKind]*Counts{}
	for _, u := range units {
		if by[u.Kind] == nil {
			by[u.Kind] = &Counts{}
		}
		by[u.Kind].add(u.Counts)
	}
	var labels, values []string
	var counts []Counts
	for _, k := range notice.UnitKinds {
		cnt := by[k]
		if cnt == nil {
			continue
		}
		cnt.finish()
		labels = append(labels, k.Label())
		values = append(values, fmt.Sprintf("%d个问题", cnt.Findings))
		counts = append(counts, *cnt)
		row := ChartTableRow{{Text: k.Label()}, {Text: strconv.Itoa(cnt.Units)}, {Text: strconv.Itoa(cnt.Findings)}}
		row = append(row, statusCells(*cnt)...)
		c.Table.all = append(c.Table.all, append(row, ChartCell{Text: cnt.DonePct}))
	}
	statusChart(c, labels, counts, values)
	return c
}

// rateByUnit: each unit's findings by status as shares, the lowest rate of
// rectification first.
func rateByUnit(units []*Unit, csv string) *Chart {
	c := &Chart{
		ID: "rate-by-unit", Title: "各单位整改完成率（完成率低的在前）",
		Desc:  "横条图：每个被巡察单位一行，整条为该单位的全部问题，按整改状态分段，绿色段的长短即完成率。",
		Note:  "完成率 = 已整改问题 ÷ 全部问题，状态取各单位最新一份通报。没有逐项列出问题的单位不在其中。",
		Scale: "share",
		Table: ChartTable{CSV: csv, Header: []string{"单位", "类别", "所属", "问题数", "已整改", "整改中", "未整改", "未说明状态", "完成率"}, Link: "网址"},
	}
	var us []*Unit
	for _, u := range units {
		if u.Counts.Findings > 0 {
			us = append(us, u)
		}
	}
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i].Counts, us[j].Counts
		if x, y := a.Done*b.Findings, b.Done*a.Findings; x != y {
			return x < y // a.Done/a.Findings < b.Done/b.Findings
		}
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return us[i].Key < us[j].Key
	})
	var labels, values []string
	var counts []Counts
	for _, u := range us {
		labels = append(labels, u.Name)
		values = append(values, "完成率"+u.Counts.DonePct)
		counts = append(counts, u.Counts)
		row := ChartTableRow{{Text: u.Name, URL: u.URL}, {Text: u.KindLabel}, {Text: unitWhere(u)}, {Text: strconv.Itoa(u.Counts.Findings)}}
		row = append(row, statusCells(u.Counts)...)
		c.Table.all = append(c.Table.all, append(row, ChartCell{Text: u.Counts.DonePct}))
	}
	statusChart(c, labels, counts, values)
	return c
}

// unitWhere is where a unit is: its place without its own name.
func unitWhere(u *Unit) string { return strings.TrimSuffix(u.Place, u.Name) }

// rateByRound: the findings of each unit's first, second … inspection by
// status, as shares.
func rateByRound(units []*Unit, csv string) *Chart {
	c := &Chart{
		ID: "rate-by-round", Title: "按巡察轮次的整改完成率",
		Desc:  "横条图：每一轮一行（各单位的第1次、第2次……巡察），整条为该轮的全部问题，按整改状态分段。",
		Note:  "“第1轮”指各单位在本站数据中最早的一次巡察，“第2轮”指其后的一次，依此类推；轮次按巡察进驻（或反馈）日期排列，不是巡察机构的编号。",
		Scale: "share",
		Table: ChartTable{CSV: csv, Header: []string{"轮次", "单位数", "问题数", "已整改", "整改中", "未整改", "未说明状态", "完成率"}},
	}
	var by []Counts
	for _, u := range units {
		for i, ir := range u.Inspections {
			for len(by) <= i {
				by = append(by, Counts{})
			}
			c := ir.Counts
			if c.Findings == 0 {
				continue
			}
			c.Units = 1
			by[i].add(c)
		}
	}
	var labels, values []string
	var counts []Counts
	for i, cnt := range by {
		if cnt.Findings == 0 {
			continue
		}
		cnt.finish()
		label := fmt.Sprintf("第%d轮", i+1)
		labels = append(labels, label)
		values = append(values, "完成率"+cnt.DonePct)
		counts = append(counts, cnt)
		row := ChartTableRow{{Text: label}, {Text: strconv.Itoa(cnt.Units)}, {Text: strconv.Itoa(cnt.Findings)}}
		row = append(row, statusCells(cnt)...)
		c.Table.all = append(c.Table.all, append(row, ChartCell{Text: cnt.DonePct}))
	}
	statusChart(c, labels, counts, values)
	return c
}

// trendByYear: the findings of the inspections of each year by status, as
// counts, the earliest year first.
func trendByYear(units []*Unit, csv string) *Chart {
	c := &Chart{
		ID: "trend-by-year", Title: "各年份巡察发现的问题及其整改状态",
		Desc:  "横条图：每个年份一行（巡察进驻的年份，通报未写进驻日期的按反馈日期），条长为该年巡察发现的问题数，按整改状态分段。",
		Note:  "年份取巡察进驻日期，通报未写进驻日期的取反馈巡察意见的日期；两者都没有写的记为“未说明”。条的长短按问题个数。",
		Scale: "count",
		Table: ChartTable{CSV: csv, Header: []string{"年份", "巡察次数", "问题数", "已整改", "整改中", "未整改", "未说明状态", "完成率"}},
	}
	by := map[string]*Counts{}
	for _, u := range units {
		for _, ir := range u.Inspections {
			if ir.Counts.Findings == 0 {
				continue
			}
			y := "未说明"
			if id := ir.ID; len(id) >= 4 {
				y = id[:4] + "年"
			}
			if by[y] == nil {
				by[y] = &Counts{}
			}
			cnt := ir.Counts
			cnt.Units = 1 // an inspection
			by[y].add(cnt)
		}
	}
	years := make([]string, 0, len(by))
	for y := range by {
		years = append(years, y)
	}
	sort.Strings(years) // 2023年 < 2024年 < 未说明
	var values []string
	var counts []Counts
	for _, y := range years {
		cnt := by[y]
		cnt.finish()
		values = append(values, fmt.Sprintf("%d个问题", cnt.Findings))
		counts = append(counts, *cnt)
		row := ChartTableRow{{Text: y}, {Text: strconv.Itoa(cnt.Units)}, {Text: strconv.Itoa(cnt.Findings)}}
		row = append(row, statusCells(*cnt)...)
		c.Table.all = append(c.Table.all, append(row, ChartCell{Text: cnt.DonePct}))
	}
	statusChart(c, years, counts, values)
	return c
}

// lateItem is an overdue item: its finding (or outstanding item), how
// many days its deadline is past the as-of date, and its unit.
type lateItem struct {
	unit                  *Unit
	title, url            string
	written, read, signed string
	days                  int
	finding               bool // a finding's (else an outstanding item's whose finding no notice lists)
}

// lateItems are a unit's overdue items, the latest deadline (least late)
// last: its findings flagged overdue, and the overdue outstanding items
// whose finding no notice lists.
func lateItems(u *Unit, asOf notice.Date) []lateItem {
	var out []lateItem
	listed := map[*OutstandingRef]bool{}
	for _, fs := range u.Findings {
		if fs.Outstanding != nil {
			listed[fs.Outstanding] = true
		}
		if !fs.Overdue {
			continue
		}
		latest := fs.History[len(fs.History)-1]
		out = append(out, lateItem{unit: u, title: fs.No + fs.Merged.Title, url: fs.URL,
			written: fs.DeadlineText, read: fs.DeadlineRead, signed: latest.SignedText,
			days: daysBetween(fs.Deadline, asOf), finding: true})
	}
	for _, o := range u.Outstanding {
		if listed[o] || !o.Overdue {
			continue
		}
		written := o.DeadlineText
		if written == "" {
			written = o.DeadlineDate
		}
		out = append(out, lateItem{unit: u, title: o.Heading, url: o.NoticeURL,
			written: written, read: o.DeadlineRead, signed: o.SignedText,
			days: daysBetween(o.Outstanding.Deadline, asOf)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].days > out[j].days })
	return out
}

// daysBetween is how many days from a to b (0 when either is no date).
func daysBetween(a, b notice.Date) int {
	ta, err1 := a.Time()
	tb, err2 := b.Time()
	if err1 != nil || err2 != nil || a == "" || b == "" {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}

// overdueByUnit: the units with findings not reported done, the most
// overdue first: how many are open, how many overdue, the earliest
// deadline passed and how late it is.
func overdueByUnit(units []*Unit, asOf notice.Date, csv string) *Chart {
	c := &Chart{
		ID: "overdue-by-unit", Title: "各单位未完成和逾期的问题（逾期多的在前）",
		Desc:   "横条图：每个有未完成问题的单位一行，条长为未完成的问题数，红色段为其中逾期的，橙色段为其余未完成的。",
		Note:   "“逾期”指整改时限已过而最新一份通报未报告完成，不代表今天的实际状态。整改时限照录通报原文；通报写的不是具体日期的（如“2024年12月前”），本站按所写期限的最后一天计算是否逾期，并注明。“本站据以计算的日期”是本站对所写期限的解读，与原文相同的写作“同原文”；“已过时限天数”由本站从该日期算到数据截止日。",
		Scale:  "count",
		Table:  ChartTable{CSV: csv, Header: []string{"单位", "类别", "所属", "未完成", "逾期", "其余未完成", "逾期最久一项的整改时限（原文）", "本站据以计算的日期", "已过时限天数"}, Link: "网址"},
		Legend: []ChartKey{{Class: "ov", Label: "逾期"}, {Class: "op", Label: "其余未完成"}},
	}
	type row struct {
		u     *Unit
		late  []lateItem
		open  int
		items int
	}
	var rows []row
	for _, u := range units {
		if u.Counts.Open == 0 && u.Counts.Overdue == 0 {
			continue
		}
		late := lateItems(u, asOf)
		rows = append(rows, row{u: u, late: late, open: u.Counts.Open, items: len(late)})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.items != b.items {
			return a.items > b.items
		}
		da, db := 0, 0
		if len(a.late) > 0 {
			da = a.late[0].days
		}
		if len(b.late) > 0 {
			db = b.late[0].days
		}
		if da != db {
			return da > db
		}
		if a.open != b.open {
			return a.open > b.open
		}
		return a.u.Key < b.u.Key
	})
	most := 0
	for _, r := range rows[:min(len(rows), ChartRows)] {
		most = max(most, r.items+max(r.open-countOpenLate(r.late), 0))
	}
	for i, r := range rows {
		// An overdue outstanding item whose finding no notice lists is
		// overdue without being an open finding.
		rest := max(r.open-countOpenLate(r.late), 0)
		first, read, days := "—", "—", "—" // no item overdue
		if len(r.late) > 0 {
			first, read, days = r.late[0].written, r.late[0].read, strconv.Itoa(r.late[0].days)
			if read == "" {
				read = "同原文"
			}
		}
		total := r.items + rest
		c.Table.all = append(c.Table.all, ChartTableRow{
			{Text: r.u.Name, URL: r.u.URL}, {Text: r.u.KindLabel}, {Text: unitWhere(r.u)},
			{Text: strconv.Itoa(total)}, {Text: strconv.Itoa(r.items), Bar: "ov"}, {Text: strconv.Itoa(rest), Bar: "op"},
			{Text: first}, {Text: read}, {Text: days},
		})
		if i < ChartRows {
			per := 0.0
			if most > 0 {
				per = float64(ChartWidth) / float64(most)
			}
			value := fmt.Sprintf("未完成%d个", total)
			if r.items > 0 {
				value = fmt.Sprintf("逾期%d个 · 未完成%d个", r.items, total)
			}
			c.Rows = append(c.Rows, barRow(i, r.u.Name, value, []int{r.items, rest}, []string{"ov", "op"}, per))
		}
	}
	c.finish()
	return c
}

// countOpenLate is how many of the late items are open findings (not
// outstanding items without a finding).
func countOpenLate(late []lateItem) int {
	n := 0
	for _, l := range late {
		if l.finding {
			n++
		}
	}
	return n
}

// overdueItems: every overdue item, the latest first (most days past its
// deadline): where, since when, how late.
func overdueItems(units []*Unit, asOf notice.Date, csv string) *Chart {
	c := &Chart{
		ID: "overdue-items", Title: "逾期的问题（逾期久的在前）",
		Note:  "整改时限照录通报原文；“本站据以计算的日期”是本站对所写期限的解读（如“2024年12月前”按2024年12月31日计），与原文相同的写作“同原文”。已过时限天数 = 数据截止日 − 该日期，由本站计算；最新通报之后是否已完成，本站无从知道。",
		Table: ChartTable{CSV: csv, Header: []string{"问题", "单位", "所属", "整改时限（原文）", "本站据以计算的日期", "已过时限天数", "最新通报日期"}, Link: "网址"},
	}
	var all []lateItem
	for _, u := range units {
		all = append(all, lateItems(u, asOf)...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].days != all[j].days {
			return all[i].days > all[j].days
		}
		return all[i].url < all[j].url
	})
	for _, l := range all {
		read := l.read
		if read == "" {
			read = "同原文"
		}
		c.Table.all = append(c.Table.all, ChartTableRow{
			{Text: l.title, URL: l.url}, {Text: l.unit.Name}, {Text: unitWhere(l.unit)},
			{Text: l.written}, {Text: read}, {Text: strconv.Itoa(l.days)}, {Text: l.signed},
		})
	}
	c.finish()
	return c
}

// statedVsRead: the notices whose own stated totals differ from the
// findings read from them, a row per figure that differs.
func statedVsRead(units []*Unit, csv string) *Chart {
	c := &Chart{
		ID: "stated-vs-read", Title: "通报自述数字与逐项整理不一致的通报",
		Desc:   "横条图：每个不一致的数字一行，上面的灰条是通报自己所写的数，下面的蓝条是本站从通报逐项整理出的数。",
		Note:   "只比较通报写明了的数字；通报没有写的数字是“未说明”，不参与比较。状态的个数只在每个问题的状态都读出时才比较。",
		Scale:  "count",
		Table:  ChartTable{CSV: csv, Header: []string{"通报", "单位", "通报日期", "项目", "通报称", "逐项整理"}, Link: "网址"},
		Legend: []ChartKey{{Class: "stated", Label: "通报称"}, {Class: "read", Label: "本站逐项整理"}},
	}
	type diff struct {
		np *NoticePage
		u  *Unit
		d  notice.Disagreement
	}
	var ds []diff
	for _, u := range units {
		for _, np := range u.Notices {
			if np.IsWithdrawn() {
				continue
			}
			for _, d := range np.Notice.Disagreements() {
				ds = append(ds, diff{np, u, d})
			}
		}
	}
	most := 0
	for _, d := range ds[:min(len(ds), ChartRows)] {
		most = max(most, d.d.Stated, d.d.Read)
	}
	per := 0.0
	if most > 0 {
		per = float64(ChartWidth) / float64(most)
	}
	for i, d := range ds {
		what := disagreementLabel(d.d.Field)
		name := unitName(d.np.Notice)
		c.Table.all = append(c.Table.all, ChartTableRow{
			{Text: d.np.Title, URL: d.np.URL}, {Text: name}, {Text: d.np.SignedText}, {Text: what},
			{Text: strconv.Itoa(d.d.Stated), Bar: "stated"}, {Text: strconv.Itoa(d.d.Read), Bar: "read"},
		})
		if i >= ChartRows {
			continue
		}
		y := i * pairHeight
		r := ChartRow{Label: chartLabel(name), Full: name + " " + d.np.SignedText + "的通报",
			Value: fmt.Sprintf("%s：称%d，读%d", what, d.d.Stated, d.d.Read), Y: y + 15}
		for j, v := range []struct {
			class string
			n     int
		}{{"stated", d.d.Stated}, {"read", d.d.Read}} {
			if v.n > 0 {
				r.Bars = append(r.Bars, ChartBar{Class: v.class, X: "0.00", Y: y + 22 + j*15, W: chartNum(float64(v.n) * per), H: 12, Value: v.n})
			}
		}
		c.Rows = append(c.Rows, r)
	}
	c.finish()
	if len(c.Rows) > 0 {
		c.Height = c.Rows[len(c.Rows)-1].Y - 15 + pairHeight
	}
	return c
}
