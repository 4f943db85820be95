package model

// Recurrence (issue 22): a finding of a unit's later inspection round that
// repeats one of an earlier round of the same unit (屡改屡犯). Two findings
// repeat when the Dice coefficient of the sets of character bigrams of
// their normalised title and problem text is at least RecurThreshold
// (docs/themes.md says why that value, with pairs just above and below it).
//
// Only findings of one unit are compared, each later finding with every
// finding of the unit's earlier rounds: for a unit of n findings that is
// at most n²/2 comparisons, each linear in the two texts' lengths (sorted
// bigram sets, merged). A site of U units of n findings each costs
// U·n²/2 of them: 1,000 townships of three rounds of 30 findings take
// about 0.1 s on one core (BenchmarkRecurrence).

import (
	"math"
	"slices"
	"strconv"
)

// RecurThreshold is the least similarity at which a later finding repeats
// an earlier one.
const RecurThreshold = 0.5

// RecurItem is a finding as the recurrence compares it: its round (1 the
// unit's first inspection) and its text (title and problem).
type RecurItem struct {
	Round int
	Text  string
}

// RecurPair says that item Later repeats item Earlier (indexes of the
// items), with their similarity.
type RecurPair struct {
	Earlier, Later int
	Similarity     float64
}

// Recurrences finds, for each item of a round after the first, the item
// of an earlier round its text is most similar to, when that similarity is
// at least threshold: ties go to the latest earlier round, then to the
// first item. Pairs are in the order of their later item.
func Recurrences(items []RecurItem, threshold float64) []RecurPair {
	grams := make([][]uint64, len(items))
	for i, it := range items {
		grams[i] = Bigrams(Normalize(it.Text))
	}
	var out []RecurPair
	for i, later := range items {
		a := grams[i]
		if len(a) == 0 {
			continue
		}
		best, bestSim := -1, threshold
		for j, earlier := range items {
			if earlier.Round >= later.Round {
				continue
			}
			b := grams[j]
			// Dice is at most 2·min/(|a|+|b|): skip pairs whose lengths alone rule them out.
			if len(b) == 0 || 2*float64(min(len(a), len(b)))/float64(len(a)+len(b)) < bestSim {
				continue
			}
			s := Dice(a, b)
			switch {
			case s < bestSim:
			case best < 0 || s > bestSim || earlier.Round > items[best].Round:
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			out = append(out, RecurPair{Earlier: best, Later: i, Similarity: bestSim})
		}
	}
	return out
}

// Bigrams is the sorted set of a text's character bigrams (a text of one
// character is its own bigram).
func Bigrams(s string) []uint64 {
	rs := []rune(s)
	if len(rs) == 1 {
		return []uint64{uint64(rs[0]) << 21}
	}
	out := make([]uint64, 0, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		out = append(out, uint64(rs[i])<<21|uint64(rs[i+1]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Dice is 2|A∩B| / (|A|+|B|) of two sorted sets.
func Dice(a, b []uint64) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// SimilarityText writes a similarity with two decimals, rounded down (a
// pair shown as 0.50 is at least 0.50).
func SimilarityText(s float64) string {
	return strconv.FormatFloat(math.Floor(s*100+1e-9)/100, 'f', 2, 64)
}
