//go:build !unix

package check

import "os"

// mapFile reads the file at p (see CacheOptions.Map: mapping is for unix
// systems).
func mapFile(p string) ([]byte, error) { return os.ReadFile(p) }
