package check

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// originalProject makes a project folder: seeds/ with a notice, a
// sub-folder, a hidden file and links in and out of it; a .git/config
// with a token; a file outside seeds/; and a data folder with one copy
// of the valid fixture. It returns the project and the data file.
func originalProject(t *testing.T) (root, dataFile string) {
	t.Helper()
	root = t.TempDir()
	outside := t.TempDir() // another folder on the machine
	files := map[string]string{
		"seeds/sample_0001.txt":   "示例通报",
		"seeds/sub/sample.txt":    "示例通报",
		"seeds/.hidden.txt":       "隐藏",
		"seeds/.hid/sample.txt":   "隐藏",
		"other/sample.txt":        "别的文件夹",
		".git/config":             "[remote]\nurl = https://token@example.org/x.git\n",
		"archive/2024/sample.txt": "另一个原文文件夹",
	}
	for p, s := range files {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"seeds/in.txt":       "sample_0001.txt",                       // inside: fine
		"seeds/git.txt":      "../.git/config",                        // out, to a hidden file
		"seeds/abs.txt":      filepath.Join(outside, "secret.txt"),    // out, absolute
		"seeds/outdir":       outside,                                 // a folder out
		"seeds/hidden.txt":   ".hidden.txt",                           // inside, but hidden
		"seeds/dangling.txt": filepath.Join(outside, "missing.txt"),   // nothing there
		"seeds/other.txt":    filepath.Join(root, "other/sample.txt"), // out to the project's other folder
	}
	for p, target := range links {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(p))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "seeds", "folder.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	dataFile = filepath.Join(root, "data", "shilisheng", "shilishi", "shilixian", "yangbenzhen0001", "2024-06-01.toml")
	return root, dataFile
}

// TestOriginalConfined: an original that is hidden, goes up, is absolute,
// is outside the folders config.toml names, or is a link leading out of
// them or to a hidden file is refused at the line of the original key; a
// file inside (directly, in a sub-folder or by a link that stays inside)
// passes; the site's resolution (ResolveOriginal) agrees.
func TestOriginalConfined(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/shilisheng/shilishi/shilixian/yangbenzhen0001/2024-06-01.toml")
	if err != nil {
		t.Fatal(err)
	}
	const line = 8 // of original = … in the fixture
	if !strings.Contains(strings.Split(string(base), "\n")[line-1], `original = "seeds/sample_0001.txt"`) {
		t.Fatalf("fixture: line %d is not the original", line)
	}
	for _, tc := range []struct {
		original string
		config   string // config.toml's text; "" for none
		want     string // in the problem; "" for none
	}{
		{"seeds/sample_0001.txt", "", ""},
		{"seeds/sub/sample.txt", "", ""},
		{"seeds/in.txt", "", ""},
		{"seeds/missing.txt", "", ""},  // the build reports it
		{"seeds/dangling.txt", "", ""}, // the same: nothing to publish
		{".git/config", "", `names a hidden file or folder (.git)`},
		{"seeds/.hidden.txt", "", `names a hidden file or folder (.hidden.txt)`},
		{"seeds/.hid/sample.txt", "", `names a hidden file or folder (.hid)`},
		{"seeds/../.git/config", "", `must not have an empty, . or .. part`},
		{"seeds/./sample_0001.txt", "", `must not have an empty, . or .. part`},
		{"seeds//sample_0001.txt", "", `must not have an empty, . or .. part`},
		{"/etc/passwd", "", `must be a relative path`},
		{`seeds\sample_0001.txt`, "", `has \ between folders (a Windows path): write it with /, as seeds/sample_0001.txt`},
		{"C:seeds/sample_0001.txt", "", `is an absolute Windows path`},
		{"other/sample.txt", "", `is not in a folder whose files may be published (seeds,`},
		{"seeds/git.txt", "", `leads out of seeds/`},
		{"seeds/abs.txt", "", `leads out of seeds/`},
		{"seeds/outdir/secret.txt", "", `leads out of seeds/`},
		{"seeds/other.txt", "", `leads out of seeds/`},
		{"seeds/hidden.txt", "", `leads to a hidden file or folder (.hidden.txt)`},
		{"seeds/folder.txt", "", `is not a regular file (a folder)`},
		{"seeds", "", `is not in a folder whose files may be published`},
		// config.toml names the folders.
		{"archive/2024/sample.txt", "[params]\noriginals = [\"archive\"]\n", ""},
		{"seeds/sample_0001.txt", "[params]\noriginals = [\"archive\"]\n", `is not in a folder whose files may be published (archive,`},
		{"seeds/sample_0001.txt", "baseURL = \"https://example.org/\"\n[params]\ntitle = \"x\"\n", ""},
		{"other/sample.txt", "[params]\noriginals = [\"seeds\", \"other/\"]\n", ""},
		{"seeds/sample_0001.txt", "[params]\noriginals = []\n", `is not in a folder whose files may be published (none,`},
	} {
		t.Run(tc.original+" "+tc.config, func(t *testing.T) {
			root, p := originalProject(t)
			if tc.config != "" {
				if err := os.WriteFile(filepath.Join(root, "config.toml"), []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			src := strings.Replace(string(base), `original = "seeds/sample_0001.txt"`, `original = '`+tc.original+`'`, 1)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			// With the cache twice (the second run from it: the check on
			// the file system is never cached), and without.
			cache := t.TempDir()
			for _, cacheDir := range []string{"", cache, cache} {
				_, probs, err := DirCachedWith(context.Background(), filepath.Join(root, "data"), cacheDir, CacheOptions{Root: root})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, pr := range probs {
					got = append(got, pr.String())
				}
				all := strings.Join(got, "\n")
				if tc.want == "" {
					if len(probs) != 0 {
						t.Errorf("cache %q: want no problem, got\n%s", cacheDir, all)
					}
					continue
				}
				if len(probs) != 1 || probs[0].Line != line || probs[0].Col != 1 || probs[0].Warning ||
					!strings.Contains(probs[0].Message, tc.want) || !strings.Contains(probs[0].Message, "original") {
					t.Errorf("cache %q: want one error at %d:1 with %q, got\n%s", cacheDir, line, tc.want, all)
				}
			}

			// The site's resolution refuses the same (a missing file as
			// missing) and gives a file inside the folder.
			folders, err := OriginalFolders(root)
			if err != nil {
				t.Fatal(err)
			}
			real, err := ResolveOriginal(root, folders, tc.original)
			switch {
			case tc.want != "":
				var oe *OriginalError
				if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("ResolveOriginal: want %q, got %v (%q)", tc.want, err, real)
				}
			case err != nil:
				if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(tc.original, "missing") && !strings.Contains(tc.original, "dangling") {
					t.Errorf("ResolveOriginal: %v", err)
				}
			default:
				b, err := os.ReadFile(real)
				if err != nil || string(b) != "示例通报" && string(b) != "另一个原文文件夹" && string(b) != "别的文件夹" {
					t.Errorf("ResolveOriginal gives %s: %q, %v", real, b, err)
				}
			}
		})
	}
}

// TestOriginalFoldersConfig: config.toml's [params] originals must name
// folders inside the project; a malformed config.toml is an error of the
// check.
func TestOriginalFoldersConfig(t *testing.T) {
	for _, tc := range []struct {
		config string
		want   []string // nil: an error
	}{
		{"", DefaultOriginals},
		{"[params]\n", DefaultOriginals},
		{"[params]\noriginals = [\"seeds\", \"archive/2024\"]\n", []string{"seeds", "archive/2024"}},
		{"[params]\noriginals = [\"..\"]\n", nil},
		{"[params]\noriginals = [\"/\"]\n", nil},
		{"[params]\noriginals = [\"\"]\n", nil},
		{"[params]\noriginals = [\".\"]\n", nil},
		{"[params]\noriginals = [\".git\"]\n", nil},
		{"[params]\noriginals = [\"/etc\"]\n", nil},
		{"[params\n", nil},
	} {
		root := t.TempDir()
		if tc.config != "" {
			if err := os.WriteFile(filepath.Join(root, "config.toml"), []byte(tc.config), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := OriginalFolders(root)
		switch {
		case tc.want == nil && err == nil:
			t.Errorf("%q: want an error, got %q", tc.config, got)
		case tc.want != nil && (err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|")):
			t.Errorf("%q: want %q, got %q, %v", tc.config, tc.want, got, err)
		}
	}
}
