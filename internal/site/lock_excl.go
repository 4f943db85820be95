package site

import (
	"errors"
	"io/fs"
	"os"
)

// tryExclLock makes the lock file p with O_EXCL (errLocked when it is there
// and the process named in it runs; a file left by a process that ended is
// removed and tried again). It is the lock where there is no flock(2)
// (lock_other.go), and is tested everywhere.
func tryExclLock(p string) (func(), error) {
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.Write(holderLine())
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(p)
				return nil, werr
			}
			return func() { os.Remove(p) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if pid, _ := readHolder(p); pid == 0 || alive(pid) {
			return nil, errLocked // being written, or held
		}
		os.Remove(p) // left by a build that ended
	}
	return nil, errLocked
}
