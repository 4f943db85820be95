package intake

import "testing"

// The review page's unit kind field takes the kinds' Chinese labels (what
// it shows): a field edit with 村（社区） asks for a village, a code still
// works, and a word that is no kind is passed on for the request's check
// to refuse.
func TestUnitKindFieldEdit(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"村（社区）", "village"},
		{"部门单位", "department"},
		{"school", "school"},
		{"医院", "医院"},
	} {
		req := Request{Edits: []Edit{{Op: "field", Field: "unit_kind", Value: c.value}}}
		got, _ := req.withFields()
		if got.UnitKind != c.want {
			t.Errorf("unit_kind %q: the request asks for %q, want %q", c.value, got.UnitKind, c.want)
		}
	}
}
