package search

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Group postings. The static index's term shards hold every term's
// postings over all documents; a term's postings are its postings in each
// group of the Bleve index (segcache.go: a group is one zap segment of
// consecutive documents) one after another. So the export reads each
// group's postings once, from the group's segment, into a group postings
// file: per term of the group, in dictionary order, its postings in the
// export's form (export.go) numbered from the group's first document (the
// first posting's gap is its number in the group), with the group's
// document frequency, the number of its last document and a hash of the
// bytes. A term's postings in the shard are its groups' pieces, each
// piece's first gap rebased on the previous piece's last document.
//
// With a cache (Options.Cache), the files are kept in its postings/
// folder, keyed by the group's segment key (what the segment is made of)
// and its documents' status and category codes (which the postings
// carry, and which number the categories over all documents): an
// incremental build reads from the Bleve index only the groups it built
// again, or whose codes changed. Each term shard has a key too, the hash
// of what its bytes are made of (shardKey: the numbering, the shard count,
// and per term the groups' first documents and pieces' hashes); the
// export's manifest (sums.go) lists the key of each shard it wrote, and an
// in-place export whose shard has the same key keeps the shard's files
// without reading its postings (as display units are kept, see sums.go).
// After one changed finding, the shards rebuilt are those of the terms of
// the changed documents, old and new; after a new township, whose
// documents renumber the ones after them (and change the numbering every
// shard starts with), every shard, but from the files, not from Bleve.
//
// Without a cache the files are written into a temporary folder beside
// the static index and removed after the export: they are mapped, not
// held in memory.
//
// File format: postingsMagic, then unsigned varints: number of documents,
// number of terms, byte length of the directory; the directory, per term:
// byte length, UTF-8 bytes, document frequency, last document (in the
// group), offset and byte length of its piece in the pieces, then the
// piece's hash (16 bytes: the first half of its SHA-256); the pieces; the
// CRC-32 (IEEE, big-endian) of everything before it.
const postingsMagic = "gongshi group postings 1\n"

// postingsDir is the cache's folder of group postings files.
const postingsDir = "postings"

// postingsVerified lists the files of postingsDir whose checksum a build
// verified, as segcache.go's verifiedFile does for the segments.
const postingsVerified = "postings.verified"

// postReads counts the groups whose postings were read from a Bleve
// segment (for the tests).
var postReads atomic.Int64

// gpTerm is a term of a group postings file.
type gpTerm struct {
	term     []byte // into the file
	df, last uint64
	off, n   uint64
	hash     [16]byte
}

// groupPost is a group postings file, mapped and its directory parsed.
type groupPost struct {
	lo     int
	pieces []byte
	terms  []gpTerm
	unmap  func()
}

// postStore makes and finds the group postings files of one export.
type postStore struct {
	dir      string // where the files are
	temp     bool   // dir is removed after the export
	docs     []Doc
	attrs    []uint64
	mu       sync.Mutex
	keep     map[string]bool // file names this build uses
	verified map[string]fileID
	groups   []groupPost // in document order (fill)
	filled   bool
	racy     time.Duration
}

func newPostStore(cache, searchDir string, docs []Doc, attrs []uint64) *postStore {
	ps := &postStore{docs: docs, attrs: attrs, keep: map[string]bool{}, verified: map[string]fileID{}, racy: 2 * time.Second}
	if cache != "" {
		ps.dir = filepath.Join(cache, postingsDir)
		if b, err := os.ReadFile(filepath.Join(cache, postingsVerified)); err == nil {
			var v map[string]fileID
			if json.Unmarshal(b, &v) == nil && v != nil {
				ps.verified = v
			}
		}
	} else {
		ps.dir, ps.temp = filepath.Join(searchDir, ".postings"), true
	}
	return ps
}

// postKey is the name of a group's postings file: its segment's key and
// its documents' codes.
func (ps *postStore) postKey(g span) string {
	h := sha256.New()
	b := []byte(postingsMagic)
	b = append(b, g.key...)
	b = binary.AppendUvarint(b, uint64(exportVersion))
	b = binary.AppendUvarint(b, uint64(g.hi-g.lo))
	for _, a := range ps.attrs[g.lo:g.hi] {
		b = binary.AppendUvarint(b, a)
	}
	h.Write(b)
	return "g-" + hex.EncodeToString(h.Sum(nil)) + ".bin"
}

// fill finds or makes the postings file of each group (in document order,
// with the path of its segment) and maps them.
func (ps *postStore) fill(ctx context.Context, groups []span) error {
	if err := os.MkdirAll(ps.dir, 0o755); err != nil {
		return err
	}
	ps.filled = true
	ps.groups = make([]groupPost, len(groups))
	names := make([]string, len(groups))
	var missing []int
	for i, g := range groups {
		names[i] = ps.postKey(g)
		ps.keep[names[i]] = true
		ps.groups[i].lo = g.lo
		if ps.temp || !ps.open(names[i], &ps.groups[i], g.hi-g.lo) {
			missing = append(missing, i)
		}
	}
	return parallel(ctx, len(missing), func(k int) error {
		i := missing[k]
		g := groups[i]
		postReads.Add(1)
		p := filepath.Join(ps.dir, names[i])
		var r [8]byte
		_, _ = rand.Read(r[:])
		tmp := filepath.Join(ps.dir, ".tmp-"+hex.EncodeToString(r[:])+"-"+names[i])
		err := extractGroup(g.path, ps.docs[g.lo:g.hi], ps.attrs[g.lo:g.hi], tmp)
		if err == nil {
			err = os.Rename(tmp, p)
		}
		if err != nil {
			_ = os.Remove(tmp)
			return err
		}
		if !ps.open(names[i], &ps.groups[i], g.hi-g.lo) {
			return fmt.Errorf("search: %s: the postings just written do not read back", p)
		}
		return nil
	})
}

// open maps the postings file name for a group of ndocs documents into gp
// and reports whether it is valid (its checksum verified, now or, for the
// same file, before).
func (ps *postStore) open(name string, gp *groupPost, ndocs int) bool {
	p := filepath.Join(ps.dir, name)
	info, err := os.Lstat(p)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	id, idOK := fileIDOf(info)
	ps.mu.Lock()
	was, ok := ps.verified[name]
	ps.mu.Unlock()
	start := time.Now()
	b, unmap, err := mapFile(p)
	if err != nil {
		return false
	}
	if !(idOK && ok && was == id) {
		if len(b) < 4 || crc32.ChecksumIEEE(b[:len(b)-4]) != binary.BigEndian.Uint32(b[len(b)-4:]) {
			unmap()
			return false
		}
		if idOK && start.Sub(time.Unix(0, max(id.Mtime, id.Ctime))) >= ps.racy {
			ps.mu.Lock()
			ps.verified[name] = id
			ps.mu.Unlock()
		}
	}
	if err := parseGroupPost(b, ndocs, gp); err != nil {
		unmap()
		return false
	}
	gp.unmap = unmap
	return true
}

// parseGroupPost parses a group postings file's directory.
func parseGroupPost(b []byte, ndocs int, gp *groupPost) error {
	bad := errors.New("search: bad group postings file")
	if len(b) < len(postingsMagic)+4 || string(b[:len(postingsMagic)]) != postingsMagic {
		return bad
	}
	body := b[len(postingsMagic) : len(b)-4]
	p := 0
	uv := func() uint64 {
		if p < 0 {
			return 0
		}
		v, n := binary.Uvarint(body[p:])
		if n <= 0 {
			p = -1
			return 0
		}
		p += n
		return v
	}
	nd, nt, dl := uv(), uv(), uv()
	if p < 0 || nd != uint64(ndocs) || dl > uint64(len(body)-p) || nt > dl {
		return bad
	}
	dir := body[p : p+int(dl)]
	pieces := body[p+int(dl):]
	body, p = dir, 0
	gp.terms = make([]gpTerm, nt)
	for i := range gp.terms {
		t := &gp.terms[i]
		l := uv()
		if p < 0 || l > uint64(len(body)-p) {
			return bad
		}
		t.term = body[p : p+int(l)]
		p += int(l)
		t.df, t.last, t.off, t.n = uv(), uv(), uv(), uv()
		if p < 0 || len(body)-p < 16 || t.off > uint64(len(pieces)) || t.n > uint64(len(pieces))-t.off || t.n == 0 || t.last >= nd {
			return bad
		}
		copy(t.hash[:], body[p:])
		p += 16
	}
	if p != len(body) {
		return bad
	}
	gp.pieces = pieces
	return nil
}

// extractGroup reads the text field's postings of the zap segment at
// segPath, which holds docs (with their codes attrs) in their order, and
// writes them as a group postings file at out.
func extractGroup(segPath string, docs []Doc, attrs []uint64, out string) error {
	seg, err := zapPlugin.Open(segPath)
	if err != nil {
		return err
	}
	defer seg.Close()
	if n := seg.Count(); n != uint64(len(docs)) {
		return fmt.Errorf("search: the segment %s holds %d documents, not %d", segPath, n, len(docs))
	}
	for i := range docs {
		id, err := seg.DocID(uint64(i))
		if err != nil {
			return err
		}
		if string(id) != docs[i].ID {
			return fmt.Errorf("search: document %d of the segment %s is %q, not %q", i, segPath, id, docs[i].ID)
		}
	}
	dict, err := seg.Dictionary(FieldText)
	if err != nil {
		return err
	}
	var dir, pieces bytes.Buffer
	var pl segment.PostingsList
	var pi segment.PostingsIterator
	it := dict.AutomatonIterator(nil, nil, nil)
	nterms := 0
	for {
		e, err := it.Next()
		if err != nil {
			return err
		}
		if e == nil {
			break
		}
		term := []byte(e.Term)
		if pl, err = dict.PostingsList(term, nil, pl); err != nil {
			return err
		}
		pi = pl.Iterator(true, true, false, pi)
		off := pieces.Len()
		prev, df := uint64(0), uint64(0)
		for {
			p, err := pi.Next()
			if err != nil {
				return err
			}
			if p == nil {
				break
			}
			n := p.Number()
			if n >= uint64(len(docs)) || df > 0 && n <= prev {
				return fmt.Errorf("search: term %q: posting for document %d out of order", term, n)
			}
			length, err := fieldLength(p.Norm())
			if err != nil {
				return fmt.Errorf("search: term %q, document %d: %w", term, n, err)
			}
			putUvarint(&pieces, n-prev)
			prev = n
			tf := p.Frequency()
			putUvarint(&pieces, attrs[n]*8+min(tf, 7))
			if tf >= 7 {
				putUvarint(&pieces, tf-7)
			}
			putUvarint(&pieces, length)
			df++
		}
		if df == 0 {
			continue // no document holds it (none is deleted here)
		}
		if c := pl.Count(); c != df {
			return fmt.Errorf("search: term %q: %d postings, counted %d", term, df, c)
		}
		piece := pieces.Bytes()[off:]
		putUvarint(&dir, uint64(len(term)))
		dir.Write(term)
		putUvarint(&dir, df)
		putUvarint(&dir, prev)
		putUvarint(&dir, uint64(off))
		putUvarint(&dir, uint64(len(piece)))
		h := sha256.Sum256(piece)
		dir.Write(h[:16])
		nterms++
	}
	var b bytes.Buffer
	b.Grow(len(postingsMagic) + 30 + dir.Len() + pieces.Len() + 4)
	b.WriteString(postingsMagic)
	putUvarint(&b, uint64(len(docs)))
	putUvarint(&b, uint64(nterms))
	putUvarint(&b, uint64(dir.Len()))
	b.Write(dir.Bytes())
	b.Write(pieces.Bytes())
	var crc [4]byte
	binary.BigEndian.PutUint32(crc[:], crc32.ChecksumIEEE(b.Bytes()))
	b.Write(crc[:])
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// close unmaps the files, and removes the folder when it is temporary, or
// else the files this build did not use, and saves the verified ones.
func (ps *postStore) close() error {
	if !ps.filled {
		return nil
	}
	for i := range ps.groups {
		if ps.groups[i].unmap != nil {
			ps.groups[i].unmap()
			ps.groups[i].unmap = nil
		}
	}
	if ps.temp {
		return os.RemoveAll(ps.dir)
	}
	if err := pruneDir(ps.dir, ps.keep); err != nil {
		return err
	}
	return writeVerified(filepath.Dir(ps.dir), postingsVerified, ps.verified, ps.keep)
}

// termRef is a term's piece in a group: group g's directory entry k.
type termRef struct{ g, k int32 }

// dictionary is the terms of all groups, in dictionary order, each with
// its pieces in document order.
type dictionary struct {
	terms []string
	refs  [][]termRef
}

func (ps *postStore) dictionary() dictionary {
	id := map[string]int{}
	var terms []string
	var refs [][]termRef
	for g := range ps.groups {
		for k := range ps.groups[g].terms {
			t := ps.groups[g].terms[k].term
			i, ok := id[string(t)]
			if !ok {
				i = len(terms)
				terms = append(terms, string(t))
				id[terms[i]] = i
				refs = append(refs, nil)
			}
			refs[i] = append(refs[i], termRef{int32(g), int32(k)})
		}
	}
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return terms[order[a]] < terms[order[b]] })
	d := dictionary{terms: make([]string, len(terms)), refs: make([][]termRef, len(terms))}
	for k, i := range order {
		d.terms[k], d.refs[k] = terms[i], refs[i]
	}
	return d
}

// shardKey is the hash of what term shard s's files are made of, its
// terms ts (indexes into d): the numbering, the shard count and the
// shard, and per term the term and its pieces (their group's first
// document and hash). The manifest's header holds the rest (the program,
// the layout constants).
func (ps *postStore) shardKey(b []byte, numbering []byte, shards, s int, d *dictionary, ts []int) ([sha256.Size]byte, []byte) {
	b = append(b[:0], "gongshi term shard\x00"...)
	b = append(b, numbering...)
	b = binary.AppendUvarint(b, uint64(shards))
	b = binary.AppendUvarint(b, uint64(s))
	for _, i := range ts {
		b = binary.AppendUvarint(b, uint64(len(d.terms[i])))
		b = append(b, d.terms[i]...)
		b = binary.AppendUvarint(b, uint64(len(d.refs[i])))
		for _, r := range d.refs[i] {
			gp := &ps.groups[r.g]
			b = binary.AppendUvarint(b, uint64(gp.lo))
			b = append(b, gp.terms[r.k].hash[:]...)
		}
	}
	return sha256.Sum256(b), b
}

// postings writes term i's postings over all groups into buf and returns
// its document frequency.
func (ps *postStore) postings(buf *bytes.Buffer, d *dictionary, i int) (uint64, error) {
	buf.Reset()
	var df, prev uint64
	for _, r := range d.refs[i] {
		gp := &ps.groups[r.g]
		t := &gp.terms[r.k]
		piece := gp.pieces[t.off : t.off+t.n]
		first, n := binary.Uvarint(piece)
		if n <= 0 {
			return 0, fmt.Errorf("search: term %q: bad postings in group at %d", d.terms[i], gp.lo)
		}
		abs := uint64(gp.lo) + first
		if df > 0 && abs <= prev {
			return 0, fmt.Errorf("search: term %q: groups out of order at %d", d.terms[i], gp.lo)
		}
		putUvarint(buf, abs-prev)
		buf.Write(piece[n:])
		prev = uint64(gp.lo) + t.last
		df += t.df
	}
	return df, nil
}
