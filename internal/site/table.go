package site

import (
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
)

// tableShardRows is the rows per shard of the findings table's files
// (model.TableShardRows; a test may lower it to have more shards).
var tableShardRows = model.TableShardRows

// writeTable writes the findings table's files (model.BuildTable) into
// the site folder out. They are derived from the whole model and written
// anew by every build, full or incremental, so that both give the same
// bytes.
func writeTable(out string, m *model.Model) error {
	made := map[string]bool{}
	for _, f := range model.BuildTable(m, tableShardRows) {
		p := filepath.Join(out, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return i18n.Errorf("findings table: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return i18n.Errorf("findings table: %w", err)
		}
	}
	return nil
}
