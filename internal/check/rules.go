package check

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"regexp"
	"strings"

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
//	inspection.start or inspection.feedback  the inspection's first day,
//	              or where the notice states none, its feedback date: it
//	              identifies the inspection, and findings are cited by it
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
	"inspection",
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

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// values checks the values of one notice: the notice's own rules
// (notice.Notice.Validate), each at the position of the value it concerns
// (see fieldError), and the rules of the data file's values that are not
// the notice's (the original's path, original.go).
func (fc *fileCheck) values() {
	n := fc.n
	for _, e := range n.Validate() {
		fc.fieldError(e)
	}
	fc.original() // see original.go

	// The findings' numbers, for the checks across files: the one rule of
	// numbered things (Validate has reported what it breaks), over the
	// numbers the file gives usably.
	numbers := notice.NewNumbering("findings")
	fc.numbersKnown = true
	for i, f := range n.Findings {
		if !fc.ok(indexPath("findings", i+1) + ".number") {
			fc.numbersKnown = false
			continue
		}
		numbers.Number(i+1, f.Number)
	}
	fc.numbers = numbers.With
}

// fieldError reports a rule of the notice (a notice.FieldError) at the
// position of its field, as the file gives it:
//   - a rule whose field, or a value it read (Needs), is unusable in the
//     file (a wrong type: the walker reports it) or absent is not judged;
//   - a rule that a value be given (Required) is reported by required()
//     for the keys it lists, which tells a key the file lacks ("is
//     missing", at its table) from one it leaves empty; for the others,
//     a key the file lacks is reported here the same way.
func (fc *fileCheck) fieldError(e notice.FieldError) {
	for _, p := range e.Needs {
		if !fc.ok(p) {
			return
		}
	}
	switch {
	case fc.isBad(e.Field):
	case e.Required && requiredKey(e.Field):
	case e.Required && !fc.isSeen(e.Field):
		if parent := parentPath(e.Field); parent == "" || fc.ok(parent) {
			fc.at(parent, "%s is missing", e.Field)
		}
	case !fc.isSeen(e.Field):
	default:
		fc.at(e.Field, "%s", e.Message())
	}
}

var (
	requiredKeys = func() map[string]bool {
		m := map[string]bool{}
		for _, k := range Required {
			m[k] = true
		}
		return m
	}()
	arrayIndex = regexp.MustCompile(`\[\d+\]`)
)

// requiredKey reports whether path (findings[3].title) is one of Required
// (findings[].title).
func requiredKey(path string) bool { return requiredKeys[arrayIndex.ReplaceAllString(path, "[]")] }

// gaps reports the numbers missing from 1..max in with (number → index
// from 1 of the item that has it), at the item after each gap; rule says
// why that is wrong.
func (fc *fileCheck) gaps(array string, rule *i18n.Error, with map[int]int) {
	for _, g := range notice.NumberGaps(with) {
		p := indexPath(array, g.Index) + ".number"
		fc.at(p, "%s is %d, but %s missing: %s", p, g.Number, g.Gap, rule)
	}
}
