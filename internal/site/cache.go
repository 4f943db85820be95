package site

// The build cache: what an incremental build reuses of the previous one.
//
// It lives beside the site folder, in .gongshi-cache/<name of the site
// folder>/ (public/ → .gongshi-cache/public/), and holds state.json: the
// content hashes of the previous build's inputs — one "global" hash of
// everything every page depends on (the gongshi executable, config.toml,
// content/, layouts/, static/, assets/, i18n/, and the page-wide fields of
// the model: the as-of date and the site-wide download links), one hash per
// unit (its Hugo data file, data/u/…json, which is everything its pages
// read), and one of the search index's documents. The rendered pages and
// the index themselves are the previous site folder: a build hard-links
// what it reuses from there into its staging folder (the new tree shares
// those files with the old one; nothing is written into a shared file).
//
// An incremental build therefore:
//   - checks every data file and derives the whole model (cheap);
//   - writes every download, feed companion, published source, manifest and
//     sitemap again (cheap, and they depend on everything);
//   - builds the search index again only when a document changed, else
//     links the previous one;
//   - gives Hugo the data of the changed units only: the content adapter
//     adds the pages of the units whose data it has, and Hugo renders those,
//     the region pages, home, feeds, 404, about, search and static files;
//   - links the pages of the unchanged units from the previous site.
//
// When the global hash changed (a template, the config, the binary, the
// date) every page is rendered, as by a full build. The state is removed
// before the swap and written after it, so a build killed anywhere leaves
// either the previous site with its state, or a site without state (the
// next build is then a full one).

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	hugoversion "github.com/gohugoio/hugo/common/hugo"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/store"
)

// cacheVersion changes when the layout of the cache changes.
const cacheVersion = 2

// CacheDir is the default cache folder of a site folder:
// .gongshi-cache/<name> beside it.
func CacheDir(out string) string {
	return filepath.Join(filepath.Dir(out), ".gongshi-cache", filepath.Base(out))
}

// cacheState is state.json.
type cacheState struct {
	Version int               `json:"version"`
	Out     string            `json:"out"`     // the site folder it describes
	Global  string            `json:"global"`  // hash of what every page depends on
	Search  string            `json:"search"`  // hash of the indexed documents
	Indexed int               `json:"indexed"` // documents in that index
	Units   map[string]string `json:"units"`   // unit key → hash of its data file
	// Regions are the hashes of the units in each region with download
	// files (region key → hash of its units' keys and hashes).
	Regions map[string]string `json:"regions"`
	// Files are the site's files (relative, with /, sorted), Bytes their
	// sizes added up: an incremental build updates the site folder in
	// place (see inplace.go) and never walks it.
	Files []string `json:"files"`
	Bytes int64    `json:"bytes"`
	// Spare is the previous site folder, kept to become the next one (see
	// inplace.go), or nil.
	Spare *spareState `json:"spare,omitempty"`
}

// spareState is the spare site folder: where it is, its identity, and the
// files in which it differs from the site folder (added, changed or
// removed by the build that switched it out).
type spareState struct {
	Path string      `json:"path"`
	ID   dirIdentity `json:"id"`
	Diff []string    `json:"diff"`
}

func stateFile(cache string) string { return filepath.Join(cache, "state.json") }

// loadState reads the previous build's state, or nil when there is none
// usable for out (missing, of another version, of another folder, or out
// is gone).
func loadState(cache, out string) *cacheState {
	b, err := os.ReadFile(stateFile(cache))
	if err != nil {
		return nil
	}
	var s cacheState
	if json.Unmarshal(b, &s) != nil || s.Version != cacheVersion || s.Out != out || s.Units == nil || s.Files == nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return nil
	}
	return &s
}

// dropState removes the state, before the site it describes is replaced.
func dropState(cache string) error {
	err := os.Remove(stateFile(cache))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// saveState writes the state atomically.
func saveState(cache string, s *cacheState) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return writeAtomic(stateFile(cache), b)
}

// writeAtomic writes b to a temporary file beside p and renames it to p.
func writeAtomic(p string, b []byte) error {
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// sourceDirs are the project's folders Hugo reads (besides config.toml).
var sourceDirs = []string{"content", "layouts", "static", "assets", "i18n", "archetypes"}

// globalHash hashes everything every rendered page depends on besides its
// own unit's data: the executable (by path, size and time: a rebuilt
// gongshi has new ones), Hugo's version, config.toml and the Hugo source
// folders (names and bytes), and the page-wide fields of the model. The
// pages of a unit read only these of site.json (a test holds the layouts
// to it: TestUnitLayoutsReadOnlyPageGlobals).
func globalHash(root, baseURL string, m *model.Model) (string, error) {
	h := sha256.New()
	// the base URL every page's absolute links name: serve's own address
	// differs from config.toml's
	fmt.Fprintf(h, "gongshi cache %d\nhugo %s\n%s\nbaseURL %s\n", cacheVersion, hugoversion.CurrentVersion.String(), executable(), baseURL)
	if err := hashFile(h, filepath.Join(root, "config.toml"), "config.toml"); err != nil {
		return "", err
	}
	for _, d := range sourceDirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			return hashFile(h, p, rel)
		})
		if err != nil {
			return "", err
		}
	}
	g, err := json.Marshal(pageGlobals(m))
	if err != nil {
		return "", err
	}
	h.Write(g)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// executable identifies the running gongshi by its path, size and time (a
// rebuilt binary has new ones): the code that writes pages and the index
// is part of every cache key.
func executable() string {
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			return fmt.Sprintf("exe %s %d %d\n", exe, info.Size(), info.ModTime().UnixNano())
		}
	}
	return "exe ?\n"
}

// documentsHash hashes what the search index's documents are made from:
// the bytes of every data file, by the SHA-256 the check took of them
// (the published corpus — masked, merged into current findings — is a
// function of them), with the index's mapping and time stamp (search.MappingKey). When the notices' revisions
// come from git, which the bytes do not hold, it is the documents' own
// fingerprint (search.Fingerprint), which serialises the whole corpus and
// costs ten times more.
func documentsHash(files []*store.File, c *notice.Corpus, fromGit bool) (string, error) {
	if fromGit {
		s, _, err := search.Fingerprint(c)
		return s, err
	}
	sorted := append([]*store.File(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	h := sha256.New()
	key, err := search.MappingKey()
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "documents of data files\n%s\n", key)
	for _, f := range sorted {
		sum := f.Sum // the check's, of the bytes it read
		if sum == ([32]byte{}) {
			b, err := store.ReadFile(f.Path)
			if err != nil {
				return "", err
			}
			sum = sha256.Sum256(b)
		}
		fmt.Fprintf(h, "file %s\n%x\n", f.Path, sum)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// searchHash keys the search index: its documents (search.Fingerprint) and
// the program that writes it.
func searchHash(fingerprint string) string {
	sum := sha256.Sum256([]byte(executable() + fingerprint))
	return hex.EncodeToString(sum[:])
}

// pageGlobals are the fields of site.json that every page may read (the
// footer's as-of date and download links).
func pageGlobals(m *model.Model) map[string]any {
	return map[string]any{
		"as_of":      m.Site.AsOf,
		"as_of_text": m.Site.AsOfText,
		"downloads":  m.Site.Downloads,
	}
}

// pageGlobalFields are the names of pageGlobals, for the layout test.
var pageGlobalFields = []string{"as_of", "as_of_text", "downloads"}

func hashFile(h io.Writer, p, name string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(h, "file %s\n", filepath.ToSlash(name))
	n, err := io.Copy(h, f)
	fmt.Fprintf(h, "\n%d\n", n)
	return err
}

// regionSums hashes, for each region with download files, the keys and
// hashes of the units whose findings those files hold: equal sums, equal
// files (the base URL and the date are in the global hash).
func regionSums(m *model.Model, unitSums map[string]string) map[string]string {
	hs := map[string]io.Writer{}
	sums := map[string]func() []byte{}
	for _, r := range m.Site.Regions {
		if r.Downloads != nil {
			h := sha256.New()
			hs[r.Key], sums[r.Key] = h, func() []byte { return h.Sum(nil) }
		}
	}
	for _, t := range m.Units {
		for _, k := range regionalTargets(t) {
			if h := hs[k]; h != nil {
				fmt.Fprintf(h, "%s %s\n", t.Key, unitSums[t.Key])
			}
		}
	}
	out := make(map[string]string, len(sums))
	for k, sum := range sums {
		out[k] = hex.EncodeToString(sum())
	}
	return out
}

// siteFile is a site URL (/a/b.csv) as a file path relative to the site
// folder (a/b.csv).
func siteFile(u string) string { return strings.TrimPrefix(u, "/") }

// unitFiles are the files Hugo renders for a unit: its page and feeds (a
// region summary has none), each notice's page and each finding's page,
// relative to the site folder. They must match the content adapter's
// pages and outputs (TestIncrementalIsFull compares the trees).
func unitFiles(t *model.Unit) []string {
	var fs []string
	if !t.IsSummary {
		for _, n := range []string{"index.html", "rss.xml", "atom.xml"} {
			fs = append(fs, t.Path+"/"+n)
		}
	}
	for _, n := range t.Notices {
		fs = append(fs, n.Path+"/index.html")
	}
	for _, f := range t.Findings {
		fs = append(fs, strings.Trim(f.URL, "/")+"/index.html")
	}
	return fs
}

// searchIndexFiles are the parts of search/ that the search stage writes
// (the rest of it — the page, search.js — is Hugo's).
var searchIndexFiles = []string{"bleve", "t", "p", "d", "meta.json"}

// linker hard-links files of a previous site folder into a staging folder,
// creating the folders on the way.
type linker struct {
	from, to string
	mu       sync.Mutex
	made     map[string]bool
}

func newLinker(from, to string) *linker {
	return &linker{from: from, to: to, made: map[string]bool{".": true}}
}

func (l *linker) mkdir(rel string) error {
	l.mu.Lock()
	done := l.made[rel]
	l.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(l.to, rel), 0o755); err != nil {
		return err
	}
	l.mu.Lock()
	for d := rel; d != "." && d != "/"; d = filepath.Dir(d) {
		l.made[d] = true
	}
	l.mu.Unlock()
	return nil
}

// link links one file (a path relative to both folders). A file the new
// build already has is kept.
func (l *linker) link(rel string) error {
	rel = filepath.FromSlash(rel)
	if err := l.mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	err := os.Link(filepath.Join(l.from, rel), filepath.Join(l.to, rel))
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	return err
}

// tree links a whole subtree (files only; folders are created).
func (l *linker) tree(rel string) error {
	return filepath.WalkDir(filepath.Join(l.from, rel), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(l.from, p)
		if d.IsDir() {
			return l.mkdir(r)
		}
		return l.link(r)
	})
}

// linkAll links lists of files on a few goroutines.
func (l *linker) linkAll(lists [][]string) error {
	jobs := make(chan []string)
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for list := range jobs {
				for _, f := range list {
					if err := l.link(f); err != nil {
						once.Do(func() { first = err })
						break
					}
				}
			}
		}()
	}
	for _, list := range lists {
		jobs <- list
	}
	close(jobs)
	wg.Wait()
	return first
}

// Changes are the paths (relative to the site folder, with /) that a build
// added, changed and removed since the previous site.
type Changes struct {
	Previous bool     `json:"previous"` // there was a previous site to compare with
	Added    []string `json:"added"`
	Changed  []string `json:"changed"`
	Removed  []string `json:"removed"`
}

// String is the one-line count.
func (c *Changes) String() string {
	return fmt.Sprintf("%d added, %d changed, %d removed", len(c.Added), len(c.Changed), len(c.Removed))
}

// diffTrees compares the staging folder with the previous site: a file
// linked from it (same inode) is unchanged, others are compared by size
// and bytes.
func diffTrees(prev, next string) (*Changes, error) {
	c := &Changes{Added: []string{}, Changed: []string{}, Removed: []string{}}
	if _, err := os.Stat(prev); err != nil {
		return c, nil
	}
	c.Previous = true
	seen := map[string]bool{}
	var compare []string
	err := filepath.WalkDir(next, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(next, p)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		ni, err := d.Info()
		if err != nil {
			return err
		}
		pi, err := os.Lstat(filepath.Join(prev, filepath.FromSlash(rel)))
		switch {
		case err != nil || !pi.Mode().IsRegular():
			c.Added = append(c.Added, rel)
		case os.SameFile(ni, pi):
		case ni.Size() != pi.Size():
			c.Changed = append(c.Changed, rel)
		default:
			compare = append(compare, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Same sizes: compare the bytes.
	same, err := sameFiles(prev, next, compare)
	if err != nil {
		return nil, err
	}
	for i, rel := range compare {
		if !same[i] {
			c.Changed = append(c.Changed, rel)
		}
	}
	err = filepath.WalkDir(prev, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(prev, p)
		rel = filepath.ToSlash(rel)
		if !seen[rel] {
			c.Removed = append(c.Removed, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(c.Added)
	sort.Strings(c.Changed)
	sort.Strings(c.Removed)
	return c, nil
}

// sameFiles compares the files rels (relative, with /) of two folders byte
// for byte, on a few goroutines.
func sameFiles(a, b string, rels []string) ([]bool, error) {
	same := make([]bool, len(rels))
	errs := make([]error, len(rels))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, y := make([]byte, 1<<16), make([]byte, 1<<16)
			for i := range next {
				rel := filepath.FromSlash(rels[i])
				same[i], errs[i] = sameBytes(filepath.Join(a, rel), filepath.Join(b, rel), x, y)
			}
		}()
	}
	for i := range rels {
		next <- i
	}
	close(next)
	wg.Wait()
	return same, errors.Join(errs...)
}

// sameBytes compares two files of the same size in pieces (the site-wide
// downloads are hundreds of megabytes), with the buffers a and b.
func sameBytes(p, q string, a, b []byte) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	g, err := os.Open(q)
	if err != nil {
		return false, err
	}
	defer g.Close()
	for {
		n, errA := io.ReadFull(f, a)
		m, errB := io.ReadFull(g, b)
		if n != m || !bytes.Equal(a[:n], b[:m]) {
			return false, nil
		}
		if errA == io.EOF || errA == io.ErrUnexpectedEOF {
			return errB == io.EOF || errB == io.ErrUnexpectedEOF, nil
		}
		if errA != nil {
			return false, errA
		}
		if errB != nil {
			return false, errB
		}
	}
}

// writeChanges writes the changes list into the cache folder: changes.json,
// and for rsync (--files-from) or an object-store client upload.txt (added
// and changed, one path a line) and delete.txt (removed).
func writeChanges(cache string, c *Changes) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(cache, "changes.json"), append(b, '\n')); err != nil {
		return err
	}
	up := append(append([]string{}, c.Added...), c.Changed...)
	sort.Strings(up)
	lines := func(l []string) []byte {
		if len(l) == 0 {
			return nil
		}
		return []byte(strings.Join(l, "\n") + "\n")
	}
	if err := writeAtomic(filepath.Join(cache, "upload.txt"), lines(up)); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(cache, "delete.txt"), lines(c.Removed))
}
