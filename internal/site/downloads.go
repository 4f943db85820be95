package site

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/csvsafe"
	"github.com/gongshi/gongshi/internal/notice"
)

// The files beside the pages are written in Go, not by Hugo: they are plain
// serialisations of the model, and Go writes them exactly (CSV quoting and
// formula guards, JSON escaping, SHA-256 sums).

// csvColumns are the findings CSV's columns, named with the glossary keys;
// findings.json uses the same keys. README.md documents them.
var csvColumns = []string{
	"id", "province", "city", "county", "township",
	"notice", "signed", "inspection", "number",
	"category_no", "category", "group_no", "group",
	"title", "problem", "status", "status_text", "rectification", "measures",
	"amounts", "yuan", "deadline", "overdue", "history", "url",
	"unit", "unit_kind", "overdue_note",
}

// Record is one finding in its current state in findings.json.
type Record struct {
	ID            string          `json:"id"`
	Province      string          `json:"province"`
	City          string          `json:"city"`
	County        string          `json:"county"`
	Township      string          `json:"township"`
	Notice        string          `json:"notice"` // the latest notice reporting it
	Signed        notice.Date     `json:"signed"` // that notice's date
	Inspection    string          `json:"inspection"`
	Number        int             `json:"number"`
	CategoryNo    int             `json:"category_no"`
	Category      string          `json:"category"`
	GroupNo       int             `json:"group_no"`
	Group         string          `json:"group"`
	Title         string          `json:"title"`
	Problem       string          `json:"problem"`
	Status        notice.Status   `json:"status"`
	StatusText    string          `json:"status_text"`
	Rectification string          `json:"rectification"`
	Measures      []string        `json:"measures"`
	Amounts       []notice.Amount `json:"amounts"`
	Yuan          []int64         `json:"yuan"`     // each amount in yuan, in order: never added up (they are of different kinds)
	Deadline      notice.Date     `json:"deadline"` // of its outstanding item, if any
	Overdue       bool            `json:"overdue"`
	History       []RecordEvent   `json:"history"`
	URL           string          `json:"url"`       // its permalink, absolute
	Unit          string          `json:"unit"`      // the inspected unit's name (the township for a township)
	UnitKind      notice.UnitKind `json:"unit_kind"` // township, village, department, school, enterprise, region
	// OverdueNote says what overdue means here: the deadline passed and
	// the latest notice (dated) did not report the finding done.
	OverdueNote string `json:"overdue_note"`
}

// RecordEvent is one status report of a finding.
type RecordEvent struct {
	Signed     notice.Date   `json:"signed"`
	Notice     string        `json:"notice"`
	Status     notice.Status `json:"status"`
	StatusText string        `json:"status_text"`
	URL        string        `json:"url"`
}

func records(t *Unit, base string) []Record {
	out := make([]Record, 0, len(t.Findings))
	for _, fs := range t.Findings {
		n := t.Notices[fs.N]
		f := &fs.Merged
		rec := Record{
			ID: fs.ID, Province: t.Region.Province, City: t.Region.City, County: t.Region.County,
			Township: t.Region.Township, Notice: n.Title, Signed: n.Signed, Inspection: fs.Inspection,
			Number: f.Number, CategoryNo: f.CategoryNo, Category: f.Category, GroupNo: f.GroupNo,
			Group: f.Group, Title: f.Title, Problem: f.Problem, Status: f.Status,
			StatusText: f.StatusText, Rectification: f.Rectification,
			Measures: nonNil(f.Measures), Amounts: f.Amounts, URL: abs(base, fs.URL),
			Unit: t.Name, UnitKind: t.Kind,
		}
		if rec.Amounts == nil {
			rec.Amounts = []notice.Amount{}
		}
		rec.Yuan = []int64{}
		for _, a := range f.Amounts {
			rec.Yuan = append(rec.Yuan, a.Yuan)
		}
		rec.Deadline, rec.Overdue = fs.Deadline, fs.Overdue
		if fs.Overdue {
			rec.OverdueNote = "逾期（" + fs.OverdueNote + "）"
		}
		for _, h := range fs.History {
			rec.History = append(rec.History, RecordEvent{
				Signed: h.Signed, Notice: h.Notice, Status: h.Status, StatusText: h.StatusText, URL: abs(base, h.URL),
			})
		}
		out = append(out, rec)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// abs is a site URL made absolute with the base URL ("https://x.org/").
func abs(base, u string) string { return strings.TrimSuffix(base, "/") + u }

func (r Record) row() []string {
	var amounts, yuan, history []string
	for _, a := range r.Amounts {
		amounts = append(amounts, a.Text)
	}
	for _, y := range r.Yuan {
		yuan = append(yuan, strconv.FormatInt(y, 10))
	}
	for _, h := range r.History {
		history = append(history, string(h.Signed)+" "+h.StatusText)
	}
	return []string{
		r.ID, r.Province, r.City, r.County, r.Township,
		r.Notice, string(r.Signed), r.Inspection, strconv.Itoa(r.Number),
		strconv.Itoa(r.CategoryNo), r.Category, strconv.Itoa(r.GroupNo), r.Group,
		r.Title, r.Problem, string(r.Status), r.StatusText, r.Rectification, strings.Join(r.Measures, "\n"),
		strings.Join(amounts, "；"), strings.Join(yuan, "；"), string(r.Deadline), strconv.FormatBool(r.Overdue),
		strings.Join(history, "\n"), r.URL,
		r.Unit, string(r.UnitKind), r.OverdueNote,
	}
}

// findingsWriter writes findings as CSV (UTF-8 with a BOM, so that Excel
// reads Chinese right; CRLF lines) and as JSON, record by record.
type findingsWriter struct {
	files []*os.File
	bufs  []*bufio.Writer
	csv   *csv.Writer
	csvb  *bufio.Writer // under csv
	json  *bufio.Writer
	n     int
}

func newFindingsWriter(csvPath, jsonPath string, asOf notice.Date) (*findingsWriter, error) {
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
	jb, err := open(jsonPath)
	if err != nil {
		w.close()
		return nil, err
	}
	cb.WriteString("\ufeff")
	w.csvb = cb
	w.csv = csv.NewWriter(cb)
	w.csv.UseCRLF = true
	if err := w.csv.Write(csvColumns); err != nil {
		w.close()
		return nil, err
	}
	w.json = jb
	fmt.Fprintf(jb, "{\"as_of\":%q,\"columns\":", asOf)
	col, _ := json.Marshal(csvColumns)
	jb.Write(col)
	jb.WriteString(",\"findings\":[")
	return w, nil
}

func (w *findingsWriter) write(recs []Record) error {
	for _, r := range recs {
		row := r.row()
		for i := range row {
			row[i] = csvsafe.Cell(row[i])
		}
		if err := w.csv.Write(row); err != nil {
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
	csv, json []byte
}

// unitRows reads the rows of a unit from its download files in the
// previous site (an unchanged unit's files are those a full build would
// write, so their rows are the records' bytes).
func unitRows(prevSite string, t *Unit) (rows, error) {
	var r rows
	c, err := os.ReadFile(filepath.Join(prevSite, filepath.FromSlash(siteFile(t.Downloads.CSV))))
	if err != nil {
		return r, err
	}
	j, err := os.ReadFile(filepath.Join(prevSite, filepath.FromSlash(siteFile(t.Downloads.JSON))))
	if err != nil {
		return r, err
	}
	i := bytes.Index(c, []byte("\r\n")) // after the BOM and the header
	start := bytes.Index(j, []byte(`"findings":[`))
	if i < 0 || start < 0 || !bytes.HasSuffix(j, []byte(jsonEnd)) {
		return r, fmt.Errorf("%s: not a findings download of this version", t.Downloads.JSON)
	}
	r.csv = c[i+2:]
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

// jsonEnd ends findings.json.
const jsonEnd = "\n]}\n"

func (w *findingsWriter) finish() error {
	w.json.WriteString(jsonEnd)
	w.csv.Flush()
	err := w.csv.Error()
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
// since the previous build and are not written (nil: write every file).
func writeDownloads(out, base string, m *Model, skip *downloadSkip) error {
	var prevSite string
	if skip != nil {
		prevSite = skip.site
	}
	open := func(d *Downloads) (*findingsWriter, error) {
		return newFindingsWriter(filepath.Join(out, filepath.FromSlash(d.CSV)),
			filepath.Join(out, filepath.FromSlash(d.JSON)), m.Site.AsOf)
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
	for _, t := range m.Units {
		targets := []*findingsWriter{site}
		for _, k := range regionalTargets(t) {
			if w := regional[k]; w != nil {
				targets = append(targets, w)
			}
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
		recs := records(t, base)
		for _, w := range targets {
			if err := w.write(recs); err != nil {
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
		if err := tw.write(recs); err != nil {
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

// downloadSkip names the units and regions whose download files an
// incremental build keeps from the previous site.
type downloadSkip struct {
	site    string          // the previous site folder, which has them
	units   map[string]bool // unit keys
	regions map[string]bool // region keys
}

func (s *downloadSkip) unit(t *Unit) bool { return s != nil && s.units[t.Key] }

func (s *downloadSkip) region(key string) bool { return s != nil && s.regions[key] }

// regionalTargets are the keys of the regions (city and county) whose
// download files hold a unit's findings.
func regionalTargets(t *Unit) []string {
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

// publishSources copies each notice's data file and original into its
// notice page's folder and writes manifest.json.
func publishSources(out, root, dataDir string, m *Model) error {
	man := Manifest{AsOf: m.Site.AsOf, Notices: []ManifestEntry{}}
	for _, t := range m.Units {
		for _, np := range t.Notices {
			e := ManifestEntry{Title: np.Title, Township: t.Place, Signed: np.Signed, URL: np.URL,
				Revisions: np.Revisions, Withdrawn: np.Withdrawn}
			if np.dataPath != "" && np.DataURL != "" {
				mf, err := publishMasked(out, np.dataPath, np.DataURL, np.Notice)
				if err != nil {
					return err
				}
				mf.Path = relPath(root, dataDir, np.dataPath)
				e.Data = mf
			}
			if np.OriginalURL != "" {
				if !filepath.IsLocal(filepath.FromSlash(np.Original)) {
					return fmt.Errorf("%s: original %q must be a path inside the project (like seeds/…)", np.dataPath, np.Original)
				}
				src := filepath.Join(root, filepath.FromSlash(np.Original))
				mf, err := publishMasked(out, src, np.OriginalURL, np.Notice)
				if err != nil {
					return fmt.Errorf("%s: original: %w", np.dataPath, err)
				}
				mf.Path = filepath.ToSlash(filepath.Clean(filepath.FromSlash(np.Original)))
				e.Original = mf
			}
			man.Notices = append(man.Notices, e)
		}
	}
	b, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.json"), append(b, '\n'), 0o644)
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
func writeSitemap(out, base string, m *Model) error {
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
	for _, r := range m.Site.Regions {
		head = append(head, entry{r.URL, newest[r.URL]})
	}
	urls = append(head, urls...)

	write := func(name string, es []entry) error {
		var b strings.Builder
		b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, e := range es {
			b.WriteString("<url><loc>")
			xml.EscapeText(&b, []byte(abs(base, e.url)))
			b.WriteString("</loc>")
			if e.lastmod != "" {
				b.WriteString("<lastmod>" + string(e.lastmod) + "</lastmod>")
			}
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		return os.WriteFile(filepath.Join(out, name), []byte(b.String()), 0o644)
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
			xml.EscapeText(&idx, []byte(abs(base, "/"+name)))
			idx.WriteString("</loc></sitemap>\n")
		}
		idx.WriteString("</sitemapindex>\n")
		if err := os.WriteFile(filepath.Join(out, "sitemap.xml"), []byte(idx.String()), 0o644); err != nil {
			return err
		}
	}
	robots := "User-agent: *\nAllow: /\n\nSitemap: " + abs(base, "/sitemap.xml") + "\n"
	return os.WriteFile(filepath.Join(out, "robots.txt"), []byte(robots), 0o644)
}
