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
// The manifest also lists, per display unit (d/UNIT/, see writeChunks),
// a key: the SHA-256 of everything the unit's display files are made of
// (unitKey: the unit's path, its documents' count and display data, the
// documents per file, exportVersion), and how many files it has. An
// in-place export whose unit has the key the manifest lists for the same
// path keeps the unit's files without encoding or hashing them, when
// each is in the manifest and, in the site, a regular file of the
// manifest's size (as above), and carries their sums over into the new
// manifest. That relies on nothing more than the above: the manifest
// describes the site (the meta.json check), so the unit's files in the
// site are the ones the export it describes made from the documents the
// key hashes; the same key (and the same program, identified by the
// header) gives the same bytes, under the same names (the key holds the
// path and the number of files). Any other case (another key, no entry,
// a file missing from the manifest or of another size or kind in the
// site) writes the unit as without a key: its files are encoded and go
// through the per-file comparison above.
//
// The manifest lists the same way, per term shard, a key (shardKey in
// postings.go: the hash of what the shard's files are made of) and its
// number of long postings apart: an in-place export keeps a shard whose
// key is the one listed (its file and long postings in the manifest and,
// in the site, regular files of the manifest's sizes) without reading
// its postings.
//
// Format: a header line, then one line per file: hex SHA-256, size, name
// (relative to the search folder, with /), sorted by name; then one line
// per display unit: "u", hex key, number of files, path, sorted by path;
// then one line per term shard: "s", hex key, number of long postings,
// the shard's file name, sorted by name.
// A manifest with another header (an older format among others) is
// ignored.
const sumsFile = "export.sums"

// sum is a file's size and SHA-256.
type sum struct {
	size int64
	hash [sha256.Size]byte
}

func sumOf(b []byte) sum { return sum{size: int64(len(b)), hash: sha256.Sum256(b)} }

// unitSum is a display unit's entry in the manifest: its key (unitKey)
// and its number of files.
type unitSum struct {
	key   [sha256.Size]byte
	files int
}

// sumsHeader identifies what the export's bytes depend on besides the
// documents.
func sumsHeader() string {
	id := sha256.Sum256([]byte(programIdentity()))
	return fmt.Sprintf("gongshi export sums 3 v%d shards %d chunk %d external %d program %x",
		exportVersion, shardBytes, docsPerFile, externalOver, id[:16])
}

// loadSums reads the manifest's files (see loadManifest).
func loadSums(cache, prev string) map[string]sum {
	sums, _, _ := loadManifest(cache, prev)
	return sums
}

// loadManifest reads the manifest in cache and returns its files, its
// display units (by path) and its term shards (by file name) when it
// describes the static index in prev (see above), else nil, nil, nil.
func loadManifest(cache, prev string) (map[string]sum, map[string]unitSum, map[string]unitSum) {
	if cache == "" || prev == "" {
		return nil, nil, nil
	}
	b, err := os.ReadFile(filepath.Join(cache, sumsFile))
	if err != nil {
		return nil, nil, nil
	}
	header, body, ok := bytes.Cut(b, []byte("\n"))
	if !ok || string(header) != sumsHeader() {
		return nil, nil, nil
	}
	sums := map[string]sum{}
	units := map[string]unitSum{}
	shards := map[string]unitSum{}
	for len(body) > 0 {
		var line []byte
		line, body, ok = bytes.Cut(body, []byte("\n"))
		if !ok {
			return nil, nil, nil // truncated
		}
		var into map[string]unitSum
		if u, unit := bytes.CutPrefix(line, []byte("u ")); unit {
			line, into = u, units
		} else if s, shard := bytes.CutPrefix(line, []byte("s ")); shard {
			line, into = s, shards
		}
		h, n, name, ok := manifestLine(line)
		if !ok {
			return nil, nil, nil
		}
		if into != nil {
			into[name] = unitSum{key: h, files: int(n)}
		} else {
			sums[name] = sum{size: n, hash: h}
		}
	}
	m, ok := sums["meta.json"]
	if !ok {
		return nil, nil, nil
	}
	cur, err := os.ReadFile(filepath.Join(prev, "meta.json"))
	if err != nil || sumOf(cur) != m {
		return nil, nil, nil
	}
	return sums, units, shards
}

// manifestLine splits a manifest line, "HEX-SHA256 NUMBER NAME" (a file:
// its hash, size and name; a unit, after "u ": its key, number of files
// and path).
func manifestLine(line []byte) (h [sha256.Size]byte, n int64, name string, ok bool) {
	f := strings.SplitN(string(line), " ", 3)
	if len(f) != 3 {
		return h, 0, "", false
	}
	b, err := hex.DecodeString(f[0])
	if err != nil || len(b) != sha256.Size {
		return h, 0, "", false
	}
	copy(h[:], b)
	if n, err = strconv.ParseInt(f[1], 10, 64); err != nil || n < 0 || n != int64(int(n)) {
		return h, 0, "", false
	}
	return h, n, f[2], true
}

// lineNames is the keys of m, sorted, each of which ends a line of the
// manifest: one holding a newline is refused (what names it).
func lineNames[V any](m map[string]V, what string) ([]string, error) {
	names := make([]string, 0, len(m))
	for n := range m {
		if strings.ContainsAny(n, "\n") {
			return nil, fmt.Errorf("search: %s %q", what, n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// saveSums writes a manifest of files without display units (see
// saveManifest).
func saveSums(cache string, sums map[string]sum) error { return saveManifest(cache, sums, nil, nil) }

// saveManifest writes the manifest of an export's files, display units
// and term shards into cache, under a temporary name renamed into place: a build killed
// before the rename leaves the previous manifest (which then describes
// the site or is ignored, see loadManifest).
func saveManifest(cache string, sums map[string]sum, units, shards map[string]unitSum) error {
	names, err := lineNames(sums, "file name")
	if err != nil {
		return err
	}
	paths, err := lineNames(units, "unit path")
	if err != nil {
		return err
	}
	shardNames, err := lineNames(shards, "shard")
	if err != nil {
		return err
	}
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
	for _, p := range paths {
		u := units[p]
		fmt.Fprintf(w, "u %x %d %s\n", u.key, u.files, p)
	}
	for _, n := range shardNames {
		s := shards[n]
		fmt.Fprintf(w, "s %x %d %s\n", s.key, s.files, n)
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
