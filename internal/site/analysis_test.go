package site

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
)

// Issue 22, item 1: the analysis pages. analysisFixture is a county with
// two units: a township inspected in two rounds, whose first round left an
// item overdue (deadline written 2024年6月底前, read as 2024-06-30) and
// whose second notice states more findings done than it reports (stated ≠
// read); and a department (its name holds & and <, which the SVG must
// escape) with one round.
const analysisFixture = `
-- data/shili/shilishi/shilixian/zhen0001/2023-09-01.toml --
title = "中共样本镇0001委员会关于巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2023-09-01
` + honestRegion + `[inspection]
body = "县委第一巡察组"
start = 2023-03-01
[[findings]]
number = 1
title = "示例问题一"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
title = "示例问题二"
status = "in_progress"
status_text = "正在整改"
[[outstanding]]
number = 1
finding = 2
heading = "关于示例问题二"
deadline_text = "2024年6月底前"
deadline = 2024-06-30
-- data/shili/shilishi/shilixian/zhen0001/2024-11-01.toml --
title = "中共样本镇0001委员会关于第二轮巡察整改情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-11-01
` + honestRegion + `[inspection]
body = "县委第二巡察组"
start = 2024-05-06
[stated]
problems = 2
done = 2
[[findings]]
number = 1
title = "示例问题三"
status = "done"
status_text = "已整改"
[[findings]]
number = 2
title = "示例问题四"
status = "not_started"
status_text = "尚未整改"
-- data/shili/shilishi/shilixian/wenlvju/2024-10-01.toml --
title = "中共示例县文旅局党组关于巡察整改进展情况的通报"
issuer = "中共示例县文旅局党组"
signed = 2024-10-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
[unit]
kind = "department"
name = "示例县文旅&<体育>局"
slug = "wenlvju"
[stated]
problems = 3
done = 2
in_progress = 1
[inspection]
body = "县委第三巡察组"
start = 2024-04-01
[[findings]]
number = 1
title = "景区门票收入管理不规范"
status = "done"
status_text = "已完成整改"
[[findings]]
number = 2
title = "文物保护经费使用滞后"
status = "done"
status_text = "已完成整改"
[[findings]]
number = 3
title = "合同管理不规范"
status = "in_progress"
status_text = "持续整改"
-- expect/shili/shilishi/shilixian/ --
href="/shili/shilishi/shilixian/analysis/"
-- expect/shili/shilishi/shilixian/analysis/ --
<h1>示例县整改情况分析</h1>
<title id="overdue-by-unit-svg-t">各单位未完成和逾期的问题（逾期多的在前）</title>
示例县文旅&amp;&lt;体育&gt;局
href="/shili/shilishi/shilixian/themes/"
href="/shili/shilishi/shilixian/recurrence/"
-- expect/analysis/ --
<h1>全站整改情况分析</h1>
-- expect/ --
href="/analysis/"
`

const analysisCounty = "/shili/shilishi/shilixian/analysis/"

// analysisCSVs are the CSVs of an analysis page, by section.
var analysisCSVs = []string{"overdue-by-unit", "overdue-items", "status-by-kind", "rate-by-unit", "rate-by-round", "trend-by-year", "stated-vs-read"}

// TestAnalysisFixture holds the county's analysis page (its main element)
// and its CSVs to golden files: the overdue item with its deadline as
// written and the site's reading labelled, the two rounds, the notice whose
// stated figure differs.
func TestAnalysisFixture(t *testing.T) {
	s := buildFixture(t, analysisFixture, asOfFixture)
	page := readFile(t, s.Dir, analysisCounty)
	i, j := strings.Index(page, "<main"), strings.Index(page, "</main>")
	if i < 0 || j < i {
		t.Fatalf("no <main> in %s", analysisCounty)
	}
	goldenFile(t, "analysis/county.html", page[i:j+len("</main>")]+"\n")
	for _, name := range analysisCSVs {
		b := readFile(t, s.Dir, analysisCounty+name+".csv")
		if !strings.HasPrefix(b, "\ufeff") || strings.Count(b, "\r\n") != strings.Count(b, "\n") {
			t.Errorf("%s.csv: not BOM and CRLF", name)
		}
		goldenFile(t, "analysis/"+name+".csv", b)
	}
	// The linked region page: two clicks from the county page to the
	// units with the most overdue items.
	s.AssertFile("/shili/shilishi/shilixian/", `<a href="/shili/shilishi/shilixian/analysis/">`)
	// The county page carries the overdue chart itself, and links the
	// themes and recurrence pages.
	s.AssertFile("/shili/shilishi/shilixian/", `<title id="region-chart-svg-t">各单位未完成和逾期的问题（逾期多的在前）</title>`)
	s.AssertFile("/shili/shilishi/shilixian/", `<text class="label" x="0" y="15">样本镇0001</text>`)
	s.AssertFile("/shili/shilishi/shilixian/", `<a href="/shili/shilishi/shilixian/recurrence/">`)
	s.AssertFile("/shili/shilishi/shilixian/", `<a href="/shili/shilishi/shilixian/themes/">`)
	s.AssertFile(analysisCounty+"overdue-by-unit.csv", "样本镇0001,乡镇（街道）,示例省示例市示例县,2,1,1,2024年6月底前,2024年6月30日,244")
	s.AssertFile(analysisCounty+"stated-vs-read.csv", "已完成整改,2,1")
}

// TestAnalysisChartsMatchTables parses every chart of every analysis page
// of the fixture as XML and holds its bars to the numbers of the table
// beside it: each non-zero cell a table marks as a bar (data-bar) is a
// rectangle of that class in the same row, and back; at "count" scale every
// bar's width is its count times one factor, the longest row the chart's
// width; at "share" scale a row's bars fill the width in proportion.
func TestAnalysisChartsMatchTables(t *testing.T) {
	s := buildFixture(t, analysisFixture, asOfFixture)
	pages := 0
	err := filepath.WalkDir(s.Dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(p) != "index.html" || filepath.Base(filepath.Dir(p)) != "analysis" {
			return err
		}
		pages++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		charts := checkCharts(t, p, string(b))
		if charts < 5 {
			t.Errorf("%s: %d charts", p, charts)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// the site, the province, the city, the county
	if pages != 4 {
		t.Errorf("%d analysis pages, want 4", pages)
	}
}

var (
	reSection = regexp.MustCompile(`(?s)<section class="analysis".*?</section>`)
	reSVG     = regexp.MustCompile(`(?s)<svg class="bars".*?</svg>`)
	reTbody   = regexp.MustCompile(`(?s)<tbody>.*?</tbody>`)
)

// checkCharts checks the charts of an analysis page against their tables,
// and returns how many it checked.
func checkCharts(t *testing.T, page, html string) int {
	t.Helper()
	n := 0
	for _, sec := range reSection.FindAllString(html, -1) {
		svg := reSVG.FindString(sec)
		if svg == "" {
			continue
		}
		n++
		chart, err := parseChart(svg)
		if err != nil {
			t.Errorf("%s: the SVG does not parse as XML: %v\n%s", page, err, svg)
			continue
		}
		if chart.Role != "img" || chart.Title == "" || chart.Desc == "" {
			t.Errorf("%s: SVG without role=img, <title> or <desc>: %+v", page, chart)
		}
		rows, err := parseTable(reTbody.FindString(sec))
		if err != nil {
			t.Errorf("%s: the table does not parse: %v", page, err)
			continue
		}
		if len(rows) != len(chart.Rows) {
			t.Errorf("%s %q: %d chart rows, %d table rows", page, chart.Title, len(chart.Rows), len(rows))
			continue
		}
		width, _ := strconv.ParseFloat(strings.Fields(chart.ViewBox)[2], 64)
		factor, longest := 0.0, 0.0
		for i, r := range chart.Rows {
			cells := rows[i]
			total, sum := 0.0, 0.0
			for _, v := range cells {
				total += v
			}
			seen := map[string]bool{}
			for _, rect := range r.Rects {
				v, ok := cells[rect.Class]
				if !ok || v == 0 {
					t.Errorf("%s %q row %d: a %s bar for no count in the table (%v)", page, chart.Title, i, rect.Class, cells)
					continue
				}
				seen[rect.Class] = true
				w, _ := strconv.ParseFloat(rect.Width, 64)
				sum += w
				switch chart.Scale {
				case "share":
					if want := v / total * width; math.Abs(w-want) > 0.01 {
						t.Errorf("%s %q row %d: %s bar %.2f wide for %v of %v, want %.2f", page, chart.Title, i, rect.Class, w, v, total, want)
					}
				case "count":
					if factor == 0 {
						factor = w / v
					} else if math.Abs(w-v*factor) > 0.02 {
						t.Errorf("%s %q row %d: %s bar %.2f wide for %v, want %.2f", page, chart.Title, i, rect.Class, w, v, v*factor)
					}
				default:
					t.Errorf("%s %q: scale %q", page, chart.Title, chart.Scale)
				}
			}
			for class, v := range cells {
				if v > 0 && !seen[class] {
					t.Errorf("%s %q row %d: the table's %s %v has no bar", page, chart.Title, i, class, v)
				}
			}
			if chart.Scale == "share" && math.Abs(sum-width) > 0.05 {
				t.Errorf("%s %q row %d: bars %.2f wide of %.0f", page, chart.Title, i, sum, width)
			}
			// a row's length: its bars end to end, or side by side (the
			// stated and read bars of a figure both start at 0)
			length := 0.0
			for _, rect := range r.Rects {
				x, _ := strconv.ParseFloat(rect.X, 64)
				length = max(length, x+widthOf(rect))
			}
			if chart.Scale == "count" && math.Abs(length-sum) > 0.05 && r.Rects[0].Class != "stated" {
				t.Errorf("%s %q row %d: stacked bars %.2f long, %.2f wide together", page, chart.Title, i, length, sum)
			}
			longest = max(longest, length)
		}
		if chart.Scale == "count" && math.Abs(longest-width) > 0.05 {
			t.Errorf("%s %q: the longest row is %.2f wide of %.0f", page, chart.Title, longest, width)
		}
	}
	return n
}

func widthOf(r svgRect) float64 {
	w, _ := strconv.ParseFloat(r.Width, 64)
	return w
}

type svgRect struct {
	Class string `xml:"class,attr"`
	X     string `xml:"x,attr"`
	Width string `xml:"width,attr"`
}

type svgChart struct {
	Role    string `xml:"role,attr"`
	ViewBox string `xml:"viewBox,attr"`
	Scale   string `xml:"data-scale,attr"`
	Title   string `xml:"title"`
	Desc    string `xml:"desc"`
	Rows    []struct {
		Title string    `xml:"title"`
		Texts []string  `xml:"text"`
		Rects []svgRect `xml:"rect"`
	} `xml:"g"`
}

// parseChart parses an SVG as XML, strictly.
func parseChart(svg string) (*svgChart, error) {
	var c svgChart
	d := xml.NewDecoder(strings.NewReader(svg))
	d.Strict = true
	if err := d.Decode(&c); err != nil {
		return nil, err
	}
	return &c, nil
}

// parseTable reads a table body's rows: each row's cells marked data-bar,
// by bar class, as numbers.
func parseTable(tbody string) ([]map[string]float64, error) {
	d := xml.NewDecoder(strings.NewReader(tbody))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var rows []map[string]float64
	var bar string
	var text bytes.Buffer
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "tr":
				rows = append(rows, map[string]float64{})
			case "td":
				bar = ""
				text.Reset()
				for _, a := range tok.Attr {
					if a.Name.Local == "data-bar" {
						bar = a.Value
					}
				}
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			if tok.Name.Local == "td" && bar != "" {
				v, err := strconv.ParseFloat(strings.TrimSpace(text.String()), 64)
				if err != nil {
					return nil, err
				}
				rows[len(rows)-1][bar] = v
			}
		}
	}
}

// TestAnalysisDownloadsError: a CSV that cannot be written fails the build
// with a message that names it, in the reader's language.
func TestAnalysisDownloadsError(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "analysis"), nil, 0o644); err != nil { // a file where the folder goes
		t.Fatal(err)
	}
	m := &model.Model{Site: &model.SiteData{Analyses: []*model.Analysis{{Charts: []*model.Chart{
		{Table: model.ChartTable{CSV: "/analysis/rate-by-unit.csv", Header: []string{"单位"}}},
	}}}}}
	err := writeAnalysisDownloads(out, "https://example.org/", m)
	if err == nil {
		t.Fatal("no error")
	}
	if zh := i18n.Localize(i18n.NewPrinter(true), err); !strings.HasPrefix(zh, "写入分析页的 CSV /analysis/rate-by-unit.csv 失败：") {
		t.Errorf("the error in Chinese: %q", zh)
	}
}
