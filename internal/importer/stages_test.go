package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gongshi/gongshi/internal/notice"
)

// Each stage of the pipeline, alone.

func TestNormalise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"（一）聚焦", "(一)聚焦"},
		{"（１）中心组", "(1)中心组"},
		{"整改情况：已整改，一是；", "整改情况:已整改,一是;"},
		{"1．学习", "1.学习"},
		{"\u3000\u3000根据\t县委", "  根据 县委"},
		{"３．８５万元", "3.85万元"},
		{"。、“”《》〔〕—", "。、“”《》〔〕—"}, // not full-width ASCII: unchanged
	} {
		if got := Normalise(c.in); got != c.want {
			t.Errorf("Normalise(%q) = %q, want %q", c.in, got, c.want)
		}
		if runeLen(Normalise(c.in)) != runeLen(c.in) {
			t.Errorf("Normalise(%q) changed the number of runes", c.in)
		}
	}
}

func TestTextCutsTheOriginal(t *testing.T) {
	tx := newText("\u3000\u3000（１２）标题。问题：３．８５万元")
	tr := tx.trim()
	if tr.orig != "（１２）标题。问题：３．８５万元" {
		t.Fatalf("trim = %q", tr.orig)
	}
	m := tr.find(regexp.MustCompile(`^(?:[(]\s*(\d{1,3})\s*[)]|([\x{2474}-\x{2487}]))\s*(.*)$`))
	if m == nil || m[1] != "１２" || m[3] != "标题。问题：３．８５万元" {
		t.Fatalf("find = %q", m)
	}
}

func TestSplitLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\r\nb\rc\n\nd", []string{"a", "b", "c", "", "d"}},
		{"a\u2028b", []string{"a", "b"}},
	} {
		var got []string
		for i, l := range splitLines(c.in) {
			if l.No != i+1 {
				t.Errorf("%q: line %d numbered %d", c.in, i+1, l.No)
			}
			got = append(got, l.Text)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("splitLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("通报\n整改情况：已整改")
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("通报\n整改")
	for _, c := range []struct {
		name, in, enc, first, err string
	}{
		{"utf8", "通报\n", "UTF-8", "通报", ""},
		{"bom", "\xEF\xBB\xBF通报\n", "UTF-8", "通报", ""},
		{"gb18030", gb, "GB18030", "通报", ""},
		{"utf16", u16, "UTF-16", "通报", ""},
		{"neither", "通报\n\xff\xfe\xfd\n", "", "", "line 2: neither UTF-8 nor GB18030"},
		{"bad after bom", "\xEF\xBB\xBF通报\n\xff", "", "", "line 2: starts with a UTF-8 byte order mark"},
	} {
		d, err := Decode(c.name+".txt", []byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) || !strings.HasPrefix(err.Error(), c.name+".txt: ") {
				t.Errorf("%s: err = %v, want %q naming the file", c.name, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if d.Encoding != c.enc || d.Format != FormatText || len(d.Lines) == 0 || d.Lines[0].Text != c.first {
			t.Errorf("%s: %s %s %v", c.name, d.Format, d.Encoding, d.Lines)
		}
	}
}

func TestFormatDetection(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     Format
	}{
		{"a.txt", "中共…通报", FormatText},
		{"a.txt", "  <!DOCTYPE html><html><body><p>x</p>", FormatHTML},
		{"a.htm", "<p>通报</p>", FormatHTML},
		{"a.txt", "<p>通报</p>", FormatHTML},
		{"a", "<不是标签>", FormatText},
	} {
		d, err := Decode(c.name, []byte(c.in))
		if err != nil || d.Format != c.want {
			t.Errorf("Decode(%s, %.20q) = %v, %v; want %s", c.name, c.in, d, err, c.want)
		}
	}
}

func TestExtractHTML(t *testing.T) {
	page := `<html><head><title>t</title><style>p{}</style></head><body>
<div id="nav"><a href="/">首页</a> <a href="/x">工作动态</a></div>
<div class="crumbs">当前位置：首页 &gt; 巡察</div>
<div class="wrap">
 <h2>中共样本镇委员会关于巡察整改情况的通报</h2>
 <div class="share">分享到：<a>微信</a></div>
 <div class="content">
  <p>根据示例县委巡察工作统一部署，县委巡察组对样本镇党委开展了巡察。</p>
  <p>一、组织落实整改情况<br>镇党委高度重视巡察整改工作，切实履行主体责任，召开专题会议研究部署。</p>
  <script>var x = "不是正文";</script>
  <p style="display: none">隐藏的文字</p>
  <pre>第一行
第二行</pre>
  <p>二、巡察反馈问题的整改情况　对照问题清单逐项整改落实，做到条条有着落、件件有回音。</p>
 </div>
</div>
<div class="footer">版权所有 示例县纪委监委</div>
</body></html>`
	lines, err := extractHTML(page)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		s := fmt.Sprintf("%d|%s", l.No, strings.TrimSpace(l.Text))
		if l.Chrome != "" {
			s += "|chrome: " + l.Chrome
		}
		got = append(got, s)
	}
	want := []string{
		"2|首页 工作动态|chrome: outside the article",
		"3|当前位置：首页 > 巡察|chrome: outside the article",
		"5|中共样本镇委员会关于巡察整改情况的通报",
		"6|分享到：微信|chrome: in class=share",
		"8|根据示例县委巡察工作统一部署，县委巡察组对样本镇党委开展了巡察。",
		"9|一、组织落实整改情况",
		"9|镇党委高度重视巡察整改工作，切实履行主体责任，召开专题会议研究部署。",
		"12|第一行",
		"13|第二行",
		"14|二、巡察反馈问题的整改情况　对照问题清单逐项整改落实，做到条条有着落、件件有回音。",
		"17|版权所有 示例县纪委监委|chrome: outside the article",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("extractHTML:\n got %q\nwant %q", got, want)
	}
}

func TestHTMLInGB18030(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div><p>一、组织落实整改情况</p><p>镇党委高度重视巡察整改工作。</p></div></body></html>`
	b, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode("page.html", []byte(b))
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != FormatHTML || d.Encoding != "GBK" || len(d.Lines) != 2 || d.Lines[0].Text != "一、组织落实整改情况" {
		t.Errorf("%s %s %v", d.Format, d.Encoding, d.Lines)
	}
}

func TestDocxParagraphs(t *testing.T) {
	xml := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>一、组织</w:t></w:r><w:r><w:t xml:space="preserve">落实 </w:t></w:r><w:r><w:t>整改情况</w:t></w:r></w:p>
<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>表</w:t></w:r></w:p>
<w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins><w:r><w:t>插入的</w:t></w:r></w:ins></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格里</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
</w:body></w:document>`
	lines, err := docxParagraphs([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range lines {
		got = append(got, fmt.Sprintf("%d|%s", l.No, l.Text))
	}
	want := []string{"1|一、组织落实 整改情况", "2|第一行", "2|第二行\t表", "3|插入的", "4|表格里", "5|"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("docxParagraphs:\n got %q\nwant %q", got, want)
	}
}

func TestChineseNumbers(t *testing.T) {
	for n := 1; n <= 99; n++ {
		if got := ChineseNumber(CNNumeral(n)); got != n {
			t.Errorf("ChineseNumber(CNNumeral(%d)=%s) = %d", n, CNNumeral(n), got)
		}
	}
	for _, s := range []string{"", "零", "一十", "十十", "二二", "abc", "百"} {
		if got := ChineseNumber(s); got != 0 {
			t.Errorf("ChineseNumber(%q) = %d, want 0", s, got)
		}
	}
}

func TestSplitStatus(t *testing.T) {
	for _, c := range []struct {
		in, text   string
		status     notice.Status
		rect       string
		recognised bool
	}{
		{"已整改。一是…", "已整改", notice.StatusDone, "一是…", true},
		{"已整改到位。截至9月20日", "已整改到位", notice.StatusDone, "截至9月20日", true},
		{"正在整改中。已对接", "正在整改中", notice.StatusInProgress, "已对接", true},
		{"已整改，已督促", "已整改", notice.StatusDone, "已督促", true},
		{"已整改", "已整改", notice.StatusDone, "", true},
		{"持续整改中；下一步", "持续整改中", notice.StatusInProgress, "下一步", true},
		{"尚未整改。", "尚未整改", notice.StatusNotStarted, "", true},
		{"经与县农业农村局沟通协调，减少了部分项目", "", "", "经与县农业农村局沟通协调，减少了部分项目", false},
		{"我镇已完成整改工作方案的制定。", "", "", "我镇已完成整改工作方案的制定。", false},
		{"", "", "", "", false},
	} {
		text, st, rect, ok := SplitStatus(c.in)
		if text != c.text || st != c.status || rect != c.rect || ok != c.recognised {
			t.Errorf("SplitStatus(%q) = %q %q %q %v, want %q %q %q %v", c.in, text, st, rect, ok, c.text, c.status, c.rect, c.recognised)
		}
	}
}

func TestMeasures(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"已对接规划编制单位,加快编制进度。", []string{}},
		{"一是甲。二是乙;三是丙。", []string{"一是甲。", "二是乙;", "三是丙。"}},
		{"一是甲；二是乙。", []string{"一是甲；", "二是乙。"}},
		{"下一步,一是加大。二是依托。", []string{"一是加大。", "二是依托。"}},
		{"总述。下一步一是甲,二是乙", []string{"一是甲,", "二是乙"}},
		{"二是乙。一是甲。", []string{"一是甲。"}},               // in sequence only: 二是 before 一是 is not a marker
		{"统一是关键。一是甲。二是乙。", []string{"一是甲。", "二是乙。"}}, // 统一是: not after punctuation
		{"一是甲。三是丙。", []string{"一是甲。三是丙。"}},
	} {
		if got := Measures(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Measures(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAmounts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []notice.Amount
	}{
		{"退回3.85万元。", []notice.Amount{{Text: "3.85万元", Yuan: 38500}}},
		{"5000万元项目、5亿元项目,又5000万元", []notice.Amount{{Text: "5000万元", Yuan: 50000000}, {Text: "5亿元", Yuan: 500000000}}},
		{"455.98万元;3000元;每餐5元", []notice.Amount{{Text: "455.98万元", Yuan: 4559800}, {Text: "3000元", Yuan: 3000}, {Text: "5元", Yuan: 5}}},
		{"１．６４万元", []notice.Amount{{Text: "１．６４万元", Yuan: 16400}}},
		{"0.5元和2.5千元", []notice.Amount{{Text: "0.5元", Yuan: 1}, {Text: "2.5千元", Yuan: 2500}}},
		{"共1,200元", []notice.Amount{{Text: "1,200元", Yuan: 1200}}},
		{"12345平台、第16名、单元楼", []notice.Amount{}},
		{"99999999999999999999亿元", []notice.Amount{}},
		{"12.123456789万元", []notice.Amount{}},
	} {
		if got := Amounts(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Amounts(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []notice.DateRef
	}{
		{"于2024年3月20日退回,2024年1月起", []notice.DateRef{{Text: "2024年3月20日", Date: "2024-03-20"}, {Text: "2024年1月", Date: "2024-01"}}},
		{"2024年2月30日", []notice.DateRef{{Text: "2024年2月", Date: "2024-02"}}},
		{"２０２４年３月", []notice.DateRef{{Text: "２０２４年３月", Date: "2024-03"}}},
		{"2023年1—6月;2月5日;2020年以来;12024年1月", []notice.DateRef{}},
		{"2023年13月", []notice.DateRef{}},
	} {
		if got := Dates(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Dates(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDeadlineDate(t *testing.T) {
	for in, want := range map[string]notice.Date{
		"2024年12月前":   "2024-12-31",
		"2024年12月":    "2024-12-31",
		"2024年2月底前":   "2024-02-29",
		"2025年6月30日前": "2025-06-30",
		"2024年底前":     "2024-12-31",
		"２０２４年１２月":    "2024-12-31",
		"长期坚持":        "",
		"12月底前":       "",
		"2024年2月30日":  "",
		// in figures, as tables write them
		"2025.6":     "2025-06-30",
		"2025.06.30": "2025-06-30",
		"2025-6-30前": "2025-06-30",
		"2025/2":     "2025-02-28",
		"２０２５．３．３１":  "2025-03-31",
		"2025.2.30":  "",
		"1.5万元":      "",
		"12025.6":    "",
		"2025.13":    "",
	} {
		if got := DeadlineDate(in); got != want {
			t.Errorf("DeadlineDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]notice.Date{
		"2024年12月2日":      "2024-12-02",
		"2025-01-12":      "2025-01-12",
		"2025/1/12 10:30": "2025-01-12",
		"二〇二四年十二月二日":      "2024-12-02",
		"二〇二四年三月三十一日":     "2024-03-31",
		"２０２４年１２月２日":      "2024-12-02",
		"2024年2月30日":      "",
		"二〇二四年二月三十日":      "",
		"2024年12月":        "",
		"昨天":              "",
	} {
		got, err := ParseDate(in)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestRegulations(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []Regulation
	}{
		{"完善《甲》《乙》《丙》等3项机制制度。", []Regulation{{Names: []string{"甲", "乙", "丙"}, Count: 3}}},
		{"完善《甲》、《乙》等二项制度", []Regulation{{Names: []string{"甲", "乙"}, Count: 2}}},
		{"形成了《整改工作方案》(仙郊委〔2024〕9号)", nil},
		{"制定《议事规则》,严格执行", nil},
		{"制定了《议事规则》制度", []Regulation{{Names: []string{"议事规则"}}}},
		{"学习《条例》《规定》等文件", nil},
	} {
		if got := Regulations(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Regulations(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestAccountabilityAndPetitions(t *testing.T) {
	a := AccountabilityOf("对6名相关责任人作出处理，涉及处级干部0人、科级干部2人、一般干部4人；其中，党纪处分3人、诫勉谈话3人。")
	if a.People != 6 || len(a.ByRank) != 3 || a.ByRank[2] != (notice.RankCount{Rank: "一般干部", Count: 4}) ||
		!reflect.DeepEqual(a.ByForm, []notice.FormCount{{Form: "党纪处分", Count: 3}, {Form: "诫勉谈话", Count: 3}}) {
		t.Errorf("AccountabilityOf = %+v", a)
	}
	if a := AccountabilityOf("共问责处理5人。"); a.People != 5 || len(a.ByForm) != 0 {
		t.Errorf("AccountabilityOf(问责处理5人) = %+v", a)
	}
	for in, want := range map[string][3]int{
		"共向郊尾镇移交信访件16件。已办结14件,其中未办结的2件信访件正在办理中": {16, 14, 2},
		"移交信访件5件,已办结5件。":         {5, 5, 0},
		"巡察组转办信访件8件，办结6件，2件正在办理": {8, 6, 2},
		"信访件均已处理。":               {0, 0, 0},
	} {
		p := PetitionsOf(in)
		if got := [3]int{p.Transferred, p.Closed, p.Pending}; got != want {
			t.Errorf("PetitionsOf(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestInspectionOf(t *testing.T) {
	in := InspectionOf("2023年12月4日至2024年1月20日，市委第一巡察组对示例镇党委进行了专项巡察，2024年3月1日向示例镇党委反馈了巡察意见。")
	want := notice.Inspection{Body: "市委第一巡察组", Target: "示例镇党委", Start: "2023-12-04", End: "2024-01-20", Feedback: "2024-03-01"}
	if in != want {
		t.Errorf("InspectionOf = %+v, want %+v", in, want)
	}
	// what the preamble does not say comes from the next text
	in = InspectionOf("现将巡察整改情况予以公布。", "2024年1月16日县委巡察二组向郊尾镇党委反馈了巡察意见后")
	if in.Feedback != "2024-01-16" || in.Start != "" {
		t.Errorf("InspectionOf(fallback) = %+v", in)
	}
}

func TestSectionOf(t *testing.T) {
	for h, want := range map[string]Section{
		"被巡察党组织及其主要负责人组织落实整改情况":       SectionOrganisation,
		"巡察反馈问题的整改情况(集中整改期内已完成的整改事项)": SectionFindings,
		"巡察反馈问题整改落实情况":                SectionFindings,
		"巡察反馈问题的处理情况":                 SectionAccountability,
		"问题线索处置和追责问责情况":               SectionAccountability,
		"需要进一步整改的事项及措施":               SectionOutstanding,
		"尚未完成整改的问题及原因":                SectionOutstanding,
		"下一步计划":                       SectionNextPlan,
		"下一步工作打算":                     SectionNextPlan,
		"其他事项":                        "",
	} {
		if got := SectionOf(h); got != want {
			t.Errorf("SectionOf(%q) = %q, want %q", h, got, want)
		}
	}
}

// classify runs the classifier on text lines.
func classify(text string) []Classified {
	return Structure(Classify(PrepareLines(splitLines(text))))
}

func rolesOf(cs []Classified) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Role))
	}
	return out
}

func TestClassifyShapes(t *testing.T) {
	for _, c := range []struct {
		name, text string
		roles      []string
	}{
		{"wrapped title and chrome", "首页 > 巡视巡察 > 正文\n中共示例镇委员会\n关于巡察整改情况的通报\n作者:张三 发布时间:2024-01-02\n根据…\n一、组织落实整改情况",
			[]string{"chrome", "title", "title", "meta", "preamble", "section"}},
		{"no title", "根据县委统一部署。\n二、巡察反馈问题的整改情况\n(一)党建方面\n(1)题。问题。\n整改情况:已整改。",
			[]string{"preamble", "section", "category", "finding", "status"}},
		{"continuations", "二、巡察反馈问题的整改情况\n(1)题。问题\n问题续\n整改情况:\n已整改。措施\n措施续",
			[]string{"section", "finding", "continuation", "status", "continuation", "continuation"}},
		{"bare status", "二、巡察反馈问题的整改情况\n(1)题。问题\n已整改。措施",
			[]string{"section", "finding", "status"}},
		{"a numbered item with a status is a finding", "二、巡察反馈问题的整改情况\n(一)党建方面\n整改情况:已整改。",
			[]string{"section", "finding", "status"}},
		{"status before any item", "二、巡察反馈问题的整改情况\n整改情况:已整改。",
			[]string{"section", "unplaced"}},
		{"unknown section", "一、组织落实整改情况\n甲。\n二、其他事项\n乙。\n三、巡察反馈问题的处理情况\n(一)对2名责任人作出处理。",
			[]string{"section", "org_intro", "section", "unplaced", "section", "accountability"}},
		{"signature on one line", "五、下一步计划\n计划。\n中共示例镇委员会　2024年12月2日\n(完)",
			[]string{"section", "next_plan", "signature", "unplaced"}},
		{"signature in two lines", "五、下一步计划\n计划。\n中共示例镇委员会\n\n二〇二四年十二月二日\n附件：",
			[]string{"section", "next_plan", "signature_issuer", "blank", "signature_date", "chrome"}},
		{"outstanding", "四、需要进一步整改的事项及措施\n前言。\n1.关于巡察反馈第4点问题。问题。\n问题续\n整改情况:进展\n未完成整改的原因:原因\n下一步,一是\n整改时限:2024年底\n3.关于第9点问题",
			[]string{"section", "unplaced", "outstanding", "continuation", "progress", "reason", "next_steps", "deadline", "unplaced"}},
	} {
		if got := rolesOf(classify(c.text)); !reflect.DeepEqual(got, c.roles) {
			t.Errorf("%s: roles %q, want %q", c.name, got, c.roles)
		}
	}
}

func TestMetaLine(t *testing.T) {
	for _, c := range []struct {
		line             string
		fields           []Field
		leftover, chrome []string
	}{
		{"发布日期：2024年1月2日　作者：李四　来源：示例县纪委监委　浏览次数：35",
			[]Field{{"published", "2024年1月2日"}, {"source", "示例县纪委监委"}}, []string{"作者：李四"}, []string{"浏览次数：35"}},
		// a key in brackets: the bracket is the chrome's, not the source's
		{"发布日期：2025-01-08　　来源：示例县纪委监委　　【字体：大 中 小】",
			[]Field{{"published", "2025-01-08"}, {"source", "示例县纪委监委"}}, nil, []string{"【字体：大 中 小】"}},
		{"来源：示例县纪委监委 [字体：大 中 小] [打印]",
			[]Field{{"source", "示例县纪委监委"}}, nil, []string{"[字体：大 中 小] [打印]"}},
	} {
		cs := classify("中共示例镇委员会关于巡察整改情况的通报\n" + c.line + "\n一、组织落实整改情况")
		m := cs[1]
		if m.Role != RoleMeta || !reflect.DeepEqual(m.Fields, c.fields) || !reflect.DeepEqual(m.Leftover, c.leftover) || !reflect.DeepEqual(m.Chrome, c.chrome) {
			t.Errorf("%s: meta = %+v", c.line, m)
		}
	}
}

func TestSlug(t *testing.T) {
	for name, want := range map[string]string{
		"福建省": "fujian", "莆田市": "putian", "仙游县": "xianyou", "郊尾镇": "jiaowei",
		"示例省": "shili", "样本镇0001": "yangbenzhen0001", "城厢区": "chengxiang", "新疆维吾尔自治区": "xinjiang",
		"龙华街道": "longhua", "Xicheng District": "xicheng-district", "镇": "zhen",
	} {
		if got := Slug(name); got != want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestResolveRegion(t *testing.T) {
	text := TextRegion{County: "仙游县", CountyLine: 2, CountyFrom: "source", Township: "郊尾镇", TownshipLine: 168, TownshipFrom: "signature"}
	cfg := &Publisher{Name: "仙游县纪委监委", Province: "福建省", City: "莆田市", County: "仙游县"}
	for _, c := range []struct {
		name  string
		in    RegionInput
		path  string
		from  []string
		warns int
		err   string
	}{
		{"flag", RegionInput{Flag: "福建省/莆田市/仙游县/郊尾镇", Text: text}, "fujian/putian/xianyou/jiaowei",
			[]string{"flag", "flag", "flag, text (source, line 2) agrees", "flag, text (signature, line 168) agrees"}, 0, ""},
		{"config and text", RegionInput{Text: text, Config: cfg, ConfigPath: "config.toml"}, "fujian/putian/xianyou/jiaowei",
			[]string{"config (config.toml [params.publisher])", "config (config.toml [params.publisher])", "text (source, line 2)", "text (signature, line 168)"}, 0, ""},
		{"partial flag", RegionInput{Flag: "福建省/莆田市", Text: text}, "fujian/putian/xianyou/jiaowei",
			[]string{"flag", "flag", "text (source, line 2)", "text (signature, line 168)"}, 0, ""},
		{"flag disagrees", RegionInput{Flag: "福建省/莆田市/仙游县/枫亭镇", Text: text}, "fujian/putian/xianyou/fengting",
			[]string{"flag", "flag", "flag, text (source, line 2) agrees", "flag"}, 1, ""},
		{"slugs", RegionInput{Flag: "福建省/莆田市/仙游县/郊尾镇", Slugs: "fj//xy/"}, "fj/putian/xy/jiaowei",
			[]string{"flag", "flag", "flag", "flag"}, 0, ""},
		{"missing", RegionInput{Text: text}, "", nil, 0, "province, city are not known"},
		{"bad slug", RegionInput{Flag: "福建省/莆田市/仙游县/郊尾镇", Slugs: "Fu Jian"}, "", nil, 0, "not a slug"},
		{"too many parts", RegionInput{Flag: "a/b/c/d/e"}, "", nil, 0, "at most 4"},
	} {
		r, parts, warns, err := ResolveRegion(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: err = %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var from []string
		for _, p := range parts {
			from = append(from, p.From)
		}
		if r.Path() != c.path || !reflect.DeepEqual(from, c.from) || len(warns) != c.warns {
			t.Errorf("%s: %s %q %q", c.name, r.Path(), from, warns)
		}
	}
}

func TestLoadPublisher(t *testing.T) {
	dir := t.TempDir()
	if p, err := LoadPublisher(filepath.Join(dir, "none.toml")); p != nil || err != nil {
		t.Errorf("missing file: %v %v", p, err)
	}
	good := filepath.Join(dir, "config.toml")
	os.WriteFile(good, []byte("baseURL = \"/\"\n[params]\ntheme = 1\n[params.publisher]\nname = \"示例县纪委监委\"\nprovince = \"示例省\"\ncity = \"示例市\"\ncounty = \"示例县\"\n[menu]\n[[menu.main]]\nname = \"x\"\n"), 0o644)
	if p, err := LoadPublisher(good); err != nil || *p != (Publisher{Name: "示例县纪委监委", Province: "示例省", City: "示例市", County: "示例县"}) {
		t.Errorf("good config: %+v %v", p, err)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[params.publisher\n"), 0o644)
	if _, err := LoadPublisher(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("bad config: %v", err)
	}
}

func TestBareMetaLine(t *testing.T) {
	cs := classify("中共示例市委关于巡视整改进展情况的通报\n2025-12-25 10:54 示例省纪委监委网站\n根据省委部署,省委巡视七组对示例市委开展了巡视。")
	if cs[1].Role != RoleMeta || !reflect.DeepEqual(cs[1].Fields, []Field{{"published", "2025-12-25 10:54"}, {"source", "示例省纪委监委网站"}}) || cs[2].Role != RolePreamble {
		t.Errorf("roles %q fields %v", rolesOf(cs), cs[1].Fields)
	}
}
