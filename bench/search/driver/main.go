// Command driver measures gongshi's in-browser search against Pagefind on
// one built site, in headless Chromium. bench/search/run.sh runs it; see
// there.
//
//	driver seed -out DIR                      write the bundled notice's data file into DIR
//	driver build -data DIR -out DIR           build a site with internal/site (when the CLI cannot yet)
//	driver measure -site DIR -label L …       measure both engines, append a JSON line to -results
//	driver table -results FILE                print the comparison as a Markdown table
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	cdpprofiler "github.com/chromedp/cdproto/profiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/search/searchtest"
	"github.com/gongshi/gongshi/internal/site"
	"github.com/gongshi/gongshi/internal/store"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: driver seed|build|measure|table …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "seed":
		err = seed(os.Args[2:])
	case "build":
		err = build(os.Args[2:])
	case "measure":
		err = measure(os.Args[2:])
	case "table":
		err = table(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}

func seed(args []string) error {
	fs := flag.NewFlagSet("seed", flag.ExitOnError)
	out := fs.String("out", "", "data folder to write")
	fs.Parse(args)
	n, err := searchtest.SeedNotice()
	if err != nil {
		return err
	}
	return store.Write(filepath.Join(*out, store.RelPath(n)), n, true)
}

func build(args []string) error {
	fs := flag.NewFlagSet("build", flag.ExitOnError)
	data := fs.String("data", "", "data folder")
	out := fs.String("out", "", "site folder")
	fs.Parse(args)
	_, err := site.Build(context.Background(), site.Options{Root: searchtest.Root(), Data: *data, Out: *out, Log: os.Stdout})
	return err
}

// expected are the finding pages each query should find first on the
// bundled site (findings of the 郊尾镇 notice's inspection of 2023-07-03).
var expected = map[string][]string{
	"偷工减料": {"30"}, "回填土": {"21"}, "陵园": {"28", "29"}, "电诈": {"12"},
	"小金库": {"48"}, "食堂": {"35"}, `"3.85万元"`: {"21"},
}

// queries: the first is the cold query, the second a new query on the
// warm engine; then the rest, then the first again (cached).
var queries = []string{"偷工减料", "回填土", "陵园", "电诈", "小金库", "食堂", `"3.85万元"`}

// Run is one measured browser session of one engine.
type Run struct {
	FirstMS, SecondMS     float64
	WarmMS                []float64 // the other new queries
	RepeatMS              float64   // the first query again
	FirstWire, SecondWire int64     // bytes on the wire (headers included), gzip for text
	FirstBody, SecondBody int64     // bytes of the bodies, decoded
	FirstReqs, SecondReqs int
	Ranks                 map[string][]int // query → rank (1…) of each expected page, 0: not in the top 10
	Top                   map[string][]string
	// Cold first paint of the site's own pages (gongshi only): the search
	// page with a query and the findings table, each in a fresh browser:
	// from navigation to the results or rows drawn, and what it fetched.
	SearchPageMS, TablePageMS     float64
	SearchPageWire, TablePageWire int64
	SearchPageBody, TablePageBody int64
	SearchPageReqs, TablePageReqs int
}

// Result is one engine on one site.
type Result struct {
	Label, Engine string
	Key           string // the site in the terms: bundled, or the number of townships
	BuildSeconds  float64
	IndexBytes    int64 // what the browser may fetch
	ServerBytes   int64 // the Bleve index (ours)
	Files         int
	Failed        string // why the engine could not index the site
	Runs          []Run
}

func measure(args []string) error {
	fs := flag.NewFlagSet("measure", flag.ExitOnError)
	dir := fs.String("site", "", "built site with search/ and pagefind/")
	label := fs.String("label", "", "name of the site in the table")
	key := fs.String("key", "", "the site in issue 23's summary: bundled, or the number of townships")
	runs := fs.Int("runs", 5, "browser sessions per engine")
	results := fs.String("results", "", "file to append the JSON results to")
	buildLog := fs.String("build-log", "", "gongshi build's log (for the search stage's time)")
	pfTime := fs.Float64("pagefind-seconds", 0, "Pagefind's indexing wall time")
	pfFailed := fs.String("pagefind-failed", "", "why Pagefind could not index the site (measure gongshi only)")
	ranks := fs.Bool("ranks", false, "check the expected pages (bundled site)")
	fs.Parse(args)

	srv, base, err := serve(*dir)
	if err != nil {
		return err
	}
	defer srv.Close()
	ours := Result{Label: *label, Key: *key, Engine: "gongshi"}
	ours.BuildSeconds, err = searchStageSeconds(*buildLog)
	if err != nil {
		return err
	}
	ours.IndexBytes, ours.Files = dirBytes(*dir, "search", func(p string) bool { return !strings.Contains(p, "/bleve/") })
	ours.ServerBytes, _ = dirBytes(*dir, "search/bleve", nil)
	pf := Result{Label: *label, Key: *key, Engine: "pagefind", BuildSeconds: *pfTime, Failed: *pfFailed}
	pf.IndexBytes, pf.Files = dirBytes(*dir, "pagefind", nil)
	engines := []*Result{&ours, &pf}
	if pf.Failed != "" {
		engines = engines[:1]
	}
	for i := 0; i < *runs; i++ {
		for _, r := range engines {
			run, err := session(base+"/__bench/"+r.Engine+".html", *ranks)
			if err != nil {
				return fmt.Errorf("%s run %d: %w", r.Engine, i+1, err)
			}
			fmt.Fprintf(os.Stderr, "%s %s run %d: first %.0f ms %d B, second %.0f ms %d B\n", *label, r.Engine, i+1,
				run.FirstMS, run.FirstWire, run.SecondMS, run.SecondWire)
			if r.Engine == "gongshi" {
				if run.SearchPageMS, run.SearchPageWire, run.SearchPageBody, run.SearchPageReqs, err = paint(base+"/search/?q=%E5%81%B7%E5%B7%A5%E5%87%8F%E6%96%99", "gongshi:results"); err != nil {
					return fmt.Errorf("search page: %w", err)
				}
				if run.TablePageMS, run.TablePageWire, run.TablePageBody, run.TablePageReqs, err = paint(base+"/findings/", "gongshi:table"); err != nil {
					return fmt.Errorf("findings table: %w", err)
				}
				fmt.Fprintf(os.Stderr, "  search page %.0f ms %d B, findings table %.0f ms %d B\n", run.SearchPageMS, run.SearchPageWire, run.TablePageMS, run.TablePageWire)
			}
			r.Runs = append(r.Runs, run)
		}
	}
	f, err := os.OpenFile(*results, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, r := range []Result{ours, pf} {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

var reSearchStage = regexp.MustCompile(`(?m)^search\s+\d+ documents indexed \(([^)]+)\)`)

func searchStageSeconds(log string) (float64, error) {
	if log == "" {
		return 0, nil
	}
	b, err := os.ReadFile(log)
	if err != nil {
		return 0, err
	}
	m := reSearchStage.FindSubmatch(b)
	if m == nil {
		return 0, fmt.Errorf("%s: no search stage line", log)
	}
	d, err := time.ParseDuration(string(m[1]))
	return d.Seconds(), err
}

func dirBytes(root, sub string, keep func(string) bool) (int64, int) {
	var n int64
	files := 0
	filepath.WalkDir(filepath.Join(root, sub), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (keep != nil && !keep(filepath.ToSlash(p))) {
			return nil
		}
		if info, err := d.Info(); err == nil {
			n += info.Size()
			files++
		}
		return nil
	})
	return n, files
}

// serve serves the site, the two bench pages, and gzip for text as a
// static host would: compressed once per file (gzip's default level) and
// kept, as nginx's gzip_static or a CDN keep them, so that no engine's
// latency counts this server compressing the same file again (a new
// compressor is about a megabyte to allocate, on every request).
func serve(dir string) (*http.Server, string, error) {
	bundle, err := filepath.Glob(filepath.Join(dir, "search", "search.bundle.*.js"))
	if err != nil || len(bundle) != 1 {
		return nil, "", fmt.Errorf("no search bundle in %s/search", dir)
	}
	pages := map[string]string{
		"/__bench/gongshi.html": `<!doctype html><meta charset="utf-8"><title>gongshi</title>
<script src="/search/` + filepath.Base(bundle[0]) + `"></script>
<script>
const load = (p, binary) => fetch('/search/' + p, p === 'meta.json' ? {cache: 'no-cache'} : {}).then(r => {
  if (r.status === 404 && binary) return null;
  if (!r.ok) throw new Error(p + ' ' + r.status);
  return binary ? r.arrayBuffer().then(b => new Uint8Array(b)) : r.json();
});
const idx = new gongshiSearch.Index(load);
window.runQuery = async (q) => {
  const t0 = performance.now();
  const res = await idx.search({q: q, size: 10});
  const t1 = performance.now();
  const docs = await Promise.all(res.hits.map(h => idx.doc(h.doc)));
  if (window.benchDebug) console.log('phases', q, (t1 - t0).toFixed(1), (performance.now() - t1).toFixed(1));
  const hits = docs.map(d => ({url: d.u, title: d.t, snippet: gongshiSearch.snippet(gongshiSearch.snippetSource(d.t, d.x), res.terms)}));
  return {ms: performance.now() - t0, total: res.total, urls: hits.map(h => h.url)};
};
window.benchDebug = location.hash === '#debug';
window.benchReady = true;
</script>`,
		"/__bench/pagefind.html": `<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
import * as pagefind from '/pagefind/pagefind.js';
window.runQuery = async (q) => {
  const t0 = performance.now();
  const r = await pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return {ms: performance.now() - t0, total: r.results.length, urls: data.map(d => d.url)};
};
window.benchReady = true;
</script>`,
	}
	files := http.FileServer(http.Dir(dir))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, p)
			return
		}
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r)
			return
		}
		wire := &counter{w: w}
		ext := filepath.Ext(r.URL.Path)
		if (ext == ".js" || ext == ".css" || ext == ".json" || ext == ".html" || strings.HasSuffix(r.URL.Path, "/")) &&
			strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			rec := httptest.NewRecorder()
			files.ServeHTTP(rec, r)
			if rec.Code != http.StatusOK { // a 304, a 404: as the file server answered
				for k, v := range rec.Header() {
					w.Header()[k] = v
				}
				w.WriteHeader(rec.Code)
				wire.Write(rec.Body.Bytes())
				traffic.add(r.URL.Path, wire.n, wire.n)
				return
			}
			plain := rec.Body.Bytes()
			key := r.URL.Path + "\x00" + rec.Header().Get("Last-Modified")
			z, ok := compressed.Load(key)
			if !ok {
				var b bytes.Buffer
				gz := gzip.NewWriter(&b)
				gz.Write(plain)
				gz.Close()
				z, _ = compressed.LoadOrStore(key, b.Bytes())
			}
			for _, k := range []string{"Content-Type", "Last-Modified"} {
				w.Header().Set(k, rec.Header().Get(k))
			}
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Vary", "Accept-Encoding")
			w.Header().Set("Content-Length", strconv.Itoa(len(z.([]byte))))
			wire.Write(z.([]byte))
			traffic.add(r.URL.Path, wire.n, int64(len(plain)))
			return
		}
		gw := &gzipWriter{ResponseWriter: w, w: wire, keepLength: true}
		files.ServeHTTP(gw, r)
		traffic.add(r.URL.Path, wire.n, wire.n)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String(), nil
}

// compressed keeps the gzipped text files served (by path and
// modification time).
var compressed sync.Map

// traffic is the server's meter.
var traffic = &meter{log: os.Getenv("BENCH_DEBUG") != ""}

type gzipWriter struct {
	http.ResponseWriter
	w          io.Writer
	keepLength bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if !g.keepLength {
		g.Header().Del("Content-Length")
	}
	g.ResponseWriter.WriteHeader(code)
}
func (g *gzipWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

// meter counts what the server sends (the browser runs Pagefind's
// fetches in a worker, which the page's network events miss): responses,
// their bodies as sent (gzip for text) and as files.
type meter struct {
	mu         sync.Mutex
	wire, body int64
	reqs       int
	log        bool
}

func (m *meter) add(path string, wire, body int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.log {
		fmt.Fprintf(os.Stderr, "  %7d %7d %s\n", wire, body, path)
	}
	m.wire += wire
	m.body += body
	m.reqs++
}

func (m *meter) take() (wire, body int64, reqs int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	wire, body, reqs = m.wire, m.body, m.reqs
	m.wire, m.body, m.reqs = 0, 0, 0
	return
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// session opens the engine's page in a fresh browser (an empty cache) and
// runs the queries.
func session(page string, ranks bool) (Run, error) {
	run := Run{Ranks: map[string][]int{}, Top: map[string][]string{}}
	profile, err := os.MkdirTemp("", "gongshi-bench-chromium-")
	if err != nil {
		return run, err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium()), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	traffic.take()
	if os.Getenv("BENCH_DEBUG") != "" {
		chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*cdpruntime.EventConsoleAPICalled); ok {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				fmt.Fprintln(os.Stderr, "  console:", strings.Join(parts, " "))
			}
		})
		page += "#debug"
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page),
		chromedp.Poll[chromedp.Void](`window.benchReady === true`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return run, err
	}
	type answer struct {
		MS    float64  `json:"ms"`
		Total int      `json:"total"`
		URLs  []string `json:"urls"`
	}
	ask := func(q string) (answer, error) {
		qctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		b, _ := json.Marshal(q)
		return chromedp.Run(qctx, chromedp.Evaluate[answer](`runQuery(`+string(b)+`)`, chromedp.EvalAwaitPromise))
	}
	prof := -1 // BENCH_PROFILE=N: profile query N (0: the cold first) and print where its time went
	if v := os.Getenv("BENCH_PROFILE"); v != "" {
		prof, _ = strconv.Atoi(v)
	}
	for i, q := range append(append([]string(nil), queries...), queries[0]) {
		if i == prof {
			if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				if _, err := cdp.Call(ctx, t, cdpprofiler.Enable, cdp.Empty{}); err != nil {
					return err
				}
				cdp.Call(ctx, t, cdpprofiler.SetSamplingInterval, cdpprofiler.SetSamplingIntervalParams{Interval: 100})
				_, err := cdp.Call(ctx, t, cdpprofiler.Start, cdp.Empty{})
				return err
			})); err != nil {
				return run, err
			}
		}
		a, err := ask(q)
		if i == prof {
			chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				res, err := cdp.Call(ctx, t, cdpprofiler.Stop, cdp.Empty{})
				if err == nil {
					printProfile(q, res.Profile)
				}
				return err
			}))
		}
		if err != nil {
			return run, fmt.Errorf("%s: %w", q, err)
		}
		time.Sleep(50 * time.Millisecond) // let the last loadingFinished events arrive
		wire, body, reqs := traffic.take()
		switch {
		case i == 0:
			run.FirstMS, run.FirstWire, run.FirstBody, run.FirstReqs = a.MS, wire, body, reqs
		case i == 1:
			run.SecondMS, run.SecondWire, run.SecondBody, run.SecondReqs = a.MS, wire, body, reqs
		case i == len(queries):
			run.RepeatMS = a.MS
		default:
			run.WarmMS = append(run.WarmMS, a.MS)
		}
		if i < len(queries) {
			run.Top[q] = a.URLs
			if want, ok := expected[q]; ok && ranks {
				for _, n := range want {
					rank := 0
					for k, u := range a.URLs {
						if strings.HasSuffix(strings.TrimSuffix(u, "index.html"), "/jiaowei/findings/2023-07-03/"+n+"/") {
							rank = k + 1
							break
						}
					}
					run.Ranks[q] = append(run.Ranks[q], rank)
				}
			}
		}
	}
	return run, nil
}

// printProfile prints the functions that took the most of a profile's
// samples (their own time) and the total.
func printProfile(q string, p *cdpprofiler.Profile) {
	if p == nil {
		return
	}
	byID := map[int64]*cdpprofiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
	}
	self := map[string]float64{}
	var total float64
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		n := byID[id]
		d := float64(p.TimeDeltas[i]) / 1000
		total += d
		self[fmt.Sprintf("%s (%s:%d)", n.CallFrame.FunctionName, filepath.Base(n.CallFrame.URL), n.CallFrame.LineNumber+1)] += d
	}
	type fn struct {
		name string
		ms   float64
	}
	var fs []fn
	for k, v := range self {
		fs = append(fs, fn{k, v})
	}
	sort.Slice(fs, func(a, b int) bool { return fs[a].ms > fs[b].ms })
	fmt.Fprintf(os.Stderr, "  profile of %s: %.1f ms sampled\n", q, total)
	for i := 0; i < len(fs) && i < 15; i++ {
		fmt.Fprintf(os.Stderr, "  %8.1f ms  %s\n", fs[i].ms, fs[i].name)
	}
}

func chromium() string {
	if p := os.Getenv("GONGSHI_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// paint opens a page of the site in a fresh browser and returns the time
// from navigation start to the page's event (its results or rows drawn),
// and the bytes and requests it took (the page, CSS, JS and data).
func paint(page, event string) (ms float64, wire, body int64, reqs int, err error) {
	profile, err := os.MkdirTemp("", "gongshi-bench-chromium-")
	if err != nil {
		return
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium()), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	// A blank page first (the browser started), then the page measured.
	if err = chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return
	}
	script := `document.addEventListener(` + strconv.Quote(event) + `, function () { requestAnimationFrame(function () { window.__paint = performance.now(); }); });`
	if err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})); err != nil {
		return
	}
	traffic.take()
	if err = chromedp.Do(ctx, chromedp.Navigate(page),
		chromedp.Poll[chromedp.Void](`window.__paint > 0`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		return
	}
	if ms, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__paint`)); err != nil {
		return
	}
	time.Sleep(100 * time.Millisecond)
	wire, body, reqs = traffic.take()
	return
}

func table(args []string) error {
	fs := flag.NewFlagSet("table", flag.ExitOnError)
	in := fs.String("results", "", "the measure results")
	fs.Parse(args)
	f, err := os.Open(*in)
	if err != nil {
		return err
	}
	defer f.Close()
	var all []Result
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return err
		}
		all = append(all, r)
	}
	byLabel := map[string]map[string]Result{}
	var labels []string
	for _, r := range all {
		if byLabel[r.Label] == nil {
			byLabel[r.Label] = map[string]Result{}
			labels = append(labels, r.Label)
		}
		byLabel[r.Label][r.Engine] = r
	}
	defer summary(labels, byLabel)
	for _, l := range labels {
		g, p := byLabel[l]["gongshi"], byLabel[l]["pagefind"]
		fmt.Printf("\n### %s (medians of %d browser sessions each)\n\n", l, len(g.Runs))
		if p.Failed != "" {
			fmt.Printf("Pagefind could not index this site: %s. gongshi alone:\n\n", p.Failed)
		}
		fmt.Println("| | gongshi (Bleve export) | Pagefind 1.6 extended | gongshi / Pagefind |")
		fmt.Println("|---|---|---|---|")
		row := func(name string, a, b float64, unit string, prec int) {
			ratio, bs := "–", fmt.Sprintf("%.*f %s", prec, b, unit)
			if b > 0 {
				ratio = fmt.Sprintf("%.2f", a/b)
			}
			if p.Failed != "" {
				bs = "–"
			}
			fmt.Printf("| %s | %.*f %s | %s | %s |\n", name, prec, a, unit, bs, ratio)
		}
		row("index build time", g.BuildSeconds, p.BuildSeconds, "s", 2)
		row("index size (what a browser may fetch)", float64(g.IndexBytes)/1e6, float64(p.IndexBytes)/1e6, "MB", 2)
		fmt.Printf("| index files | %d | %d | |\n", g.Files, p.Files)
		fmt.Printf("| server-side Bleve index (not fetched) | %.2f MB | – | |\n", float64(g.ServerBytes)/1e6)
		med := func(r Result, f func(Run) float64) float64 {
			var v []float64
			for _, x := range r.Runs {
				v = append(v, f(x))
			}
			return median(v)
		}
		row("first query: bytes sent (gzip for text)", med(g, func(r Run) float64 { return float64(r.FirstWire) / 1e3 }),
			med(p, func(r Run) float64 { return float64(r.FirstWire) / 1e3 }), "KB", 1)
		row("first query: bytes of the files", med(g, func(r Run) float64 { return float64(r.FirstBody) / 1e3 }),
			med(p, func(r Run) float64 { return float64(r.FirstBody) / 1e3 }), "KB", 1)
		row("first query: requests", med(g, func(r Run) float64 { return float64(r.FirstReqs) }),
			med(p, func(r Run) float64 { return float64(r.FirstReqs) }), "", 0)
		row("second query: bytes sent", med(g, func(r Run) float64 { return float64(r.SecondWire) / 1e3 }),
			med(p, func(r Run) float64 { return float64(r.SecondWire) / 1e3 }), "KB", 1)
		row("second query: requests", med(g, func(r Run) float64 { return float64(r.SecondReqs) }),
			med(p, func(r Run) float64 { return float64(r.SecondReqs) }), "", 0)
		row("first query latency (cold)", med(g, func(r Run) float64 { return r.FirstMS }), med(p, func(r Run) float64 { return r.FirstMS }), "ms", 0)
		row("second query latency", med(g, func(r Run) float64 { return r.SecondMS }), med(p, func(r Run) float64 { return r.SecondMS }), "ms", 0)
		row("warm new queries, median", med(g, func(r Run) float64 { return median(r.WarmMS) }), med(p, func(r Run) float64 { return median(r.WarmMS) }), "ms", 1)
		row("repeated query", med(g, func(r Run) float64 { return r.RepeatMS }), med(p, func(r Run) float64 { return r.RepeatMS }), "ms", 1)
		fmt.Printf("\nThe site's pages, cold (a fresh browser; from navigation to results or rows drawn; gzip for text):\n\n")
		fmt.Println("| page | first paint | bytes sent | bytes of the files | requests |")
		fmt.Println("|---|---|---|---|---|")
		for _, pg := range []struct {
			name string
			ms   func(Run) float64
			wire func(Run) float64
			body func(Run) float64
			reqs func(Run) float64
		}{
			{"search page (/search/?q=偷工减料)", func(r Run) float64 { return r.SearchPageMS }, func(r Run) float64 { return float64(r.SearchPageWire) / 1e3 },
				func(r Run) float64 { return float64(r.SearchPageBody) / 1e3 }, func(r Run) float64 { return float64(r.SearchPageReqs) }},
			{"findings table (/findings/)", func(r Run) float64 { return r.TablePageMS }, func(r Run) float64 { return float64(r.TablePageWire) / 1e3 },
				func(r Run) float64 { return float64(r.TablePageBody) / 1e3 }, func(r Run) float64 { return float64(r.TablePageReqs) }},
		} {
			fmt.Printf("| %s | %.0f ms | %.1f KB | %.1f KB | %.0f |\n", pg.name, med(g, pg.ms), med(g, pg.wire), med(g, pg.body), med(g, pg.reqs))
		}
		if len(g.Runs) > 0 && len(g.Runs[0].Ranks) > 0 {
			fmt.Printf("\nRank of the expected finding page (1 = first; 0 = not in the top 10):\n\n")
			fmt.Println("| query | expected finding | gongshi | Pagefind |")
			fmt.Println("|---|---|---|---|")
			for _, q := range queries {
				want := expected[q]
				if want == nil {
					continue
				}
				fmt.Printf("| %s | %s | %v | %v |\n", strings.ReplaceAll(q, "|", "\\|"), strings.Join(want, ", "),
					ints(g.Runs[0].Ranks[q]), ints(p.Runs[0].Ranks[q]))
			}
		}
	}
	return nil
}

func ints(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// medianOf is the median over an engine's sessions of f.
func medianOf(r Result, f func(Run) float64) float64 {
	var v []float64
	for _, x := range r.Runs {
		v = append(v, f(x))
	}
	return median(v)
}

// summary prints the figures of issue 23, item 2 ("search lighter than
// Pagefind everywhere"), each against its target: the first query's bytes
// and requests, the cold first query's latency and the warm new queries'
// median latency, as medians of the sessions and ratios to Pagefind on the
// same site; on a site Pagefind could not index, gongshi's alone.
func summary(labels []string, byLabel map[string]map[string]Result) {
	fmt.Printf("\n### Issue 23, item 2: search lighter than Pagefind everywhere (medians of the sessions; ratio gongshi / Pagefind)\n\n")
	fmt.Println("| site | first query: bytes sent | requests | cold first query | warm new queries (median) |")
	fmt.Println("|---|---|---|---|---|")
	verdict := func(ratio, target float64) string {
		if ratio <= target {
			return fmt.Sprintf("**%.2f×** (target ≤ %.1f×: met)", ratio, target)
		}
		return fmt.Sprintf("**%.2f×** (target ≤ %.1f×: not met)", ratio, target)
	}
	for _, l := range labels {
		g, p := byLabel[l]["gongshi"], byLabel[l]["pagefind"]
		if len(g.Runs) == 0 {
			continue
		}
		name := l
		if g.Key != "" {
			name = g.Key
			if g.Key != "bundled" {
				name += " townships"
			}
		}
		gb := medianOf(g, func(r Run) float64 { return float64(r.FirstWire) / 1e3 })
		gr := medianOf(g, func(r Run) float64 { return float64(r.FirstReqs) })
		gc := medianOf(g, func(r Run) float64 { return r.FirstMS })
		gw := medianOf(g, func(r Run) float64 { return median(r.WarmMS) })
		reqs := fmt.Sprintf("%.0f", gr)
		if gr <= 12 {
			reqs += " (target ≤ 12: met)"
		} else {
			reqs += " (target ≤ 12: not met)"
		}
		if p.Failed != "" || len(p.Runs) == 0 {
			why := "Pagefind could not index it"
			if strings.HasPrefix(p.Failed, "not run") {
				why = "Pagefind not run"
			}
			fmt.Printf("| %s (%s) | %.1f KB | %s | %.0f ms | %.1f ms |\n", name, why, gb, reqs, gc, gw)
			continue
		}
		pb := medianOf(p, func(r Run) float64 { return float64(r.FirstWire) / 1e3 })
		pr := medianOf(p, func(r Run) float64 { return float64(r.FirstReqs) })
		pc := medianOf(p, func(r Run) float64 { return r.FirstMS })
		pw := medianOf(p, func(r Run) float64 { return median(r.WarmMS) })
		fmt.Printf("| %s | %.1f KB vs %.1f KB: %s | %s vs %.0f | %.0f ms vs %.0f ms: %s | %.1f ms vs %.1f ms: %s |\n", name,
			gb, pb, verdict(gb/pb, 0.2), reqs, pr, gc, pc, verdict(gc/pc, 0.3), gw, pw, verdict(gw/pw, 1.0))
	}
}
