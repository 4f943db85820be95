package check

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// checkAcross runs the checks that need every file: paths, one notice per
// township and day, region names and slugs, and finding numbers across the
// notices on one inspection.
func checkAcross(fcs []*fileCheck) {
	var ns []*fileCheck
	for _, fc := range fcs {
		if fc.n != nil {
			ns = append(ns, fc)
		}
	}
	for _, fc := range ns {
		fc.checkPath()
	}
	checkOnePerDay(ns)
	checkRegions(ns)
	checkHistories(ns)
}

// level is one segment of a notice's path: a region level or the unit.
type level struct {
	nameKey, slugKey string
	name, slug       string
	what, within     *i18n.Error
}

// levels lists the notice's path segments from the province down: the
// region levels it gives, then its unit when the unit is not the region's
// deepest level itself (a village, a department, a school, an enterprise).
func (fc *fileCheck) levels() []level {
	r := fc.n.Region
	all := []level{
		{"region.province", "region.province_slug", r.Province, r.ProvinceSlug, i18n.Msg("province"), i18n.Msg("among all provinces")},
		{"region.city", "region.city_slug", r.City, r.CitySlug, i18n.Msg("city"), i18n.Msg("within one province")},
		{"region.county", "region.county_slug", r.County, r.CountySlug, i18n.Msg("county"), i18n.Msg("within one city")},
		{"region.township", "region.township_slug", r.Township, r.TownshipSlug, i18n.Msg("township"), i18n.Msg("within one county")},
	}
	var out []level
	for _, l := range all {
		if l.name == "" && l.slug == "" {
			break
		}
		out = append(out, l)
	}
	if u := fc.n.Unit; fc.ok("unit") && u.Kind != "" && u.Kind != notice.UnitTownship && u.Kind != notice.UnitRegion {
		out = append(out, level{"unit.name", "unit.slug", u.Name, u.Slug, i18n.Msg("unit"), i18n.Msg("within its region")})
	}
	return out
}

// slugsOK reports whether every slug of the notice's path is usable and
// well formed.
func (fc *fileCheck) slugsOK() bool {
	if fc.isSeen("unit") && !fc.ok("unit") {
		return false
	}
	for _, l := range fc.levels() {
		if !fc.ok(l.slugKey) || !slugRE.MatchString(l.slug) {
			return false
		}
	}
	return true
}

// signedOK reports whether the notice has a usable signed date.
func (fc *fileCheck) signedOK() bool { return fc.ok("signed") && fc.n.Signed != "" }

// checkPath: the file must lie at store.RelPath of its notice.
func (fc *fileCheck) checkPath() {
	if fc.rel == "" || !fc.slugsOK() || !fc.signedOK() {
		return
	}
	var want, keys []string
	for _, l := range fc.levels() {
		want, keys = append(want, l.slug), append(keys, l.slugKey)
	}
	want, keys = append(want, string(fc.n.Signed)+".toml"), append(keys, "signed")
	if fc.rel == strings.Join(want, "/") {
		return
	}
	key := keys[0]
	if got := strings.Split(fc.rel, "/"); len(got) == len(want) {
		for i := range want {
			if got[i] != want[i] {
				key = keys[i]
				break
			}
		}
	}
	fc.at(key, "file is at %s, but its region slugs, unit and signed date put it at %s: move the file or correct %s",
		fc.rel, strings.Join(want, "/"), key)
}

// checkOnePerDay: a township has at most one notice per signed date.
func checkOnePerDay(ns []*fileCheck) {
	first := map[string]*fileCheck{}
	for _, fc := range ns {
		if !fc.slugsOK() || !fc.signedOK() {
			continue
		}
		k := fc.n.UnitPath() + "/" + string(fc.n.Signed)
		if o, ok := first[k]; ok {
			fc.at("signed", "%s already has a notice signed %s, in %s: a unit has at most one notice per day",
				fc.n.Subject().Name, fc.n.Signed, o.path)
			continue
		}
		first[k] = fc
	}
}

// checkRegions: at each level (a unit counts as a level below its region),
// one name has one slug and one slug one name.
func checkRegions(ns []*fileCheck) {
	type owner struct {
		val string
		fc  *fileCheck
	}
	slugOf := map[string]owner{} // depth + parent names + name → slug
	nameOf := map[string]owner{} // depth + parent slugs + slug → name
	for _, fc := range ns {
		ls := fc.levels()
		names := make([]string, len(ls))
		slugs := make([]string, len(ls))
		for i, l := range ls {
			names[i], slugs[i] = l.name, l.slug
		}
		for i, l := range ls {
			name, slug := names[i], slugs[i]
			if !fc.ok(l.nameKey) || !fc.ok(l.slugKey) || strings.TrimSpace(name) == "" || slug == "" {
				continue
			}
			nk := strings.Join(names[:i+1], "\x00")
			if o, ok := slugOf[nk]; !ok {
				slugOf[nk] = owner{slug, fc}
			} else if o.val != slug {
				fc.at(l.slugKey, "%s %q for %s differs from %q, its slug in %s: one %s has one slug",
					l.slugKey, slug, name, o.val, o.fc.path, l.what)
				continue
			}
			sk := strings.Join(slugs[:i+1], "/")
			if o, ok := nameOf[sk]; !ok {
				nameOf[sk] = owner{name, fc}
			} else if o.val != name {
				fc.at(l.slugKey, "%s %q is already the slug of %s in %s: %s, each %s needs its own slug",
					l.slugKey, slug, o.val, o.fc.path, l.within, l.what)
			}
		}
	}
}

// checkHistories: the notices on one township's inspection, oldest first.
// The first numbers its findings 1..N; outstanding items refer to findings
// of their notice or of an earlier one.
func checkHistories(ns []*fileCheck) {
	groups := map[string][]*fileCheck{}
	var keys []string
	for _, fc := range ns {
		k := "\x00" + fc.path // alone: no usable inspection or date
		if fc.slugsOK() && fc.signedOK() && !fc.isBad("inspection.start") && !fc.isBad("inspection.feedback") && fc.n.Inspection.ID() != "" {
			k = fc.n.UnitPath() + "|" + fc.n.Inspection.ID()
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], fc)
	}
	for _, k := range keys {
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool { return g[i].n.Signed < g[j].n.Signed })
		for _, fc := range g {
			earlier := map[int]bool{}
			var before []*fileCheck
			first := true
			for _, o := range g {
				if o.n.Signed < fc.n.Signed {
					first = false
					before = append(before, o)
					for num := range o.numbers {
						earlier[num] = true
					}
				}
			}
			if fc.numbersKnown {
				fc.statedAgainst(before)
			}
			if first && fc.numbersKnown {
				fc.gaps("findings", i18n.Msg("the first notice on an inspection numbers its findings 1, 2, 3 … without gaps (a later notice may list only the findings it updates)"), fc.numbers)
			}
			if !fc.numbersKnown {
				continue
			}
			for i, o := range fc.n.Outstanding {
				p := indexPath("outstanding", i+1) + ".finding"
				if !fc.ok(p) || o.Finding < 1 {
					continue
				}
				if _, own := fc.numbers[o.Finding]; own || earlier[o.Finding] {
					continue
				}
				if first {
					fc.at(p, "%s %d is not the number of a finding in this notice", p, o.Finding)
				} else if fc.n.Inspection.Start != "" {
					fc.at(p, "%s %d is not the number of a finding in this notice or in an earlier notice on the inspection that started %s",
						p, o.Finding, fc.n.Inspection.Start)
				} else {
					fc.at(p, "%s %d is not the number of a finding in this notice or in an earlier notice on the inspection fed back on %s",
						p, o.Finding, fc.n.Inspection.Feedback)
				}
			}
		}
	}
}

func sortedKeys(m map[int]int) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}
