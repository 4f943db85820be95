package progress

import (
	"bytes"
	"os"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
)

type call struct {
	stage       string
	done, total int
}

func TestReport(t *testing.T) {
	tests := []struct {
		name  string
		zh    bool
		calls []call
		done  bool // call Done at the end
		want  string
	}{
		{"one stage, every tenth", false,
			[]call{{StageCheck, 0, 20}, {StageCheck, 1, 20}, {StageCheck, 2, 20}, {StageCheck, 10, 20}, {StageCheck, 11, 20}, {StageCheck, 20, 20}}, false,
			"\rchecking the data: 0/20\rchecking the data: 2/20\rchecking the data: 10/20\rchecking the data: 20/20\n"},
		{"stages in Chinese", true,
			[]call{{StageCheck, 1, 1}, {StageIndex, 0, 3}, {StageIndex, 3, 3}, {StagePages, 5, 10}}, true,
			"\r校验数据：1/1\n\r生成检索索引：0/3\r生成检索索引：3/3\n\r生成页面：5/10\n"},
		{"a stage cut short ends its line", false,
			[]call{{StageIndex, 1, 4}, {StagePages, 4, 4}}, false,
			"\rbuilding the search index: 1/4\n\rrendering the pages: 4/4\n"},
		{"total unknown", false,
			[]call{{StageWrite, 0, 0}, {StageWrite, 5, 0}}, true,
			"writing the site …\n"},
		{"an unknown stage as it is", false,
			[]call{{"sqlite", 2, 2}}, false,
			"\rsqlite: 2/2\n"},
		{"nothing after the end of a stage", false,
			[]call{{StageCheck, 2, 2}, {StageCheck, 2, 2}}, true,
			"\rchecking the data: 2/2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			pr := New(&buf, i18n.NewPrinter(tt.zh))
			for _, c := range tt.calls {
				pr.Report(c.stage, c.done, c.total)
			}
			if tt.done {
				pr.Done()
			}
			if buf.String() != tt.want {
				t.Errorf("printed %q\nwant    %q", buf.String(), tt.want)
			}
		})
	}
}

// TestForFileOnlyOnATerminal: output to a file (or a pipe) gets no
// progress lines.
func TestForFileOnlyOnATerminal(t *testing.T) {
	for _, term := range []bool{false, true} {
		f, err := os.CreateTemp(t.TempDir(), "err")
		if err != nil {
			t.Fatal(err)
		}
		report, done := forFile(f, nil, func(*os.File) bool { return term })
		report(StageCheck, 1, 1)
		done()
		f.Close()
		b, _ := os.ReadFile(f.Name())
		if got := len(b) > 0; got != term {
			t.Errorf("terminal %v: printed %q", term, b)
		}
	}
	// The real test: a file is no terminal.
	f, err := os.CreateTemp(t.TempDir(), "err")
	if err != nil {
		t.Fatal(err)
	}
	report, done := ForFile(f, nil)
	report(StageCheck, 1, 1)
	done()
	f.Close()
	if b, _ := os.ReadFile(f.Name()); len(b) != 0 {
		t.Errorf("printed %q to a file", b)
	}
}
