package intake

import (
	"path/filepath"
	"strings"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/store"
)

// LayoutFrom is a layout profile made from an editor's corrections: each
// line whose role an edit set (or split at) and whose label generalises
// (问题3： → 问题N：, see importer.StartsOf) becomes a rule "lines beginning
// so take that role"; corrections of one notice alone (a status, a field,
// a line with no label) are left out. The issuer is the notice's. It is an
// error when no correction describes the layout.
func LayoutFrom(name, issuer string, edits []Edit, lines []importer.Classified) (*importer.Layout, error) {
	text := map[int]string{}
	for _, c := range lines {
		if _, ok := text[c.No]; !ok {
			text[c.No] = c.Text
		}
	}
	l := &importer.Layout{Name: name, Issuer: strings.TrimSpace(issuer)}
	seen := map[string]bool{}
	for _, e := range edits {
		role := ""
		switch e.Op {
		case "role":
			role = e.Role
		case "split":
			role = "finding"
		default:
			continue
		}
		st := importer.StartsOf(text[e.Line])
		if st == "" || seen[st] {
			continue
		}
		seen[st] = true
		l.Rules = append(l.Rules, importer.LayoutRule{Starts: st, Role: role})
	}
	if l.Issuer == "" {
		return nil, i18n.Errorf("a layout needs the issuer whose notices it reads: the notice names none")
	}
	if len(l.Rules) == 0 {
		return nil, i18n.Errorf("no correction describes the layout: set the role of a line that begins with a label (问题1：, 反馈事项A …) first")
	}
	return l, l.Validate()
}

// SaveLayout writes the profile to dataDir/layouts/NAME.toml atomically;
// over an existing profile only when overwrite.
func SaveLayout(dataDir string, l *importer.Layout, overwrite bool) (string, error) {
	if !importer.LayoutNameValid(l.Name) {
		return "", i18n.Errorf("layout %q: a layout's name is letters, digits, Chinese, - or _", l.Name)
	}
	b, err := l.Encode()
	if err != nil {
		return "", err
	}
	if _, err := importer.ParseLayout(l.Name, b); err != nil {
		return "", err
	}
	p := filepath.Join(dataDir, store.LayoutsDir, l.Name+".toml")
	if err := store.WriteFileAtomic(p, b, overwrite); err != nil {
		return "", err
	}
	return p, nil
}
