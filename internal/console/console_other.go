//go:build !windows

package console

import (
	"io"
	"os"
	"os/exec"
	"runtime"
)

// setup: there is no code page to set outside Windows; a stream is
// transcoded only when GONGSHI_CONSOLE asks for it.
func setup(env string) (out, errw io.Writer, restore func()) {
	out, errw = setupStreams(env, false, 0, IsTerminal)
	return out, errw, func() {}
}

// IsTerminal reports whether f is a terminal (a character device: a tty,
// not a pipe or a file).
func IsTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0 && info.Mode()&os.ModeDevice != 0
}

// StartedByDoubleClick is false outside Windows: a desktop launcher gives
// no sign of it that holds everywhere.
func StartedByDoubleClick() bool { return false }

// openBrowser runs the desktop's opener.
func openBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	return exec.Command(name, args...).Start()
}
