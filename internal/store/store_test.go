package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPrettyTOML(t *testing.T) {
	n := &notice.Notice{Title: "t", Signed: "2024-12-02", Regulations: []string{`甲"乙`, `a\b`},
		Findings: []notice.Finding{{Number: 1, Problem: "第一行\n第二行\\n\"\"\"", Measures: []string{}, Amounts: []notice.Amount{}, Dates: []notice.DateRef{}}}}
	b, err := Encode(n)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "regulations = [\n  \"甲\\\"乙\",\n  \"a\\\\b\",\n]\n") || !strings.Contains(s, "problem = \"\"\"\n第一行\n") {
		t.Errorf("not pretty:\n%s", s)
	}
	var back notice.Notice
	if _, err := toml.Decode(s, &back); err != nil || back.Findings[0].Problem != n.Findings[0].Problem || !reflect.DeepEqual(back.Regulations, n.Regulations) {
		t.Errorf("does not decode back: %v %v", err, back.Findings)
	}
}

// TestReadFileRefuses: only regular files of at most MaxFileSize bytes are
// read; a named pipe is refused at once (no writer is waited for), a link
// to a device by its target, never read.
func TestReadFileRefuses(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "ok.toml")
	if err := os.WriteFile(regular, []byte("title = \"t\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(regular, link); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.toml")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want string // in the refusal; "" when the file is read
	}{
		{regular, ""},
		{link, ""},
		{fifo, "not a regular file (a named pipe)"},
		{zero, "not a regular file (a character device)"},
		{big, "4194305 bytes: a data file has at most 4194304 bytes"},
		{folder, "not a regular file (a folder)"},
	} {
		b, err := ReadFile(tc.path)
		var re *RefusedError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.path, err)
		case tc.want == "" && string(b) != "title = \"t\"\n":
			t.Errorf("%s: read %q", tc.path, b)
		case tc.want != "" && (!errors.As(err, &re) || !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: %v, want a refusal with %q", tc.path, err, tc.want)
		}
	}
}
