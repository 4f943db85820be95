package publish

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE, Linux 3.15; ext4, XFS, Btrfs, tmpfs …): a reader sees
// one or the other under each name, never neither. An error (a file system
// that does not do it, say) makes swap fall back to two renames.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
