package search

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/gongshi/gongshi/internal/notice"
)

// The static index for the browser, written beside the Bleve index under
// the site's search/ folder:
//
//	meta.json      counts, the shard and chunk sizes, the facet
//	               vocabularies (statuses, categories, counties, places,
//	               units with their kinds, notices);
//	               fetched once, it is all a query needs besides its terms
//	t/XXXX.bin     the term dictionary in meta.json's "shards" shards (a
//	               power of two, see shardCount) by FNV-1a hash of the
//	               term, four hex digits: a query fetches only the shards
//	               of its terms, once it has meta.json. The shards are
//	               many and small (about shardBytes of postings each), and
//	               a term's postings sit in its shard unless they are very
//	               long, so that a term costs one request and little more
//	               than its own postings (with 256 shards and postings
//	               over 1 KB apart, a 100-township site's query of three
//	               terms cost six requests and five times their
//	               postings' bytes). A shard that holds no term is not
//	               written (most of them on a corpus of few terms and long
//	               postings): the browser takes a 404, or a page in its
//	               place, for an empty shard
//	p/XXXX-N.bin   a term's postings when they are too long to sit in
//	               its shard
//	d/UNIT/K.json  documents' display data (title, URL, kind, number,
//	               status, category, text for snippets and phrase checks),
//	               fetched only for the results shown: a unit's documents
//	               (meta.json's notices give each document's unit, and its
//	               place among the unit's documents, in document order),
//	               "chunk" (docsPerFile) to a file, K counting from 0,
//	               under the unit's slug path (Meta.UnitPath). A unit's
//	               files depend on its documents alone: adding, removing or
//	               changing a unit leaves every other unit's files as they
//	               were, byte for byte
//
// Everything a score needs comes out of the Bleve index through its index
// reader: the document count, each term's document frequency and
// postings (document, term frequency, field length — the norm is
// 1/sqrt(length) as a float32, exactly as zap stores it). A posting also
// carries the document's status and category codes, so that facet counts
// and filters need nothing else.
//
// Shard format: the numbering's id (8 bytes: meta.json's "numbering" in
// hex, a hash of the documents' ids in order: the browser refuses a shard
// that numbers the documents otherwise, which a cache could hand back
// from another build; the build's id would do too, but it changes with
// every text, and would have every shard rewritten and uploaded after a
// one-word fix), then
// unsigned LEB128 varints: number of terms, then per term:
// byte length, UTF-8 bytes, document frequency, postings byte length (0:
// the postings are in p/SHARD-K.bin, K = the how-manieth such term of the
// shard), postings. Postings: per document, the gap to the previous
// document number (the first: the number), attr*8 + min(tf, 7) (then tf-7
// when tf ≥ 7), field length. attr = status code + statusSpan × category
// code, statusSpan = len(meta.json's statuses) + 1.
const exportVersion = 7

// statusSpan: a posting's attr is status code + statusSpan × category
// code. The status codes run from 1 to len(notice.Statuses) (0: none);
// the span is one more than the last, and search.js takes it from
// meta.json's statuses the same way (a span of 4 once read "unstated"
// back as no status and the next category).
var statusSpan = uint64(len(notice.Statuses) + 1)

// shardBytes is about how many bytes of postings a term shard holds: a
// query pays them for each of its terms besides the term's own postings.
// The shard count grows with the index to keep them so (shardCount).
const shardBytes = 2048

// The fewest and the most term shards.
const (
	minShards = 256
	maxShards = 1 << 16 // four hex digits
)

// shardCount is the number of term shards for the documents and their
// number of distinct terms: the smallest power of two from minShards to
// maxShards that gives at most shardBytes a shard, the shards' bytes
// estimated as the bytes of the documents' text and 9 bytes a term (a
// posting takes about four bytes; a Chinese character, three, and makes
// about one distinct term of its document; a term's entry, its six bytes
// and three of lengths). The estimate is within 4 % on the bundled site
// (98 KB of shards) and the 100-township corpus (12.0 MB). It depends on
// the documents and their terms alone, so that the same documents give
// the same shards however the index was built.
func shardCount(docs []Doc, terms int) int {
	est := 9 * uint64(terms)
	for i := range docs {
		est += uint64(len(docs[i].Text))
	}
	s := minShards
	for s < maxShards && uint64(s)*shardBytes < est {
		s *= 2
	}
	return s
}

// externalOver: postings longer than this get their own file. Longer
// postings cost a second request after their shard's, but a shard that
// holds them would cost every other term of the shard their bytes.
var externalOver = 32 << 10

// docsPerFile is the number of a unit's documents per display file
// (meta.json's "chunk"; the last file of a unit holds the rest).
const docsPerFile = 2

// Meta is meta.json.
type Meta struct {
	Version    int        `json:"v"`
	Build      string     `json:"build"`     // a hash of the documents: cache buster
	Numbering  string     `json:"numbering"` // a hash of the documents' ids in order (numberingID), in each shard
	Docs       uint64     `json:"docs"`      // Bleve's document count (idf)
	Shards     int        `json:"shards"`    // term shards (shardCount)
	Chunk      int        `json:"chunk"`     // a unit's documents per d/UNIT/K.json
	Field      string     `json:"field"`
	Statuses   []string   `json:"statuses"` // code 1… (0: none)
	Labels     []string   `json:"labels"`   // their Chinese labels
	Categories []string   `json:"categories"`
	Counties   [][]string `json:"counties"` // [province, city, county, their slug path]
	// Places are the regions units sit in (the place facet): [county
	// index, township ("" for the county itself), the path below the
	// county's ("" for the county itself)].
	Places [][]any `json:"places"`
	// Units are the inspected units (the unit facet): [place index, name,
	// the path below the place's ("" when the unit is the place: a
	// township, a county summary), kind].
	Units   [][]any  `json:"units"`
	Notices [][3]int `json:"notices"` // [unit index, signed as 20241202, documents], in document order
	// Due are the findings with a deadline: [document, deadline as
	// 20241231, 1 if overdue else 0], in document order.
	Due [][3]int `json:"due"`
}

// PlacePath is the slug path of place i of the meta.
func (m *Meta) PlacePath(i int) string {
	p := m.Places[i]
	return joinPath(m.Counties[toInt(p[0])][3], p[2].(string))
}

// UnitPath is the slug path of unit i of the meta.
func (m *Meta) UnitPath(i int) string {
	u := m.Units[i]
	return joinPath(m.PlacePath(toInt(u[0])), u[2].(string))
}

func joinPath(a, b string) string {
	if b == "" {
		return a
	}
	return a + "/" + b
}

// below is p without the prefix path and its slash ("" when p is prefix).
func below(p, prefix string) string {
	return strings.TrimPrefix(strings.TrimPrefix(p, prefix), "/")
}

// Chunk is one document of a display file (d/UNIT/K.json).
type Chunk struct {
	Kind   string `json:"k"`
	Number int    `json:"n,omitempty"`
	Status int    `json:"s,omitempty"` // status code (meta.Statuses[s-1]: a fixed list)
	// Category is the category itself, not its code: the codes number
	// the categories in order of first appearance over all documents,
	// which another unit can change.
	Category string `json:"c,omitempty"`
	Title    string `json:"t"`
	URL      string `json:"u"`
	Text     string `json:"x"`
}

type exportStats struct {
	Terms, Shards, External, Chunks int
	Rebuilt                         int // term shards assembled, not kept
	Bytes                           int64
	Kept                            []string // files equal to the previous export's, not written (see writer)
}

// exporter writes the static index of docs into dir. It starts with what
// the documents alone give (the facet vocabularies and codes, the display
// files, written in the background while the Bleve index is built:
// creating tens of thousands of small files is the kernel's work, indexing
// the program's), and finishes with what it reads from the Bleve index.
type exporter struct {
	docs       []Doc
	dir        string
	meta       Meta
	attrs      []uint64
	build      []byte
	numbering  []byte         // numberingID
	prev       string         // the previous export's folder ("": none; see writer)
	prevSums   map[string]sum // its manifest (nil: none)
	cache      string         // where the manifest is kept ("": nowhere)
	chunks     *writer
	chunksDone chan error
	nchunks    int                // display files written (read after wait)
	post       *postStore         // the groups' postings (filled by buildIndex)
	prevShards map[string]unitSum // the manifest's term shards (see sums.go)
	shardSums  []unitSum          // this export's, by shard (zero: none)
}

func startExport(docs []Doc, dir, prev, cache string) *exporter {
	e := &exporter{docs: docs, dir: dir, prev: prev, cache: cache, build: buildID(docs), numbering: numberingID(docs), chunksDone: make(chan error, 1)}
	var prevUnits map[string]unitSum // the manifest's display units (see writeChunks)
	e.prevSums, prevUnits, e.prevShards = loadManifest(cache, prev)
	e.post = newPostStore(cache, dir, docs, nil)
	e.meta = Meta{Version: exportVersion, Field: FieldText, Build: hex.EncodeToString(e.build), Numbering: hex.EncodeToString(e.numbering)}
	for _, s := range notice.Statuses {
		e.meta.Statuses = append(e.meta.Statuses, string(s))
		e.meta.Labels = append(e.meta.Labels, s.Label())
	}
	e.attrs = docAttrs(docs, &e.meta)
	e.post.attrs = e.attrs
	e.meta.Due = [][3]int{}
	for i, d := range docs {
		if d.Deadline != "" || d.Overdue {
			n, _ := strconv.Atoi(strings.ReplaceAll(string(d.Deadline), "-", ""))
			o := 0
			if d.Overdue {
				o = 1
			}
			e.meta.Due = append(e.meta.Due, [3]int{i, n, o})
		}
	}
	e.meta.Chunk = docsPerFile
	e.chunks = newWriter(dir, prev, e.prevSums)
	e.chunks.prevUnits = prevUnits
	if cache != "" {
		e.chunks.units = map[string]unitSum{} // for the next manifest
	}
	go func() {
		n, err := writeChunks(e.chunks, docs, e.attrs, &e.meta)
		e.nchunks = n
		e.chunksDone <- err
	}()
	return e
}

// abort waits for the display files and drops the groups' postings
// (the index failed).
func (e *exporter) abort() {
	_ = e.wait()
	_ = e.post.close()
}

// wait waits for the display files.
func (e *exporter) wait() error {
	if e.chunksDone == nil {
		return nil
	}
	err := <-e.chunksDone
	e.chunksDone = nil
	return err
}

// finish exports the groups' postings (which buildIndex filled) and saves
// the export's manifest in the cache folder.
func (e *exporter) finish(ctx context.Context) (exportStats, error) {
	st, sums, err := e.export(ctx)
	if werr := e.wait(); err == nil {
		err = werr
	}
	if cerr := e.post.close(); err == nil {
		err = cerr
	}
	st.Chunks = e.nchunks
	st.Kept = append(st.Kept, e.chunks.kept...)
	if err == nil && e.cache != "" {
		for n, s := range e.chunks.sums {
			sums[n] = s
		}
		shards := map[string]unitSum{}
		for s, u := range e.shardSums {
			if u != (unitSum{}) {
				shards[shardFile(s)] = u
			}
		}
		err = saveManifest(e.cache, sums, e.chunks.units, shards)
	}
	return st, err
}

// export writes the term dictionary, the long postings and meta.json, and
// returns their sizes and hashes (see writer). The postings come from the
// groups' postings files (postings.go); a shard whose key the previous
// export's manifest lists is kept without reading them.
func (e *exporter) export(ctx context.Context) (exportStats, map[string]sum, error) {
	var st exportStats
	docs, dir, numbering, ps := e.docs, e.dir, e.numbering, e.post
	meta := &e.meta
	if !ps.filled || len(ps.groups) == 0 && len(docs) > 0 {
		return st, nil, fmt.Errorf("search: the groups' postings were not read")
	}
	// The groups hold the documents in their order (extractGroup checks
	// their ids, and the files' keys hash them), none deleted.
	meta.Docs = uint64(len(docs))
	d := ps.dictionary()
	st.Terms = len(d.terms)
	meta.Shards = shardCount(docs, len(d.terms))

	w := newWriter(dir, e.prev, e.prevSums)
	shards := make([][]int, meta.Shards) // each shard's terms, in dictionary order
	for i, t := range d.terms {
		s := fnv1a(t) & uint32(meta.Shards-1)
		shards[s] = append(shards[s], i)
	}
	e.shardSums = make([]unitSum, meta.Shards)
	// Shard by shard, on all cores: each worker computes its shard's key,
	// keeps the shard's files when the manifest lists that key, else
	// assembles its terms' postings from the groups' pieces into buffers
	// it reuses, and writes the shard and its long postings with a writer
	// of its own (the files are the shard's), gathered into w. No shard
	// depends on which worker wrote it.
	workers := runtime.GOMAXPROCS(0)
	ws := make([]*writer, workers)
	exts := make([]int, len(shards))
	errs := make([]error, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := range workers {
		ws[k] = newWriter(dir, e.prev, e.prevSums)
		ws[k].prevShards = e.prevShards
		wg.Go(func() {
			sw := &shardWriter{w: ws[k], ps: ps, d: &d, shards: meta.Shards, numbering: numbering, sums: e.shardSums}
			for {
				s := int(next.Add(1) - 1)
				if s >= len(shards) {
					return
				}
				if exts[s], errs[k] = sw.write(ctx, s, shards[s]); errs[k] != nil {
					next.Store(int64(len(shards))) // the others stop too
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return st, nil, err
	}
	for _, o := range ws {
		w.absorb(o)
		st.Rebuilt += o.rebuilt
	}
	for _, n := range exts {
		st.External += n
	}
	st.Shards = meta.Shards
	if err := e.wait(); err != nil {
		return st, nil, err
	}
	w.bytes += e.chunks.bytes

	b, err := json.Marshal(meta)
	if err != nil {
		return st, nil, err
	}
	if err := w.write("meta.json", b); err != nil {
		return st, nil, err
	}
	st.Bytes = w.bytes
	st.Kept = append(st.Kept, w.kept...)
	return st, w.sums, nil
}

// shardWriter writes term shards (one worker's: its buffers are reused
// from shard to shard).
type shardWriter struct {
	w          *writer
	ps         *postStore
	d          *dictionary
	shards     int
	numbering  []byte
	sums       []unitSum // each shard's key and long postings, for the next manifest
	shard, pst bytes.Buffer
	kb         []byte // shardKey's scratch
}

// shardRebuilds counts the term shards assembled from the groups'
// postings, not kept (for the tests).
var shardRebuilds atomic.Int64

// write writes term shard s, whose terms are ts (indexes into the
// dictionary), and the long postings apart, or keeps them (see
// writer.keepShard); it returns how many postings are apart.
func (sw *shardWriter) write(ctx context.Context, s int, ts []int) (int, error) {
	if len(ts) == 0 {
		return 0, nil // not written: see the format
	}
	var key [sha256.Size]byte
	key, sw.kb = sw.ps.shardKey(sw.kb, sw.numbering, sw.shards, s, sw.d, ts)
	if ext, ok := sw.w.keepShard(s, key); ok {
		sw.sums[s] = unitSum{key: key, files: ext}
		return ext, nil
	}
	shardRebuilds.Add(1)
	sw.w.rebuilt++
	buf := &sw.shard
	buf.Reset()
	buf.Write(sw.numbering)
	putUvarint(buf, uint64(len(ts)))
	ext := 0
	for _, i := range ts {
		if err := ctx.Err(); err != nil {
			return ext, err
		}
		t := sw.d.terms[i]
		df, err := sw.ps.postings(&sw.pst, sw.d, i)
		if err != nil {
			return ext, err
		}
		postings := sw.pst.Bytes()
		putUvarint(buf, uint64(len(t)))
		buf.WriteString(t)
		putUvarint(buf, df)
		if len(postings) > externalOver {
			putUvarint(buf, 0)
			if err := sw.w.write(externalFile(s, ext), postings); err != nil {
				return ext, err
			}
			ext++
			continue
		}
		putUvarint(buf, uint64(len(postings)))
		buf.Write(postings)
	}
	sw.sums[s] = unitSum{key: key, files: ext}
	return ext, sw.w.write(shardFile(s), buf.Bytes())
}

// shardFile is term shard s's file; externalFile its k-th long postings.
func shardFile(s int) string       { return fmt.Sprintf("t/%04x.bin", s) }
func externalFile(s, k int) string { return fmt.Sprintf("p/%04x-%d.bin", s, k) }

// writeChunks writes the display data, meta.Chunk documents of a unit
// per file (see DisplayFile), and returns how many files it wrote or kept.
// A unit whose key (unitKey) is the one the previous export's manifest
// lists for its path, with its files as the manifest lists them in the
// previous site, keeps them without encoding them (see sums.go).
func writeChunks(w *writer, docs []Doc, attrs []uint64, meta *Meta) (int, error) {
	byUnit := make([][]int, len(meta.Units)) // each unit's documents, in order
	doc := 0
	for _, nt := range meta.Notices {
		for range nt[2] {
			byUnit[nt[0]] = append(byUnit[nt[0]], doc)
			doc++
		}
	}
	if doc != len(docs) {
		return 0, fmt.Errorf("search: the notices hold %d documents, not %d", doc, len(docs))
	}
	n := 0
	var kb []byte // unitKey's scratch
	for u, ds := range byUnit {
		files := (len(ds) + meta.Chunk - 1) / meta.Chunk
		if w.units != nil || w.prevUnits != nil {
			path := meta.UnitPath(u)
			var key [sha256.Size]byte
			key, kb = unitKey(kb[:0], path, meta.Chunk, docs, attrs, ds)
			if w.units != nil {
				w.units[path] = unitSum{key: key, files: files}
			}
			if w.keepUnit(meta, u, path, key, files) {
				n += files
				continue
			}
		}
		encodedUnits.Add(1)
		for k := 0; k*meta.Chunk < len(ds); k++ {
			part := ds[k*meta.Chunk : min((k+1)*meta.Chunk, len(ds))]
			cs := make([]Chunk, 0, len(part))
			for _, i := range part {
				d, a := &docs[i], attrs[i]
				cs = append(cs, Chunk{Kind: d.Kind, Number: d.Number, Status: int(a % statusSpan), Category: d.Category,
					Title: d.Title, URL: d.URL, Text: d.Text})
			}
			b, err := json.Marshal(cs)
			if err != nil {
				return n, err
			}
			if err := w.write(meta.DisplayFile(u, k), b); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// encodedUnits counts the units whose display files writeChunks encoded
// (for the tests).
var encodedUnits atomic.Int64

// unitKey is the SHA-256 of everything a unit's display files are made
// of: the layout (exportVersion, the documents per file), the unit's path
// (the files' names), the number of its documents (with the documents per
// file, how they split into files), and each document's display data as
// writeChunks reads it, in order: kind, number, status code, category,
// title, URL and text. Numbers are varints, strings are length-prefixed,
// so that no two different inputs give the same bytes. It hashes them in
// b (a scratch buffer, returned for reuse).
func unitKey(b []byte, path string, chunk int, docs []Doc, attrs []uint64, ds []int) ([sha256.Size]byte, []byte) {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = append(b, "gongshi display unit\x00"...)
	b = binary.AppendUvarint(b, exportVersion)
	b = binary.AppendUvarint(b, uint64(chunk))
	str(path)
	b = binary.AppendUvarint(b, uint64(len(ds)))
	for _, i := range ds {
		d := &docs[i]
		str(d.Kind)
		b = binary.AppendVarint(b, int64(d.Number))
		b = binary.AppendUvarint(b, attrs[i]%statusSpan)
		str(d.Category)
		str(d.Title)
		str(d.URL)
		str(d.Text)
	}
	return sha256.Sum256(b), b
}

// DisplayFile is the name of unit u's display file k, relative to the
// static index's folder: d/UNIT/K.json.
func (m *Meta) DisplayFile(u, k int) string {
	return "d/" + m.UnitPath(u) + "/" + strconv.Itoa(k) + ".json"
}

// numberingID identifies the documents' numbering (their ids in order):
// the first 8 bytes of a SHA-256.
func numberingID(docs []Doc) []byte {
	h := sha256.New()
	for i := range docs {
		h.Write([]byte(docs[i].ID))
		h.Write([]byte{0})
	}
	return h.Sum(nil)[:8]
}

// buildID identifies the documents (their ids, texts and display data):
// the first 8 bytes of a SHA-256.
func buildID(docs []Doc) []byte {
	h := sha256.New()
	var b, nb []byte
	var last *notice.Notice
	str := func(b []byte, s string) []byte { return append(append(b, s...), 0) }
	for i := range docs {
		d := &docs[i]
		// The bytes of fmt's "%s\x00…%d…%t": one Write a document.
		b = str(str(b[:0], d.ID), d.Kind)
		b = append(strconv.AppendInt(b, int64(d.Number), 10), 0)
		b = str(str(str(str(str(b, string(d.Status)), d.Category), d.Title), d.URL), d.Text)
		if d.Notice != last {
			last = d.Notice
			nb = str(str(str(str(nb[:0], d.Notice.Region.Path()), string(d.Notice.Signed)), d.Notice.UnitPath()), d.Notice.Subject().Name)
		}
		b = append(b, nb...)
		b = str(b, string(d.Deadline))
		b = append(strconv.AppendBool(b, d.Overdue), 0)
		h.Write(b)
	}
	return h.Sum(nil)[:8]
}

// checkOrder verifies that the index holds docs in their order: document
// number i is docs[i] (extractGroup checks each group's segment; the tests
// check the index). Ties between equal scores are broken by document
// number, in Bleve and in the browser alike.
func checkOrder(r index.IndexReader, docs []Doc) error {
	all, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer all.Close()
	for i := 0; ; i++ {
		id, err := all.Next()
		if err != nil {
			return err
		}
		if id == nil {
			if i != len(docs) {
				return fmt.Errorf("search: the index holds %d documents, not %d", i, len(docs))
			}
			return nil
		}
		if i >= len(docs) || docNumber(id) != uint64(i) {
			return fmt.Errorf("search: document %d of the index is out of order", i)
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			return err
		}
		if ext != docs[i].ID {
			return fmt.Errorf("search: document %d of the index is %q, not %q", i, ext, docs[i].ID)
		}
	}
}

// docNumber is a scorch internal ID as a number (big-endian uint64).
func docNumber(id index.IndexInternalID) uint64 {
	if len(id) != 8 {
		return math.MaxUint64
	}
	return binary.BigEndian.Uint64(id)
}

// docAttrs codes each document's status and category, and fills the
// facet vocabularies and the notice table of meta.
func docAttrs(docs []Doc, meta *Meta) []uint64 {
	statusCode := map[notice.Status]uint64{}
	for i, s := range notice.Statuses {
		statusCode[s] = uint64(i + 1)
	}
	catCode := map[string]uint64{}
	countyIdx := map[string]int{}
	placeIdx := map[string]int{}
	unitIdx := map[string]int{}
	attrs := make([]uint64, len(docs))
	var last *notice.Notice
	for i := range docs {
		d := &docs[i]
		var cat uint64
		if d.Category != "" {
			c, ok := catCode[d.Category]
			if !ok {
				meta.Categories = append(meta.Categories, d.Category)
				c = uint64(len(meta.Categories))
				catCode[d.Category] = c
			}
			cat = c
		}
		attrs[i] = statusCode[d.Status] + statusSpan*cat
		n := d.Notice
		if n == last {
			meta.Notices[len(meta.Notices)-1][2]++
			continue
		}
		last = n
		r := n.Region
		county := r
		county.Township, county.TownshipSlug = "", ""
		cpath := county.Path()
		ci, ok := countyIdx[cpath]
		if !ok {
			ci = len(meta.Counties)
			countyIdx[cpath] = ci
			meta.Counties = append(meta.Counties, []string{r.Province, r.City, r.County, cpath})
		}
		ppath := r.Path()
		pi, ok := placeIdx[ppath]
		if !ok {
			pi = len(meta.Places)
			placeIdx[ppath] = pi
			meta.Places = append(meta.Places, []any{ci, r.Township, below(ppath, cpath)})
		}
		upath := n.UnitPath()
		ui, ok := unitIdx[upath]
		if !ok {
			ui = len(meta.Units)
			unitIdx[upath] = ui
			u := n.Subject()
			meta.Units = append(meta.Units, []any{pi, u.Name, below(upath, ppath), string(u.Kind)})
		}
		signed, _ := strconv.Atoi(strings.ReplaceAll(string(n.Signed), "-", ""))
		meta.Notices = append(meta.Notices, [3]int{ui, signed, 1})
	}
	return attrs
}

// dictTerms lists the terms of the text field in dictionary order.
func dictTerms(r index.IndexReader) ([]string, error) {
	dict, err := r.FieldDict(FieldText)
	if err != nil {
		return nil, err
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, err
		}
		if e == nil {
			return terms, dict.Close()
		}
		terms = append(terms, e.Term)
	}
}

// readTerm reads one term's postings in the export's form (see the format
// above) through Bleve's index reader into buf, with tfd as scratch, and
// returns its document frequency. The export reads the groups' segments
// instead (postings.go); TestShardsHoldBlevePostings compares the two.
func readTerm(ctx context.Context, r index.IndexReader, term string, attrs []uint64, buf *bytes.Buffer, tfd *index.TermFieldDoc) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), FieldText, true, true, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	buf.Reset()
	prev := uint64(0)
	for {
		p, err := tfr.Next(tfd)
		if err != nil {
			return 0, err
		}
		if p == nil {
			return tfr.Count(), nil
		}
		n := docNumber(p.ID)
		if n >= uint64(len(attrs)) || n < prev {
			return 0, fmt.Errorf("search: term %q: posting for document %d out of order", term, n)
		}
		length, err := fieldLength(p.Norm)
		if err != nil {
			return 0, fmt.Errorf("search: term %q, document %d: %w", term, n, err)
		}
		putUvarint(buf, n-prev)
		prev = n
		tf := p.Freq
		putUvarint(buf, attrs[n]*8+min(tf, 7))
		if tf >= 7 {
			putUvarint(buf, tf-7)
		}
		putUvarint(buf, length)
	}
}

// fieldLength recovers a field's length (its number of tokens) from the
// norm zap stores, float32(1/sqrt(length)), and checks that it is exact.
func fieldLength(norm float64) (uint64, error) {
	if norm <= 0 || norm > 1 {
		return 0, fmt.Errorf("norm %v is not 1/sqrt(length)", norm)
	}
	l := uint64(math.Round(1 / (norm * norm)))
	if float64(float32(1/math.Sqrt(float64(l)))) != norm {
		return 0, fmt.Errorf("norm %v does not come from a whole length", norm)
	}
	return l, nil
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

// fnv1a is the 32-bit FNV-1a hash of s's UTF-8 bytes (the browser computes
// the same to find a term's shard).
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// writer writes the export's files. Given the previous export's folder
// (an incremental build updating the site in place), it writes only the
// files whose bytes differ from the previous ones, and lists the others as
// kept: one changed document changes a few of the 30,000 display files of
// a large site, not all of them. With the previous export's manifest
// (sums.go) it compares sizes and hashes instead of reading the previous
// files; without one, or without an entry for the file, or when the
// previous file is not the manifest's size, it reads the previous file.
// It records every file's size and hash for the next manifest.
type writer struct {
	dir, prev  string
	prevSums   map[string]sum     // the previous export's manifest (nil: none; read only)
	prevUnits  map[string]unitSum // its display units (nil: none; read only)
	units      map[string]unitSum // the display units for the next manifest (nil: not recorded)
	prevShards map[string]unitSum // the previous export's term shards (nil: none; read only)
	rebuilt    int                // term shards assembled
	dirs       map[string]bool
	bytes      int64
	kept       []string // names of files left to the previous export
	sums       map[string]sum
}

// prevReads counts the previous export's files the writers read (for the
// tests).
var prevReads atomic.Int64

func newWriter(dir, prev string, prevSums map[string]sum) *writer {
	return &writer{dir: dir, prev: prev, prevSums: prevSums, dirs: map[string]bool{}, sums: map[string]sum{}}
}

// absorb takes in what another writer of the same export wrote.
func (w *writer) absorb(o *writer) {
	w.bytes += o.bytes
	w.kept = append(w.kept, o.kept...)
	for n, s := range o.sums {
		w.sums[n] = s
	}
	for d := range o.dirs {
		w.dirs[d] = true
	}
}

func (w *writer) write(name string, b []byte) error {
	w.bytes += int64(len(b))
	s := sumOf(b)
	w.sums[name] = s
	if w.prev != "" && w.same(name, b, s) {
		w.kept = append(w.kept, name)
		return nil
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if d := filepath.Dir(p); !w.dirs[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		w.dirs[d] = true
	}
	return os.WriteFile(p, b, 0o644)
}

// same reports whether the previous export's file name holds b (whose
// size and hash are s).
func (w *writer) same(name string, b []byte, s sum) bool {
	old := filepath.Join(w.prev, filepath.FromSlash(name))
	if ps, ok := w.prevSums[name]; ok {
		if ps != s {
			return false // the manifest says it differs: writing it is safe either way
		}
		if info, err := os.Lstat(old); err == nil && info.Mode().IsRegular() && info.Size() == s.size {
			return true
		}
		// Not the file the manifest lists: read it.
	}
	prevReads.Add(1)
	ob, err := os.ReadFile(old)
	return err == nil && bytes.Equal(ob, b)
}

// keepUnit keeps unit u's display files (at path, with key, in files
// files) when the previous export's manifest lists the same key for its
// path and its files are in the previous site as the manifest lists them
// (a regular file of the manifest's size): it lists them as kept and
// carries their sums over, without encoding them. Otherwise it does
// nothing and reports false.
func (w *writer) keepUnit(meta *Meta, u int, path string, key [sha256.Size]byte, files int) bool {
	if w.prev == "" {
		return false
	}
	pu, ok := w.prevUnits[path]
	if !ok || pu.key != key || pu.files != files {
		return false
	}
	names := make([]string, files)
	for k := range names {
		names[k] = meta.DisplayFile(u, k)
	}
	return w.keepFiles(names)
}

// keepShard keeps term shard s's files (its shard file and long
// postings) when the previous export's manifest lists the same key for
// it and its files are in the previous site as the manifest lists them,
// as keepUnit does; it returns the number of long postings.
func (w *writer) keepShard(s int, key [sha256.Size]byte) (int, bool) {
	if w.prev == "" {
		return 0, false
	}
	name := shardFile(s)
	ps, ok := w.prevShards[name]
	if !ok || ps.key != key {
		return 0, false
	}
	names := []string{name}
	for k := range ps.files {
		names = append(names, externalFile(s, k))
	}
	return ps.files, w.keepFiles(names)
}

// keepFiles lists the previous export's files names as kept and carries
// their sums over, when each is in the manifest and, in the previous site,
// a regular file of the manifest's size; else it does nothing and reports
// false.
func (w *writer) keepFiles(names []string) bool {
	ss := make([]sum, len(names))
	for k := range names {
		var ok bool
		if ss[k], ok = w.prevSums[names[k]]; !ok {
			return false
		}
		info, err := os.Lstat(filepath.Join(w.prev, filepath.FromSlash(names[k])))
		if err != nil || !info.Mode().IsRegular() || info.Size() != ss[k].size {
			return false
		}
	}
	for k, name := range names {
		w.sums[name] = ss[k]
		w.bytes += ss[k].size
		w.kept = append(w.kept, name)
	}
	return true
}
