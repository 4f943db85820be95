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
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/csvsafe"
	"github.com/gongshi/gongshi/internal/search"
)

// Columns of --csv (and of the table, in Chinese).
var Columns = []string{"id", "kind", "province", "city", "county", "township", "signed", "number", "status", "title", "url", "score", "unit", "unit_kind"}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// Run runs `gongshi search` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(io.Err)
	site := fs.String("site", "public", "the built site `folder` (gongshi build --out)")
	var f search.Filters
	fs.Var((*multi)(&f.Township), "township", "only this township: a name (郊尾镇) or slug path (fujian/putian/xianyou/jiaowei); repeatable")
	fs.Var((*multi)(&f.County), "county", "only this county (name or slug path); repeatable")
	fs.Var((*multi)(&f.Region), "region", "only under this slug path (fujian/putian); repeatable")
	fs.Var((*multi)(&f.Status), "status", "only this status: done, in_progress, not_started; repeatable")
	fs.Var((*multi)(&f.Category), "category", "only this category (its heading's text); repeatable")
	fs.Var((*multi)(&f.Year), "year", "only notices signed this year; repeatable")
	fs.Var((*multi)(&f.Unit), "unit", "only this unit: a name (示例县文旅局) or slug path, with the units below it; repeatable")
	fs.BoolVar(&f.Overdue, "overdue", false, "only overdue findings (the deadline passed and the latest notice did not report them done)")
	fs.Var((*multi)(&f.Deadline), "deadline", "only findings whose deadline falls in this year (2024); repeatable")
	fs.Var((*multi)(&f.UnitKind), "unit-kind", "only units of this kind: township, village, department, school, enterprise, region; repeatable")
	size := fs.Int("size", 20, "how many hits (at most 100)")
	from := fs.Int("from", 0, "skip this many hits")
	asJSON := fs.Bool("json", false, "print the result as JSON (as /api/search answers)")
	asCSV := fs.Bool("csv", false, "print the hits as CSV: "+strings.Join(Columns, ","))
	timeout := fs.Duration("timeout", search.DefaultTimeout, "stop the search after this `long` (as /api/search does after 5s)")
	fs.Usage = func() {
		fmt.Fprintln(io.Err, "usage: gongshi search QUERY [--site DIR] [--township …] [--unit …] [--unit-kind …] [--status …] [--year …] [--timeout 5s] [--json|--csv]")
		fmt.Fprintln(io.Err, "QUERY is in Bleve's query-string syntax: words, \"a phrase\", +must, -not.")
		fs.PrintDefaults()
	}
	// Flags may come before or after the query.
	var words []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return &cli.ExitError{Code: 2, Err: err, Silent: true}
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(words) == 0 {
		fs.Usage()
		return &cli.ExitError{Code: 2, Err: errors.New("no query"), Silent: true}
	}
	if *asJSON && *asCSV {
		return cli.Usage("--json and --csv exclude each other")
	}
	x, err := search.Open(*site)
	if err != nil {
		return err
	}
	defer x.Close()
	if *timeout <= 0 {
		return cli.Usage("--timeout %s: give a positive duration (5s, 1m)", *timeout)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	res, err := x.Search(ctx, search.Request{Query: strings.Join(words, " "), Filters: f, From: *from, Size: *size, Highlight: *asJSON})
	if err != nil {
		var bad *search.BadRequest
		if errors.As(err, &bad) {
			return &cli.ExitError{Code: 2, Err: bad} // a *search.BadRequest: printed in the reader's language (i18n.Localize)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("the search took longer than %s: narrow the query, or raise --timeout", *timeout)
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
