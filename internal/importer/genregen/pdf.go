package genregen

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
)

// A PDF the way Chinese PDFs are made: a Type0 font with
// Identity-H encoding whose CIDs are glyph numbers (1, 2, … in the order
// the characters are first used, as a subset font has them) and a
// ToUnicode CMap that maps them back to characters. Half-width characters
// are half as wide (W array). Lines are drawn at their place with Tm, Td
// or TJ; some pages list their lines bottom to top, some streams are
// deflated.

// PDFText is a line drawn at (X, Y) in Size-point characters.
type PDFText struct {
	X, Y, Size float64
	Text       string
}

// PDFMaker writes pages as a PDF file (Make).
type PDFMaker struct {
	ToUnicode bool // write the ToUnicode CMap
	ImageOps  bool // pages draw an image instead of text (a scan)
	cid       map[rune]int
	order     []rune
	objects   []string
}

func (m *PDFMaker) cidOf(r rune) int {
	if c, ok := m.cid[r]; ok {
		return c
	}
	m.order = append(m.order, r)
	m.cid[r] = len(m.order)
	return m.cid[r]
}

func (m *PDFMaker) hex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", m.cidOf(r))
	}
	b.WriteByte('>')
	return b.String()
}

// content is a page's content stream: each line its own way.
func (m *PDFMaker) content(lines []PDFText, page int) string {
	var b strings.Builder
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	if page%2 == 0 { // bottom to top
		for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
			order[i], order[j] = order[j], order[i]
		}
	}
	if m.ImageOps {
		return "q 400 0 0 600 100 100 cm /Im1 Do Q\n"
	}
	for k, i := range order {
		l := lines[i]
		switch k % 3 {
		case 0:
			fmt.Fprintf(&b, "BT /F1 %g Tf 1 0 0 1 %g %g Tm %s Tj ET\n", l.Size, l.X, l.Y, m.hex(l.Text))
		case 1:
			fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td %s Tj ET\n", l.Size, l.X, l.Y, m.hex(l.Text))
		default:
			// a TJ array split in two pieces, no gap between them
			r := []rune(l.Text)
			h := len(r) / 2
			fmt.Fprintf(&b, "q 1 0 0 1 0 0 cm BT /F1 %g Tf 1 0 0 1 %g %g Tm [%s 0 %s] TJ ET Q\n", l.Size, l.X, l.Y, m.hex(string(r[:h])), m.hex(string(r[h:])))
		}
	}
	return b.String()
}

func (m *PDFMaker) add(obj string) int {
	m.objects = append(m.objects, obj)
	return len(m.objects)
}

func stream(dict, data string, deflate bool) string {
	if deflate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write([]byte(data))
		w.Close()
		return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.String())
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Make writes the pages as a PDF file.
func (m *PDFMaker) Make(pages [][]PDFText) []byte {
	m.cid = map[rune]int{}
	m.objects = nil
	m.add("<< /Type /Catalog /Pages 2 0 R >>")
	m.add("")                                                                                                                     // 2: the page tree, written last
	m.add("")                                                                                                                     // 3: the font
	m.add("")                                                                                                                     // 4: the CID font
	m.add("")                                                                                                                     // 5: the ToUnicode CMap
	m.add(stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80", false)) // 6
	var kids []string
	for i, p := range pages {
		c := m.add(stream("", m.content(p, i+1), i%3 == 1))
		pg := m.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", c))
		kids = append(kids, fmt.Sprintf("%d 0 R", pg))
	}
	m.objects[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> >>", strings.Join(kids, " "), len(pages))
	tu := ""
	if m.ToUnicode {
		tu = " /ToUnicode 5 0 R"
	}
	m.objects[2] = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [4 0 R]" + tu + " >>"
	var w strings.Builder
	for i, r := range m.order {
		wd := 1000
		if r < 0x80 {
			wd = 500
		}
		fmt.Fprintf(&w, "%d [%d] ", i+1, wd)
	}
	m.objects[3] = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [" + w.String() + "] >>"
	var cm strings.Builder
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	start := 0
	if len(m.order) >= 3 {
		// the first three as one bfrange with an array, the rest as bfchar
		cm.WriteString("1 beginbfrange\n<0001> <0003> [")
		for k := 0; k < 3; k++ {
			fmt.Fprintf(&cm, "<%04X>", m.order[k])
		}
		cm.WriteString("]\nendbfrange\n")
		start = 3
	}
	for i := start; i < len(m.order); i += 100 {
		end := min(i+100, len(m.order))
		fmt.Fprintf(&cm, "%d beginbfchar\n", end-i)
		for k := i; k < end; k++ {
			fmt.Fprintf(&cm, "<%04X> <%04X>\n", k+1, m.order[k])
		}
		cm.WriteString("endbfchar\n")
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	m.objects[4] = stream("", cm.String(), true)

	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(m.objects))
	for i, o := range m.objects {
		offs[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(m.objects)+1)
	for _, o := range offs {
		fmt.Fprintf(&out, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(m.objects)+1, xref)
	return out.Bytes()
}

// Typeset lays a text out on A4 pages: 15 pt characters (half-width ones
// 7.5 pt), lines of at most 30 em from x = 72, a paragraph's first line
// indented 2 em, 40 lines a page; a header line at the top and a page
// number at the foot of every page.
func Typeset(text string, indent bool) [][]PDFText {
	const size, width, perPage = 15.0, 30.0, 40
	var lines []PDFText
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		var cur []rune
		w, x := 0.0, 72.0
		if indent { // the first line's indent
			w, x = 2, 72+2*size
		}
		for _, r := range para {
			cw := 1.0
			if r < 0x80 {
				cw = 0.5
			}
			if w+cw > width {
				lines = append(lines, PDFText{X: x, Size: size, Text: string(cur)})
				cur, w, x = nil, 0, 72
			}
			cur = append(cur, r)
			w += cw
		}
		lines = append(lines, PDFText{X: x, Size: size, Text: string(cur)})
	}
	var pages [][]PDFText
	total := (len(lines) + perPage - 1) / perPage
	for p := 0; p*perPage < len(lines); p++ {
		page := []PDFText{{X: 250, Y: 800, Size: 10.5, Text: "示例县纪委监委"}}
		for k, l := range lines[p*perPage : min(len(lines), (p+1)*perPage)] {
			l.Y = 760 - float64(k)*18
			page = append(page, l)
		}
		foot := fmt.Sprintf("第 %d 页 共 %d 页", p+1, total)
		if p%2 == 1 {
			foot = fmt.Sprintf("- %d -", p+1)
		}
		page = append(page, PDFText{X: 270, Y: 40, Size: 10.5, Text: foot})
		pages = append(pages, page)
	}
	return pages
}
