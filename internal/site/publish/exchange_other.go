//go:build !linux

package publish

import "errors"

// exchange: only Linux swaps two folders in one step here; elsewhere swap
// renames the site folder aside and the new one in (two renames, between
// which the site folder is briefly missing, never mixed).
func exchange(a, b string) error {
	return errors.New("no atomic exchange of folders on this system")
}
