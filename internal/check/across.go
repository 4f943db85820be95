package check

import (
	"sort"
	"strings"
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

var slugKeys = []string{"region.province_slug", "region.city_slug", "region.county_slug", "region.township_slug"}

// slugsOK reports whether all four region slugs are usable and well formed.
func (fc *fileCheck) slugsOK() bool {
	r := fc.n.Region
	for i, v := range []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug} {
		if !fc.ok(slugKeys[i]) || !slugRE.MatchString(v) {
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
	r := fc.n.Region
	want := []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug, string(fc.n.Signed) + ".toml"}
	if fc.rel == strings.Join(want, "/") {
		return
	}
	keys := append(append([]string{}, slugKeys...), "signed")
	key := keys[0]
	if got := strings.Split(fc.rel, "/"); len(got) == len(want) {
		for i := range want {
			if got[i] != want[i] {
				key = keys[i]
				break
			}
		}
	}
	fc.at(key, "file is at %s, but its region slugs and signed date put it at %s: move the file or correct %s",
		fc.rel, strings.Join(want, "/"), key)
}

// checkOnePerDay: a township has at most one notice per signed date.
func checkOnePerDay(ns []*fileCheck) {
	first := map[string]*fileCheck{}
	for _, fc := range ns {
		if !fc.slugsOK() || !fc.signedOK() {
			continue
		}
		k := fc.n.Region.Path() + "/" + string(fc.n.Signed)
		if o, ok := first[k]; ok {
			fc.at("signed", "%s already has a notice signed %s, in %s: a township has at most one notice per day",
				fc.n.Region.Township, fc.n.Signed, o.path)
			continue
		}
		first[k] = fc
	}
}

// checkRegions: at each level, one name has one slug and one slug one name.
func checkRegions(ns []*fileCheck) {
	type owner struct {
		val string
		fc  *fileCheck
	}
	levels := []struct {
		nameKey, slugKey, within, what string
	}{
		{"region.province", "region.province_slug", "among all provinces", "province"},
		{"region.city", "region.city_slug", "within one province", "city"},
		{"region.county", "region.county_slug", "within one city", "county"},
		{"region.township", "region.township_slug", "within one county", "township"},
	}
	slugOf := make([]map[string]owner, len(levels)) // parent names + name → slug
	nameOf := make([]map[string]owner, len(levels)) // parent slugs + slug → name
	for i := range levels {
		slugOf[i], nameOf[i] = map[string]owner{}, map[string]owner{}
	}
	for _, fc := range ns {
		r := fc.n.Region
		names := []string{r.Province, r.City, r.County, r.Township}
		slugs := []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug}
		for i, l := range levels {
			name, slug := names[i], slugs[i]
			if !fc.ok(l.nameKey) || !fc.ok(l.slugKey) || strings.TrimSpace(name) == "" || slug == "" {
				continue
			}
			nk := strings.Join(names[:i+1], "\x00")
			if o, ok := slugOf[i][nk]; !ok {
				slugOf[i][nk] = owner{slug, fc}
			} else if o.val != slug {
				fc.at(l.slugKey, "%s %q for %s differs from %q, its slug in %s: one %s has one slug",
					l.slugKey, slug, name, o.val, o.fc.path, l.what)
				continue
			}
			sk := strings.Join(slugs[:i+1], "/")
			if o, ok := nameOf[i][sk]; !ok {
				nameOf[i][sk] = owner{name, fc}
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
		if fc.slugsOK() && fc.signedOK() && fc.ok("inspection.start") && fc.n.Inspection.Start != "" {
			k = fc.n.Region.Path() + "|" + fc.n.Inspection.ID()
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
			first := true
			for _, o := range g {
				if o.n.Signed < fc.n.Signed {
					first = false
					for num := range o.numbers {
						earlier[num] = true
					}
				}
			}
			if first && fc.numbersKnown {
				fc.gaps("findings", "the first notice on an inspection numbers its findings 1, 2, 3 … without gaps (a later notice may list only the findings it updates)", fc.numbers)
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
				} else {
					fc.at(p, "%s %d is not the number of a finding in this notice or in an earlier notice on the inspection that started %s",
						p, o.Finding, fc.n.Inspection.Start)
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
