package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// Site tests in the style of Hugo's integration tests: a whole fixture site
// in one txtar string — the data files (data/…), optionally a config.toml,
// and expectations (expect/URL: one line per text the file must hold, or
// must not hold with a leading "! ") — built with gongshi's own pipeline
// into t.TempDir(). Names are plainly fictitious (示例省, 样本镇0001 …) and
// never land in data/.

// fixtureSite is a built fixture.
type fixtureSite struct {
	t   *testing.T
	Dir string // the built site
}

// buildFixture builds the txtar archive's site as of asOf and checks the
// archive's expectations.
func buildFixture(t *testing.T, archive string, asOf time.Time) *fixtureSite {
	t.Helper()
	a := txtar.Parse([]byte(archive))
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	root := repoRoot(t)
	expect := map[string][]string{}
	var order []string
	for _, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "data/"):
			p := filepath.Join(tmp, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(f.Name, "seeds/"): // needs a config.toml, which makes the root tmp/root
			p := filepath.Join(tmp, "root", filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		case f.Name == "config.toml":
			root = fixtureRoot(t, tmp, f.Data)
		case strings.HasPrefix(f.Name, "expect/"):
			u := strings.TrimPrefix(f.Name, "expect")
			order = append(order, u)
			for _, line := range strings.Split(string(f.Data), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					expect[u] = append(expect[u], line)
				}
			}
		default:
			t.Fatalf("txtar: %s is neither data/…, seeds/…, config.toml nor expect/…", f.Name)
		}
	}
	out := filepath.Join(tmp, "public")
	if _, err := Build(context.Background(), Options{Root: root, Data: data, Out: out, Now: asOf, Log: &logWriter{t: t}}); err != nil {
		t.Fatalf("build the fixture: %v", err)
	}
	s := &fixtureSite{t: t, Dir: out}
	for _, u := range order {
		s.AssertFile(u, expect[u]...)
	}
	return s
}

// fixtureRoot is a project folder with the repository's content, layouts
// and static files and the fixture's config.toml.
func fixtureRoot(t *testing.T, tmp string, config []byte) string {
	t.Helper()
	root := filepath.Join(tmp, "root")
	src := repoRoot(t)
	for _, dir := range []string{"content", "layouts", "static"} {
		err := filepath.WalkDir(filepath.Join(src, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			dst := filepath.Join(root, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "config.toml"), config, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// AssertFile checks that the file at the URL holds each want (as a reader
// sees the text of an HTML page, or in its markup), and none of the wants
// written "! text".
func (s *fixtureSite) AssertFile(u string, wants ...string) {
	s.t.Helper()
	raw := readFile(s.t, s.Dir, u)
	text := raw
	if strings.HasSuffix(u, "/") || strings.HasSuffix(u, ".html") {
		text = pageText(raw)
	}
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(text, neg) || strings.Contains(raw, neg) {
				s.t.Errorf("%s holds %q", u, neg)
			}
			continue
		}
		if !strings.Contains(text, squash(w)) && !strings.Contains(raw, w) {
			s.t.Errorf("%s lacks %q", u, w)
		}
	}
}

// AssertNoFile checks that nothing is published at the URL.
func (s *fixtureSite) AssertNoFile(u string) {
	s.t.Helper()
	p := filepath.Join(s.Dir, filepath.FromSlash(u))
	if strings.HasSuffix(u, "/") {
		p = filepath.Join(p, "index.html")
	}
	if _, err := os.Stat(p); err == nil {
		s.t.Errorf("%s exists", u)
	}
}
