package check

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLimits: a file past a limit is refused with one problem at the place
// the limit is passed, before the library parses it, quickly and without a
// panic (2,000,000 nested arrays overflow the library's stack).
func TestLimits(t *testing.T) {
	nested := func(n int, open, close string) string {
		return "a = " + strings.Repeat(open, n) + strings.Repeat(close, n) + "\n"
	}
	var findings, empties strings.Builder
	for range MaxFindings + 1 {
		findings.WriteString("[[findings]]\nnumber = 1\n")
	}
	for range 600 {
		empties.WriteString("[[findings]]\n")
	}
	for _, tc := range []struct {
		name, src string
		want      []string // the problems, in order; a last "…" entry matches any suffix
	}{
		{"100,000 nested arrays", nested(100_000, "[", "]"),
			[]string{"x.toml:1:37: arrays and inline tables nested more than 32 deep"}},
		{"2,000,000 nested arrays", nested(2_000_000, "[", "]"),
			[]string{"x.toml:1:37: arrays and inline tables nested more than 32 deep"}},
		{"nested inline tables", "a = " + strings.Repeat("{b = ", 40) + "1" + strings.Repeat("}", 40) + "\n",
			[]string{"x.toml:1:165: arrays and inline tables nested more than 32 deep"}},
		{"dotted key", strings.Repeat("k.", 40) + "k = 1\n",
			[]string{"x.toml:1:1: a dotted key of more than 32 parts"}},
		{"long basic string", "title = \"ok\"\n  a = \"" + strings.Repeat("中", 30_000) + "\"\n",
			[]string{"x.toml:2:7: a string or key of 90002 bytes: at most 65536 (64 KiB)"}},
		{"long multi-line string", "a = '''\n" + strings.Repeat("x\n", 40_000) + "'''\n",
			[]string{"x.toml:1:5: a string or key of 80007 bytes: at most 65536 (64 KiB)"}},
		{"long key", strings.Repeat("k", 70_000) + " = 1\n",
			[]string{"x.toml:1:1: a string or key of 70000 bytes: at most 65536 (64 KiB)"}},
		{"brackets after a syntax error", "a = 1 2\nb = " + strings.Repeat("[", 5000) + "\n",
			[]string{"x.toml:2:1005: brackets nested more than 1000 deep"}},
		{"too many findings", findings.String(),
			[]string{"x.toml:2001:1: 1001 findings: a notice has at most 1000"}},
		{"too many problems", empties.String(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := Bytes("x.toml", []byte(tc.src))
			if tc.want == nil { // the cap
				if len(probs) != MaxProblems+1 || !strings.Contains(probs[MaxProblems].Message, "more problems in this file not shown (at most 1000 are)") {
					t.Fatalf("%d problems, the last %v", len(probs), probs[len(probs)-1])
				}
				return
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestDirRefuses: a data folder's *.toml that is not a regular file, or is
// too large, is refused by name (path: message), never opened for reading
// in a way that could block, and the other files are still checked.
func TestDirRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "a", "fifo.toml")
	if err := os.MkdirAll(filepath.Dir(fifo), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "a", "zero.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a", "big.toml"), make([]byte, 5<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a", "nested.toml"), []byte("a = "+strings.Repeat("[", 100_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, probs, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		got = append(got, strings.TrimPrefix(p.String(), dir+"/"))
	}
	want := []string{
		"a/big.toml: 5242880 bytes: a data file has at most 4194304 bytes (4 MiB)",
		"a/fifo.toml: not a regular file (a named pipe): data files must be regular files",
		"a/nested.toml:1:37: arrays and inline tables nested more than 32 deep",
		"a/zero.toml: not a regular file (a character device): data files must be regular files",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCrasher: FuzzPositions found that the library reads """\\""""""
// as the text \""" (its lexer takes the escaped backslash for one that
// escapes a quote); the scanner follows it, and the next key has its own
// position (testdata/fuzz/FuzzPositions holds the input).
func TestCrasher(t *testing.T) {
	src := "title = \"\"\"\\\\\"\"\"\"\"\"\nstauts = 0\n"
	_, probs := Bytes("x.toml", []byte(src))
	found := false
	for _, p := range probs {
		if strings.Contains(p.Message, "unknown key stauts") {
			found = true
			if p.Line != 2 || p.Col != 1 {
				t.Errorf("%s, want it at 2:1", p)
			}
		}
	}
	if !found {
		t.Errorf("no problem for stauts in %v", probs)
	}
}
