package importer

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// A PDF made by the test, the way Chinese PDFs are made: a Type0 font with
// Identity-H encoding whose CIDs are glyph numbers (1, 2, … in the order
// the characters are first used, as a subset font has them) and a
// ToUnicode CMap that maps them back to characters. Half-width characters
// are half as wide (W array). Lines are drawn at their place with Tm, Td
// or TJ; some pages list their lines bottom to top, some streams are
// deflated.

type pdfText struct {
	x, y, size float64
	text       string
}

type pdfMaker struct {
	cid      map[rune]int
	order    []rune
	toUni    bool // write the ToUnicode CMap
	objects  []string
	noFont   bool
	imageOps bool // pages draw an image instead of text
}

func (m *pdfMaker) cidOf(r rune) int {
	if c, ok := m.cid[r]; ok {
		return c
	}
	m.order = append(m.order, r)
	m.cid[r] = len(m.order)
	return m.cid[r]
}

func (m *pdfMaker) hex(s string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", m.cidOf(r))
	}
	b.WriteByte('>')
	return b.String()
}

// content is a page's content stream: each line its own way.
func (m *pdfMaker) content(lines []pdfText, page int) string {
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
	if m.imageOps {
		return "q 400 0 0 600 100 100 cm /Im1 Do Q\n"
	}
	for k, i := range order {
		l := lines[i]
		switch k % 3 {
		case 0:
			fmt.Fprintf(&b, "BT /F1 %g Tf 1 0 0 1 %g %g Tm %s Tj ET\n", l.size, l.x, l.y, m.hex(l.text))
		case 1:
			fmt.Fprintf(&b, "BT /F1 %g Tf %g %g Td %s Tj ET\n", l.size, l.x, l.y, m.hex(l.text))
		default:
			// a TJ array split in two pieces, no gap between them
			r := []rune(l.text)
			h := len(r) / 2
			fmt.Fprintf(&b, "q 1 0 0 1 0 0 cm BT /F1 %g Tf 1 0 0 1 %g %g Tm [%s 0 %s] TJ ET Q\n", l.size, l.x, l.y, m.hex(string(r[:h])), m.hex(string(r[h:])))
		}
	}
	return b.String()
}

func (m *pdfMaker) add(obj string) int {
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

// makePDF writes the pages as a PDF file.
func (m *pdfMaker) makePDF(pages [][]pdfText) []byte {
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
	if m.toUni {
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

// typeset lays a text out on A4 pages: 15 pt characters (half-width ones
// 7.5 pt), lines of at most 30 em from x = 72, a paragraph's first line
// indented 2 em, 40 lines a page; a header line at the top and a page
// number at the foot of every page.
func typeset(text string, indent bool) [][]pdfText {
	const size, width, perPage = 15.0, 30.0, 40
	var lines []pdfText
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
				lines = append(lines, pdfText{x: x, size: size, text: string(cur)})
				cur, w, x = nil, 0, 72
			}
			cur = append(cur, r)
			w += cw
		}
		lines = append(lines, pdfText{x: x, size: size, text: string(cur)})
	}
	var pages [][]pdfText
	total := (len(lines) + perPage - 1) / perPage
	for p := 0; p*perPage < len(lines); p++ {
		page := []pdfText{{x: 250, y: 800, size: 10.5, text: "示例县纪委监委"}}
		for k, l := range lines[p*perPage : min(len(lines), (p+1)*perPage)] {
			l.y = 760 - float64(k)*18
			page = append(page, l)
		}
		foot := fmt.Sprintf("第 %d 页 共 %d 页", p+1, total)
		if p%2 == 1 {
			foot = fmt.Sprintf("- %d -", p+1)
		}
		page = append(page, pdfText{x: 270, y: 40, size: 10.5, text: foot})
		pages = append(pages, page)
	}
	return pages
}

// A notice as a multi-page PDF reads as its text: the lines broken by the
// page width joined again, the page headers and numbers kept as chrome, the
// findings the same as the text's.
func TestPDFNotice(t *testing.T) {
	want := seedFindings(t)
	for _, c := range []struct {
		layout int
		indent bool
	}{{0, true}, {3, true}, {0, false}, {3, false}} {
		l := layouts[c.layout]
		t.Run(fmt.Sprintf("%s, indent %v", l.name, c.indent), func(t *testing.T) {
			text := l.text(want)
			pages := typeset(text, c.indent)
			if len(pages) < 3 {
				t.Fatalf("%d pages", len(pages))
			}
			m := &pdfMaker{toUni: true}
			d, err := Decode("notice.pdf", m.makePDF(pages))
			if err != nil {
				t.Fatal(err)
			}
			if d.Format != FormatPDF {
				t.Errorf("format %s", d.Format)
			}
			var got []string
			chrome := 0
			for _, dl := range d.Lines {
				if dl.Chrome != "" {
					chrome++
					continue
				}
				got = append(got, dl.Text)
			}
			if chrome != 2*len(pages) {
				t.Errorf("%d lines of chrome, want %d (a header and a page number on each of %d pages)", chrome, 2*len(pages), len(pages))
			}
			wantLines := strings.Split(strings.TrimRight(text, "\n"), "\n")
			// without indents, a line broken after a sentence's end at the
			// margin cannot be told from a paragraph's end: the lines may
			// differ, the findings not
			if !c.indent {
				wantLines = got
			}
			if len(got) != len(wantLines) {
				t.Errorf("%d lines, want %d", len(got), len(wantLines))
			}
			for k := range min(len(got), len(wantLines)) {
				if got[k] != wantLines[k] {
					t.Fatalf("line %d:\n %q\nwant\n %q", k+1, got[k], wantLines[k])
				}
			}
			r, err := ParseDocument(d)
			if err != nil {
				t.Fatal(err)
			}
			got2 := r.Notice.Findings
			if !c.indent {
				// without indents, a paragraph is broken before 二是 … that
				// starts a line after a full stop: the words are the same
				for k := range got2 {
					got2[k].Rectification = strings.ReplaceAll(got2[k].Rectification, "\n", "")
				}
			}
			checkLayout(t, l, got2, want)
		})
	}
}

func TestPDFErrors(t *testing.T) {
	page := [][]pdfText{{{x: 72, y: 700, size: 15, text: "中共样本镇委员会关于巡察整改进展情况的通报"}}}
	for _, c := range []struct {
		name string
		m    *pdfMaker
		want error
	}{
		{"scanned: images, no text", &pdfMaker{toUni: true, imageOps: true}, ErrScannedPDF},
		{"no ToUnicode", &pdfMaker{toUni: false}, ErrPDFNoUnicode},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("scan.pdf", c.m.makePDF(page))
			if !errors.Is(err, c.want) || !strings.HasPrefix(err.Error(), "scan.pdf: ") {
				t.Errorf("err = %v, want %v", err, c.want)
			}
		})
	}
	// the same page with its text layer reads, as PDF 1.7 and as PDF 2.0
	pdf17 := (&pdfMaker{toUni: true}).makePDF(page)
	pdf20 := append([]byte("%PDF-2.0"), pdf17[8:]...)
	for _, b := range [][]byte{pdf17, pdf20} {
		d, err := Decode("text.pdf", b)
		if err != nil || len(d.Lines) != 1 || d.Lines[0].Text != "中共样本镇委员会关于巡察整改进展情况的通报" {
			t.Errorf("%.8s: %v %v", b, d, err)
		}
	}
}

// pdfLines on runs placed by hand: what joins and what does not.
func TestPDFLines(t *testing.T) {
	// run: a line's text at x (in em of 10 pt from 0) on line k of page p;
	// a full line runs to 30 em
	run := func(p, k int, x float64, text string) pdfRun {
		w := 0.0
		for _, r := range text {
			if r < 0x80 {
				w += 0.5
			} else {
				w++
			}
		}
		return pdfRun{page: p, x: x * 10, xEnd: (x + w) * 10, y: 700 - float64(k)*15, size: 10, text: text}
	}
	full := strings.Repeat("示", 28) // with a 2 em indent: 30 em
	rest := strings.Repeat("例", 30)
	for _, c := range []struct {
		name string
		runs []pdfRun
		want []string
	}{
		{"indented paragraphs: a full line ending a paragraph at the margin", []pdfRun{
			run(1, 0, 2, full+"。"[:0]), run(1, 1, 0, rest), run(1, 2, 0, "县。"),
			run(1, 3, 2, full), run(1, 4, 2, "新的段落。"),
			run(1, 5, 2, "短行。"), run(1, 6, 2, "又一段。"),
			run(1, 7, 2, "短。"), run(1, 8, 2, "再一段。"),
		}, []string{full + rest + "县。", full, "新的段落。", "短行。", "又一段。", "短。", "再一段。"}},
		{"a title (short) is not joined with the line after it", []pdfRun{
			run(1, 0, 5, "关于巡察整改进展情况的通报"), run(1, 1, 0, strings.Repeat("样", 30)), run(1, 2, 0, "本镇。"),
		}, []string{"关于巡察整改进展情况的通报", strings.Repeat("样", 30) + "本镇。"}},
		{"an item after a full line starts a line", []pdfRun{
			run(1, 0, 0, strings.Repeat("样", 30)), run(1, 1, 0, "2.第二个问题"), run(1, 2, 0, strings.Repeat("样", 30)), run(1, 3, 0, "5.98万元。"),
		}, []string{strings.Repeat("样", 30), "2.第二个问题", strings.Repeat("样", 30) + "5.98万元。"}},
		{"Latin words broken at the margin take a space, numbers not", []pdfRun{
			run(1, 0, 0, strings.Repeat("ab ", 19)+"abc"), run(1, 1, 0, "def 20"), run(1, 2, 0, strings.Repeat("样", 29)+"20"), run(1, 3, 0, "24年。"),
		}, []string{strings.Repeat("ab ", 19) + "abc def 20", strings.Repeat("样", 29) + "2024年。"}},
		{"ragged right: a line a word short of the margin goes on unless it ends a sentence; 二是 after a full stop starts a line", []pdfRun{
			run(1, 0, 0, strings.Repeat("样", 30)), run(1, 1, 0, strings.Repeat("样", 25)+"自"), run(1, 2, 0, "2024年起。"),
			run(1, 3, 0, strings.Repeat("样", 26)+"。"), run(1, 4, 0, "下一段。"),
			run(1, 5, 0, strings.Repeat("样", 29)+"。"), run(1, 6, 0, "二是另一点。"),
			run(1, 7, 0, strings.Repeat("样", 29)+"，"), run(1, 8, 0, "二是同一句。"),
		}, []string{strings.Repeat("样", 30) + strings.Repeat("样", 25) + "自2024年起。", strings.Repeat("样", 26) + "。", "下一段。",
			strings.Repeat("样", 29) + "。", "二是另一点。", strings.Repeat("样", 29) + "，二是同一句。"}},
		{"a run drawn twice (fake bold) is read once; runs of a line left to right", []pdfRun{
			run(1, 0, 3, "整改"), run(1, 0, 0, "问题"), run(1, 0, 0, "问题"), run(1, 0, 2, "的"),
		}, []string{"问题的整改"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, l := range pdfLines(c.runs, 1) {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("pdfLines:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}
