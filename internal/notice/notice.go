// Package notice is gongshi's domain: a Notice (通报) on the rectification
// after an Inspection (巡察), its Findings (问题), their Status (整改状态) and
// Measures (整改措施), the Accountability (问责处理), Petitions (信访件) and
// Outstanding items (需进一步整改的事项).
//
// It imports neither Hugo nor Bleve nor a TOML library: the TOML and JSON keys
// are declared here once, and every other layer (data files, templates, CSV,
// JSON, the search index) uses the same names. See the glossary in README.md.
//
// Text is stored exactly as the notice wrote it. Normalisation (full-width
// punctuation, spaces, numbering styles) is for matching only.
package notice

import (
	"fmt"
	"strings"
)

// Notice is one published notice (通报) on the rectification after an
// inspection, as one TOML file under data/.
type Notice struct {
	Title     string `toml:"title" json:"title"`                             // 中共郊尾镇委员会关于巡察整改进展情况的通报
	Issuer    string `toml:"issuer" json:"issuer"`                           // 中共郊尾镇委员会
	Kind      string `toml:"kind" json:"kind"`                               // 整改进展 / 整改情况 / 整改落实情况
	Signed    Date   `toml:"signed" json:"signed"`                           // the date under the signature
	Published Date   `toml:"published,omitempty" json:"published,omitempty"` // the date the source published it
	Source    string `toml:"source,omitempty" json:"source,omitempty"`       // 仙游县纪委监委官网
	SourceURL string `toml:"source_url,omitempty" json:"source_url,omitempty"`
	// Original is the path, relative to the repository, of the file the
	// notice was imported from (seeds/…); the site publishes it beside the
	// notice page.
	Original string `toml:"original,omitempty" json:"original,omitempty"`

	Region Region `toml:"region" json:"region"`
	// Unit is the inspected body when it is not the region's township (a
	// village, a department, a school, an enterprise, a whole county's
	// summary); see Subject.
	Unit       Unit       `toml:"unit,omitempty" json:"unit,omitzero"`
	Inspection Inspection `toml:"inspection" json:"inspection"`
	// Stated is what the notice says of itself in figures (反馈N个问题 …).
	Stated Stated `toml:"stated,omitempty" json:"stated,omitzero"`

	// Preamble is the opening paragraph before the first numbered section.
	Preamble string `toml:"preamble,omitempty" json:"preamble,omitempty"`
	// Headings are the numbered section headings (一、… 五、) as written.
	Headings Headings `toml:"headings" json:"headings"`

	Organisation   Organisation   `toml:"organisation" json:"organisation"`
	Regulations    []string       `toml:"regulations" json:"regulations"` // the 《…》 names established
	Findings       []Finding      `toml:"findings" json:"findings"`
	Accountability Accountability `toml:"accountability" json:"accountability"`
	Petitions      Petitions      `toml:"petitions" json:"petitions"`
	Outstanding    []Outstanding  `toml:"outstanding" json:"outstanding"`
	NextPlan       string         `toml:"next_plan,omitempty" json:"next_plan,omitempty"` // 五、下一步计划
	Signature      Signature      `toml:"signature" json:"signature"`

	// Unplaced holds every line the importer could not place in a section,
	// with its line number in the original: nothing is silently dropped.
	Unplaced []Line `toml:"unplaced,omitempty" json:"unplaced,omitempty"`

	// Redact lists text the site must never publish (a private person's
	// name, a phone number): see Masked. The data file keeps it for the
	// editors.
	Redact []Redaction `toml:"redact,omitempty" json:"redact,omitempty"`
	// Revisions are the corrections made to the notice since it was first
	// published (更正记录).
	Revisions []Revision `toml:"revisions,omitempty" json:"revisions,omitempty"`
	// Withdrawn is set when the notice was withdrawn (撤回): its page stays
	// and says so, its findings leave the site's counts, search and downloads.
	Withdrawn Withdrawal `toml:"withdrawn,omitempty" json:"withdrawn,omitzero"`
	// Edits names the file beside this one that holds the corrections an
	// editor made to the importer's reading on the review page
	// (NAME.edits.toml, see internal/intake/edits.go): a re-import of the
	// same original replays them.
	Edits string `toml:"edits,omitempty" json:"edits,omitempty"`

	redacted []Redaction // set on a masked copy: what was masked (see MaskSource)
}

// Region is where the inspected body sits. Names are as written (福建省);
// slugs are stable ASCII path segments (fujian), derived from pinyin and
// overridable by editing the data file.
type Region struct {
	Province     string `toml:"province" json:"province"`
	ProvinceSlug string `toml:"province_slug" json:"province_slug"`
	City         string `toml:"city,omitempty" json:"city,omitempty"`
	CitySlug     string `toml:"city_slug,omitempty" json:"city_slug,omitempty"`
	County       string `toml:"county,omitempty" json:"county,omitempty"`
	CountySlug   string `toml:"county_slug,omitempty" json:"county_slug,omitempty"`
	Township     string `toml:"township,omitempty" json:"township,omitempty"`
	TownshipSlug string `toml:"township_slug,omitempty" json:"township_slug,omitempty"`
}

// Path is the region's slug path down to its deepest level given, e.g.
// "fujian/putian/xianyou/jiaowei", or "fujian/putian/xianyou" for a region
// that stops at the county.
func (r Region) Path() string {
	parts := make([]string, 0, 4)
	for _, p := range []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "/")
}

// Inspection (巡察) is the visit whose findings the notice reports on.
type Inspection struct {
	Body     string `toml:"body" json:"body"`     // 县委巡察二组
	Target   string `toml:"target" json:"target"` // 郊尾镇党委
	Start    Date   `toml:"start" json:"start"`   // 进驻
	End      Date   `toml:"end" json:"end"`
	Feedback Date   `toml:"feedback" json:"feedback"` // 反馈巡察意见
}

// ID identifies an inspection within its unit: its start date (进驻), or,
// for a notice that states none (many give only the day the findings were
// fed back: 2023年1月17日，区委巡察组向…反馈了巡察意见), its feedback date.
// Later notices on the same inspection share it, and findings are keyed by
// it (their permalinks too). It is a key, never shown as a date: the
// pages show Start and Feedback each under its own name.
func (i Inspection) ID() string {
	if i.Start != "" {
		return string(i.Start)
	}
	return string(i.Feedback)
}

// Headings are the notice's numbered section headings as written.
type Headings struct {
	Organisation   string `toml:"organisation,omitempty" json:"organisation,omitempty"`     // 一、…组织落实整改情况
	Findings       string `toml:"findings,omitempty" json:"findings,omitempty"`             // 二、巡察反馈问题的整改情况…
	Accountability string `toml:"accountability,omitempty" json:"accountability,omitempty"` // 三、巡察反馈问题的处理情况
	Outstanding    string `toml:"outstanding,omitempty" json:"outstanding,omitempty"`       // 四、需要进一步整改的事项及措施
	NextPlan       string `toml:"next_plan,omitempty" json:"next_plan,omitempty"`           // 五、下一步计划
}

// Organisation is section 一: how the inspected body organised the rectification.
type Organisation struct {
	Intro  string   `toml:"intro,omitempty" json:"intro,omitempty"`
	Points []string `toml:"points" json:"points"` // 一是… 二是… 三是…, each as written
}

// Finding (问题) is one numbered problem the inspection found, with what was
// done about it.
type Finding struct {
	// Number is the finding's identity within its inspection: the printed
	// number where the notice numbers its findings straight through
	// ((1)…(59)), else the finding's place in the first notice's order
	// (see Label).
	Number int `toml:"number" json:"number"`
	// Label is the number as printed ("1.", "(3)", "①") where it is not
	// Number: in notices whose numbering starts again in every category or
	// group. Empty otherwise.
	Label      string `toml:"label,omitempty" json:"label,omitempty"`
	CategoryNo int    `toml:"category_no" json:"category_no"` // （一）=1
	Category   string `toml:"category" json:"category"`       // the （一） heading's text
	GroupNo    int    `toml:"group_no" json:"group_no"`       // 1.=1, restarting in each category
	Group      string `toml:"group" json:"group"`             // the 1. heading's text
	Title      string `toml:"title" json:"title"`             // the short sentence after the number
	Problem    string `toml:"problem" json:"problem"`         // the rest of that paragraph
	Status     Status `toml:"status" json:"status"`           // normalised
	StatusText string `toml:"status_text" json:"status_text"` // as written: 已整改 / 已整改到位 / 正在整改中
	// Rectification is the text after the status words (整改情况:已整改。…).
	Rectification string    `toml:"rectification" json:"rectification"`
	Measures      []Measure `toml:"measures" json:"measures"` // 一是… 二是… split; empty when not enumerated
	Amounts       []Amount  `toml:"amounts" json:"amounts"`   // money named in problem or rectification
	Dates         []DateRef `toml:"dates" json:"dates"`       // dates named in problem or rectification
	// Responsible is the 责任单位/责任人 a table names, as written.
	Responsible string `toml:"responsible,omitempty" json:"responsible,omitempty"`
	// DeadlineText is the 完成时限 a table or the text gives, as written;
	// Deadline the last day it allows.
	DeadlineText string `toml:"deadline_text,omitempty" json:"deadline_text,omitempty"`
	Deadline     Date   `toml:"deadline,omitempty" json:"deadline,omitempty"`
}

// Measure (整改措施) is one enumerated step of a rectification, as written
// (including its 一是 marker).
type Measure = string

// Amount is a sum of money as written and its value in yuan.
type Amount struct {
	Text string `toml:"text" json:"text"` // 3.85万元
	Yuan int64  `toml:"yuan" json:"yuan"` // 38500
}

// DateRef is a date named in a text, as written and as a (possibly partial)
// ISO date: 2024年3月20日 → 2024-03-20, 2024年3月 → 2024-03.
type DateRef struct {
	Text string `toml:"text" json:"text"`
	Date string `toml:"date" json:"date"`
}

// Accountability (问责处理) is section 三（一）: people handled.
type Accountability struct {
	Text   string      `toml:"text" json:"text"` // the paragraph as written
	People int         `toml:"people" json:"people"`
	ByRank []RankCount `toml:"by_rank" json:"by_rank"` // 处级干部 0, 科级干部 2
	ByForm []FormCount `toml:"by_form" json:"by_form"` // 政务立案 1, 责令检查 1, …
}

// RankCount is how many people of one cadre rank were handled.
type RankCount struct {
	Rank  string `toml:"rank" json:"rank"`
	Count int    `toml:"count" json:"count"`
}

// FormCount is how many people were handled in one form (诫勉谈话 …).
type FormCount struct {
	Form  string `toml:"form" json:"form"`
	Count int    `toml:"count" json:"count"`
}

// Petitions (信访件) are the petitions the inspection handed over, section 三（二）.
type Petitions struct {
	Text        string `toml:"text" json:"text"`
	Transferred int    `toml:"transferred" json:"transferred"`
	Closed      int    `toml:"closed" json:"closed"`
	Pending     int    `toml:"pending" json:"pending"`
}

// Outstanding (需进一步整改的事项) is an item of section 四 that was not yet
// rectified, referring to a finding by number.
type Outstanding struct {
	Number    int    `toml:"number" json:"number"`   // 1. 2. 3.
	Finding   int    `toml:"finding" json:"finding"` // 巡察反馈第4点 → 4
	Heading   string `toml:"heading" json:"heading"` // 关于巡察反馈第4点乡村规划编制滞后问题
	Problem   string `toml:"problem,omitempty" json:"problem,omitempty"`
	Progress  string `toml:"progress,omitempty" json:"progress,omitempty"`     // 整改情况:…
	Reason    string `toml:"reason,omitempty" json:"reason,omitempty"`         // 未完成整改的原因及下一步措施:…
	NextSteps string `toml:"next_steps,omitempty" json:"next_steps,omitempty"` // 下一步…
	// DeadlineText is the 整改时限 as written (2024年12月前); Deadline the
	// last day it allows, as a date (2024-12-31).
	DeadlineText string `toml:"deadline_text,omitempty" json:"deadline_text,omitempty"`
	Deadline     Date   `toml:"deadline,omitempty" json:"deadline,omitempty"`
}

// Signature is the closing block.
type Signature struct {
	Issuer   string `toml:"issuer" json:"issuer"`       // 中共郊尾镇委员会
	DateText string `toml:"date_text" json:"date_text"` // 2024年12月2日
}

// Line is a line of the original that fits no section.
type Line struct {
	Line int    `toml:"line" json:"line"`
	Text string `toml:"text" json:"text"`
}

// FindingID is the stable identity of a finding across notices: the unit's
// path, the inspection, and the number. Later notices on the same
// inspection update the status of the finding with the same ID.
func FindingID(n *Notice, number int) string {
	return fmt.Sprintf("%s/%s/%d", n.UnitPath(), n.Inspection.ID(), number)
}
