package importer

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongshi/gongshi/internal/importer/genregen"
)

// The decoders' fuzz targets (issue 18: HTML tables, Word numbering, PDF):
//
//	go test -run XXX -fuzz FuzzHTMLTable -fuzztime 10m -fuzzminimizetime 2s ./internal/importer
//	go test -run XXX -fuzz FuzzWordNumbering -fuzztime 10m -fuzzminimizetime 2s ./internal/importer
//	go test -run XXX -fuzz FuzzPDF -fuzztime 10m -fuzzminimizetime 2s ./internal/importer
//
// (the seeds are kilobytes: without the bound, minimising one new input
// takes a minute, and the run shows 0 execs/s meanwhile)
//
// Each decoder never panics, and what it gives back is well formed.

// checkLines: lines are valid UTF-8, and a table row's text is its cells
// joined by tabs, at most maxColumns of them.
func checkLines(t *testing.T, lines []SourceLine) {
	t.Helper()
	for _, l := range lines {
		if !utf8.ValidString(l.Text) {
			t.Fatalf("line %d is not UTF-8: %q", l.No, l.Text)
		}
		if l.Cells != nil {
			if len(l.Cells) > maxColumns {
				t.Fatalf("line %d: %d cells", l.No, len(l.Cells))
			}
			if l.Text != strings.Join(l.Cells, "\t") {
				t.Fatalf("line %d: text %q is not its cells %q", l.No, l.Text, l.Cells)
			}
		}
	}
}

func FuzzHTMLTable(f *testing.F) {
	fs := seedFindings(f)
	f.Add(string(spannedHTML(spannedTable(fs[:6]))))
	f.Add(string(tableHTML(findingsTable(fs[:4]))))
	f.Add(`<table><thead><tr><th>类别</th><th>序号</th><th>问题</th><th>整改情况</th></tr></thead><tr><td rowspan="2">党建</td><td>1</td><td>题</td><td rowspan=0>已完成</td></tr><tr><td colspan="2">二</td></tr></table>`)
	f.Add(`<table><tr><td rowspan=3 colspan=2>问题</td><td>整改措施</td></tr><tr><td>a<br>b<p>c</p></td></tr></table>`)
	f.Add(`<table><tr><th>问题</th><th>完成情况</th></tr><tr><td colspan=99999 rowspan=99999>x</td></tr><tr><td>y</td></tr></table>`)
	f.Fuzz(func(t *testing.T, page string) {
		if len(page) > 1<<18 {
			return
		}
		d, err := Decode("table.html", []byte(page))
		if err != nil {
			return
		}
		checkLines(t, d.Lines)
	})
}

func FuzzWordNumbering(f *testing.F) {
	abstracts := map[int][]wordLevel{
		0: {{0, "chineseCounting", "%1、", 1, -1}, {1, "chineseCounting", "（%2）", 1, -1}, {2, "decimal", "%1.%2.%3", 3, 0}, {3, "decimalEnclosedCircle", "%4", 1, 1}},
		1: {{0, "lowerLetter", "%1)", 1, -1}, {1, "ideographDigital", "第%2条", 1, -1}},
	}
	nums := `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="7"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>`
	var doc strings.Builder
	doc.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range [][2]string{{"1", "0"}, {"1", "1"}, {"1", "2"}, {"2", "2"}, {"1", "3"}, {"3", "0"}, {"3", "1"}, {"1", "0"}} {
		doc.WriteString(numPara(p[0], p[1], "", "示例"))
	}
	doc.WriteString(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>问题</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>整改情况</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>已完成</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	doc.WriteString(`</w:body></w:document>`)
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`
	f.Add(numberingXML(abstracts, nums), styles, doc.String())
	f.Add(`<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%1%1%1%1%1%1%1%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
		"", `<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p></w:body></w:document>`)
	f.Add(`<w:numbering><w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="L"/></w:abstractNum><w:abstractNum w:abstractNumId="8"><w:styleLink w:val="L"/><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1部分"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num></w:numbering>`,
		`<w:styles><w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>`,
		`<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr></w:p></w:body></w:document>`)
	f.Fuzz(func(t *testing.T, numXML, stylesXML, docXML string) {
		if len(numXML)+len(stylesXML)+len(docXML) > 1<<18 {
			return
		}
		nb, err := parseNumbering([]byte(numXML), []byte(stylesXML))
		if err != nil {
			return
		}
		lines, err := docxParagraphsWith([]byte(docXML), nb)
		if err != nil {
			return
		}
		checkLines(t, lines)
		// a label is bounded by its level's text, not by the counters
		for _, l := range lines {
			if len(l.Text) > 4*len(docXML)+64*len(numXML)+64 {
				t.Fatalf("paragraph %d: %d bytes from %d bytes of XML", l.No, len(l.Text), len(docXML)+len(numXML))
			}
		}
	})
}

func FuzzPDF(f *testing.F) {
	fs := seedFindings(f)
	text := layouts[0].text(fs[:3])
	f.Add((&genregen.PDFMaker{ToUnicode: true}).Make(genregen.Typeset(text, true)))
	f.Add((&genregen.PDFMaker{ToUnicode: true, ImageOps: true}).Make([][]genregen.PDFText{{{X: 72, Y: 700, Size: 15, Text: "示例县"}}}))
	f.Add((&genregen.PDFMaker{ToUnicode: false}).Make([][]genregen.PDFText{{{X: 72, Y: 700, Size: 15, Text: "样本镇"}}}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer << /Size 3 /Root 1 0 R >>\nstartxref\n113\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		lines, err := decodePDF(data)
		if err != nil {
			if lines != nil {
				t.Fatalf("lines with an error: %v", err)
			}
			return
		}
		if len(lines) == 0 {
			t.Fatal("no lines and no error: a PDF with nothing read must say so")
		}
		checkLines(t, lines)
	})
}
