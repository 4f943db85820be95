package notice

import (
	"reflect"
	"testing"
)

// One rule for numbered things: findings and outstanding items alike,
// each number 1 or more and none repeated, the first holder recorded.
func TestNumbering(t *testing.T) {
	for _, c := range []struct {
		array   string
		numbers []int
		msgs    []string
		with    map[int]int
	}{
		{"findings", []int{1, 2, 3}, nil, map[int]int{1: 1, 2: 2, 3: 3}},
		{"findings", []int{1, 2, 2}, []string{"findings[3].number 2 is repeated: findings[2] has number 2 too"}, map[int]int{1: 1, 2: 2}},
		{"outstanding", []int{3, 0, 3, -1, 1}, []string{
			"outstanding[2].number 0 must be 1 or more",
			"outstanding[3].number 3 is repeated: outstanding[1] has number 3 too",
			"outstanding[4].number -1 must be 1 or more",
		}, map[int]int{3: 1, 1: 5}},
		{"findings", []int{5, 5, 5}, []string{
			"findings[2].number 5 is repeated: findings[1] has number 5 too",
			"findings[3].number 5 is repeated: findings[1] has number 5 too",
		}, map[int]int{5: 1}},
	} {
		l := NewNumbering(c.array)
		var msgs []string
		for i, n := range c.numbers {
			if e := l.Number(i+1, n); e != nil {
				if want := index(c.array, i+1) + ".number"; e.Field != want {
					t.Errorf("%s %v: field %s, want %s", c.array, c.numbers, e.Field, want)
				}
				msgs = append(msgs, e.Msg)
			}
		}
		if !reflect.DeepEqual(msgs, c.msgs) || !reflect.DeepEqual(l.With, c.with) {
			t.Errorf("%s %v:\n got %q %v\nwant %q %v", c.array, c.numbers, msgs, l.With, c.msgs, c.with)
		}
	}
}

// Validate applies it to findings and outstanding items.
func TestValidateNumbers(t *testing.T) {
	n := &Notice{Findings: []Finding{{Number: 1}, {Number: 1}}, Outstanding: []Outstanding{{Number: 2, Finding: 1}, {Number: 2, Finding: 1}}}
	var got []string
	for _, e := range n.Validate() {
		if e.Field == "findings[2].number" || e.Field == "outstanding[2].number" {
			got = append(got, e.Msg)
		}
	}
	want := []string{
		"findings[2].number 1 is repeated: findings[1] has number 1 too",
		"outstanding[2].number 2 is repeated: outstanding[1] has number 2 too",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
