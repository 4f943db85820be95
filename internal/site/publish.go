package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// publishedCorpus is the one place where the data becomes what the site
// publishes: every notice is replaced by its masked copy (notice.Masked:
// [[redact]] texts masked, a withdrawn notice reduced to what names it)
// before anything — model, pages, feeds, downloads, search index, the
// published data file and original — derives from it. dataPaths maps each
// masked copy to its data file.
//
// Where the data files are in a git work tree and fromGit is set
// (config.toml's params.revisions_from_git, default true), each masked
// copy's Revisions also list the commits of its data file (see gitHistory).
func publishedCorpus(files []*store.File, fromGit bool) (*notice.Corpus, map[*notice.Notice]string) {
	paths := make(map[*notice.Notice]string, len(files))
	ns := make([]*notice.Notice, len(files))
	hist := make([][]notice.Revision, len(files))
	if fromGit {
		hist = gitHistories(files)
	}
	for i, f := range files {
		if n := f.Notice; len(n.Redact) == 0 && !n.IsWithdrawn() {
			// Nothing to mask: Masked would copy every value as it is
			// (~1 s for 2,000 notices). The checked notice is not used
			// after this and neither is ever changed, so a shallow copy
			// serves.
			cp := *n
			cp.Redact = nil
			ns[i] = &cp
		} else {
			ns[i] = n.Masked()
		}
		paths[ns[i]] = f.Path
		if h := hist[i]; len(h) > 0 {
			for j := range h {
				h[j].Change = notice.MaskText(h[j].Change, f.Notice.Redact)
			}
			rs := append(append([]notice.Revision{}, ns[i].Revisions...), h...)
			sort.SliceStable(rs, func(a, b int) bool { return rs[a].Date < rs[b].Date })
			ns[i].Revisions = rs
		}
	}
	return notice.NewCorpus(ns), paths
}

// gitHistories is the git history of each file (see gitHistory), or nil
// for all when git is not installed or the files are not in a git work
// tree (checked once, at the folder the files share), or
// GONGSHI_GIT_HISTORY=off.
func gitHistories(files []*store.File) [][]notice.Revision {
	out := make([][]notice.Revision, len(files))
	if len(files) == 0 || os.Getenv("GONGSHI_GIT_HISTORY") == "off" {
		return out
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return out
	}
	common := filepath.Dir(files[0].Path)
	for _, f := range files[1:] {
		for !within(common, f.Path) {
			common = filepath.Dir(common)
		}
	}
	if b, err := gitCmd(git, common, "rev-parse", "--is-inside-work-tree").Output(); err != nil || strings.TrimSpace(string(b)) != "true" {
		return out
	}
	// Only files git tracks have a history.
	b, err := gitCmd(git, common, "ls-files", "-z", "--full-name", "--", ".").Output()
	if err != nil {
		return out
	}
	top, err := gitCmd(git, common, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return out
	}
	tracked := map[string]bool{}
	for _, p := range strings.Split(string(b), "\x00") {
		if p != "" {
			tracked[filepath.Join(strings.TrimSpace(string(top)), filepath.FromSlash(p))] = true
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, f := range files {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		if !tracked[abs] {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = gitHistory(git, abs)
		}()
	}
	wg.Wait()
	return out
}

func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// gitCmd is git run in dir, reading no configuration but the
// repository's own (so the history reads the same on every machine).
func gitCmd(git, dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(git, append([]string{"-C", dir, "-c", "log.showSignature=false", "-c", "core.quotePath=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull, "LC_ALL=C", "GIT_PAGER=cat")
	return cmd
}

// gitHistory is the commits of the data file at path, oldest first, as
// revisions: the commit date (%cs), the subject as Change (masked by the
// caller), the commit's hash. It follows renames (git log --follow). The
// same history gives the same revisions, so builds stay reproducible; an
// error gives none.
func gitHistory(git, path string) []notice.Revision {
	b, err := gitCmd(git, filepath.Dir(path), "log", "--follow", "--no-merges", "--format=%H%x00%cs%x00%s", "--", filepath.Base(path)).Output()
	if err != nil {
		return nil
	}
	var rs []notice.Revision
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		f := strings.SplitN(line, "\x00", 3)
		if len(f) != 3 {
			continue
		}
		rs = append(rs, notice.Revision{Date: notice.Date(f[1]), Change: strings.TrimSpace(f[2]), Commit: f[0]})
	}
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return rs
}

// publishMasked writes src to the site URL u under out with n's redactions
// masked (a text not in UTF-8 is written as UTF-8 first), refuses when a
// masked text could still be read in it (split by a line break, an HTML
// tag or entity), and sums what it wrote.
func publishMasked(out, src, u string, n *notice.Notice) (*ManifestFile, error) {
	rs := n.Redacted()
	if len(rs) == 0 {
		return publishFile(out, src, u)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	b = n.MaskSource(toUTF8(b))
	if left := readable(b, rs); left != "" {
		return nil, fmt.Errorf("%s: the masked text %q can still be read in it (split across lines or HTML tags): mask it in the file too, or add a [[redact]] for each part", src, left)
	}
	dst := filepath.Join(out, filepath.FromSlash(u))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		return nil, err
	}
	h := sha256.Sum256(b)
	return &ManifestFile{URL: u, SHA256: hex.EncodeToString(h[:]), Bytes: int64(len(b))}, nil
}

// toUTF8 decodes UTF-16 with a BOM and GB18030 to UTF-8 (as the importer
// reads them); UTF-8 is returned as it is.
func toUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		if d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b); err == nil {
			return d
		}
	}
	if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
		return d
	}
	return b
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// readable is a redacted text that can still be read in b once tags,
// entities and white space are taken out, or "".
func readable(b []byte, rs []notice.Redaction) string {
	s := html.UnescapeString(tagRE.ReplaceAllString(string(b), ""))
	s = strings.Join(strings.Fields(s), "")
	for _, r := range rs {
		if t := strings.Join(strings.Fields(r.Text), ""); t != "" && strings.Contains(s, t) {
			return r.Text
		}
	}
	return ""
}
