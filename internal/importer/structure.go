package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Structure is the stage after Classify: it finds the findings from the
// document's outline. The numbered lines of the findings (RoleNumbered)
// nest by their numbering style — a style not yet open goes one level
// deeper, a style already open closes everything below it. Which style is
// the findings' is chosen by evidence (see Readings): every style is a
// candidate reading, scored by what it explains — the share of its items
// that carry a status, a labelled rectification or 一是… measures directly
// (the line belongs to no deeper item), the share whose span holds exactly
// one status, and agreement with the notice's own stated totals (M个问题 =
// findings, N个方面 = categories, X个已完成 / Y个正在整改 = statuses) — and
// the best is taken. The levels above it are category and group (the
// outermost and the innermost); a level between them is kept as a heading
// of its own; numbered lines below it are text of the finding.
//
// Where no level carries anything (a notice cut off after its first
// finding's problem), the numbered lines that have nothing under them in a
// findings section are the findings.
//
// It returns a new slice; cls is not changed.
func Structure(cls []Classified) []Classified {
	out, _ := StructureReadings(cls)
	return out
}

// Reading is one way of reading a notice's outline: which numbering style
// is the findings', with its score and why. Result keeps the reading taken
// and the runner-up, for the import report and /review/.
type Reading struct {
	// Findings is the numbering style of the findings' lines ("(1)", "1.",
	// "①", "问题1", "第1个问题", "问题:" for labelled paragraphs with no
	// number, "【】" …); "" when the reading finds none.
	Findings string
	// Category and Group are the styles of the levels above it ("" if none).
	Category, Group string
	Count           int     // the findings this reading reads
	Score           float64 // higher explains more
	Why             string  // one line: what the score counts
}

// styleEvidence is what one numbering style's items explain if they are
// the findings.
type styleEvidence struct {
	n, direct, leaves int
	lastOnly          int // parents of which only the last item carries
	depth             float64
	known             bool
	one, multi        int // items whose span holds one status (or only measures) / several statuses
	cats              int // items of the outermost style above it that hold some of them
	done, progress    int // items whose first status is done / in progress
	outer             []string
}

// StructureReadings is Structure, with the readings it weighed, best
// first (at most one per style).
func StructureReadings(cls []Classified) ([]Classified, []Reading) {
	out := append([]Classified(nil), cls...)
	type node struct {
		at     int // index in out
		style  string
		depth  int
		carry  bool
		leaf   bool
		parent int // node index, -1 at the top
		known  bool
	}
	type event struct {
		stack  []int // the nodes open at the line, outermost first
		status *Found
	}
	var nodes []node
	var events []event
	var stack []int
	for i, c := range out {
		switch c.Role {
		case RoleSection:
			stack = stack[:0]
			if c.Section == SectionUnknown {
				nodes = append(nodes, node{at: i, style: c.Style, leaf: true, parent: -1})
				stack = append(stack, len(nodes)-1)
				if c.Status != nil {
					nodes[len(nodes)-1].carry = true
					events = append(events, event{stack: append([]int(nil), stack...), status: c.Status})
				}
			}
		case RoleNumbered:
			for k, ni := range stack {
				if nodes[ni].style == c.Style {
					stack = stack[:k]
					break
				}
			}
			parent := -1
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
				nodes[parent].leaf = false
			}
			nodes = append(nodes, node{at: i, style: c.Style, depth: len(stack), leaf: true, parent: parent, known: c.Section != SectionUnknown})
			stack = append(stack, len(nodes)-1)
			if c.Status != nil {
				nodes[len(nodes)-1].carry = true
				events = append(events, event{stack: append([]int(nil), stack...), status: c.Status})
			}
		case RoleStatus, RoleMeasure:
			// a status or measure line belongs to the innermost item open
			if len(stack) > 0 {
				nodes[stack[len(stack)-1]].carry = true
				events = append(events, event{stack: append([]int(nil), stack...), status: c.Status})
			}
		case RoleContinuation:
			// a paragraph with no label after an item that ends by stating
			// a status (…目前,该问题已整改。) is the item's rectification
			if c.Into == RoleNumbered && len(stack) > 0 {
				if f, ok := trailingStatus(newText(c.Body).trim()); ok {
					nodes[stack[len(stack)-1]].carry = true
					events = append(events, event{stack: append([]int(nil), stack...), status: &f})
				}
			}
		case RoleTableHeader, RoleTableRow, RoleSignature, RoleSignatureDate:
			stack = stack[:0]
		}
	}
	if len(nodes) == 0 {
		return out, nil
	}

	stats := map[string]*styleEvidence{}
	var styles []string
	for _, nd := range nodes {
		s := stats[nd.style]
		if s == nil {
			s = &styleEvidence{}
			stats[nd.style] = s
			styles = append(styles, nd.style)
		}
		s.n++
		s.depth += float64(nd.depth)
		if nd.carry {
			s.direct++
		}
		if nd.leaf && nd.known {
			s.leaves++
			s.known = true
		}
	}
	mean := func(st string) float64 { return stats[st].depth / float64(stats[st].n) }

	// A status that only the last of an item's children carries is the
	// item's when the item reads as a finding, not a heading (1.题。问题。 /
	// (1)措施 / (2)措施 / 整改情况:…): it does not count for the children's
	// style. Under a heading (1.纪律方面 / (1)… / (2)… 整改情况:…) the first
	// children simply lack their rectification.
	children := map[int][]int{}
	for ni, nd := range nodes {
		if nd.parent >= 0 && !out[nodes[nd.parent].at].Heading && out[nodes[nd.parent].at].Role == RoleNumbered {
			children[nd.parent] = append(children[nd.parent], ni)
		}
	}
	for _, kids := range children {
		byStyle := map[string][]int{}
		for _, k := range kids {
			byStyle[nodes[k].style] = append(byStyle[nodes[k].style], k)
		}
		for st, ks := range byStyle {
			if len(ks) < 2 || !nodes[ks[len(ks)-1]].carry {
				continue
			}
			only := true
			for _, k := range ks[:len(ks)-1] {
				only = only && !nodes[k].carry
			}
			if only {
				stats[st].direct--
				stats[st].lastOnly++
			}
		}
	}

	// The span evidence: for each style, the events each of its items
	// would own as a finding (the innermost item of that style open).
	for _, st := range styles {
		ev := stats[st]
		statuses := map[int]int{}
		any := map[int]bool{}
		first := map[int]*Found{}
		for _, e := range events {
			owner := -1
			for _, ni := range e.stack {
				if nodes[ni].style == st {
					owner = ni
				}
			}
			if owner < 0 {
				continue
			}
			any[owner] = true
			if e.status != nil && e.status.Where != "" {
				statuses[owner]++
				if first[owner] == nil {
					first[owner] = e.status
				}
			}
		}
		above := map[string]bool{}
		for ni, nd := range nodes {
			if nd.style != st {
				continue
			}
			if any[ni] {
				if statuses[ni] <= 1 {
					ev.one++
				} else {
					ev.multi++
				}
			}
			if f := first[ni]; f != nil {
				switch f.Status {
				case notice.StatusDone:
					ev.done++
				case notice.StatusInProgress:
					ev.progress++
				}
			}
			for p := nd.parent; p >= 0; p = nodes[p].parent {
				above[nodes[p].style] = true
			}
		}
		for o := range above {
			if o != st {
				ev.outer = append(ev.outer, o)
			}
		}
		sort.Slice(ev.outer, func(i, j int) bool {
			if mean(ev.outer[i]) != mean(ev.outer[j]) {
				return mean(ev.outer[i]) < mean(ev.outer[j])
			}
			return ev.outer[i] < ev.outer[j]
		})
		if len(ev.outer) > 0 {
			holds := map[int]bool{}
			for _, nd := range nodes {
				if nd.style != st {
					continue
				}
				for p := nd.parent; p >= 0; p = nodes[p].parent {
					if nodes[p].style == ev.outer[0] {
						holds[p] = true
					}
				}
			}
			ev.cats = len(holds)
		}
	}

	stated := statedIn(out)
	var readings []Reading
	for _, st := range styles {
		ev := stats[st]
		if ev.direct > 0 || ev.one > 0 || ev.lastOnly > 0 {
			readings = append(readings, scoreReading(st, ev, mean(st), stated))
		}
	}
	if len(readings) > 0 {
		// the styles that explain nothing are readings too (the runner-up
		// a notice of categories and findings has is its categories)
		for _, st := range styles {
			if ev := stats[st]; !(ev.direct > 0 || ev.one > 0 || ev.lastOnly > 0) {
				readings = append(readings, scoreReading(st, ev, mean(st), stated))
			}
		}
	}
	sort.SliceStable(readings, func(i, j int) bool { return readings[i].Score > readings[j].Score })

	finding := ""
	if len(readings) > 0 {
		finding = readings[0].Findings
	} else {
		// No level carries: the leaves of a findings section.
		for _, st := range styles {
			s := stats[st]
			if s.leaves > 0 && s.leaves*2 >= s.n && st != "一、" && st != "问题:" &&
				(finding == "" || s.leaves > stats[finding].leaves || (s.leaves == stats[finding].leaves && mean(st) > mean(finding))) {
				finding = st
			}
		}
		if finding != "" {
			r := Reading{Findings: finding, Count: stats[finding].leaves,
				Why: fmt.Sprintf("no level carries a status or measures: the %d items of %s with nothing under them", stats[finding].leaves, finding)}
			if o := stats[finding].outer; len(o) > 0 {
				r.Category = o[0]
				if len(o) > 1 {
					r.Group = o[len(o)-1]
				}
			}
			readings = []Reading{r}
		}
	}
	if finding == "" {
		// No findings: numbered lines stay text where they stand.
		for _, nd := range nodes {
			c := &out[nd.at]
			if c.Role == RoleNumbered {
				c.Role, c.Into = RoleHeading, ""
			}
		}
		return resolveText(out), nil
	}

	// The styles above the findings, outermost first.
	above := map[string]bool{}
	for _, nd := range nodes {
		if nd.style != finding {
			continue
		}
		for p := nd.parent; p >= 0; p = nodes[p].parent {
			above[nodes[p].style] = true
		}
	}
	var outer []string
	for st := range above {
		if st != finding {
			outer = append(outer, st)
		}
	}
	sort.Slice(outer, func(i, j int) bool {
		if mean(outer[i]) != mean(outer[j]) {
			return mean(outer[i]) < mean(outer[j])
		}
		return outer[i] < outer[j]
	})
	role := map[string]Role{finding: RoleFinding}
	for k, st := range outer {
		switch {
		case k == 0:
			role[st] = RoleCategory
		case k == len(outer)-1:
			role[st] = RoleGroup
		default:
			role[st] = RoleHeading
		}
	}
	for _, nd := range nodes {
		c := &out[nd.at]
		r, ok := role[nd.style]
		switch {
		case ok && c.Role == RoleSection:
			// an unknown section whose items are findings (一、关于…), or
			// that is a finding itself (一、标题(已整改))
			c.Role, c.Body = r, strings.TrimPrefix(c.Text, c.Label)
			c.Section = SectionFindings
		case ok:
			c.Role = r
		case c.Role == RoleNumbered && mean(nd.style) < mean(finding) && c.Heading:
			c.Role = RoleHeading
		case c.Role == RoleNumbered:
			// text of the finding above it, its number kept as written
			c.Role, c.Into, c.Body = RoleContinuation, RoleNumbered, c.Text
		}
	}
	return resolveText(out), readings
}

// statedIn is what the notice states about itself, from the lines where
// notices state it (the preamble and the organisation section), read as
// Assemble will read it.
func statedIn(cls []Classified) notice.Stated {
	var texts []string
	for _, c := range cls {
		switch c.Role {
		case RolePreamble, RoleOrgIntro, RoleOrgPoint:
			texts = append(texts, c.Body)
		case RoleContinuation:
			switch c.Into {
			case RolePreamble, RoleOrgIntro, RoleOrgPoint:
				texts = append(texts, c.Body)
			}
		}
	}
	return StatedOf(texts...)
}

// agreement is how close a count read is to a count stated: 1 when equal,
// falling to 0 at twice or none.
func agreement(read, stated int) float64 {
	if stated <= 0 {
		return 0
	}
	d := read - stated
	if d < 0 {
		d = -d
	}
	a := 1 - float64(d)/float64(stated)
	if a < 0 {
		return 0
	}
	return a
}

// scoreReading weighs the reading "the items of style st are the
// findings". What counts, in order of weight: the notice's stated problem
// count (4), the share of items carrying a status, measures or a labelled
// rectification directly (3) and whether at least half do (1: the rule of
// the importer before readings were weighed), the share whose span holds
// exactly one status rather than several (2), the stated aspects and
// status counts (1 each), and a little for depth (the deeper of two
// equally good readings).
func scoreReading(st string, ev *styleEvidence, depth float64, s notice.Stated) Reading {
	r := Reading{Findings: st, Count: ev.n}
	if len(ev.outer) > 0 {
		r.Category = ev.outer[0]
		if len(ev.outer) > 1 {
			r.Group = ev.outer[len(ev.outer)-1]
		}
	}
	n := float64(ev.n)
	score := 3*float64(ev.direct)/n + 2*float64(ev.one-ev.multi)/n + 0.1*depth
	if ev.direct*2 >= ev.n && ev.direct > 0 {
		score++
	}
	why := []string{fmt.Sprintf("%d of %d %s items carry a status or measures, %d hold one status in their span", max(ev.direct, 0), ev.n, st, ev.one)}
	if ev.multi > 0 {
		why = append(why, fmt.Sprintf("%d hold several statuses", ev.multi))
	}
	if ev.lastOnly > 0 {
		why = append(why, fmt.Sprintf("under %d items only the last carries", ev.lastOnly))
	}
	if s.Problems != nil {
		score += 4 * agreement(ev.n, *s.Problems)
		why = append(why, fmt.Sprintf("%d findings against %d problems stated", ev.n, *s.Problems))
	}
	if s.Aspects != nil && ev.cats > 0 {
		score += agreement(ev.cats, *s.Aspects)
		why = append(why, fmt.Sprintf("%d categories against %d aspects stated", ev.cats, *s.Aspects))
	}
	if s.Done != nil {
		score += agreement(ev.done, *s.Done)
		why = append(why, fmt.Sprintf("%d done against %d stated", ev.done, *s.Done))
	}
	if s.InProgress != nil {
		score += agreement(ev.progress, *s.InProgress)
		why = append(why, fmt.Sprintf("%d in progress against %d stated", ev.progress, *s.InProgress))
	}
	r.Score = float64(int(score*100+0.5)) / 100
	r.Why = strings.Join(why, "; ")
	return r
}

// resolveText points every continuation at what it continues now that the
// numbered lines are resolved: the finding's problem, its rectification
// once a status or measure came, or the heading above (whose text a line
// cannot extend: it is kept as unplaced).
func resolveText(out []Classified) []Classified {
	open := Role("")
	for i := range out {
		c := &out[i]
		switch c.Role {
		case RoleFinding:
			open = RoleFinding
			if c.Status != nil {
				open = RoleStatus
			}
		case RoleStatus, RoleMeasure:
			open = RoleStatus
		case RoleCategory, RoleGroup, RoleHeading:
			open = c.Role
		case RoleContinuation:
			if c.Into == RoleNumbered || c.Into == RoleFinding || c.Into == RoleStatus {
				switch open {
				case RoleFinding, RoleStatus:
					if c.Into == RoleNumbered {
						c.Into = open
					}
				default:
					c.Into = open
					if open == "" {
						c.Into = RoleNumbered
					}
				}
			}
		case RoleBlank, RoleChrome:
		default:
			if c.Section != SectionFindings && c.Section != SectionUnknown && c.Section != SectionHeader {
				open = ""
			}
		}
	}
	return out
}
