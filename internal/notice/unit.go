package notice

import (
	"strings"
)

// UnitKind is what kind of body an inspection inspected.
type UnitKind string

const (
	// UnitTownship is a township (镇, 乡, 街道): the region's township
	// level is the unit. A notice without a [unit] table is about the
	// township of its region.
	UnitTownship UnitKind = "township"
	// UnitVillage is a village or community (村, 社区), under a township.
	UnitVillage UnitKind = "village"
	// UnitDepartment is a department's party group or committee (局, 委,
	// 办, 中心 … 党组/党委), at its region's level.
	UnitDepartment UnitKind = "department"
	// UnitSchool is a school (学校, 中学, 小学, 学院, 幼儿园).
	UnitSchool UnitKind = "school"
	// UnitEnterprise is a state enterprise (公司, 集团, 银行 …).
	UnitEnterprise UnitKind = "enterprise"
	// UnitRegion is a whole county or district: a summary notice over an
	// inspection round's units, usually with stated totals and no findings.
	UnitRegion UnitKind = "region"
)

// UnitKinds is the vocabulary, in display order.
var UnitKinds = []UnitKind{UnitTownship, UnitVillage, UnitDepartment, UnitSchool, UnitEnterprise, UnitRegion}

// Valid reports whether k is in the vocabulary.
func (k UnitKind) Valid() bool {
	for _, v := range UnitKinds {
		if k == v {
			return true
		}
	}
	return false
}

// UnitKindFrom reads a unit kind as a person writes it: its code
// (township), its label (乡镇（街道）) or the label's short forms (乡镇, 街道,
// 村, 社区, 部门, 企业 …).
func UnitKindFrom(s string) (UnitKind, bool) {
	s = strings.TrimSpace(s)
	for _, k := range UnitKinds {
		if s == string(k) || s == k.Label() {
			return k, true
		}
	}
	short := map[string]UnitKind{
		"乡镇": UnitTownship, "乡": UnitTownship, "镇": UnitTownship, "街道": UnitTownship,
		"村": UnitVillage, "社区": UnitVillage, "村（居）": UnitVillage,
		"部门": UnitDepartment, "单位": UnitDepartment, "学校": UnitSchool,
		"企业": UnitEnterprise, "国企": UnitEnterprise, "汇总": UnitRegion, "全区汇总": UnitRegion, "全县汇总": UnitRegion,
	}
	k, ok := short[s]
	return k, ok
}

// Label is the Chinese name of the kind shown to readers.
func (k UnitKind) Label() string {
	switch k {
	case UnitTownship:
		return "乡镇（街道）"
	case UnitVillage:
		return "村（社区）"
	case UnitDepartment:
		return "部门单位"
	case UnitSchool:
		return "学校"
	case UnitEnterprise:
		return "国有企业"
	case UnitRegion:
		return "全区（县）汇总"
	}
	return string(k)
}

// Unit is the inspected body a notice is about. For a township it is
// derived from the region (no [unit] table in the data file); other kinds
// name themselves in [unit] and hang below the region's deepest level: a
// village below its township, a department, school or enterprise below its
// county (or city), a summary at the region itself.
type Unit struct {
	Kind UnitKind `toml:"kind" json:"kind"`
	Name string   `toml:"name" json:"name"`           // 区文旅体局, as written
	Slug string   `toml:"slug,omitempty" json:"slug"` // wenlvtiju; empty for a region summary
}

// Subject is the notice's unit: its [unit] table, or the township of its
// region when there is none.
func (n *Notice) Subject() Unit {
	if n.Unit.Kind != "" {
		return n.Unit
	}
	return Unit{Kind: UnitTownship, Name: n.Region.Township, Slug: n.Region.TownshipSlug}
}

// UnitPath is the slug path of the notice's unit: the region's path, then
// the unit's slug unless the unit is the region's deepest level itself
// ("fujian/putian/xianyou/jiaowei" for a township, ".../xianyou/wenlvtiju"
// for a county department, ".../xianyou" for a county summary).
func (n *Notice) UnitPath() string {
	p := n.Region.Path()
	u := n.Subject()
	switch {
	case u.Kind == UnitTownship || u.Kind == UnitRegion || u.Slug == "":
		return p
	case p == "":
		return u.Slug
	}
	return p + "/" + u.Slug
}

// Validate states the rules of a unit on its own: a known kind, a name, a
// slug of lowercase ASCII words. A township's unit is its region's
// township; a [unit] table of kind township is refused to keep one way of
// writing it.
func (u Unit) Validate() []FieldError {
	var out []FieldError
	if !u.Kind.Valid() {
		out = append(out, errf("kind", "unit kind %q is not one of %s", u.Kind, joinKinds()))
	}
	if strings.TrimSpace(u.Name) == "" {
		out = append(out, errf("name", "the unit has no name"))
	}
	switch {
	case u.Kind == UnitRegion && u.Slug != "":
		out = append(out, errf("slug", "a region summary has no slug of its own: it is published on its region's page"))
	case u.Kind != UnitRegion && !SlugValid(u.Slug):
		out = append(out, errf("slug", "slug %q is not lowercase ASCII letters and digits in words joined by single hyphens", u.Slug))
	}
	if u.Kind == UnitTownship {
		out = append(out, errf("kind", "a township is written as region.township, not as a [unit] table"))
	}
	return out
}

func joinKinds() string {
	s := make([]string, len(UnitKinds))
	for i, k := range UnitKinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// SlugValid reports whether s is a slug: lowercase ASCII letters and digits,
// in words joined by single hyphens.
func SlugValid(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// UnitKindOf guesses the kind of an inspected body from its name as
// written (沙窝乡党委 → township, 区文旅体局党组 → department); "" when the
// name says nothing.
func UnitKindOf(name string) UnitKind {
	s := strings.TrimSpace(name)
	for _, suf := range []string{"党委", "党组", "党总支", "党支部", "党工委", "委员会", "领导班子"} {
		s = strings.TrimSuffix(s, suf)
	}
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.HasSuffix(s, w) {
				return true
			}
		}
		return false
	}
	switch {
	case s == "":
		return ""
	case has("村", "社区", "居委会", "村委会"):
		return UnitVillage
	case has("学校", "中学", "小学", "学院", "大学", "幼儿园", "职校", "中专", "技校"):
		return UnitSchool
	case has("公司", "集团", "银行", "厂", "信用社", "合作社"):
		return UnitEnterprise
	case has("镇", "乡", "街道", "街道办事处", "办事处"):
		return UnitTownship
	case has("局", "委", "办", "办公室", "中心", "院", "会", "部", "所", "站", "队", "馆", "处", "署", "厅", "室", "总工会", "团委", "妇联", "科协", "工商联", "法院", "检察院"):
		return UnitDepartment
	case has("县", "区", "市", "旗"):
		return UnitRegion
	}
	return ""
}
