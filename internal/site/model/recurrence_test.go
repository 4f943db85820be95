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
	}{{0.4999, "0.49"}, {0.5, "0.50"}, {0.727, "0.72"}, {1, "1.00"}} {
		if got := SimilarityText(c.s); got != c.want {
			t.Errorf("SimilarityText(%v) = %s, want %s", c.s, got, c.want)
		}
	}
}

func TestRecurrences(t *testing.T) {
	const (
		study    = "学习形式单一\n结合工作实际互动交流少,学习效果不佳。"
		study2   = "学习形式较为单一\n结合工作实际交流研讨少，学习效果不佳。" // 0.72 with study
		canteen  = "食堂内部管理存在漏洞\n镇食堂采购无台账，账实不符。"
		canteen2 = "食堂管理仍存在漏洞\n镇食堂采购台账不全，账实不符问题仍未解决。" // 0.56
		sewage   = "污水处理不够到位\n部分村污水管网未接通，污水直排。"
		sewage2  = "污水管网建设较为滞后\n部分村污水管网建设滞后，未接通。" // 0.44: below
		fee      = "党费收缴不够合规\n部分支部未按规定标准收缴党费。"
	)
	for _, c := range []struct {
		name  string
		items []RecurItem
		want  []RecurPair
	}{
		{"one round: nothing recurs", []RecurItem{{1, study}, {1, study2}}, nil},
		{"above and below the threshold", []RecurItem{{1, study}, {1, canteen}, {1, sewage}, {2, canteen2}, {2, sewage2}, {2, fee}, {2, study2}},
			[]RecurPair{{Earlier: 1, Later: 3}, {Earlier: 0, Later: 6}}},
		{"only earlier rounds: a round-1 finding never repeats a round-2 one", []RecurItem{{2, study}, {1, study2}}, []RecurPair{{Earlier: 1, Later: 0}}},
		{"the most similar earlier finding", []RecurItem{{1, study2 + "。"}, {1, study}, {2, study}}, []RecurPair{{Earlier: 1, Later: 2}}},
		{"a tie goes to the latest earlier round", []RecurItem{{1, study}, {2, study}, {3, study}}, []RecurPair{{Earlier: 0, Later: 1}, {Earlier: 1, Later: 2}}},
		{"empty text", []RecurItem{{1, ""}, {2, ""}}, nil},
	} {
		got := Recurrences(c.items, RecurThreshold)
		for i := range got {
			got[i].Similarity = 0 // compared below by the pairs
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
				units[u] = append(units[u], RecurItem{Round: r, Text: fmt.Sprintf("第%d项问题%d：样本镇%04d工作不到位，部分村未按规定落实制度%d，存在问题%d。", i, r, u, i*7%11, (i*r)%5)})
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
