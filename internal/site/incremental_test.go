package site

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gongshi/gongshi/internal/site/publish"
)

// incrementalData writes the county fixture's data files and the bundled
// notice (another county) into a data folder of its own.
func incrementalData(t *testing.T) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "data")
	for _, f := range txtar.Parse([]byte(countyFixture)).Files {
		if !strings.HasPrefix(f.Name, "data/") {
			continue
		}
		writeData(t, filepath.Join(data, strings.TrimPrefix(f.Name, "data/")), string(f.Data))
	}
	b, err := os.ReadFile(seedDataFile(t))
	if err != nil {
		t.Fatal(err)
	}
	writeData(t, filepath.Join(data, "fujian/putian/xianyou/jiaowei/2024-12-02.toml"), string(b))
	return data
}

func writeData(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func editData(t *testing.T, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", p, old)
	}
	writeData(t, p, strings.ReplaceAll(string(b), old, new))
}

// buildWithCache builds data into out as gongshi build does (with the
// build cache: incrementally when out holds the previous build).
func buildWithCache(t *testing.T, data, out string) Summary {
	t.Helper()
	sum, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, Log: &logWriter{t: t}})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// fullBuild builds data from scratch into a fresh folder.
func fullBuild(t *testing.T, data string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, NoCache: true}); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTrees(t *testing.T, what, a, b string) {
	t.Helper()
	sa, sb := snapshot(t, a), snapshot(t, b)
	delete(sa, ".")
	delete(sb, ".")
	diffSnapshots(t, what, sa, sb)
}

// TestIncrementalIsFull builds a site, then changes its data step by step
// — a changed notice, a new township, a removed unit, nothing — and after
// each step builds incrementally and from scratch: the trees are the same,
// byte for byte, modes and times included; only the changed units are
// rendered; the changes list names what changed.
func TestIncrementalIsFull(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	var log strings.Builder // the last build's log
	build := func() Summary {
		t.Helper()
		log.Reset()
		sum, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, Log: io.MultiWriter(&logWriter{t: t}, &syncWriter{w: &log})})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if sum := build(); sum.Incremental {
		t.Fatal("the first build claims to be incremental")
	}
	zhen := filepath.Join(data, "shili/shilishi/shilixian/zhen0001")

	steps := []struct {
		name     string
		change   func()
		rendered int
		changed  string // a path the changes list must name (added or changed)
		removed  string
		sqlite   bool // findings.sqlite kept (no unit changed), not written
	}{
		{"a changed notice", func() {
			editData(t, filepath.Join(zhen, "2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
		}, 1, "shili/shilishi/shilixian/zhen0001/findings/2024-03-01/1/index.html", "", false},
		{"a comment in a data file", func() {
			// The pages stay as they are; the published data file does not.
			b, err := os.ReadFile(filepath.Join(zhen, "2021-09-01.toml"))
			if err != nil {
				t.Fatal(err)
			}
			writeData(t, filepath.Join(zhen, "2021-09-01.toml"), string(b)+"# 编辑备注：已核对\n")
		}, 0, "", "", true},
		{"a new township", func() {
			b, err := os.ReadFile(filepath.Join(zhen, "2021-09-01.toml"))
			if err != nil {
				t.Fatal(err)
			}
			text := strings.ReplaceAll(strings.ReplaceAll(string(b), "样本镇0001", "样本镇0002"), "zhen0001", "zhen0002")
			writeData(t, filepath.Join(data, "shili/shilishi/shilixian/zhen0002/2021-09-01.toml"), text)
		}, 1, "shili/shilishi/shilixian/zhen0002/index.html", "", false},
		{"a removed unit", func() {
			if err := os.RemoveAll(filepath.Join(data, "shili/shilishi/shilixian/diyizhongxue")); err != nil {
				t.Fatal(err)
			}
		}, 0, "shili/shilishi/shilixian/index.html", "shili/shilishi/shilixian/diyizhongxue/index.html", false},
		{"nothing", func() {}, 0, "", "", true},
	}
	for _, s := range steps {
		s.change()
		sum := build()
		if !sum.Incremental || sum.Rendered != s.rendered {
			t.Errorf("%s: incremental %v, %d units rendered, want %d", s.name, sum.Incremental, sum.Rendered, s.rendered)
		}
		if kept := strings.Contains(log.String(), "findings.sqlite kept") || strings.Contains(log.String(), "findings.sqlite：没有单位改动"); kept != s.sqlite {
			t.Errorf("%s: findings.sqlite kept %v, want %v", s.name, kept, s.sqlite)
		}
		sameTrees(t, s.name+": incremental vs full", fullBuild(t, data), out)
		c := sum.Changes
		if s.changed != "" && !contains(append(c.Added, c.Changed...), s.changed) {
			t.Errorf("%s: the changes list does not name %s: %s", s.name, s.changed, c)
		}
		if s.removed != "" && !contains(c.Removed, s.removed) {
			t.Errorf("%s: the changes list does not name %s as removed", s.name, s.removed)
		}
		if s.name == "a comment in a data file" && !slices.ContainsFunc(c.Changed, func(p string) bool {
			return strings.HasSuffix(p, "/2021-09-01.toml")
		}) {
			t.Errorf("%s: the published data file is not in the changes list: %v", s.name, c.Changed)
		}
		if s.name == "nothing" && len(c.Added)+len(c.Changed)+len(c.Removed) > 0 {
			t.Errorf("nothing changed, yet the changes list says %s: %v %v %v", c, c.Added, c.Changed, c.Removed)
		}
		if s.name == "a changed notice" {
			var pages []string // besides the search index, downloads and sources
			for _, p := range c.Changed {
				if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".xml") {
					pages = append(pages, p)
				}
			}
			// The finding, its notice, its unit, the county, city, province
			// and home pages, and the feeds.
			if len(pages) > 12 {
				t.Errorf("one changed finding changed %d pages: %v", len(pages), pages)
			}
		}
	}
	upload, err := os.ReadFile(filepath.Join(CacheDir(out), "delete.txt"))
	if err != nil || len(upload) != 0 {
		t.Errorf("delete.txt after an unchanged build: %q, %v", upload, err)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestTemplateChangeRendersAll: a changed layout is a change to every page.
func TestTemplateChangeRendersAll(t *testing.T) {
	root := copyProject(t)
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	o := Options{Root: root, Data: data, Out: out, Now: asOf}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	editData(t, filepath.Join(root, "layouts", "_partials", "footer.html"), "文件清单", "文件清单（全部）")
	sum, err := Build(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Linked != 0 {
		t.Errorf("after a layout change %d units were reused", sum.Linked)
	}
	if !strings.Contains(readFile(t, out, "/shili/shilishi/shilixian/wenlvju/"), "文件清单（全部）") {
		t.Error("the unit page does not show the new footer")
	}
}

// TestUnitLayoutsReadOnlyPageGlobals holds the layouts to what cache.go
// assumes: the pages of a unit (township, notice, finding and the partials)
// read from hugo.Data.site only the page-wide fields in pageGlobals, which
// the global hash covers. A layout that reads more (the site's totals on a
// unit page, say) must add the field there, or every change of it would
// leave stale unit pages in an incremental build.
func TestUnitLayoutsReadOnlyPageGlobals(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "layouts")
	direct := regexp.MustCompile(`hugo\.Data\.site\.(\w+)`)
	viaVar := regexp.MustCompile(`(\$\w+)\s*:?=\s*hugo\.Data\.site\s*[-}]`)
	allowed := map[string]bool{}
	for _, f := range pageGlobalFields {
		allowed[f] = true
	}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		name := filepath.Base(p)
		if strings.HasPrefix(name, "home.") || strings.HasPrefix(name, "region.") || strings.HasPrefix(name, "analysis.") || name == "themes.html" || name == "recurrence.html" {
			return nil // rendered by every build (a region's analysis, themes and recurrence pages too)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		var fields []string
		for _, m := range direct.FindAllStringSubmatch(text, -1) {
			fields = append(fields, m[1])
		}
		for _, m := range viaVar.FindAllStringSubmatch(text, -1) {
			for _, f := range regexp.MustCompile(regexp.QuoteMeta(m[1])+`\.(\w+)`).FindAllStringSubmatch(text, -1) {
				fields = append(fields, f[1])
			}
		}
		for _, f := range fields {
			if !allowed[f] {
				rel, _ := filepath.Rel(dir, p)
				t.Errorf("layouts/%s reads hugo.Data.site.%s: add it to pageGlobals in internal/site/cache.go", rel, f)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The killed incremental build runs in a child process (the test binary):
// GONGSHI_SITE_TEST_KILL names the stage it stops at, and the root, data
// and out folders.
func init() {
	spec := os.Getenv("GONGSHI_SITE_TEST_KILL")
	if spec == "" {
		return
	}
	f := strings.Split(spec, "\n")
	o := Options{Root: f[1], Data: f[2], Out: f[3], Now: asOf, Log: blockAfter{"\x00never"}}
	o.hooks.Stage = func(s string) {
		if s == f[0] {
			os.Stderr.WriteString("stopped at " + s + "\n")
			select {}
		}
	}
	if strings.HasPrefix(f[0], "log:") {
		o.hooks.Stage = nil
		o.Log = blockAfter{strings.TrimPrefix(f[0], "log:")}
	}
	_, err := Build(context.Background(), o)
	os.Stderr.WriteString("child finished: " + errString(err) + "\n")
	os.Exit(3)
}

func errString(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

// contents is the site's files and their bytes' hashes, read through one
// opening of the site folder (os.Root: every file of the folder it named
// when it was opened, even when another takes its name meanwhile), or
// the error that stopped the reading.
func contents(out string) (map[string]string, error) {
	root, err := os.OpenRoot(out)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	m := map[string]string{}
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := root.ReadFile(p)
		if err != nil {
			return err
		}
		m[p] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	return m, err
}

// version says which of two sites a reading is: "old", "new", or what
// mixes them.
func version(got, old, new map[string]string) string {
	if maps.Equal(got, old) {
		return "old"
	}
	if maps.Equal(got, new) {
		return "new"
	}
	var fromOld, fromNew, other []string
	for p, h := range got {
		switch {
		case old[p] == h && new[p] == h:
		case old[p] == h:
			fromOld = append(fromOld, p)
		case new[p] == h:
			fromNew = append(fromNew, p)
		default:
			other = append(other, p)
		}
	}
	for _, set := range [][]string{fromOld, fromNew, other} {
		sort.Strings(set)
	}
	first := func(l []string) []string { return l[:min(len(l), 3)] }
	return fmt.Sprintf("a mix: %d files of the old site (%v), %d of the new (%v), %d of neither (%v), %d of %d/%d files",
		len(fromOld), first(fromOld), len(fromNew), first(fromNew), len(other), first(other), len(got), len(old), len(new))
}

// TestKilledIncrementalBuild kills (SIGKILL) an incremental build, run by
// a child process, at each of its stages: after Hugo rendered, halfway
// through linking the new site folder, just before the journal is
// written, just before the switch, and after it but before the state is
// saved. Meanwhile this process reads the whole site again and again,
// each time through one opening of the site folder, and every reading —
// during the build, after the kill, after the next build — is the
// previous site or the new one, never a mix. Killed before the switch,
// the site is the previous one; after it, the new one, and the next build
// finishes the update. Each time the next build is incremental and gives
// the tree a full build gives.
func TestKilledIncrementalBuild(t *testing.T) {
	for _, c := range []struct {
		stop  string
		spare bool // an incremental build before: the killed one updates the spare folder
	}{
		{"log:hugo      rendered", false}, {"applying", false}, {"apply", false}, {"switch", false}, {"applied", false},
		{"applying", true}, {"applied", true},
	} {
		stop := c.stop
		name := strings.TrimPrefix(stop, "log:")
		if c.spare {
			name += " (spare)"
		}
		t.Run(name, func(t *testing.T) {
			data := incrementalData(t)
			out := filepath.Join(t.TempDir(), "public")
			o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf}
			if _, err := Build(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if c.spare {
				p := filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2021-09-01.toml")
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				writeData(t, p, string(b)+"# 编辑备注：已核对\n")
				if sum, err := Build(context.Background(), o); err != nil || !sum.Incremental || sum.FromSpare {
					t.Fatalf("the build that leaves a spare: %+v, %v", sum, err)
				}
			}
			before := snapshot(t, out)
			oldSite, err := contents(out)
			if err != nil {
				t.Fatal(err)
			}
			editData(t, filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
			newSite, err := contents(fullBuild(t, data))
			if err != nil {
				t.Fatal(err)
			}
			read := func(when string) string {
				t.Helper()
				got, err := contents(out)
				if err != nil {
					t.Fatalf("%s: reading the site: %v", when, err)
				}
				v := version(got, oldSite, newSite)
				if v != "old" && v != "new" {
					t.Errorf("%s: the site read is %s", when, v)
				}
				return v
			}

			// A reader in a loop for as long as the child builds.
			stopReading := make(chan struct{})
			readings := make(chan []string, 1)
			go func() {
				var seen []string
				for {
					select {
					case <-stopReading:
						readings <- seen
						return
					default:
					}
					got, err := contents(out)
					if err != nil {
						seen = append(seen, "an error: "+err.Error())
						continue
					}
					seen = append(seen, version(got, oldSite, newSite))
				}
			}()

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "GONGSHI_SITE_TEST_KILL="+stop+"\n"+repoRoot(t)+"\n"+data+"\n"+out)
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			want := "stopped at " + stop
			if strings.HasPrefix(stop, "log:") {
				want = strings.TrimPrefix(stop, "log:")
			}
			reached := false
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				if strings.HasPrefix(sc.Text(), want) {
					reached = true
					break
				}
			}
			cmd.Process.Kill()
			cmd.Wait()
			close(stopReading)
			seen := <-readings
			if !reached {
				t.Fatalf("the child build did not reach %q", want)
			}
			counts := map[string]int{}
			for _, v := range seen {
				counts[v]++
			}
			for v, n := range counts {
				if v != "old" && v != "new" {
					t.Errorf("%d of %d readings during the build: %s", n, len(seen), v)
				}
			}
			t.Logf("readings during the build: %v", counts)

			switched := stop == "applied"
			if v := read("after the kill"); (v == "new") != switched {
				t.Errorf("killed at %s, the site is the %s one", stop, v)
			}
			if !switched {
				diffSnapshots(t, "the previous site after a kill", before, snapshot(t, out))
			}
			var log strings.Builder
			sum, err := Build(context.Background(), Options{Root: o.Root, Data: data, Out: out, Now: asOf, Log: &log})
			if err != nil {
				t.Fatal(err)
			}
			finished := strings.Contains(log.String(), "finished the incremental build that was interrupted")
			if switched != finished {
				t.Errorf("killed at %s, the next build finished it: %v\n%s", stop, finished, log.String())
			}
			if !sum.Incremental {
				t.Error("the build after the kill was not incremental")
			}
			// Killed while it changed the spare, the spare is not trusted;
			// killed after the switch, the next build has nothing to switch.
			if sum.FromSpare {
				t.Errorf("killed at %s, the next build took the spare", stop)
			}
			if v := read("after the next build"); v != "new" {
				t.Errorf("after the next build the site is the %s one", v)
			}
			sameTrees(t, "the build after a kill vs a full build", fullBuild(t, data), out)
		})
	}
}

// TestSplitBuildMerges builds the site in three parts — one county, the
// other county, and the site-wide part — and merges them: the tree is the
// one a single build gives. Merge refuses a unit missing from the parts.
func TestSplitBuildMerges(t *testing.T) {
	data := incrementalData(t)
	tmp := t.TempDir()
	var dirs []string
	for i, p := range []string{"shili", "fujian/putian", SitePart} {
		d := filepath.Join(tmp, "part"+string(rune('0'+i)))
		sum, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: d, Now: asOf, Parts: []string{p}})
		if err != nil {
			t.Fatalf("part %s: %v", p, err)
		}
		if p != SitePart && sum.Rendered == 0 {
			t.Errorf("part %s rendered no unit", p)
		}
		dirs = append(dirs, d)
	}
	if _, err := Merge(context.Background(), filepath.Join(tmp, "short"), dirs[1:], nil); err == nil || !strings.Contains(err.Error(), "in no part") {
		t.Errorf("merge without a part: %v", err)
	}
	out := filepath.Join(tmp, "public")
	if _, err := Merge(context.Background(), out, dirs, nil); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, "merged parts vs one build", fullBuild(t, data), out)
}

// TestUnfinishableJournal: a journal the next build cannot read is said
// so, dropped with the state, and that build is a full one; a journal of
// a build killed before it switched its site folder in (the site folder
// is not the one it names) is dropped, and the previous state stands: the
// build is incremental. Either way the tree is a full build's.
func TestUnfinishableJournal(t *testing.T) {
	cases := []struct {
		name, journal, why string
	}{
		{"unreadable", "{not json", "its journal is unreadable"},
		{"not switched in", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := incrementalData(t)
			out := filepath.Join(t.TempDir(), "public")
			o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf}
			if _, err := Build(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			journal := c.journal
			if journal == "" {
				other := filepath.Join(t.TempDir(), "staging")
				if err := os.Mkdir(other, 0o755); err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal(publish.Journal{Version: publish.Version, Out: out,
					Staging: other, ID: publish.Identity(other), State: &publish.State{}, Changes: &publish.Changes{}})
				if err != nil {
					t.Fatal(err)
				}
				journal = string(b)
			}
			writeData(t, filepath.Join(CacheDir(out), publish.JournalFile), journal)
			var log strings.Builder
			o.Log = &log
			sum, err := Build(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			said := strings.Contains(log.String(), "could not be finished ("+c.why+"): this build is a full one")
			if c.why != "" && !said {
				t.Errorf("the build did not say why the journal was dropped:\n%s", log.String())
			}
			if c.why == "" && (sum.Incremental != true || strings.Contains(log.String(), "interrupted")) {
				t.Errorf("a journal not switched in: incremental %v\n%s", sum.Incremental, log.String())
			}
			if c.why != "" && sum.Incremental {
				t.Error("the build after a dropped journal claims to be incremental")
			}
			if _, err := os.Stat(filepath.Join(CacheDir(out), publish.JournalFile)); err == nil {
				t.Error("the journal is still there")
			}
			sameTrees(t, "after a dropped journal vs a full build", fullBuild(t, data), out)
		})
	}
}

// TestStaleDownloads: when the site's download files are not those the
// cache says (edited by hand), the incremental build that splices them
// fails and says so, and the next build is a full one, equal to a full
// build.
func TestStaleDownloads(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	buildWithCache(t, data, out)
	// The seed's city is unchanged below: the site-wide rows come from its files.
	city := filepath.Join(out, "fujian/putian/findings.csv")
	if err := os.WriteFile(city, []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	editData(t, filepath.Join(data, "shili/shilishi/shilixian/zhen0001/2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
	_, err := Build(context.Background(), Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, Log: &logWriter{t: t}})
	if err == nil || !strings.Contains(err.Error(), "the next build is a full one") || !strings.Contains(err.Error(), "not a findings download") {
		t.Fatalf("a stale city download: %v", err)
	}
	if sum := buildWithCache(t, data, out); sum.Incremental {
		t.Error("the build after a stale download is incremental")
	}
	sameTrees(t, "after a stale download", fullBuild(t, data), out)
}

// TestTrash: an incremental build keeps the previous site folder as the
// spare (.public.spare), which the next one brings up to date and switches
// in (the first after a full build links a new folder whole); a full build puts the previous site folder and the spare into the
// cache's trash, and the next build empties it.
func TestTrash(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	buildWithCache(t, data, out)
	trash := filepath.Join(CacheDir(out), publish.TrashDir)
	zhen := filepath.Join(data, "shili/shilishi/shilixian/zhen0001")

	for _, step := range []struct {
		name   string
		change func()
	}{
		{"a changed notice", func() {
			editData(t, filepath.Join(zhen, "2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
		}},
		{"a removed unit", func() {
			if err := os.RemoveAll(filepath.Join(data, "shili/shilishi/shilixian/diyizhongxue")); err != nil {
				t.Fatal(err)
			}
		}},
		{"the notice changed back", func() {
			editData(t, filepath.Join(zhen, "2024-10-01.toml"), `title = "近年问题甲一（更正）"`, `title = "近年问题甲一"`)
		}},
	} {
		before, err := contents(out)
		if err != nil {
			t.Fatal(err)
		}
		step.change()
		sum := buildWithCache(t, data, out)
		if !sum.Incremental || len(sum.Changes.Changed) == 0 {
			t.Fatalf("%s: not an incremental build that changed files", step.name)
		}
		if first := step.name == "a changed notice"; sum.FromSpare == first {
			t.Errorf("%s: the new site folder from the spare: %v", step.name, sum.FromSpare)
		}
		got, err := contents(publish.SparePath(out))
		if err != nil {
			t.Fatalf("%s: the spare: %v", step.name, err)
		}
		if !maps.Equal(got, before) {
			t.Errorf("%s: the spare holds %s", step.name, version(got, before, nil))
		}
		sameTrees(t, step.name+": incremental vs full", fullBuild(t, data), out)
	}

	o := Options{Root: repoRoot(t), Data: data, Out: out, Now: asOf, NoCache: true}
	if _, err := Build(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(publish.SparePath(out)); err == nil {
		t.Error("the spare is still there after a full build")
	}
	if entries, err := os.ReadDir(trash); err != nil || len(entries) != 2 {
		t.Errorf("the trash after a full build: %d entries, want the previous site and the spare (%v)", len(entries), err)
	}
	buildWithCache(t, data, out) // nothing changed (nothing is switched): the trash is emptied
	if entries, err := os.ReadDir(trash); err != nil || len(entries) != 0 {
		t.Errorf("the trash after the next build: %d entries, %v", len(entries), err)
	}
}

// TestTrashUnusable: where the trash cannot be made (here a file stands
// where its folder would go; in use, a cache on another device), an
// in-place update frees the replaced files at once and is still the full
// build's tree, and the next build does not trip over it.
func TestTrashUnusable(t *testing.T) {
	data := incrementalData(t)
	out := filepath.Join(t.TempDir(), "public")
	buildWithCache(t, data, out)
	trash := filepath.Join(CacheDir(out), publish.TrashDir)
	if err := os.WriteFile(trash, []byte("not a folder\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	zhen := filepath.Join(data, "shili/shilishi/shilixian/zhen0001")
	editData(t, filepath.Join(zhen, "2024-10-01.toml"), `title = "近年问题甲一"`, `title = "近年问题甲一（更正）"`)
	if sum := buildWithCache(t, data, out); !sum.Incremental || len(sum.Changes.Changed) == 0 {
		t.Fatalf("not an incremental build that changed files: %+v", sum)
	}
	sameTrees(t, "without a trash: incremental vs full", fullBuild(t, data), out)
	if b, err := os.ReadFile(trash); err != nil || string(b) != "not a folder\n" {
		t.Errorf("the file where the trash would go: %q, %v", b, err)
	}
	editData(t, filepath.Join(zhen, "2024-10-01.toml"), `（更正）`, ``)
	if sum := buildWithCache(t, data, out); !sum.Incremental {
		t.Error("the next build is not incremental")
	}
	sameTrees(t, "without a trash, the next build: incremental vs full", fullBuild(t, data), out)
}

// syncWriter serialises the writes of the stages that log at once.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}
