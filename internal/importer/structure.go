package importer

import (
	"sort"
	"strings"
)

// Structure is the stage after Classify: it finds the findings from the
// document's outline. The numbered lines of the findings (RoleNumbered)
// nest by their numbering style — a style not yet open goes one level
// deeper, a style already open closes everything below it — and the
// deepest style at least half of whose items carry a status, a labelled
// rectification or 一是… measures directly (the line belongs to no deeper
// item) is the findings' style. The levels above it are category and group (the
// outermost and the innermost); a level between them is kept as a heading
// of its own; numbered lines below it are text of the finding.
//
// Where no level carries a status (a notice cut off after its first
// finding's problem), the numbered lines that have nothing under them in a
// findings section are the findings.
//
// It returns a new slice; cls is not changed.
func Structure(cls []Classified) []Classified {
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
	var nodes []node
	var stack []int
	for i, c := range out {
		switch c.Role {
		case RoleSection:
			stack = stack[:0]
			if c.Section == SectionUnknown {
				nodes = append(nodes, node{at: i, style: c.Style, leaf: true, parent: -1})
				stack = append(stack, len(nodes)-1)
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
			}
		case RoleStatus, RoleMeasure:
			// a status or measure line belongs to the innermost item open
			if len(stack) > 0 {
				nodes[stack[len(stack)-1]].carry = true
			}
		case RoleTableHeader, RoleTableRow, RoleSignature, RoleSignatureDate:
			stack = stack[:0]
		}
	}
	if len(nodes) == 0 {
		return out
	}

	// The findings' style: the deepest style whose items mostly carry.
	type stat struct {
		n, carry, leaves int
		depth            float64
		known            bool
	}
	stats := map[string]*stat{}
	var styles []string
	for _, nd := range nodes {
		s := stats[nd.style]
		if s == nil {
			s = &stat{}
			stats[nd.style] = s
			styles = append(styles, nd.style)
		}
		s.n++
		s.depth += float64(nd.depth)
		if nd.carry {
			s.carry++
		}
		if nd.leaf && nd.known {
			s.leaves++
			s.known = true
		}
	}
	mean := func(st string) float64 { return stats[st].depth / float64(stats[st].n) }
	finding := ""
	for _, st := range styles {
		s := stats[st]
		if s.carry*2 >= s.n && s.carry > 0 && (finding == "" || mean(st) > mean(finding)) {
			finding = st
		}
	}
	if finding == "" {
		// No level carries: the leaves of a findings section.
		for _, st := range styles {
			s := stats[st]
			if s.leaves > 0 && s.leaves*2 >= s.n && st != "一、" &&
				(finding == "" || s.leaves > stats[finding].leaves || (s.leaves == stats[finding].leaves && mean(st) > mean(finding))) {
				finding = st
			}
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
		return resolveText(out)
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
			// an unknown section whose items are findings: 一、关于…
			if r != RoleFinding {
				c.Role, c.Body = r, strings.TrimPrefix(c.Text, c.Label)
				c.Section = SectionFindings
			}
		case ok:
			c.Role = r
		case c.Role == RoleNumbered && mean(nd.style) < mean(finding) && c.Heading:
			c.Role = RoleHeading
		case c.Role == RoleNumbered:
			c.Role, c.Into = RoleContinuation, RoleNumbered // text of the finding above it
		}
	}
	return resolveText(out)
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
