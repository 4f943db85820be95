//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package site

// tryLock: where there is no flock(2), the lock file made with O_EXCL.
func tryLock(p string) (func(), error) { return tryExclLock(p) }
