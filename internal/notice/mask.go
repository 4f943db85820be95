package notice

import (
	"reflect"
	"sort"
	"strings"
)

// Redaction (遮盖) is text of a notice the site must not publish: wherever
// it occurs (pages, feeds, downloads, the search index, the published data
// file and original), it is replaced by Mask, or by ■ for each of its
// characters when Mask is empty.
type Redaction struct {
	Text   string `toml:"text" json:"text"`                     // 林春锦
	Mask   string `toml:"mask,omitempty" json:"mask,omitempty"` // 林某某
	Reason string `toml:"reason" json:"reason"`                 // 被刑事拘留的信访人，非公职人员
}

// Replacement is what the redacted text is published as.
func (r Redaction) Replacement() string {
	if r.Mask != "" {
		return r.Mask
	}
	return strings.Repeat("■", len([]rune(r.Text)))
}

// Revision (更正) is one correction of a published notice: a row of the
// data file's [[revisions]] table, or (on the published copy only, see
// internal/site) a commit of the data file's git history, which has
// Commit set, its subject as Change and no Reason.
type Revision struct {
	Date   Date   `toml:"date" json:"date"`          // when the correction was published
	Change string `toml:"change" json:"change"`      // what changed
	Reason string `toml:"reason" json:"reason"`      // why
	Commit string `toml:"-" json:"commit,omitempty"` // the git commit, for the data file's history
}

// Withdrawal (撤回) says that and why a notice was withdrawn.
type Withdrawal struct {
	Date   Date   `toml:"date" json:"date"`
	Reason string `toml:"reason" json:"reason"`
}

// IsZero reports whether the notice was not withdrawn.
func (w Withdrawal) IsZero() bool { return w.Date == "" && w.Reason == "" }

// IsWithdrawn reports whether the notice was withdrawn.
func (n *Notice) IsWithdrawn() bool { return !n.Withdrawn.IsZero() }

// MaskText replaces every redacted text in s, the longest first.
func MaskText(s string, rs []Redaction) string {
	for _, r := range sortedRedactions(rs) {
		s = strings.ReplaceAll(s, r.Text, r.Replacement())
	}
	return s
}

func sortedRedactions(rs []Redaction) []Redaction {
	out := make([]Redaction, 0, len(rs))
	for _, r := range rs {
		if strings.TrimSpace(r.Text) != "" {
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Text) > len(out[j].Text) })
	return out
}

// Masked is the notice as the site publishes it, the one boundary every
// output (pages, feeds, downloads, search index, published files) derives
// from: a deep copy with every string field masked (see Redaction) and
// the redactions themselves left out; a withdrawn notice keeps only what
// names it (title, issuer, dates, region, unit, inspection, signature),
// its revisions and its withdrawal. The receiver is not changed.
func (n *Notice) Masked() *Notice {
	rs := sortedRedactions(n.Redact)
	cp := deepCopy(reflect.ValueOf(*n), func(s string) string {
		for _, r := range rs {
			s = strings.ReplaceAll(s, r.Text, r.Replacement())
		}
		return s
	}).Interface().(Notice)
	cp.Redact = nil
	cp.redacted = rs
	if cp.IsWithdrawn() {
		cp.Stated = Stated{}
		cp.Preamble, cp.NextPlan = "", ""
		cp.Headings = Headings{}
		cp.Organisation = Organisation{}
		cp.Regulations, cp.Findings, cp.Outstanding, cp.Unplaced = nil, nil, nil, nil
		cp.Accountability, cp.Petitions = Accountability{}, Petitions{}
		cp.Original = ""
	}
	return &cp
}

// MaskAll is Masked for every notice.
func MaskAll(ns []*Notice) []*Notice {
	out := make([]*Notice, len(ns))
	for i, n := range ns {
		out[i] = n.Masked()
	}
	return out
}

// Redacted is what a masked copy masked (nil for a notice that is not a
// masked copy, or has no redactions).
func (n *Notice) Redacted() []Redaction { return n.redacted }

// MaskSource masks a file published with a masked notice (its data file,
// its original as text or HTML) with the redactions the copy was made with.
func (n *Notice) MaskSource(b []byte) []byte {
	for _, r := range n.redacted {
		b = []byte(strings.ReplaceAll(string(b), r.Text, r.Replacement()))
	}
	return b
}

var plainString = reflect.TypeOf("")

// deepCopy copies v, with every string passed through f; slices get new
// backing arrays, so the copy shares nothing the original can change.
func deepCopy(v reflect.Value, f func(string) string) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		if v.Type() != plainString {
			return v // a Date, Status or UnitKind: a value, not prose
		}
		return reflect.ValueOf(f(v.String()))
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			out.Field(i).Set(deepCopy(v.Field(i), f))
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(deepCopy(v.Index(i), f))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(deepCopy(v.Elem(), f))
		return out
	case reflect.Map, reflect.Interface:
		panic("notice: Masked cannot copy a " + v.Kind().String())
	}
	return v
}

// Contains reports whether text occurs in one of the notice's prose
// strings (every string field, the redactions themselves aside): the
// strings a redaction of text would mask.
func (n *Notice) Contains(text string) bool {
	if text == "" {
		return false
	}
	cp := *n
	cp.Redact = nil
	return containsIn(reflect.ValueOf(cp), text)
}

func containsIn(v reflect.Value, text string) bool {
	switch v.Kind() {
	case reflect.String:
		return v.Type() == plainString && strings.Contains(v.String(), text)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && containsIn(v.Field(i), text) {
				return true
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if containsIn(v.Index(i), text) {
				return true
			}
		}
	case reflect.Pointer:
		return !v.IsNil() && containsIn(v.Elem(), text)
	}
	return false
}
