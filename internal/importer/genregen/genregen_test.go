package genregen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gongshi/gongshi/internal/notice"
)

// selfCases is enough cases to meet every value of every dimension.
const selfCases = 3000

// Every dimension's every value occurs, and NA only where the dimension does
// not apply.
func TestEveryValueOccurs(t *testing.T) {
	seen := map[string]map[string]int{}
	for i := 0; i < selfCases; i++ {
		s := Pick(1, i)
		for _, d := range Dimensions {
			if seen[d.Name] == nil {
				seen[d.Name] = map[string]int{}
			}
			seen[d.Name][s.V[d.Name]]++
		}
	}
	for _, d := range Dimensions {
		for _, val := range d.Values {
			if seen[d.Name][val] == 0 {
				t.Errorf("dimension %s: value %q never generated in %d cases", d.Name, val, selfCases)
			}
		}
		for val := range seen[d.Name] {
			if val != NA && !contains(d.Values, val) {
				t.Errorf("dimension %s: value %q is not listed", d.Name, val)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

func TestDeterministic(t *testing.T) {
	for i := 0; i < 200; i++ {
		a, b := Generate(7, i), Generate(7, i)
		if !bytes.Equal(a.Data, b.Data) || a.Name != b.Name || a.Spec.Label() != b.Spec.Label() {
			t.Fatalf("case %d differs between two runs of the same seed", i)
		}
	}
	if bytes.Equal(Generate(7, 0).Data, Generate(8, 0).Data) {
		t.Error("seeds 7 and 8 give the same first case")
	}
}

func TestResolveIsIdempotent(t *testing.T) {
	for i := 0; i < selfCases; i++ {
		s := Pick(3, i)
		if r := Resolve(s); r.Label() != s.Label() || fmt.Sprint(r.Shape, r.Groups) != fmt.Sprint(s.Shape, s.Groups) {
			t.Fatalf("case %d: Resolve changes a resolved spec:\n%s %v %v\n%s %v %v", i, s.Label(), s.Shape, s.Groups, r.Label(), r.Shape, r.Groups)
		}
		m := Minimal(s)
		if m.Label() != s.Label() {
			t.Fatalf("case %d: Minimal changes the dimensions:\n%s\n%s", i, s.Label(), m.Label())
		}
	}
}

// The pools' words state no status: the only status in a notice is the one
// the generator wrote. Titles are not prefixes of each other (findings are
// told apart by title prefix).
func TestPoolsHaveNoStatusWords(t *testing.T) {
	all := [][]string{titles, problems, measures, categoryNames, groupNames}
	for _, pool := range all {
		for _, s := range pool {
			for _, w := range notice.Vocabulary {
				if (!w.Exact && strings.Contains(s, w.Words)) || (w.Exact && s == w.Words) {
					t.Errorf("%q contains the status wording %q", s, w.Words)
				}
			}
		}
	}
	for i, a := range titles {
		for j, b := range titles {
			if i != j && strings.HasPrefix(b, a) {
				t.Errorf("title %q is a prefix of %q", a, b)
			}
		}
	}
	for st, ws := range Wordings {
		for _, w := range ws {
			if got, err := notice.ParseStatus(w); err != nil || got != st {
				t.Errorf("wording %q: vocabulary says %q (%v), the generator %q", w, got, err, st)
			}
		}
	}
}

// decodeText reverses encode.
func decodeText(t *testing.T, enc string, b []byte) string {
	switch enc {
	case "utf-8-bom":
		if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) {
			t.Fatal("no BOM")
		}
		return string(b[3:])
	case "gb18030":
		if utf8.Valid(b) {
			t.Fatal("GB18030 text that is valid UTF-8")
		}
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	case "utf-16le-bom":
		if !bytes.HasPrefix(b, []byte("\xFF\xFE")) {
			t.Fatal("no UTF-16LE BOM")
		}
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	return string(b)
}

var reDigit = regexp.MustCompile(`[0-9]`)

// The expected reading is consistent with the notice written: stated
// totals equal the findings' counts, every expected title and status word
// is in the text in order, numbers run 1…n, the container opens as what it
// says (a .docx with numbering.xml when Word numbers the findings, an HTML
// table with rowspan and colspan, text in its encoding).
func TestCasesAreConsistent(t *testing.T) {
	for i := 0; i < selfCases; i++ {
		c := Generate(11, i)
		v := c.Spec.V
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("case %d (%s): %s\n%s", i, c.Spec.Label(), fmt.Sprintf(format, args...), c.Text)
		}
		n := len(c.Findings)
		if n < 2 || n > MaxFindings {
			fail("%d findings", n)
		}
		done, prog, not, unstated := c.ExpectedCounts()
		if c.Value("totals") != "absent" {
			if c.Stated.Problems == nil || *c.Stated.Problems != n {
				fail("stated problems %s, %d findings", show(c.Stated.Problems), n)
			}
			for _, x := range []struct {
				p *int
				n int
			}{{c.Stated.Done, done}, {c.Stated.InProgress, prog}, {c.Stated.NotDone, not}} {
				if x.p != nil && *x.p != x.n || x.p == nil && x.n != 0 && unstated == 0 {
					fail("stated %s, counted %d (done %d, in progress %d, not done %d)", show(x.p), x.n, done, prog, not)
				}
			}
			if (c.Stated.Aspects != nil) != (v["grouping"] != "0") || c.Stated.Aspects != nil && *c.Stated.Aspects != len(c.Spec.Groups) {
				fail("stated aspects %s, %d categories, grouping %s", show(c.Stated.Aspects), len(c.Spec.Groups), v["grouping"])
			}
			if !strings.Contains(width(v, c.Text), width(v, fmt.Sprintf("%d个问题", n))) && !strings.Contains(c.Text, width(v, fmt.Sprintf("问题%d个", n))) {
				fail("the text does not state %d problems", n)
			}
		} else if c.Stated != (Counts{}) {
			fail("totals absent but stated %+v", c.Stated)
		}
		if (v["placement"] == "none") != (unstated == n) || unstated != 0 && unstated != n {
			fail("placement %s with %d of %d findings unstated", v["placement"], unstated, n)
		}
		// titles and status words appear in order in the text
		rest := c.Text
		for k, f := range c.Findings {
			if f.Number != k+1 {
				fail("finding %d numbered %d", k+1, f.Number)
			}
			j := strings.Index(rest, f.Title)
			if j < 0 {
				fail("finding %d: title %q not in the text after the previous one", k+1, f.Title)
			}
			rest = rest[j+len(f.Title):]
			if f.StatusText != "" && !strings.Contains(rest, f.StatusText) {
				fail("finding %d: status %q not in the text after its title", k+1, f.StatusText)
			}
			if f.Label != "" && !strings.Contains(c.Text, f.Label+f.Title) {
				fail("finding %d: label %q not before its title", k+1, f.Label)
			}
		}
		if v["digits"] == "full" && reDigit.MatchString(c.Text) {
			fail("half-width digits in a full-width case")
		}
		if want := width(v, feedbackText(c.Signed)); v["sign-date"] == "arabic" && !strings.Contains(c.Text, want) ||
			v["sign-date"] == "chinese" && !strings.Contains(c.Text, cnYear(mustAtoi(c.Signed[:4]))+"年") {
			fail("signature date %s not in the text", c.Signed)
		}
		if !strings.Contains(c.Text, width(v, feedbackText(c.Feedback))) {
			fail("feedback date %s not in the text", c.Feedback)
		}
		switch v["container"] {
		case "text":
			got := decodeText(t, v["encoding"], c.Data)
			if !strings.Contains(got, c.Findings[0].Title) {
				fail("the decoded text lacks the first title")
			}
			if strings.Contains(got, "\r\n") != (v["line-end"] == "crlf") {
				fail("line ends are not %s", v["line-end"])
			}
		case "html-p", "html-br", "html-table", "html-ol":
			s := string(c.Data)
			if err := wellFormedHTML(s); err != nil {
				fail("HTML: %v", err)
			}
			if v["container"] == "html-table" && !(strings.Contains(s, "colspan=") && strings.Contains(s, "<table") && (v["grouping"] == "0" || strings.Contains(s, "rowspan=\"2\">问题类别"))) {
				fail("the table lacks its spans")
			}
			if v["container"] == "html-br" && strings.Count(s, "<br />") < n {
				fail("fewer <br> than findings")
			}
			if v["container"] == "html-ol" && strings.Count(s, "<li>") < n {
				fail("fewer <li> than findings")
			}
		case "pdf":
			if !bytes.HasPrefix(c.Data, []byte("%PDF-1.")) || !bytes.Contains(c.Data, []byte("/ToUnicode")) || !bytes.HasSuffix(c.Data, []byte("%%EOF\n")) {
				fail("not a PDF with a ToUnicode CMap")
			}
		default:
			checkDocx(t, c, fail)
		}
	}
}

func feedbackText(date string) string {
	var y, m, d int
	fmt.Sscanf(date, "%d-%d-%d", &y, &m, &d)
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}

// wellFormedHTML: the page parses as XML (the generator writes XHTML-like
// markup), rows of a table have the cells their spans make.
func wellFormedHTML(s string) error {
	s = strings.TrimPrefix(s, "<!DOCTYPE html>")
	s = strings.Replace(s, `<meta charset="utf-8">`, `<meta charset="utf-8"/>`, 1)
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func checkDocx(t *testing.T, c Case, fail func(string, ...any)) {
	zr, err := zip.NewReader(bytes.NewReader(c.Data), int64(len(c.Data)))
	if err != nil {
		fail("not a zip: %v", err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			fail("%s: %v", f.Name, err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
		if err := wellFormedHTML(string(b)); err != nil {
			fail("%s is not well-formed XML: %v", f.Name, err)
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"} {
		if _, ok := files[name]; !ok {
			fail("no %s", name)
		}
	}
	doc := files["word/document.xml"]
	num, hasNum := files["word/numbering.xml"]
	switch c.Value("container") {
	case "docx-num":
		if !hasNum || !strings.Contains(files["word/_rels/document.xml.rels"], "numbering.xml") || !strings.Contains(files["[Content_Types].xml"], "/word/numbering.xml") {
			fail("Word numbering without a related numbering.xml")
		}
		if got := strings.Count(doc, `<w:numId w:val="`) - strings.Count(doc, `<w:numId w:val="1000"/>`); got != len(c.Findings) {
			fail("%d finding paragraphs with numPr, %d findings", got, len(c.Findings))
		}
		for _, want := range []string{"<w:abstractNum ", `<w:numFmt w:val="`, "<w:lvlText "} {
			if !strings.Contains(num, want) {
				fail("numbering.xml lacks %s", want)
			}
		}
		if strings.Count(num, `<w:lvlText w:val="%1`)+strings.Count(num, `<w:lvlText w:val="(%1`)+strings.Count(num, `<w:lvlText w:val="（%1`) != 2 {
			fail("a level text without Word's %%1 placeholder:\n%s", num)
		}
		if c.Value("restart") == "restarts" && !strings.Contains(num, "<w:startOverride") {
			fail("restarting numbering without a startOverride")
		}
		if c.Value("numbering") == "word:chineseCounting" && !strings.Contains(num, `"chineseCounting"`) {
			fail("chineseCounting not in numbering.xml")
		}
		for _, f := range c.Findings {
			if strings.Contains(doc, ">"+f.Title) && f.Label != "" {
				fail("a Word-numbered finding with a typed label %q", f.Label)
			}
		}
	case "docx-table":
		if hasNum {
			fail("numbering.xml in a table .docx")
		}
		if !strings.Contains(doc, `<w:gridSpan w:val="2"/>`) || !strings.Contains(doc, `<w:vMerge w:val="restart"/>`) || !strings.Contains(doc, `<w:vMerge/>`) {
			fail("the table lacks gridSpan or vMerge")
		}
	default:
		if hasNum {
			fail("numbering.xml in a paragraphs .docx")
		}
	}
}

func show(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// docs/genre.md lists every dimension with every value.
func TestDocsListEveryValue(t *testing.T) {
	b, err := os.ReadFile("../../../docs/genre.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Split(l, "|"); len(f) > 3 {
			rows[strings.TrimSpace(f[1])] = f[2]
		}
	}
	for _, d := range Dimensions {
		row, ok := rows[d.Name]
		if !ok {
			t.Errorf("docs/genre.md: no row for the dimension %s", d.Name)
			continue
		}
		var want []string
		for _, v := range d.Values {
			want = append(want, "`"+v+"`")
		}
		if got := strings.TrimSpace(row); got != strings.Join(want, " ") {
			t.Errorf("docs/genre.md: %s lists %s, want %s", d.Name, got, strings.Join(want, " "))
		}
	}
}

func mustAtoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}
