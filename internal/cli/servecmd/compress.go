package servecmd

import (
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"syscall"
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

// compressible are the types worth gzip.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".csv": true, ".svg": true, ".txt": true, ".toml": true, ".bin": true,
}

// minGzip is the smallest file compressed: below it gzip's header costs
// more than it saves.
const minGzip = 512

func etag(info fs.FileInfo, gz bool) string {
	var ino uint64
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		ino = st.Ino
	}
	t := fmt.Sprintf(`"%x-%x-%x`, ino, info.Size(), info.ModTime().UnixNano())
	if gz {
		t += "-gz"
	}
	return t + `"`
}

// serveFile answers with the file f of the site (name is its path).
func serveFile(w http.ResponseWriter, r *http.Request, name string, info fs.FileInfo, f io.ReadSeeker) {
	ext := strings.ToLower(path.Ext(name))
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	gz := compressible[ext] && info.Size() >= minGzip && r.Header.Get("Range") == "" && acceptsGzip(r)
	if compressible[ext] {
		h.Set("Vary", "Accept-Encoding")
	}
	tag := etag(info, gz)
	h.Set("ETag", tag)
	if !gz {
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
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	io.Copy(zw, f)
	zw.Close()
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
