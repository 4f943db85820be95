//go:build windows

package publish

import "golang.org/x/sys/windows"

// dirIdentity is a folder's volume serial number and file index (what
// os.SameFile compares on Windows): a folder renamed on its volume keeps
// it, as an inode does on Unix.
type dirIdentity struct {
	Dev uint64 `json:"dev"`
	Ino uint64 `json:"ino"`
}

// identity is the folder p's identity, or nil.
func identity(p string) *dirIdentity {
	name, err := windows.UTF16PtrFromString(p)
	if err != nil {
		return nil
	}
	// FILE_FLAG_BACKUP_SEMANTICS opens a folder; OPEN_REPARSE_POINT the
	// link itself, as os.Lstat on Unix.
	h, err := windows.CreateFile(name, 0, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS|windows.FILE_FLAG_OPEN_REPARSE_POINT, 0)
	if err != nil {
		return nil
	}
	defer windows.CloseHandle(h)
	var d windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &d); err != nil {
		return nil
	}
	return &dirIdentity{Dev: uint64(d.VolumeSerialNumber), Ino: uint64(d.FileIndexHigh)<<32 | uint64(d.FileIndexLow)}
}
