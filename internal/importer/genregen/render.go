package genregen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// render writes a composed notice in its container and encoding.
func render(s Spec, d *doc) []byte {
	v := s.V
	nl := "\n"
	if v["line-end"] == "crlf" {
		nl = "\r\n"
	}
	switch v["container"] {
	case "html-p", "html-br", "html-table", "html-ol":
		return []byte(renderHTML(v["container"], d, nl))
	case "docx-p", "docx-num", "docx-table":
		return renderDocx(d)
	case "pdf":
		// the indentation is where a paragraph's first line starts
		var paras []string
		for _, p := range d.Before {
			paras = append(paras, p.text())
		}
		return (&PDFMaker{ToUnicode: true}).Make(Typeset(strings.Join(paras, "\n"), v["indent"] != "none"))
	}
	var b strings.Builder
	for _, p := range d.Before {
		b.WriteString(d.indented(p) + nl)
	}
	return encode(v["encoding"], b.String())
}

// indented is a paragraph's text with the case's indentation (body
// paragraphs that are not Word list items).
func (d *doc) indented(p para) string {
	if p.Role != "" || p.List != 0 {
		return p.text()
	}
	return d.Indent + p.text()
}

// encode writes UTF-8 text in an encoding.
func encode(enc, s string) []byte {
	switch enc {
	case "utf-8-bom":
		return append([]byte("\xEF\xBB\xBF"), s...)
	case "gb18030":
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic("genregen: GB18030: " + err.Error())
		}
		return b
	case "utf-16le-bom":
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			panic("genregen: UTF-16: " + err.Error())
		}
		return b
	}
	return []byte(s)
}

// renderHTML writes a CMS-like page: navigation and footer around an
// article whose title is an <h1>, whose meta line is an info bar, and whose
// paragraphs are <p> each, or one <p> broken by <br>, with the findings in
// a table for html-table.
func renderHTML(kind string, d *doc, nl string) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + nl) }
	line(`<!DOCTYPE html>`)
	line(`<html><head><meta charset="utf-8"><title>示例县纪委监委</title></head><body>`)
	line(`<div class="nav"><a href="/">首页</a> &gt; <a href="/xc">巡视巡察</a></div>`)
	line(`<div class="article">`)
	var body []string
	signing := false
	flush := func() {
		if len(body) > 0 {
			line("<p>" + strings.Join(body, "<br />") + "</p>")
			body = nil
		}
	}
	// html-ol: the findings are the items of ordered lists, each list run
	// on while the numbers do; a finding's measures and status are <p>s in
	// its <li>
	olOpen, liOpen, lastOrd, lastNum := false, false, 0, 0
	closeList := func() {
		if liOpen {
			line("</li>")
			liOpen = false
		}
		if olOpen {
			line("</ol>")
			olOpen = false
		}
	}
	paras := func(ps []para) {
		for _, p := range ps {
			t := html.EscapeString(d.indented(p))
			if kind == "html-ol" {
				switch {
				case p.List == 2:
					if liOpen {
						line("</li>")
						liOpen = false
					}
					if !olOpen || p.NumID != lastNum || p.Ord != lastOrd+1 {
						closeList()
						line(fmt.Sprintf(`<ol start="%d" style="list-style-type:%s">`, p.Ord, cssListStyle(d.FindingFmt, d.FindingText)))
						olOpen = true
					}
					line("<li><p>" + html.EscapeString(p.text()) + "</p>")
					liOpen, lastOrd, lastNum = true, p.Ord, p.NumID
					continue
				case p.List == 1:
					closeList()
					line(fmt.Sprintf(`<ol start="%d" style="list-style-type:cjk-ideographic"><li><p>%s</p></li></ol>`, p.Ord, html.EscapeString(p.text())))
					continue
				case p.In && liOpen:
					line("<p>" + t + "</p>")
					continue
				default:
					closeList()
				}
			}
			switch {
			case p.Role == "title":
				line("<h1>" + t + "</h1>")
			case p.Role == "meta":
				line(`<div class="info">` + t + `</div>`)
			case kind == "html-br":
				if p.Sign && !signing {
					// <p>…<br />…</p><p>中共…委员会<br />2024年12月2日</p>
					flush()
					signing = true
				}
				body = append(body, t)
			default:
				line(`<p style="text-indent:2em">` + t + `</p>`)
			}
		}
		flush()
		closeList()
	}
	paras(d.Before)
	if d.Table != nil {
		line(`<table border="1" cellspacing="0">`)
		for _, r := range d.Table {
			var row strings.Builder
			row.WriteString("<tr>")
			for _, c := range r {
				if c.Covered {
					continue
				}
				tag := "td"
				if c.Header {
					tag = "th"
				}
				attr := ""
				if c.RowSpan > 1 {
					attr += fmt.Sprintf(` rowspan="%d"`, c.RowSpan)
				}
				if c.ColSpan > 1 {
					attr += fmt.Sprintf(` colspan="%d"`, c.ColSpan)
				}
				fmt.Fprintf(&row, "<%s%s>%s</%s>", tag, attr, html.EscapeString(c.Text), tag)
			}
			row.WriteString("</tr>")
			line(row.String())
		}
		line(`</table>`)
	}
	paras(d.After)
	line(`</div>`)
	line(`<div class="footer">版权所有 示例县纪委监委</div></body></html>`)
	return b.String()
}

const wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

func xmlText(s string) string {
	var b bytes.Buffer
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		panic(err)
	}
	return b.String()
}

// wpara is a w:p: the text in runs (a long text split in two runs, as Word
// does at an edit), with a numPr for list paragraphs.
func wpara(p para, text string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if p.List != 0 {
		fmt.Fprintf(&b, `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>`, p.NumID)
	}
	rs := []rune(text)
	parts := []string{text}
	if len(rs) > 24 {
		parts = []string{string(rs[:len(rs)/2]), string(rs[len(rs)/2:])}
	}
	for _, t := range parts {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + xmlText(t) + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// renderDocx writes a minimal valid .docx: [Content_Types].xml, the package
// and document relationships, word/document.xml, and word/numbering.xml
// when the findings are a Word list.
func renderDocx(d *doc) []byte {
	var body strings.Builder
	for _, p := range d.Before {
		body.WriteString(wpara(p, d.indented(p)))
	}
	if d.Table != nil {
		body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>`)
		for range d.Table[1] {
			body.WriteString(`<w:gridCol w:w="1800"/>`)
		}
		body.WriteString(`</w:tblGrid>`)
		for _, r := range d.Table {
			body.WriteString("<w:tr>")
			for _, c := range r {
				var pr strings.Builder
				if c.ColSpan > 1 {
					fmt.Fprintf(&pr, `<w:gridSpan w:val="%d"/>`, c.ColSpan)
				}
				switch {
				case c.Covered:
					pr.WriteString(`<w:vMerge/>`)
				case c.RowSpan > 1:
					pr.WriteString(`<w:vMerge w:val="restart"/>`)
				}
				body.WriteString(`<w:tc><w:tcPr>` + pr.String() + `</w:tcPr>`)
				body.WriteString(wpara(para{}, c.Text))
				body.WriteString(`</w:tc>`)
			}
			body.WriteString("</w:tr>")
		}
		body.WriteString(`</w:tbl>`)
	}
	for _, p := range d.After {
		body.WriteString(wpara(p, d.indented(p)))
	}
	document := xml.Header + `<w:document xmlns:w="` + wNS + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`

	files := []struct{ name, body string }{
		{"[Content_Types].xml", xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			numberingOverride(d) + `</Types>`},
		{"_rels/.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			numberingRel(d) + `</Relationships>`},
		{"word/document.xml", document},
	}
	if d.FindingFmt != "" {
		files = append(files, struct{ name, body string }{"word/numbering.xml", numberingXML(d)})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2024, 12, 2, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func numberingOverride(d *doc) string {
	if d.FindingFmt == "" {
		return ""
	}
	return `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`
}

func numberingRel(d *doc) string {
	if d.FindingFmt == "" {
		return ""
	}
	return `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
}

// numberingXML defines two lists: abstractNum 0 the findings' (decimal or
// chineseCounting, lvlText %1. / %1、 / (%1)), abstractNum 1 the
// categories' (chineseCounting). w:num 1 is the findings' list; when the
// numbering restarts, w:num 2, 3 … are instances of the same list whose
// level 0 starts again at 1 (startOverride); w:num 1000 is the categories'.
func numberingXML(d *doc) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:numbering xmlns:w="` + wNS + `">`)
	lvl := func(fmtName, text string) string {
		return `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="` + fmtName + `"/><w:lvlText w:val="` + xmlAttr(text) +
			`"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`
	}
	b.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` + lvl(d.FindingFmt, d.FindingText) + `</w:abstractNum>`)
	b.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>` + lvl(d.CategoryFmt, d.CatText) + `</w:abstractNum>`)
	b.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for id := 2; id <= d.NumIDs; id++ {
		fmt.Fprintf(&b, `<w:num w:numId="%d"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`, id)
	}
	b.WriteString(`<w:num w:numId="1000"><w:abstractNumId w:val="1"/></w:num>`)
	b.WriteString(`</w:numbering>`)
	return b.String()
}

func xmlAttr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// cssListStyle is the CSS list-style-type that draws a Word list level's
// numbers: decimal (1.), cjk-decimal (1、), cjk-ideographic (一、).
func cssListStyle(format, text string) string {
	switch {
	case format == "chineseCounting":
		return "cjk-ideographic"
	case strings.Contains(text, "、"):
		return "cjk-decimal"
	}
	return "decimal"
}
