package importcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/store"
)

// TestForceKeepsTheEditorsWork: import --force over a data file an editor
// masked, corrected and withdrew keeps its [[redact]], [[revisions]] and
// [withdrawn] (store.Carry) and says so in the report; a [[redact]] the new
// text lacks refuses the import, exit status 1, the file unchanged.
func TestForceKeepsTheEditorsWork(t *testing.T) {
	for _, tc := range []struct {
		name  string
		added string
		want  string // in the report, or (refused) in the error
		fails bool
	}{
		{"kept", `
[[redact]]
text = "林春锦"
mask = "林某某"
reason = "被刑事拘留的信访人，非公职人员"

[[revisions]]
date = 2024-12-20
change = "更正第11个问题的整改状态"
reason = "原通报笔误"

[withdrawn]
date = 2025-01-05
reason = "重复发布"
`, "kept from the existing data file: 1 [[redact]], 1 [[revisions]], [withdrawn]", false},
		{"refused", `
[[redact]]
text = "样本镇0001的某人"
reason = "笔误"
`, `[[redact]] text "样本镇0001的某人" occurs nowhere in the newly imported text`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, seed := site(t)
			data := filepath.Join(dir, "data")
			if _, errOut, err := runArgs(t, seed, "--region", region, "--data", data); err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			path := filepath.Join(data, "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := append(b, tc.added...)
			if err := os.WriteFile(path, edited, 0o644); err != nil {
				t.Fatal(err)
			}
			out, errOut, err := runArgs(t, seed, "--region", region, "--data", data, "--force")
			after, _ := os.ReadFile(path)
			if tc.fails {
				if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "nothing written") {
					t.Fatalf("want a refusal with %q, got %v\n%s", tc.want, err, errOut)
				}
				if string(after) != string(edited) {
					t.Errorf("a refused re-import changed the file")
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("the report does not say what was kept (%q):\n%s", tc.want, out)
			}
			f, err := store.Decode(path)
			if err != nil {
				t.Fatal(err)
			}
			n := f.Notice
			if len(n.Redact) != 1 || n.Redact[0].Mask != "林某某" || len(n.Revisions) != 1 || n.Withdrawn.Reason != "重复发布" {
				t.Errorf("the editor's work was dropped: %+v %+v %+v", n.Redact, n.Revisions, n.Withdrawn)
			}
		})
	}
}

// TestOriginalTheCheckWouldRefuse: a notice imported from a file inside
// the site but outside the folders originals may lie in (seeds/), or from
// a hidden folder, gets no original, with a note, so that import never
// writes a data file that check refuses; from seeds/ it keeps it.
func TestOriginalTheCheckWouldRefuse(t *testing.T) {
	for _, tc := range []struct {
		folder string
		want   string // the original; "" with a note
		note   string
	}{
		{"seeds", "seeds/000_e336554de99f7c35.txt", ""},
		{"notes", "", `original: original "notes/000_e336554de99f7c35.txt" is not in a folder whose files may be published (seeds,`},
		{"seeds/.drafts", "", `original: original "seeds/.drafts/000_e336554de99f7c35.txt" names a hidden file or folder (.drafts)`},
	} {
		t.Run(tc.folder, func(t *testing.T) {
			dir, seed := site(t)
			input := filepath.Join(dir, filepath.FromSlash(tc.folder), filepath.Base(seed))
			if err := os.MkdirAll(filepath.Dir(input), 0o755); err != nil {
				t.Fatal(err)
			}
			if input != seed {
				if err := os.Rename(seed, input); err != nil {
					t.Fatal(err)
				}
			}
			data := filepath.Join(dir, "data")
			out, errOut, err := runArgs(t, input, "--region", region, "--data", data)
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			f, err := store.Decode(filepath.Join(data, "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if f.Notice.Original != tc.want {
				t.Errorf("original %q, want %q", f.Notice.Original, tc.want)
			}
			if tc.note != "" && !strings.Contains(out, tc.note) {
				t.Errorf("no note %q in the report:\n%s", tc.note, out)
			}
		})
	}
}
