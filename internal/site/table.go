package site

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/site/model"
)

// writeTable writes the findings table's data into the site folder out.
func writeTable(out string, m *model.Model) error {
	b, err := json.Marshal(model.BuildTable(m)) // escapes <, > and & as \u003c …
	if err != nil {
		return err
	}
	p := filepath.Join(out, filepath.FromSlash(model.TableFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, append(b, '\n'), 0o644)
}
