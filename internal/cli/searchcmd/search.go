// Package searchcmd is `gongshi search`: a query over the search index a
// build wrote into the site folder.
//
//	gongshi search 偷工减料
//	gongshi search '"3.85万元"' --site public --township 郊尾镇 --status done --year 2024
//	gongshi search 食堂 --json | jq .hits[0].url
//	gongshi search 工程 --csv > hits.csv
package searchcmd

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/csvsafe"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/search"
)

// Columns of --csv (and of the table, in Chinese).
var Columns = []string{"id", "kind", "province", "city", "county", "township", "signed", "number", "status", "title", "url", "score", "unit", "unit_kind"}

// runSearch searches the index o names.
func runSearch(o *Options) error {
	ctx, io, site, f, from, size, asJSON, asCSV, timeout, words := o.Ctx, o.IO, &o.Site, o.Filters, &o.From, &o.Size, &o.JSON, &o.CSV, &o.Timeout, o.Words
	x, err := search.Open(*site)
	if err != nil {
		return err
	}
	defer x.Close()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	res, err := x.Search(ctx, search.Request{Query: strings.Join(words, " "), Filters: f, From: *from, Size: *size, Highlight: *asJSON})
	if err != nil {
		var bad *search.BadRequest
		if errors.As(err, &bad) {
			return &cli.ExitError{Code: 2, Err: bad} // a *search.BadRequest: printed in the reader's language (i18n.Localize)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return i18n.Errorf("the search took longer than %s: narrow the query, or raise --timeout", *timeout)
		}
		return err
	}
	switch {
	case *asJSON:
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	case *asCSV:
		return writeCSV(io.Out, res)
	}
	return writeTable(io.Out, res)
}

func row(h search.Hit) []string {
	number := ""
	if h.Number > 0 {
		number = strconv.Itoa(h.Number)
	}
	return []string{h.ID, h.Kind, h.Province, h.City, h.County, h.Township, h.Signed, number, h.Status,
		h.Title, h.URL, strconv.FormatFloat(h.Score, 'f', 6, 64), h.Unit, h.UnitKind}
}

// writeCSV writes the hits; a cell that a spreadsheet would read as a
// formula (= + - @ tab or carriage return first) gets a leading
// apostrophe, as in the site's downloads.
func writeCSV(w io.Writer, res *search.Result) error {
	c := csv.NewWriter(w)
	if err := c.Write(Columns); err != nil {
		return err
	}
	for _, h := range res.Hits {
		r := row(h)
		for i := range r {
			r[i] = csvsafe.Cell(r[i])
		}
		if err := c.Write(r); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// writeTable prints the hits aligned for a terminal (CJK characters are
// two columns wide).
func writeTable(w io.Writer, res *search.Result) error {
	if len(res.Hits) == 0 {
		_, err := fmt.Fprintf(w, "没有找到与 %s 相符的结果。\n", res.Query)
		return err
	}
	head := []string{"单位", "通报", "问题", "状态", "标题", "链接", "得分"}
	rows := [][]string{head}
	for _, h := range res.Hits {
		number, status := "", h.StatusLabel
		if h.Number > 0 {
			number = strconv.Itoa(h.Number)
		}
		if h.Kind != search.KindFinding {
			number = "—"
		}
		unit := h.County + h.Township
		if h.Unit != "" && h.Unit != h.Township {
			unit += h.Unit
		}
		rows = append(rows, []string{unit, h.Signed, number, status, clip(h.Title, 30), h.URL,
			strconv.FormatFloat(h.Score, 'f', 4, 64)})
	}
	widths := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], cols(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-cols(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	shown := uint64(res.From + len(res.Hits))
	_, err := fmt.Fprintf(w, "\n%d–%d / %d 条\n", res.From+1, shown, res.Total)
	return err
}

// cols is how many terminal columns s takes.
func cols(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
