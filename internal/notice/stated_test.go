package notice

import (
	"reflect"
	"testing"
)

// The stated counts are compared with the findings' statuses; where some
// findings state no status, a count disagrees only when more were read
// than it states.
func TestDisagreements(t *testing.T) {
	fs := func(sts ...Status) []Finding {
		var out []Finding
		for i, s := range sts {
			out = append(out, Finding{Number: i + 1, Status: s})
		}
		return out
	}
	d, p, u := StatusDone, StatusInProgress, StatusUnstated
	for _, c := range []struct {
		name     string
		stated   Stated
		findings []Finding
		want     []string // the fields that disagree
	}{
		{"all read, agreeing", Stated{Problems: IntP(3), Done: IntP(2), InProgress: IntP(1)}, fs(d, d, p), nil},
		{"all read, a count off", Stated{Problems: IntP(3), Done: IntP(3)}, fs(d, d, p), []string{"done"}},
		{"problems off", Stated{Problems: IntP(4)}, fs(d, d, p), []string{"problems"}},
		{"unstated could make up the count", Stated{Done: IntP(3), InProgress: IntP(1)}, fs(d, d, u, p), nil},
		{"more read than stated, unstated or not", Stated{Done: IntP(1), InProgress: IntP(1)}, fs(d, d, u, p), []string{"done"}},
		{"a summary with no findings is not compared", Stated{Problems: IntP(697)}, nil, nil},
	} {
		n := &Notice{Stated: c.stated, Findings: c.findings}
		var got []string
		for _, x := range n.Disagreements() {
			got = append(got, x.Field)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
