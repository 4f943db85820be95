//go:build windows

package servecmd

import (
	"io/fs"
	"os"
	"syscall"
)

// fileID is the file's index on its volume (what os.SameFile compares),
// read from the open file f: a file a build rewrote is a new one.
func fileID(_ fs.FileInfo, f any) uint64 {
	of, ok := f.(*os.File)
	if !ok {
		return 0
	}
	var d syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(syscall.Handle(of.Fd()), &d); err != nil {
		return 0
	}
	return uint64(d.VolumeSerialNumber)<<48 ^ uint64(d.FileIndexHigh)<<32 | uint64(d.FileIndexLow)
}
