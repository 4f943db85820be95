package model

// Recurrence (issue 22): a finding of a unit's later inspection round that
// repeats one of an earlier round of the same unit (屡改屡犯). Two findings
// are as similar as the mean of the similarities of their titles and of
// their problem texts (of their titles alone when either has no problem
// text), each the Dice coefficient of the sets of character bigrams of the
// normalised texts. A later finding repeats the earlier one it is most
// similar to when that is at least RecurThreshold (docs/themes.md says why
// that value, with pairs just above and below it). Titles and problems are
// compared apart so that one stock sentence two different problems share
// does not make them one.
//
// Only findings of one unit are compared, each later finding with every
// finding of the unit's earlier rounds: for a unit of n findings that is
// at most n²/2 comparisons, each linear in the texts' lengths (sorted
// bigram sets, merged). A site of U units of n findings each costs
// U·n²/2 of them (BenchmarkRecurrence: 1,000 townships of three rounds of
// 30 findings).

import (
	"math"
	"slices"
	"strconv"
)

// RecurThreshold is the least similarity at which a later finding repeats
// an earlier one.
const RecurThreshold = 0.55

// RecurItem is a finding as the recurrence compares it: its round (1 the
// unit's first inspection), its title and its problem text.
type RecurItem struct {
	Round          int
	Title, Problem string
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
	type grams struct{ title, problem []uint64 }
	gs := make([]grams, len(items))
	for i, it := range items {
		gs[i] = grams{Bigrams(Normalize(it.Title)), Bigrams(Normalize(it.Problem))}
	}
	var out []RecurPair
	for i, later := range items {
		a := gs[i]
		if len(a.title)+len(a.problem) == 0 {
			continue
		}
		best, bestSim := -1, threshold
		for j, earlier := range items {
			if earlier.Round >= later.Round {
				continue
			}
			s := similarity(a.title, a.problem, gs[j].title, gs[j].problem, bestSim)
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

// similarity is the mean of the titles' and the problems' Dice, or the
// titles' alone when either problem is empty; a pair whose lengths alone
// keep it under least is not compared (it is then 0).
func similarity(at, ap, bt, bp []uint64, least float64) float64 {
	bound := func(a, b []uint64) float64 { // Dice is at most 2·min/(|a|+|b|)
		if len(a)+len(b) == 0 {
			return 0
		}
		return 2 * float64(min(len(a), len(b))) / float64(len(a)+len(b))
	}
	if len(ap) == 0 || len(bp) == 0 {
		if bound(at, bt) < least {
			return 0
		}
		return Dice(at, bt)
	}
	if (bound(at, bt)+bound(ap, bp))/2 < least {
		return 0
	}
	return (Dice(at, bt) + Dice(ap, bp)) / 2
}

// Similarity is two findings' similarity as Recurrences measures it.
func Similarity(title1, problem1, title2, problem2 string) float64 {
	return similarity(Bigrams(Normalize(title1)), Bigrams(Normalize(problem1)), Bigrams(Normalize(title2)), Bigrams(Normalize(problem2)), 0)
}

// Bigrams is the sorted set of a text's character bigrams (a text of one
// character is its own bigram).
func Bigrams(s string) []uint64 {
	rs := []rune(s)
	if len(rs) == 0 {
		return nil
	}
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
