package search

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The export's manifest (sumsFile in Options.Cache) lists every file of
// the static index the last successful export produced (written or kept),
// with its size and SHA-256. An export updating a site in place (see
// writer) compares a new file's size and hash with it instead of reading
// the previous site's file: on a large site that is 32,000 display files,
// 150 MB, opened and read for a handful of changed ones.
//
// What a kept file relies on:
//
//   - The manifest describes the previous site's static index only when
//     the site's meta.json is, byte for byte (size and SHA-256, read and
//     hashed each time: one file), the manifest's meta.json. meta.json
//     holds the build id, a hash of every document's content; the export
//     is a function of the documents and of the program (and the layout
//     constants), which the manifest's header identifies. So an export
//     whose output never reached the site (a build that failed or was
//     killed after the search stage) does not describe it: the site's
//     meta.json is another's, and the manifest is ignored.
//   - A file the manifest says is the same must also have, in the site,
//     the manifest's size (os.Lstat) and be a regular file; otherwise the
//     file is read and compared, as without a manifest.
//   - Beyond that, the site folder is taken to hold what the builds put
//     there: a file of the static index changed by hand, to the same size,
//     in a site whose meta.json was left alone, is not detected. That is
//     what an in-place site update assumes of every file it does not
//     stage (internal/site: inplace.go never reads the unchanged files;
//     the site's build state, without which there is no in-place build,
//     is dropped before a build replaces the site or when an update fails,
//     not when the site is edited by hand).
//
// A file the manifest says differs is written without reading the
// previous one: writing a file that turns out to be the same is only a
// cost (the site's update compares it again).
//
// Format: a header line, then one line per file: hex SHA-256, size, name
// (relative to the search folder, with /), sorted by name.
const sumsFile = "export.sums"

// sum is a file's size and SHA-256.
type sum struct {
	size int64
	hash [sha256.Size]byte
}

func sumOf(b []byte) sum { return sum{size: int64(len(b)), hash: sha256.Sum256(b)} }

// sumsHeader identifies what the export's bytes depend on besides the
// documents.
func sumsHeader() string {
	id := sha256.Sum256([]byte(programIdentity()))
	return fmt.Sprintf("gongshi export sums 1 v%d shards %d chunk %d external %d program %x",
		exportVersion, Shards, docsPerFile, externalOver, id[:16])
}

// loadSums reads the manifest in cache and returns it when it describes
// the static index in prev (see above), else nil.
func loadSums(cache, prev string) map[string]sum {
	if cache == "" || prev == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(cache, sumsFile))
	if err != nil {
		return nil
	}
	header, body, ok := bytes.Cut(b, []byte("\n"))
	if !ok || string(header) != sumsHeader() {
		return nil
	}
	sums := map[string]sum{}
	for len(body) > 0 {
		var line []byte
		line, body, ok = bytes.Cut(body, []byte("\n"))
		if !ok {
			return nil // truncated
		}
		f := strings.SplitN(string(line), " ", 3)
		if len(f) != 3 {
			return nil
		}
		var s sum
		h, err := hex.DecodeString(f[0])
		if err != nil || len(h) != sha256.Size {
			return nil
		}
		copy(s.hash[:], h)
		if s.size, err = strconv.ParseInt(f[1], 10, 64); err != nil || s.size < 0 {
			return nil
		}
		sums[f[2]] = s
	}
	m, ok := sums["meta.json"]
	if !ok {
		return nil
	}
	cur, err := os.ReadFile(filepath.Join(prev, "meta.json"))
	if err != nil || sumOf(cur) != m {
		return nil
	}
	return sums
}

// saveSums writes the manifest of an export's files into cache, under a
// temporary name renamed into place: a build killed before the rename
// leaves the previous manifest (which then describes the site or is
// ignored, see loadSums).
func saveSums(cache string, sums map[string]sum) error {
	names := make([]string, 0, len(sums))
	for n := range sums {
		if strings.ContainsAny(n, "\n") {
			return fmt.Errorf("search: file name %q", n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(cache, "."+sumsFile+".tmp") // one build at a time uses the cache
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintf(w, "%s\n", sumsHeader())
	for _, n := range names {
		s := sums[n]
		fmt.Fprintf(w, "%x %d %s\n", s.hash, s.size, n)
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(cache, sumsFile))
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
