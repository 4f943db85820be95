package intake

import (
	"errors"
	"path/filepath"
	"strings"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
)

// resolveUnit puts the inspected unit together: kind and name from the
// request, else from the text; the slug from the request, else pinyin. A
// unit the text does not name is a township (the region's), as the bundled
// notices are.
func resolveUnit(req Request, res *importer.Result) (notice.Unit, []*i18n.Error) {
	var notes []*i18n.Error
	tu := res.Unit
	u := notice.Unit{Kind: notice.UnitKind(req.UnitKind), Name: req.Unit}
	if u.Kind == "" {
		u.Kind = tu.Kind
		if u.Kind == "" && req.Unit != "" {
			u.Kind = notice.UnitKindOf(req.Unit)
		}
		if u.Kind == "" {
			u.Kind = notice.UnitTownship
		}
	}
	if u.Name == "" && u.Kind == tu.Kind {
		u.Name = tu.Name
	}
	if req.Unit != "" && tu.Name != "" && req.Unit != tu.Name {
		notes = append(notes, i18n.Msg("unit: --unit says %s but the %s says %s; using %s", req.Unit, importer.RoleName(tu.From), tu.Name, req.Unit))
	}
	if req.UnitKind != "" && tu.Kind != "" && notice.UnitKind(req.UnitKind) != tu.Kind {
		notes = append(notes, i18n.Msg("unit: --unit-kind says %s but the %s reads as a %s; using %s", kindName(req.UnitKind), importer.RoleName(tu.From), kindName(string(tu.Kind)), kindName(req.UnitKind)))
	}
	switch {
	case u.Kind == notice.UnitTownship || u.Kind == notice.UnitRegion:
		u.Slug = ""
		if u.Kind == notice.UnitRegion && u.Name == "" {
			u.Name = "全区（县）" // a summary names itself by its region; the editor may say more
		}
	case req.UnitSlug != "":
		u.Slug = req.UnitSlug
	default:
		u.Slug = importer.Slug(u.Name)
	}
	return u, notes
}

// originalPath is the input's path relative to the site (the folder that
// holds the data folder), with forward slashes. A file outside the site
// gets none, and a note saying so.
func originalPath(file, dataDir string) (string, *i18n.Error) {
	absData, err1 := filepath.Abs(dataDir)
	absFile, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return "", i18n.Msg("original: cannot resolve the input's path; original left empty")
	}
	rel, err := filepath.Rel(filepath.Dir(absData), absFile)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", i18n.Msg("original: %s is outside the site; copy it into seeds/ and import it from there to publish it beside the notice (original left empty)", file)
	}
	// The rule check and build apply (internal/check/original.go): an
	// original they would refuse is left empty, so import never writes a
	// data file that check refuses.
	root := filepath.Dir(absData)
	if folders, err := check.OriginalFolders(root); err == nil {
		var oe *check.OriginalError
		if _, err := check.ResolveOriginal(root, folders, filepath.ToSlash(rel)); errors.As(err, &oe) {
			return "", i18n.Msg("original: %s; original left empty", oe.Loc)
		}
	}
	return filepath.ToSlash(rel), nil
}

// kindName is a unit kind as the reader reads it: its label (乡镇) in
// Chinese, its code (township) in English.
type kindName string

func (k kindName) String() string { return string(k) }

// Localize is the kind in p's language.
func (k kindName) Localize(p *message.Printer) string {
	if i18n.Zh(p) && k != "" {
		return notice.UnitKind(k).Label()
	}
	return string(k)
}
