package console

import (
	"bytes"
	"os"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestChoose(t *testing.T) {
	tests := []struct {
		name string
		s    State
		want Encoding
	}{
		{"Linux: no console", State{}, UTF8},
		{"Linux asked for GBK", State{Env: "gbk"}, GBK},
		{"Windows console, set to UTF-8", State{HasConsole: true, CP: CPUTF8}, UTF8},
		{"Windows console itself, still GBK: Go writes Unicode", State{HasConsole: true, CP: CPGBK, IsConsole: true}, UTF8},
		{"pipe, console stayed GBK", State{HasConsole: true, CP: CPGBK}, GBK},
		{"pipe, console GB18030", State{HasConsole: true, CP: CPGB18030}, GB18030},
		{"pipe, console 437 (English)", State{HasConsole: true, CP: 437}, UTF8},
		{"asked for UTF-8 on a GBK pipe", State{Env: "UTF8", HasConsole: true, CP: CPGBK}, UTF8},
		{"asked for cp936", State{Env: " cp936 ", HasConsole: true, CP: CPUTF8, IsConsole: true}, GBK},
		{"nonsense in the variable: as without it", State{Env: "latin1", HasConsole: true, CP: CPGBK}, GBK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Choose(tt.s); got != tt.want {
				t.Errorf("Choose(%+v) = %s, want %s", tt.s, got, tt.want)
			}
		})
	}
}

func TestTryUTF8(t *testing.T) {
	for env, want := range map[string]bool{"": true, "utf-8": true, "gbk": false, "936": false, "gb18030": false} {
		if got := tryUTF8(env); got != want {
			t.Errorf("tryUTF8(%q) = %v, want %v", env, got, want)
		}
	}
}

// TestWriter: what a GBK console shows is the message's Chinese, written
// in whatever pieces; a character GBK lacks is escaped, not dropped.
func TestWriter(t *testing.T) {
	msg := "data/示例县.toml:3:1: 警告：整改时限未说明\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(msg)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		enc    Encoding
		pieces []int // split the input after these byte counts
		in     string
		want   string
	}{
		{"utf-8 unchanged", UTF8, nil, msg, msg},
		{"gbk whole", GBK, nil, msg, gbk},
		{"gbk split inside a rune", GBK, []int{6, 1, 3, 1}, msg, gbk},
		{"gbk lacks 𠀀", GBK, nil, "样本镇𠀀\n", mustGBK(t, "样本镇") + `\u20000` + "\n"},
		{"gb18030 has 𠀀", GB18030, nil, "𠀀", "\x95\x32\x82\x36"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := Writer(&buf, tt.enc)
			rest := []byte(tt.in)
			for _, n := range tt.pieces {
				if _, err := w.Write(rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
			if n, err := w.Write(rest); err != nil || n != len(rest) {
				t.Fatalf("Write = %d, %v", n, err)
			}
			if buf.String() != tt.want {
				t.Errorf("wrote %q, want %q", buf.String(), tt.want)
			}
		})
	}
}

func mustGBK(t *testing.T, s string) string {
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenBrowserRefusesNonWeb(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "calc.exe", "javascript:alert(1)", ""} {
		if err := OpenBrowser(u); err == nil {
			t.Errorf("OpenBrowser(%q) opened it", u)
		}
	}
	if name, args := browserCommand("linux", "http://127.0.0.1:1313/"); name != "xdg-open" || len(args) != 1 {
		t.Errorf("linux: %s %v", name, args)
	}
	if name, _ := browserCommand("darwin", "http://127.0.0.1:1313/"); name != "open" {
		t.Errorf("darwin: %s", name)
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a file is a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) {
		t.Error("a pipe is a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		if !IsTerminal(tty) {
			t.Error("/dev/tty is not a terminal")
		}
	}
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer null.Close()
		// /dev/null is a character device but not a terminal; ModeCharDevice
		// cannot tell them apart, so only say what IsTerminal answers.
		t.Logf("IsTerminal(%s) = %v", os.DevNull, IsTerminal(null))
	}
}
