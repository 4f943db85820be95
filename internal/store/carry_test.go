package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// imported is a notice as the importer makes it: no editor's table.
func imported() *notice.Notice {
	return &notice.Notice{
		Title: "中共样本镇0001委员会关于巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会", Signed: "2024-06-01",
		Region: notice.Region{Province: "示例省", ProvinceSlug: "shili", Township: "样本镇0001", TownshipSlug: "zhen0001"},
		Findings: []notice.Finding{{Number: 1, Title: "信访化解不力", Status: notice.StatusDone, StatusText: "已整改",
			Rectification: "东村王小明因涉嫌敲诈勒索被拘留。"}},
	}
}

// editorFile is the data file of imported() as an editor left it: a
// mask, a correction, a withdrawal and the notice's provenance.
func editorFile(t *testing.T) []byte {
	t.Helper()
	n := imported()
	n.Findings[0].Title = "旧的标题" // what the re-import replaces
	n.Redact = []notice.Redaction{{Text: "王小明", Mask: "王某某", Reason: "被拘留的信访人"}}
	n.Revisions = []notice.Revision{{Date: "2024-06-20", Change: "更正第1个问题的整改状态", Reason: "原通报笔误"}}
	n.Withdrawn = notice.Withdrawal{Date: "2024-07-01", Reason: "重复发布"}
	n.Published, n.Source, n.SourceURL = "2024-06-02", "示例县纪委监委网站", "https://example.org/1.html"
	b, err := Encode(n)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCarry: a re-import keeps the editors' tables and the provenance the
// import leaves empty, replaces what it read from the text, and refuses,
// changing nothing, when something would be lost.
func TestCarry(t *testing.T) {
	editor := editorFile(t)
	for _, tc := range []struct {
		name string
		old  string
		edit func(n *notice.Notice) // of the new import
		want string                 // the report line, or (refused) in the error
		err  bool
		// check the carried notice
		check func(t *testing.T, n *notice.Notice)
	}{
		{name: "editor's tables kept", old: string(editor),
			want: "kept from the existing data file: 1 [[redact]], 1 [[revisions]], [withdrawn], published, source, source_url",
			check: func(t *testing.T, n *notice.Notice) {
				if len(n.Redact) != 1 || n.Redact[0].Mask != "王某某" || len(n.Revisions) != 1 || n.Withdrawn.Reason != "重复发布" ||
					n.Published != "2024-06-02" || n.Source != "示例县纪委监委网站" || n.SourceURL != "https://example.org/1.html" {
					t.Errorf("not kept: %+v %+v %+v %s %s %s", n.Redact, n.Revisions, n.Withdrawn, n.Published, n.Source, n.SourceURL)
				}
				if n.Findings[0].Title != "信访化解不力" {
					t.Errorf("the import's text was not kept: %q", n.Findings[0].Title)
				}
			}},
		{name: "the import's provenance wins", old: string(editor),
			edit: func(n *notice.Notice) { n.SourceURL, n.Published = "https://example.org/2.html", "2024-06-03" },
			want: "kept from the existing data file: 1 [[redact]], 1 [[revisions]], [withdrawn], source",
			check: func(t *testing.T, n *notice.Notice) {
				if n.SourceURL != "https://example.org/2.html" || n.Published != "2024-06-03" {
					t.Errorf("the import's provenance was replaced: %s %s", n.SourceURL, n.Published)
				}
			}},
		{name: "nothing to keep", old: "title = \"x\"\n", want: ""},
		{name: "an undecodable file", old: "title = \n[[redact]]\ntext = \"王小明\"\n", err: true,
			want: "the existing data file cannot be read"},
		{name: "a key no notice has", old: string(editor) + "\n[editor_notes]\ntodo = \"核对\"\n", err: true,
			want: "keys a notice does not have (editor_notes, editor_notes.todo)"},
		{name: "a mask the new text lacks", old: string(editor), err: true,
			edit: func(n *notice.Notice) { n.Findings[0].Rectification = "东村王某因涉嫌敲诈勒索被拘留。" },
			want: `[[redact]] text "王小明" occurs nowhere in the newly imported text`},
		{name: "two withdrawals", old: string(editor), err: true,
			edit: func(n *notice.Notice) { n.Withdrawn = notice.Withdrawal{Date: "2024-08-01", Reason: "另一原因"} },
			want: "[withdrawn] (2024-07-01, 重复发布) differs from the imported one"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := imported()
			if tc.edit != nil {
				tc.edit(n)
			}
			before := *n
			lines, err := Carry([]byte(tc.old), n)
			if tc.err {
				var ce *CarryError
				if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("want a refusal with %q, got %v", tc.want, err)
				}
				if !reflect.DeepEqual(*n, before) {
					t.Errorf("a refusal changed the notice")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(lines) > 0 {
				got = "kept from the existing data file: " + strings.Join(lines, ", ")
			}
			if got != tc.want {
				t.Errorf("report:\n got %q\nwant %q", got, tc.want)
			}
			if tc.check != nil {
				tc.check(t, n)
			}
		})
	}
}

// TestWriteKeeping: import --force over an edited data file writes the
// new import with the editor's tables; a refusal leaves the file as it
// was; without --force an existing file is not touched.
func TestWriteKeeping(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "zhen0001", "2024-06-01.toml")
	editor := editorFile(t)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, editor, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteKeeping(p, imported(), false); !errors.Is(err, ErrExists) {
		t.Errorf("without force: %v", err)
	}
	// Refused: the mask would match nothing.
	n := imported()
	n.Findings[0].Rectification = "已整改。"
	if _, err := WriteKeeping(p, n, true); err == nil || !strings.Contains(err.Error(), "nothing written") {
		t.Errorf("want a refusal, got %v", err)
	}
	if b, _ := os.ReadFile(p); !bytes.Equal(b, editor) {
		t.Errorf("a refused re-import changed the file")
	}
	kept, err := WriteKeeping(p, imported(), true)
	if err != nil || len(kept) == 0 {
		t.Fatalf("%q, %v", kept, err)
	}
	f, err := Decode(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Notice.Redact) != 1 || f.Notice.Redact[0].Text != "王小明" || len(f.Notice.Revisions) != 1 || f.Notice.Withdrawn.IsZero() {
		t.Errorf("the editor's tables were dropped:\n%+v", f.Notice)
	}
	if f.Notice.Findings[0].Title != "信访化解不力" {
		t.Errorf("the import was not written: %q", f.Notice.Findings[0].Title)
	}
	// A new file: nothing to keep.
	q := filepath.Join(dir, "zhen0002", "2024-06-01.toml")
	if kept, err := WriteKeeping(q, imported(), true); err != nil || kept != nil {
		t.Errorf("new file: %q, %v", kept, err)
	}
}
