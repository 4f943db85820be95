//go:build unix

package servecmd

import (
	"io/fs"
	"syscall"
)

// fileID is the file's inode: a file a build rewrote is a new one.
func fileID(info fs.FileInfo, _ any) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
