package buildinfo

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReleaseLdflags: the -X names that scripts/release.sh (and the
// Dockerfile) give set the version and commit that Read reports. A renamed
// variable would otherwise be ignored by the linker without a word.
func TestReleaseLdflags(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("go is not on PATH: this test builds a small program")
	}
	// The flags as the release script writes them.
	script, err := os.ReadFile(filepath.Join("..", "..", "scripts", "release.sh"))
	if err != nil {
		t.Fatal(err)
	}
	pkg := regexp.MustCompile(`(?m)^PKG=(\S+)$`).FindSubmatch(script)
	if pkg == nil || !strings.Contains(string(script), `-X $PKG.version=$VERSION -X $PKG.commit=$COMMIT`) {
		t.Fatal("scripts/release.sh no longer sets $PKG.version and $PKG.commit with -X: update this test with it")
	}
	ldflags := "-X " + string(pkg[1]) + ".version=v9.8.7 -X " + string(pkg[1]) + ".commit=feedface"
	out := filepath.Join(t.TempDir(), "printversion")
	build := exec.Command(goTool, "build", "-ldflags", ldflags, "-o", out, "./testdata/printversion")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	b, err := exec.Command(out).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != "v9.8.7 feedface" {
		t.Errorf("the release build's binary says %q, want %q", got, "v9.8.7 feedface")
	}
}
