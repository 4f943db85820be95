package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../importer/testdata/layouts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const sampleRegion = "示例省/示例市/示例县/样本镇"

// splitA are the corrections that read sample-a.txt right: its three
// 反馈事项 lines start findings, one status set.
var splitA = []Edit{{Op: "split", Line: 6}, {Op: "role", Line: 8, Role: "finding"}, {Op: "split", Line: 10}, {Op: "status", Line: 10, Status: "in_progress"}}

// A notice the importer cannot read is read through an editor's edits and
// written with them: the data file names its edits file, which holds them;
// check accepts the data folder (the edits file is not a data file); the
// same original imported again, with no edits given, replays them.
func TestEditsWrittenAndReplayed(t *testing.T) {
	src := fixture(t, "sample-a.txt")
	data := t.TempDir()
	req := Request{Name: "sample-a.txt", Data: src, Region: sampleRegion, DataDir: data}
	if _, err := Read(context.Background(), req); err == nil {
		t.Fatal("sample-a.txt is read without corrections: the test no longer tests them")
	}
	req.Edits = append(append([]Edit(nil), splitA...), Edit{Op: "field", Field: "title", Value: "样本镇关于巡察整改进展情况的通报（更正标题）"})
	res := read(t, req)
	if err := res.Refused(); err != nil {
		t.Fatalf("refused: %v", err)
	}
	fs := res.Notice.Findings
	if len(fs) != 3 || fs[2].Status != notice.StatusInProgress || res.Notice.Title != "样本镇关于巡察整改进展情况的通报（更正标题）" {
		t.Fatalf("the corrected reading: %d findings %+v, title %q", len(fs), fs, res.Notice.Title)
	}
	if err := res.Write(); err != nil {
		t.Fatal(err)
	}
	enc, _ := os.ReadFile(res.Path)
	if !strings.Contains(string(enc), `edits = "2024-09-02.edits.toml"`) {
		t.Errorf("the data file does not name its edits:\n%s", enc)
	}
	ef, err := ReadEdits(EditsPath(res.Path))
	if err != nil || len(ef.Edits) != 5 || ef.SHA256 != Sum(src) {
		t.Fatalf("edits file: %v %+v", err, ef)
	}
	if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
		t.Fatalf("check refuses the folder written with edits: %v %v", err, probs)
	}

	// Again, with no edits given: they are replayed.
	again := read(t, Request{Name: "sample-a.txt", Data: src, Region: sampleRegion, DataDir: data, Force: true})
	if again.Replayed == "" || len(again.Notice.Findings) != 3 || again.Notice.Findings[2].Status != notice.StatusInProgress {
		t.Errorf("the edits are not replayed: %q, %d findings", again.Replayed, len(again.Notice.Findings))
	}
	// Not on another original.
	other := strings.Replace(string(src), "开展专题学习6次", "开展专题学习7次", 1)
	if _, err := Read(context.Background(), Request{Name: "a2.txt", Data: []byte(other), Region: sampleRegion, DataDir: data}); err == nil {
		t.Error("the edits of one original are replayed on another")
	}
}

// A malformed edit is a malformed request; a malformed edits file is
// refused with its path.
func TestEditChecked(t *testing.T) {
	for _, e := range []Edit{{Op: "role", Line: 3, Role: "title"}, {Op: "split"}, {Op: "status", Line: 2, Status: "finished"}, {Op: "field", Field: "issuer", Value: "x"}, {Op: "field", Field: "signed", Value: "明天"}, {Op: "delete", Line: 1}} {
		req := Request{Name: "a.txt", Data: []byte("x"), Edits: []Edit{e}}
		if err := req.Check(); err == nil {
			t.Errorf("edit %+v is accepted", e)
		}
	}
	if _, err := ParseEdits("x.edits.toml", []byte("[[edit]]\nop = \"split\"\nline = 0\n")); err == nil || !strings.Contains(err.Error(), "x.edits.toml") {
		t.Errorf("a malformed edits file: %v", err)
	}
	// One under the data folder is an error of every import, not skipped.
	data := t.TempDir()
	os.WriteFile(filepath.Join(data, "2024-01-01.edits.toml"), []byte("[[edit]]\nop = \"nonsense\"\n"), 0o644)
	if _, err := Read(context.Background(), Request{Name: "a.txt", Data: fixture(t, "sample-a.txt"), Region: sampleRegion, DataDir: data}); err == nil || !strings.Contains(err.Error(), "2024-01-01.edits.toml") {
		t.Errorf("a malformed edits file in the data folder: %v", err)
	}
}

// A profile made from the corrections of sample-a.txt reads the issuer's
// next notice (sample-b.txt) right, and the result says so; it does not
// touch another issuer's notice.
func TestLayoutFromEdits(t *testing.T) {
	data := t.TempDir()
	a := read(t, Request{Name: "sample-a.txt", Data: fixture(t, "sample-a.txt"), Region: sampleRegion, DataDir: data, Edits: splitA})
	l, err := LayoutFrom("样本镇", a.Notice.Issuer, a.Edits, a.Parse.Lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rules) != 1 || l.Rules[0].Starts != "反馈事项N" || l.Rules[0].Role != "finding" {
		t.Fatalf("the profile's rules: %+v", l.Rules)
	}
	p, err := SaveLayout(data, l, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SaveLayout(data, l, false); err == nil {
		t.Error("a profile is overwritten without asking")
	}
	if filepath.Dir(p) != filepath.Join(data, store.LayoutsDir) {
		t.Errorf("saved at %s", p)
	}
	b := read(t, Request{Name: "sample-b.txt", Data: fixture(t, "sample-b.txt"), Region: sampleRegion, DataDir: data})
	if b.Parse.Layout == nil || b.Parse.Layout.Name != "样本镇" || len(b.Parse.Layout.Changes) != 2 {
		t.Fatalf("the profile is not applied: %+v", b.Parse.Layout)
	}
	if err := b.Refused(); err != nil || len(b.Notice.Findings) != 2 {
		t.Fatalf("refused %v, %d findings", err, len(b.Notice.Findings))
	}
	note := fmt.Sprint(b.Notes)
	if !strings.Contains(note, "layout 样本镇") || !strings.Contains(note, "line 6 unplaced → finding") {
		t.Errorf("the notes do not say the profile was applied: %s", note)
	}
	if err := b.Write(); err != nil {
		t.Fatal(err)
	}
	if _, probs, err := check.Dir(data); err != nil || len(check.Errors(probs)) != 0 {
		t.Fatalf("check refuses the folder with a profile: %v %v", err, probs)
	}
	// Asked for by name, on another issuer's notice: a request error when
	// the name is unknown.
	if _, err := Read(context.Background(), Request{Name: "o.txt", Data: fixture(t, "other.txt"), Region: sampleRegion, DataDir: data, Layout: "无此版式"}); err == nil {
		t.Error("an unknown layout name is accepted")
	}
	o := read(t, Request{Name: "o.txt", Data: fixture(t, "other.txt"), Region: "示例省/示例市/示例县/示例乡", DataDir: data})
	if o.Parse.Layout != nil {
		t.Errorf("the profile is applied to another issuer's notice: %+v", o.Parse.Layout)
	}
	_ = importer.RoleFinding
}
