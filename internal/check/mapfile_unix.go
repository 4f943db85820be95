//go:build unix

package check

import (
	"os"
	"syscall"
)

// mapFile maps the file at p into memory, read only (see
// CacheOptions.Map), or reads it when it cannot be mapped (empty, or
// the process has as many mappings as it may).
func mapFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if n := info.Size(); n > 0 && n == int64(int(n)) && info.Mode().IsRegular() {
		if b, err := syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
			mappedEntries.Add(1)
			return b, nil
		}
	}
	return os.ReadFile(p)
}
