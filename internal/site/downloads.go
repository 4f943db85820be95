package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/csvsafe"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/store"
)

// The files beside the pages are written in Go, not by Hugo: they are plain
// serialisations of the model, and Go writes them exactly (CSV quoting and
// formula guards, JSON escaping, SHA-256 sums).

// findingsWriter writes findings as CSV (UTF-8 with a BOM, so that Excel
// reads Chinese right; CRLF lines) and as JSON, record by record; and the
// same rows again as the Chinese CSV (findings-zh.csv: Chinese headers,
// values as the pages show them), with the same encoding and formula guard.
type findingsWriter struct {
	files []*os.File
	bufs  []*bufio.Writer
	csv   *csv.Writer
	csvb  *bufio.Writer // under csv
	zh    *csv.Writer
	zhb   *bufio.Writer // under zh
	json  *bufio.Writer
	// csvf, zhf and jsonf are the files under csvb, zhb and json, which
	// spliceRows copies into directly.
	csvf, zhf, jsonf *os.File
	n                int
}

// newCSV begins a CSV file on b: the BOM, CRLF lines, the header.
func newCSV(b *bufio.Writer, header []string) (*csv.Writer, error) {
	b.WriteString("\ufeff")
	w := csv.NewWriter(b)
	w.UseCRLF = true
	return w, w.Write(header)
}

// writeCSVRow writes a row with the formula guard on every cell.
func writeCSVRow(w *csv.Writer, row []string) error {
	for i := range row {
		row[i] = csvsafe.Cell(row[i])
	}
	return w.Write(row)
}

func newFindingsWriter(d *model.Downloads, out string, asOf notice.Date) (*findingsWriter, error) {
	csvPath := filepath.Join(out, filepath.FromSlash(d.CSV))
	zhPath := filepath.Join(out, filepath.FromSlash(d.CSVZh))
	jsonPath := filepath.Join(out, filepath.FromSlash(d.JSON))
	w := &findingsWriter{}
	open := func(p string) (*bufio.Writer, error) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		f, err := os.Create(p)
		if err != nil {
			return nil, err
		}
		b := bufio.NewWriterSize(f, 1<<16)
		w.files = append(w.files, f)
		w.bufs = append(w.bufs, b)
		return b, nil
	}
	cb, err := open(csvPath)
	if err != nil {
		w.close()
		return nil, err
	}
	zb, err := open(zhPath)
	if err != nil {
		w.close()
		return nil, err
	}
	jb, err := open(jsonPath)
	if err != nil {
		w.close()
		return nil, err
	}
	w.csvf, w.zhf, w.jsonf = w.files[0], w.files[1], w.files[2]
	w.csvb, w.zhb = cb, zb
	if w.csv, err = newCSV(cb, model.CSVColumns); err != nil {
		w.close()
		return nil, err
	}
	if w.zh, err = newCSV(zb, model.CSVColumnsZh); err != nil {
		w.close()
		return nil, err
	}
	w.json = jb
	fmt.Fprintf(jb, "{\"as_of\":%q,\"columns\":", asOf)
	col, _ := json.Marshal(model.CSVColumns)
	jb.Write(col)
	jb.WriteString(",\"findings\":[")
	return w, nil
}

func (w *findingsWriter) write(recs []model.Record) error {
	for _, r := range recs {
		if err := writeCSVRow(w.csv, r.Row()); err != nil {
			return err
		}
		if err := writeCSVRow(w.zh, r.RowZh()); err != nil {
			return err
		}
		b, err := json.Marshal(r) // escapes <, > and & as \u003c …
		if err != nil {
			return err
		}
		if w.n > 0 {
			w.json.WriteByte(',')
		}
		w.json.WriteString("\n")
		w.json.Write(b)
		w.n++
	}
	return nil
}

// rows are a unit's records as its own download files hold them: the CSV
// rows and the JSON array's items, as bytes, ready to be written again.
type rows struct {
	csv, zh, json []byte
}

// formatRows formats records once as the bytes write would write them
// (the unit's own files, its county's, city's and the site's hold the same
// rows: formatting them once for all four took a full build's downloads
// from 15 CPU-seconds to 7 at 1,000 townships).
func formatRows(recs []model.Record) (rows, error) {
	var r rows
	var c, z, j bytes.Buffer
	cw, zw := csv.NewWriter(&c), csv.NewWriter(&z)
	cw.UseCRLF, zw.UseCRLF = true, true
	for i, rec := range recs {
		if err := writeCSVRow(cw, rec.Row()); err != nil {
			return r, err
		}
		if err := writeCSVRow(zw, rec.RowZh()); err != nil {
			return r, err
		}
		b, err := json.Marshal(rec) // escapes <, > and & as \u003c …
		if err != nil {
			return r, err
		}
		if i > 0 {
			j.WriteByte(',')
		}
		j.WriteString("\n")
		j.Write(b)
	}
	cw.Flush()
	zw.Flush()
	if err := errors.Join(cw.Error(), zw.Error()); err != nil {
		return r, err
	}
	r.csv, r.zh, r.json = c.Bytes(), z.Bytes(), j.Bytes()
	return r, nil
}

// unitRows reads the rows of a unit from its download files in the
// previous site (an unchanged unit's files are those a full build would
// write, so their rows are the records' bytes).
func unitRows(prevSite string, t *model.Unit) (rows, error) {
	var r rows
	c, err := os.ReadFile(filepath.Join(prevSite, filepath.FromSlash(siteFile(t.Downloads.CSV))))
	if err != nil {
		return r, err
	}
	z, err := os.ReadFile(filepath.Join(prevSite, filepath.FromSlash(siteFile(t.Downloads.CSVZh))))
	if err != nil {
		return r, err
	}
	j, err := os.ReadFile(filepath.Join(prevSite, filepath.FromSlash(siteFile(t.Downloads.JSON))))
	if err != nil {
		return r, err
	}
	start := bytes.Index(j, []byte(`"findings":[`))
	if !bytes.HasPrefix(c, []byte(csvHeader)) || !bytes.HasPrefix(z, []byte(csvHeaderZh)) ||
		start < 0 || !bytes.HasSuffix(j, []byte(jsonEnd)) {
		return r, fmt.Errorf("%s: not a findings download of this version", t.Downloads.JSON)
	}
	r.csv = c[len(csvHeader):]
	r.zh = z[len(csvHeaderZh):]
	r.json = j[start+len(`"findings":[`) : len(j)-len(jsonEnd)]
	return r, nil
}

// writeRows writes rows read by unitRows.
func (w *findingsWriter) writeRows(r rows) error {
	w.csv.Flush()
	if err := w.csv.Error(); err != nil {
		return err
	}
	w.csvb.Write(r.csv)
	w.zh.Flush()
	if err := w.zh.Error(); err != nil {
		return err
	}
	w.zhb.Write(r.zh)
	if len(r.json) == 0 {
		return nil
	}
	if w.n > 0 {
		w.json.WriteByte(',')
	}
	w.json.Write(r.json)
	w.n++
	return nil
}

// csvHeader begins findings.csv, csvHeaderZh findings-zh.csv: the BOM and
// the header line.
var csvHeader, csvHeaderZh = header(model.CSVColumns), header(model.CSVColumnsZh)

func header(cols []string) string {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	w, _ := newCSV(bw, cols)
	w.Flush()
	bw.Flush()
	return b.String()
}

// rowsFile is the byte range of a download file that holds its rows: the
// CSV's after the header line, the JSON array's items.
type rowsFile struct {
	f      *os.File
	off, n int64
}

// openRows opens a download file of the previous site and finds its rows:
// they start after the first occurrence of start within its first 64 KiB
// and run to its end less end.
func openRows(p, start, end string) (*rowsFile, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	r := &rowsFile{f: f}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	size := st.Size()
	head := make([]byte, min(size, 1<<16))
	tail := make([]byte, min(size, int64(len(end))))
	if _, err := f.ReadAt(head, 0); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.ReadAt(tail, size-int64(len(tail))); err != nil {
		f.Close()
		return nil, err
	}
	i := bytes.Index(head, []byte(start))
	r.off = int64(i + len(start))
	r.n = size - int64(len(end)) - r.off
	if i < 0 || string(tail) != end || r.n < 0 {
		f.Close()
		return nil, fmt.Errorf("%s: not a findings download of this version", p)
	}
	return r, nil
}

// splices counts the regions spliceRows copied (for the tests).
var splices atomic.Int64

// spliceRows writes the rows of a region's download files in the previous
// site to each writer, copied file to file (copy_file_range on Linux): an
// unchanged region's rows are the bytes a full build writes for its units.
func spliceRows(prevSite string, d *model.Downloads, targets []*findingsWriter) error {
	c, err := openRows(filepath.Join(prevSite, filepath.FromSlash(siteFile(d.CSV))), csvHeader, "")
	if err != nil {
		return err
	}
	if c.off != int64(len(csvHeader)) { // the header first
		c.f.Close()
		return fmt.Errorf("%s: not a findings download of this version", d.CSV)
	}
	defer c.f.Close()
	z, err := openRows(filepath.Join(prevSite, filepath.FromSlash(siteFile(d.CSVZh))), csvHeaderZh, "")
	if err != nil {
		return err
	}
	defer z.f.Close()
	if z.off != int64(len(csvHeaderZh)) {
		return fmt.Errorf("%s: not a findings download of this version", d.CSVZh)
	}
	j, err := openRows(filepath.Join(prevSite, filepath.FromSlash(siteFile(d.JSON))), `"findings":[`, jsonEnd)
	if err != nil {
		return err
	}
	defer j.f.Close()
	splices.Add(1)
	for _, w := range targets {
		if err := w.spliceRows(c, z, j); err != nil {
			return err
		}
	}
	return nil
}

// spliceRows writes the rows of the CSV c, the Chinese CSV z and the JSON
// j, like writeRows.
func (w *findingsWriter) spliceRows(c, z, j *rowsFile) error {
	w.csv.Flush()
	if err := w.csv.Error(); err != nil {
		return err
	}
	if err := copyRows(w.csvb, w.csvf, c); err != nil {
		return err
	}
	w.zh.Flush()
	if err := w.zh.Error(); err != nil {
		return err
	}
	if err := copyRows(w.zhb, w.zhf, z); err != nil {
		return err
	}
	if j.n == 0 {
		return nil
	}
	if w.n > 0 {
		w.json.WriteByte(',')
	}
	if err := copyRows(w.json, w.jsonf, j); err != nil {
		return err
	}
	w.n++
	return nil
}

// copyRows appends the rows of src to dst, the file under b, flushing b
// first. (*os.File).ReadFrom of an io.LimitedReader of a file uses
// copy_file_range on Linux; io.Copy of a SectionReader would not.
func copyRows(b *bufio.Writer, dst *os.File, src *rowsFile) error {
	if src.n == 0 {
		return nil
	}
	if err := b.Flush(); err != nil {
		return err
	}
	if _, err := src.f.Seek(src.off, io.SeekStart); err != nil {
		return err
	}
	n, err := dst.ReadFrom(&io.LimitedReader{R: src.f, N: src.n})
	if err == nil && n != src.n {
		err = fmt.Errorf("%s: %d of %d bytes copied", src.f.Name(), n, src.n)
	}
	return err
}

// regionSplice is where an unchanged region's units are in the model's
// units, which writeDownloads splices from its files.
type regionSplice struct{ first, n int }

// spliceRegions are the regions whose rows writeDownloads copies from their
// files in the previous site: unchanged, their units contiguous in m.Units,
// and no writer open for a region within them (which would need the rows
// one by one).
func spliceRegions(m *model.Model, skip *downloadSkip, regional map[string]*findingsWriter) map[string]regionSplice {
	out := map[string]regionSplice{}
	if skip == nil {
		return out
	}
	bad := map[string]bool{}
	for i, t := range m.Units {
		keys := regionalTargets(t)
		for d, k := range keys {
			if !skip.region(k) || bad[k] {
				continue
			}
			sp, ok := out[k]
			if ok && sp.first+sp.n != i {
				bad[k] = true // not contiguous
				continue
			}
			if !ok {
				sp.first = i
			}
			sp.n++
			out[k] = sp
			for _, inner := range keys[d+1:] {
				if regional[inner] != nil {
					bad[k] = true
				}
			}
		}
	}
	for _, r := range m.Site.Regions {
		if r.Downloads == nil {
			bad[r.Key] = true
		}
	}
	for k := range bad {
		delete(out, k)
	}
	return out
}

// spliceKey is the widest of a unit's regions (keys) that is spliced and
// begins with it, the unit i, and how many units it holds (0: none).
func spliceKey(keys []string, spliced map[string]regionSplice, i int) (string, int) {
	for _, k := range keys {
		if sp, ok := spliced[k]; ok && sp.first == i {
			return k, sp.n
		}
	}
	return "", 0
}

// jsonEnd ends findings.json.
const jsonEnd = "\n]}\n"

func (w *findingsWriter) finish() error {
	w.json.WriteString(jsonEnd)
	w.csv.Flush()
	err := w.csv.Error()
	w.zh.Flush()
	if e := w.zh.Error(); err == nil {
		err = e
	}
	for _, b := range w.bufs {
		if e := b.Flush(); err == nil {
			err = e
		}
	}
	if e := w.close(); err == nil {
		err = e
	}
	return err
}

func (w *findingsWriter) close() error {
	var err error
	for _, f := range w.files {
		if e := f.Close(); err == nil {
			err = e
		}
	}
	w.files = nil
	return err
}

// writeDownloads writes the findings CSV and JSON, site-wide, per city and
// county, and per unit, into the site folder out. An incremental build
// passes skip: the files of the units and regions it names are unchanged
// since the previous build and are not written (nil: write every file);
// the rows of its unchanged units are taken from their files there, an
// unchanged county's or city's whole (spliceRegions), else unit by unit.
func writeDownloads(out, base string, m *model.Model, skip *downloadSkip) error {
	var prevSite string
	if skip != nil {
		prevSite = skip.site
	}
	open := func(d *model.Downloads) (*findingsWriter, error) {
		return newFindingsWriter(d, out, m.Site.AsOf)
	}
	site, err := open(&m.Site.Downloads)
	if err != nil {
		return err
	}
	writers := []*findingsWriter{site}
	closeAll := func() {
		for _, w := range writers {
			w.close()
		}
	}
	// The regions with downloads, each open while its units are written
	// (units come in path order, so a region's units are contiguous).
	regional := map[string]*findingsWriter{}
	for _, r := range m.Site.Regions {
		if r.Downloads == nil || skip.region(r.Key) {
			continue
		}
		w, err := open(r.Downloads)
		if err != nil {
			closeAll()
			return err
		}
		writers = append(writers, w)
		regional[r.Key] = w
	}
	regs := map[string]*model.Region{}
	for _, r := range m.Site.Regions {
		regs[r.Key] = r
	}
	spliced := spliceRegions(m, skip, regional)
	formatted := rowsAhead(m, base, skip)
	for i := 0; i < len(m.Units); i++ {
		t := m.Units[i]
		targets := []*findingsWriter{site}
		keys := regionalTargets(t)
		for _, k := range keys {
			if w := regional[k]; w != nil {
				targets = append(targets, w)
			}
		}
		if k, n := spliceKey(keys, spliced, i); n > 0 {
			// An unchanged region: its units' rows, whole, from its own files
			// in the previous site, copied file to file. Its own writer and
			// those of the regions in it are not open (spliceRegions).
			if err := spliceRows(prevSite, regs[k].Downloads, targets); err != nil {
				closeAll()
				return err
			}
			i += n - 1
			continue
		}
		if !t.IsSummary && skip.unit(t) {
			// Unchanged: its rows are in its own files, in the previous site.
			r, err := unitRows(prevSite, t)
			if err != nil {
				closeAll()
				return err
			}
			for _, w := range targets {
				if err := w.writeRows(r); err != nil {
					closeAll()
					return err
				}
			}
			continue
		}
		r, err := formatted(i)
		if err != nil {
			closeAll()
			return err
		}
		for _, w := range targets {
			if err := w.writeRows(r); err != nil {
				closeAll()
				return err
			}
		}
		if t.IsSummary || skip.unit(t) {
			continue // its region's files hold it; or unchanged
		}
		tw, err := open(&t.Downloads)
		if err != nil {
			closeAll()
			return err
		}
		if err := tw.writeRows(r); err != nil {
			tw.close()
			closeAll()
			return err
		}
		if err := tw.finish(); err != nil {
			closeAll()
			return err
		}
	}
	for i, w := range writers {
		if err := w.finish(); err != nil {
			for _, o := range writers[i+1:] {
				o.close()
			}
			return err
		}
	}
	return writeTable(out, m)
}

// rowsAhead formats the rows of the units writeDownloads formats (all but
// the unchanged ones of an in-place build), on the cores, a batch ahead of
// the writer: the returned function gives unit i's, i never decreasing (a
// spliced region's units are skipped: a summary's among them is formatted
// for nothing).
func rowsAhead(m *model.Model, base string, skip *downloadSkip) func(i int) (rows, error) {
	const batch = 64
	type result struct {
		r   rows
		err error
	}
	n := len(m.Units)
	var lo, hi int         // the batch in cur: units [lo, hi)
	var cur []result       // the batch being read
	var next chan []result // the batch being formatted
	format := func(lo int) chan []result {
		ch := make(chan []result, 1)
		hi := min(lo+batch, n)
		go func() {
			out := make([]result, hi-lo)
			var wg sync.WaitGroup
			work := make(chan int)
			for range min(runtime.GOMAXPROCS(0), hi-lo) {
				wg.Go(func() {
					for k := range work {
						t := m.Units[lo+k]
						out[k].r, out[k].err = formatRows(model.Records(t, base))
					}
				})
			}
			for k := lo; k < hi; k++ {
				t := m.Units[k]
				if !t.IsSummary && skip.unit(t) {
					continue // its rows come from its files
				}
				work <- k - lo
			}
			close(work)
			wg.Wait()
			ch <- out
		}()
		return ch
	}
	return func(i int) (rows, error) {
		for i >= hi {
			if next == nil {
				next = format(hi)
			}
			cur, lo = <-next, hi
			hi = min(lo+batch, n)
			next = nil
			if hi < n {
				next = format(hi)
			}
		}
		res := cur[i-lo]
		return res.r, res.err
	}
}

// downloadSkip names the units and regions whose download files an
// incremental build keeps from the previous site.
type downloadSkip struct {
	site    string          // the previous site folder, which has them
	units   map[string]bool // unit keys
	regions map[string]bool // region keys
}

func (s *downloadSkip) unit(t *model.Unit) bool { return s != nil && s.units[t.Key] }

func (s *downloadSkip) region(key string) bool { return s != nil && s.regions[key] }

// regionalTargets are the keys of the regions (city and county) whose
// download files hold a unit's findings.
func regionalTargets(t *model.Unit) []string {
	var keys []string
	parts := strings.Split(t.Region.Path(), "/")
	for d := 2; d <= len(parts) && d <= 3; d++ {
		keys = append(keys, strings.Join(parts[:d], "/"))
	}
	return keys
}

// Manifest lists every notice's data file and original with their SHA-256,
// so that anyone can tell whether a published notice changed.
type Manifest struct {
	AsOf    notice.Date     `json:"as_of"`
	Notices []ManifestEntry `json:"notices"`
}

// ManifestEntry is one notice in the manifest.
type ManifestEntry struct {
	Title    string        `json:"title"`
	Township string        `json:"township"` // the unit's full name
	Signed   notice.Date   `json:"signed"`
	URL      string        `json:"url"`
	Data     *ManifestFile `json:"data"`
	Original *ManifestFile `json:"original,omitempty"`
	// Revisions are the notice's corrections (更正记录); Withdrawn is set
	// when it was withdrawn.
	Revisions []notice.Revision `json:"revisions,omitempty"`
	Withdrawn notice.Withdrawal `json:"withdrawn,omitzero"`
}

// ManifestFile is a file published beside a notice page.
type ManifestFile struct {
	Path   string `json:"path"` // where it is kept: relative to the project, or to the data folder
	URL    string `json:"url"`  // where the site publishes it
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// sourcesKept tells publishSources which published data files an in-place
// build keeps in the site: those the previous manifest lists with the
// SHA-256 the check took of the data file now (see keptSource).
type sourcesKept struct {
	site string                   // the previous site folder
	prev map[string]*ManifestFile // the previous manifest's data files, by URL
	sums map[string][32]byte      // the data files' SHA-256, by path
}

// newSourcesKept reads the previous site's manifest; nil when there is
// none (every source is then published again).
func newSourcesKept(site string, files []*store.File) *sourcesKept {
	b, err := os.ReadFile(filepath.Join(site, "manifest.json"))
	if err != nil {
		return nil
	}
	var man Manifest
	if json.Unmarshal(b, &man) != nil {
		return nil
	}
	k := &sourcesKept{site: site, prev: map[string]*ManifestFile{}, sums: map[string][32]byte{}}
	for _, e := range man.Notices {
		if e.Data != nil {
			k.prev[e.Data.URL] = e.Data
		}
	}
	for _, f := range files {
		k.sums[f.Path] = f.Sum
	}
	return k
}

// keptSource is the manifest entry of a data file the site already
// publishes as it is now, or nil: the notice masks nothing (the published
// file is the data file's bytes), the previous manifest gives the URL the
// SHA-256 of the data file as the check read it, and the site's file has
// the manifest's size (the cache trusts the site folder, as for every
// file an in-place build keeps).
func (k *sourcesKept) keptSource(np *model.NoticePage) *ManifestFile {
	if k == nil || len(np.Notice.Redacted()) > 0 {
		return nil
	}
	sum, ok := k.sums[np.DataPath]
	prev := k.prev[np.DataURL]
	if !ok || sum == ([32]byte{}) || prev == nil || prev.SHA256 != hex.EncodeToString(sum[:]) {
		return nil
	}
	info, err := os.Lstat(filepath.Join(k.site, filepath.FromSlash(siteFile(np.DataURL))))
	if err != nil || !info.Mode().IsRegular() || info.Size() != prev.Bytes {
		return nil
	}
	return &ManifestFile{URL: np.DataURL, SHA256: prev.SHA256, Bytes: prev.Bytes}
}

// publishSources copies each notice's data file and original into its
// notice page's folder and writes manifest.json. With keep (an in-place
// build), the data files the site already publishes as they are are not
// copied again: it returns them (site files, relative).
func publishSources(out, root, dataDir string, m *model.Model, keep *sourcesKept) ([]string, error) {
	man := Manifest{AsOf: m.Site.AsOf, Notices: []ManifestEntry{}}
	var kept []string
	var folders []string // where originals may lie, read at the first
	for _, t := range m.Units {
		for _, np := range t.Notices {
			e := ManifestEntry{Title: np.Title, Township: t.Place, Signed: np.Signed, URL: np.URL,
				Revisions: np.Revisions, Withdrawn: np.Withdrawn}
			if np.DataPath != "" && np.DataURL != "" {
				mf := keep.keptSource(np)
				if mf != nil {
					kept = append(kept, siteFile(np.DataURL))
				} else {
					var err error
					if mf, err = publishMasked(out, np.DataPath, np.DataURL, np.Notice); err != nil {
						return nil, err
					}
				}
				mf.Path = relPath(root, dataDir, np.DataPath)
				e.Data = mf
			}
			if np.OriginalURL != "" {
				// Confined again here, whatever the check said: resolved
				// (symbolic links and all) inside a folder config.toml's
				// [params] originals names, never hidden; the file copied
				// is the resolved one.
				if folders == nil {
					var err error
					if folders, err = check.OriginalFolders(root); err != nil {
						return nil, err
					}
				}
				src, err := check.ResolveOriginal(root, folders, np.Original)
				var oe *check.OriginalError
				switch {
				case errors.As(err, &oe):
					return nil, fmt.Errorf("%s: %w", np.DataPath, err)
				case err != nil:
					return nil, fmt.Errorf("%s: original: %w", np.DataPath, err)
				}
				mf, err := publishMasked(out, src, np.OriginalURL, np.Notice)
				if err != nil {
					return nil, fmt.Errorf("%s: original: %w", np.DataPath, err)
				}
				mf.Path = filepath.ToSlash(filepath.Clean(filepath.FromSlash(np.Original)))
				e.Original = mf
			}
			man.Notices = append(man.Notices, e)
		}
	}
	b, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return nil, err
	}
	return kept, os.WriteFile(filepath.Join(out, "manifest.json"), append(b, '\n'), 0o644)
}

// relPath names a data file relative to the project when it lies inside
// it, else relative to the data folder.
func relPath(root, dataDir, p string) string {
	for _, base := range []string{root, dataDir} {
		ab, err1 := filepath.Abs(base)
		ap, err2 := filepath.Abs(p)
		if err1 != nil || err2 != nil {
			continue
		}
		if r, err := filepath.Rel(ab, ap); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

// publishFile copies src to the site URL u under out and sums it.
func publishFile(out, src, u string) (*ManifestFile, error) {
	in, err := os.Open(src)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	dst := filepath.Join(out, filepath.FromSlash(u))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(dst)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), in)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return &ManifestFile{URL: u, SHA256: hex.EncodeToString(h.Sum(nil)), Bytes: n}, nil
}

// sitemapLimit is the most URLs one sitemap file may list (sitemaps.org).
const sitemapLimit = 50000

// writeSitemap writes sitemap.xml (an index of sitemap-N.xml files when the
// site has more pages than one sitemap may list) and robots.txt.
func writeSitemap(out, base string, m *model.Model) error {
	type entry struct {
		url     string
		lastmod notice.Date
	}
	var urls []entry
	newest := map[string]notice.Date{} // region URL → newest notice under it
	for _, t := range m.Units {
		var latest notice.Date
		if len(t.Feed) > 0 {
			latest = t.Feed[0].Date
		}
		for _, c := range t.Breadcrumb {
			if latest > newest[c.URL] {
				newest[c.URL] = latest
			}
		}
		if !t.IsSummary {
			urls = append(urls, entry{t.URL, latest})
		} else if latest > newest[t.URL] {
			newest[t.URL] = latest
		}
		for _, np := range t.Notices {
			d := np.Published
			if d == "" {
				d = np.Signed
			}
			urls = append(urls, entry{np.URL, d})
		}
		for _, fs := range t.Findings {
			urls = append(urls, entry{fs.URL, fs.History[len(fs.History)-1].Signed})
		}
	}
	head := []entry{{"/", newest["/"]}, {"/about/", ""}}
	// A region's (and the site's) analysis, themes and recurrence pages
	// change with its newest notice, as its page does.
	across := func(url, analysis string, th *model.ThemePages) {
		if analysis != "" {
			head = append(head, entry{analysis, newest[url]})
		}
		if th != nil {
			head = append(head, entry{th.URL, newest[url]}, entry{th.RecurURL, newest[url]})
		}
	}
	across("/", m.Site.Analysis, m.Site.Themes)
	for _, r := range m.Site.Regions {
		head = append(head, entry{r.URL, newest[r.URL]})
		across(r.URL, r.Analysis, r.Themes)
	}
	urls = append(head, urls...)

	write := func(name string, es []entry) error {
		f, err := os.Create(filepath.Join(out, name))
		if err != nil {
			return err
		}
		b := bufio.NewWriterSize(f, 1<<16) // written as it goes: 120,000 URLs are 20 MB
		b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, e := range es {
			b.WriteString("<url><loc>")
			xml.EscapeText(b, []byte(model.AbsURL(base, e.url)))
			b.WriteString("</loc>")
			if e.lastmod != "" {
				b.WriteString("<lastmod>" + string(e.lastmod) + "</lastmod>")
			}
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		err = b.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if len(urls) <= sitemapLimit {
		if err := write("sitemap.xml", urls); err != nil {
			return err
		}
	} else {
		var idx strings.Builder
		idx.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := 0; i*sitemapLimit < len(urls); i++ {
			name := fmt.Sprintf("sitemap-%d.xml", i+1)
			if err := write(name, urls[i*sitemapLimit:min((i+1)*sitemapLimit, len(urls))]); err != nil {
				return err
			}
			idx.WriteString("<sitemap><loc>")
			xml.EscapeText(&idx, []byte(model.AbsURL(base, "/"+name)))
			idx.WriteString("</loc></sitemap>\n")
		}
		idx.WriteString("</sitemapindex>\n")
		if err := os.WriteFile(filepath.Join(out, "sitemap.xml"), []byte(idx.String()), 0o644); err != nil {
			return err
		}
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + model.AbsURL(base, "/sitemap.xml") + "\n"
	return os.WriteFile(filepath.Join(out, "robots.txt"), []byte(robots), 0o644)
}
