package servecmd

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
)

// How serve answers a file, as a real host would: text compressed with
// gzip when the client takes it, and cache headers.
//
// No file name of the site is fingerprinted, and a build keeps every file's
// time at SOURCE_DATE_EPOCH, so a time says nothing of a change: the
// validator is an ETag of the file's identity (inode, size, time: a page
// rewritten by a build is a new file, one taken from the previous build
// the same one), there is no Last-Modified, and every answer says
// Cache-Control: no-cache (the browser keeps the file and asks each time;
// an unchanged file costs a 304).
//
// Each file is compressed once per version, not per request (issue 19: a
// page with gzip was served at 2,646 req/s against 28,246 without): the
// gzip bytes are kept in memory by path and ETag (gzipCache), bounded, the
// least recently used dropped first. The file's identity in the ETag is
// its inode on Unix and its file index on Windows (fileid_*.go).

// compressible are the types worth gzip.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".csv": true, ".svg": true, ".txt": true, ".toml": true, ".bin": true,
}

// minGzip is the smallest file compressed: below it gzip's header costs
// more than it saves.
const minGzip = 512

func etag(info fs.FileInfo, f any, gz bool) string {
	t := fmt.Sprintf(`"%x-%x-%x`, fileID(info, f), info.Size(), info.ModTime().UnixNano())
	if gz {
		t += "-gz"
	}
	return t + `"`
}

// serveFile answers with the file f of the site (name is its path); its
// gzip bytes come from gz (compressed once per version of the file), or
// are compressed as they are sent when gz is nil or the file is larger
// than what gz keeps.
func serveFile(w http.ResponseWriter, r *http.Request, name string, info fs.FileInfo, f io.ReadSeeker, gz *gzipCache) {
	ext := strings.ToLower(path.Ext(name))
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	zip := compressible[ext] && info.Size() >= minGzip && r.Header.Get("Range") == "" && acceptsGzip(r)
	if compressible[ext] {
		h.Set("Vary", "Accept-Encoding")
	}
	tag := etag(info, f, zip)
	h.Set("ETag", tag)
	if !zip {
		http.ServeContent(w, r, name, zeroTime, f)
		return
	}
	if match := r.Header.Get("If-None-Match"); match != "" && (match == "*" || strings.Contains(match, tag)) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	ctype := mime.TypeByExtension(ext)
	if ctype == "" || ext == ".bin" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Encoding", "gzip")
	if gz != nil && info.Size() <= gz.maxFile {
		b, err := gz.get(name, tag, f)
		if err == nil {
			h.Set("Content-Length", strconv.Itoa(len(b)))
			w.WriteHeader(http.StatusOK)
			if r.Method != http.MethodHead {
				w.Write(b)
			}
			return
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			h.Del("Content-Encoding")
			http.Error(w, "reading the file failed", http.StatusInternalServerError)
			return
		}
	}
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	io.Copy(zw, f)
	zw.Close()
}

// gzipCache keeps the gzip bytes of the site's files, each compressed once
// (at gzip.BestCompression: once, so the smallest) per version of the file
// (its ETag: identity, size, time), one version per path, the least
// recently used dropped first beyond maxBytes. A request for a file being
// compressed waits for that compression instead of starting another.
type gzipCache struct {
	maxBytes int64 // of compressed bytes held
	maxFile  int64 // the largest file kept (larger ones are compressed as sent)
	// compressed, when set, is called for each compression (tests count them).
	compressed func(name string)

	mu      sync.Mutex
	entries map[string]*list.Element // of *gzEntry, by path
	lru     list.List                // most recently used first
	bytes   int64
}

type gzEntry struct {
	name, tag string
	ready     chan struct{} // closed when data (or err) is set
	data      []byte
	err       error
}

// The defaults: the bundled site's compressible files are ~10 MB
// compressed; 64 MiB holds a large site's pages in use.
const (
	gzipCacheBytes = 64 << 20
	gzipCacheFile  = 8 << 20
)

func newGzipCache(maxBytes, maxFile int64) *gzipCache {
	return &gzipCache{maxBytes: maxBytes, maxFile: maxFile, entries: map[string]*list.Element{}}
}

// get is the gzip of the file read from r, the version tag of name.
func (c *gzipCache) get(name, tag string, r io.Reader) ([]byte, error) {
	c.mu.Lock()
	if el, ok := c.entries[name]; ok {
		e := el.Value.(*gzEntry)
		if e.tag == tag {
			c.lru.MoveToFront(el)
			c.mu.Unlock()
			<-e.ready
			return e.data, e.err
		}
		c.remove(el)
	}
	e := &gzEntry{name: name, tag: tag, ready: make(chan struct{})}
	el := c.lru.PushFront(e)
	c.entries[name] = el
	c.mu.Unlock()

	if c.compressed != nil {
		c.compressed(name)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, err := io.Copy(zw, r)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}

	c.mu.Lock()
	if err != nil {
		e.err = err
		if c.entries[name] == el {
			c.remove(el)
		}
	} else {
		e.data = buf.Bytes()
		if c.entries[name] == el { // not replaced meanwhile
			c.bytes += int64(len(e.data))
			for c.bytes > c.maxBytes && c.lru.Len() > 1 {
				c.remove(c.lru.Back())
			}
		}
	}
	c.mu.Unlock()
	close(e.ready)
	return e.data, e.err
}

// remove drops an entry; c.mu is held.
func (c *gzipCache) remove(el *list.Element) {
	e := el.Value.(*gzEntry)
	c.lru.Remove(el)
	if c.entries[e.name] == el {
		delete(c.entries, e.name)
	}
	c.bytes -= int64(len(e.data))
}

// acceptsGzip reports whether the request takes gzip (and not with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		fields := strings.Split(part, ";")
		if strings.TrimSpace(fields[0]) != "gzip" {
			continue
		}
		for _, p := range fields[1:] {
			if q := strings.ReplaceAll(p, " ", ""); q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}
