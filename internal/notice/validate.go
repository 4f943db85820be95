package notice

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FieldError is a rule broken by one field of a domain value. Field names
// the value the way a data file nests it: keys joined by dots, array
// elements counted from 1 (findings[3].status is the status of the third
// finding). The check package maps Field to a line and column of the file;
// the review page shows Msg beside the notice.
type FieldError struct {
	Field string
	Msg   string      // the English
	Loc   *i18n.Error // the message itself, printed in the reader's language
	// Required: the rule is that the value is given (a blank text, a zero
	// date). A data file tells a key it lacks from a key it leaves empty;
	// check reports the first as missing, the second with Msg.
	Required bool
	// Needs are the other values the rule read: where one of them is
	// unusable (a wrong type in a data file), the rule is not judged, and
	// that value's own problem is reported instead.
	Needs []string
}

func (e FieldError) Error() string { return e.Msg }

// Message is the message (without the field), to print in the reader's
// language.
func (e FieldError) Message() *i18n.Error {
	if e.Loc == nil {
		return i18n.Msg("%s", e.Msg)
	}
	return e.Loc
}

// Localize is the message in p's language.
func (e FieldError) Localize(p *message.Printer) string { return e.Message().Localize(p) }

// errf is a FieldError at path with a formatted message (a catalog key).
func errf(path, format string, a ...any) FieldError {
	m := i18n.Msg(format, a...)
	return FieldError{Field: path, Msg: m.Error(), Loc: m}
}

// needing is e judged only where the values at paths are usable.
func (e FieldError) needing(paths ...string) FieldError {
	e.Needs = paths
	return e
}

// givenRule is e as the rule that its value is given.
func (e FieldError) givenRule() FieldError {
	e.Required = true
	return e
}

// required is the rule that the value at path is given.
func required(path string) FieldError { return errf(path, "%s is empty", path).givenRule() }

func index(base string, i int) string { return base + "[" + strconv.Itoa(i) + "]" }

// Validate states the notice's own rules, each broken rule a FieldError, in
// the order a reader meets the fields:
//   - the title, the issuer, the signed date, the region's province (name
//     and slug) and the inspection's start or feedback date are given; each finding has a
//     title and a status, and words for its status unless it is unstated;
//   - the region's slugs are lowercase ASCII words joined by hyphens;
//   - dates are calendar dates and run inspection.start ≤ inspection.end ≤
//     inspection.feedback ≤ signed ≤ published;
//   - source_url is an http(s) address;
//   - no item of regulations, organisation.points or a finding's measures
//     is blank;
//   - findings: numbers are 1 or more and unique, statuses are of the
//     vocabulary, amounts are sums of money that match their yuan, dates
//     named in the text are YYYY, YYYY-MM or YYYY-MM-DD;
//   - outstanding items are numbered 1..N without gaps and each names a
//     finding;
//   - counts are not negative; petitions closed + pending ≤ transferred.
//
// The inspected unit's rules are Unit.Validate; the rules that concern the
// data file rather than the notice (its path, its region levels, masking,
// the original's path) are check's.
func (n *Notice) Validate() []FieldError {
	var out []FieldError
	for _, r := range []struct {
		key, val string
	}{
		{"title", n.Title}, {"issuer", n.Issuer}, {"signed", string(n.Signed)},
		{"region.province", n.Region.Province}, {"region.province_slug", n.Region.ProvinceSlug},
	} {
		if strings.TrimSpace(r.val) == "" {
			out = append(out, required(r.key))
		}
	}
	if strings.TrimSpace(n.Inspection.ID()) == "" {
		out = append(out, errf("inspection.start", "inspection.start and inspection.feedback are both empty: an inspection is identified by its first day (进驻) or, where the notice states none, by the day its findings were fed back (反馈)").givenRule())
	}
	out = append(out, n.Region.Validate()...)
	out = append(out, n.validateDates()...)
	if n.SourceURL != "" {
		u, err := url.Parse(n.SourceURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			out = append(out, errf("source_url", "source_url %q must be an http:// or https:// address", n.SourceURL))
		}
	}
	out = append(out, blankItems("regulations", n.Regulations)...)
	out = append(out, blankItems("organisation.points", n.Organisation.Points)...)
	numbers := NewNumbering("findings")
	for i := range n.Findings {
		out = append(out, n.Findings[i].validate(index("findings", i+1), numbers)...)
	}
	out = append(out, n.validateOutstanding()...)
	out = append(out, n.validateCounts()...)
	return out
}

// Validate states the rules of a region on its own: each slug given is
// lowercase ASCII letters and digits in words joined by single hyphens.
// Field is the key under [region] with its prefix (region.city_slug).
func (r Region) Validate() []FieldError {
	var out []FieldError
	for _, s := range []struct {
		key, val string
	}{
		{"region.province_slug", r.ProvinceSlug},
		{"region.city_slug", r.CitySlug},
		{"region.county_slug", r.CountySlug},
		{"region.township_slug", r.TownshipSlug},
	} {
		if s.val != "" && !SlugValid(s.val) {
			out = append(out, errf(s.key, "%s %q must be lowercase ASCII letters and digits, words joined by single hyphens (like xianyou or sample-town-1)", s.key, s.val))
		}
	}
	return out
}

// validateDates: each date is a calendar date, and they run
// inspection.start ≤ inspection.end ≤ inspection.feedback ≤ signed ≤
// published, each compared with the previous one present.
func (n *Notice) validateDates() []FieldError {
	var out []FieldError
	chain := []struct {
		key string
		d   Date
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
		if c.d == "" {
			continue
		}
		t, err := c.d.Time()
		if err != nil {
			out = append(out, errf(c.key, "%s %q is not a date written YYYY-MM-DD", c.key, string(c.d)))
			continue
		}
		if prevKey != "" && t.Before(prev) {
			out = append(out, errf(c.key, "%s %s is before %s %s: dates must run inspection.start ≤ inspection.end ≤ inspection.feedback ≤ signed ≤ published",
				c.key, c.d, prevKey, DateOf(prev)))
		}
		prevKey, prev = c.key, t
	}
	return out
}

// validate states a finding's rules; fp is its path (findings[3]) and
// numbers the numbering of the findings before it.
func (f *Finding) validate(fp string, numbers *Numbering) []FieldError {
	var out []FieldError
	i, _ := strconv.Atoi(fp[strings.LastIndexByte(fp, '[')+1 : len(fp)-1])
	if e := numbers.Number(i, f.Number); e != nil {
		out = append(out, *e)
	}
	if strings.TrimSpace(f.Title) == "" {
		out = append(out, required(fp+".title"))
	}
	switch p := fp + ".status"; {
	case f.Status == "":
		out = append(out, required(p))
	case !f.Status.Valid():
		out = append(out, errf(p, "%s %q is not one of %s, nor status words as notices write them (%s …)", p, string(f.Status), statusList(), statusLabels()))
	}
	if p := fp + ".status_text"; f.Status != StatusUnstated && strings.TrimSpace(f.StatusText) == "" {
		out = append(out, errf(p, "%s is empty: only a finding whose status is unstated has no status words", p).givenRule().needing(fp+".status"))
	}
	out = append(out, blankItems(fp+".measures", f.Measures)...)
	for j, a := range f.Amounts {
		ap := index(fp+".amounts", j+1)
		if strings.TrimSpace(a.Text) == "" {
			out = append(out, required(ap+".text"))
			continue
		}
		needs := []string{ap + ".text", ap + ".yuan"}
		v, ok := ParseAmount(a.Text)
		switch {
		case a.Yuan < 0:
			out = append(out, errf(ap+".yuan", "%s.yuan %d must not be negative", ap, a.Yuan).needing(needs...))
		case !ok:
			out = append(out, errf(ap+".text", "%s.text %q is not a sum of money in digits, like 3.85万元, 5亿元 or 1,200元", ap, a.Text).needing(needs...))
		case v != a.Yuan:
			out = append(out, errf(ap+".yuan", "%s.yuan is %d, but its text %q says %d", ap, a.Yuan, a.Text, v).needing(needs...))
		}
	}
	for j, d := range f.Dates {
		dp := index(fp+".dates", j+1) + ".date"
		if d.Date != "" && !validPartialDate(d.Date) {
			out = append(out, errf(dp, "%s %q must be a date written YYYY, YYYY-MM or YYYY-MM-DD", dp, d.Date))
		}
	}
	return out
}

// validateOutstanding: the items are numbered 1..N without gaps, each
// number once, and each names a finding (1 or more).
func (n *Notice) validateOutstanding() []FieldError {
	var out []FieldError
	with := NewNumbering("outstanding")
	numbers := make([]string, len(n.Outstanding))
	for i, o := range n.Outstanding {
		op := index("outstanding", i+1)
		numbers[i] = op + ".number"
		if e := with.Number(i+1, o.Number); e != nil {
			out = append(out, *e)
		}
		if p := op + ".finding"; o.Finding < 1 {
			out = append(out, errf(p, "%s %d must be the number of a finding, 1 or more", p, o.Finding))
		}
	}
	// Gaps are judged only where every item's number is usable.
	for _, g := range NumberGaps(with.With) {
		p := index("outstanding", g.Index) + ".number"
		out = append(out, errf(p, "%s is %d, but %s missing: %s", p, g.Number, g.Gap, i18n.Msg("outstanding items are numbered 1, 2, 3 … without gaps")).needing(numbers...))
	}
	return out
}

// validateCounts: counts are not negative, and the petitions closed and
// pending are not more than those transferred.
func (n *Notice) validateCounts() []FieldError {
	var out []FieldError
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
		}{index("accountability.by_rank", i+1) + ".count", r.Count})
	}
	for i, f := range n.Accountability.ByForm {
		counts = append(counts, struct {
			key string
			val int
		}{index("accountability.by_form", i+1) + ".count", f.Count})
	}
	for _, c := range counts {
		if c.val < 0 {
			out = append(out, errf(c.key, "%s %d must not be negative", c.key, c.val))
		}
	}
	pt := n.Petitions
	if pt.Transferred >= 0 && pt.Closed >= 0 && pt.Pending >= 0 && pt.Closed+pt.Pending > pt.Transferred {
		out = append(out, errf("petitions", "petitions: closed (%d) + pending (%d) is more than transferred (%d)", pt.Closed, pt.Pending, pt.Transferred).needing("petitions.transferred"))
	}
	return out
}

func blankItems(path string, items []string) []FieldError {
	var out []FieldError
	for i, s := range items {
		if strings.TrimSpace(s) == "" {
			p := index(path, i+1)
			out = append(out, errf(p, "%s is empty", p))
		}
	}
	return out
}

func statusList() string {
	s := make([]string, len(Statuses))
	for i, v := range Statuses {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

// statusLabels are the statuses as readers see them (已整改, 整改中 …),
// which a data file may write instead of the codes (see StatusFrom).
func statusLabels() string {
	s := make([]string, len(Statuses))
	for i, v := range Statuses {
		s[i] = v.Label()
	}
	return strings.Join(s, ", ")
}

// validPartialDate reports whether s is a date written YYYY, YYYY-MM or
// YYYY-MM-DD.
func validPartialDate(s string) bool {
	layout, ok := map[int]string{4: "2006", 7: "2006-01", 10: DateLayout}[len(s)]
	if !ok {
		return false
	}
	for i, r := range s {
		if (i == 4 || i == 7) && r != '-' || (i != 4 && i != 7) && (r < '0' || r > '9') {
			return false
		}
	}
	_, err := time.Parse(layout, s)
	return err == nil
}

// Numbering is the rule of numbered things (findings, outstanding items),
// once for Validate and check: each number is 1 or more, and no two items
// of one list share one. With is number → index (from 1) of the item that
// has it first, what NumberGaps and check's rules across notices read.
type Numbering struct {
	Array string // findings, outstanding
	With  map[int]int
}

// NewNumbering is the numbering of the items of array, none judged yet.
func NewNumbering(array string) *Numbering {
	return &Numbering{Array: array, With: map[int]int{}}
}

// Number judges the number of the item at index i (from 1), judged after
// the items before it: nil when the number is 1 or more and no earlier
// item's, which it then records in With; else the broken rule, at the
// item's number.
func (l *Numbering) Number(i, number int) *FieldError {
	p := index(l.Array, i) + ".number"
	if number < 1 {
		e := errf(p, "%s %d must be 1 or more", p, number)
		return &e
	}
	if j, dup := l.With[number]; dup {
		e := errf(p, "%s %d is repeated: %s has number %d too", p, number, index(l.Array, j), number)
		return &e
	}
	l.With[number] = i
	return nil
}

// NumberGap is a number of a list numbered 1, 2, 3 … that follows a gap:
// the item's number, its index from 1, and what is missing before it
// ("3 is", "3 and 4 are", "3 to 6 are").
type NumberGap struct {
	Number, Index int
	Missing       string      // the English
	Gap           *i18n.Error // Missing, printed in the reader's language
}

// NumberGaps are the gaps in 1..max of with (number → index from 1 of the
// item that has it), each at the item after it: the one rule of numbered
// lists, for findings (check, across notices) and outstanding items alike.
func NumberGaps(with map[int]int) []NumberGap {
	nums := make([]int, 0, len(with))
	for k := range with {
		nums = append(nums, k)
	}
	sort.Ints(nums)
	var out []NumberGap
	expect := 1
	for _, num := range nums {
		if num > expect {
			var missing *i18n.Error
			switch num - expect {
			case 1:
				missing = i18n.Msg("%d is", expect)
			case 2:
				missing = i18n.Msg("%d and %d are", expect, expect+1)
			default:
				missing = i18n.Msg("%d to %d are", expect, num-1)
			}
			out = append(out, NumberGap{Number: num, Index: with[num], Missing: missing.Error(), Gap: missing})
		}
		expect = num + 1
	}
	return out
}
