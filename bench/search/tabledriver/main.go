// Command tabledriver measures the findings table (/findings/) of a built
// site in headless Chromium. bench/search/table.sh runs it; see there.
//
//	tabledriver measure -site DIR -label L -runs 3 -results FILE   measure, append a JSON line
//	tabledriver index -townships N                                 time model.BuildTable on a fictitious corpus
//	tabledriver report -results FILE                               print the results as Markdown
//
// The server gzips text (HTML, CSS, JS, JSON, CSV) at gzip's default level
// as a static host would (nginx gzip on, Netlify, GitHub Pages) and sends
// the binary lists (.bin) as they are; it counts the bytes of the bodies
// it sends (headers not counted).
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/synth"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tabledriver measure|index|report …")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "measure":
		err = measure(os.Args[2:])
	case "index":
		err = index(os.Args[2:])
	case "report":
		err = report(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tabledriver:", err)
		os.Exit(1)
	}
}

// Op is one thing a reader does on the loaded table: its name and the
// script that does it (in the page; it returns at once, the table then
// draws the view).
type Op struct{ Name, JS string }

func click(sel string) string { return `document.querySelector(` + jsq(sel) + `).click()` }

// choose picks the n-th option (from the end when n < 0) of a select.
func choose(id string, n int) string {
	return `(() => { const s = document.getElementById(` + jsq(id) + `); const o = s.options; s.value = o[` +
		fmt.Sprint(n) + ` < 0 ? o.length + ` + fmt.Sprint(n) + ` : ` + fmt.Sprint(n) + `].value; s.dispatchEvent(new Event("change", {bubbles: true})); })()`
}

func jsq(s string) string { b, _ := json.Marshal(s); return string(b) }

var ops = []Op{
	{"sort 单位", click(`button[data-sort="unit"]`)},
	{"sort 序号", click(`button[data-sort="number"]`)},
	{"sort 问题", click(`button[data-sort="title"]`)},
	{"sort 问题 ↓ (second click)", click(`button[data-sort="title"]`) + `; await idle(); t0 = performance.now(); ` + click(`button[data-sort="title"]`)},
	{"sort 类别", click(`button[data-sort="category"]`)},
	{"sort 状态", click(`button[data-sort="status"]`)},
	{"sort 整改时限", click(`button[data-sort="deadline"]`)},
	{"sort 最新通报", click(`button[data-sort="signed"]`)},
	{"filter 状态 整改中", click(`#ft-st-in_progress`)},
	{"filter 只看逾期", click(`#ft-overdue`)},
	{"filter 类别 (first)", choose("ft-category", 1)},
	{"filter 地区 (last)", choose("ft-region", -1)},
	{"filter 单位 (last)", choose("ft-unit", -1)},
	{"filter 通报年份 (newest)", choose("ft-year", 1)},
	{"filter 整改时限 2024-07-01…2024-12-31", `(() => { const f = document.getElementById("ft-due-from"), t = document.getElementById("ft-due-to"); f.value = "2024-07-01"; t.value = "2024-12-31"; t.dispatchEvent(new Event("change", {bubbles: true})); })()`},
	{"状态 整改中 + 逾期, then sort 问题", click(`#ft-st-in_progress`) + `; await idle(); ` + click(`#ft-overdue`) + `; await idle(); t0 = performance.now(); ` + click(`button[data-sort="title"]`)},
	{"下载本视图 CSV (状态 整改中 in 地区 last)", choose("ft-region", -1) + `; await idle(); ` + click(`#ft-st-in_progress`) + `; await idle(); t0 = performance.now(); ` + click(`#ft-csv`) + `; await downloaded()`},
}

// Run is one browser session.
type Run struct {
	FirstMS    float64             // navigation start → first rows drawn
	FirstWire  int64               // bytes sent before the first rows (gzip for text)
	FirstBody  int64               // the same files' bytes as stored
	FirstReqs  int                 // requests
	FirstFiles map[string][2]int64 // path → [sent, stored]
	OpMS       map[string]float64  // op → action to rows drawn
	OpWire     map[string]int64    // op → bytes it fetched
}

// Result is one site.
type Result struct {
	Label       string
	Rows        int
	TableFiles  int
	TableBytes  int64 // on disk, under /findings/table/
	TableGzip   int64 // the same, each text file gzipped
	Shards      int
	Runs        []Run
	BuildSecs   float64 `json:",omitempty"`
	IndexSecs   float64 `json:",omitempty"`
	ShardRows   int
	ManifestRaw int64
}

func measure(args []string) error {
	fset := flag.NewFlagSet("measure", flag.ExitOnError)
	dir := fset.String("site", "", "built site")
	label := fset.String("label", "", "name of the site in the report")
	runs := fset.Int("runs", 3, "browser sessions")
	results := fset.String("results", "", "JSON lines file to append to")
	buildSecs := fset.Float64("build-seconds", 0, "the build's wall time, for the report")
	noDownload := fset.Bool("no-download", false, "skip the download op (a table-only site has no download files)")
	fset.Parse(args)
	res := Result{Label: *label, BuildSecs: *buildSecs}
	var man model.TableManifest
	mb, err := os.ReadFile(filepath.Join(*dir, filepath.FromSlash(model.TableManifestFile)))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(mb, &man); err != nil {
		return err
	}
	res.Rows, res.ShardRows, res.ManifestRaw = man.Rows, man.ShardRows, int64(len(mb))
	res.Shards = (man.Rows + man.ShardRows - 1) / man.ShardRows
	filepath.WalkDir(filepath.Join(*dir, "findings", "table"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		res.TableFiles++
		res.TableBytes += int64(len(b))
		if gzipped(p) {
			res.TableGzip += gzipLen(b)
		} else {
			res.TableGzip += int64(len(b))
		}
		return nil
	})
	srv, base, err := serve(*dir)
	if err != nil {
		return err
	}
	defer srv.Close()
	for i := 0; i < *runs; i++ {
		r, err := session(base, *noDownload)
		if err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
		fmt.Fprintf(os.Stderr, "  run %d: first rows %.0f ms, %d B sent in %d requests\n", i+1, r.FirstMS, r.FirstWire, r.FirstReqs)
		res.Runs = append(res.Runs, r)
	}
	f, err := os.OpenFile(*results, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewEncoder(f).Encode(res)
}

func gzipped(p string) bool {
	switch filepath.Ext(p) {
	case ".html", ".css", ".js", ".json", ".csv", ".xml", ".svg", ".txt":
		return true
	}
	return strings.HasSuffix(p, "/")
}

func gzipLen(b []byte) int64 {
	c := &counter{w: io.Discard}
	z := gzip.NewWriter(c)
	z.Write(b)
	z.Close()
	return c.n
}

// session is one fresh browser: the first rows, then each op on a freshly
// loaded table (the HTTP cache off: each op fetches what it needs).
func session(base string, noDownload bool) (Run, error) {
	run := Run{OpMS: map[string]float64{}, OpWire: map[string]int64{}}
	profile, err := os.MkdirTemp("", "gongshi-bench-table-")
	if err != nil {
		return run, err
	}
	defer os.RemoveAll(profile)
	bin := os.Getenv("GONGSHI_CHROMIUM")
	if bin == "" {
		bin = "/usr/bin/chromium"
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 10*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return run, err
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
		return err
	})); err != nil {
		return run, err
	}
	// First rows: navigation start → the table's event, plus a frame.
	const waitFirst = `new Promise(res => { const go = () => requestAnimationFrame(() => res(performance.now()));
		if (document.querySelector("#ft-app[data-ready]")) go(); else document.addEventListener("gongshi:table", go); })`
	traffic.take()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/findings/")); err != nil {
		return run, err
	}
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](waitFirst, chromedp.EvalAwaitPromise))
	if err != nil {
		return run, err
	}
	time.Sleep(200 * time.Millisecond) // nothing more is fetched: let the meter see every response
	run.FirstMS = ms
	run.FirstWire, run.FirstBody, run.FirstReqs, run.FirstFiles = traffic.take()
	const helpers = `window.idle = () => new Promise(res => { const f = () => document.querySelector("#ft-app[data-busy]") ? setTimeout(f, 2) : requestAnimationFrame(() => res()); f(); });
		window.downloaded = () => new Promise((res, rej) => { const f = () => { const a = document.getElementById("ft-app"); if (a.dataset.downloaded) res(); else if (/失败/.test(document.getElementById("ft-status").textContent)) rej(new Error(document.getElementById("ft-status").textContent)); else setTimeout(f, 5); }; f(); }); 0`
	for _, op := range ops {
		if noDownload && strings.HasPrefix(op.Name, "下载") {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/findings/")); err != nil {
			return run, err
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[float64](waitFirst, chromedp.EvalAwaitPromise)); err != nil {
			return run, err
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[int](helpers)); err != nil {
			return run, err
		}
		time.Sleep(100 * time.Millisecond)
		traffic.take()
		js := `(async () => { let t0 = performance.now(); ` + op.JS + `; await idle(); return performance.now() - t0; })()`
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js, chromedp.EvalAwaitPromise))
		if err != nil {
			return run, fmt.Errorf("%s: %w", op.Name, err)
		}
		time.Sleep(100 * time.Millisecond)
		wire, _, _, _ := traffic.take()
		run.OpMS[op.Name], run.OpWire[op.Name] = ms, wire
		fmt.Fprintf(os.Stderr, "    %-44s %7.0f ms %9d B\n", op.Name, ms, wire)
	}
	return run, nil
}

// serve serves the site folder, gzipping text.
func serve(dir string) (*http.Server, string, error) {
	files := http.FileServer(http.Dir(dir))
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r)
			return
		}
		wire := &counter{w: w}
		p := r.URL.Path
		stored := fileSize(dir, p)
		if gzipped(p) && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Vary", "Accept-Encoding")
			gz := gzip.NewWriter(wire)
			files.ServeHTTP(&gzWriter{ResponseWriter: w, w: gz}, r)
			gz.Close()
		} else {
			files.ServeHTTP(&gzWriter{ResponseWriter: w, w: wire, keep: true}, r)
		}
		traffic.add(p, wire.n, stored)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String(), nil
}

func fileSize(dir, p string) int64 {
	f := filepath.Join(dir, filepath.FromSlash(p))
	if strings.HasSuffix(p, "/") {
		f = filepath.Join(f, "index.html")
	}
	st, err := os.Stat(f)
	if err != nil {
		return 0
	}
	return st.Size()
}

type gzWriter struct {
	http.ResponseWriter
	w    io.Writer
	keep bool
}

func (g *gzWriter) WriteHeader(code int) {
	if !g.keep {
		g.Header().Del("Content-Length")
	}
	g.ResponseWriter.WriteHeader(code)
}
func (g *gzWriter) Write(b []byte) (int, error) { return g.w.Write(b) }

type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// meter counts what the server sends.
type meter struct {
	mu         sync.Mutex
	wire, body int64
	reqs       int
	files      map[string][2]int64
}

var traffic = &meter{}

func (m *meter) add(p string, wire, body int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.wire += wire
	m.body += body
	m.reqs++
	if m.files == nil {
		m.files = map[string][2]int64{}
	}
	m.files[p] = [2]int64{wire, body}
}

func (m *meter) take() (wire, body int64, reqs int, files map[string][2]int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	wire, body, reqs, files = m.wire, m.body, m.reqs, m.files
	m.wire, m.body, m.reqs, m.files = 0, 0, 0, nil
	return
}

// index times model.BuildTable on a fictitious corpus (bench/gencorpus's).
func index(args []string) error {
	fset := flag.NewFlagSet("index", flag.ExitOnError)
	var o synth.Options
	fset.IntVar(&o.Townships, "townships", 1000, "townships")
	fset.IntVar(&o.Notices, "notices", 2, "notices per township")
	fset.IntVar(&o.Findings, "findings", 60, "findings per notice")
	fset.Int64Var(&o.Seed, "seed", 1, "seed")
	seedText := fset.String("text", "seeds/000_e336554de99f7c35.txt", "the real notice whose sentences are recombined")
	prof := fset.String("cpuprofile", "", "write a CPU profile of the BuildTable runs to this file")
	write := fset.String("write", "", "also write the table's files into this site folder (a table-only site: no downloads)")
	fset.Parse(args)
	src, err := os.ReadFile(*seedText)
	if err != nil {
		return err
	}
	ns := synth.Generate(o, synth.ParseText(string(src)))
	m := model.Derive(notice.NewCorpus(ns), time.Date(2026, 1, 1, 0, 0, 0, 0, model.ChinaTime), nil)
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var best time.Duration
	var files []model.TableFile
	for i := 0; i < 3; i++ {
		t0 := time.Now()
		files = model.BuildTable(m, 0)
		if d := time.Since(t0); i == 0 || d < best {
			best = d
		}
	}
	var n int64
	for _, f := range files {
		n += int64(len(f.Data))
	}
	fmt.Printf("model.BuildTable, %d townships: %d files, %.1f MB, best of 3 %.2f s\n", o.Townships, len(files), float64(n)/1e6, best.Seconds())
	if *write != "" {
		for _, f := range files {
			p := filepath.Join(*write, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				return err
			}
		}
	}
	// The list files, one by one (what a sort or filter fetches), and the
	// manifest gzipped.
	for _, f := range files {
		p := strings.TrimPrefix(f.Path, model.TableDir)
		if strings.HasPrefix(p, "rows/") {
			continue
		}
		g := ""
		if gzipped(p) {
			g = fmt.Sprintf(", %d B gzipped", gzipLen(f.Data))
		}
		fmt.Printf("  %-28s %9d B%s\n", p, len(f.Data), g)
	}
	return nil
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

func report(args []string) error {
	fset := flag.NewFlagSet("report", flag.ExitOnError)
	results := fset.String("results", "", "JSON lines file")
	fset.Parse(args)
	b, err := os.ReadFile(*results)
	if err != nil {
		return err
	}
	var rs []Result
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r Result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return err
		}
		rs = append(rs, r)
	}
	fmt.Println("| | " + strings.Join(labels(rs), " | ") + " |")
	fmt.Println("|---" + strings.Repeat("|---:", len(rs)) + "|")
	row := func(name string, f func(Result) string) {
		cells := []string{}
		for _, r := range rs {
			cells = append(cells, f(r))
		}
		fmt.Println("| " + name + " | " + strings.Join(cells, " | ") + " |")
	}
	med := func(r Result, f func(Run) float64) float64 {
		var v []float64
		for _, x := range r.Runs {
			v = append(v, f(x))
		}
		return median(v)
	}
	row("rows", func(r Result) string { return fmt.Sprint(r.Rows) })
	row("table files (shards of N rows)", func(r Result) string { return fmt.Sprintf("%d (%d × %d)", r.TableFiles, r.Shards, r.ShardRows) })
	row("table files, MB stored / sent gzipped", func(r Result) string {
		return fmt.Sprintf("%.1f / %.1f", float64(r.TableBytes)/1e6, float64(r.TableGzip)/1e6)
	})
	row("manifest.json, KB stored", func(r Result) string { return fmt.Sprintf("%.0f", float64(r.ManifestRaw)/1e3) })
	row("**first rows: KB sent** (HTML+CSS+JS+data, gzip)", func(r Result) string {
		return fmt.Sprintf("**%.1f**", med(r, func(x Run) float64 { return float64(x.FirstWire) / 1e3 }))
	})
	row("first rows: KB as stored", func(r Result) string {
		return fmt.Sprintf("%.1f", med(r, func(x Run) float64 { return float64(x.FirstBody) / 1e3 }))
	})
	row("first rows: requests", func(r Result) string {
		return fmt.Sprintf("%.0f", med(r, func(x Run) float64 { return float64(x.FirstReqs) }))
	})
	row("first rows: ms", func(r Result) string { return fmt.Sprintf("%.0f", med(r, func(x Run) float64 { return x.FirstMS })) })
	if len(rs) > 0 && len(rs[0].Runs) > 0 {
		var paths []string
		for p := range rs[0].Runs[0].FirstFiles {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			row("&nbsp;&nbsp;"+p+" (KB sent)", func(r Result) string {
				if len(r.Runs) == 0 {
					return ""
				}
				return fmt.Sprintf("%.1f", float64(r.Runs[0].FirstFiles[p][0])/1e3)
			})
		}
	}
	for _, op := range ops {
		row(op.Name+": ms (KB fetched)", func(r Result) string {
			if len(r.Runs) == 0 {
				return "—"
			}
			if _, ok := r.Runs[0].OpMS[op.Name]; !ok {
				return "— (not run)"
			}
			return fmt.Sprintf("%.0f (%.0f)", med(r, func(x Run) float64 { return x.OpMS[op.Name] }),
				med(r, func(x Run) float64 { return float64(x.OpWire[op.Name]) / 1e3 }))
		})
	}
	return nil
}

func labels(rs []Result) []string {
	var l []string
	for _, r := range rs {
		l = append(l, r.Label)
	}
	return l
}
