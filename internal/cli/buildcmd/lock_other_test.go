//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package buildcmd

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// holdLock takes the build lock in the cache folder dir as another build
// would where there is no flock (the lock file, naming this process).
func holdLock(t *testing.T, dir string) func() {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "lock")
	line := strconv.Itoa(os.Getpid()) + " " + strconv.FormatInt(time.Now().UnixNano(), 10) + "\n"
	if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	return func() { os.Remove(p) }
}
