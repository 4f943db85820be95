//go:build windows

package console

import (
	"io"
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

func setup(env string) (out, errw io.Writer, restore func()) {
	restore = func() {}
	old, err := windows.GetConsoleOutputCP()
	hasConsole := err == nil && old != 0
	cp := old
	if hasConsole && tryUTF8(env) && old != CPUTF8 {
		if windows.SetConsoleOutputCP(CPUTF8) == nil {
			cp = CPUTF8
			restore = func() { windows.SetConsoleOutputCP(old) }
		}
	}
	out, errw = setupStreams(env, hasConsole, cp, IsTerminal)
	return out, errw, restore
}

// IsTerminal reports whether f is a console.
func IsTerminal(f *os.File) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}

var procGetConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// StartedByDoubleClick reports whether the program was started from
// Explorer (a double-click): its console was made for it and holds no
// other process (no cmd.exe or PowerShell).
func StartedByDoubleClick() bool {
	if procGetConsoleProcessList.Find() != nil {
		return false
	}
	var pids [4]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}

// openBrowser opens url in the default browser (ShellExecute "open").
func openBrowser(url string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	u, err := windows.UTF16PtrFromString(url)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, u, nil, nil, windows.SW_SHOWNORMAL)
}
