package model

import (
	"github.com/gongshi/gongshi/internal/notice"
)

// The findings table (/findings/): every finding in its current state, in
// one compact file the page's table.js sorts and filters in the browser
// with no server. Its rows carry what the table shows; "download this
// view" fetches the units' findings.json (the downloads' own records, the
// same columns) and writes the rows of the view as CSV or JSON with the
// downloads' formula guard.

// TableFile is where the table's data is published.
const TableFile = "/findings/table.json"

// Table is /findings/table.json.
type Table struct {
	AsOf       notice.Date `json:"as_of"`
	AsOfText   string      `json:"as_of_text"`
	Statuses   [][2]string `json:"statuses"`   // [status, label], in order
	Categories []string    `json:"categories"` // rows point into it
	// Units are [name, kind, unit path, label with its county, page URL,
	// findings.json URL, region slug path, kind label].
	Units [][8]string `json:"units"`
	// Rows are [unit index, number, number as shown, title, category
	// index (-1: none), status, deadline (2024-12-31 or ""), 1 if overdue,
	// signed date of the latest notice reporting it, permalink, id, and,
	// only where there is a deadline, the deadline as the notice wrote it
	// and the site's reading of it where that differs (2024年12月31日 for
	// 2024年12月前; "" else)].
	Rows [][]any `json:"rows"`
}

func BuildTable(m *Model) *Table {
	tb := &Table{AsOf: m.Site.AsOf, AsOfText: m.Site.AsOfText, Categories: []string{}, Units: [][8]string{}, Rows: [][]any{}}
	for _, s := range notice.Statuses {
		tb.Statuses = append(tb.Statuses, [2]string{string(s), s.Label()})
	}
	cats := map[string]int{}
	for _, t := range m.Units {
		if len(t.Findings) == 0 {
			continue
		}
		ui := len(tb.Units)
		label := t.Place
		if t.Kind != notice.UnitTownship {
			label = t.Region.County + t.Region.Township + t.Name
		} else {
			label = t.Region.County + t.Name
		}
		page, file := t.URL, t.Downloads.JSON
		if t.IsSummary { // no page or files of its own: the site-wide file holds it
			page, file = "", ""
		}
		tb.Units = append(tb.Units, [8]string{t.Name, string(t.Kind), t.Key, label, page, file, t.Region.Path(), t.KindLabel})
		for _, fs := range t.Findings {
			f := &fs.Merged
			ci := -1
			if f.Category != "" {
				c, ok := cats[f.Category]
				if !ok {
					c = len(tb.Categories)
					cats[f.Category] = c
					tb.Categories = append(tb.Categories, f.Category)
				}
				ci = c
			}
			over := 0
			if fs.Overdue {
				over = 1
			}
			row := []any{ui, fs.Number, fs.No, f.Title, ci, string(fs.Status), string(fs.Deadline), over,
				string(fs.History[len(fs.History)-1].Signed), fs.URL, fs.ID}
			if fs.DeadlineText != "" { // most findings have none: their rows stay as short as before
				row = append(row, fs.DeadlineText, fs.DeadlineRead)
			}
			tb.Rows = append(tb.Rows, row)
		}
	}
	return tb
}
