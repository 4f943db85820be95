package splitci

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/gongshi/gongshi/internal/synth"
)

// root is the project folder (this package is internal/splitci).
func root(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// partsOf reads a parts file the way the jobs' scripts do
// (scripts/split-common.sh's split_parts).
func partsOf(t *testing.T, file string) []string {
	t.Helper()
	cmd := exec.Command("bash", "-c", `. scripts/split-common.sh && split_parts "$1"`, "bash", file)
	cmd.Dir = root(t)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("split_parts %s: %v", file, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// get walks a decoded YAML document by keys.
func get(t *testing.T, file string, doc any, keys ...string) any {
	t.Helper()
	v := doc
	for i, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: %s is not a mapping", file, strings.Join(keys[:i], "."))
		}
		if v, ok = m[k]; !ok {
			t.Fatalf("%s: no %s", file, strings.Join(keys[:i+1], "."))
		}
	}
	return v
}

func strs(v any) []string {
	var s []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			s = append(s, strs(e)...)
		}
	case string:
		s = append(s, v)
	}
	return s
}

// steps joins a GitHub job's steps' run commands, env values and `with`
// values, one a line, for the checks to look into.
func steps(t *testing.T, file string, doc any, job string) string {
	t.Helper()
	var b strings.Builder
	for _, s := range get(t, file, doc, "jobs", job, "steps").([]any) {
		m := s.(map[string]any)
		for _, k := range []string{"uses", "run"} {
			if v, ok := m[k].(string); ok {
				b.WriteString(k + ": " + v + "\n")
			}
		}
		for _, k := range []string{"env", "with"} {
			if w, ok := m[k].(map[string]any); ok {
				for n, v := range w {
					b.WriteString(k + "." + n + ": " + strings.TrimSpace(yamlString(v)) + "\n")
				}
			}
		}
	}
	return b.String()
}

func yamlString(v any) string {
	b, _ := yaml.Marshal(v)
	return string(b)
}

// TestWorkflowsBuildTheParts: both workflows parse, their matrix is the
// lines of parts.txt in order, a part job runs scripts/build-part.sh with
// the matrix's part and passes the parts folder on (with the hidden
// .gongshi-part.json), and the merge job needs the part jobs and runs
// scripts/merge-parts.sh.
func TestWorkflowsBuildTheParts(t *testing.T) {
	want := partsOf(t, "parts.txt")
	cases := []struct {
		file string
		jobs func(t *testing.T, doc any) (part, merge string)
	}{
		{".gitlab-ci.yml", func(t *testing.T, doc any) (string, string) {
			m := get(t, ".gitlab-ci.yml", doc, "part", "parallel", "matrix").([]any)
			if len(m) != 1 {
				t.Errorf(".gitlab-ci.yml: %d matrix entries, want 1 (PART)", len(m))
			}
			if got := strs(get(t, ".gitlab-ci.yml", m[0], "PART")); !reflect.DeepEqual(got, want) {
				t.Errorf(".gitlab-ci.yml: the matrix's PART is %q, parts.txt has %q", got, want)
			}
			part := "script: " + strings.Join(strs(get(t, ".gitlab-ci.yml", doc, "part", "script")), "\n") +
				"\nartifacts: " + strings.Join(strs(get(t, ".gitlab-ci.yml", doc, "part", "artifacts", "paths")), " ")
			merge := "script: " + strings.Join(strs(get(t, ".gitlab-ci.yml", doc, "merge", "script")), "\n") +
				"\nneeds: " + strings.Join(strs(get(t, ".gitlab-ci.yml", doc, "merge", "needs")), " ")
			return part, merge
		}},
		{".github/workflows/national-build.yml", func(t *testing.T, doc any) (string, string) {
			const f = ".github/workflows/national-build.yml"
			if got := strs(get(t, f, doc, "jobs", "part", "strategy", "matrix", "part")); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the matrix's part is %q, parts.txt has %q", f, got, want)
			}
			if m := get(t, f, doc, "jobs", "part", "strategy", "matrix").(map[string]any); len(m) != 1 {
				t.Errorf("%s: the matrix has %d keys, want 1 (part)", f, len(m))
			}
			part := steps(t, f, doc, "part")
			merge := steps(t, f, doc, "merge") + "needs: " + strings.Join(strs(get(t, f, doc, "jobs", "merge", "needs")), " ")
			return part, merge
		}},
	}
	wantPart := map[string][]string{
		".gitlab-ci.yml":                       {`scripts/build-part.sh "$PART"`, "artifacts: parts/"},
		".github/workflows/national-build.yml": {`scripts/build-part.sh "$PART"`, "env.PART: ${{ matrix.part }}", "with.path: parts/", "with.include-hidden-files: true"},
	}
	wantMerge := map[string][]string{
		".gitlab-ci.yml":                       {"scripts/merge-parts.sh", "needs: gongshi part"},
		".github/workflows/national-build.yml": {"scripts/merge-parts.sh", "with.pattern: part-*", "with.merge-multiple: true", "needs: part"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(root(t), c.file))
			if err != nil {
				t.Fatal(err)
			}
			var doc any
			if err := yaml.Unmarshal(b, &doc); err != nil {
				t.Fatalf("%s does not parse: %v", c.file, err)
			}
			part, merge := c.jobs(t, doc)
			for _, w := range wantPart[c.file] {
				if !strings.Contains(part, w) {
					t.Errorf("%s: the part job has no %q:\n%s", c.file, w, part)
				}
			}
			for _, w := range wantMerge[c.file] {
				if !strings.Contains(merge, w) {
					t.Errorf("%s: the merge job has no %q:\n%s", c.file, w, merge)
				}
			}
		})
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// gongshi builds the program once for the tests (it links Hugo: a minute or more).
func gongshi(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "splitci-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "gongshi")
		cmd := exec.Command("go", "build", "-trimpath", "-o", binPath, "./cmd/gongshi")
		cmd.Dir = root(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = err
			t.Logf("%s", out)
		}
	})
	if binErr != nil {
		t.Fatalf("go build ./cmd/gongshi: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// fictitious writes a corpus of three counties (示例县01…03), one township
// each, and a parts file that splits it three ways, one part of two
// counties.
func fictitious(t *testing.T) (data, parts string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root(t), "seeds", "000_e336554de99f7c35.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data = filepath.Join(dir, "corpus")
	ns := synth.Generate(synth.Options{Townships: 3, TownshipsPerCounty: 1, Notices: 1, Findings: 6, Seed: 1}, synth.ParseText(string(src)))
	if err := synth.WriteDir(data, ns); err != nil {
		t.Fatal(err)
	}
	parts = filepath.Join(dir, "parts.txt")
	text := "# a test's parts\nshili/shilishi/xian01\n\nshili/shilishi/xian02, shili/shilishi/xian03\n:site\n"
	if err := os.WriteFile(parts, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, parts
}

// TestLocalRunMatchesOneBuild runs scripts/split-build-local.sh — every
// part a process of scripts/build-part.sh with its own copy of the binary,
// then scripts/merge-parts.sh — on the project's data with parts.txt (what
// the workflows build) and on a fictitious corpus split three ways. The
// script diffs the merge against one build; the test compares the two
// trees too, file by file, so that a runner that diffs nothing cannot pass.
func TestLocalRunMatchesOneBuild(t *testing.T) {
	bin := gongshi(t)
	data, parts := fictitious(t)
	for _, c := range []struct {
		name string
		env  []string
		n    int // parts
	}{
		{"parts.txt and data", nil, len(partsOf(t, "parts.txt"))},
		{"a fictitious corpus", []string{"GONGSHI_DATA=" + data, "PARTS_FILE=" + parts, "SOURCE_DATE_EPOCH=1735689600"}, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			work := t.TempDir()
			cmd := exec.Command("scripts/split-build-local.sh", work)
			cmd.Dir = root(t)
			cmd.Env = append(os.Environ(), append([]string{"GONGSHI=" + bin}, c.env...)...)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("split-build-local.sh: %v\n%s", err, out)
			}
			if !strings.Contains(string(out), "byte-identical to one build") {
				t.Errorf("split-build-local.sh did not say the trees are the same:\n%s", out)
			}
			dirs, _ := filepath.Glob(filepath.Join(work, "parts", "*"))
			if len(dirs) != c.n {
				t.Errorf("%d part folders, want %d: %q", len(dirs), c.n, dirs)
			}
			full, merged := tree(t, filepath.Join(work, "full")), tree(t, filepath.Join(work, "public"))
			if len(full) < 10 {
				t.Errorf("one build has %d files", len(full))
			}
			for p, b := range full {
				if m, ok := merged[p]; !ok {
					t.Errorf("the merge has no %s", p)
				} else if m != b {
					t.Errorf("the merge's %s differs from one build's", p)
				}
			}
			for p := range merged {
				if _, ok := full[p]; !ok {
					t.Errorf("the merge has %s, one build has not", p)
				}
			}
		})
	}
	t.Run("a part not built", func(t *testing.T) {
		// merge-parts.sh names a line of the parts file the matrix did not build
		work := t.TempDir()
		more := filepath.Join(work, "parts.txt")
		if err := os.WriteFile(more, []byte("fujian\n:site\nshili\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"fujian", "_site"} {
			if err := os.MkdirAll(filepath.Join(work, "parts", p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, "parts", p, ".gongshi-part.json"), []byte("{}"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command("scripts/merge-parts.sh")
		cmd.Dir = root(t)
		cmd.Env = append(os.Environ(), "GONGSHI="+bin, "GONGSHI_PIN_DIR="+filepath.Join(work, "pin"), "PARTS_FILE="+more, "PARTS_DIR="+filepath.Join(work, "parts"), "OUT="+filepath.Join(work, "public"))
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "part shili was not built") {
			t.Errorf("merge-parts.sh with a part not built: %v\n%s", err, out)
		}
	})
}

// tree reads a tree's files: relative slash-separated path → bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	fs := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fs[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestPartsFile: the jobs' reading of a parts file (split_parts) and the
// parts' folder names (split_part_dir): comments and blank lines are not
// parts, and a file with no part or two parts of one folder is refused.
func TestPartsFile(t *testing.T) {
	for _, c := range []struct {
		name, text string
		refused    bool
		want       string // the parts and their folders, or the error
	}{
		{"parts", "# national\nfujian/putian, fujian/xiamen  # two cities\n\n  :site\nzhejiang\n", false,
			"fujian/putian, fujian/xiamen fujian_putian+fujian_xiamen\n:site _site\nzhejiang zhejiang\n"},
		{"no part", "# nothing yet\n\n", true, "no parts"},
		{"one folder twice", "fujian\n:site\nfujian\n", true, "two parts have the folder fujian"},
		{"spaces make no new part", "a/b,c\na/b, c\n", true, "two parts have the folder a_b+c"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "parts.txt")
			if err := os.WriteFile(file, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("bash", "-c", `. scripts/split-common.sh && split_parts "$1" | while IFS= read -r p; do echo "$p $(split_part_dir "$p")"; done; exit "${PIPESTATUS[0]}"`, "bash", file)
			cmd.Dir = root(t)
			out, err := cmd.CombinedOutput()
			got := strings.ReplaceAll(string(out), file+": ", "")
			if c.refused && (err == nil || !strings.Contains(got, c.want)) || !c.refused && (err != nil || got != c.want) {
				t.Errorf("split_parts: %v\n%s\nwant (refused %v) %s", err, got, c.refused, c.want)
			}
		})
	}
}
