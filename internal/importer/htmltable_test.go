package importer

import (
	"fmt"
	"html"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPlaceGrid(t *testing.T) {
	c := func(text string, cs, rs int) gridCell { return gridCell{text: text, colspan: cs, rowspan: rs} }
	for _, tc := range []struct {
		name string
		rows [][]gridCell
		want [][]string
	}{
		{"plain", [][]gridCell{{c("a", 1, 1), c("b", 1, 1)}, {c("c", 1, 1), c("d", 1, 1)}},
			[][]string{{"a", "b"}, {"c", "d"}}},
		{"rowspan repeats down", [][]gridCell{{c("类", 1, 3), c("1", 1, 1), c("题一", 1, 1)}, {c("2", 1, 1), c("题二", 1, 1)}, {c("3", 1, 1), c("题三", 1, 1)}, {c("x", 1, 1), c("4", 1, 1), c("题四", 1, 1)}},
			[][]string{{"类", "1", "题一"}, {"类", "2", "题二"}, {"类", "3", "题三"}, {"x", "4", "题四"}}},
		{"rowspan in a middle column", [][]gridCell{{c("1", 1, 1), c("已完成", 1, 2), c("甲", 1, 1)}, {c("2", 1, 1), c("乙", 1, 1)}},
			[][]string{{"1", "已完成", "甲"}, {"2", "已完成", "乙"}}},
		{"colspan read once", [][]gridCell{{c("一、党建", 3, 1)}, {c("1", 1, 1), c("题", 1, 1), c("已完成", 1, 1)}},
			[][]string{{"一、党建"}, {"1", "题", "已完成"}}},
		{"colspan inside a row", [][]gridCell{{c("1", 1, 1), c("措施与进展", 2, 1), c("镇党政办", 1, 1)}},
			[][]string{{"1", "措施与进展", "", "镇党政办"}}},
		{"both directions", [][]gridCell{{c("类", 2, 2), c("a", 1, 1)}, {c("b", 1, 1)}, {c("c", 1, 1), c("d", 1, 1), c("e", 1, 1)}},
			[][]string{{"类", "", "a"}, {"类", "", "b"}, {"c", "d", "e"}}},
		{"rowspan=0 to the end", [][]gridCell{{c("类", 1, 0), c("a", 1, 1)}, {c("b", 1, 1)}, {c("c", 1, 1)}},
			[][]string{{"类", "a"}, {"类", "b"}, {"类", "c"}}},
		{"rowspan past the end", [][]gridCell{{c("类", 1, 9), c("a", 1, 1)}, {c("b", 1, 1)}},
			[][]string{{"类", "a"}, {"类", "b"}}},
		{"word continuation", [][]gridCell{{c("类", 1, 1), c("a", 1, 1)}, {{cont: true}, c("b", 1, 1)}, {{cont: true}, c("c", 1, 1)}},
			[][]string{{"类", "a"}, {"类", "b"}, {"类", "c"}}},
		{"huge colspan bounded", [][]gridCell{{c("a", 1<<30, 1), c("b", 1, 1)}},
			[][]string{{"a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got [][]string
			for _, r := range placeGrid(tc.rows) {
				got = append(got, r.cells)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("placeGrid:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// tcell is a cell of a generated table, with its spans.
type tcell struct {
	text   string
	cs, rs int
}

// spannedTable is the findings as a table whose category cell spans its
// findings' rows (rowspan / vMerge), with a header row of 5 columns.
func spannedTable(fs []notice.Finding) [][]tcell {
	rows := [][]tcell{{{"问题类别", 1, 1}, {"序号", 1, 1}, {"反馈问题", 1, 1}, {"整改措施", 1, 1}, {"整改进展", 1, 1}}}
	count := map[int]int{}
	for _, f := range fs {
		count[f.CategoryNo]++
	}
	walk(fs, nil, nil, func(f notice.Finding, inCat, _ int) {
		var r []tcell
		if inCat == 1 {
			r = append(r, tcell{"（" + CNNumeral(f.CategoryNo) + "）" + f.Category, 1, count[f.CategoryNo]})
		}
		r = append(r, tcell{fmt.Sprint(f.Number), 1, 1}, tcell{findingText(f), 1, 1}, tcell{f.Rectification, 1, 1}, tcell{f.StatusText, 1, 1})
		rows = append(rows, r)
	})
	return rows
}

// spannedHTML writes a spanned table in a page: the header in <thead> as
// th, each cell's lines as <p>s inside nested containers.
func spannedHTML(rows [][]tcell) []byte {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"></head><body><div class=\"content\">\n")
	for _, l := range strings.Split(strings.TrimRight(genreHead, "\n"), "\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("<table border=\"1\">\n")
	for i, r := range rows {
		tag := "td"
		if i == 0 {
			b.WriteString("<thead>")
			tag = "th"
		}
		b.WriteString("<tr>")
		for _, c := range r {
			fmt.Fprintf(&b, "<%s rowspan=\"%d\" colspan=\"%d\"><div><span style=\"font-size:14px\"><font>", tag, c.rs, c.cs)
			for _, l := range strings.Split(c.text, "\n") {
				fmt.Fprintf(&b, "<p><strong></strong>%s</p>", html.EscapeString(l))
			}
			fmt.Fprintf(&b, "</font></span></div></%s>", tag)
		}
		b.WriteString("</tr>\n")
		if i == 0 {
			b.WriteString("</thead><tbody>\n")
		}
	}
	b.WriteString("</tbody></table>\n")
	for _, l := range strings.Split(strings.TrimRight(genreTail, "\n"), "\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("</div></body></html>\n")
	return []byte(b.String())
}

// A findings table whose category cell spans its rows reads every row's
// columns right (before the table model, every row after the first of a
// category shifted one column left: 3 of 59 right).
func TestSpannedFindingsTable(t *testing.T) {
	want := seedFindings(t)
	rows := spannedTable(want)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"spanned.html", spannedHTML(rows)},
		{"spanned.docx", spannedDocx(t, rows)},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse(c.name, c.data)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, layout{cats: true, status: "same"}, r.Notice.Findings, want)
			if len(r.Notice.Unplaced) != 0 {
				t.Errorf("unplaced %v", r.Notice.Unplaced)
			}
			cats, wantCats := map[string]bool{}, map[string]bool{}
			for i, f := range r.Notice.Findings {
				cats[f.Category] = true
				wantCats["（"+CNNumeral(want[i].CategoryNo)+"）"+want[i].Category] = true
			}
			if !reflect.DeepEqual(cats, wantCats) {
				t.Errorf("categories %v, want %v", cats, wantCats)
			}
		})
	}
}

// Outside tables, <br> runs are lines and nested containers are read in
// order.
func TestHTMLBlocks(t *testing.T) {
	page := `<html><body><div class="content"><div><div><span><font face="宋体"><strong>一、组织落实整改情况</strong></font></span></div>
<p><span>示例县</span><span>样本镇</span>党委<strong>高度重视</strong>。<br/>第二行<br>第三行</p>
<div><p>甲</p><div>乙<span>丙</span></div>丁</div></div></div></body></html>`
	lines, err := extractHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, strings.TrimSpace(l.Text))
	}
	want := []string{"一、组织落实整改情况", "示例县样本镇党委高度重视。", "第二行", "第三行", "甲", "乙丙", "丁"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("extractHTML:\n got %q\nwant %q", got, want)
	}
}

// spannedDocx writes a spanned table as a .docx: a cell spanning rows is
// vMerge restart, then an empty vMerge (continue) cell in each row below;
// a cell spanning columns has a gridSpan.
func spannedDocx(t testing.TB, rows [][]tcell) []byte {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	p := func(s string) string {
		return `<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(s) + `</w:t></w:r></w:p>`
	}
	for _, l := range strings.Split(strings.TrimRight(genreHead, "\n"), "\n") {
		doc.WriteString(p(l))
	}
	doc.WriteString(`<w:tbl><w:tblPr/><w:tblGrid/>`)
	// down[c]: rows still covered below by a vMerge cell in column c
	down := map[int]int{}
	for _, r := range rows {
		doc.WriteString(`<w:tr>`)
		col, k := 0, 0
		for k < len(r) || down[col] > 0 {
			if down[col] > 0 {
				doc.WriteString(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`)
				down[col]--
				col++
				continue
			}
			c := r[k]
			k++
			doc.WriteString(`<w:tc><w:tcPr>`)
			if c.cs > 1 {
				fmt.Fprintf(&doc, `<w:gridSpan w:val="%d"/>`, c.cs)
			}
			if c.rs > 1 {
				doc.WriteString(`<w:vMerge w:val="restart"/>`)
				down[col] = c.rs - 1
			}
			doc.WriteString(`</w:tcPr>`)
			for _, l := range strings.Split(c.text, "\n") {
				doc.WriteString(p(l))
			}
			doc.WriteString(`</w:tc>`)
			col += max(1, c.cs)
		}
		doc.WriteString(`</w:tr>`)
	}
	doc.WriteString(`</w:tbl>`)
	for _, l := range strings.Split(strings.TrimRight(genreTail, "\n"), "\n") {
		doc.WriteString(p(l))
	}
	doc.WriteString(`<w:sectPr/></w:body></w:document>`)
	return makeZip(t, map[string]string{"word/document.xml": doc.String()})
}

// A .docx table by the grid model: gridSpan across (read once), vMerge
// down (repeated), gridBefore (empty slots), a header row marked
// w:tblHeader after two title rows.
func TestDocxTableGrid(t *testing.T) {
	tc := func(pr, text string) string {
		return `<w:tc><w:tcPr>` + pr + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
	}
	doc := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="4"/>`, "示例县样本镇巡察整改台账") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="4"/>`, "填报单位：样本镇") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="4"/>`, "第三行") + `</w:tr>` +
		`<w:tr><w:trPr><w:tblHeader/></w:trPr>` + tc("", "序号") + tc("", "反馈问题") + tc("", "整改措施") + tc("", "整改情况") + `</w:tr>` +
		`<w:tr>` + tc(`<w:gridSpan w:val="4"/>`, "一、党的建设") + `</w:tr>` +
		`<w:tr>` + tc("", "1") + tc("", "学习不深入") + tc(`<w:gridSpan w:val="1"/>`, "建立制度") + tc(`<w:vMerge w:val="restart"/>`, "已完成") + `</w:tr>` +
		`<w:tr>` + tc("", "2") + tc("", "记录不规范") + tc("", "规范记录") + tc(`<w:vMerge/>`, "") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>` + tc("", "补充措施") + tc("", "正在整改") + `</w:tr>` +
		`</w:tbl></w:body></w:document>`
	lines, err := docxParagraphs([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, strings.Join(l.Cells, "|"))
	}
	want := []string{"示例县样本镇巡察整改台账", "填报单位：样本镇", "第三行", "序号|反馈问题|整改措施|整改情况", "一、党的建设",
		"1|学习不深入|建立制度|已完成", "2|记录不规范|规范记录|已完成", "||补充措施|正在整改"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("docx table:\n got %q\nwant %q", got, want)
	}
}

// A two-row header: the words of the lower row read with the heading
// above them where alone they name no column.
func TestTwoRowHeader(t *testing.T) {
	for _, c := range []struct {
		name, head string
	}{
		{"整改 over 措施 | 进展 (the lower row is the findings header)",
			`<tr><th rowspan="2">序号</th><th rowspan="2">反馈问题</th><th colspan="2">整改</th><th rowspan="2">责任单位</th></tr><tr><th>措施</th><th>进展</th></tr>`},
		{"整改情况 over 措施 | 进展 (the upper row is)",
			`<tr><th rowspan="2">序号</th><th rowspan="2">反馈问题</th><th colspan="2">整改情况</th><th rowspan="2">责任单位</th></tr><tr><th>措施</th><th>进展</th></tr>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<html><body><div><p>中共样本镇0001委员会关于巡察整改进展情况的通报</p><p>根据示例县委统一部署,县委巡察组对样本镇0001党委开展了巡察,反馈了2个问题。</p>` +
				`<table><thead>` + c.head + `</thead><tbody>` +
				`<tr><td>1</td><td>学习不深入。</td><td>建立学习制度。</td><td>已完成</td><td>镇党政办</td></tr>` +
				`<tr><td>2</td><td>记录不规范。</td><td>规范会议记录。</td><td>正在整改</td><td>镇党政办</td></tr>` +
				`</tbody></table><p>中共样本镇0001委员会</p><p>2024年12月2日</p></div></body></html>`
			r, err := Parse("two.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			fs := r.Notice.Findings
			if len(fs) != 2 || fs[0].Status != notice.StatusDone || fs[1].Status != notice.StatusInProgress ||
				fs[0].StatusText != "已完成" || !strings.Contains(fs[0].Rectification, "建立学习制度") || fs[0].Responsible != "镇党政办" {
				t.Fatalf("findings %+v", fs)
			}
			if len(r.Notice.Unplaced) != 0 {
				t.Errorf("unplaced %v", r.Notice.Unplaced)
			}
		})
	}
}
