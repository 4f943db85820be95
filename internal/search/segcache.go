package search

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	zap "github.com/blevesearch/zapx/v17"
)

// The Bleve index is built the same way with a cache or without, so that
// both give the same bytes:
//
//   - units: the documents of one inspected unit (the same
//     Notice.UnitPath; the corpus sorts notices by it, so a unit's
//     documents are contiguous), at most tuning.segmentDocs at a time;
//   - groups: consecutive units of one county, as many as fit in
//     tuning.groupDocs documents (about eight townships of the corpora
//     measured: a changed notice re-analyses its group, not its county),
//     analysed into one zap segment. The groups' segments, in document
//     order, are the index's segments (scorch numbers documents across
//     them in that order); with tuning.mergeGroups
//     they are merged into one.
//
// Which documents make a unit or a group depends on those documents and
// the county's units before them alone, never on another county's, so a
// cache can key each group's segment by a hash of what it is built from:
// its units' keys, a unit's by its documents' ids, texts and keyword
// values (everything buildSegment reads, the due dates and overdue flags
// included), the mapping, the build time and the program (segKeyPrefix).
// After one notice changed, a build analyses the documents of that
// notice's county again; every other segment is taken from the cache.
// (The round before built each unit's segment and merged a county's: the
// merges cost a full build more than analysing each county at once, 50 of
// its 283 CPU-seconds at 1,000 townships, for an incremental build that
// saved a second.)
//
// The cache folder holds segments/g-<key>.zap. An entry is written under a
// temporary name and renamed, and it is used only when its checksum, zap
// version and document count are right; otherwise it is rebuilt. A build
// removes the entries (and stray temporary files) that it did not
// reference.

// segCacheVersion changes when what a cache entry holds changes.
const segCacheVersion = 2

// indexStats describes a Bleve index build.
type indexStats struct {
	Units, Groups             int           // units, and groups (segments)
	BuiltUnits, MergedGroups  int           // the units analysed, the groups built (not taken from the cache)
	Segments                  time.Duration // the groups' segments (with the cache's checks)
	Merge                     time.Duration // putting the groups into the index (merged with tuning.mergeGroups)
	Postings                  time.Duration // the groups' postings files (postings.go)
	UnitsReused, GroupsReused int
}

// span is a range of documents [lo, hi) and the hash that keys its
// segment.
type span struct {
	lo, hi int
	key    string
	units  []int  // a group's units
	path   string // its segment file
}

type segCache struct {
	dir    string // the cache's segments folder, or ""
	tmp    string // the index's temporary folder
	prefix []byte
	mu     sync.Mutex
	keep   map[string]bool // file names of the entries this build references
	// verified are the entries whose checksum was verified, as their
	// files were then (see verifiedFile), by file name.
	verified map[string]fileID
	tune     tuning
}

// verifiedFile (in the cache folder, beside segments/) lists the entries
// whose checksum a build verified, with what identified each file then:
// size, modification and change times, inode and device. An entry whose
// file still has them is not read and checksummed again (20 groups of
// 20 MB on a large corpus, on every build): only its footer is read, for
// its version and document count. Any write to the file, a truncation, a
// rename onto it, a copy of the folder changes one of them (the change
// time, which a program cannot set back, changes with every write; a file
// changed less than tuning.racyWindow before it was verified is not recorded,
// since a second write within the clock's granularity could keep its
// times). What is not detected: a change to the bytes that the file system
// does not see as a write (the disk's or the block device's), or a file
// system that does not keep change times and inodes (then every entry is
// read in full: fileIDOf fails off Linux).
const verifiedFile = "segments.verified"

// fileID identifies a file's version (see verifiedFile).
type fileID struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
}

// segChecks counts the entries read and checksummed in full (for the
// tests).
var segChecks atomic.Int64

func openSegCache(cache, tmp string, mappingJSON []byte, when time.Time, tune tuning) (*segCache, error) {
	sc := &segCache{tmp: tmp, keep: map[string]bool{}, verified: map[string]fileID{}, tune: tune}
	sc.prefix = segKeyPrefix(mappingJSON, when)
	if cache != "" {
		sc.dir = filepath.Join(cache, "segments")
		if err := os.MkdirAll(sc.dir, 0o755); err != nil {
			return nil, err
		}
		if b, err := os.ReadFile(filepath.Join(cache, verifiedFile)); err == nil {
			var v map[string]fileID
			if json.Unmarshal(b, &v) == nil && v != nil {
				sc.verified = v
			}
		}
	}
	return sc, nil
}

// saveVerified writes the verified entries the build referenced.
func (sc *segCache) saveVerified() error {
	if sc.dir == "" {
		return nil
	}
	return writeVerified(filepath.Dir(sc.dir), verifiedFile, sc.verified, sc.keep)
}

// writeVerified writes, as the file name in the cache folder, the entries
// of verified that this build kept (their file identities: an entry whose
// file is the same need not be read and checked again), replacing it whole.
func writeVerified(cache, name string, verified map[string]fileID, keep map[string]bool) error {
	v := map[string]fileID{}
	for n, id := range verified {
		if keep[n] {
			v[n] = id
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	tmp := filepath.Join(cache, "."+name+".tmp")
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(cache, name))
}

// segKeyPrefix is what every segment's key starts with: the format, the
// program, the mapping and the build time.
func segKeyPrefix(mappingJSON []byte, when time.Time) []byte {
	h := sha256.New()
	fmt.Fprintf(h, "gongshi search segment %d zap %d\n%s", segCacheVersion, zap.Version, programIdentity())
	fmt.Fprintf(h, "%s\n%d\n%d\n", mappingJSON, when.Unix(), when.Nanosecond())
	return h.Sum(nil)
}

// programIdentity identifies the running program: its executable's bytes
// (ProgramSum: a rebuilt binary has new ones, a copy elsewhere the same)
// and its version control revision when it has one.
func programIdentity() string {
	var b strings.Builder
	fmt.Fprintf(&b, "exe %s\n", ProgramSum())
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "%s %s\n", bi.Main.Path, bi.Main.Version)
		for _, s := range bi.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				fmt.Fprintf(&b, "%s=%s\n", s.Key, s.Value)
			}
		}
		for _, d := range bi.Deps {
			if strings.HasPrefix(d.Path, "github.com/blevesearch/") {
				fmt.Fprintf(&b, "%s %s\n", d.Path, d.Version)
			}
		}
	}
	return b.String()
}

// unitSpans splits docs into units: runs of documents of the same unit,
// at most n long.
func unitSpans(docs []Doc, n int) []span {
	var out []span
	for lo := 0; lo < len(docs); {
		u := docs[lo].Notice.UnitPath()
		hi := lo + 1
		for hi < len(docs) && hi-lo < n && docs[hi].Notice.UnitPath() == u {
			hi++
		}
		out = append(out, span{lo: lo, hi: hi})
		lo = hi
	}
	return out
}

// countyPath is the slug path of the county a document's notice sits in.
func countyPath(d *Doc) string {
	r := d.Notice.Region
	r.Township, r.TownshipSlug = "", ""
	return r.Path()
}

// groupSpans groups consecutive units of the same county, at most max
// documents a group (a unit longer than that is a group of its own).
func groupSpans(docs []Doc, units []span, max int) []span {
	var out []span
	for i := 0; i < len(units); {
		c := countyPath(&docs[units[i].lo])
		j := i + 1
		for j < len(units) && units[j].hi-units[i].lo <= max && countyPath(&docs[units[j].lo]) == c {
			j++
		}
		g := span{lo: units[i].lo, hi: units[j-1].hi}
		for k := i; k < j; k++ {
			g.units = append(g.units, k)
		}
		out = append(out, g)
		i = j
	}
	return out
}

// unitKey hashes what buildSegment makes of the unit's documents.
func (sc *segCache) unitKey(docs []Doc) string {
	h := sha256.New()
	h.Write([]byte("unit\n"))
	h.Write(sc.prefix)
	// Each field as its length then its bytes, through one reused buffer
	// (a string written to the hash directly is copied afresh each time).
	var buf []byte
	putField := func(s string) {
		buf = binary.AppendUvarint(buf[:0], uint64(len(s)))
		buf = append(buf, s...)
		h.Write(buf)
	}
	var k noticeKeywords
	for i := range docs {
		d := &docs[i]
		putField(d.ID)
		putField(d.Text)
		for _, kv := range d.keywordsWith(&k) {
			putField(kv[0])
			putField(kv[1])
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (sc *segCache) groupKey(units []span, g span) string {
	h := sha256.New()
	h.Write([]byte("group\n"))
	h.Write(sc.prefix)
	for _, u := range g.units {
		fmt.Fprintf(h, "%s\n", units[u].key)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// entry is the file name of a cache entry.
func entry(kind, key string) string { return kind + "-" + key + ".zap" }

// lookup is the path of the valid cache entry, or "".
func (sc *segCache) lookup(kind, key string, ndocs int) string {
	if sc.dir == "" {
		return ""
	}
	name := entry(kind, key)
	sc.mu.Lock()
	sc.keep[name] = true
	sc.mu.Unlock()
	p := filepath.Join(sc.dir, name)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return ""
	}
	id, idOK := fileIDOf(info)
	sc.mu.Lock()
	was, ok := sc.verified[name]
	sc.mu.Unlock()
	if idOK && ok && was == id {
		if checkFooter(p, ndocs) != nil {
			return ""
		}
		return p
	}
	start := time.Now()
	if checkSegment(p, ndocs) != nil {
		return ""
	}
	// Recorded as it was before it was read: a change since makes it
	// another.
	if idOK && start.Sub(time.Unix(0, max(id.Mtime, id.Ctime))) >= sc.tune.racyWindow {
		sc.mu.Lock()
		sc.verified[name] = id
		sc.mu.Unlock()
	}
	return p
}

// keepEntry marks an entry as referenced without reading it.
func (sc *segCache) keepEntry(kind, key string) {
	if sc.dir != "" {
		sc.mu.Lock()
		sc.keep[entry(kind, key)] = true
		sc.mu.Unlock()
	}
}

// checkSegment verifies a zap file: its CRC-32, its version and its number
// of documents.
func checkSegment(path string, ndocs int) error {
	segChecks.Add(1)
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if len(b) < zapFooter {
		return fmt.Errorf("%s: too short for a zap segment", path)
	}
	if crc32.ChecksumIEEE(b[:len(b)-4]) != binary.BigEndian.Uint32(b[len(b)-4:]) {
		return fmt.Errorf("%s: bad checksum", path)
	}
	return checkTail(path, b[len(b)-zapFooter:], ndocs)
}

// zapFooter is the length of a zap segment's footer.
const zapFooter = 4 + 4 + 4 + 8 + 8 + 8 + 4

// checkTail checks a zap footer's version and number of documents.
func checkTail(path string, tail []byte, ndocs int) error {
	if v := binary.BigEndian.Uint32(tail[len(tail)-8:]); v != zap.Version {
		return fmt.Errorf("%s: zap version %d", path, v)
	}
	if n := binary.BigEndian.Uint64(tail[len(tail)-36:]); n != uint64(ndocs) {
		return fmt.Errorf("%s: %d documents, not %d", path, n, ndocs)
	}
	return nil
}

// checkFooter is checkSegment without the checksum, for a file verified
// before (see verifiedFile): it reads the footer alone.
func checkFooter(path string, ndocs int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() < zapFooter {
		return fmt.Errorf("%s: too short for a zap segment", path)
	}
	tail := make([]byte, zapFooter)
	if _, err := f.ReadAt(tail, info.Size()-zapFooter); err != nil {
		return err
	}
	return checkTail(path, tail, ndocs)
}

// write makes a segment with make(path), canonical, and puts it in the
// cache under kind and key, or in the temporary folder under name when
// there is no cache. It returns the segment's path.
func (sc *segCache) write(kind, key, name string, make func(path string) error) (string, error) {
	if sc.dir == "" {
		p := filepath.Join(sc.tmp, name)
		if err := make(p); err != nil {
			return "", err
		}
		return p, canonicalSegment(p)
	}
	var r [8]byte
	_, _ = rand.Read(r[:])
	tmp := filepath.Join(sc.dir, ".tmp-"+hex.EncodeToString(r[:])+"-"+entry(kind, key))
	err := make(tmp)
	if err == nil {
		err = canonicalSegment(tmp)
	}
	if err == nil {
		p := filepath.Join(sc.dir, entry(kind, key))
		if err = os.Rename(tmp, p); err == nil {
			sc.keepEntry(kind, key)
			return p, nil
		}
	}
	_ = os.Remove(tmp)
	return "", err
}

// parallel runs f(i) for i in [0, n) on GOMAXPROCS goroutines and returns
// the first error.
func parallel(ctx context.Context, n int, f func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(n, runtime.GOMAXPROCS(0)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f(i)
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// build makes the groups' segments, from the cache where it can, and
// returns the groups, with their segments' paths, in document order.
func (sc *segCache) build(ctx context.Context, m *mapping.IndexMappingImpl, docs []Doc, st *indexStats) ([]span, error) {
	units := unitSpans(docs, sc.tune.segmentDocs)
	groups := groupSpans(docs, units, sc.tune.groupDocs)
	st.Units, st.Groups = len(units), len(groups)
	t0 := time.Now()
	if err := parallel(ctx, len(units), func(i int) error {
		units[i].key = sc.unitKey(docs[units[i].lo:units[i].hi])
		return nil
	}); err != nil {
		return nil, err
	}
	t1 := time.Now()
	if err := parallel(ctx, len(groups), func(i int) error {
		g := &groups[i]
		g.key = sc.groupKey(units, *g)
		g.path = sc.lookup("g", g.key, g.hi-g.lo)
		return nil
	}); err != nil {
		return nil, err
	}
	if debugTimes {
		fmt.Fprintf(os.Stderr, "search: units' keys (%s), groups' cache entries (%s)\n",
			t1.Sub(t0).Round(time.Millisecond), time.Since(t1).Round(time.Millisecond))
	}
	var missing []int
	for i := range groups {
		if groups[i].path == "" {
			missing = append(missing, i)
			st.BuiltUnits += len(groups[i].units)
		} else {
			st.GroupsReused++
		}
	}
	// The others, largest first (they end together on the cores).
	sort.SliceStable(missing, func(a, b int) bool {
		ga, gb := &groups[missing[a]], &groups[missing[b]]
		return ga.hi-ga.lo > gb.hi-gb.lo
	})
	if err := parallel(ctx, len(missing), func(k int) error {
		g := &groups[missing[k]]
		var err error
		g.path, err = sc.write("g", g.key, fmt.Sprintf("g%06d.zap", missing[k]), func(p string) error {
			return buildSegment(m, docs[g.lo:g.hi], p)
		})
		return err
	}); err != nil {
		return nil, err
	}
	st.MergedGroups = len(missing)
	return groups, nil
}

// prune removes the cache's entries that the build did not reference.
func (sc *segCache) prune() error {
	if sc.dir == "" {
		return nil
	}
	return pruneDir(sc.dir, sc.keep)
}

// pruneDir removes the entries of dir whose names are not in keep.
func pruneDir(dir string, keep map[string]bool) error {
	es, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range es {
		if !keep[e.Name()] {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
