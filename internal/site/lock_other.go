//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package site

// tryLock: where there is neither flock(2) nor LockFileEx (lock_windows.go),
// the lock file made with O_EXCL.
func tryLock(p string) (func(), error) { return tryExclLock(p) }
