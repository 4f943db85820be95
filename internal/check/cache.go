package check

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/program"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// DirCached is DirContext with a cache, in the folder cacheDir (made if
// missing), of each data file's own check: a file whose bytes, path
// under dir, and checking program (the running executable's path, size
// and modification time) are those of an entry is not parsed again. The
// checks across files always run, over every file. The result is the
// one DirContext gives, except that a File taken from the cache has a
// zero Meta (toml.MetaData), which the build does not read; cacheDir ""
// is DirContext itself.
//
// The cache holds one file per data file, named by that key
// (<sha256>.chk), written atomically (a temporary file, then a rename).
// An entry that cannot be read, or is corrupt or truncated, is a miss.
// After a complete run, the entries that no data file used are removed,
// so the folder holds one entry per data file; it should be given to one
// data folder only. A failure to read or write the cache never fails the
// check: the file is then checked as DirContext would.
func DirCached(ctx context.Context, dir, cacheDir string) ([]*store.File, []Problem, error) {
	return DirCachedWith(ctx, dir, cacheDir, CacheOptions{})
}

// CacheOptions are DirCachedWith's.
type CacheOptions struct {
	// Map maps the cache entries into memory, read only, instead of
	// reading them: the notices taken from the cache point into the
	// mapped files, which the page cache already holds (reading 230 MB of
	// entries into new memory was a third of the check of 2,000 files).
	// The mappings are never undone, so this is for a process that checks
	// once (gongshi build), not one that checks again and again (gongshi
	// serve). An entry that cannot be mapped is read.
	Map bool
	// Root is the project folder, whose config.toml names the folders
	// originals may lie in and against which they are resolved (see
	// original.go); "" is the current folder.
	Root string
}

// mappedEntries counts the entries mapped (for the tests).
var mappedEntries atomic.Int64

// DirCachedWith is DirCached with options.
func DirCachedWith(ctx context.Context, dir, cacheDir string, o CacheOptions) ([]*store.File, []Problem, error) {
	root := o.Root
	if root == "" {
		root = "."
	}
	if cacheDir == "" {
		return dirCheck(ctx, dir, nil, root)
	}
	c := newFileCache(cacheDir)
	c.mapped = o.Map
	return dirCheck(ctx, dir, c, root)
}

// cacheVersion changes whenever what an entry holds, or what checkFile
// reports, changes without the executable changing (in tests).
const cacheVersion = "gongshi check cache 4\n"

const cacheExt = ".chk"

// fileCache is the entries of one run.
type fileCache struct {
	dir  string
	ok   bool // dir exists
	mu   sync.Mutex
	used map[string]bool // entry file names used or written in this run
	// mapped: entries are mapped, not read (CacheOptions.Map).
	mapped bool
}

func newFileCache(dir string) *fileCache {
	c := &fileCache{dir: dir, used: map[string]bool{}}
	c.ok = os.MkdirAll(dir, 0o755) == nil
	return c
}

// exeID is the program's part of an entry's key: the SHA-256 of its
// executable (program.Sum), so that a copy of the same binary elsewhere
// finds the entries and a rebuilt one does not.
func exeID() string {
	if s := program.Sum(); s != "" {
		return "exe " + s + "\n"
	}
	return "exe ?\n"
}

// key names the entry of a file: a hash of the program, the file's path
// under the data folder and its bytes' SHA-256.
func (c *fileCache) key(rel string, sum [32]byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s%s%d %s\n", cacheVersion, exeID(), len(rel), rel)
	h.Write(sum[:])
	name := hex.EncodeToString(h.Sum(nil)) + cacheExt
	c.mu.Lock()
	c.used[name] = true
	c.mu.Unlock()
	return name
}

// load is the file's check from its entry, or nil.
func (c *fileCache) load(key, path, rel string) *fileCheck {
	if !c.ok {
		return nil
	}
	read := os.ReadFile
	if c.mapped {
		read = mapFile
	}
	b, err := read(filepath.Join(c.dir, key))
	if err != nil {
		return nil
	}
	fc, err := decodeEntryLazy(b, path, rel)
	if err != nil {
		return nil
	}
	return fc
}

// save writes the file's check (before the checks across files) to its
// entry.
func (c *fileCache) save(key string, fc *fileCheck, sizeHint int) {
	if !c.ok {
		return
	}
	b, err := encodeEntry(fc, sizeHint)
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(c.dir, key)) != nil {
		os.Remove(tmp.Name())
	}
}

// prune removes the entries this run did not use, and temporary files
// left over an hour ago by a run that stopped (a younger one may be
// another run's, about to be renamed).
func (c *fileCache) prune() {
	if !c.ok {
		return
	}
	des, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, de := range des {
		name := de.Name()
		entry := strings.HasSuffix(name, cacheExt) && !strings.HasPrefix(name, ".")
		tmp := strings.HasPrefix(name, ".tmp-")
		if !(entry && !c.used[name]) && !tmp {
			continue
		}
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() || tmp && time.Since(info.ModTime()) < time.Hour {
			continue
		}
		os.Remove(filepath.Join(c.dir, name))
	}
}

// entry is what the cache keeps of one file's own check: what the checks
// across files read (the walker's notice, which paths are present,
// usable or blank, the finding numbers) and what the caller gets (the
// problems, the library's notice). The paths' positions, needed only to
// place a problem found across files, follow it in the entry file as a
// section of their own (a line and a column, as varints, for each path
// flagged entryPos, in order), checked when the entry is read but
// turned into a map only on a file's first such problem.
type entry struct {
	Probs        []entryProblem
	HasNotice    bool
	Notice       notice.Notice // the walker's
	File         uint8         // 0: no File; 1: the library's notice equals Notice; 2: it is Strict
	Strict       notice.Notice
	Paths        []string
	Flags        []uint8 // entrySeen | entryBad | entryBlank | entryPos
	Numbers      []int   // finding number, index, …
	NumbersKnown bool
}

type entryProblem struct {
	Line, Col int
	Message   string
	Warning   bool
	Loc       string // the message itself, i18n.Encode'd ("": none)
}

const (
	entrySeen = 1 << iota
	entryBad
	entryBlank
	entryPos
)

const entryMagic = "gongshi-check-entry\x03"

// sizeHint is the length of the file's text.
func encodeEntry(fc *fileCheck, sizeHint int) ([]byte, error) {
	var e entry
	ps := fc.positions()
	fc.loadFlags()
	for _, p := range fc.probs {
		if p.Path != fc.path {
			return nil, errors.New("problem about another file")
		}
		var loc string
		if p.Loc != nil {
			loc = i18n.Encode(p.Loc)
		}
		e.Probs = append(e.Probs, entryProblem{p.Line, p.Col, p.Message, p.Warning, loc})
	}
	if fc.n != nil {
		e.HasNotice = true
		e.Notice = *fc.n
	}
	if fc.file != nil {
		e.File = 2
		if fc.n != nil && reflect.DeepEqual(fc.n, fc.file.Notice) {
			e.File = 1
		} else {
			e.Strict = *fc.file.Notice
		}
	}
	// Every path once, in no particular order: the positions' paths,
	// then the others.
	e.Paths = make([]string, 0, len(ps)+len(fc.bad))
	for p := range ps {
		e.Paths = append(e.Paths, p)
	}
	var more map[string]bool
	for _, m := range []map[string]bool{fc.seen, fc.bad, fc.blank} {
		for p := range m {
			if _, ok := ps[p]; !ok && !more[p] {
				if more == nil {
					more = map[string]bool{}
				}
				more[p] = true
				e.Paths = append(e.Paths, p)
			}
		}
	}
	e.Flags = make([]uint8, len(e.Paths))
	var lineCols []int
	for i, p := range e.Paths {
		var f uint8
		if fc.seen[p] {
			f |= entrySeen
		}
		if fc.bad[p] {
			f |= entryBad
		}
		if fc.blank[p] {
			f |= entryBlank
		}
		if at, ok := ps[p]; ok {
			f |= entryPos
			lineCols = append(lineCols, at.Line, at.Col)
		}
		e.Flags[i] = f
	}
	for _, num := range sortedKeys(fc.numbers) {
		e.Numbers = append(e.Numbers, num, fc.numbers[num])
	}
	e.NumbersKnown = fc.numbersKnown

	// Sized once: about the file's text, and its paths.
	enc := encoder{b: make([]byte, 0, sizeHint+64*len(e.Paths)+4096)}
	enc.b = append(enc.b, entryMagic+"\x00\x00\x00\x00"...)
	if err := enc.value(reflect.ValueOf(&e).Elem()); err != nil {
		return nil, err
	}
	for _, x := range lineCols {
		enc.b = binary.AppendVarint(enc.b, int64(x))
	}
	binary.LittleEndian.PutUint32(enc.b[len(entryMagic):], crc32.Checksum(enc.b[len(entryMagic)+4:], crcTable))
	return enc.b, nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

var errCorrupt = errors.New("corrupt cache entry")

// decodeEntry is the file's check from its entry b, positions read.
func decodeEntry(b []byte, path, rel string) (*fileCheck, error) {
	fc, err := decodeEntryLazy(b, path, rel)
	if err != nil {
		return nil, err
	}
	fc.positions()
	fc.loadFlags()
	return fc, nil
}

// decodeEntryLazy is decodeEntry, leaving the positions to be read on the
// first lookup. The check keeps b (its strings share it).
func decodeEntryLazy(b []byte, path, rel string) (fc *fileCheck, err error) {
	head := len(entryMagic) + 4
	if len(b) < head || string(b[:len(entryMagic)]) != entryMagic ||
		binary.LittleEndian.Uint32(b[len(entryMagic):]) != crc32.Checksum(b[head:], crcTable) {
		return nil, errCorrupt
	}
	defer func() {
		if r := recover(); r != nil {
			fc, err = nil, errCorrupt
		}
	}()
	var e entry
	d := decoder{b: b[head:]}
	if err := d.value(reflect.ValueOf(&e).Elem()); err != nil {
		return nil, errCorrupt
	}
	if len(e.Flags) != len(e.Paths) || len(e.Numbers)%2 != 0 || e.File > 2 {
		return nil, errCorrupt
	}
	// The positions' section: exactly a line and a column for each path
	// flagged entryPos.
	nPos := 0
	for _, f := range e.Flags {
		if f&entryPos != 0 {
			nPos++
		}
	}
	if !validLineCols(d.b, 2*nPos) {
		return nil, errCorrupt
	}
	fc = &fileCheck{path: path, rel: rel, numbersKnown: e.NumbersKnown}
	for _, p := range e.Probs {
		var loc *i18n.Error
		if p.Loc != "" {
			if loc, err = i18n.Decode(p.Loc); err != nil {
				return nil, errCorrupt
			}
		}
		fc.probs = append(fc.probs, Problem{path, p.Line, p.Col, p.Message, p.Warning, loc})
	}
	if e.HasNotice {
		fc.n = &e.Notice
	}
	if e.HasNotice || len(e.Paths) > 0 {
		fc.seen, fc.bad, fc.blank = map[string]bool{}, map[string]bool{}, map[string]bool{}
		fc.lazyPos = &lazyPositions{paths: e.Paths, flags: e.Flags, n: nPos, b: d.b}
		// The flags of the paths outside findings[…] now, the others on
		// the first question about one of them (see lazyFlags).
		lf := &lazyFlags{paths: e.Paths, flags: e.Flags}
		for i, p := range e.Paths {
			if strings.HasPrefix(p, lazyFlagsPrefix) {
				lf.later = append(lf.later, i)
				continue
			}
			fc.setFlags(p, e.Flags[i])
		}
		if len(lf.later) > 0 {
			fc.lazyFlags = lf
		}
	}
	if e.HasNotice || len(e.Numbers) > 0 {
		fc.numbers = make(map[int]int, len(e.Numbers)/2)
	}
	for i := 0; i+1 < len(e.Numbers); i += 2 {
		fc.numbers[e.Numbers[i]] = e.Numbers[i+1]
	}
	switch e.File {
	case 1:
		if fc.n == nil {
			return nil, errCorrupt
		}
		// The walker's notice and the library's were equal; one copy
		// serves both (the checks across files only read it).
		fc.file = &store.File{Path: path, Notice: fc.n}
	case 2:
		fc.file = &store.File{Path: path, Notice: &e.Strict}
	}
	return fc, nil
}

// lazyFlagsPrefix begins the paths whose flags a check taken from the
// cache reads on the first question about one of them.
const lazyFlagsPrefix = "findings["

// lazyFlags are the flags of an entry's paths left for later: indices
// into paths and flags.
type lazyFlags struct {
	paths []string
	flags []uint8
	later []int
}

// setFlags records the entry flags f of path p.
func (fc *fileCheck) setFlags(p string, f uint8) {
	if f&entrySeen != 0 {
		fc.seen[p] = true
	}
	if f&entryBad != 0 {
		fc.bad[p] = true
	}
	if f&entryBlank != 0 {
		fc.blank[p] = true
	}
}

// loadFlags records the flags left for later, if any.
func (fc *fileCheck) loadFlags() {
	lf := fc.lazyFlags
	if lf == nil {
		return
	}
	fc.lazyFlags = nil
	for _, i := range lf.later {
		fc.setFlags(lf.paths[i], lf.flags[i])
	}
}

// validLineCols reports whether b is exactly n varints, each an int.
func validLineCols(b []byte, n int) bool {
	for range n {
		_, k := binary.Varint(b)
		if k <= 0 {
			return false
		}
		b = b[k:]
	}
	return len(b) == 0
}

// lazyPositions is the positions' section of an entry, read into a map
// on the first lookup (validLineCols has checked it when the entry was
// read).
type lazyPositions struct {
	paths []string
	flags []uint8
	n     int    // paths flagged entryPos
	b     []byte // their lines and columns
}

func (lp *lazyPositions) load() positions {
	ps := make(positions, lp.n)
	b := lp.b
	for i, p := range lp.paths {
		if lp.flags[i]&entryPos == 0 {
			continue
		}
		line, k := binary.Varint(b)
		b = b[k:]
		col, k := binary.Varint(b)
		b = b[k:]
		ps[p] = pos{int(line), int(col)}
	}
	return ps
}

// encoder writes a value of the kinds notice.Notice is made of exactly:
// nil and empty slices, nil pointers and pointers to zero stay distinct
// (which encoding/gob and the notice's JSON tags do not keep).
type encoder struct{ b []byte }

func (e *encoder) uint(x uint64) { e.b = binary.AppendUvarint(e.b, x) }

func (e *encoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			e.b = append(e.b, 1)
		} else {
			e.b = append(e.b, 0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.b = binary.AppendVarint(e.b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.uint(v.Uint())
	case reflect.String:
		e.uint(uint64(v.Len()))
		e.b = append(e.b, v.String()...)
	case reflect.Pointer:
		if v.IsNil() {
			e.b = append(e.b, 0)
			return nil
		}
		e.b = append(e.b, 1)
		return e.value(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			e.b = append(e.b, 0)
			return nil
		}
		e.uint(uint64(v.Len()) + 1)
		for i := range v.Len() {
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				// Not written, and left zero when read: decoding sets
				// none (Notice.redacted is set on a masked copy only).
				if !v.Field(i).IsZero() {
					return fmt.Errorf("cache: unexported field %s.%s is set", t, t.Field(i).Name)
				}
			}
		}
		for _, i := range exportedFields(t) {
			if err := e.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("cache: cannot encode %s", v.Type())
	}
	return nil
}

// decoder reads what encoder wrote into a value of the same type.
type decoder struct{ b []byte }

func (d *decoder) uint() (uint64, error) {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		return 0, errCorrupt
	}
	d.b = d.b[n:]
	return x, nil
}

func (d *decoder) byte() (byte, error) {
	if len(d.b) == 0 {
		return 0, errCorrupt
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c, nil
}

func (d *decoder) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Bool:
		c, err := d.byte()
		if err != nil || c > 1 {
			return errCorrupt
		}
		v.SetBool(c == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x, n := binary.Varint(d.b)
		if n <= 0 || v.OverflowInt(x) {
			return errCorrupt
		}
		d.b = d.b[n:]
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		x, err := d.uint()
		if err != nil || v.OverflowUint(x) {
			return errCorrupt
		}
		v.SetUint(x)
	case reflect.String:
		n, err := d.uint()
		if err != nil || n > uint64(len(d.b)) {
			return errCorrupt
		}
		if n > 0 {
			// The entry's buffer is never written again: its strings
			// share it rather than copy it.
			v.SetString(unsafe.String(&d.b[0], n))
		}
		d.b = d.b[n:]
	case reflect.Pointer:
		c, err := d.byte()
		if err != nil || c > 1 {
			return errCorrupt
		}
		if c == 1 {
			p := reflect.New(v.Type().Elem())
			if err := d.value(p.Elem()); err != nil {
				return err
			}
			v.Set(p)
		}
	case reflect.Slice:
		n, err := d.uint()
		if err != nil || n > uint64(len(d.b))+1 {
			return errCorrupt
		}
		if n == 0 {
			return nil
		}
		s := reflect.MakeSlice(v.Type(), int(n-1), int(n-1))
		for i := range int(n - 1) {
			if err := d.value(s.Index(i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		for _, i := range exportedFields(v.Type()) {
			if err := d.value(v.Field(i)); err != nil {
				return err
			}
		}
	default:
		return errCorrupt
	}
	return nil
}

var exportedCache sync.Map // reflect.Type → []int

// exportedFields is the indexes of a struct type's exported fields.
func exportedFields(t reflect.Type) []int {
	if fs, ok := exportedCache.Load(t); ok {
		return fs.([]int)
	}
	var fs []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			fs = append(fs, i)
		}
	}
	v, _ := exportedCache.LoadOrStore(t, fs)
	return v.([]int)
}
