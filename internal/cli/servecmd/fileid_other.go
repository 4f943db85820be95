//go:build !unix && !windows

package servecmd

import "io/fs"

// fileID is 0 where the system gives no file identity: the ETag and the
// gzip cache then know a file by its size and time only.
func fileID(fs.FileInfo, any) uint64 { return 0 }
