package importer

// Layout profiles (docs/layouts.md): an issuer's way of typesetting its
// notices, saved by an editor from the corrections made on the review page,
// so that the issuer's next notice is read right. A profile is a small TOML
// file under the data folder (data/layouts/NAME.toml):
//
//	name = "样本镇"
//	issuer = "中共样本镇委员会"   # the profile applies to a notice whose text names it
//	[[rule]]
//	starts = "反馈事项N"        # lines beginning so (N: any number) …
//	role = "finding"            # … start a finding
//	[[rule]]
//	column = 3                  # a table's 3rd column …
//	role = "status"             # … is the finding's status
//
// A profile never changes a notice silently: Result.Layout lists every line
// it changed, and a profile whose rules fit no line of a notice changes
// nothing.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// Layout is a layout profile.
type Layout struct {
	Name   string       `toml:"name"`
	Issuer string       `toml:"issuer"`
	Note   string       `toml:"note,omitempty"`
	Rules  []LayoutRule `toml:"rule"`
}

// LayoutRule is one rule of a profile: the lines that begin with Starts
// (N standing for any number: 1, 一, A, ①) take Role; or, for a table,
// Column (from 1) holds what Role names (only "status" for now).
type LayoutRule struct {
	Starts string `toml:"starts,omitempty"`
	Column int    `toml:"column,omitempty,omitzero"`
	Role   string `toml:"role"`
}

// LayoutUse is how a profile was applied to a notice: by name (Asked) or
// because the text names its issuer, and the lines it changed.
type LayoutUse struct {
	Name    string
	Asked   bool
	Changes []Change
	// Statuses are the table rows whose status the profile's column gave.
	Statuses []int
}

// LoadLayout reads the profile NAME from dir (dir/NAME.toml), and checks
// it (Validate).
func LoadLayout(dir, name string) (*Layout, error) {
	if !layoutName.MatchString(name) {
		return nil, fmt.Errorf("layout %q: a layout's name is letters, digits, Chinese, - or _", name)
	}
	b, err := os.ReadFile(filepath.Join(dir, name+".toml"))
	if err != nil {
		return nil, fmt.Errorf("layout %q: %w", name, err)
	}
	return ParseLayout(name, b)
}

// ParseLayout reads a profile's TOML.
func ParseLayout(name string, b []byte) (*Layout, error) {
	var l Layout
	md, err := toml.Decode(string(b), &l)
	if err != nil {
		return nil, fmt.Errorf("layout %q: %w", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("layout %q: unknown key %s", name, u[0])
	}
	if l.Name == "" {
		l.Name = name
	}
	return &l, l.Validate()
}

var layoutName = regexp.MustCompile(`^[\p{Han}A-Za-z0-9_-]{1,64}$`)

// LayoutNameValid reports whether name may name a profile (its file's
// name): letters, digits, Chinese, - and _.
func LayoutNameValid(name string) bool { return layoutName.MatchString(name) }

// Validate reports the first malformed rule.
func (l *Layout) Validate() error {
	if len(l.Rules) == 0 {
		return fmt.Errorf("layout %q has no rule", l.Name)
	}
	for i, r := range l.Rules {
		role, ok := ForcibleRole(r.Role)
		switch {
		case !ok:
			return fmt.Errorf("layout %q: rule %d: role %q is not one of finding, category, group, status, measure, problem, chrome, ignore", l.Name, i+1, r.Role)
		case (r.Starts == "") == (r.Column == 0):
			return fmt.Errorf("layout %q: rule %d: give either starts or column", l.Name, i+1)
		case r.Column < 0:
			return fmt.Errorf("layout %q: rule %d: column %d is not a column", l.Name, i+1, r.Column)
		case r.Column > 0 && role != RoleStatus:
			return fmt.Errorf("layout %q: rule %d: a column rule gives only the status", l.Name, i+1)
		}
	}
	return nil
}

// Encode is the profile's TOML, with a comment that says what it is.
func (l *Layout) Encode() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# gongshi layout profile (docs/layouts.md): how %s typesets its notices.\n", l.Issuer)
	if err := toml.NewEncoder(&b).Encode(l); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Names reports whether the lines name the profile's issuer (spaces and
// full-width forms aside).
func (l *Layout) Names(lines []Line) bool {
	is := Normalise(strings.TrimSpace(l.Issuer))
	if is == "" {
		return false
	}
	for _, x := range lines {
		if strings.Contains(x.t.norm, is) {
			return true
		}
	}
	return false
}

// startsRe is the expression of a starts pattern: the words as written
// (normalised), N any number, then anything.
func startsRe(starts string) *regexp.Regexp {
	parts := strings.Split(Normalise(strings.TrimSpace(starts)), "N")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	num := `(?:[0-9]+|[一二三四五六七八九十百零〇]+|[A-Za-z]|[\x{2460}-\x{2473}])`
	return regexp.MustCompile(`^\s*` + strings.Join(parts, num))
}

// Roles is the roles the profile's starts rules give the lines (by line
// number), the first rule that matches a line deciding.
func (l *Layout) Roles(lines []Line) map[int]Role {
	out := map[int]Role{}
	res := make([]*regexp.Regexp, len(l.Rules))
	for i, r := range l.Rules {
		if r.Starts != "" {
			res[i] = startsRe(r.Starts)
		}
	}
	for _, x := range lines {
		if x.Text == "" || x.Chrome != "" {
			continue
		}
		for i, r := range l.Rules {
			if res[i] != nil && res[i].MatchString(x.t.norm) {
				out[x.No], _ = ForcibleRole(r.Role)
				break
			}
		}
	}
	return out
}

// statusColumn is the column (from 1) the profile says holds the status;
// 0 for none.
func (l *Layout) statusColumn() int {
	for _, r := range l.Rules {
		if r.Column > 0 && r.Role == string(RoleStatus) {
			return r.Column
		}
	}
	return 0
}

// applyColumns gives each table row whose status column states one that
// status; the rows changed, by line.
func applyColumns(cls []Classified, col int) []int {
	var out []int
	for i := range cls {
		c := &cls[i]
		if c.Role != RoleTableRow || col > len(c.Cells) {
			continue
		}
		f := statusOf(c.Cells[col-1])
		if f.Where == "" {
			continue
		}
		if c.Status != nil && c.Status.Status == f.Status && c.Status.Text == f.Text {
			continue
		}
		f.Rectification = ""
		c.Status = &f
		out = append(out, c.No)
	}
	return out
}

// StartsOf is the starts pattern of a line's label, for a profile made from
// an editor's corrections: the label's words with its number as N (问题3：
// → 问题N：); "" when the line has no label to generalise.
func StartsOf(text string) string {
	t := newText(strings.TrimSpace(text))
	lab := ""
	if nb, ok := NumberingOf(t); ok {
		lab = nb.Label
	} else if m := t.find(reStatusLabel); m != nil {
		lab = m[0]
	} else if m := t.find(reMeasureLabel); m != nil {
		lab = m[0]
	} else if m := t.find(reProblemLabel); m != nil {
		lab = m[0]
	} else {
		lab = leadingLabel(t)
	}
	lab = strings.TrimSpace(lab)
	if lab == "" {
		return ""
	}
	lab = reAnyNumber.ReplaceAllString(lab, "N")
	// a single Latin letter as the number (反馈事项A)
	return reLetterNumber.ReplaceAllString(lab, "${1}N$2")
}

var (
	reAnyNumber    = regexp.MustCompile(`[0-9０-９]+|[一二三四五六七八九十百零〇]+|[\x{2460}-\x{2473}]`)
	reLetterNumber = regexp.MustCompile(`(^|[^A-Za-z])[A-Za-z]([^A-Za-z]*)$`)
)
