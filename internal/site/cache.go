package site

// The build cache: what an incremental build needs of the previous one.
//
// It lives beside the site folder, in .gongshi-cache/<name of the site
// folder>/ (public/ → .gongshi-cache/public/), and holds state.json
// (publish.State): the content hashes of the previous build's inputs —
// one "global" hash of everything every page depends on (the gongshi
// executable, config.toml, content/, layouts/, static/, assets/, i18n/,
// and the page-wide fields of the model: the as-of date and the site-wide
// download links: globalHash), one hash per unit (its Hugo data file,
// data/u/…json, which is everything its pages read), one per region with
// download files (regionSums), and one of the search index's documents
// (documentsHash) — and the list of the site's files. The rendered pages
// and the index themselves are the previous site folder.
//
// When the global hash is the previous build's, the build is an in-place
// one (publish.InPlace), which:
//   - checks every data file and derives the whole model (cheap);
//   - gives Hugo the data of the changed units only: the content adapter
//     adds the pages of the units whose data it has, and Hugo renders those,
//     the region pages, home, feeds, 404, about, search and static files;
//   - writes the downloads of the changed units and regions, splicing the
//     others' rows from the site folder's files (downloads.go), and the
//     published sources that changed;
//   - keeps the previous search index when no document changed, else
//     builds it again (package search keeps its unchanged files);
//   - leaves every other file as the site folder has it: publish.Apply
//     makes the new site folder from the staged files and the unchanged
//     ones (see publish/inplace.go).
//
// When the global hash changed (a template, the config, the binary, the
// date) every page is rendered by a full build (publish.Full), which links
// the previous search index when no document changed. A full build removes
// the state before the swap and writes it after, and an in-place one
// writes it after the switch, from its journal, so a build killed anywhere leaves either the
// previous site with its state, or a site without state (the next build
// is then a full one), or a journal the next build finishes.

import (
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

	hugoversion "github.com/gohugoio/hugo/common/hugo"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
	"github.com/gongshi/gongshi/internal/store"
)

// sourceDirs are the project's folders Hugo reads (besides config.toml).
var sourceDirs = []string{"content", "layouts", "static", "assets", "i18n", "archetypes"}

// globalHash hashes everything every rendered page depends on besides its
// own unit's data: the executable (by its bytes' SHA-256: a rebuilt
// gongshi has new ones), Hugo's version, config.toml and the Hugo source
// folders (names and bytes), and the page-wide fields of the model. The
// pages of a unit read only these of site.json (a test holds the layouts
// to it: TestUnitLayoutsReadOnlyPageGlobals).
func globalHash(root, baseURL string, m *model.Model) (string, error) {
	h := sha256.New()
	// the base URL every page's absolute links name: serve's own address
	// differs from config.toml's
	fmt.Fprintf(h, "gongshi cache %d\nhugo %s\n%s\nbaseURL %s\n", publish.Version, hugoversion.CurrentVersion.String(), executable(), baseURL)
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

// executable identifies the running gongshi by the SHA-256 of its bytes
// (search.ProgramSum): the code that writes pages and the index is part
// of every cache key, and of a part's identity, which merge compares — the
// same binary copied to another machine, path or time is the same program.
func executable() string {
	if s := search.ProgramSum(); s != "" {
		return "exe " + s + "\n"
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

// keptSearchFiles are the previous site's search index files (kept when no
// document changed).
func keptSearchFiles(prevAll []string) []string {
	var out []string
	for _, f := range prevAll {
		for _, s := range searchIndexFiles {
			if f == "search/"+s || strings.HasPrefix(f, "search/"+s+"/") {
				out = append(out, f)
				break
			}
		}
	}
	return out
}
