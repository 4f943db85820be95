//go:build unix

package search

import (
	"os"
	"syscall"
)

// mapFile maps the file at p into memory, read only, or reads it when it
// cannot be mapped (empty, or the process has as many mappings as it may).
// unmap releases it.
func mapFile(p string) (b []byte, unmap func(), err error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if n := info.Size(); n > 0 && n == int64(int(n)) && info.Mode().IsRegular() {
		if b, err := syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
			return b, func() { _ = syscall.Munmap(b) }, nil
		}
	}
	b, err = os.ReadFile(p)
	return b, func() {}, err
}
