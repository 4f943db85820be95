package importer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/importer/genregen"
)

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
			pages := genregen.Typeset(text, c.indent)
			if len(pages) < 3 {
				t.Fatalf("%d pages", len(pages))
			}
			m := &genregen.PDFMaker{ToUnicode: true}
			d, err := Decode("notice.pdf", m.Make(pages))
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
	page := [][]genregen.PDFText{{{X: 72, Y: 700, Size: 15, Text: "中共样本镇委员会关于巡察整改进展情况的通报"}}}
	for _, c := range []struct {
		name string
		m    *genregen.PDFMaker
		want error
	}{
		{"scanned: images, no text", &genregen.PDFMaker{ToUnicode: true, ImageOps: true}, ErrScannedPDF},
		{"no ToUnicode", &genregen.PDFMaker{ToUnicode: false}, ErrPDFNoUnicode},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("scan.pdf", c.m.Make(page))
			if !errors.Is(err, c.want) || !strings.HasPrefix(err.Error(), "scan.pdf: ") {
				t.Errorf("err = %v, want %v", err, c.want)
			}
		})
	}
	// the same page with its text layer reads, as PDF 1.7 and as PDF 2.0
	pdf17 := (&genregen.PDFMaker{ToUnicode: true}).Make(page)
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
	full30 := strings.Repeat("样", 30)
	for _, c := range []struct {
		name string
		runs []pdfRun
		want []string
	}{
		{"a last page of short lines has the document's margin: its lines are not joined", []pdfRun{
			run(1, 0, 0, full30), run(1, 1, 0, full30), run(1, 2, 0, full30), run(1, 3, 0, full30), run(1, 4, 0, "县。"),
			run(2, 0, 0, "邮政信箱:示例县某某路18号"), run(2, 1, 0, "中共样本镇委员会"), run(2, 2, 0, "2024年12月2日"),
		}, []string{full30 + full30 + full30 + full30 + "县。", "邮政信箱:示例县某某路18号", "中共样本镇委员会", "2024年12月2日"}},
		{"a label starts a line; a label broken at the margin is joined again", []pdfRun{
			run(1, 0, 0, strings.Repeat("样", 29)+"。"), run(1, 1, 0, "整改进展：已整改。"),
			run(1, 2, 0, strings.Repeat("样", 28)+"整改"), run(1, 3, 0, "进展：正在整改。"),
		}, []string{strings.Repeat("样", 29) + "。", "整改进展：已整改。", strings.Repeat("样", 28) + "整改进展：正在整改。"}},
		{"第四, after a full line starts a line", []pdfRun{
			run(1, 0, 0, strings.Repeat("样", 29)+"。"), run(1, 1, 0, "第四,食堂采购管理不规范。"),
		}, []string{strings.Repeat("样", 29) + "。", "第四,食堂采购管理不规范。"}},
		{"the closing words and the signature after a full line that ends a sentence start lines", []pdfRun{
			run(1, 0, 0, strings.Repeat("样", 29)+"。"), run(1, 1, 0, "如对巡察整改工作有意见建议,请及时反映。"),
			run(1, 2, 0, strings.Repeat("样", 29)+"。"), run(1, 3, 0, "中共样本镇委员会"), run(1, 4, 0, "2024年12月2日"),
		}, []string{strings.Repeat("样", 29) + "。", "如对巡察整改工作有意见建议,请及时反映。", strings.Repeat("样", 29) + "。", "中共样本镇委员会", "2024年12月2日"}},
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
			pages := 1 // the runs' last page
			for _, r := range c.runs {
				pages = max(pages, r.page)
			}
			for _, l := range pdfLines(c.runs, pages) {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("pdfLines:\n got %q\nwant %q", got, c.want)
			}
		})
	}
}
