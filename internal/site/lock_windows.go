//go:build windows

package site

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is the byte the lock covers: far past the holder line, since
// a Windows lock is mandatory (a locked byte cannot be read by another
// process) and the build that waits reads who holds it.
const lockOffset = 0x7fffffff

// tryLock takes LockFileEx on p without waiting (errLocked when another
// process holds it) and writes who holds it into the file. Windows lets
// it go when the process ends, however it ends, as flock(2) does; the
// O_EXCL lock file (lock_excl.go) is not used here, because whether the
// process named in it still runs cannot be asked with signal 0 on Windows.
func tryLock(p string) (func(), error) {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	h := windows.Handle(f.Fd())
	ol := &windows.Overlapped{Offset: lockOffset}
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol); err != nil {
		f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
			return nil, errLocked
		}
		return nil, err
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt(holderLine(), 0)
	}
	return func() {
		f.Truncate(0)
		windows.UnlockFileEx(h, 0, 1, 0, &windows.Overlapped{Offset: lockOffset})
		f.Close()
	}, nil
}
