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
// finding of the unit's earlier rounds. The bigrams shared are counted
// through an index of the unit's bigrams (bigram → findings holding it):
// a later finding costs the lengths of its bigrams' lists plus one step
// per earlier finding, so a unit of n findings of b bigrams each costs
// O(n·b·k + n²) where k is how many findings hold a bigram (k ≤ n, small
// but for stock words), not the O(n²·b) of comparing every pair's texts.
// A site of U units costs U times that; units are spread over the cores
// (ApplyThemes). BenchmarkApplyThemes measures it on gencorpus corpora.

import (
	"github.com/gongshi/gongshi/internal/themes"
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
	// Each text as the set of its bigrams' numbers (dense, for this unit),
	// and for each bigram the items whose title (problem) holds it: a
	// later item's shared bigrams with every earlier one are counted by
	// going through the lists of its own bigrams only. The sets and the
	// lists are slices of flat arrays (few allocations per unit).
	ids := make(map[uint64]int32, 32*len(items))
	var seen []int32 // the last text (numbered from 1) that held each bigram
	var flat []int32 // every text's set, one after the other
	bounds := make([]int, 0, 2*len(items)+1)
	bounds = append(bounds, 0)
	text := int32(0)
	add := func(g uint64) {
		id, ok := ids[g]
		if !ok {
			id = int32(len(ids))
			ids[g] = id
			seen = append(seen, 0)
		}
		if seen[id] != text { // a set: each bigram once
			seen[id] = text
			flat = append(flat, id)
		}
	}
	for _, it := range items {
		for _, s := range []string{it.Title, it.Problem} {
			text++
			prev, n := rune(-1), 0
			for _, r := range themes.Normalize(s) {
				if prev >= 0 {
					add(uint64(prev)<<21 | uint64(r))
				}
				prev = r
				n++
			}
			if n == 1 { // one character is its own bigram (as Bigrams has it)
				add(uint64(prev) << 21)
			}
			bounds = append(bounds, len(flat))
		}
	}
	titles, problems := make([][]int32, len(items)), make([][]int32, len(items))
	for i := range items {
		titles[i] = flat[bounds[2*i]:bounds[2*i+1]]
		problems[i] = flat[bounds[2*i+1]:bounds[2*i+2]]
	}
	titlePost, problemPost := postings(titles, len(ids)), postings(problems, len(ids))
	sharedT, sharedP := make([]int, len(items)), make([]int, len(items))
	var out []RecurPair
	for i, later := range items {
		if len(titles[i])+len(problems[i]) == 0 {
			continue
		}
		clear(sharedT)
		clear(sharedP)
		for _, c := range []struct {
			set    []int32
			post   [][]int32
			shared []int
		}{{titles[i], titlePost, sharedT}, {problems[i], problemPost, sharedP}} {
			for _, id := range c.set {
				for _, j := range c.post[id] {
					if items[j].Round < later.Round {
						c.shared[j]++
					}
				}
			}
		}
		best, bestSim := -1, threshold
		for j, earlier := range items {
			if earlier.Round >= later.Round {
				continue
			}
			s := dice(sharedT[j], len(titles[i]), len(titles[j]))
			if len(problems[i]) > 0 && len(problems[j]) > 0 {
				s = (s + dice(sharedP[j], len(problems[i]), len(problems[j]))) / 2
			}
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

// postings lists, for each of n bigrams, the items whose set holds it
// (in item order), as slices of one array.
func postings(sets [][]int32, n int) [][]int32 {
	count := make([]int, n+1)
	for _, set := range sets {
		for _, id := range set {
			count[id+1]++
		}
	}
	for id := 1; id <= n; id++ {
		count[id] += count[id-1]
	}
	all := make([]int32, count[n])
	fill := append([]int(nil), count[:n]...)
	for i, set := range sets {
		for _, id := range set {
			all[fill[id]] = int32(i)
			fill[id]++
		}
	}
	out := make([][]int32, n)
	for id := range out {
		out[id] = all[count[id]:count[id+1]]
	}
	return out
}

// dice is 2·shared / (a+b), 0 for two empty sets.
func dice(shared, a, b int) float64 {
	if a+b == 0 {
		return 0
	}
	return 2 * float64(shared) / float64(a+b)
}

// Similarity is two findings' similarity as Recurrences measures it: the
// mean of the Dice of their titles and of their problems, or the titles'
// alone when either problem is empty.
func Similarity(title1, problem1, title2, problem2 string) float64 {
	p1, p2 := Bigrams(themes.Normalize(problem1)), Bigrams(themes.Normalize(problem2))
	s := Dice(Bigrams(themes.Normalize(title1)), Bigrams(themes.Normalize(title2)))
	if len(p1) > 0 && len(p2) > 0 {
		s = (s + Dice(p1, p2)) / 2
	}
	return s
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
