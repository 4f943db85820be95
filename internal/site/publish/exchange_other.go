//go:build !linux

package publish

import "errors"

// exchange: only Linux swaps two folders in one step here; elsewhere swap
// renames the site folder aside and the new one in (two renames, between
// which the site folder is briefly missing, never mixed). Windows has no
// call that exchanges two folders (MoveFileEx replaces files only, and a
// folder with a file open in it, by a web server or an editor, cannot be
// renamed at all: the swap then fails and the previous site stays as it
// was; see docs/install.md).
func exchange(a, b string) error {
	return errors.New("no atomic exchange of folders on this system")
}
