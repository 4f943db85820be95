//go:build !unix

package search

import "os"

// mapFile reads the file at p (see mapfile_unix.go).
func mapFile(p string) (b []byte, unmap func(), err error) {
	b, err = os.ReadFile(p)
	return b, func() {}, err
}
