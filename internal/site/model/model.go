// Package model derives, from the published corpus (the checked notices,
// masked), everything the site shows: the units and their notices and
// findings in their current state, the regions and their totals, the
// findings table, and the downloads' rows. It is pure: it reads its input
// and writes no file (package site writes what it derives).
package model

import (
	"fmt"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// The derived site model: everything a page shows is computed here once, in
// Go, and handed to Hugo as data (see hugo.go). Templates only look values
// up and escape them; they never count, sort, scan all findings or build a
// URL. JSON keys reuse the glossary names of package notice where a value is
// the notice's own (title, status, status_text …).

// Model is the whole derived site.
type Model struct {
	Site  *SiteData
	Units []*Unit // every inspected unit, in unit path order
}

// SiteData is data/site.json for Hugo: the home page, the region pages and
// the list of townships the content adapter turns into pages.
type SiteData struct {
	AsOf      notice.Date `json:"as_of"`      // "today" of the build (SOURCE_DATE_EPOCH)
	AsOfText  string      `json:"as_of_text"` // 2025年1月12日
	Totals    Counts      `json:"totals"`
	Latest    []NoticeRef `json:"latest"` // the newest notices, newest first
	Feed      []NoticeRef `json:"feed"`   // the site-wide feed's items, newest first
	FeedDate  FeedDate    `json:"feed_date"`
	Tree      []*TreeNode `json:"tree"`       // provinces → cities → counties → townships
	Regions   []*Region   `json:"regions"`    // every province, city and county page
	Units     []string    `json:"units"`      // the units' data files (File), in order
	Downloads Downloads   `json:"downloads"`  // site-wide files
	SmallTree bool        `json:"small_tree"` // few townships: the home tree lists them all
}

// smallTree is how many townships the home page lists in its region tree;
// a larger site lists counties there and townships on the county pages.
const smallTree = 30

// latestCount and feedCount bound the home page's and the site feed's lists.
const (
	latestCount = 10
	feedCount   = 50
)

// Downloads are the files published beside the pages.
type Downloads struct {
	CSV  string `json:"csv"`
	JSON string `json:"json"`
	RSS  string `json:"rss"`
	Atom string `json:"atom"`
}

// Counts are the figures shown for a region or unit.
type Counts struct {
	Townships  int    `json:"townships"`
	Units      int    `json:"units"` // inspected units with findings or notices (a summary is not a unit)
	Notices    int    `json:"notices"`
	Findings   int    `json:"findings"`
	Done       int    `json:"done"`
	InProgress int    `json:"in_progress"`
	NotStarted int    `json:"not_started"`
	Unstated   int    `json:"unstated"` // the notice states no status: never counted as done
	Open       int    `json:"open"`     // not reported done: in progress, not started or unstated
	DonePct    string `json:"done_pct"` // 94.9%
	Overdue    int    `json:"overdue"`  // findings (and outstanding items) past their deadline, not reported done
	People     int    `json:"people"`   // people handled (问责)
}

func (c *Counts) add(o Counts) {
	c.Townships += o.Townships
	c.Units += o.Units
	c.Notices += o.Notices
	c.Findings += o.Findings
	c.Done += o.Done
	c.InProgress += o.InProgress
	c.NotStarted += o.NotStarted
	c.Unstated += o.Unstated
	c.Open += o.Open
	c.Overdue += o.Overdue
	c.People += o.People
}

func (c *Counts) finish() {
	c.DonePct = percent(c.Done, c.Findings)
}

func (c *Counts) count(s notice.Status) {
	c.Findings++
	switch s {
	case notice.StatusDone:
		c.Done++
	case notice.StatusInProgress:
		c.InProgress++
		c.Open++
	case notice.StatusNotStarted:
		c.NotStarted++
		c.Open++
	default:
		c.Unstated++
		c.Open++
	}
}

// Crumb is one step of a breadcrumb.
type Crumb struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// TreeNode is a region or unit in the home page's tree and the region
// pages' tables.
type TreeNode struct {
	Name      string      `json:"name"`
	URL       string      `json:"url"`
	Kind      string      `json:"kind,omitempty"` // a unit's kind
	KindLabel string      `json:"kind_label,omitempty"`
	Parent    string      `json:"parent,omitempty"` // a village's township, a unit's place below its region
	Latest    notice.Date `json:"latest,omitempty"` // the date of its latest notice
	LatestTxt string      `json:"latest_text,omitempty"`
	Counts    Counts      `json:"counts"`
	Children  []*TreeNode `json:"children"`
}

// Region is a province, city or county page (or a township's, when only
// its villages were inspected): what is open under it, unit by unit.
type Region struct {
	Key        string      `json:"key"`  // slug path: fujian/putian
	Path       string      `json:"path"` // the page's content path (URL without slashes)
	URL        string      `json:"url"`
	Level      int         `json:"level"` // 1 province, 2 city, 3 county, 4 township
	Name       string      `json:"name"`
	Place      string      `json:"place"` // 福建省莆田市仙游县
	Breadcrumb []Crumb     `json:"breadcrumb"`
	Counts     Counts      `json:"counts"`
	ChildLevel string      `json:"child_level"` // 市 / 县（区） / 乡镇（街道）
	Children   []*TreeNode `json:"children"`    // the regions below (provinces and cities)
	// Units are every unit under the region (counties and below), for the
	// sortable table; Kinds count them by kind.
	Units []*TreeNode `json:"units"`
	Kinds []KindCount `json:"kinds"`
	// Open are the findings not reported done of every unit under it (a
	// county's page), or the overdue ones only (cities and provinces:
	// OpenAll false).
	Open    []*OpenRef `json:"open"`
	OpenAll bool       `json:"open_all"`
	// Summaries are the region's own notices: summaries over a round's
	// units, with the figures they state.
	Summaries []*SummaryRef `json:"summaries"`
	Feed      []NoticeRef   `json:"feed"` // notices under it, newest first
	FeedDate  FeedDate      `json:"feed_date"`
	Downloads *Downloads    `json:"downloads,omitempty"` // cities and counties
	Outputs   []string      `json:"outputs"`             // Hugo's output formats of the page

	feeds bool
	units []*Unit
}

// KindCount is the units of one kind under a region.
type KindCount struct {
	Kind   notice.UnitKind `json:"kind"`
	Label  string          `json:"label"`
	Counts Counts          `json:"counts"`
}

// OpenRef is a finding not reported done, as a region page lists it.
type OpenRef struct {
	Unit        string        `json:"unit"`
	UnitURL     string        `json:"unit_url"`
	KindLabel   string        `json:"kind_label"`
	No          string        `json:"no"` // （30） or the label as printed
	Title       string        `json:"title"`
	URL         string        `json:"url"`
	Status      notice.Status `json:"status"`
	StatusLabel string        `json:"status_label"`
	Deadline    string        `json:"deadline"` // as written, or ""
	Overdue     bool          `json:"overdue"`
	OverdueNote string        `json:"overdue_note,omitempty"`
	SignedText  string        `json:"signed_text"` // the latest notice reporting it
}

// SummaryRef is a region's summary notice with the figures it states.
type SummaryRef struct {
	Title      string      `json:"title"`
	URL        string      `json:"url"`
	Signed     notice.Date `json:"signed"`
	SignedText string      `json:"signed_text"`
	Issuer     string      `json:"issuer"`
	Figures    []Figure    `json:"figures"`
	Texts      []string    `json:"texts"`
}

// Figure is one figure a notice states of itself.
type Figure struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// NoticeRef is a notice in a list or a feed.
type NoticeRef struct {
	Title       string      `json:"title"`
	URL         string      `json:"url"`
	Township    string      `json:"township"`     // the unit's name
	TownshipURL string      `json:"township_url"` // the unit's page
	Place       string      `json:"place"`        // 福建省莆田市仙游县郊尾镇
	Signed      notice.Date `json:"signed"`
	SignedText  string      `json:"signed_text"`
	Date        notice.Date `json:"date"` // published, else signed
	DateText    string      `json:"date_text"`
	FeedDate
	Summary string `json:"summary"` // 共59个问题：已整改56个，整改中3个。
}

// FeedDate is a date as RSS and Atom write it.
type FeedDate struct {
	RSS  string `json:"rss_date"`
	Atom string `json:"atom_date"`
}

// Unit is data/u/{File}.json: everything the page of an inspected unit
// (a township, village, department, school or enterprise), its notice
// pages, its finding pages and its feeds show. A region summary is a unit
// too, without a page of its own: its notices hang below its region's page.
type Unit struct {
	Key         string            `json:"key"`  // the unit path
	File        string            `json:"file"` // its Hugo data file's name: the key with _ for /
	Path        string            `json:"path"`
	URL         string            `json:"url"`
	Name        string            `json:"name"`
	Kind        notice.UnitKind   `json:"kind"`
	KindLabel   string            `json:"kind_label"`
	Place       string            `json:"place"` // 福建省莆田市仙游县郊尾镇
	Region      notice.Region     `json:"region"`
	Parent      *Crumb            `json:"parent,omitempty"` // a village's township
	Breadcrumb  []Crumb           `json:"breadcrumb"`       // home … the level above
	Crumbs      []Crumb           `json:"crumbs"`           // home … the unit: the breadcrumb of its notice and finding pages
	Counts      Counts            `json:"counts"`
	Chart       []Segment         `json:"chart"`
	ChartLabel  string            `json:"chart_label"`
	Inspections []*InspectionRef  `json:"inspections"`
	Findings    []*FindingState   `json:"findings"` // current state, by inspection and number
	Amounts     []AmountRef       `json:"amounts"`
	People      []PeopleRef       `json:"people"`
	Regulations []string          `json:"regulations"`
	Outstanding []*OutstandingRef `json:"outstanding"`
	Notices     []*NoticePage     `json:"notices"` // oldest first
	Feed        []NoticeRef       `json:"feed"`    // newest first
	FeedDate    FeedDate          `json:"feed_date"`
	Downloads   Downloads         `json:"downloads"`
	Villages    []*TreeNode       `json:"villages"` // the villages inspected under a township
	Latest      notice.Date       `json:"latest"`
	LatestText  string            `json:"latest_text"`
	IsSummary   bool              `json:"summary"` // a region summary: no page of its own
}

// Segment is one status's bar in the township's SVG chart (x and width in
// percent of the chart's width).
type Segment struct {
	Status notice.Status `json:"status"`
	Label  string        `json:"label"`
	Count  int           `json:"count"`
	Pct    string        `json:"pct"`
	X      string        `json:"x"`
	Width  string        `json:"width"`
}

// InspectionRef is one inspection of a township with its timeline and its
// findings grouped as the notices group them.
type InspectionRef struct {
	ID string `json:"id"` // its start date
	notice.Inspection
	StartText    string      `json:"start_text"`
	EndText      string      `json:"end_text"`
	FeedbackText string      `json:"feedback_text"`
	Timeline     []Event     `json:"timeline"`
	Counts       Counts      `json:"counts"`
	Categories   []*Category `json:"categories"`
}

// Event is a dated step of an inspection's timeline.
type Event struct {
	Date     notice.Date `json:"date"`
	DateText string      `json:"date_text"`
	Label    string      `json:"label"`
	Title    string      `json:"title,omitempty"`
	URL      string      `json:"url,omitempty"`
}

// Category is a （一） heading with its 1. groups; Items index the list the
// category belongs to (a township's Findings or a notice's findings).
type Category struct {
	No      int      `json:"no"`
	Numeral string   `json:"numeral"` // 一
	Name    string   `json:"name"`
	Groups  []*Group `json:"groups"`
}

// Group is a 1. heading with its findings.
type Group struct {
	No    int    `json:"no"`
	Name  string `json:"name"`
	Items []int  `json:"items"`
}

// FindingState is a finding in its current state. Its text is the one the
// latest notice reporting it wrote: Notices[N].findings[J]. (Fields marked
// "-" serve Go only: the Hugo data is kept lean, it is held in memory for
// the whole render.)
type FindingState struct {
	ID          string          `json:"-"`
	URL         string          `json:"url"`
	Number      int             `json:"number"`
	Inspection  string          `json:"-"`
	Label       string          `json:"label,omitempty"` // the number as printed, where not Number
	No          string          `json:"no"`              // （30）, or the label as printed
	PageTitle   string          `json:"page_title"`      // （30）工程偷工减料
	N           int             `json:"n"`
	J           int             `json:"j"`
	Status      notice.Status   `json:"status"`
	StatusLabel string          `json:"status_label"`
	History     []HistoryEvent  `json:"history"` // oldest first; the last is the current status
	Outstanding *OutstandingRef `json:"-"`
	// Merged is the finding as its latest notice wrote it, with the text
	// that notice left out (a later notice may only update the status)
	// taken from the latest earlier notice that wrote it.
	Merged notice.Finding `json:"-"`
	// Fill is that text for the templates: only the fields the latest
	// notice left out (nil when it left out nothing), so that the text is
	// held once.
	Fill *FillText `json:"fill,omitempty"`
	// OutstandingNo is 1 + the index of its item in the township's
	// Outstanding, or 0 when it has none.
	OutstandingNo int `json:"outstanding,omitempty"`
	// Deadline is the outstanding item's deadline, else the finding's own
	// (from a table); Overdue is whether it passed while the latest notice
	// reporting the finding did not report it done, which OverdueNote says
	// in words.
	Deadline     notice.Date `json:"-"`
	DeadlineText string      `json:"deadline_text,omitempty"`
	Overdue      bool        `json:"overdue,omitempty"`
	OverdueNote  string      `json:"overdue_note,omitempty"`
}

// FillText is text of a finding that its latest notice left out; the
// templates merge it over that notice's finding.
type FillText struct {
	CategoryNo int          `json:"category_no,omitempty"`
	Numeral    string       `json:"category_numeral,omitempty"`
	Category   string       `json:"category,omitempty"`
	GroupNo    int          `json:"group_no,omitempty"`
	Group      string       `json:"group,omitempty"`
	Problem    string       `json:"problem,omitempty"`
	Parts      []string     `json:"parts,omitempty"`
	Amounts    []AmountText `json:"amounts,omitempty"`
}

// HistoryEvent is a finding's status as one notice reported it.
type HistoryEvent struct {
	Signed      notice.Date   `json:"signed"`
	SignedText  string        `json:"signed_text"`
	Notice      string        `json:"-"`   // its title
	URL         string        `json:"url"` // the finding on the notice page
	Status      notice.Status `json:"status"`
	StatusLabel string        `json:"status_label"`
	StatusText  string        `json:"status_text"`
}

// AmountRef is a sum of money named in a current finding.
type AmountRef struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Text   string `json:"text"`
	Yuan   string `json:"yuan"` // 38,500
}

// PeopleRef is the accountability one notice reported for an inspection
// (the latest notice that reports any).
type PeopleRef struct {
	Inspection string `json:"inspection"`
	Notice     string `json:"notice"`
	URL        string `json:"url"`
	SignedText string `json:"signed_text"`
	notice.Accountability
}

// OutstandingRef is an item that needed further rectification, as the
// latest notice listing it wrote it, with whether a later notice reports the
// finding done and whether its deadline has passed.
type OutstandingRef struct {
	notice.Outstanding
	Inspection   string        `json:"inspection"`
	Notice       string        `json:"notice"`
	NoticeURL    string        `json:"notice_url"`
	SignedText   string        `json:"signed_text"`
	FindingURL   string        `json:"finding_url"`
	FindingTitle string        `json:"finding_title"`
	DeadlineDate string        `json:"deadline_date"` // the deadline as 2024年12月31日, or ""
	Status       notice.Status `json:"status"`        // the finding's current status
	StatusLabel  string        `json:"status_label"`
	Resolved     bool          `json:"resolved"` // a later notice reports the finding done
	ResolvedBy   string        `json:"resolved_by,omitempty"`
	Overdue      bool          `json:"overdue"` // deadline before the as-of date and not resolved
	OverdueNote  string        `json:"overdue_note,omitempty"`

	signed notice.Date // of the notice listing it
}

// NoticePage is a notice as its page shows it: every field of the notice
// (glossary keys) plus what the page links to.
type NoticePage struct {
	*notice.Notice
	Path           string            `json:"path"`
	URL            string            `json:"url"`
	SignedText     string            `json:"signed_text"`
	PublishedText  string            `json:"published_text"`
	InspectionText string            `json:"inspection_text"` // 县委巡察二组，2023年7月3日至2023年8月18日
	OriginalURL    string            `json:"original_url"`
	OriginalName   string            `json:"original_name"`
	DataURL        string            `json:"data_url"`
	DataName       string            `json:"data_name"`
	Findings       []FindingText     `json:"findings"`
	Categories     []*Category       `json:"categories"` // Items index Findings
	Outstanding    []OutstandingText `json:"outstanding"`
	UnitName       string            `json:"unit_name"`
	UnitKindLabel  string            `json:"unit_kind_label"`
	// StatedFigures are the figures the notice states of itself, as it
	// states them; Disagreements where they differ from its findings.
	StatedFigures []Figure `json:"stated_figures"`
	Disagreements []string `json:"disagreements"`
	// Corrections are the notice's 更正记录; WithdrawnText the date it was
	// withdrawn, written out; OriginalWithheld says the original is not
	// published (see originalWithheld).
	Corrections      []Correction `json:"corrections"`
	WithdrawnText    string       `json:"withdrawn_text,omitempty"`
	OriginalWithheld bool         `json:"original_withheld,omitempty"`

	DataPath string `json:"-"` // the data file, for the manifest and the copy
}

// FindingText is a finding as a notice wrote it (the rectification as
// Parts only: the text is held once).
type FindingText struct {
	FindingRow               // number, category, group, title, problem, status (as the downloads)
	No          string       `json:"no"`               // （30）, or the label as printed
	Numeral     string       `json:"category_numeral"` // 一 for category_no 1
	StatusLabel string       `json:"status_label"`
	Amounts     []AmountText `json:"amounts"`
	// Parts is the rectification split into its enumerated measures when
	// they make up the whole text; else the text as one part. Joined, they
	// are the rectification exactly.
	Parts        []string `json:"parts"`
	Responsible  string   `json:"responsible,omitempty"`
	DeadlineText string   `json:"deadline_text,omitempty"`
	Anchor       string   `json:"anchor"` // f30: its id on the notice page
	URL          string   `json:"url"`    // its permalink
}

// AmountText is an amount as written and in yuan with thousands
// separators (JSON numbers reach templates as floats: 5e+07).
type AmountText struct {
	Text string `json:"text"`
	Yuan string `json:"yuan"`
}

// OutstandingText is an outstanding item as a notice wrote it.
type OutstandingText struct {
	notice.Outstanding
	FindingURL string `json:"finding_url"`
}

// Derive computes the site model from the corpus. asOf is "today": overdue
// flags compare deadlines with it.
func Derive(c *notice.Corpus, asOf time.Time, dataPaths map[*notice.Notice]string) *Model {
	today := notice.DateOf(asOf.In(ChinaTime))
	m := &Model{Site: &SiteData{
		AsOf:     today,
		AsOfText: dateText(today),
		Downloads: Downloads{
			CSV: "/downloads/findings.csv", JSON: "/downloads/findings.json",
			RSS: "/rss.xml", Atom: "/atom.xml",
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

func deriveUnit(ns []*notice.Notice, cur []notice.CurrentFinding, today notice.Date, dataPaths map[*notice.Notice]string) *Unit {
	latest := ns[len(ns)-1]
	r := latest.Region
	subj := latest.Subject()
	t := &Unit{
		Key:         latest.UnitPath(),
		URL:         permalink.Unit(latest),
		Name:        subj.Name,
		Kind:        subj.Kind,
		KindLabel:   subj.Kind.Label(),
		Place:       place(r),
		Region:      r,
		Regulations: []string{},
		Villages:    []*TreeNode{},
		IsSummary:   subj.Kind == notice.UnitRegion,
	}
	t.File = strings.ReplaceAll(t.Key, "/", "_")
	t.Path = contentPath(t.URL)
	d := depth(r)
	switch subj.Kind {
	case notice.UnitTownship:
		t.Breadcrumb = breadcrumb(r, d)
		t.Crumbs = append(append([]Crumb{}, t.Breadcrumb...), Crumb{Name: t.Name, URL: t.URL})
	case notice.UnitRegion:
		t.Breadcrumb = breadcrumb(r, d)
		t.Crumbs = breadcrumb(r, d+1)
		t.Name = t.Crumbs[len(t.Crumbs)-1].Name
	default:
		t.Place += t.Name
		t.Breadcrumb = breadcrumb(r, d+1)
		t.Crumbs = append(append([]Crumb{}, t.Breadcrumb...), Crumb{Name: t.Name, URL: t.URL})
		if subj.Kind == notice.UnitVillage && d == 4 {
			t.Parent = &Crumb{Name: r.Township, URL: permalink.Region(r, 4)}
		}
	}
	if !t.IsSummary {
		t.Downloads = Downloads{
			CSV: t.URL + "findings.csv", JSON: t.URL + "findings.json",
			RSS: t.URL + "rss.xml", Atom: t.URL + "atom.xml",
		}
	}

	// The notices, and where each finding sits in its notice.
	index := map[*notice.Notice]int{}
	seenReg := map[string]bool{}
	for i, n := range ns {
		index[n] = i
		np := noticePage(n, dataPaths[n])
		t.Notices = append(t.Notices, np)
		for _, reg := range n.Regulations {
			if !seenReg[reg] {
				seenReg[reg] = true
				t.Regulations = append(t.Regulations, reg)
			}
		}
	}

	// Inspections, in order of start, described by their latest notice.
	insp := map[string]*InspectionRef{}
	for _, n := range ns {
		if n.Inspection.ID() == "" && len(n.Findings) == 0 {
			continue // a summary without an inspection of its own
		}
		id := n.Inspection.ID()
		ir, ok := insp[id]
		if !ok {
			ir = &InspectionRef{ID: id}
			insp[id] = ir
			t.Inspections = append(t.Inspections, ir)
		}
		ir.Inspection = n.Inspection // later notices win
		ir.Counts.Notices++
	}
	sort.SliceStable(t.Inspections, func(i, j int) bool { return t.Inspections[i].ID < t.Inspections[j].ID })
	for _, ir := range t.Inspections {
		ir.StartText, ir.EndText, ir.FeedbackText = dateText(ir.Start), dateText(ir.End), dateText(ir.Feedback)
		ir.Timeline = timeline(ir, ns)
	}

	// Findings in their current state.
	byID := map[string]*FindingState{}
	for _, cf := range cur {
		n := cf.Notice
		f := cf.Finding
		fs := &FindingState{
			ID:          cf.ID,
			URL:         permalink.Finding(n, f.Number),
			Number:      f.Number,
			Label:       f.Label,
			No:          findingNo(f),
			Inspection:  n.Inspection.ID(),
			PageTitle:   findingNo(f) + f.Title,
			N:           index[n],
			J:           findingIndex(n, f),
			Status:      f.Status,
			StatusLabel: f.Status.Label(),
		}
		var versions []*notice.Finding
		for _, ev := range cf.History {
			fs.History = append(fs.History, HistoryEvent{
				Signed:      ev.Notice.Signed,
				SignedText:  dateText(ev.Notice.Signed),
				Notice:      ev.Notice.Title,
				URL:         permalink.Notice(ev.Notice) + "#" + anchor(f.Number),
				Status:      ev.Status,
				StatusLabel: ev.Status.Label(),
				StatusText:  ev.StatusText,
			})
			versions = append(versions, numbered(ev.Notice, f.Number))
		}
		fs.Merged, fs.Fill = merge(versions)
		byID[cf.ID] = fs
		t.Findings = append(t.Findings, fs)
		t.Counts.count(f.Status)
		insp[fs.Inspection].Counts.count(f.Status)
		for _, a := range fs.Merged.Amounts {
			t.Amounts = append(t.Amounts, AmountRef{Number: f.Number, Title: f.Title, URL: fs.URL, Text: a.Text, Yuan: groupDigits(a.Yuan)})
		}
	}
	for _, ir := range t.Inspections {
		ir.Categories = categorize(len(t.Findings), func(i int) *notice.Finding {
			fs := t.Findings[i]
			if fs.Inspection != ir.ID {
				return nil
			}
			return &fs.Merged
		})
		ir.Counts.finish()
	}

	// Outstanding items: the latest notice listing an item for a finding
	// of an inspection wins.
	type key struct {
		insp    string
		finding int
	}
	items := map[key]*OutstandingRef{}
	var order []key
	for _, n := range ns {
		for _, o := range n.Outstanding {
			k := key{n.Inspection.ID(), o.Finding}
			if _, ok := items[k]; !ok {
				order = append(order, k)
			}
			items[k] = &OutstandingRef{
				Outstanding:  o,
				Inspection:   k.insp,
				Notice:       n.Title,
				NoticeURL:    permalink.Notice(n),
				SignedText:   dateText(n.Signed),
				FindingURL:   permalink.Finding(n, o.Finding),
				DeadlineDate: dateText(o.Deadline),
				signed:       n.Signed,
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].insp != order[j].insp {
			return order[i].insp < order[j].insp
		}
		return order[i].finding < order[j].finding
	})
	for _, k := range order {
		o := items[k]
		id := fmt.Sprintf("%s/%s/%d", latest.UnitPath(), k.insp, k.finding)
		if fs := byID[id]; fs != nil {
			src := ns[fs.N].Findings[fs.J]
			o.FindingTitle = src.Title
			o.Status, o.StatusLabel = fs.Status, fs.StatusLabel
			for _, ev := range fs.History {
				if ev.Signed > o.signed && ev.Status == notice.StatusDone {
					o.Resolved, o.ResolvedBy = true, ev.SignedText
					break
				}
			}
			fs.Outstanding, fs.OutstandingNo = o, len(t.Outstanding)+1
		}
		o.Overdue = !o.Resolved && o.Outstanding.Deadline != "" && o.Outstanding.Deadline < today
		last := o.signed
		if fs := byID[id]; fs != nil {
			last = max(last, fs.History[len(fs.History)-1].Signed)
			fs.Deadline, fs.DeadlineText, fs.Overdue = o.Outstanding.Deadline, o.DeadlineText, o.Overdue
			if fs.DeadlineText == "" {
				fs.DeadlineText = o.DeadlineDate
			}
		} else if o.Overdue {
			t.Counts.Overdue++ // an item whose finding no notice lists
		}
		if o.Overdue {
			o.OverdueNote = overdueNote(o.Outstanding.Deadline, last)
		}
		t.Outstanding = append(t.Outstanding, o)
	}
	// A finding's own deadline (from a table) where no item gives one.
	for _, fs := range t.Findings {
		if fs.OutstandingNo == 0 && fs.Merged.Deadline != "" {
			fs.Deadline, fs.DeadlineText = fs.Merged.Deadline, fs.Merged.DeadlineText
			if fs.DeadlineText == "" {
				fs.DeadlineText = dateText(fs.Deadline)
			}
			fs.Overdue = fs.Status != notice.StatusDone && fs.Deadline < today
		}
		if fs.Overdue {
			fs.OverdueNote = overdueNote(fs.Deadline, max(fs.History[len(fs.History)-1].Signed, outstandingSigned(fs)))
			t.Counts.Overdue++
		}
	}

	// People handled: per inspection, the latest notice that reports any.
	for _, ir := range t.Inspections {
		for i := len(ns) - 1; i >= 0; i-- {
			n := ns[i]
			if n.Inspection.ID() == ir.ID && (n.Accountability.People > 0 || n.Accountability.Text != "") {
				t.People = append(t.People, PeopleRef{
					Inspection: ir.ID, Notice: n.Title, URL: permalink.Notice(n) + "#accountability",
					SignedText: dateText(n.Signed), Accountability: n.Accountability,
				})
				t.Counts.People += n.Accountability.People
				break
			}
		}
	}

	if t.Kind == notice.UnitTownship {
		t.Counts.Townships = 1
	}
	if !t.IsSummary {
		t.Counts.Units = 1
	}
	t.Counts.Notices = len(ns)
	t.Counts.finish()
	t.Latest = latest.Signed
	t.LatestText = dateText(latest.Signed)
	t.Chart, t.ChartLabel = chart(t.Counts)

	for i := len(ns) - 1; i >= 0; i-- {
		t.Feed = append(t.Feed, noticeRef(ns[i], countsOf(ns[i])))
	}
	sortNewestFirst(t.Feed)
	if len(t.Feed) > 0 {
		t.FeedDate = t.Feed[0].FeedDate
	}
	return t
}

// countsOf counts the statuses one notice reports.
func countsOf(n *notice.Notice) Counts {
	var c Counts
	for i := range n.Findings {
		c.count(n.Findings[i].Status)
	}
	return c
}

func noticeRef(n *notice.Notice, c Counts) NoticeRef {
	date := n.Published
	if date == "" {
		date = n.Signed
	}
	rss, atom := feedDates(date)
	summary := fmt.Sprintf("通报%d个问题的整改情况：已整改%d个", c.Findings, c.Done)
	if c.InProgress > 0 {
		summary += fmt.Sprintf("，整改中%d个", c.InProgress)
	}
	if c.NotStarted > 0 {
		summary += fmt.Sprintf("，未整改%d个", c.NotStarted)
	}
	if c.Unstated > 0 {
		summary += fmt.Sprintf("，未说明整改状态%d个", c.Unstated)
	}
	summary += "。"
	if c.Findings == 0 {
		summary = "汇总通报，未逐项列出问题。"
		if figs := statedFigures(n.Stated); len(figs) > 0 {
			var parts []string
			for _, f := range figs {
				parts = append(parts, f.Label+f.Value)
			}
			summary = "汇总通报（数字为通报自述）：" + strings.Join(parts, "，") + "。"
		}
	}
	name, url := unitName(n), permalink.Unit(n)
	return NoticeRef{
		Title:       n.Title,
		URL:         permalink.Notice(n),
		Township:    name,
		TownshipURL: url,
		Place:       unitPlace(n),
		Signed:      n.Signed,
		SignedText:  dateText(n.Signed),
		Date:        date,
		DateText:    dateText(date),
		FeedDate:    FeedDate{RSS: rss, Atom: atom},
		Summary:     summary,
	}
}

func anchor(number int) string { return fmt.Sprintf("f%d", number) }

// findingNo is a finding's number as shown: （30）, or the label as printed
// where the notice numbers again in each category.
func findingNo(f *notice.Finding) string {
	if f.Label != "" {
		return f.Label
	}
	return fmt.Sprintf("（%d）", f.Number)
}

// overdueNote says what "overdue" means for one item: the deadline has
// passed, and the latest notice (dated) did not report it done. It does
// not claim to know today's status.
func overdueNote(deadline, latest notice.Date) string {
	return fmt.Sprintf("整改时限%s已过，截至%s的通报未报告完成", dateText(deadline), dateText(latest))
}

func outstandingSigned(fs *FindingState) notice.Date {
	if fs.Outstanding != nil {
		return fs.Outstanding.signed
	}
	return ""
}

func findingIndex(n *notice.Notice, f *notice.Finding) int {
	for j := range n.Findings {
		if &n.Findings[j] == f {
			return j
		}
	}
	panic("site: finding is not in its notice")
}

// categorize groups the findings 0..n-1 (nil ones skipped) by category and
// group, in order, starting a new heading whenever the number changes.
func categorize(n int, at func(int) *notice.Finding) []*Category {
	var out []*Category
	var cat *Category
	var grp *Group
	for i := 0; i < n; i++ {
		f := at(i)
		if f == nil {
			continue
		}
		if cat == nil || cat.No != f.CategoryNo || cat.Name != f.Category {
			cat = &Category{No: f.CategoryNo, Numeral: ChineseNumeral(f.CategoryNo), Name: f.Category}
			out = append(out, cat)
			grp = nil
		}
		if grp == nil || grp.No != f.GroupNo || grp.Name != f.Group {
			grp = &Group{No: f.GroupNo, Name: f.Group}
			cat.Groups = append(cat.Groups, grp)
		}
		grp.Items = append(grp.Items, i)
	}
	return out
}

// timeline is an inspection's dated steps, in date order.
func timeline(ir *InspectionRef, ns []*notice.Notice) []Event {
	var ev []Event
	add := func(d notice.Date, label, title, url string) {
		if d != "" {
			ev = append(ev, Event{Date: d, DateText: dateText(d), Label: label, Title: title, URL: url})
		}
	}
	add(ir.Start, "巡察组进驻", ir.Body, "")
	add(ir.End, "巡察结束", "", "")
	add(ir.Feedback, "反馈巡察意见", "", "")
	for _, n := range ns {
		if n.Inspection.ID() != ir.ID {
			continue
		}
		add(n.Signed, "通报落款", n.Title, permalink.Notice(n))
		if n.Published != "" && n.Published != n.Signed {
			add(n.Published, "通报发布", n.Title, permalink.Notice(n))
		}
	}
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].Date < ev[j].Date })
	return ev
}

// chart lays out the status bar: one segment per status with findings.
func chart(c Counts) ([]Segment, string) {
	var out []Segment
	var labels []string
	x := 0.0
	for _, s := range []struct {
		st notice.Status
		n  int
	}{{notice.StatusDone, c.Done}, {notice.StatusInProgress, c.InProgress}, {notice.StatusNotStarted, c.NotStarted}, {notice.StatusUnstated, c.Unstated}} {
		if s.st != notice.StatusUnstated || s.n > 0 {
			labels = append(labels, fmt.Sprintf("%s%d个", s.st.Label(), s.n))
		}
		if s.n == 0 {
			continue
		}
		w := float64(s.n) * 100 / float64(c.Findings)
		out = append(out, Segment{
			Status: s.st, Label: s.st.Label(), Count: s.n, Pct: percent(s.n, c.Findings),
			X: fmt.Sprintf("%.2f", x), Width: fmt.Sprintf("%.2f", w),
		})
		x += w
	}
	return out, "问题整改状态：" + strings.Join(labels, "，")
}

// noticePage is the notice with what its page links to.
func noticePage(n *notice.Notice, dataPath string) *NoticePage {
	np := &NoticePage{
		Notice:        n,
		URL:           permalink.Notice(n),
		SignedText:    dateText(n.Signed),
		PublishedText: dateText(n.Published),
		DataPath:      dataPath,
	}
	np.Path = contentPath(np.URL)
	np.InspectionText = inspectionText(n.Inspection)
	np.UnitName, np.UnitKindLabel = unitName(n), n.Subject().Kind.Label()
	np.StatedFigures = statedFigures(n.Stated)
	if np.StatedFigures == nil {
		np.StatedFigures = []Figure{}
	}
	np.Disagreements = []string{}
	for _, d := range n.Disagreements() {
		np.Disagreements = append(np.Disagreements, fmt.Sprintf("通报称%s%d个，本站据通报逐项整理为%d个", disagreementLabel(d.Field), d.Stated, d.Read))
	}
	np.Corrections = corrections(n)
	if n.IsWithdrawn() {
		np.WithdrawnText = dateText(n.Withdrawn.Date)
		dataPath = "" // its content is no longer published
	}
	np.OriginalWithheld = originalWithheld(n)
	if n.Original != "" && !np.OriginalWithheld {
		np.OriginalName = path.Base(strings.ReplaceAll(n.Original, "\\", "/"))
		np.OriginalURL = np.URL + np.OriginalName
	}
	if dataPath != "" {
		np.DataName = string(n.Signed) + ".toml"
		np.DataURL = np.URL + np.DataName
	}
	for i := range n.Findings {
		f := &n.Findings[i]
		np.Findings = append(np.Findings, FindingText{
			FindingRow: RowOf(f), No: findingNo(f), Numeral: ChineseNumeral(f.CategoryNo),
			Responsible: f.Responsible, DeadlineText: f.DeadlineText, StatusLabel: f.Status.Label(),
			Amounts: amountTexts(f.Amounts), Parts: parts(*f),
			Anchor: anchor(f.Number),
			URL:    permalink.Finding(n, f.Number),
		})
	}
	np.Categories = categorize(len(n.Findings), func(i int) *notice.Finding { return &n.Findings[i] })
	for _, o := range n.Outstanding {
		np.Outstanding = append(np.Outstanding, OutstandingText{
			Outstanding: o,
			FindingURL:  permalink.Finding(n, o.Finding),
		})
	}
	return np
}

func disagreementLabel(field string) string {
	switch field {
	case "problems":
		return "问题"
	case "done":
		return "已完成整改"
	case "in_progress":
		return "正在整改"
	case "not_done":
		return "未完成整改"
	}
	return field
}

// parts is the rectification as its measures when they make up the whole
// text (nothing before, between or after them), else as one paragraph: the
// page must never drop a word.
func parts(f notice.Finding) []string {
	if f.Rectification == "" {
		return []string{}
	}
	if len(f.Measures) > 1 && strings.Join(f.Measures, "") == f.Rectification {
		return f.Measures
	}
	return []string{f.Rectification}
}

// regions builds the region tree and the region pages: provinces, cities,
// counties, and the townships whose villages were inspected when the
// township itself has no page.
func regions(units []*Unit, byKey map[string]*Unit) ([]*TreeNode, []*Region) {
	var tree []*TreeNode
	var pages []*Region
	nodes := map[string]*TreeNode{}
	regs := map[string]*Region{}
	childLevel := []string{"", "市", "县（市、区）", "单位", "村（社区）"}
	for _, u := range units {
		r := u.Region
		names := []string{r.Province, r.City, r.County, r.Township}
		levels := min(depth(r), 3)
		if u.IsSummary {
			levels = depth(r)
		} else if u.Kind == notice.UnitVillage && depth(r) == 4 {
			if tw := byKey[r.Path()]; tw == nil || tw.Kind != notice.UnitTownship {
				levels = 4
			}
		}
		parent := &tree
		for d := 1; d <= levels; d++ {
			url := permalink.Region(r, d)
			n, ok := nodes[url]
			if !ok {
				n = &TreeNode{Name: names[d-1], URL: url, Children: []*TreeNode{}}
				nodes[url] = n
				*parent = append(*parent, n)
				reg := &Region{
					Key:        contentPath(url),
					URL:        url,
					Path:       contentPath(url),
					Level:      d,
					Name:       names[d-1],
					Place:      strings.Join(names[:d], ""),
					Breadcrumb: breadcrumb(r, d),
					ChildLevel: childLevel[d],
					Units:      []*TreeNode{},
					Open:       []*OpenRef{},
					Summaries:  []*SummaryRef{},
					feeds:      d == 3,
				}
				if d == 2 || d == 3 {
					reg.Downloads = &Downloads{CSV: url + "findings.csv", JSON: url + "findings.json"}
					if reg.feeds {
						reg.Downloads.RSS, reg.Downloads.Atom = url+"rss.xml", url+"atom.xml"
					}
				}
				regs[url] = reg
				pages = append(pages, reg)
			}
			n.Counts.add(u.Counts)
			regs[url].units = append(regs[url].units, u)
			parent = &n.Children
		}
		switch {
		case u.IsSummary:
		case u.Kind == notice.UnitVillage && levels < 4:
			// Below its township's node, added when the township was.
			if tw := nodes["unit:"+r.Path()]; tw != nil {
				tw.Children = append(tw.Children, u.node())
			}
		default:
			n := u.node()
			nodes["unit:"+u.Key] = n
			*parent = append(*parent, n)
		}
	}
	for _, n := range nodes {
		n.Counts.finish()
	}
	for _, reg := range pages {
		n := nodes[reg.URL]
		reg.Counts = n.Counts
		if reg.Level < 3 {
			reg.Children = n.Children
		} else {
			reg.Children = []*TreeNode{}
		}
		fillRegion(reg)
	}
	return tree, pages
}

// fillRegion lists a region's units by kind, its open items, its summary
// notices and its feed.
func fillRegion(reg *Region) {
	kinds := map[notice.UnitKind]*KindCount{}
	var overdue, open []*OpenRef
	var feed []NoticeRef
	for _, u := range reg.units {
		feed = append(feed, u.Feed...)
		if u.IsSummary {
			if u.Key == reg.Key {
				for i := len(u.Notices) - 1; i >= 0; i-- {
					np := u.Notices[i]
					reg.Summaries = append(reg.Summaries, &SummaryRef{
						Title: np.Title, URL: np.URL, Signed: np.Signed, SignedText: np.SignedText, Issuer: np.Issuer,
						Figures: np.StatedFigures, Texts: nonNil(np.Stated.Texts),
					})
				}
			}
			continue
		}
		k := kinds[u.Kind]
		if k == nil {
			k = &KindCount{Kind: u.Kind, Label: u.KindLabel}
			kinds[u.Kind] = k
		}
		k.Counts.add(u.Counts)
		if reg.Level >= 3 || depth(u.Region) == reg.Level {
			reg.Units = append(reg.Units, u.node())
		}
		for _, fs := range u.Findings {
			if fs.Status == notice.StatusDone {
				continue
			}
			if !fs.Overdue && reg.Level < 3 {
				continue
			}
			latest := fs.History[len(fs.History)-1]
			o := &OpenRef{
				Unit: u.Name, UnitURL: u.URL, KindLabel: u.KindLabel, No: fs.No, Title: fs.Merged.Title, URL: fs.URL,
				Status: fs.Status, StatusLabel: fs.StatusLabel, Deadline: fs.DeadlineText,
				Overdue: fs.Overdue, OverdueNote: fs.OverdueNote, SignedText: latest.SignedText,
			}
			if fs.Overdue {
				overdue = append(overdue, o)
			} else {
				open = append(open, o)
			}
		}
	}
	for _, kind := range notice.UnitKinds {
		if k := kinds[kind]; k != nil {
			k.Counts.finish()
			reg.Kinds = append(reg.Kinds, *k)
		}
	}
	if reg.Kinds == nil {
		reg.Kinds = []KindCount{}
	}
	reg.Open = append(append(reg.Open, overdue...), open...)
	reg.OpenAll = reg.Level >= 3
	reg.Outputs = []string{"html"}
	if reg.feeds && len(feed) > 0 {
		reg.Outputs = []string{"html", "rss", "atom"}
	} else if reg.Downloads != nil {
		reg.Downloads.RSS, reg.Downloads.Atom = "", ""
	}
	if reg.feeds {
		sortNewestFirst(feed)
		reg.Feed = first(feed, feedCount)
		if len(reg.Feed) > 0 {
			reg.FeedDate = reg.Feed[0].FeedDate
		}
	} else {
		reg.Feed = []NoticeRef{}
	}
}

// inspectionText describes an inspection in a line: 县委巡察二组，2023年7月3日至2023年8月18日.
func inspectionText(in notice.Inspection) string {
	s := in.Body
	if in.Start != "" {
		if s != "" {
			s += "，"
		}
		s += dateText(in.Start)
		if in.End != "" {
			s += "至" + dateText(in.End)
		}
	}
	return s
}

func amountTexts(as []notice.Amount) []AmountText {
	out := make([]AmountText, len(as))
	for i, a := range as {
		out[i] = AmountText{Text: a.Text, Yuan: groupDigits(a.Yuan)}
	}
	return out
}

// numbered is the finding with the number in the notice.
func numbered(n *notice.Notice, number int) *notice.Finding {
	for j := range n.Findings {
		if n.Findings[j].Number == number {
			return &n.Findings[j]
		}
	}
	panic("site: the corpus's history names a finding its notice lacks")
}

// merge is the latest version of a finding (versions: oldest first) with
// each text field it left empty taken from the latest earlier version that
// has it, and those fields alone (nil when none).
func merge(versions []*notice.Finding) (notice.Finding, *FillText) {
	last := len(versions) - 1
	m := *versions[last]
	var fill FillText
	filled := false
	for i := last - 1; i >= 0; i-- {
		v := versions[i]
		if m.Category == "" && v.Category != "" {
			m.CategoryNo, m.Category = v.CategoryNo, v.Category
			fill.CategoryNo, fill.Numeral, fill.Category = v.CategoryNo, ChineseNumeral(v.CategoryNo), v.Category
			filled = true
		}
		if m.Group == "" && v.Group != "" {
			m.GroupNo, m.Group = v.GroupNo, v.Group
			fill.GroupNo, fill.Group = v.GroupNo, v.Group
			filled = true
		}
		if m.Problem == "" && v.Problem != "" {
			m.Problem, fill.Problem, filled = v.Problem, v.Problem, true
		}
		if m.Rectification == "" && v.Rectification != "" {
			m.Rectification, m.Measures = v.Rectification, v.Measures
			fill.Parts, filled = parts(*v), true
		}
		if len(m.Amounts) == 0 && len(v.Amounts) > 0 {
			m.Amounts, fill.Amounts, filled = v.Amounts, amountTexts(v.Amounts), true
		}
	}
	if !filled {
		return m, nil
	}
	return m, &fill
}
