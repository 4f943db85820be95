package site

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
	"github.com/gongshi/gongshi/internal/store"
)

// snapshot is a site folder's every file and folder: path → mode, time,
// size and SHA-256.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		v := fmt.Sprintf("%v %d", info.Mode(), info.ModTime().UnixNano())
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += fmt.Sprintf(" %d %x", len(b), sha256.Sum256(b))
		}
		out[rel] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diffSnapshots(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	n := 0
	for p, v := range a {
		if w, ok := b[p]; !ok || w != v {
			if n++; n <= 10 {
				t.Errorf("%s: %s differs: %q vs %q", what, p, v, w)
			}
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			if n++; n <= 10 {
				t.Errorf("%s: %s only in the second tree", what, p)
			}
		}
	}
}

// TestReproducible: two builds of the same data with the same "today" give
// the same tree: names, contents, modes and times.
func TestReproducible(t *testing.T) {
	data := historyData(t) // two notices: history, outstanding items, more than one feed item
	a, _ := buildSite(t, data, asOf)
	b, _ := buildSite(t, data, asOf)
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) < 150 {
		t.Fatalf("only %d files", len(sa))
	}
	delete(sa, ".") // the roots' own times are the swap's
	delete(sb, ".")
	diffSnapshots(t, "two builds", sa, sb)
}

// copyProject copies the project's site sources (config, content,
// layouts, static, seeds) to a temporary root the test may break.
func copyProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	src := repoRoot(t)
	for _, name := range []string{"config.toml", "content", "layouts", "static", "seeds"} {
		err := filepath.WalkDir(filepath.Join(src, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			dst := filepath.Join(root, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// cancelOn is a progress log that cancels the build when a line starts
// with the stage's name.
type cancelOn struct {
	stage  string
	cancel context.CancelFunc
	mu     sync.Mutex
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.HasPrefix(string(p), c.stage) {
		c.cancel()
	}
	return len(p), nil
}

// TestFailedBuildKeepsThePreviousSite: a data error, a template error or a
// build cancelled midway leaves the previous site exactly as it was, and
// no staging folder behind.
func TestFailedBuildKeepsThePreviousSite(t *testing.T) {
	root := repoRoot(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: root, Data: bundledData(t), Out: out, Now: asOf}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)

	badData := t.TempDir()
	bad := filepath.Join(badData, "fujian/putian/xianyou/jiaowei/2024-12-02.toml")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	seed, _ := os.ReadFile(seedDataFile(t))
	os.WriteFile(bad, []byte(strings.Replace(string(seed), `status = "in_progress"`, `status = "half_done"`, 1)), 0o644)

	badRoot := copyProject(t)
	os.WriteFile(filepath.Join(badRoot, "layouts", "finding.html"), []byte(`{{ define "main" }}{{ if }}{{ end }}`), 0o644)

	for _, c := range []struct {
		name  string
		opts  Options
		stage string // cancel when this stage reports
		want  string
	}{
		{"data error", Options{Root: root, Data: badData}, "", `2024-12-02.toml:`},
		{"template error", Options{Root: badRoot, Data: bundledData(t)}, "", "finding.html"},
		{"cancelled before Hugo", Options{Root: root, Data: bundledData(t)}, "search ", "context canceled"},
		{"cancelled during Hugo", Options{Root: root, Data: bundledData(t)}, "hugo      rendering", "context canceled"},
		{"cancelled before the swap", Options{Root: root, Data: bundledData(t)}, "hugo      rendered", "context canceled"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			o := c.opts
			o.Out, o.Now, o.Log = out, asOf, io.Discard
			if c.stage != "" {
				o.Log = &cancelOn{stage: c.stage, cancel: cancel}
			}
			_, err := Build(ctx, o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one that mentions %q", err, c.want)
			}
			abandoned.Wait() // Hugo, when the build stopped waiting for it
			diffSnapshots(t, "the previous site", before, snapshot(t, out))
			leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*"))
			if len(leftovers) > 0 {
				t.Errorf("left behind: %v", leftovers)
			}
		})
	}
	var ce *CheckError
	_, err := Build(context.Background(), Options{Root: root, Data: badData, Out: out, Now: asOf})
	if !errors.As(err, &ce) || len(ce.Problems) == 0 || ce.Problems[0].Line == 0 {
		t.Errorf("a data error is a CheckError with positions: %v", err)
	}
}

// The killed build runs in a child process: the test binary, with
// GONGSHI_SITE_TEST_CHILD naming the data, root and out folders. The child
// stops (blocks) when Hugo has rendered, and the parent kills it there.
func init() {
	if spec := os.Getenv("GONGSHI_SITE_TEST_CHILD"); spec != "" {
		f := strings.Split(spec, "\n")
		_, err := Build(context.Background(), Options{Root: f[0], Data: f[1], Out: f[2], Now: asOf, Log: blockAfter{"hugo      rendered"}})
		fmt.Fprintln(os.Stderr, "child finished:", err)
		os.Exit(3)
	}
}

// blockAfter prints progress to stderr and never returns from the line
// that starts with the prefix.
type blockAfter struct{ prefix string }

func (b blockAfter) Write(p []byte) (int, error) {
	os.Stderr.Write(p)
	if strings.HasPrefix(string(p), b.prefix) {
		select {}
	}
	return len(p), nil
}

// TestKilledBuildKeepsThePreviousSite kills a build (SIGKILL) after Hugo
// rendered the new site into its staging folder: the previous site is
// untouched; the next build clears the dead build's folder.
func TestKilledBuildKeepsThePreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: repoRoot(t), Data: bundledData(t), Out: out, Now: asOf}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	tmp := t.TempDir() // the child's system temp folder: it must stay empty
	cmd.Env = append(os.Environ(), "GONGSHI_SITE_TEST_CHILD="+repoRoot(t)+"\n"+historyData(t)+"\n"+out, "TMPDIR="+tmp)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	reached := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "hugo      rendered") {
			reached = true
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !reached {
		t.Fatal("the child build did not reach the end of the Hugo stage")
	}
	diffSnapshots(t, "the previous site after a kill", before, snapshot(t, out))
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*"))
	if len(leftovers) != 1 {
		t.Fatalf("staging folders after the kill: %v, want the dead build's one", leftovers)
	}
	works, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.work-*"))
	if len(works) != 1 {
		t.Fatalf("work folders after the kill: %v, want the dead build's one, beside the site", works)
	}
	leftovers = append(leftovers, works...)
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("the killed build left %s in the system temp folder", entries[0].Name())
	}
	if _, err := Build(context.Background(), Options{Root: repoRoot(t), Data: historyData(t), Out: out, Now: asOf}); err != nil {
		t.Fatal(err)
	}
	for _, l := range leftovers {
		if _, err := os.Stat(l); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("the next build left the dead build's %s", l)
		}
	}
	if !strings.Contains(readFile(t, out, townshipURL), "2025年6月30日") {
		t.Error("the next build did not publish")
	}
}

// TestFailedBuildRestoresAKilledSwap: a build killed between moving the
// site aside and moving the new one in leaves no site; the next build puts
// the previous one back even when it fails itself (here on a data error).
func TestFailedBuildRestoresAKilledSwap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	backup := filepath.Join(dir, publish.BackupPrefix(out)+fmt.Sprint(1<<22+12345)) // no such process
	os.MkdirAll(backup, 0o755)
	os.WriteFile(filepath.Join(backup, "index.html"), []byte("old"), 0o644)
	badData := t.TempDir()
	os.WriteFile(filepath.Join(badData, "x.toml"), []byte("title = \n"), 0o644)

	_, err := Build(context.Background(), Options{Root: repoRoot(t), Data: badData, Out: out, Now: asOf, Log: io.Discard})
	var ce *CheckError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v, want the data problem", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "old" {
		t.Errorf("the previous site was not restored: %q %v", b, err)
	}
}

// TestSiteModes: the published site is readable by a web server running as
// another user (folders 0755, files 0644), even when built under a umask
// that gives others nothing, from a staging folder made 0700.
func TestSiteModes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := syscall.Umask(0o077)
	_, err := Build(context.Background(), Options{Root: repoRoot(t), Data: bundledData(t), Out: out, Now: asOf})
	syscall.Umask(old)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		}
		if got := info.Mode().Perm(); got != want && bad < 5 {
			bad++
			t.Errorf("%s has mode %v, want %v", p, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestRecoverStaleRestoresABackup(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// A build died between moving the site aside and moving the new one in.
	dead := 1<<22 + 12345 // no such process
	backup := filepath.Join(dir, publish.BackupPrefix(out)+fmt.Sprint(dead))
	os.MkdirAll(backup, 0o755)
	os.WriteFile(filepath.Join(backup, "index.html"), []byte("old"), 0o644)
	staging := filepath.Join(dir, publish.StagingPrefix(out)+fmt.Sprint(dead)+"-1")
	os.MkdirAll(staging, 0o755)
	live := filepath.Join(dir, publish.StagingPrefix(out)+fmt.Sprint(os.Getpid())+"-2")
	os.MkdirAll(live, 0o755)

	publish.RecoverStale(out, io.Discard)
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "old" {
		t.Errorf("the backup was not restored: %q %v", b, err)
	}
	if _, err := os.Stat(staging); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a dead build's staging folder is left")
	}
	if _, err := os.Stat(live); err != nil {
		t.Error("a running build's staging folder was removed")
	}
}

// The escaping fixture: every text field of a notice (names, titles,
// paragraphs, headings, status words, deadlines …) holds markup and
// spreadsheet formulas. The place names are plainly fictitious.
var hostile = []string{
	`=cmd|' /C calc'!A0<script>alert(1)</script>`,
	`+"><img src=x onerror=alert(1)>`,
	`-<script>alert(1)</script>'"><img src=x onerror=alert(1)>`,
	`@SUM(1+1)<script>alert(1)</script>`,
}

// fillStrings sets every string reachable from v, except the named
// fields, to the hostile texts in turn.
func fillStrings(v reflect.Value, skip map[string]bool, k *int) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillStrings(v.Elem(), skip, k)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if !skip[v.Type().Field(i).Name] {
				fillStrings(v.Field(i), skip, k)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			fillStrings(v.Index(i), skip, k)
		}
	case reflect.String:
		if v.Type() == reflect.TypeFor[string]() {
			v.SetString(hostile[*k%len(hostile)])
			*k++
		}
	}
}

func hostileNotice() *notice.Notice {
	n := sampleNotice("2024-12-02",
		sampleFinding(1, notice.StatusDone, "A"), sampleFinding(2, notice.StatusInProgress, "B"))
	n.Preamble, n.NextPlan, n.Kind, n.Source = "x", "x", "x", "x"
	n.Headings = notice.Headings{Organisation: "x", Findings: "x", Accountability: "x", Outstanding: "x", NextPlan: "x"}
	n.Organisation = notice.Organisation{Intro: "x", Points: []string{"x", "x"}}
	n.Regulations = []string{"x"}
	n.Accountability = notice.Accountability{Text: "x", People: 1, ByRank: []notice.RankCount{{Rank: "x", Count: 1}}, ByForm: []notice.FormCount{{Form: "x", Count: 1}}}
	n.Petitions = notice.Petitions{Text: "x", Transferred: 1, Closed: 1}
	n.Outstanding = []notice.Outstanding{{Number: 1, Finding: 2, Heading: "x", Problem: "x", Progress: "x", Reason: "x", NextSteps: "x", DeadlineText: "x", Deadline: "2024-12-31"}}
	n.Signature = notice.Signature{Issuer: "x", DateText: "x"}
	n.Unplaced = []notice.Line{{Line: 3, Text: "x"}}
	k := 0
	fillStrings(reflect.ValueOf(n), map[string]bool{
		"ProvinceSlug": true, "CitySlug": true, "CountySlug": true, "TownshipSlug": true,
		"Signed": true, "Published": true, "Start": true, "End": true, "Feedback": true, "Deadline": true,
		"Status": true, "Original": true, "SourceURL": true, "Unit": true, "Withdrawn": true,
	}, &k)
	// Names stay plainly fictitious (and tell the levels apart).
	n.Region.Province += "示例省"
	n.Region.City += "示例市"
	n.Region.County += "示例县"
	n.Region.Township += "样本镇0001"
	n.SourceURL = `https://example.org/"><script>alert(1)</script>`
	return n
}

func TestEscaping(t *testing.T) {
	n := hostileNotice()
	data := t.TempDir()
	if err := store.Write(filepath.Join(data, store.RelPath(n)), n, false); err != nil {
		t.Fatal(err)
	}
	// A county department and the county's summary, with hostile names
	// and stated texts.
	d := hostileNotice()
	d.Region.Township, d.Region.TownshipSlug = "", ""
	d.Unit = notice.Unit{Kind: notice.UnitDepartment, Name: hostile[2] + "示例县文旅局", Slug: "wenlvju"}
	sum := hostileNotice()
	sum.Region.Township, sum.Region.TownshipSlug = "", ""
	sum.Unit = notice.Unit{Kind: notice.UnitRegion, Name: hostile[3] + "示例县"}
	sum.Findings, sum.Outstanding = nil, nil
	sum.Stated = notice.Stated{Problems: notice.IntP(3), Rate: hostile[1], Texts: []string{hostile[0]}, Money: []notice.Amount{{Text: hostile[2], Yuan: 1}}}
	for _, x := range []*notice.Notice{d, sum} {
		if err := store.Write(filepath.Join(data, store.RelPath(x)), x, false); err != nil {
			t.Fatal(err)
		}
	}
	site, _ := buildSite(t, data, asOf)
	county := "/shili/shilishi/shilixian/"
	if page := readFile(t, site, county); !strings.Contains(page, "onerror=alert(1)&gt;示例县文旅局</a>") ||
		!strings.Contains(page, "通报原文：“=cmd|&#39; /C calc&#39;!A0&lt;script&gt;") {
		t.Error("the county page does not show the unit's name and the summary's texts escaped")
	}
	town := "/shili/shilishi/shilixian/zhen0001/"
	raw := []string{"<script>alert", "<img src=x", `"><img`, `"><script`}
	checked := 0
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		switch filepath.Ext(p) {
		case ".html", ".xml", ".json":
		default:
			return nil // CSV is checked below; the published data file is the data as it is
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, r := range raw {
			if strings.Contains(string(b), r) {
				t.Errorf("%s holds %q unescaped", rel, r)
			}
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d files checked", checked)
	}
	// The text is there, escaped, not dropped.
	page := readFile(t, site, town+"notices/2024-12-02/")
	if strings.Count(page, "&lt;script&gt;alert(1)&lt;/script&gt;") < 20 || !strings.Contains(page, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the notice page does not show the hostile text escaped")
	}
	if !strings.Contains(page, `href="https://example.org/%22%3e%3cscript%3ealert%281%29%3c/script%3e"`) {
		t.Errorf("the source URL is not escaped as a URL: %s", regexpFind(page, `href="https://example.org/[^"]*"`))
	}
	// Feeds decode back to the text.
	f := readFeed(t, site, town+"rss.xml")
	if len(f.Items) != 1 || !strings.Contains(f.Items[0].Title, hostile[0]) {
		t.Errorf("RSS title %q", f.Items[0].Title)
	}
	var atom feed
	if err := xml.Unmarshal([]byte(readFile(t, site, "/atom.xml")), &atom); err != nil || len(atom.Entries) != 3 {
		t.Errorf("atom: %v %+v", err, atom)
	}
	// JSON decodes back to the text.
	var doc struct{ Findings []model.Record }
	if err := json.Unmarshal([]byte(readFile(t, site, "/downloads/findings.json")), &doc); err != nil || len(doc.Findings) != 4 {
		t.Fatalf("findings.json: %v", err)
	}
	if r := doc.Findings[0]; !strings.HasPrefix(r.Title, "=cmd") && !strings.Contains(r.Title+r.Problem, "<script>") {
		t.Errorf("findings.json lost the text: %+v", r)
	}
	// CSV: no cell a spreadsheet would read as a formula; the text after the
	// guard is the text.
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(readFile(t, site, town+"findings.csv"), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	guarded := 0
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("CSV cell %q is not guarded", cell)
			}
			if strings.HasPrefix(cell, "'") {
				guarded++
				if inner := cell[1:]; !strings.ContainsRune("=+-@", rune(inner[0])) {
					t.Errorf("CSV cell %q guarded for nothing", cell)
				}
			}
		}
	}
	if guarded < 20 {
		t.Errorf("only %d guarded CSV cells", guarded)
	}
}

func regexpFind(s, re string) string {
	i := strings.Index(s, "href=\"https://example.org/")
	if i < 0 {
		return ""
	}
	return s[i:min(len(s), i+120)]
}

// TestBuildOptionsErrors: a missing data folder or no notice is a plain
// error, before anything is written.
func TestBuildOptionsErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, c := range []struct{ name, data, want string }{
		{"no folder", filepath.Join(t.TempDir(), "nope"), "no such file"},
		{"empty folder", t.TempDir(), "no data files"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Build(context.Background(), Options{Root: repoRoot(t), Data: c.data, Out: out, Now: asOf, Log: io.Discard})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Error("out was created")
			}
		})
	}
}

func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	for i := 0; i < 300; i++ {
		p := filepath.Join(dir, fmt.Sprintf("a%d", i%3), fmt.Sprintf("b%d", i%17), fmt.Sprintf("c%d", i), "index.html")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "top.txt"), nil, 0o644)
	if err := publish.RemoveTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is still there: %v", dir, err)
	}
	if err := publish.RemoveTree(dir); err != nil {
		t.Errorf("removing a missing folder: %v", err)
	}
}

// A folder without the site's templates and pages (layouts/, content/)
// would give a site of downloads and no page, built without a word: the
// build refuses it by name, in the reader's language, and writes nothing.
func TestBuildRefusesARootWithoutTemplates(t *testing.T) {
	for _, missing := range []string{"layouts", "content"} {
		t.Run(missing, func(t *testing.T) {
			root := t.TempDir()
			src := repoRoot(t)
			for _, name := range []string{"layouts", "content", "static", "seeds"} {
				if name != missing {
					if err := os.CopyFS(filepath.Join(root, name), os.DirFS(filepath.Join(src, name))); err != nil {
						t.Fatal(err)
					}
				}
			}
			b, err := os.ReadFile(filepath.Join(src, "config.toml"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "config.toml"), b, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			_, err = Build(context.Background(), Options{Root: root, Data: bundledData(t), Out: out, Now: asOf})
			if err == nil {
				t.Fatalf("built without %s/", missing)
			}
			if got := i18n.Localize(i18n.NewPrinter(true), err); !strings.Contains(got, "下没有 "+missing+" 文件夹") {
				t.Errorf("Chinese: %q", got)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was written: %v", out, err)
			}
		})
	}
}
