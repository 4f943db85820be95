// Package program identifies the running gongshi program by its bytes,
// for the cache keys of the check, the pages and the search index, and a
// split build's identity.
package program

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// Sum identifies the running program by the SHA-256 of its executable's
// bytes: the code that checks the data and writes pages and the index is
// part of every cache key, and of a split build's identity, which merge
// compares across machines — where the same binary lands at another path
// with another time. It is read once per process (about 0.2 s for 90 MB);
// callers start it early (go program.Sum()) so that it overlaps other
// work. "" when the executable cannot be read (then nothing is cached by
// it).
var Sum = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
