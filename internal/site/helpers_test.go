package site

import (
	"context"
	"flag"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files and testdata/history from the bundled data")

// asOf is the tests' SOURCE_DATE_EPOCH: 2025-01-12 00:00 in China, the day
// the seed notice was published.
var asOf = time.Date(2025, 1, 12, 0, 0, 0, 0, model.ChinaTime)

// repoRoot is the project folder (config.toml, content/, layouts/ …).
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// bundledData is the project's data folder; the tests need the seed
// notice imported into it.
func bundledData(t testing.TB) string {
	t.Helper()
	data := filepath.Join(repoRoot(t), "data")
	files, err := store.Files(data)
	if err != nil || len(files) == 0 {
		t.Fatalf("no notice under %s (%v): import the seed notice first (gongshi import seeds/000_e336554de99f7c35.txt)", data, err)
	}
	return data
}

// seedDataFile is the bundled data file of the seed notice.
func seedDataFile(t testing.TB) string {
	t.Helper()
	return filepath.Join(bundledData(t), "fujian", "putian", "xianyou", "jiaowei", "2024-12-02.toml")
}

// logWriter sends a build's progress lines to the test log.
type logWriter struct {
	t  testing.TB
	mu sync.Mutex
}

func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// buildSite builds data into a fresh folder and returns it.
func buildSite(t testing.TB, data string, now time.Time) (string, Summary) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	sum, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: now, Log: &logWriter{t: t}})
	if err != nil {
		t.Fatalf("build %s: %v", data, err)
	}
	return out, sum
}

var (
	bundledOnce sync.Once
	bundledOut  string
	bundledErr  error
)

// bundledSite is the bundled data built once for all the tests that only
// read it.
func bundledSite(t *testing.T) string {
	t.Helper()
	data := bundledData(t)
	bundledOnce.Do(func() {
		dir, err := os.MkdirTemp("", "gongshi-site-test-")
		if err != nil {
			bundledErr = err
			return
		}
		bundledOut = filepath.Join(dir, "public")
		_, bundledErr = Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: bundledOut, Now: asOf})
	})
	if bundledErr != nil {
		t.Fatalf("build the bundled data: %v", bundledErr)
	}
	return bundledOut
}

func TestMain(m *testing.M) {
	flag.Parse()
	// The bundled data's git history is this repository's, which changes
	// with every commit: the goldens are built without it (TestGitHistory
	// turns it back on for its own repository).
	os.Setenv("GONGSHI_GIT_HISTORY", "off")
	code := m.Run()
	if bundledOut != "" {
		os.RemoveAll(filepath.Dir(bundledOut))
	}
	os.Exit(code)
}

// readFile reads a file of a built site by its URL path.
func readFile(t testing.TB, site, urlPath string) string {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(urlPath))
	if strings.HasSuffix(urlPath, "/") {
		p = filepath.Join(p, "index.html")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%s: %v", urlPath, err)
	}
	return string(b)
}

var (
	reTag     = regexp.MustCompile(`<[^>]*>`)
	reSpaces  = regexp.MustCompile(`\s+`)
	reComment = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// pageText is a page's text as a reader sees it: tags removed, entities
// decoded, runs of white space as one space. (Data text reaches a page
// escaped, so a "<" in it never starts a tag here.)
func pageText(s string) string {
	s = reComment.ReplaceAllString(s, "")
	s = reTag.ReplaceAllString(s, " ")
	return reSpaces.ReplaceAllString(html.UnescapeString(s), " ")
}

// squash is s with runs of white space as one space, to compare with
// pageText.
func squash(s string) string { return reSpaces.ReplaceAllString(s, " ") }

// The sample notices of the model package's tests, for the tests that
// build them into a site.

// sampleRegion is a plainly fictitious place.
var sampleRegion = notice.Region{
	Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shilishi",
	County: "示例县", CountySlug: "shilixian", Township: "样本镇0001", TownshipSlug: "zhen0001",
}

func sampleFinding(n int, st notice.Status, text string) notice.Finding {
	return notice.Finding{
		Number: n, CategoryNo: 1, Category: "类别一", GroupNo: 1 + (n-1)/2, Group: "分组",
		Title: "问题" + text, Problem: "问题描述" + text, Status: st, StatusText: st.Label(),
		Rectification: "一是甲" + text + "。二是乙。", Measures: []string{"一是甲" + text + "。", "二是乙。"},
	}
}

func sampleNotice(signed string, fs ...notice.Finding) *notice.Notice {
	return &notice.Notice{
		Title: "中共样本镇0001委员会关于巡察整改进展情况的通报", Issuer: "中共样本镇0001委员会",
		Signed: notice.Date(signed), Region: sampleRegion,
		Inspection: notice.Inspection{Body: "县委巡察一组", Start: "2023-03-01", End: "2023-04-01", Feedback: "2023-06-01"},
		Findings:   fs,
	}
}
