//go:build unix

package publish

import (
	"os"
	"syscall"
)

// dirIdentity is a folder's device and inode: a folder renamed keeps it.
type dirIdentity struct {
	Dev uint64 `json:"dev"`
	Ino uint64 `json:"ino"`
}

// identity is the folder p's identity, or nil.
func identity(p string) *dirIdentity {
	info, err := os.Lstat(p)
	if err != nil {
		return nil
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	return &dirIdentity{Dev: uint64(st.Dev), Ino: uint64(st.Ino)}
}
