package notice

import "testing"

// A unit kind is read as a person writes it: its code, its label, or the
// label's short forms; anything else is not a kind.
func TestUnitKindFrom(t *testing.T) {
	for _, c := range []struct {
		in   string
		want UnitKind
		ok   bool
	}{
		{"township", UnitTownship, true},
		{"乡镇（街道）", UnitTownship, true},
		{"街道", UnitTownship, true},
		{" 村（社区） ", UnitVillage, true},
		{"社区", UnitVillage, true},
		{"部门单位", UnitDepartment, true},
		{"学校", UnitSchool, true},
		{"国有企业", UnitEnterprise, true},
		{"全区（县）汇总", UnitRegion, true},
		{"region", UnitRegion, true},
		{"医院", "", false},
		{"", "", false},
	} {
		got, ok := UnitKindFrom(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("UnitKindFrom(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for _, k := range UnitKinds {
		if got, ok := UnitKindFrom(k.Label()); !ok || got != k {
			t.Errorf("the label of %s (%s) reads as %q", k, k.Label(), got)
		}
	}
}
