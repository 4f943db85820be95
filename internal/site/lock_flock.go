//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package site

import (
	"errors"
	"os"
	"syscall"
)

// tryLock takes an flock(2) on p without waiting (errLocked when another
// process holds it) and writes who holds it into the file. The kernel lets
// it go when the process ends.
func tryLock(p string) (func(), error) {
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EAGAIN) {
			return nil, errLocked
		}
		return nil, err
	}
	// Who holds it, for a build that waits (best effort).
	if err := f.Truncate(0); err == nil {
		f.WriteAt(holderLine(), 0)
	}
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
