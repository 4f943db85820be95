package site

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// signalWriter logs and closes seen the first time a line has the text.
type signalWriter struct {
	text string
	seen chan struct{}
	once sync.Once
	mu   sync.Mutex
	all  strings.Builder
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.all.Write(p)
	w.mu.Unlock()
	if strings.Contains(string(p), w.text) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}

// TestBuildsTakeTurns: while another build holds the lock of the site
// folder, a build with NoWait refuses, naming it, and writes nothing; a
// build without waits, says once for what, and runs when the lock is let
// go.
func TestBuildsTakeTurns(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf}
	unlock, err := lockBuild(context.Background(), CacheDir(out), out, true, nil)
	if err != nil {
		t.Fatal(err)
	}

	o.NoWait = true
	_, err = Build(context.Background(), o)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Pid != os.Getpid() || busy.Started.IsZero() {
		t.Fatalf("a build with NoWait while the lock is held: %v", err)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Error("the refused build wrote the site folder")
	}

	o.NoWait = false
	log := &signalWriter{text: "waiting for another build of " + out, seen: make(chan struct{})}
	o.Log = log
	done := make(chan error, 1)
	go func() { _, err := Build(context.Background(), o); done <- err }()
	select {
	case <-log.seen:
	case err := <-done:
		unlock()
		t.Fatalf("a second build ran while the lock was held (%v):\n%s", err, log.all.String())
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(log.all.String(), "waiting for another build"); n != 1 {
		t.Errorf("the waiting build said so %d times", n)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error("the build that waited built no site")
	}
}

// TestLockAcrossProcesses: a build killed while it holds the lock (a child
// process stopped in the middle of its build) makes a NoWait build refuse,
// naming the child; once the child is killed the lock is free.
func TestLockAcrossProcesses(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GONGSHI_SITE_TEST_KILL=log:model\n"+repoRoot(t)+"\n"+data+"\n"+out)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	var got strings.Builder
	for !strings.Contains(got.String(), "model") {
		n, err := stderr.Read(buf)
		got.Write(buf[:n])
		if err != nil {
			cmd.Process.Kill()
			t.Fatalf("the child did not reach the model stage: %v\n%s", err, got.String())
		}
	}
	_, err = Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, NoWait: true})
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Pid != cmd.Process.Pid {
		t.Errorf("a NoWait build while another process builds: %v (child %d)", err, cmd.Process.Pid)
	}
	cmd.Process.Kill()
	cmd.Wait()
	unlock, err := lockBuild(context.Background(), CacheDir(out), out, true, nil)
	if err != nil {
		t.Fatalf("the lock of a killed build: %v", err)
	}
	unlock()
}

// TestExclLock: the lock where there is no flock (an O_EXCL file): held, it
// refuses; let go, it is free; left by a process that no longer runs, it is
// taken over.
func TestExclLock(t *testing.T) {
	p := filepath.Join(t.TempDir(), lockFile)
	unlock, err := tryExclLock(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tryExclLock(p); !errors.Is(err, errLocked) {
		t.Errorf("a held lock: %v", err)
	}
	unlock()
	if _, err := os.Stat(p); err == nil {
		t.Error("the lock file is still there once let go")
	}
	// A lock file of a process that ended (a child that exited).
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(holderLine()), strconv.Itoa(os.Getpid()), strconv.Itoa(cmd.Process.Pid), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err = tryExclLock(p)
	if err != nil {
		t.Fatalf("a lock left by a process that ended: %v", err)
	}
	unlock()
}
