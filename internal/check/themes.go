package check

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/store"
	"github.com/gongshi/gongshi/internal/themes"
)

// themesProblems checks the data folder's themes.toml, the problem
// themes' taxonomy (docs/themes.md), when there is one: it is not a data
// file (store.Files leaves it out), but the build reads it, so a mistake in
// it is reported where the data files' are, with its line and field.
func themesProblems(dir string) []Problem {
	p := filepath.Join(dir, store.ThemesFile)
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	_, err := themes.Load(dir)
	var e *themes.Error
	switch {
	case errors.As(err, &e):
		m := i18n.Msg("%s: %s", e.Field, e.Msg)
		return []Problem{{Path: p, Line: e.Line, Col: 1, Message: m.Error(), Loc: m}}
	case err != nil:
		return []Problem{problem(p, 0, 0, false, "%s", err)}
	}
	return nil
}
