package search

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// nodeTimeout-free: node exists on CI images with the browser; skip when not.
func runNode(t *testing.T, cmd string, in any, out any) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil && os.Getenv("GONGSHI_REQUIRE_BROWSER") != "" {
		t.Fatal("node is not installed, and GONGSHI_REQUIRE_BROWSER is set (as in CI): the JavaScript cross-checks need it")
	}
	if err != nil {
		t.Skip("node is not installed: the JavaScript cross-checks need it (apt-get install nodejs)")
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	c := exec.Command(node, "testdata/node.js", "../../static/search", cmd)
	c.Stdin = bytes.NewReader(b)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	res, err := c.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", cmd, err, stderr.String())
	}
	if err := json.Unmarshal(res, out); err != nil {
		t.Fatalf("node %s: %v\n%.500s", cmd, err, res)
	}
}

// jsToken is a token as search.js returns it.
type jsToken struct {
	Term  string `json:"term"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Pos   int    `json:"pos"`
	Type  int    `json:"type"`
}

func bleveTokens(s string) []jsToken {
	out := []jsToken{}
	for _, t := range Analyzer().Analyze([]byte(s)) {
		out = append(out, jsToken{Term: termKey(t.Term), Start: t.Start, End: t.End, Pos: t.Position, Type: int(t.Type)})
	}
	return out
}

// analysisCases are strings search.js must analyse exactly as Bleve.
var analysisCases = []string{
	"偷工减料", "回填土", "陵园", "3.85万元", "“3.85万元”", "多支付的工程款)3.85万元于2024年3月20日退回",
	"电诈", "小金库", "食堂", "郊尾镇玉垅坑陵园建设工程", "仙郊政〔2024〕29号《郊尾镇人民政府关于进一步规范政府投资项目工作管理职责的通知》",
	"2981mm³回填土", "5000万元", "5亿元", "1.64万元", "455.98万元", "12.98万元", "2340元", "1,200元", "3万余元",
	"３．８５万元", "１２．５万元", "２０２４年３月２０日", "ＡＢＣ", "ａｂｃ１２３", "ＡＢＣ１２３ｶﾞ", "ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ ｳﾞ", "ｱｲｳｴｵ",
	"（一）聚焦党中央", "(1)中心组学习效果不明显。", "一是…二是…", "①②③", "第16名", "24小时待命", "3p污水主干管",
	"Hello, World! it's John's café", "e-mail: a.b@c.com http://example.org/x?y=1", "U.S.A. 3.14 1,000,000 10:30 2024-12-02",
	"ΣΑΣ ΟΔΥΣΣΕΥΣ σ Σ", "İstanbul ÀÉÎ ǅ Ⱥȿ ȺΣ", "straße STRASSE", "ﬁ ﬂ", "Ωmega Å K",
	"カタカナ ひらがな 漢字 한국어 조선말", "ｶﾀｶﾅ", "カタカナ_abc", "アイウ123", "ー", "々 〆 〇 〻",
	"א\"ב א' שלום", "مرحبا ١٢٣", "हिन्दी", "ภาษาไทย", "🇨🇳🇺🇸 😀👍🏽 👨‍👩‍👧",
	"a\u0301b\u0301 e\u0301", "字\u0301 中\u200d文 中\u00ad文 soft\u00adhyphen zw\u200bsp",
	"tab\tnew\nline\r\ncrlf\u2028sep\u0085nel", "  leading and trailing  ", "",
	"_underscore_ __init__ a_b_c 1_000", "x86_64 IPv6 h2o CO2 mp3", "C++ C# F# .NET node.js",
	"中a文1字 a中 1中 中1 中a", "中。文，字；符：号！？", "中\u3000文 全角　空格", "ﾟﾞ", "ｰ",
	"𠀀𠀁𠀂 𪚥 𰀀 𝔘𝔫𝔦", "\U0001F600\U0001F600中文",
	// full-width digits and letters, folded before the words are found
	"１２３４５", "１２３４５６７８９０", "Ｈｅｌｌｏ２０２４中文", "热线１２３４５号", "３．８５万元，１,２００元", "ｘ８６＿６４", "Ａ１Ｂ２ ａｂ－１２",
}

func TestAnalyzeMatchesBleve(t *testing.T) {
	cases := append([]string(nil), analysisCases...)
	seed, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, string(seed))
	cases = append(cases, strings.Split(string(seed), "\n")...)
	var js [][]jsToken
	runNode(t, "analyze", cases, &js)
	if len(js) != len(cases) {
		t.Fatalf("%d results for %d strings", len(js), len(cases))
	}
	for i, s := range cases {
		if want := bleveTokens(s); !reflect.DeepEqual(js[i], want) {
			t.Errorf("%.60q:\n js    %+v\n bleve %+v", s, js[i], want)
		}
	}
}

// TestAnalyzeEveryCharacter runs every code point of the BMP and of the
// supplementary planes' letters, digits and ideographs through both
// analysers, alone and next to letters, digits, ideographs and marks.
func TestAnalyzeEveryCharacter(t *testing.T) {
	var cases []string
	var b strings.Builder
	add := func(r rune) {
		c := string(r)
		// Contexts that exercise the word break rules around c.
		b.WriteString("a" + c + "b 1" + c + "2 中" + c + "文 " + c + c + "ｶ" + c + " " + c + "\u0301x א" + c + "ב ")
		if b.Len() > 4000 {
			cases = append(cases, b.String())
			b.Reset()
		}
	}
	for r := rune(0); r <= 0x2FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if r >= 0x10000 && r%7 != 0 && !(r >= 0x1F1E6 && r <= 0x1F1FF) { // a sample of the astral planes
			continue
		}
		add(r)
	}
	for r := rune(0x30000); r <= 0x10FFFF; r += 4099 {
		add(r)
	}
	cases = append(cases, b.String())
	var js [][]jsToken
	runNode(t, "analyze", cases, &js)
	bad := 0
	for i, s := range cases {
		want := bleveTokens(s)
		if reflect.DeepEqual(js[i], want) {
			continue
		}
		// Find the first differing token for a readable report.
		for k := 0; k < len(want) || k < len(js[i]); k++ {
			var a, w jsToken
			if k < len(js[i]) {
				a = js[i][k]
			}
			if k < len(want) {
				w = want[k]
			}
			if a != w {
				lo, hi := max(0, w.Start-12), min(len(s), w.End+12)
				t.Errorf("case %d token %d: js %+v, bleve %+v in %q", i, k, a, w, s[lo:hi])
				break
			}
		}
		if bad++; bad > 20 {
			t.Fatal("too many differences")
		}
	}
}

// termKey is how search.js writes a term's bytes as a string: the text
// when they are valid UTF-8 (Bleve's lower-casing can leave stale bytes in
// a term), else NUL and one character per byte.
func termKey(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	r := []rune{0}
	for _, c := range b {
		r = append(r, rune(c))
	}
	return string(r)
}

// TestSnippetMatchesGo cuts the same snippets with search.js and with
// Snippet (the API's).
func TestSnippetMatchesGo(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	type job struct {
		Text  string   `json:"text"`
		Terms []string `json:"terms"`
	}
	var jobs []job
	paras := strings.Split(string(seed), "\n")
	for i, q := range []string{"偷工减料", "回填土", "3.85万元", "整改 工作", "食堂", "Ⅲ类", "2024年", "火星"} {
		for _, p := range []string{paras[10+i], paras[40+2*i], string(seed)[:3000]} {
			jobs = append(jobs, job{Text: p, Terms: AnalyzeTerms(q)})
		}
	}
	var js [][]Fragment
	runNode(t, "snippet", jobs, &js)
	for i, j := range jobs {
		terms := map[string]bool{}
		for _, t := range j.Terms {
			terms[t] = true
		}
		want := Snippet(j.Text, terms, SnippetLength)
		if !reflect.DeepEqual(js[i], want) {
			t.Errorf("%v in %.40q:\n js %v\n go %v", j.Terms, j.Text, js[i], want)
		}
	}
}
