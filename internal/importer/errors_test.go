package importer

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
)

// tiny is a small fictitious notice; body replaces its findings.
func tiny(findings string) string {
	return `中共样本镇0001委员会关于巡察整改情况的通报
根据示例县委巡察工作统一部署，2024年3月4日至4月20日，县委巡察一组对样本镇0001党委开展了巡察，并于2024年6月1日反馈了巡察意见。
一、被巡察党组织组织落实整改情况
镇党委高度重视。
二、巡察反馈问题的整改情况
(一)党的建设方面
1.理论学习不深入
` + findings + `三、巡察反馈问题的处理情况
(一)对2名相关责任人作出处理，其中诫勉谈话1人、提醒谈话1人。
四、需要进一步整改的事项及措施
1.关于巡察反馈第2点问题。问题。
整改时限:2025年6月
五、下一步计划
持续整改。
中共样本镇0001委员会
2024年12月2日
`
}

const twoFindings = "(1)题一。问题一。\n整改情况:已整改。措施。\n(2)题二。问题二。\n整改情况:正在整改中。措施。\n"

func TestTinyImportsClean(t *testing.T) {
	r, err := Parse("tiny.txt", []byte(tiny(twoFindings)))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 0 || len(r.Notice.Findings) != 2 || len(r.Notice.Unplaced) != 0 {
		t.Errorf("warnings %v, findings %d, unplaced %v", r.Warnings, len(r.Notice.Findings), r.Notice.Unplaced)
	}
}

func TestParseErrors(t *testing.T) {
	// as where LibreOffice is not installed
	defer func(f func() string) { lookSoffice = f }(lookSoffice)
	lookSoffice = func() string { return "" }
	for _, c := range []struct {
		name string
		file string
		in   string
		want string // the whole error message
	}{
		{"empty file", "empty.txt", "", "empty.txt: no recognisable notice: the file has no text"},
		{"only spaces", "spaces.txt", "\n\u3000\u3000\r\n \t\n", "spaces.txt: no recognisable notice: the file has no text"},
		{"random prose", "prose.txt", "今天天气很好，我们去公园散步。\n公园里有很多人在跑步，也有人在下棋。\n傍晚时分，大家各自回家吃饭。\n",
			"prose.txt: no recognisable notice: found no findings"},
		{"only chrome", "chrome.txt", "附件：\n相关链接：\n字体显示:【 大 中 小 】\n",
			"chrome.txt: no recognisable notice: found no findings"},
		{"states problems, none found", "states.txt", "根据县委统一部署,县委巡察一组对样本镇0001党委开展了巡察,反馈了12个问题。\n现将整改情况公布如下。\n我镇高度重视,认真整改。\n",
			"states.txt: the notice states 12 problems, but gongshi found none of its findings"},
		{"html without text", "empty.html", "<html><body><script>var a=1;</script></body></html>", "empty.html: no recognisable notice: the file has no text"},
		{"neither UTF-8 nor GB18030", "bytes.txt", "一、组织落实整改情况\n\x81\x30\xff\n", "bytes.txt: line 2: neither UTF-8 nor GB18030"},
		{"old Word without LibreOffice", "a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a.doc: an old Word (.doc), WPS (.wps) or RTF file: gongshi reads it through LibreOffice, which is not installed here; install it (Debian and Ubuntu: apt-get install libreoffice-writer-nogui)"},
		{"broken PDF", "a.pdf", "%PDF-1.7\n", "a.pdf: not a readable PDF"},
		{"broken docx", "broken.docx", "PK\x03\x04 not really a zip", "broken.docx: not a readable .docx (zip)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.file, []byte(c.in))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error\n %q\nwant\n %q", err.Error(), c.want)
			}
		})
	}
}

func TestDocxErrors(t *testing.T) {
	noDoc := makeZip(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/styles.xml": "<w:styles/>"})
	if _, err := Parse("a.docx", noDoc); err == nil || err.Error() != "a.docx: a zip file without word/document.xml: not a .docx" {
		t.Errorf("zip without document.xml: %v", err)
	}
	bad := makeZip(t, map[string]string{"word/document.xml": "<w:document>\n<w:body>\n<w:p></w:body>"})
	if _, err := Parse("b.docx", bad); err == nil || !strings.HasPrefix(err.Error(), "b.docx: word/document.xml: line 3:") {
		t.Errorf("malformed XML: %v", err)
	}
}

// A ParseError names the file.
func TestParseErrorNamesTheFile(t *testing.T) {
	_, err := Parse("prose.txt", []byte("今天天气很好。\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != "prose.txt" {
		t.Fatalf("err = %#v", err)
	}
}

// Warnings: the import goes on, and the report names the line.
func TestParseWarnings(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
		unplaced []string
	}{
		{"gap in numbering", tiny("(1)题一。问题。\n整改情况:已整改。\n(3)题三。问题。\n整改情况:已整改。\n"),
			[]string{"line 10: finding numbering jumps from (1) to (3)", "line 15: item 1 refers to no finding of this notice"}, nil},
		{"first finding not 1", tiny("(2)题二。问题。\n整改情况:正在整改中。\n"),
			[]string{"line 8: the first finding is numbered (2), not 1"}, nil},
		{"no rectification line", tiny("(1)题一。问题。\n(2)题二。问题。\n整改情况:正在整改中。\n"),
			[]string{"line 8: finding (1) has no rectification and states no status; its status is 未说明 (unstated)"}, nil},
		{"no status words", tiny("(1)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:经协调，问题得到解决。\n"),
			[]string{"line 11: finding (2): its text states no status (已整改 / 正在整改中 …); its status is 未说明 (unstated)"}, nil},
		{"finding numbered twice", tiny("(1)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:已整改。\n(2)题三。问题。\n整改情况:已整改。\n"),
			[]string{"line 12: finding (2) follows finding (2) under the same heading: its numbering goes back; findings are numbered in order", "line 17: item 1 refers to finding (2), which 二、 reports as done"}, nil},
		{"numbering backwards", tiny("(3)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:已整改。\n"),
			[]string{"line 10: finding (2) follows finding (3) under the same heading: its numbering goes back; findings are numbered in order", "line 15: item 1 refers to finding (2), which 二、 reports as done"}, nil},
		{"numbering restarts per category", tiny("(1)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:已整改。\n(二)廉政方面\n1.纪律\n(1)题三。问题。\n整改情况:已整改。\n"),
			[]string{"line 19: item 1 refers to finding (2), which 二、 reports as done"}, nil},
		{"outstanding item on a done finding", tiny("(1)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:已整改。\n"),
			[]string{"line 15: item 1 refers to finding (2), which 二、 reports as done"}, nil},
		{"group numbering", tiny("(1)题一。问题。\n整改情况:已整改。\n3.纪律方面\n(2)题二。问题。\n整改情况:正在整改中。\n"),
			[]string{"line 10: group 3. follows group 1 in its category"}, nil},
		{"unplaced lines", tiny("(1)题一。问题。\n整改情况:已整改。\n(2)题二。问题。\n整改情况:正在整改中。\n(二)廉政方面\n无主之句。\n"),
			[]string{"line 12: category heading with no findings under it; kept as unplaced"}, []string{"12: (二)廉政方面", "13: 无主之句。"}},
		{"unknown section", strings.Replace(tiny(twoFindings), "五、下一步计划", "五、其他说明", 1),
			[]string{`line 17: section heading "五、其他说明" is not one gongshi knows; it and its lines are kept as unplaced`},
			[]string{"17: 五、其他说明", "18: 持续整改。"}},
		{"no signature", strings.Replace(tiny(twoFindings), "2024年12月2日\n", "", 1),
			[]string{"no signature date found (a line like 2024年12月2日 after the last section)"}, nil},
		{"regulations count", strings.Replace(tiny(twoFindings), "镇党委高度重视。", "完善《甲》《乙》等3项制度。", 1),
			[]string{"the organisation section announces 3 regulations but names 2"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("w.txt", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range r.Warnings {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("warnings\n %q\nwant\n %q", got, c.want)
			}
			var un []string
			for _, u := range r.Notice.Unplaced {
				un = append(un, strconv.Itoa(u.Line)+": "+u.Text)
			}
			if strings.Join(un, "|") != strings.Join(c.unplaced, "|") {
				t.Errorf("unplaced %q, want %q", un, c.unplaced)
			}
		})
	}
}

// A parse error names its file (and line) the way its reader's language
// joins them: under Chinese, a full-width colon and 第 N 行.
func TestParseErrorPlaceInChinese(t *testing.T) {
	zh := i18n.NewPrinter(true)
	for _, c := range []struct {
		e    *ParseError
		want string
	}{
		{&ParseError{File: "样本.txt", Msg: "x", Loc: i18n.Msg("the notice states %d problems, but gongshi found none of its findings (numbered items with a rectification or a status); if it is a summary over several units that lists none, import it as one (--unit-kind region)", 3)}, "样本.txt：通报自述 3 个问题"},
		{&ParseError{File: "样本.txt", Line: 7, Msg: "x", Loc: i18n.Msg("the notice states %d problems, but gongshi found none of its findings (numbered items with a rectification or a status); if it is a summary over several units that lists none, import it as one (--unit-kind region)", 3)}, "样本.txt 第 7 行：通报自述 3 个问题"},
	} {
		if got := c.e.Localize(zh); !strings.HasPrefix(got, c.want) {
			t.Errorf("got %q, want it to start with %q", got, c.want)
		}
	}
}
