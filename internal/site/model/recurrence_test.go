package model

import (
	"fmt"
	"reflect"
	"testing"
)

func TestDice(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want string
	}{
		{"学习形式单一", "学习形式单一", "1.00"},
		{"学习形式单一", "党费收缴", "0.00"},
		{"abc", "abd", "0.50"}, // {ab, bc} and {ab, bd}
		{"a", "a", "1.00"},     // one character is its own bigram
		{"", "abc", "0.00"},
	} {
		if got := SimilarityText(Dice(Bigrams(c.a), Bigrams(c.b))); got != c.want {
			t.Errorf("Dice(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
}

func TestSimilarityTextRoundsDown(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want string
	}{{0.5499, "0.54"}, {0.55, "0.55"}, {0.727, "0.72"}, {1, "1.00"}} {
		if got := SimilarityText(c.s); got != c.want {
			t.Errorf("SimilarityText(%v) = %s, want %s", c.s, got, c.want)
		}
	}
}

// The pairs docs/themes.md cites, just above and just below the threshold.
var (
	canteen  = RecurItem{Title: "食堂内部管理存在漏洞", Problem: "镇食堂采购无台账，账实不符。"}
	canteen2 = RecurItem{Title: "食堂管理仍存在漏洞", Problem: "镇食堂采购台账不全，账实不符问题仍未解决。"}
	records  = RecurItem{Title: "工程资料造假", Problem: "某工程项目验收资料存在后补、代签情况。"}
	records2 = RecurItem{Title: "工程资料不规范", Problem: "部分工程项目验收资料不完整，存在后补情况。"}
	cadres   = RecurItem{Title: "干部选任程序不规范", Problem: "部分干部选任未经民主推荐。"}
	cadres2  = RecurItem{Title: "干部考察工作不规范", Problem: "部分干部考察未经民主推荐程序。"}
	finance  = RecurItem{Title: "财务管理不规范", Problem: "部分报销票据不全。"}
	finance2 = RecurItem{Title: "财务管理不规范", Problem: "食堂采购未经集体研究。"}
	stock    = RecurItem{Title: "工程资料造假", Problem: "有关单位存在问题。项目进度滞后。"}
	stock2   = RecurItem{Title: "统筹推进乡村振兴不够有力", Problem: "有关单位存在问题。资金使用不规范。"}
	study    = RecurItem{Title: "学习形式单一", Problem: "结合工作实际互动交流少,学习效果不佳。"}
	study2   = RecurItem{Title: "学习形式较为单一", Problem: "结合工作实际交流研讨少，学习效果不佳。"}
)

func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b RecurItem
		want string
	}{
		{"reworded", canteen, canteen2, "0.56"},
		{"reworded", records, records2, "0.59"},
		{"reworded", study, study2, "0.70"},
		{"another procedure, same words", cadres, cadres2, "0.52"},
		{"one title, other problems", finance, finance2, "0.50"},
		{"a stock sentence only", stock, stock2, "0.25"},
		{"no problem text: the titles", RecurItem{Title: "学习形式单一"}, RecurItem{Title: "学习形式单一", Problem: "别的"}, "1.00"},
	} {
		if got := SimilarityText(Similarity(c.a.Title, c.a.Problem, c.b.Title, c.b.Problem)); got != c.want {
			t.Errorf("%s: similarity of %v and %v = %s, want %s", c.name, c.a, c.b, got, c.want)
		}
	}
}

func in(round int, it RecurItem) RecurItem { it.Round = round; return it }

func TestRecurrences(t *testing.T) {
	for _, c := range []struct {
		name  string
		items []RecurItem
		want  []RecurPair
	}{
		{"one round: nothing recurs", []RecurItem{in(1, study), in(1, study2)}, nil},
		{"above and below the threshold", []RecurItem{in(1, study), in(1, canteen), in(1, cadres), in(1, finance), in(1, stock),
			in(2, canteen2), in(2, cadres2), in(2, finance2), in(2, stock2), in(2, study2)},
			[]RecurPair{{Earlier: 1, Later: 5}, {Earlier: 0, Later: 9}}},
		{"only earlier rounds: a round-1 finding never repeats a round-2 one", []RecurItem{in(2, study), in(1, study2)}, []RecurPair{{Earlier: 1, Later: 0}}},
		{"the most similar earlier finding", []RecurItem{in(1, study2), in(1, study), in(2, study)}, []RecurPair{{Earlier: 1, Later: 2}}},
		{"a tie goes to the latest earlier round", []RecurItem{in(1, study), in(2, study), in(3, study)}, []RecurPair{{Earlier: 0, Later: 1}, {Earlier: 1, Later: 2}}},
		{"empty text", []RecurItem{{Round: 1}, {Round: 2}}, nil},
	} {
		got := Recurrences(c.items, RecurThreshold)
		for i := range got {
			got[i].Similarity = 0 // the similarities are TestSimilarity's
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// BenchmarkRecurrence: 1,000 townships, three rounds of 30 findings.
func BenchmarkRecurrence(b *testing.B) {
	units := make([][]RecurItem, 1000)
	for u := range units {
		for r := 1; r <= 3; r++ {
			for i := 0; i < 30; i++ {
				units[u] = append(units[u], RecurItem{Round: r, Title: fmt.Sprintf("第%d项工作不到位", i),
					Problem: fmt.Sprintf("样本镇%04d部分村未按规定落实制度%d，存在问题%d。", u, i*7%11, (i*r)%5)})
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, items := range units {
			Recurrences(items, RecurThreshold)
		}
	}
}
