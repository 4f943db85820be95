package synth

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/site/model"
)

// TestRepeatedFindings: with Repeat and Near, a share of every later
// round's findings repeat one of the previous round reworded (above the
// recurrence threshold) or open with a sentence of one (mostly below);
// everything else is the corpus the same seed gives without them.
func TestRepeatedFindings(t *testing.T) {
	tx := seedText(t)
	plain := Generate(Options{Townships: 20, Notices: 3, Findings: 60, Seed: 7}, tx)
	rep := Generate(Options{Townships: 20, Notices: 3, Findings: 60, Seed: 7, Repeat: 0.2, Near: 0.1}, tx)
	if len(plain) != len(rep) {
		t.Fatalf("%d notices, %d with repeats", len(plain), len(rep))
	}
	var later, repeated, near, above int
	for i := range rep {
		p, r := plain[i], rep[i]
		if i%3 == 0 { // a township's first round
			if !reflect.DeepEqual(p, r) {
				t.Errorf("notice %d: a first round differs with repeats", i)
			}
			continue
		}
		prev := rep[i-1]
		for j := range r.Findings {
			later++
			f, g := r.Findings[j], p.Findings[j]
			title := g.Title
			if f.Title == g.Title && f.Problem == g.Problem {
				continue
			}
			g.Title, g.Problem = f.Title, f.Problem
			if !reflect.DeepEqual(f, g) {
				t.Errorf("notice %d finding %d: more than its title and problem differ", i, j+1)
			}
			found := false
			for _, e := range prev.Findings {
				if tt, pp := Reword(e.Title, e.Problem); tt == f.Title && pp == f.Problem {
					found = true
					repeated++
					if model.Similarity(e.Title, e.Problem, f.Title, f.Problem) >= model.RecurThreshold {
						above++
					}
					break
				}
				if first, _, _ := strings.Cut(e.Problem, "。"); f.Title == title && strings.HasPrefix(f.Problem, first+"。") {
					found = true
					near++
					break
				}
			}
			if !found {
				t.Errorf("notice %d finding %d: changed, yet neither a repeat nor a near one of the previous round", i, j+1)
			}
		}
	}
	if share := float64(repeated) / float64(later); share < 0.15 || share > 0.25 {
		t.Errorf("%d of %d later findings repeat (%.2f), want about 0.2", repeated, later, share)
	}
	if share := float64(near) / float64(later); share < 0.06 || share > 0.14 {
		t.Errorf("%d of %d later findings are near (%.2f), want about 0.1", near, later, share)
	}
	if above != repeated {
		t.Errorf("%d of %d repeats are above the recurrence threshold", above, repeated)
	}
}
