package site

// Builds take turns: a build (and gongshi serve's builds, and gongshi merge)
// holds a lock on the site folder and its cache for as long as it runs. The
// lock is a file, lock, in the cache folder of the site folder
// (.gongshi-cache/public/lock): on Linux, macOS and the BSDs an flock(2)
// on it, which the kernel lets go when the process ends, however it ends;
// elsewhere the file itself, made with O_EXCL, which a later build removes
// when the process that made it no longer runs. The file says which build
// holds it (its process id and when it started), for the message of the
// build that waits.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/publish"
)

// lockFile is the lock's file in the cache folder.
const lockFile = "lock"

// BusyError is a build refused (--no-wait) because another holds the lock.
type BusyError struct {
	Out     string    // the site folder
	Pid     int       // the build holding it (0: unknown)
	Started time.Time // when that build started (zero: unknown)
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("another build of %s is running (%s): try again when it has finished, or leave out --no-wait to wait for it", e.Out, e.holder())
}

func (e *BusyError) holder() string {
	if e.Pid == 0 {
		return "process unknown"
	}
	return fmt.Sprintf("process %d, started at %s", e.Pid, e.Started.Local().Format("2006-01-02 15:04:05"))
}

// lockPollInterval is how often a waiting build tries the lock again.
const lockPollInterval = 100 * time.Millisecond

// lockBuild takes the build lock of out in the folder dir (the cache folder
// of out). When another build holds it, it returns a *BusyError if noWait,
// else says once on log which build it waits for and waits (until ctx is
// done). The returned function lets the lock go.
func lockBuild(ctx context.Context, dir, out string, noWait bool, log io.Writer) (unlock func(), err error) {
	if log == nil {
		log = io.Discard
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	p := filepath.Join(dir, lockFile)
	said := false
	for {
		unlock, err := tryLock(p)
		if err == nil {
			return unlock, nil
		}
		if !errors.Is(err, errLocked) {
			return nil, fmt.Errorf("build lock %s: %w", p, err)
		}
		busy := &BusyError{Out: out}
		busy.Pid, busy.Started = readHolder(p)
		if noWait {
			return nil, busy
		}
		if !said {
			i18n.Logf(log, "waiting for another build of %s to finish (%s) …\n", out, busy.holder())
			said = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPollInterval):
		}
	}
}

var errLocked = errors.New("locked")

// holderLine is what the lock file says: "pid unix-nanoseconds\n".
func holderLine() []byte {
	return []byte(strconv.Itoa(os.Getpid()) + " " + strconv.FormatInt(time.Now().UnixNano(), 10) + "\n")
}

func readHolder(p string) (int, time.Time) {
	b, err := os.ReadFile(p)
	if err != nil {
		return 0, time.Time{}
	}
	f := strings.Fields(string(b))
	if len(f) != 2 {
		return 0, time.Time{}
	}
	pid, err1 := strconv.Atoi(f[0])
	ns, err2 := strconv.ParseInt(f[1], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, time.Time{}
	}
	return pid, time.Unix(0, ns)
}

// lockDirs are the folders whose locks a build of out with the cache folder
// cache takes: out's own cache folder, and cache when it is another.
func lockDirs(out, cache string) []string {
	if d := CacheDir(out); d != cache {
		return []string{d, cache}
	}
	return []string{cache}
}

// Lock takes the build lock of the site folder out as a build does, for a
// command that reads the whole site folder (gongshi deploy): it waits for
// a build under way (saying so once on log), and a build waits for it.
func Lock(ctx context.Context, out string, log io.Writer) (unlock func(), err error) {
	if out, err = filepath.Abs(out); err != nil {
		return nil, err
	}
	return lockBuild(ctx, CacheDir(out), out, false, log)
}

// alive reports whether a process with the id runs (publish.Alive).
func alive(pid int) bool { return publish.Alive(pid) }
