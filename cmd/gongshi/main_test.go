package main

import "testing"

// The dispatch's own paths: usage, unknown commands, a command's usage
// error, a failing command and the embedded Hugo.
func TestRunExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		want int
	}{
		{nil, 2},
		{[]string{"help"}, 0},
		{[]string{"--help"}, 0},
		{[]string{"publish"}, 2},
		{[]string{"check", "--no-such-flag"}, 2},
		{[]string{"check", "--data", t.TempDir()}, 1}, // no data files
		{[]string{"import", "no-such-file.txt"}, 1},
		{[]string{"hugo", "version"}, 0},
		{[]string{"hugo", "--nosuch"}, 1},            // Hugo's own flags: its error, not gongshi's usage
		{[]string{"check", "-data", t.TempDir()}, 1}, // one dash, as the flag package took it
		{[]string{"search"}, 2},
		{[]string{"help", "search"}, 0},
		{[]string{"completion", "bash"}, 0},
	} {
		if got := run(c.args); got != c.want {
			t.Errorf("gongshi %v: exit %d, want %d", c.args, got, c.want)
		}
	}
}
