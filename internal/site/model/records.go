package model

import (
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// CSVColumns are the findings CSV's columns, named with the glossary keys;
// findings.json uses the same keys. README.md documents them.
var CSVColumns = []string{
	"id", "province", "city", "county", "township",
	"notice", "signed", "inspection", "number",
	"category_no", "category", "group_no", "group",
	"title", "problem", "status", "status_text", "rectification", "measures",
	"amounts", "yuan", "deadline", "overdue", "history", "url",
	"unit", "unit_kind", "overdue_note", "deadline_text",
}

// FindingRow is a finding's own fields as the site publishes them: the
// notice page's findings (FindingText) and the downloads' rows (Record)
// both carry it, so that the two never differ in what they say.
type FindingRow struct {
	Number     int           `json:"number"`
	CategoryNo int           `json:"category_no"`
	Category   string        `json:"category"`
	GroupNo    int           `json:"group_no"`
	Group      string        `json:"group"`
	Title      string        `json:"title"`
	Problem    string        `json:"problem"`
	Status     notice.Status `json:"status"`
	StatusText string        `json:"status_text"`
}

// RowOf is a finding's row.
func RowOf(f *notice.Finding) FindingRow {
	return FindingRow{
		Number: f.Number, CategoryNo: f.CategoryNo, Category: f.Category, GroupNo: f.GroupNo,
		Group: f.Group, Title: f.Title, Problem: f.Problem, Status: f.Status, StatusText: f.StatusText,
	}
}

// Record is one finding in its current state in findings.json.
type Record struct {
	ID            string          `json:"id"`
	Province      string          `json:"province"`
	City          string          `json:"city"`
	County        string          `json:"county"`
	Township      string          `json:"township"`
	Notice        string          `json:"notice"` // the latest notice reporting it
	Signed        notice.Date     `json:"signed"` // that notice's date
	Inspection    string          `json:"inspection"`
	FindingRow                    // number, category, group, title, problem, status
	Rectification string          `json:"rectification"`
	Measures      []string        `json:"measures"`
	Amounts       []notice.Amount `json:"amounts"`
	Yuan          []int64         `json:"yuan"`     // each amount in yuan, in order: never added up (they are of different kinds)
	Deadline      notice.Date     `json:"deadline"` // the site's reading of the deadline (of its outstanding item, else its own): the last day it allows

	Overdue  bool            `json:"overdue"`
	History  []RecordEvent   `json:"history"`
	URL      string          `json:"url"`       // its permalink, absolute
	Unit     string          `json:"unit"`      // the inspected unit's name (the township for a township)
	UnitKind notice.UnitKind `json:"unit_kind"` // township, village, department, school, enterprise, region
	// OverdueNote says what overdue means here: the deadline passed and
	// the latest notice (dated) did not report the finding done.
	OverdueNote string `json:"overdue_note"`
	// DeadlineText is the deadline as the notice wrote it (2024年12月前);
	// Deadline is the day the site reads it as.
	DeadlineText string `json:"deadline_text"`
}

// RecordEvent is one status report of a finding.
type RecordEvent struct {
	Signed     notice.Date   `json:"signed"`
	Notice     string        `json:"notice"`
	Status     notice.Status `json:"status"`
	StatusText string        `json:"status_text"`
	URL        string        `json:"url"`
}

func Records(t *Unit, base string) []Record {
	out := make([]Record, 0, len(t.Findings))
	for _, fs := range t.Findings {
		n := t.Notices[fs.N]
		f := &fs.Merged
		rec := Record{
			ID: fs.ID, Province: t.Region.Province, City: t.Region.City, County: t.Region.County,
			Township: t.Region.Township, Notice: n.Title, Signed: n.Signed, Inspection: fs.Inspection,
			FindingRow: RowOf(f), Rectification: f.Rectification,
			Measures: nonNil(f.Measures), Amounts: f.Amounts, URL: AbsURL(base, fs.URL),
			Unit: t.Name, UnitKind: t.Kind,
		}
		if rec.Amounts == nil {
			rec.Amounts = []notice.Amount{}
		}
		rec.Yuan = []int64{}
		for _, a := range f.Amounts {
			rec.Yuan = append(rec.Yuan, a.Yuan)
		}
		rec.Deadline, rec.DeadlineText, rec.Overdue = fs.Deadline, fs.DeadlineText, fs.Overdue
		if fs.Overdue {
			rec.OverdueNote = "逾期（" + fs.OverdueNote + "）"
		}
		for _, h := range fs.History {
			rec.History = append(rec.History, RecordEvent{
				Signed: h.Signed, Notice: h.Notice, Status: h.Status, StatusText: h.StatusText, URL: AbsURL(base, h.URL),
			})
		}
		out = append(out, rec)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// AbsURL is a site URL made absolute with the base URL ("https://x.org/").
func AbsURL(base, u string) string { return strings.TrimSuffix(base, "/") + u }

func (r Record) Row() []string {
	var amounts, yuan, history []string
	for _, a := range r.Amounts {
		amounts = append(amounts, a.Text)
	}
	for _, y := range r.Yuan {
		yuan = append(yuan, strconv.FormatInt(y, 10))
	}
	for _, h := range r.History {
		history = append(history, string(h.Signed)+" "+h.StatusText)
	}
	return []string{
		r.ID, r.Province, r.City, r.County, r.Township,
		r.Notice, string(r.Signed), r.Inspection, strconv.Itoa(r.Number),
		strconv.Itoa(r.CategoryNo), r.Category, strconv.Itoa(r.GroupNo), r.Group,
		r.Title, r.Problem, string(r.Status), r.StatusText, r.Rectification, strings.Join(r.Measures, "\n"),
		strings.Join(amounts, "；"), strings.Join(yuan, "；"), string(r.Deadline), strconv.FormatBool(r.Overdue),
		strings.Join(history, "\n"), r.URL,
		r.Unit, string(r.UnitKind), r.OverdueNote, r.DeadlineText,
	}
}

// CSVColumnsZh are the columns of findings-zh.csv, the findings CSV for
// reading (in Excel): Chinese headers, values as the pages show them. Its
// rows are those of findings.csv, in the same order (docs/journalists.md
// documents both).
var CSVColumnsZh = []string{
	"编号", "省", "市", "县（区）", "乡镇（街道）", "被巡察单位", "单位类型",
	"通报", "通报日期", "巡察", "序号",
	"类别序号", "类别", "小类序号", "小类",
	"标题", "问题", "整改状态", "通报原文状态", "整改情况", "整改措施",
	"涉及金额", "金额（元）", "整改时限（通报原文）", "整改时限（本站读作）", "是否逾期", "逾期说明",
	"整改进展", "链接",
}

// unstated is what the Chinese CSV says where the notice states nothing.
const unstated = "未说明"

// RowZh is the record as findings-zh.csv writes it: CSVColumnsZh's cells.
// The status and the unit's kind are their labels, true/false 是/否, dates
// as the pages write them; a deadline is as the notice wrote it, with the
// day the site reads it as (for 逾期) in its own column; 未说明 where the
// notice states no deadline. Numbers that are 0 because the notice has no
// category or group are empty.
func (r Record) RowZh() []string {
	var amounts, yuan, history []string
	for _, a := range r.Amounts {
		amounts = append(amounts, a.Text)
	}
	for _, y := range r.Yuan {
		yuan = append(yuan, strconv.FormatInt(y, 10))
	}
	for _, h := range r.History {
		e := dateText(h.Signed) + " " + h.Status.Label()
		if h.StatusText != "" && h.StatusText != h.Status.Label() {
			e += "（" + h.StatusText + "）"
		}
		history = append(history, e)
	}
	no := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	written, read := unstated, ""
	if r.Deadline != "" {
		read = dateText(r.Deadline)
		written = r.DeadlineText
		if written == "" {
			written = read
		}
	} else if r.DeadlineText != "" {
		written = r.DeadlineText
	}
	overdue := "否"
	if r.Overdue {
		overdue = "是"
	}
	statusText := r.StatusText
	if statusText == "" {
		statusText = unstated
	}
	return []string{
		r.ID, r.Province, r.City, r.County, r.Township, r.Unit, r.UnitKind.Label(),
		r.Notice, dateText(r.Signed), dateText(notice.Date(r.Inspection)), strconv.Itoa(r.Number),
		no(r.CategoryNo), r.Category, no(r.GroupNo), r.Group,
		r.Title, r.Problem, r.Status.Label(), statusText, r.Rectification, strings.Join(r.Measures, "\n"),
		strings.Join(amounts, "；"), strings.Join(yuan, "；"), written, read, overdue, r.OverdueNote,
		strings.Join(history, "\n"), r.URL,
	}
}
