package site

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// TestLinkchecker runs linkchecker (the Debian package; .ci/run installs
// it) on a built fixture site served over HTTP as a static host serves it:
// every link of every page, CSV and feed it reaches must resolve (issue 22:
// "linkchecker reports 0 broken links"). External links are not followed.
// Without linkchecker the test is skipped, unless GONGSHI_REQUIRE_BROWSER=1
// (the CI), which makes it fail instead.
func TestLinkchecker(t *testing.T) {
	bin, err := exec.LookPath("linkchecker")
	if err != nil {
		if os.Getenv("GONGSHI_REQUIRE_BROWSER") == "1" {
			t.Fatal("linkchecker is not installed (apt-get install linkchecker) and GONGSHI_REQUIRE_BROWSER=1")
		}
		t.Skip("linkchecker is not installed")
	}
	s := buildFixture(t, analysisFixture, asOfFixture)
	srv := httptest.NewServer(http.FileServer(http.Dir(s.Dir)))
	defer srv.Close()
	var out bytes.Buffer
	cmd := exec.Command(bin, "--no-status", "--no-warnings", "--threads=4", srv.URL+"/")
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // no user configuration
	err = cmd.Run()
	if err != nil {
		t.Fatalf("linkchecker: %v\n%s", err, out.String())
	}
	// It must have walked the site, not stopped at its door.
	m := regexp.MustCompile(`(\d+) links? in (\d+) URLs? checked\. 0 warnings? found\. 0 errors? found\.`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("linkchecker's summary not found:\n%s", out.String())
	}
	if n, _ := strconv.Atoi(m[2]); n < 40 {
		t.Errorf("linkchecker checked only %d URLs:\n%s", n, out.String())
	}
}
