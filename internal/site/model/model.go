// Package model derives, from the published corpus (the checked notices,
// masked), everything the site shows: the units and their notices and
// findings in their current state, the regions and their totals, the
// findings table, and the downloads' rows. It is pure: it reads its input
// and writes no file (package site writes what it derives).
package model

import (
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/themes"
)

// The derived site model: everything a page shows is computed here once, in
// Go, and handed to Hugo as data (see package site, hugo.go). Templates only look values
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
	// Analysis is the site's analysis page; Analyses are every analysis
	// page, the site's first, then the regions' (analysis.go).
	Analysis string      `json:"analysis"`
	Analyses []*Analysis `json:"analyses"`

	// Themes are the site's /themes/ and /recurrence/ (themepages.go).
	Themes *ThemePages `json:"themes,omitempty"`
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
	CSV string `json:"csv"`
	// CSVZh is findings-zh.csv: findings.csv's rows with Chinese headers
	// and values as the pages show them (CSVColumnsZh).
	CSVZh string `json:"csv_zh"`
	JSON  string `json:"json"`
	// SQLite is findings.sqlite (package sqlitedb): site-wide only (a
	// region's page links the site's; Datasette filters it by region).
	SQLite string `json:"sqlite,omitempty"`
	RSS    string `json:"rss"`
	Atom   string `json:"atom"`
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
	People     int    `json:"people"`   // people handled (问责), as the notices that state it state it
	// PeopleStated and PeopleUnstated count the units whose notices do and
	// do not report accountability: a unit none of whose notices says
	// anything of it has no figure, which pages show as 未说明, never 0.
	PeopleStated   int `json:"people_stated"`
	PeopleUnstated int `json:"people_unstated"`
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
	c.PeopleStated += o.PeopleStated
	c.PeopleUnstated += o.PeopleUnstated
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
	Analysis  string        `json:"analysis"`            // its analysis page (analysis.go)
	Themes    *ThemePages   `json:"themes,omitempty"`    // its themes and recurrence pages (themepages.go)

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
	Unit         string        `json:"unit"`
	UnitURL      string        `json:"unit_url"`
	KindLabel    string        `json:"kind_label"`
	No           string        `json:"no"` // （30） or the label as printed
	Title        string        `json:"title"`
	URL          string        `json:"url"`
	Status       notice.Status `json:"status"`
	StatusLabel  string        `json:"status_label"`
	Deadline     string        `json:"deadline"`                // as written, or ""
	DeadlineRead string        `json:"deadline_read,omitempty"` // the site's reading of it, where it differs
	Overdue      bool          `json:"overdue"`
	OverdueNote  string        `json:"overdue_note,omitempty"`
	SignedText   string        `json:"signed_text"` // the latest notice reporting it
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
	// DeadlineRead is Deadline written out where the notice wrote the
	// deadline otherwise (2024年12月前 → 2024年12月31日): the site's
	// reading, labelled as such wherever it shows.
	DeadlineRead string `json:"deadline_read,omitempty"`
	Overdue      bool   `json:"overdue,omitempty"`
	OverdueNote  string `json:"overdue_note,omitempty"`
	// Theme is its problem theme; Recurs the finding of an earlier round
	// of the unit it repeats, RecurredBy the later rounds' findings that
	// repeat it (themepages.go).
	Theme      *themes.Match `json:"theme,omitempty"`
	Recurs     *RecurRef     `json:"recurs,omitempty"`
	RecurredBy []*RecurRef   `json:"recurred_by,omitempty"`
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
	DeadlineDate string        `json:"deadline_date"`           // the deadline as 2024年12月31日, or ""
	DeadlineRead string        `json:"deadline_read,omitempty"` // DeadlineDate where the notice wrote it otherwise: the site's reading
	Status       notice.Status `json:"status"`                  // the finding's current status
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
