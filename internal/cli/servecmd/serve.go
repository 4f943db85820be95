// Package servecmd is `gongshi serve`: build the site, serve it on
// localhost for preview with the search API, and rebuild when the data or
// the site's sources change.
package servecmd

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/buildcmd"
	"github.com/gongshi/gongshi/internal/httpapi"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/review"
	"github.com/gongshi/gongshi/internal/site"
)

// PollInterval is how often serve looks for changed files: a change is
// then rebuilt incrementally (only the changed units' pages; see package
// site), so it is on the page within a second on the bundled site.
var PollInterval = 250 * time.Millisecond

// zeroTime: serve sends no Last-Modified (see compress.go).
var zeroTime time.Time

// runServe builds and serves the site of o until ctx is done.
func runServe(opts *Options) error {
	ctx, io, o, addr := opts.Ctx, opts.IO, opts.Site, opts.Addr
	// The preview's feeds, sitemap and downloads name serve's own address,
	// not config.toml's baseURL (issue 9).
	if h, p, err := net.SplitHostPort(addr); err == nil && h != "" && p != "0" {
		o.BaseURL = "http://" + net.JoinHostPort(h, p) + "/"
	}
	rv := review.New(o.Root, o.Data)
	s := &server{opts: o, io: io, review: rv, gz: newGzipCache(gzipCacheBytes, gzipCacheFile)}
	if err := s.build(ctx); err != nil {
		if _, serr := os.Stat(filepath.Join(o.Out, "index.html")); serr != nil {
			return err
		}
		fmt.Fprintln(io.Err, i18n.Sprintf(io.P, "serving the previous site in %s until the build succeeds", o.Out))
	}
	defer s.closeAPI()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	rv.Listening(ln.Addr().String(), addr) // the review pages answer only requests naming this address
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintln(io.Out, i18n.Sprintf(io.P, "serving %s at http://%s/ (Ctrl-C to stop)", o.Out, ln.Addr()))
	fmt.Fprintln(io.Out, i18n.Sprintf(io.P, "review imports at http://%s/review/", ln.Addr()))
	if opts.Open {
		if err := openBrowser(fmt.Sprintf("http://%s/", ln.Addr())); err != nil {
			fmt.Fprintln(io.Err, i18n.Sprintf(io.P, "could not open the browser (%s): open the address above yourself", err))
		}
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.watch(ctx)
	}()

	select {
	case err = <-served:
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = srv.Shutdown(shut)
		cancel()
		<-served
		fmt.Fprintln(io.Err, i18n.Sprintf(io.P, "stopped"))
	}
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

type server struct {
	opts site.Options
	io   cli.IO

	api      atomic.Pointer[http.Handler]
	mu       sync.Mutex // guards closer
	closer   io.Closer
	building sync.Mutex
	review   http.Handler // the editor's /review/ pages (localhost only; not in the built site)
	gz       *gzipCache   // the site's files compressed (nil: compressed as sent)
}

// build builds the site and, when that succeeds, opens the new search index
// for the API (closing the previous one).
func (s *server) build(ctx context.Context) error {
	s.building.Lock()
	defer s.building.Unlock()
	sum, err := site.Build(ctx, s.opts)
	if err != nil {
		return buildcmd.Report(s.io, err)
	}
	fmt.Fprintln(s.io.Err, i18n.Sprintf(s.io.P, "built %s: %s", s.opts.Out, sum))
	return s.openAPI()
}

func (s *server) openAPI() error {
	h, c, err := httpapi.New(s.opts.Out)
	if err != nil {
		return fmt.Errorf("search API: %w", err)
	}
	s.api.Store(&h)
	s.mu.Lock()
	old := s.closer
	s.closer = c
	s.mu.Unlock()
	if old != nil {
		old.Close()
	}
	return nil
}

func (s *server) closeAPI() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closer != nil {
		s.closer.Close()
		s.closer = nil
	}
}

// watch rebuilds whenever the fingerprint of the sources changes.
func (s *server) watch(ctx context.Context) {
	last := s.fingerprint()
	tick := time.NewTicker(PollInterval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		fp := s.fingerprint()
		if fp == last {
			continue
		}
		last = fp
		fmt.Fprintln(s.io.Err, i18n.Sprintf(s.io.P, "change detected: rebuilding"))
		if err := s.build(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			var ee *cli.ExitError
			if !errors.As(err, &ee) || !ee.Silent {
				fmt.Fprintln(s.io.Err, i18n.Sprintf(s.io.P, "gongshi serve: %s", i18n.Localize(s.io.P, err)))
			}
			fmt.Fprintln(s.io.Err, i18n.Sprintf(s.io.P, "rebuild failed: still serving the last good site"))
		}
	}
}

// fingerprint hashes the names, sizes and times of the files a build reads.
func (s *server) fingerprint() uint64 {
	h := fnv.New64a()
	root := s.opts.Root
	for _, dir := range []string{s.opts.Data, filepath.Join(root, "content"), filepath.Join(root, "layouts"),
		filepath.Join(root, "static"), filepath.Join(root, "config.toml")} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "%s!\n", p)
				return nil
			}
			if info, err := d.Info(); err == nil && !d.IsDir() {
				fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return h.Sum64()
}

// ServeHTTP serves /api/ with the search API and everything else from the
// site folder only.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.review != nil && strings.HasPrefix(r.URL.Path, "/review/") {
		s.review.ServeHTTP(w, r)
		return
	}
	if r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/") {
		if h := s.api.Load(); h != nil {
			(*h).ServeHTTP(w, r)
			return
		}
		http.Error(w, "the search index is not built", http.StatusServiceUnavailable)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	serveSite(w, r, s.opts.Out, s.gz)
}

// serveSite serves a file of the site folder dir: a folder by its
// index.html, never a listing; nothing outside dir (os.DirFS refuses ".."
// and absolute names).
func serveSite(w http.ResponseWriter, r *http.Request, dir string, gz *gzipCache) {
	fsys := os.DirFS(dir)
	upath := r.URL.Path
	if !strings.HasPrefix(upath, "/") {
		upath = "/" + upath
	}
	name := strings.TrimPrefix(path.Clean(upath), "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(fsys, name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(upath, "/") {
			target := upath + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = fs.Stat(fsys, name)
	}
	if err != nil || info.IsDir() {
		notFound(w, fsys)
		return
	}
	f, err := fsys.Open(name)
	if err != nil {
		notFound(w, fsys)
		return
	}
	defer f.Close()
	serveFile(w, r, name, info, f.(io.ReadSeeker), gz)
}

// notFound answers 404 with the site's 404 page.
func notFound(w http.ResponseWriter, fsys fs.FS) {
	b, err := fs.ReadFile(fsys, "404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(b)
}
