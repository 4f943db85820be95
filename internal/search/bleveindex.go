package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// IndexDir is the Bleve index's folder under the site's search folder.
const IndexDir = "bleve"

// tuning is how the Bleve index is built: defaultTuning, or in tests
// Options.tune.
type tuning struct {
	// segmentDocs is how many documents of one unit make one unit, at
	// most; groupDocs how many documents of one county's consecutive units
	// go into one zap segment, at most (see segcache.go): small enough
	// that an incremental build re-analyses a few units, not a county
	// (16,384, a county, made the incremental build at 100 townships
	// about 2× slower than 1,024, measured 2026-12-03).
	segmentDocs, groupDocs int
	// mergeGroups merges the groups' segments (see segcache.go) into the
	// index's one segment; else they are the index's segments, one per
	// county. Off: the final merge of 126k documents took longer than the
	// rest of an incremental build, and queries are as fast on 20 segments
	// (see BenchmarkIncrementalBuild).
	mergeGroups bool
	// racyWindow: see verifiedFile.
	racyWindow time.Duration
}

func defaultTuning() tuning {
	return tuning{segmentDocs: 4096, groupDocs: 1024, mergeGroups: false, racyWindow: 2 * time.Second}
}

var zapPlugin = &zap.ZapPlugin{}

var debugTimes = os.Getenv("GONGSHI_SEARCH_TIMES") != ""

// buildIndex writes a Bleve index (scorch, one zap segment per county, see
// segcache.go) of docs into dir, which must not exist, reusing and
// refilling the segment cache in cache ("": none), and has post (nil:
// none) find or make the groups' postings files from their segments.
//
// It does what Bleve's offline builder (bleve.NewBuilder) does, with two
// differences that matter here: documents are analysed in parallel, and
// they keep their order (the builder batches them in a map, so document
// numbers — which break ties between equal scores — would come out in a
// random order, and two builds of the same data would differ). The result
// is byte-for-byte the same for the same documents, with or without a
// cache, and Bleve opens it like any index it wrote itself.
func buildIndex(ctx context.Context, docs []Doc, dir, cache string, when time.Time, tune tuning, post *postStore) (indexStats, error) {
	var st indexStats
	m := NewMapping()
	mappingJSON, err := util.MarshalJSON(m)
	if err != nil {
		return st, err
	}
	store := filepath.Join(dir, "store")
	tmp := filepath.Join(dir, "tmp")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return st, err
	}
	if err := os.MkdirAll(store, 0o755); err != nil {
		return st, err
	}

	t0 := time.Now()
	sc, err := openSegCache(cache, tmp, mappingJSON, when, tune)
	if err != nil {
		return st, err
	}
	groups, err := sc.build(ctx, m, docs, &st)
	if err != nil {
		return st, err
	}
	paths := make([]string, len(groups))
	for i := range groups {
		paths[i] = groups[i].path
	}
	st.Segments = time.Since(t0)
	if post != nil {
		t1 := time.Now()
		if err := post.fill(ctx, groups); err != nil {
			return st, err
		}
		st.Postings = time.Since(t1)
		if debugTimes {
			fmt.Fprintf(os.Stderr, "search: the groups' postings (%s)\n", st.Postings.Round(time.Millisecond))
		}
	}
	if debugTimes {
		fmt.Fprintf(os.Stderr, "search: %d groups, %d units analysed, %d groups built (%s)\n",
			st.Groups, st.BuiltUnits, st.MergedGroups, st.Segments.Round(time.Millisecond))
	}
	t0 = time.Now()
	var segFiles []string
	if len(paths) == 0 {
		final := filepath.Join(store, zapFileName(1))
		seg, _, err := zapPlugin.New(nil)
		if err != nil {
			return st, err
		}
		if err := seg.(segment.UnpersistedSegment).Persist(final); err != nil {
			return st, err
		}
		_ = seg.Close()
		if err := canonicalSegment(final); err != nil {
			return st, err
		}
		segFiles = append(segFiles, filepath.Base(final))
	} else if tune.mergeGroups {
		final := filepath.Join(store, zapFileName(1))
		if err := mergeSegments(paths, final); err != nil {
			return st, err
		}
		if err := canonicalSegment(final); err != nil {
			return st, err
		}
		segFiles = append(segFiles, filepath.Base(final))
	} else {
		// The groups' segments, in document order, are the index's.
		for i, p := range paths {
			name := zapFileName(uint64(i + 1))
			if err := placeSegment(p, filepath.Join(store, name), tmp); err != nil {
				return st, err
			}
			segFiles = append(segFiles, name)
		}
	}
	st.Merge = time.Since(t0)
	if debugTimes {
		fmt.Fprintf(os.Stderr, "search: %d segments in the index (%s)\n", len(segFiles), st.Merge.Round(time.Millisecond))
	}
	if err := os.RemoveAll(tmp); err != nil {
		return st, err
	}
	if err := sc.prune(); err != nil {
		return st, err
	}
	if err := sc.saveVerified(); err != nil {
		return st, err
	}
	if err := writeRootBolt(store, mappingJSON, segFiles, when); err != nil {
		return st, err
	}
	meta := []byte(`{"storage":"scorch","index_type":"scorch"}`)
	return st, os.WriteFile(filepath.Join(dir, "index_meta.json"), meta, 0o644)
}

// buildSegment analyses docs and writes them as one zap segment.
func buildSegment(m *mapping.IndexMappingImpl, docs []Doc, path string) error {
	text := m.DefaultMapping.Properties[FieldText].Fields[0]
	kwOpts := m.DefaultMapping.Properties[FieldKind].Fields[0].Options()
	kwAnalyzer := m.AnalyzerNamed(keywordAnalyzer)
	out := make([]index.Document, len(docs))
	// Each document is analysed on its own, on the cores (an incremental
	// build analyses one county: one segment, which zap then writes on one).
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(docs)+255)/256) {
		wg.Go(func() {
			for {
				lo := int(next.Add(256)) - 256
				if lo >= len(docs) {
					return
				}
				for i := lo; i < min(lo+256, len(docs)); i++ {
					d := &docs[i]
					doc := document.NewDocument(d.ID)
					doc.AddField(newTextField(FieldText, d.Text, text.Options()))
					for _, kv := range d.keywords() {
						if kv[1] != "" {
							doc.AddField(document.NewTextFieldCustom(kv[0], nil, []byte(kv[1]), kwOpts, kwAnalyzer))
						}
					}
					doc.SetIndexed()
					doc.AddIDField()
					doc.VisitFields(func(f index.Field) {
						if f.Options().IsIndexed() {
							f.Analyze()
						}
					})
					out[i] = doc
				}
			}
		})
	}
	wg.Wait()
	seg, _, err := zapPlugin.New(out)
	if err != nil {
		return fmt.Errorf("search: building a segment: %w", err)
	}
	defer seg.Close()
	return seg.(segment.UnpersistedSegment).Persist(path)
}

const keywordAnalyzer = keyword.Name

// keywords are the document's keyword field values, in KeywordFields order.
func (d *Doc) keywords() [][2]string {
	var k noticeKeywords
	kw := d.keywordsWith(&k)
	return kw[:]
}

// noticeKeywords are the keyword values a document takes from its notice
// (see keywordsWith), computed once for consecutive documents of one
// notice.
type noticeKeywords struct {
	n                                                                  *notice.Notice
	province, city, county, township, place, year, key, unit, unitKind string
}

// keywordsWith is keywords, with k holding the values of the last notice
// asked for.
func (d *Doc) keywordsWith(k *noticeKeywords) [14][2]string {
	if n := d.Notice; k.n != n {
		r := n.Region
		*k = noticeKeywords{n: n, province: r.Province, city: r.City, county: r.County, township: r.Township,
			place: r.Path(), year: d.Year(), key: noticeKey(n), unit: n.UnitPath(), unitKind: string(n.Subject().Kind)}
	}
	return [14][2]string{
		{FieldProvince, k.province}, {FieldCity, k.city}, {FieldCounty, k.county},
		{FieldTownship, k.township}, {FieldPlace, k.place},
		{FieldStatus, string(d.Status)}, {FieldCategory, d.Category},
		{FieldYear, k.year}, {FieldNotice, k.key}, {FieldKind, d.Kind},
		{FieldUnit, k.unit}, {FieldUnitKind, k.unitKind},
		{FieldOverdue, d.overdueValue()}, {FieldDeadline, d.DeadlineYear()},
	}
}

func mergeSegments(paths []string, out string) error {
	segs := make([]segment.Segment, 0, len(paths))
	defer func() {
		for _, s := range segs {
			_ = s.Close()
		}
	}()
	for _, p := range paths {
		s, err := zapPlugin.Open(p)
		if err != nil {
			return err
		}
		segs = append(segs, s)
	}
	drops := make([]*roaring.Bitmap, len(segs))
	if _, _, err := zapPlugin.Merge(segs, drops, out, nil, nil); err != nil {
		return fmt.Errorf("search: merging segments: %w", err)
	}
	return nil
}

// placeSegment puts the segment at src into the index at dst: moved when
// it is a temporary file under tmp, else (a cache entry) copied.
func placeSegment(src, dst, tmp string) error {
	if rel, err := filepath.Rel(tmp, src); err == nil && filepath.IsLocal(rel) {
		return os.Rename(src, dst)
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func zapFileName(id uint64) string { return fmt.Sprintf("%012x.zap", id) }

// writeRootBolt writes scorch's root.bolt for one snapshot of the given
// segments, as scorch's persister (prepareBoltSnapshot) writes it, with a
// fixed time stamp so that the file is reproducible.
func writeRootBolt(store string, mappingJSON []byte, segFiles []string, when time.Time) error {
	db, err := util.OpenBolt(filepath.Join(store, "root.bolt"), 0o600, nil)
	if err != nil {
		return err
	}
	tx, err := db.Begin(true)
	if err != nil {
		_ = db.Close()
		return err
	}
	w, err := util.NewFileWriter([]byte(filepath.Join(store, "root.bolt")))
	if err != nil {
		_ = db.Close()
		return err
	}
	err = func() error {
		snaps, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
		if err != nil {
			return err
		}
		epoch := uint64(len(segFiles) + 1)
		snap, err := snaps.CreateBucketIfNotExists(uvarintAscending(epoch))
		if err != nil {
			return err
		}
		meta, err := snap.CreateBucketIfNotExists(util.BoltMetaDataKey)
		if err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataSegmentTypeKey, []byte(zapPlugin.Type()), w); err != nil {
			return err
		}
		ver := make([]byte, binary.MaxVarintLen32)
		binary.BigEndian.PutUint32(ver, zapPlugin.Version())
		if err := meta.Put(util.BoltMetaDataSegmentVersionKey, ver, w); err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataFileWriterIDKey, []byte(w.Id()), w); err != nil {
			return err
		}
		ts, err := when.UTC().MarshalText()
		if err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataTimeStamp, ts, w); err != nil {
			return err
		}
		internal, err := snap.CreateBucketIfNotExists(util.BoltInternalKey)
		if err != nil {
			return err
		}
		if err := internal.Put(util.MappingInternalKey, mappingJSON, w); err != nil {
			return err
		}
		for i, f := range segFiles {
			b, err := snap.CreateBucketIfNotExists(uvarintAscending(uint64(i + 1)))
			if err != nil {
				return err
			}
			if err := b.Put(util.BoltPathKey, []byte(f), w); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		_ = tx.Rollback()
		_ = db.Close()
		return err
	}
	if err := tx.Commit(); err != nil {
		_ = db.Close()
		return err
	}
	return db.Close()
}

// uvarintAscending is scorch's order-preserving encoding of bucket keys
// (encodeUvarintAscending), for the small values used here.
func uvarintAscending(v uint64) []byte {
	const intZero, intSmall, intMax = 136, 109, 0xfd
	switch {
	case v <= intSmall:
		return []byte{intZero + byte(v)}
	case v <= 0xff:
		return []byte{intMax - 7, byte(v)}
	case v <= 0xffff:
		return []byte{intMax - 6, byte(v >> 8), byte(v)}
	}
	b := make([]byte, 9)
	b[0] = intMax
	binary.BigEndian.PutUint64(b[1:], v)
	return b
}

// noticeKey is the facet value of a notice: its permalink.
func noticeKey(n *notice.Notice) string { return permalink.Notice(n) }

// canonicalSegment makes a zap v17 file reproducible. zap writes, for each
// field, the (section type, address) pairs of its sections in the order of a
// Go map, so two writes of the same documents differ in those bytes (and in
// the checksum). The pairs have a fixed size and readers look sections up by
// type, so sorting them by type in place changes nothing else; the CRC-32 at
// the end is then recomputed.
func canonicalSegment(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	// Footer, from the end: crc u32, version u32, chunk mode u32, sections
	// index offset u64, stored index offset u64, doc count u64, writer id
	// length u32 (preceded by the id).
	const tail = 4 + 4 + 4 + 8 + 8 + 8 + 4
	if len(b) < tail {
		return fmt.Errorf("%s: too short for a zap segment", path)
	}
	if got, want := crc32.ChecksumIEEE(b[:len(b)-4]), binary.BigEndian.Uint32(b[len(b)-4:]); got != want {
		return fmt.Errorf("%s: zap checksum %08x, computed %08x", path, want, got)
	}
	if v := binary.BigEndian.Uint32(b[len(b)-8:]); v != zap.Version {
		return fmt.Errorf("%s: zap version %d, want %d", path, v, zap.Version)
	}
	sections := binary.BigEndian.Uint64(b[len(b)-20:])
	bad := fmt.Errorf("%s: unexpected zap fields index", path)
	if sections >= uint64(len(b)) {
		return bad
	}
	nfields, n := binary.Uvarint(b[sections:])
	if n <= 0 || sections+uint64(n)+8*nfields > uint64(len(b)) {
		return bad
	}
	idx := b[sections+uint64(n):]
	for f := uint64(0); f < nfields; f++ {
		off := binary.BigEndian.Uint64(idx[8*f:])
		if off >= uint64(len(b)) {
			return bad
		}
		p := off
		nameLen, n := binary.Uvarint(b[p:])
		if n <= 0 {
			return bad
		}
		p += uint64(n) + nameLen
		if _, n = binary.Uvarint(b[p:]); n <= 0 { // options
			return bad
		}
		p += uint64(n)
		nsec, n := binary.Uvarint(b[p:])
		if n <= 0 || p+uint64(n)+10*nsec > uint64(len(b)) {
			return bad
		}
		p += uint64(n)
		pairs := b[p : p+10*nsec]
		sorted := make([][10]byte, nsec)
		for i := range sorted {
			copy(sorted[i][:], pairs[10*i:])
		}
		sort.Slice(sorted, func(i, j int) bool {
			return binary.BigEndian.Uint16(sorted[i][:]) < binary.BigEndian.Uint16(sorted[j][:])
		})
		for i := range sorted {
			copy(pairs[10*i:], sorted[i][:])
		}
	}
	binary.BigEndian.PutUint32(b[len(b)-4:], crc32.ChecksumIEEE(b[:len(b)-4]))
	return os.WriteFile(path, b, 0o644)
}
