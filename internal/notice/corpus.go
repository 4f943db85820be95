package notice

import (
	"sort"
	"sync"
)

// StatusEvent is a finding's status as one notice reported it.
type StatusEvent struct {
	Notice     *Notice
	Status     Status
	StatusText string
}

// Corpus is every notice of a site. Notices on the same township and
// inspection form a history: a later notice updates the status of the
// findings with the same number.
type Corpus struct {
	Notices []*Notice // sorted by region path, then signed date, then title

	current     sync.Once // Current, computed on the first call
	currentList []CurrentFinding
}

// NewCorpus sorts the notices into their canonical order.
func NewCorpus(ns []*Notice) *Corpus {
	c := &Corpus{Notices: append([]*Notice(nil), ns...)}
	sort.SliceStable(c.Notices, func(i, j int) bool {
		a, b := c.Notices[i], c.Notices[j]
		if pa, pb := a.UnitPath(), b.UnitPath(); pa != pb {
			return pa < pb
		}
		if a.Signed != b.Signed {
			return a.Signed < b.Signed
		}
		return a.Title < b.Title
	})
	return c
}

// History is the status of the finding with the given ID in every notice
// that reports it, oldest first.
func (c *Corpus) History(id string) []StatusEvent {
	var out []StatusEvent
	for _, n := range c.Notices {
		for i := range n.Findings {
			f := &n.Findings[i]
			if FindingID(n, f.Number) == id {
				out = append(out, StatusEvent{Notice: n, Status: f.Status, StatusText: f.StatusText})
			}
		}
	}
	return out
}

// Histories indexes History for every finding at once (one pass).
func (c *Corpus) Histories() map[string][]StatusEvent {
	out := map[string][]StatusEvent{}
	for _, n := range c.Notices {
		for i := range n.Findings {
			f := &n.Findings[i]
			id := FindingID(n, f.Number)
			out[id] = append(out[id], StatusEvent{Notice: n, Status: f.Status, StatusText: f.StatusText})
		}
	}
	return out
}

// Latest is the newest notice's version of every finding of a township's
// inspection: its current state. Each entry is the finding as the latest
// notice that mentions it wrote it, with that notice.
type CurrentFinding struct {
	ID      string
	Finding *Finding
	Notice  *Notice       // the latest notice that reports it
	History []StatusEvent // oldest first; the last is the current status
}

// Current lists every finding once, in its latest state, ordered by region,
// inspection and number. It is computed on the first call (the model and
// the search documents both ask): the notices must not change after it,
// and callers must not change the list.
func (c *Corpus) Current() []CurrentFinding {
	c.current.Do(func() { c.currentList = c.computeCurrent() })
	return c.currentList
}

func (c *Corpus) computeCurrent() []CurrentFinding {
	hist := c.Histories()
	seen := map[string]int{}
	var out []CurrentFinding
	for _, n := range c.Notices { // oldest first: later notices overwrite
		for i := range n.Findings {
			f := &n.Findings[i]
			id := FindingID(n, f.Number)
			cf := CurrentFinding{ID: id, Finding: f, Notice: n, History: hist[id]}
			if k, ok := seen[id]; ok {
				out[k] = cf
				continue
			}
			seen[id] = len(out)
			out = append(out, cf)
		}
	}
	// Each notice's unit path and inspection once, not per comparison.
	type key struct{ unit, inspection string }
	keys := make(map[*Notice]key, len(c.Notices))
	for _, n := range c.Notices {
		keys[n] = key{n.UnitPath(), n.Inspection.ID()}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		ka, kb := keys[a.Notice], keys[b.Notice]
		if ka.unit != kb.unit {
			return ka.unit < kb.unit
		}
		if ka.inspection != kb.inspection {
			return ka.inspection < kb.inspection
		}
		return a.Finding.Number < b.Finding.Number
	})
	return out
}
