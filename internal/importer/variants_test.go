package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongshi/gongshi/internal/notice"
)

// Variants of the seed, made from it programmatically, that must import to
// the same notice. exact: the stored text is the seed's, byte for byte;
// otherwise the variant changed punctuation, and the comparison is after
// normalising for matching.

func seedLines(t testing.TB) []string {
	return strings.Split(strings.TrimRight(string(seedBytes(t)), "\n"), "\n")
}

var fullWidth = strings.NewReplacer("(", "（", ")", "）", ":", "：", ",", "，", ";", "；")

func variantFullWidth(t testing.TB) []byte {
	return []byte(fullWidth.Replace(string(seedBytes(t))))
}

func variantCRLFIndent(t testing.TB) []byte {
	var b strings.Builder
	b.WriteString("\r\n\r\n")
	for _, l := range seedLines(t) {
		b.WriteString("\u3000\u3000" + l + "  \r\n\r\n")
	}
	b.WriteString("\r\n")
	return []byte(b.String())
}

func variantGB18030(t testing.TB) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes(seedBytes(t))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	reGroupLine  = regexp.MustCompile(`^(\d+)\.`)
	reCatLine    = regexp.MustCompile(`^\((一|二|三)\)`)
	reStatusLine = regexp.MustCompile(`^整改情况:`)
)

// variantNumbering numbers groups 1． in the first category and 1、 in the
// others, and labels the findings' rectifications 整改落实情况：.
func variantNumbering(t testing.TB) []byte {
	var out []string
	cat := ""
	inFindings := false
	for _, l := range seedLines(t) {
		switch {
		case strings.HasPrefix(l, "二、"):
			inFindings = true
		case strings.HasPrefix(l, "三、"):
			inFindings = false
		}
		if m := reCatLine.FindStringSubmatch(l); m != nil && inFindings {
			cat = m[1]
		}
		if inFindings {
			if cat == "一" {
				l = reGroupLine.ReplaceAllString(l, "$1．")
			} else {
				l = reGroupLine.ReplaceAllString(l, "$1、")
			}
			l = reStatusLine.ReplaceAllString(l, "整改落实情况：")
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n") + "\n")
}

// variantHTML puts the seed in the CMS page of testdata/cms_page.html.tmpl:
// the title in an <h1>, the meta line in an info bar with the 字体 buttons,
// the body (preamble to signature) as <p> in the article div.
func variantHTML(t testing.TB) []byte {
	tmpl, err := os.ReadFile("testdata/cms_page.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	lines := seedLines(t)
	var article strings.Builder
	for _, l := range lines[2:169] {
		fmt.Fprintf(&article, "      <p style=\"text-indent:2em\">%s</p>\n", html.EscapeString(l))
	}
	return []byte(strings.NewReplacer(
		"{{TITLE}}", html.EscapeString(lines[0]),
		"{{SITE}}", "仙游县纪委监委",
		"{{META}}", "发布时间:2025-01-12 来源:仙游县纪委监委官网",
		"{{ARTICLE}}", article.String(),
	).Replace(string(tmpl)))
}

// variantDocx writes the seed as a .docx: one w:p per line, the longer
// lines split over several runs.
func variantDocx(t testing.TB) []byte {
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
	for _, l := range seedLines(t) {
		doc.WriteString(`<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>`)
		r := []rune(l)
		for len(r) > 0 {
			k := min(len(r), 37)
			fmt.Fprintf(&doc, `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, esc(string(r[:k])))
			r = r[k:]
		}
		doc.WriteString(`</w:p>`)
	}
	doc.WriteString(`<w:sectPr/></w:body></w:document>`)
	return makeZip(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   doc.String(),
	})
}

func makeZip(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/styles.xml"} {
		body, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type variant struct {
	name, file string
	make       func(testing.TB) []byte
	exact      bool // the stored text is the seed's byte for byte
	format     Format
	encoding   string
}

var variants = []variant{
	{"full-width punctuation", "seed-fullwidth.txt", variantFullWidth, false, FormatText, "UTF-8"},
	{"CRLF, indents, blank lines", "seed-crlf.txt", variantCRLFIndent, true, FormatText, "UTF-8"},
	{"GB18030", "seed-gb18030.txt", variantGB18030, true, FormatText, "GB18030"},
	{"numbering 1．/1、 and 整改落实情况", "seed-numbering.txt", variantNumbering, true, FormatText, "UTF-8"},
	{"CMS page", "seed.html", variantHTML, true, FormatHTML, "UTF-8"},
	{"docx", "seed.docx", variantDocx, true, FormatDocx, "UTF-8"},
}

// comparable is a notice without what legitimately differs between formats.
func comparable(n *notice.Notice) notice.Notice {
	c := *n
	c.Original = ""
	return c
}

func TestVariantsImportTheSame(t *testing.T) {
	seed := parseSeed(t).Notice
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			r, err := Parse(v.file, v.make(t))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if r.Document.Format != v.format || r.Document.Encoding != v.encoding {
				t.Errorf("decoded as %s %s, want %s %s", r.Document.Format, r.Document.Encoding, v.format, v.encoding)
			}
			for _, w := range r.Warnings {
				t.Errorf("warning: %s", w)
			}
			if len(r.Notice.Unplaced) > 0 {
				t.Errorf("unplaced: %v", r.Notice.Unplaced)
			}
			wantF, gotF := string(jsonOf(t, seed.Findings)), string(jsonOf(t, r.Notice.Findings))
			want, got := string(jsonOf(t, comparable(seed))), string(jsonOf(t, comparable(r.Notice)))
			if !v.exact {
				wantF, gotF, want, got = Normalise(wantF), Normalise(gotF), Normalise(want), Normalise(got)
			}
			if gotF != wantF {
				t.Errorf("findings differ from the seed's:\n%s", firstDiff(gotF, wantF))
			}
			if got != want {
				t.Errorf("notice differs from the seed's:\n%s", firstDiff(got, want))
			}
		})
	}
}

// TestVariantChrome checks what each variant reports as chrome.
func TestVariantChrome(t *testing.T) {
	r, err := Parse("seed.html", variantHTML(t))
	if err != nil {
		t.Fatal(err)
	}
	var chrome []string
	for _, c := range r.Chrome() {
		chrome = append(chrome, c.Text)
	}
	all := strings.Join(chrome, "|")
	for _, want := range []string{"首页", "巡视巡察", "当前位置", "字体显示", "阅读", "分享到", "附件", "相关链接", "【打印本页】", "版权所有", "网站标识码", "县委巡察组进驻各乡镇开展常规巡察"} {
		if !strings.Contains(all, want) {
			t.Errorf("chrome does not include %q: %q", want, chrome)
		}
	}
	for _, c := range r.Lines {
		if c.Role == RoleChrome && (strings.Contains(c.Text, "整改") && strings.Contains(c.Text, "。")) {
			t.Errorf("line %d of the article taken for chrome: %.40q", c.No, c.Text)
		}
	}
	// line numbers are the HTML source's
	src := strings.Split(string(variantHTML(t)), "\n")
	for _, c := range r.Lines {
		if c.Role == RoleFinding || c.Role == RoleTitle {
			if c.No < 1 || c.No > len(src) || !strings.Contains(html.UnescapeString(src[c.No-1]), firstRunes(c.Text, 8)) {
				t.Errorf("line %d (%s) is not where %.20q is in the HTML", c.No, c.Role, c.Text)
			}
		}
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(g), len(w))
}

// The hand-written fixture in another house style (fictitious place names):
// a title wrapped under its issuer, full-width punctuation and ideographic
// indents, (一) organisation points, findings numbered 1． under (一)
// without groups, 整改进展/整改落实情况 labels, a status inline in the
// finding's line, unmarked accountability paragraphs, an outstanding item
// that names its finding by title, a 二〇二四年 signature, chrome before the
// title and a line after the signature.
func TestMiniAltFormat(t *testing.T) {
	b, err := os.ReadFile("testdata/mini_alt.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("testdata/mini_alt.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "mini_alt.golden.json", jsonOf(t, r.Notice))
	n := r.Notice
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("title", n.Title, "中共样本镇0001委员会关于巡察整改情况的通报")
	check("kind", n.Kind, "整改情况")
	check("signed", n.Signed, "2024-03-01")
	check("published", n.Published, "2024-03-05")
	check("inspection", n.Inspection, notice.Inspection{Body: "县委第三巡察组", Target: "样本镇0001党委", Start: "2023-09-04", End: "2023-10-20", Feedback: "2023-12-01"})
	check("points", len(n.Organisation.Points), 2)
	check("regulations", n.Regulations, []string{"样本镇0001议事规则", "样本镇0001财务管理办法"})
	var got []string
	for _, f := range n.Findings {
		got = append(got, fmt.Sprintf("%d/%d/%d %s %s %s", f.Number, f.CategoryNo, f.GroupNo, f.Title, f.Status, f.StatusText))
	}
	check("findings", got, []string{
		"1/1/0 理论学习不深入 done 已完成整改",
		"2/1/0 “三会一课”落实不到位 done 已整改",
		"3/2/0 工程结算把关不严 in_progress 正在整改中",
		"4/2/0 合同管理混乱 done 已整改到位",
	})
	check("finding 2 rectification", n.Findings[1].Rectification, "已督促各支部补齐会议记录。")
	check("finding 1 measures", n.Findings[0].Measures, []string{"一是制定年度学习计划；", "二是每月开展集中学习。"})
	check("finding 3 amounts", n.Findings[2].Amounts, []notice.Amount{{Text: "2.5万元", Yuan: 25000}, {Text: "1万元", Yuan: 10000}})
	check("accountability", []any{n.Accountability.People, n.Accountability.ByForm}, []any{3, []notice.FormCount{{Form: "诫勉谈话", Count: 1}, {Form: "提醒谈话", Count: 2}}})
	check("petitions", []int{n.Petitions.Transferred, n.Petitions.Closed, n.Petitions.Pending}, []int{5, 5, 0})
	check("outstanding", len(n.Outstanding), 1)
	if len(n.Outstanding) == 1 {
		o := n.Outstanding[0]
		check("outstanding", []any{o.Finding, o.Heading, o.DeadlineText, o.Deadline}, []any{3, "关于工程结算把关不严问题", "2024年底前", "2024-12-31"})
	}
	check("signature", n.Signature, notice.Signature{Issuer: "中共样本镇0001委员会", DateText: "二〇二四年三月一日"})
	check("unplaced", n.Unplaced, []notice.Line{{Line: 31, Text: "（此件公开发布）"}})
	check("chrome", r.Chrome(), []notice.Line{{Line: 1, Text: "【打印本页】【关闭窗口】"}})
	check("region", r.Region, TextRegion{County: "示例县", CountyLine: 4, CountyFrom: "source", Township: "样本镇0001", TownshipLine: 29, TownshipFrom: "signature"})
	check("warnings", r.Warnings, []Problem(nil))
}
