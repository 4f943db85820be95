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
	dangling := filepath.Join(dir, "dangling.toml")
	if err := os.Symlink("nowhere.toml", dangling); err != nil {
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
		{folder, "a folder, not a data file"},
		{dangling, "a symbolic link whose target " + filepath.Join(dir, "nowhere.toml") + " is missing"},
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

// TestWriteModesUnderUmask: under umask 077 the folders a write makes are
// 0755 and the file 0644 (a web server's user reads them); a folder that
// existed keeps its mode.
func TestWriteModesUnderUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	kept := filepath.Join(dir, "kept")
	if err := os.Mkdir(kept, 0o700); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(kept, "a", "b", "2024-12-02.toml")
	if err := Write(p, &notice.Notice{Title: "t", Signed: "2024-12-02"}, false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		mode os.FileMode
	}{
		{kept, 0o700 | os.ModeDir},
		{filepath.Join(kept, "a"), 0o755 | os.ModeDir},
		{filepath.Join(kept, "a", "b"), 0o755 | os.ModeDir},
		{p, 0o644},
	} {
		fi, err := os.Stat(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != tc.mode {
			t.Errorf("%s: mode %v, want %v", tc.path, fi.Mode(), tc.mode)
		}
	}
}
