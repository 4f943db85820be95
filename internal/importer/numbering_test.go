package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		f    string
		want string
	}{
		{1, "decimal", "1"}, {12, "decimal", "12"},
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {21, "chineseCounting", "二十一"}, {100, "chineseCountingThousand", "一百"},
		{105, "chineseCountingThousand", "一百〇五"}, {110, "chineseCountingThousand", "一百一十"}, {1001, "chineseCountingThousand", "一千〇一"},
		{3, "chineseLegalSimplified", "叁"},
		{10, "ideographDigital", "一〇"}, {7, "ideographDigital", "七"},
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircle", "⑳"}, {21, "decimalEnclosedCircle", "㉑"}, {51, "decimalEnclosedCircle", "51"},
		{12, "decimalFullWidth", "１２"}, {3, "decimalEnclosedParen", "⑶"}, {2, "decimalEnclosedFullstop", "⒉"},
		{1, "ideographTraditional", "甲"}, {2, "ideographEnclosedCircle", "㊁"},
		{1, "lowerLetter", "a"}, {27, "lowerLetter", "aa"}, {2, "upperLetter", "B"},
		{4, "lowerRoman", "iv"}, {9, "upperRoman", "IX"}, {5, "decimalZero", "05"},
	} {
		if got := formatNumber(c.n, c.f); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.n, c.f, got, c.want)
		}
	}
}

// wordLevel is one level of a test list definition.
type wordLevel struct {
	ilvl      int
	fmt, text string
	start     int
	restart   int // -1: no lvlRestart
}

func numberingXML(abstracts map[int][]wordLevel, nums string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	for id := 0; id < len(abstracts); id++ {
		fmt.Fprintf(&b, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>`, id)
		for _, l := range abstracts[id] {
			fmt.Fprintf(&b, `<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>`, l.ilvl, l.start, l.fmt)
			if l.restart >= 0 {
				fmt.Fprintf(&b, `<w:lvlRestart w:val="%d"/>`, l.restart)
			}
			fmt.Fprintf(&b, `<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl>`, html.EscapeString(l.text))
		}
		b.WriteString(`</w:abstractNum>`)
	}
	b.WriteString(nums)
	b.WriteString(`</w:numbering>`)
	return b.String()
}

// wordZip is a .docx of the given parts.
func wordZip(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// the package's content types and relationships, as Word writes them
	// (LibreOffice needs them to know the file)
	if _, ok := parts["[Content_Types].xml"]; !ok {
		parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
		parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
		rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
		if _, ok := parts["word/numbering.xml"]; ok {
			rels += `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`
		}
		if _, ok := parts["word/styles.xml"]; ok {
			rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
		}
		parts["word/_rels/document.xml.rels"] = rels + `</Relationships>`
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml"} {
		if body, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(body))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// numPara is a paragraph with numbering properties: numId/ilvl ("" for
// none) and a paragraph style.
func numPara(numID, ilvl, style, text string) string {
	var b strings.Builder
	b.WriteString(`<w:p><w:pPr>`)
	if style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, style)
	}
	if numID != "" || ilvl != "" {
		b.WriteString(`<w:numPr>`)
		if ilvl != "" {
			fmt.Fprintf(&b, `<w:ilvl w:val="%s"/>`, ilvl)
		}
		if numID != "" {
			fmt.Fprintf(&b, `<w:numId w:val="%s"/>`, numID)
		}
		b.WriteString(`</w:numPr>`)
	}
	// a revision's old properties are not the paragraph's
	b.WriteString(`<w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="5"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange>`)
	b.WriteString(`<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>`)
	fmt.Fprintf(&b, `<w:r><w:t>%s</w:t></w:r></w:p>`, html.EscapeString(text))
	return b.String()
}

func TestWordNumbering(t *testing.T) {
	abstracts := map[int][]wordLevel{
		0: {
			{0, "chineseCounting", "%1、", 1, -1},
			{1, "chineseCounting", "（%2）", 1, -1},
			{2, "decimal", "%3.", 1, -1},
			{3, "decimalEnclosedCircle", "%4", 1, -1},
		},
		1: {
			{0, "decimal", "问题%1：", 5, -1},
			{1, "decimalFullWidth", "%1.%2", 1, 0}, // never restarts
		},
		2: {
			{0, "ideographDigital", "第%1条", 1, -1},
			{1, "lowerLetter", "%2)", 1, 1}, // restarts after level 1 (ilvl 0)
		},
	}
	nums := `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>` +
		// a list style: abstract 7 links to the numbering style "ListHeadings", whose list (num 8)
		// is abstract 8, which holds the levels
		`<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="ListHeadings"/></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="8"><w:styleLink w:val="ListHeadings"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1部分"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="8"/></w:num>` +
		`<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:lvlOverride></w:num>`
	styles := `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="numbering" w:styleId="ListHeadings"><w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="21"><w:name w:val="my heading"/><w:basedOn w:val="2"/></w:style>` +
		`</w:styles>`
	paras := []struct{ numID, ilvl, style, text, want string }{
		{"", "", "", "示例县样本镇党委", "示例县样本镇党委"},
		{"1", "0", "", "组织落实", "一、组织落实"},
		{"1", "0", "", "问题整改", "二、问题整改"},
		{"", "", "2", "党的建设", "（一）党的建设"},     // by its style
		{"1", "2", "", "学习不深入", "1.学习不深入"},   //
		{"4", "2", "", "另一实例", "2.另一实例"},     // another instance of the same list continues it
		{"2", "2", "", "重新编号", "1.重新编号"},     // a start override starts it again
		{"2", "2", "", "接着编号", "2.接着编号"},     // once
		{"1", "3", "", "小点", "①小点"},          //
		{"", "", "21", "纪律建设", "（二）纪律建设"},    // a style based on a numbered style
		{"1", "2", "", "重新开始", "1.重新开始"},     // (二) advanced: level 3 restarts
		{"0", "", "2", "取消编号", "取消编号"},       // numId 0: not numbered
		{"1", "0", "", "下一步", "三、下一步"},       //
		{"3", "0", "", "标题", "问题5：标题"},       // start 5, a word before the number
		{"3", "1", "", "子项", "5.１ 子项"},       // full width
		{"3", "0", "", "标题", "问题6：标题"},       //
		{"3", "1", "", "不重新编号", "6.２ 不重新编号"}, // lvlRestart 0: never restarts
		{"5", "0", "", "条文", "第一条 条文"},       // a label ending in a word takes a space
		{"5", "1", "", "甲", "a)甲"},           //
		{"5", "0", "", "条文", "第二条 条文"},       //
		{"5", "1", "", "乙", "a)乙"},           // restarts after level 1
		{"6", "0", "", "圆圈", "①圆圈"},          // a level redefined in the override
		{"9", "0", "", "没有这个编号", "没有这个编号"},   // an unknown list
		{"7", "0", "", "总体情况", "第一部分 总体情况"},  // through a list style
		{"8", "0", "", "具体问题", "第二部分 具体问题"},  // the same list by its own instance
	}
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	var want []string
	for _, p := range paras {
		doc.WriteString(numPara(p.numID, p.ilvl, p.style, p.text))
		want = append(want, p.want)
	}
	doc.WriteString(`</w:body></w:document>`)
	d, err := Decode("numbered.docx", wordZip(t, map[string]string{
		"word/document.xml": doc.String(), "word/numbering.xml": numberingXML(abstracts, nums), "word/styles.xml": styles,
	}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range d.Lines {
		got = append(got, l.Text)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			g, w := "", ""
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("paragraph %d: %q, want %q", i+1, g, w)
			}
		}
	}
}

// wordNumbered typesets a layout's text as a .docx whose numbers come from
// Word's numbering: each line's typed label (一、 (一) 1. (1) ①) is taken off
// and the paragraph given the list level that draws it.
func wordNumbered(t testing.TB, text string) []byte {
	type kind struct {
		re   *regexp.Regexp
		ilvl int
	}
	kinds := []kind{
		{regexp.MustCompile(`^[一二三四五六七八九十]+、`), 0},
		{regexp.MustCompile(`^\([一二三四五六七八九十]+\)`), 1},
		{regexp.MustCompile(`^\d+[.、]`), 2},
		{regexp.MustCompile(`^\(\d+\)|^[①-⑳]`), 3},
	}
	abstracts := map[int][]wordLevel{0: {
		{0, "chineseCounting", "%1、", 1, -1},
		{1, "chineseCounting", "(%2)", 1, -1},
		{2, "decimal", "%3.", 1, -1},
		{3, "decimal", "(%4)", 1, -1},
	}}
	// the layout's own marks for levels 2 and 3, and whether level 2 runs
	// on across level 1
	if strings.Contains(text, "\n1、") {
		abstracts[0][2] = wordLevel{2, "decimal", "%3、", 1, 0}
	}
	if strings.Contains(text, "\n①") {
		abstracts[0][3] = wordLevel{3, "decimalEnclosedCircle", "%4", 1, -1}
	}
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		numbered := false
		for _, k := range kinds {
			if m := k.re.FindString(l); m != "" && !strings.HasPrefix(l, "一是") {
				doc.WriteString(numPara("1", fmt.Sprint(k.ilvl), "", strings.TrimPrefix(l, m)))
				numbered = true
				break
			}
		}
		if !numbered {
			doc.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(l) + `</w:t></w:r></w:p>`)
		}
	}
	doc.WriteString(`</w:body></w:document>`)
	return wordZip(t, map[string]string{"word/document.xml": doc.String(),
		"word/numbering.xml": numberingXML(abstracts, `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)})
}

// A .docx whose findings are Word list paragraphs reads as the typed text
// does: the decoded lines are the typed lines, and the findings the same.
func TestWordListFindings(t *testing.T) {
	want := seedFindings(t)
	for _, i := range []int{0, 2, 4} {
		l := layouts[i]
		t.Run(l.name, func(t *testing.T) {
			text := l.text(want)
			d, err := Decode("list.docx", wordNumbered(t, text))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
			if len(d.Lines) != len(lines) {
				t.Fatalf("%d paragraphs, want %d", len(d.Lines), len(lines))
			}
			for k, dl := range d.Lines {
				if dl.Text != lines[k] {
					t.Fatalf("paragraph %d: %q, want %q", k+1, dl.Text, lines[k])
				}
			}
			r, err := ParseDocument(d)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, l, r.Notice.Findings, want)
		})
	}
}
