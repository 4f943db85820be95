package check

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
)

// unit checks the inspected unit and the region levels it needs.
func (fc *fileCheck) unit() {
	n := fc.n
	if n == nil {
		return
	}
	fc.findingsPresent()
	if !fc.ok("region") {
		return
	}
	r := n.Region
	township := n.Unit.Kind == ""
	if fc.isSeen("unit") {
		if !fc.ok("unit") {
			return
		}
		for _, e := range n.Unit.Validate() {
			p := "unit." + e.Field
			if !fc.isSeen(p) {
				p = "unit"
			}
			if fc.isBad(p) {
				continue
			}
			fc.at(p, "unit.%s: %s", e.Field, e.Message())
		}
		township = false
	}
	// The levels given must be contiguous from the province, each with its
	// slug.
	levels := []struct {
		name, slug string
		nameKey    string
		slugKey    string
	}{
		{r.City, r.CitySlug, "region.city", "region.city_slug"},
		{r.County, r.CountySlug, "region.county", "region.county_slug"},
		{r.Township, r.TownshipSlug, "region.township", "region.township_slug"},
	}
	need := 0 // levels below the province that must be present
	switch {
	case township:
		need = 3
	case n.Unit.Kind == notice.UnitVillage:
		need = 3
	}
	gap := false
	for i, lv := range levels {
		present := lv.name != "" || lv.slug != ""
		switch {
		case !present && i < need:
			if !fc.isSeen(lv.nameKey) && !fc.isBad(lv.nameKey) {
				what := i18n.Msg("the unit's region")
				if township {
					what = i18n.Msg("a township's notice (no [unit] table)")
				} else if n.Unit.Kind == notice.UnitVillage {
					what = i18n.Msg("a village's notice")
				}
				fc.at("region", "%s is missing: %s needs it", lv.nameKey, what)
			}
		case present && gap:
			fc.at(lv.nameKey, "%s is given but the level above it is not: the region's levels run from the province down without gaps", lv.nameKey)
		case present:
			for _, k := range []string{lv.nameKey, lv.slugKey} {
				if !fc.isSeen(k) && !fc.isBad(k) {
					fc.at("region", "%s is missing", k)
				} else if fc.isBlank(k) && !fc.isBad(k) && fc.isSeen(k) {
					// reported by required() only for required keys
					fc.at(k, "%s is empty", k)
				}
			}
		}
		if !present {
			gap = true
		}
	}
}

// findingsPresent: every notice but a region summary lists findings.
func (fc *fileCheck) findingsPresent() {
	n := fc.n
	if len(n.Findings) > 0 || fc.isBad("findings") || (fc.ok("unit") && n.Unit.Kind == notice.UnitRegion) {
		return
	}
	if fc.isSeen("findings") {
		fc.at("findings", "findings is empty: a notice lists at least one finding (only a region summary, [unit] kind = \"region\", lists none)")
		return
	}
	fc.at("", "findings is missing: a notice lists at least one finding (only a region summary, [unit] kind = \"region\", lists none)")
}

// stated checks the notice's own figures and compares them with its
// findings.
func (fc *fileCheck) stated() {
	n := fc.n
	if n == nil || !fc.ok("stated") {
		return
	}
	s := n.Stated
	for _, c := range []struct {
		key string
		v   *int
	}{
		{"problems", s.Problems}, {"aspects", s.Aspects}, {"done", s.Done}, {"in_progress", s.InProgress},
		{"not_done", s.NotDone}, {"units", s.Units}, {"people", s.People}, {"regulations", s.Regulations},
	} {
		if c.v != nil && *c.v < 0 && fc.ok("stated."+c.key) {
			fc.at("stated."+c.key, "stated.%s is %d: a count is not negative", c.key, *c.v)
		}
	}
}

// statedAgainst compares the notice's stated figures with the findings as
// they stand after it: its own, and those of earlier notices on the same
// inspection that it does not list (a later notice often lists only the
// findings it updates, and states totals over all of them).
func (fc *fileCheck) statedAgainst(earlier []*fileCheck) {
	n := fc.n
	if !fc.ok("stated") || !fc.ok("findings") || n.Stated.Empty() {
		return
	}
	merged := map[int]notice.Finding{}
	for _, o := range earlier {
		for _, f := range o.n.Findings {
			merged[f.Number] = f
		}
	}
	for _, f := range n.Findings {
		merged[f.Number] = f
	}
	asOf := *n
	asOf.Findings = make([]notice.Finding, 0, len(merged))
	for _, f := range merged {
		asOf.Findings = append(asOf.Findings, f)
	}
	for _, d := range asOf.Disagreements() {
		if fc.ok("stated." + d.Field) {
			fc.warnAt("stated."+d.Field, "%s", d.Message())
		}
	}
}
