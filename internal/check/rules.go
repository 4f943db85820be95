package check

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// Required lists the keys every data file must have; name[] stands for each
// element of the array name. A required key must be present, a string must
// not be blank, and an array must not be empty. A missing table (region)
// is one problem, not one per key in it.
//
//	title         the notice's title as written
//	issuer        who issued it (中共郊尾镇委员会)
//	signed        the date under the signature; part of the file's path
//	region        the province, as written and its slug; the lower levels
//	              down to the unit's place (see Units), which make the
//	              file's path and every URL
//	inspection.start  the inspection's first day: it identifies the
//	              inspection, and findings are cited by it
//	findings[]    each with its number, title, status and status_text (a
//	              status_text may be empty only for the unstated status)
//	              (the rest of a finding is optional: a later notice may
//	              only update the status); a notice needs at least one
//	              finding unless it is a region summary (see Units)
//	findings[].amounts[]  text and yuan
//	findings[].dates[]    text and date
//	outstanding[] number and finding (the finding it refers to)
//	accountability.by_rank[], by_form[]  rank/form and count
//	redact[]      text and reason (see privacy)
//	revisions[]   date, change and reason
//	withdrawn     date and reason, when the table is there
//
// Everything else is optional, because not every notice has every section.
var Required = []string{
	"title", "issuer", "signed",
	"region",
	"region.province", "region.province_slug",
	"inspection", "inspection.start",
	"findings[].number", "findings[].title", "findings[].status",
	"findings[].amounts[].text", "findings[].amounts[].yuan",
	"findings[].dates[].text", "findings[].dates[].date",
	"outstanding[].number", "outstanding[].finding",
	"accountability.by_rank[].rank", "accountability.by_rank[].count",
	"accountability.by_form[].form", "accountability.by_form[].count",
	"redact[].text", "redact[].reason",
	"revisions[].date", "revisions[].change", "revisions[].reason",
	"withdrawn.date", "withdrawn.reason",
}

// required reports the Required keys that are missing or blank.
func (fc *fileCheck) required() {
	for _, pat := range Required {
		for _, p := range fc.expand(pat) {
			switch {
			case !fc.isSeen(p):
				fc.at(parentPath(p), "%s is missing", p)
			case fc.isBad(p):
				// Reported by the walker.
			case fc.isBlank(p):
				fc.at(p, "%s is empty", p)
			}
		}
	}
}

// expand turns a pattern of Required into the paths it names in this file,
// under tables and array elements that are present and usable.
func (fc *fileCheck) expand(pat string) []string {
	prefixes := []string{""}
	parts := strings.Split(pat, ".")
	for _, part := range parts {
		name, isArray := strings.CutSuffix(part, "[]")
		var next []string
		for _, p := range prefixes {
			if p != "" && !fc.ok(p) {
				continue
			}
			q := joinPath(p, name)
			if !isArray {
				next = append(next, q)
				continue
			}
			if !fc.ok(q) {
				continue
			}
			for i := 1; fc.isSeen(indexPath(q, i)); i++ {
				next = append(next, indexPath(q, i))
			}
		}
		prefixes = next
	}
	return prefixes
}

var (
	slugRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	partialRE  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	statusList = func() string {
		s := make([]string, len(notice.Statuses))
		for i, v := range notice.Statuses {
			s[i] = string(v)
		}
		return strings.Join(s, ", ")
	}()
)

// values checks the values of one notice.
func (fc *fileCheck) values() {
	n := fc.n
	for _, s := range []struct {
		key, val string
	}{
		{"region.province_slug", n.Region.ProvinceSlug},
		{"region.city_slug", n.Region.CitySlug},
		{"region.county_slug", n.Region.CountySlug},
		{"region.township_slug", n.Region.TownshipSlug},
	} {
		if fc.ok(s.key) && s.val != "" && !slugRE.MatchString(s.val) {
			fc.at(s.key, "%s %q must be lowercase ASCII letters and digits, words joined by single hyphens (like xianyou or sample-town-1)", s.key, s.val)
		}
	}

	fc.dateOrder()

	if fc.ok("source_url") && n.SourceURL != "" {
		u, err := url.Parse(n.SourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fc.at("source_url", "source_url %q must be an http:// or https:// address", n.SourceURL)
		}
	}
	fc.original() // see original.go

	fc.blankItems("regulations", n.Regulations)
	fc.blankItems("organisation.points", n.Organisation.Points)

	// Findings.
	firstWith := map[int]int{} // number → index (from 1) of the first finding with it
	fc.numbersKnown = true
	for i := range n.Findings {
		f := &n.Findings[i]
		fp := indexPath("findings", i+1)
		if p := fp + ".number"; fc.ok(p) {
			switch j, dup := firstWith[f.Number]; {
			case f.Number < 1:
				fc.at(p, "%s %d must be 1 or more", p, f.Number)
			case dup:
				fc.at(p, "%s %d is repeated: findings[%d] has number %d too", p, f.Number, j, f.Number)
			default:
				firstWith[f.Number] = i + 1
			}
		} else {
			fc.numbersKnown = false
		}
		if p := fp + ".status"; fc.ok(p) && f.Status != "" && !f.Status.Valid() {
			fc.at(p, "%s %q is not one of %s", p, string(f.Status), statusList)
		}
		if p := fp + ".status_text"; fc.ok(fp+".status") && f.Status != notice.StatusUnstated && !fc.isBad(p) {
			switch {
			case !fc.isSeen(p):
				fc.at(fp, "%s is missing", p)
			case fc.isBlank(p):
				fc.at(p, "%s is empty: only a finding whose status is unstated has no status words", p)
			}
		}
		fc.blankItems(fp+".measures", f.Measures)
		for j, a := range f.Amounts {
			ap := indexPath(fp+".amounts", j+1)
			if !fc.ok(ap+".yuan") || !fc.ok(ap+".text") || fc.isBlank(ap+".text") {
				continue
			}
			v, ok := notice.ParseAmount(a.Text)
			switch {
			case a.Yuan < 0:
				fc.at(ap+".yuan", "%s.yuan %d must not be negative", ap, a.Yuan)
			case !ok:
				fc.at(ap+".text", "%s.text %q is not a sum of money in digits, like 3.85万元, 5亿元 or 1,200元", ap, a.Text)
			case v != a.Yuan:
				fc.at(ap+".yuan", "%s.yuan is %d, but its text %q says %d", ap, a.Yuan, a.Text, v)
			}
		}
		for j, d := range f.Dates {
			dp := indexPath(fp+".dates", j+1) + ".date"
			if fc.ok(dp) && d.Date != "" && !validPartialDate(d.Date) {
				fc.at(dp, "%s %q must be a date written YYYY, YYYY-MM or YYYY-MM-DD", dp, d.Date)
			}
		}
	}

	fc.numbers = firstWith

	// Outstanding items.
	outWith := map[int]int{}
	outNumbersKnown := true
	for i, o := range n.Outstanding {
		op := indexPath("outstanding", i+1)
		if p := op + ".number"; fc.ok(p) {
			switch j, dup := outWith[o.Number]; {
			case o.Number < 1:
				fc.at(p, "%s %d must be 1 or more", p, o.Number)
			case dup:
				fc.at(p, "%s %d is repeated: outstanding[%d] has number %d too", p, o.Number, j, o.Number)
			default:
				outWith[o.Number] = i + 1
			}
		} else {
			outNumbersKnown = false
		}
		if p := op + ".finding"; fc.ok(p) && o.Finding < 1 {
			fc.at(p, "%s %d must be the number of a finding, 1 or more", p, o.Finding)
		}
	}
	if outNumbersKnown {
		fc.gaps("outstanding", "outstanding items are numbered 1, 2, 3 … without gaps", outWith)
	}

	// Counts.
	counts := []struct {
		key string
		val int
	}{
		{"accountability.people", n.Accountability.People},
		{"petitions.transferred", n.Petitions.Transferred},
		{"petitions.closed", n.Petitions.Closed},
		{"petitions.pending", n.Petitions.Pending},
	}
	for i, r := range n.Accountability.ByRank {
		counts = append(counts, struct {
			key string
			val int
		}{indexPath("accountability.by_rank", i+1) + ".count", r.Count})
	}
	for i, f := range n.Accountability.ByForm {
		counts = append(counts, struct {
			key string
			val int
		}{indexPath("accountability.by_form", i+1) + ".count", f.Count})
	}
	for _, c := range counts {
		if fc.ok(c.key) && c.val < 0 {
			fc.at(c.key, "%s %d must not be negative", c.key, c.val)
		}
	}
	pt := n.Petitions
	if fc.ok("petitions.transferred") && pt.Transferred >= 0 && pt.Closed >= 0 && pt.Pending >= 0 &&
		!fc.isBad("petitions.closed") && !fc.isBad("petitions.pending") && pt.Closed+pt.Pending > pt.Transferred {
		fc.at("petitions", "petitions: closed (%d) + pending (%d) is more than transferred (%d)",
			pt.Closed, pt.Pending, pt.Transferred)
	}
}

// gaps reports the numbers missing from 1..max in with (number → index
// from 1 of the item that has it), at the item after each gap; rule says
// why that is wrong.
func (fc *fileCheck) gaps(array, rule string, with map[int]int) {
	expect := 1
	for _, num := range sortedKeys(with) {
		if num > expect {
			var missing string
			switch num - expect {
			case 1:
				missing = fmt.Sprintf("%d is", expect)
			case 2:
				missing = fmt.Sprintf("%d and %d are", expect, expect+1)
			default:
				missing = fmt.Sprintf("%d to %d are", expect, num-1)
			}
			p := indexPath(array, with[num]) + ".number"
			fc.at(p, "%s is %d, but %s missing: %s", p, num, missing, rule)
		}
		expect = num + 1
	}
}

// dateOrder checks inspection.start ≤ inspection.end ≤ inspection.feedback ≤
// signed ≤ published, comparing each date with the previous one present.
func (fc *fileCheck) dateOrder() {
	n := fc.n
	chain := []struct {
		key string
		d   notice.Date
	}{
		{"inspection.start", n.Inspection.Start},
		{"inspection.end", n.Inspection.End},
		{"inspection.feedback", n.Inspection.Feedback},
		{"signed", n.Signed},
		{"published", n.Published},
	}
	prevKey := ""
	var prev time.Time
	for _, c := range chain {
		if !fc.ok(c.key) || c.d == "" {
			continue
		}
		t, err := c.d.Time()
		if err != nil {
			continue // reported by the walker
		}
		if prevKey != "" && t.Before(prev) {
			fc.at(c.key, "%s %s is before %s %s: dates must run inspection.start ≤ inspection.end ≤ inspection.feedback ≤ signed ≤ published",
				c.key, c.d, prevKey, notice.DateOf(prev))
		}
		prevKey, prev = c.key, t
	}
}

func (fc *fileCheck) blankItems(path string, items []string) {
	for i, s := range items {
		p := indexPath(path, i+1)
		if fc.ok(p) && strings.TrimSpace(s) == "" {
			fc.at(p, "%s is empty", p)
		}
	}
}

func validPartialDate(s string) bool {
	if !partialRE.MatchString(s) {
		return false
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: notice.DateLayout}[len(s)]
	_, err := time.Parse(layout, s)
	return err == nil
}
