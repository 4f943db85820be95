// Package browsertest runs tests in real headless Chromium (Debian's
// chromium package) through chromedp. Where no Chromium is installed the
// tests skip with a message that says how to install it; .ci/run installs it,
// so CI always runs them.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium is the path of the browser, or "" when none is installed.
// GONGSHI_CHROMIUM overrides the search.
func Chromium() string {
	if p := os.Getenv("GONGSHI_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for the test and returns a browser context
// (one tab), closed when the test ends. It skips the test when no Chromium is
// installed (fails instead where GONGSHI_REQUIRE_BROWSER is set, as .ci/run
// does). The flags keep Chromium off the network: this machine has none
// but loopback, and the site must need none.
func New(t testing.TB, width, height int) context.Context {
	t.Helper()
	bin := Require(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// The first action allocates the browser; it must not run under a
	// timeout (that would stop the browser with it), so bound it by a timer.
	timer := time.AfterFunc(60*time.Second, cancelC)
	defer timer.Stop()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height))); err != nil {
		t.Fatalf("start chromium %s: %v", bin, err)
	}
	return ctx
}

// Require returns the browser's path. Where none is installed it skips the
// test with a message, or fails it where GONGSHI_REQUIRE_BROWSER is set (as
// .ci/run does, so CI never passes by skipping).
func Require(t testing.TB) string {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		if os.Getenv("GONGSHI_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium installed, and GONGSHI_REQUIRE_BROWSER is set (as in CI): apt-get install chromium")
		}
		t.Skip("no Chromium installed: apt-get install chromium (CI installs it; see .ci/run)")
	}
	return bin
}

// ArtifactDir is where screenshots are saved: $GONGSHI_ARTIFACTS, else
// <module root>/test-artifacts (kept out of git).
func ArtifactDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("GONGSHI_ARTIFACTS")
	if dir == "" {
		wd, _ := os.Getwd()
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(d, "test-artifacts")
				break
			}
			if filepath.Dir(d) == d {
				dir = filepath.Join(wd, "test-artifacts")
				break
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Screenshot saves a full-page PNG (quality 100: chromedp writes PNG only then) named name under ArtifactDir and returns
// its path.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(ArtifactDir(t), name)
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
