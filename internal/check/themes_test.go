package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
)

// TestThemesFile: the data folder's themes.toml is no data file, yet a
// mistake in it is a problem with its line and field (in Chinese under a
// Chinese printer); a good one is none.
func TestThemesFile(t *testing.T) {
	for _, c := range []struct {
		name, toml string
		want, zh   string // "" for no problem
	}{
		{"good", "[[theme]]\nkey = \"a\"\nname = \"甲\"\nwords = [\"食堂\"]\n", "", ""},
		{"bad key", "[[theme]]\nname = \"甲\"\nkey = \"甲\"\nwords = [\"食堂\"]\n",
			"themes.toml:3:1: theme.key: \"甲\" is not lower-case letters, digits and hyphens", "themes.toml:3:1: theme.key: \"甲\" 只能由小写英文字母、数字和连字符组成"},
		{"not TOML", "[[theme]\n", "themes.toml:2:1: theme: not valid TOML", "theme: 不是有效的 TOML"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "themes.toml"), []byte(c.toml), 0o644); err != nil {
			t.Fatal(err)
		}
		files, probs, err := Dir(dir)
		if err != nil || len(files) != 0 {
			t.Fatalf("%s: %d files, %v", c.name, len(files), err)
		}
		if c.want == "" {
			if len(probs) != 0 {
				t.Errorf("%s: problems %v", c.name, probs)
			}
			continue
		}
		if len(probs) != 1 || !strings.HasSuffix(filepath.ToSlash(probs[0].Path), "/themes.toml") ||
			!strings.Contains(probs[0].String(), c.want) || !strings.Contains(probs[0].Localize(i18n.NewPrinter(true)), c.zh) {
			t.Errorf("%s: problems %v, want one: %s (%s)", c.name, probs, c.want, c.zh)
		}
	}
}
