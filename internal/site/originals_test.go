package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
)

// TestPublishSourcesConfinesOriginals: the copy of the originals into the
// site resolves each again, whatever the check said (defence in depth): a
// hidden file, a path up and out, or a link under seeds/ that leads out
// of it stops the build without copying a byte; a file inside seeds/, or
// a link that stays inside, is copied.
func TestPublishSourcesConfinesOriginals(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	for p, s := range map[string]string{
		"seeds/sample_0001.txt": "示例通报",
		".git/config":           "url = https://token@example.org/x.git",
	} {
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
	for link, target := range map[string]string{
		"seeds/in.txt":  "sample_0001.txt",
		"seeds/git.txt": "../.git/config",
		"seeds/out.txt": filepath.Join(outside, "secret.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		original string
		want     string // in the error; "" to copy
	}{
		{"seeds/sample_0001.txt", ""},
		{"seeds/in.txt", ""},
		{".git/config", "hidden file or folder (.git)"},
		{"seeds/../.git/config", ". or .. part"},
		{"seeds/git.txt", "leads out of seeds/"},
		{"seeds/out.txt", "leads out of seeds/"},
		{"/etc/hostname", "must be a relative path"},
		{"seeds/missing.txt", "no such file"},
	} {
		t.Run(tc.original, func(t *testing.T) {
			out := t.TempDir()
			n := &notice.Notice{Original: tc.original}
			np := &model.NoticePage{Notice: n, OriginalURL: "/n/original.txt", DataPath: "data/x.toml"}
			m := &model.Model{Site: &model.SiteData{}, Units: []*model.Unit{{Notices: []*model.NoticePage{np}}}}
			_, err := publishSources(out, root, filepath.Join(root, "data"), m, nil)
			copied, rerr := os.ReadFile(filepath.Join(out, "n", "original.txt"))
			if tc.want == "" {
				if err != nil || rerr != nil || string(copied) != "示例通报" {
					t.Errorf("want the original copied, got %q, %v, %v", copied, err, rerr)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "data/x.toml: ") {
				t.Errorf("want an error with %q, got %v", tc.want, err)
			}
			if rerr == nil {
				t.Errorf("copied %q into the site", copied)
			}
		})
	}
}

// TestBuildRefusesAnOriginalOutsideSeeds: a data file whose original is
// .git/config, or a link under seeds/ to it, stops the build at its check
// (the project's root and config.toml are the build's, not the current
// folder's), and nothing of it reaches a site.
func TestBuildRefusesAnOriginalOutsideSeeds(t *testing.T) {
	var cfg, dataFile []byte
	var dataName string
	for _, f := range txtar.Parse([]byte(privacyFixture)).Files {
		switch {
		case f.Name == "config.toml":
			cfg = f.Data
		case dataName == "" && strings.HasPrefix(f.Name, "data/"):
			dataName, dataFile = f.Name, f.Data
		}
	}
	for _, tc := range []struct{ original, want string }{
		{".git/config", `original ".git/config" names a hidden file or folder (.git)`},
		{"seeds/link.txt", `original "seeds/link.txt" is a symbolic link, or lies under one, that leads out of seeds/`},
	} {
		t.Run(tc.original, func(t *testing.T) {
			tmp := t.TempDir()
			root := fixtureRoot(t, tmp, cfg)
			for p, s := range map[string]string{"seeds/sample_0001.txt": "示例", ".git/config": "url = https://token@example.org/x.git"} {
				p = filepath.Join(root, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink("../.git/config", filepath.Join(root, "seeds", "link.txt")); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(tmp, filepath.FromSlash(dataName))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			src := strings.Replace(string(dataFile), `original = "seeds/sample_0001.txt"`, `original = "`+tc.original+`"`, 1)
			if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tmp, "public")
			_, err := Build(context.Background(), Options{Root: root, Data: filepath.Join(tmp, "data"), Out: out, Now: asOfFixture, Log: &logWriter{t: t}})
			var ce *CheckError
			if !errors.As(err, &ce) || !strings.Contains(err.Error()+fmt.Sprint(ce.Problems), tc.want) {
				t.Fatalf("want the check to refuse with %q, got %v", tc.want, err)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a site was written")
			}
		})
	}
}
