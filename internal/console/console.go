// Package console makes gongshi's Chinese readable where an editor runs it:
// a Windows console (cmd.exe, PowerShell) defaults to the GBK code page
// (936), so UTF-8 bytes written to a pipe or a file that the console then
// shows come out as mojibake. It also tells main how the program was
// started (a double-click) and opens the browser.
//
// main calls, once, before anything is printed:
//
//	out, errw, restore := console.Setup()
//	defer restore()
//	// out and errw are cli.IO's Out and Err
//
// What Setup does (Choose decides it, and is tested on every system):
//   - not on Windows, or no console attached (a service): nothing; UTF-8
//     as it is.
//   - GONGSHI_CONSOLE=utf-8 or =gbk: that, whatever the console says.
//   - a Windows console: its output code page is set to UTF-8 (65001) for
//     as long as gongshi runs (restore sets the old one back), so what a
//     pipe carries to findstr or more is shown right. Text written to the
//     console itself is Unicode in any case (Go writes it with
//     WriteConsoleW). When the code page cannot be set and it is GBK (936)
//     or GB18030 (54936), what goes to a pipe or a file is written in that
//     encoding instead; a character it cannot encode is written as its
//     UTF-8 bytes' \u escape (never dropped).
package console

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding is how text is written to a stream.
type Encoding string

const (
	UTF8    Encoding = "utf-8"
	GBK     Encoding = "gbk"
	GB18030 Encoding = "gb18030"
)

// Windows code pages.
const (
	CPUTF8    = 65001
	CPGBK     = 936
	CPGB18030 = 54936
)

// EnvVar is the variable that overrides the choice: utf-8 (utf8) or gbk
// (cp936, gb18030).
const EnvVar = "GONGSHI_CONSOLE"

// State is what Setup found about one output stream.
type State struct {
	Env        string // the value of GONGSHI_CONSOLE
	HasConsole bool   // a Windows console is attached to the process
	CP         uint32 // the console's output code page after Setup tried to set UTF-8
	IsConsole  bool   // the stream is the console itself (not a pipe or a file)
}

// Choose is the encoding to write a stream in.
func Choose(s State) Encoding {
	switch strings.ToLower(strings.TrimSpace(s.Env)) {
	case "utf-8", "utf8", "65001":
		return UTF8
	case "gbk", "cp936", "936":
		return GBK
	case "gb18030", "54936":
		return GB18030
	}
	if !s.HasConsole || s.IsConsole {
		// No console, or the console itself: Go writes Unicode to it.
		return UTF8
	}
	switch s.CP {
	case CPGBK:
		return GBK
	case CPGB18030:
		return GB18030
	}
	return UTF8
}

// Writer is w writing in the encoding e: UTF-8 is w itself.
func Writer(w io.Writer, e Encoding) io.Writer {
	var enc encoding.Encoding
	switch e {
	case GBK:
		enc = simplifiedchinese.GBK
	case GB18030:
		enc = simplifiedchinese.GB18030
	default:
		return w
	}
	return &encWriter{w: w, enc: enc.NewEncoder()}
}

// encWriter encodes what is written, a whole rune at a time (a rune split
// across two writes is kept until the next one); a rune the encoding lacks
// is written as \uXXXX.
type encWriter struct {
	w    io.Writer
	enc  *encoding.Encoder
	part []byte
}

func (e *encWriter) Write(p []byte) (int, error) {
	buf := append(e.part, p...)
	e.part = nil
	// keep an incomplete rune at the end for the next write
	n := len(buf)
	for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
		if utf8.RuneStart(buf[i]) {
			if !utf8.FullRune(buf[i:]) {
				e.part = append([]byte(nil), buf[i:]...)
				buf = buf[:i]
			}
			break
		}
	}
	var out []byte
	for len(buf) > 0 {
		r, size := utf8.DecodeRune(buf)
		chunk := buf[:size]
		buf = buf[size:]
		if r < utf8.RuneSelf {
			out = append(out, chunk...)
			continue
		}
		b, err := e.enc.Bytes(chunk)
		if err != nil {
			b = fmt.Appendf(nil, `\u%04X`, r)
		}
		out = append(out, b...)
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Setup prepares the console (see the package's comment) and returns the
// writers for standard output and standard error, and a function that sets
// the console back as it was (main defers it).
func Setup() (out, errw io.Writer, restore func()) {
	return setup(os.Getenv(EnvVar))
}

func setupStreams(env string, hasConsole bool, cp uint32, isConsole func(*os.File) bool) (io.Writer, io.Writer) {
	o := Choose(State{Env: env, HasConsole: hasConsole, CP: cp, IsConsole: isConsole(os.Stdout)})
	e := Choose(State{Env: env, HasConsole: hasConsole, CP: cp, IsConsole: isConsole(os.Stderr)})
	return Writer(os.Stdout, o), Writer(os.Stderr, e)
}

// tryUTF8 reports whether Setup tries to set the console's code page to
// UTF-8: unless GONGSHI_CONSOLE asks for GBK or GB18030.
func tryUTF8(env string) bool {
	return Choose(State{Env: env}) == UTF8
}

// OpenBrowser opens url (http or https only) in the default browser: serve
// calls it when StartedByDoubleClick, so an editor who double-clicked
// gongshi.exe sees the site.
func OpenBrowser(url string) error {
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return fmt.Errorf("console: not a web address: %q", url)
	}
	return openBrowser(url)
}

// browserCommand is the command that opens url on the system goos (not
// Windows, where ShellExecute opens it).
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "darwin":
		return "open", []string{url}
	}
	return "xdg-open", []string{url}
}
