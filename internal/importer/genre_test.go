package importer

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// The genre: the bundled notice's 59 findings typeset the way other
// counties typeset theirs (../shared/genre/README.md), under a fictitious
// unit. Each layout must import to the same findings, in order, with the
// same status.

const genreHead = "中共样本镇0001委员会关于巡察整改进展情况的通报\n" +
	"根据示例县委统一部署,2023年7月3日至8月18日,县委第二巡察组对样本镇0001党委开展了巡察,2024年1月16日反馈了巡察意见,指出了2个方面59个问题。现将整改进展情况予以公布。\n"

const genreTail = "中共样本镇0001委员会\n2024年12月2日\n"

// seedFindings are the bundled notice's findings as the importer reads them.
func seedFindings(t testing.TB) []notice.Finding {
	return parseSeed(t).Notice.Findings
}

// findingText is a title and its problem as one paragraph.
func findingText(f notice.Finding) string {
	if f.Problem == "" {
		return f.Title + "。"
	}
	return f.Title + "。" + f.Problem
}

// layout is one way of typesetting the findings; each writes the whole text.
type layout struct {
	name string
	// text writes the notice; cats and groups say whether the layout keeps
	// category and group headings, restart whether its numbering starts
	// again in each category (or group).
	text                  func(fs []notice.Finding) string
	cats, groups, restart bool
	// status is what the layout leaves of the status: "same" (the words as
	// the seed wrote them), "unstated".
	status string
}

// walk calls cat, grp and fnd in the findings' order, with the number of
// the finding within its category and within its group.
func walk(fs []notice.Finding, cat func(f notice.Finding), grp func(f notice.Finding), fnd func(f notice.Finding, inCat, inGroup int)) {
	lastCat, lastGrp, inCat, inGrp := -1, -1, 0, 0
	for _, f := range fs {
		if f.CategoryNo != lastCat {
			lastCat, lastGrp, inCat = f.CategoryNo, -1, 0
			if cat != nil {
				cat(f)
			}
		}
		if f.GroupNo != lastGrp {
			lastGrp, inGrp = f.GroupNo, 0
			if grp != nil {
				grp(f)
			}
		}
		inCat++
		inGrp++
		fnd(f, inCat, inGrp)
	}
}

var layouts = []layout{
	{name: "二、 then (一) categories and 1. findings numbered again in each category (01)", cats: true, restart: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "一、巡察整改工作开展情况\n一是强化组织领导。二是细化方案措施。\n二、具体问题整改情况\n")
			walk(fs, func(f notice.Finding) { fmt.Fprintf(&b, "(%s)%s\n", CNNumeral(f.CategoryNo), f.Category) }, nil,
				func(f notice.Finding, inCat, _ int) {
					fmt.Fprintf(&b, "%d.%s\n整改情况:%s。%s\n", inCat, findingText(f), f.StatusText, f.Rectification)
				})
			return b.String() + genreTail
		}},
	{name: "no 一、 level: (一) / 1.关于 / (1) numbered again in each group, 整改进展 (02)", cats: true, groups: true, restart: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "镇党委把巡察整改作为重大政治任务来抓。\n")
			walk(fs, func(f notice.Finding) {
				fmt.Fprintf(&b, "(%s)在“%s”方面\n", CNNumeral(f.CategoryNo), f.Category)
			},
				func(f notice.Finding) { fmt.Fprintf(&b, "%d.关于“%s”问题的整改\n", f.GroupNo, f.Group) },
				func(f notice.Finding, _, inGrp int) {
					fmt.Fprintf(&b, "(%d)%s\n整改进展:%s,%s\n", inGrp, findingText(f), f.StatusText, f.Rectification)
				})
			return b.String() + genreTail
		}},
	{name: "一、关于 categories, (一) groups, 1、 findings straight through (04)", cats: true, groups: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "镇党委高度重视巡察整改工作,一是统一思想认识;二是加强组织领导。\n")
			walk(fs, func(f notice.Finding) {
				fmt.Fprintf(&b, "%s、关于“%s”方面的问题\n", CNNumeral(f.CategoryNo), f.Category)
			},
				func(f notice.Finding) { fmt.Fprintf(&b, "(%s)%s\n", CNNumeral(f.GroupNo), f.Group) },
				func(f notice.Finding, _, _ int) {
					fmt.Fprintf(&b, "%d、%s\n整改情况:%s。%s\n", f.Number, findingText(f), f.StatusText, f.Rectification)
				})
			return b.String() + genreTail
		}},
	{name: "status on its own line after the measures (完成情况)", cats: true, groups: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "一、组织落实整改情况\n镇党委高度重视。\n二、巡察反馈问题整改情况\n")
			walk(fs, func(f notice.Finding) { fmt.Fprintf(&b, "(%s)%s\n", CNNumeral(f.CategoryNo), f.Category) },
				func(f notice.Finding) { fmt.Fprintf(&b, "%d.%s\n", f.GroupNo, f.Group) },
				func(f notice.Finding, _, _ int) {
					fmt.Fprintf(&b, "(%d)%s\n整改措施:%s\n完成情况:%s。\n", f.Number, findingText(f), f.Rectification, f.StatusText)
				})
			return b.String() + genreTail
		}},
	{name: "status as the last sentence, no label; ① findings numbered again in each group", cats: true, groups: true, restart: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "一、组织落实整改情况\n镇党委高度重视。\n二、巡察反馈问题整改情况\n")
			walk(fs, func(f notice.Finding) { fmt.Fprintf(&b, "(%s)%s\n", CNNumeral(f.CategoryNo), f.Category) },
				func(f notice.Finding) { fmt.Fprintf(&b, "%d.%s\n", f.GroupNo, f.Group) },
				func(f notice.Finding, _, inGrp int) {
					rect := strings.TrimSuffix(f.Rectification, "\n")
					if !strings.HasSuffix(rect, "。") {
						rect += "。"
					}
					fmt.Fprintf(&b, "%c%s\n%s目前该问题%s。\n", rune(0x2460+inGrp-1), findingText(f), rect, f.StatusText)
				})
			return b.String() + genreTail
		}},
	{name: "status in brackets after the finding, 【整改措施】", cats: true, status: "same",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "一、组织落实整改情况\n镇党委高度重视。\n二、巡察反馈问题整改情况\n")
			walk(fs, func(f notice.Finding) { fmt.Fprintf(&b, "(%s)%s\n", CNNumeral(f.CategoryNo), f.Category) }, nil,
				func(f notice.Finding, _, _ int) {
					fmt.Fprintf(&b, "%d.%s(%s)\n【整改措施】%s\n", f.Number, findingText(f), f.StatusText, f.Rectification)
				})
			return b.String() + genreTail
		}},
	{name: "measures as 一是… lines, no status words (07)", status: "unstated",
		text: func(fs []notice.Finding) string {
			var b strings.Builder
			b.WriteString(genreHead + "一、巡察整改组织领导情况\n镇党委加强组织领导。\n二、整改进展情况及成效\n")
			for _, f := range fs {
				fmt.Fprintf(&b, "%d.关于“%s”问题的整改。\n", f.Number, f.Title)
				fmt.Fprintf(&b, "一是%s\n二是持续巩固整改成果。\n", strings.ReplaceAll(f.Problem, "\n", ""))
			}
			return b.String() + genreTail
		}},
}

// checkLayout compares the imported findings with the seed's.
func checkLayout(t *testing.T, l layout, got []notice.Finding, want []notice.Finding) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i, g := range got {
		w := want[i]
		title := w.Title
		if l.status == "unstated" {
			title = "关于“" + w.Title + "”问题的整改"
		}
		if g.Number != i+1 || g.Title != title {
			t.Errorf("finding %d: number %d title %q, want %d %q", i+1, g.Number, g.Title, i+1, title)
		}
		if l.cats && (g.CategoryNo != w.CategoryNo || !strings.Contains(g.Category, w.Category)) {
			t.Errorf("finding %d: category %d %q, want %d %q", i+1, g.CategoryNo, g.Category, w.CategoryNo, w.Category)
		}
		if l.groups && (g.GroupNo != w.GroupNo || !strings.Contains(g.Group, w.Group)) {
			t.Errorf("finding %d: group %d %q, want %d %q", i+1, g.GroupNo, g.Group, w.GroupNo, w.Group)
		}
		if l.restart != (g.Label != "") {
			t.Errorf("finding %d: label %q (numbering restarts: %v)", i+1, g.Label, l.restart)
		}
		switch l.status {
		case "same":
			if g.Status != w.Status || g.StatusText != w.StatusText {
				t.Errorf("finding %d: status %q %q, want %q %q", i+1, g.Status, g.StatusText, w.Status, w.StatusText)
			}
			if !strings.Contains(Normalise(g.Rectification), Normalise(strings.SplitN(w.Rectification, "\n", 2)[0])) {
				t.Errorf("finding %d: rectification %.80q lacks %.80q", i+1, g.Rectification, w.Rectification)
			}
		case "unstated":
			if g.Status != notice.StatusUnstated || g.StatusText != "" || len(g.Measures) != 2 {
				t.Errorf("finding %d: status %q %q, %d measures; want unstated, 2 measures", i+1, g.Status, g.StatusText, len(g.Measures))
			}
		}
	}
}

func TestGenreLayouts(t *testing.T) {
	want := seedFindings(t)
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			text := l.text(want)
			for _, form := range []struct {
				name string
				make func(string) []byte
			}{
				{"genre.txt", func(s string) []byte { return []byte(s) }},
				{"genre.html", func(s string) []byte { return htmlPage(s) }},
				{"genre.docx", func(s string) []byte { return docxOf(t, strings.Split(strings.TrimRight(s, "\n"), "\n"), nil) }},
			} {
				r, err := Parse(form.name, form.make(text))
				if err != nil {
					t.Fatalf("%s: %v", form.name, err)
				}
				checkLayout(t, l, r.Notice.Findings, want)
				if len(r.Notice.Unplaced) != 0 {
					t.Errorf("%s: unplaced %v", form.name, r.Notice.Unplaced)
				}
				if s := r.Notice.Stated; s.Problems == nil || *s.Problems != 59 || len(r.Notice.Disagreements()) != 0 {
					t.Errorf("%s: stated %+v, disagreements %v", form.name, s, r.Notice.Disagreements())
				}
			}
		})
	}
}

// htmlPage puts the lines of a text in a CMS-like page, one <p> each.
func htmlPage(text string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>示例县纪委监委</title></head><body>\n")
	b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/xc\">巡视巡察</a></div>\n<div class=\"article\">\n")
	for i, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if i == 0 {
			fmt.Fprintf(&b, "<h1>%s</h1>\n<div class=\"info\">发布时间:2025-01-12 来源:示例县纪委监委</div>\n", html.EscapeString(l))
			continue
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("</div>\n<div class=\"footer\">版权所有 示例县纪委监委</div></body></html>\n")
	return []byte(b.String())
}

// docxOf writes paragraphs, then a table of rows (if any), as a .docx.
func docxOf(t testing.TB, paras []string, rows [][]string, after ...string) []byte {
	var doc strings.Builder
	doc.WriteString(xml.Header)
	doc.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	esc := func(s string) string {
		var b bytes.Buffer
		if err := xml.EscapeText(&b, []byte(s)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	p := func(s string) string { return `<w:p><w:r><w:t xml:space="preserve">` + esc(s) + `</w:t></w:r></w:p>` }
	for _, l := range paras {
		doc.WriteString(p(l))
	}
	if rows != nil {
		doc.WriteString(`<w:tbl><w:tblPr/>`)
		for _, r := range rows {
			doc.WriteString(`<w:tr>`)
			for _, c := range r {
				doc.WriteString(`<w:tc><w:tcPr/>`)
				for _, l := range strings.Split(c, "\n") {
					doc.WriteString(p(l))
				}
				doc.WriteString(`</w:tc>`)
			}
			doc.WriteString(`</w:tr>`)
		}
		doc.WriteString(`</w:tbl>`)
	}
	for _, l := range after {
		doc.WriteString(p(l))
	}
	doc.WriteString(`<w:sectPr/></w:body></w:document>`)
	return makeZip(t, map[string]string{"word/document.xml": doc.String()})
}

// findingsTable is the findings as a table: a header, a row spanning the table
// for each category, a row per finding.
func findingsTable(fs []notice.Finding) [][]string {
	rows := [][]string{{"序号", "反馈问题", "整改措施", "整改进展", "完成时限", "责任单位"}}
	walk(fs, func(f notice.Finding) {
		rows = append(rows, []string{"(" + CNNumeral(f.CategoryNo) + ")" + f.Category})
	}, nil,
		func(f notice.Finding, _, _ int) {
			rows = append(rows, []string{fmt.Sprint(f.Number), findingText(f), f.Rectification, f.StatusText, "2024年6月底前", "镇党政办"})
		})
	return rows
}

func tableHTML(rows [][]string) []byte {
	var b strings.Builder
	b.WriteString("<html><head><meta charset=\"utf-8\"></head><body><table class=\"layout\"><tr><td>\n<div class=\"nav\">首页 &gt; 巡察公开</div>\n<div class=\"content\">\n")
	for _, l := range strings.Split(strings.TrimRight(genreHead, "\n"), "\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("<table border=\"1\">\n")
	for i, r := range rows {
		b.WriteString("<tr>")
		tag := "td"
		if i == 0 {
			tag = "th"
		}
		if len(r) == 1 {
			fmt.Fprintf(&b, "<td colspan=\"6\"><strong>%s</strong></td>", html.EscapeString(r[0]))
		} else {
			for _, c := range r {
				fmt.Fprintf(&b, "<%s><p>%s</p></%s>", tag, strings.ReplaceAll(html.EscapeString(c), "\n", "</p><p>"), tag)
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	for _, l := range strings.Split(strings.TrimRight(genreTail, "\n"), "\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(l))
	}
	b.WriteString("</div></td></tr></table><div class=\"footer\">版权所有</div></body></html>\n")
	return []byte(b.String())
}

func TestGenreTables(t *testing.T) {
	want := seedFindings(t)
	rows := findingsTable(want)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"table.html", tableHTML(rows)},
		{"table.docx", docxOf(t, strings.Split(strings.TrimRight(genreHead, "\n"), "\n"), rows, strings.Split(strings.TrimRight(genreTail, "\n"), "\n")...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse(c.name, c.data)
			if err != nil {
				t.Fatal(err)
			}
			n := r.Notice
			checkLayout(t, layout{cats: true, status: "same"}, n.Findings, want)
			for i, f := range n.Findings {
				if f.DeadlineText != "2024年6月底前" || f.Deadline != "2024-06-30" || f.Responsible != "镇党政办" {
					t.Errorf("finding %d: deadline %q %q, responsible %q", i+1, f.DeadlineText, f.Deadline, f.Responsible)
					break
				}
			}
			if len(n.Unplaced) != 0 || n.Signed != "2024-12-02" {
				t.Errorf("unplaced %v, signed %q", n.Unplaced, n.Signed)
			}
		})
	}
}

// A table that is not a findings table (a page laid out in a table) is
// read as text.
func TestLayoutTableIsText(t *testing.T) {
	page := "<html><body><table><tr><td><p>" + strings.ReplaceAll(html.EscapeString(layouts[0].text(seedFindings(t))), "\n", "</p><p>") + "</p></td></tr></table></body></html>"
	r, err := Parse("layout.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notice.Findings) != 59 {
		t.Errorf("%d findings", len(r.Notice.Findings))
	}
}
