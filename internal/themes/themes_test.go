package themes

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/gongshi/gongshi/internal/i18n"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"“三资”管理", "三资管理"},
		{"\"三资\"管理", "三资管理"},
		{"ＰＰＰ　项目 管理", "ppp项目管理"}, // full-width letters and space
		{"１．党建\n工作", "1党建工作"},    // full-width digits, punctuation, newline
		{"（一）政治建设", "一政治建设"},
		{"", ""},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tax := Default()
	for _, c := range []struct {
		name string
		f    notice.Finding
		key  string
		why  string
	}{
		{"group heading first", notice.Finding{Category: "聚焦党中央各项决策部署及省委、市委、县委工作要求在基层的落实情况", Group: "破解生态环保治理难题措施不够", Title: "信访问题比较突出"}, "shengtai", "分组标题含“生态环保”"},
		{"group before category", notice.Finding{Category: "聚焦基层党组织领导班子和干部队伍建设情况", Group: "选人用人工作不够规范"}, "xuanren", "分组标题含“选人用人”"},
		{"headings before title", notice.Finding{Group: "财务管理不规范", Title: "违规发放薪酬补助，超标准接待"}, "caiwu", "分组标题含“财务”"},
		{"category when the group says nothing", notice.Finding{Category: "聚焦基层党组织领导班子和干部队伍建设情况", Group: "有关情况", Title: "某某"}, "dangjian", "类别标题含“基层党组织”"},
		{"taxonomy order among headings' phrases", notice.Finding{Category: "选人用人和基层党组织建设"}, "dangjian", "类别标题含“基层党组织”"},
		{"title words without headings", notice.Finding{Title: "关于\"落实中央八项规定精神不到位\"问题的整改"}, "baxiang", "问题标题含“八项规定”"},
		{"problem words last", notice.Finding{Title: "有关问题", Problem: "2023年超标准接待3次。"}, "baxiang", "问题描述含“超标准接待”"},
		{"width folded", notice.Finding{Title: "“三 资”管理不严"}, "caiwu", "问题标题含“三资”"},
		{"nothing matches", notice.Finding{Category: "其他方面", Title: "某项工作不到位", Problem: "有关情况。"}, OtherKey, ""},
		{"empty finding", notice.Finding{}, OtherKey, ""},
	} {
		got := tax.Classify(&c.f)
		if got.Key != c.key || got.Why != c.why {
			t.Errorf("%s: Classify = %+v, want %s (%s)", c.name, got, c.key, c.why)
		}
	}
}

// TestClassifyKeepsText: classifying never changes the finding.
func TestClassifyKeepsText(t *testing.T) {
	f := notice.Finding{Title: "“三 资”管理不严", Problem: "ＡＢ　问题"}
	g := f
	Default().Classify(&f)
	if f.Title != g.Title || f.Problem != g.Problem {
		t.Errorf("Classify changed the finding: %+v", f)
	}
}

func TestParseTaxonomyErrors(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"syntax", "[[theme]]\nkey = \"a\"\nname = \"甲\nwords = [\"x\"]\n", "data/themes.toml:3: "},
		{"wrong type", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = \"x\"\n", "data/themes.toml:4: theme.words: "},
		{"no key", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = [\"x\"]\n\n[[theme]]\nname = \"乙\"\nwords = [\"y\"]\n", "data/themes.toml:6: theme.key: theme 2 has no key"},
		{"bad key", "[[theme]]\nname = \"甲\"\nkey = \"作风\"\nwords = [\"x\"]\n", "data/themes.toml:3: theme.key: \"作风\" is not"},
		{"reserved key", "[[theme]]\nkey = \"other\"\nname = \"甲\"\nwords = [\"x\"]\n", "data/themes.toml:2: theme.key: \"other\" is kept"},
		{"duplicate key", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = [\"x\"]\n[[theme]]\nkey = \"a\"\nname = \"乙\"\nwords = [\"y\"]\n", "data/themes.toml:6: theme.key: \"a\" is the key of theme 1 too"},
		{"no name", "[[theme]]\nkey = \"a\"\nwords = [\"x\"]\n", "data/themes.toml:1: theme.name: theme \"a\" has no name"},
		{"nothing to match", "[[theme]]\nkey = \"a\"\nname = \"甲\"\n", "data/themes.toml:2: theme.categories: theme \"a\" has neither"},
		{"empty phrase", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = [\"x\", \"，\"]\n", "data/themes.toml:4: theme.words: theme \"a\" has an empty phrase"},
		{"unknown field", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nword = [\"x\"]\n", "data/themes.toml:4: theme.word: unknown field"},
		{"no theme", "# nothing\n", "data/themes.toml:1: theme: no [[theme]]"},
	} {
		_, err := Parse("data/themes.toml", []byte(c.src))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to begin %q", c.name, err, c.want)
			continue
		}
		// In Chinese: the same place, and a message in Chinese.
		zh := i18n.Localize(i18n.NewPrinter(true), err)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %T is not a *themes.Error", c.name, err)
			continue
		}
		place := fmt.Sprintf("data/themes.toml:%d: %s: ", e.Line, e.Field)
		if !strings.HasPrefix(zh, place) || !hasHan(strings.TrimPrefix(zh, place)) {
			t.Errorf("%s: in Chinese %q", c.name, zh)
		}
	}
}

func TestDefaultTaxonomy(t *testing.T) {
	tax := Default()
	if tax.Source != "" || len(tax.Themes) < 10 {
		t.Fatalf("default taxonomy: %d themes from %q", len(tax.Themes), tax.Source)
	}
	// The default file parses as an editor's copy of it would.
	if _, err := Parse("data/themes.toml", DefaultTOML()); err != nil {
		t.Fatal(err)
	}
}

// TestNormalizeFastIsSlow: Normalize's fast path gives what its definition
// (NFKC, then no spaces, punctuation or symbols, lower case) gives, over
// every character of the ranges it folds itself and a few around them.
func TestNormalizeFastIsSlow(t *testing.T) {
	var rs []rune
	for _, span := range [][2]rune{{0, 0x7f}, {0x2000, 0x2030}, {0x3000, 0x3040}, {0x4e00, 0x4e10}, {0x9ff0, 0xa010}, {0xff00, 0xff70}} {
		for r := span[0]; r <= span[1]; r++ {
			rs = append(rs, r)
		}
	}
	for _, r := range rs {
		s := "甲" + string(r) + "Ａ"
		if got, want := Normalize(s), normalizeSlow(s); got != want {
			t.Errorf("Normalize(%q) (U+%04X) = %q, by its definition %q", s, r, got, want)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
