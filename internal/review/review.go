// Package review is the editor's review page that `gongshi serve` offers on
// localhost under /review/ (never part of the built site): for each data
// file, its original line by line, each line coloured by what it became
// (finding, status, measure, heading, page furniture, unplaced), beside the
// structured notice; the figures the notice states against what was read;
// and check's problems. A file dropped there (POST /review/import) goes
// through the same import use case as `gongshi import` (internal/intake:
// region, unit, the would-be data file checked as check checks it) and is
// only shown; nothing is written until the editor saves it (POST
// /review/save), and the save writes only what the use case would write —
// never a file check refuses — atomically, never over an existing file.
// Everything inserted into the HTML is escaped (html/template).
package review

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"html/template"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// MaxUpload is the largest file the page imports (as store.MaxFileSize).
const MaxUpload = 8 << 20

// Handler serves /review/ for the project at root with its data folder.
type Handler struct {
	Root, Data string

	pending *pendingImports // imported, not saved, by token
	guard   *guard          // who may ask (see guard.go)
	pages   *template.Template
}

// New is the review handler. Call Listening with the address it is served
// at, so that it answers only requests naming that address.
func New(root, data string) *Handler {
	h := &Handler{Root: root, Data: data, pending: newPendingImports(), guard: newGuard()}
	h.pages = handlerPages(h.guard)
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !h.guard.check(w, r) {
		return
	}
	w = &pageWriter{ResponseWriter: w, pages: h.pages}
	switch {
	case r.URL.Path == "/review/" && r.Method == http.MethodGet:
		h.index(w)
	case r.URL.Path == "/review/review.css" && r.Method == http.MethodGet:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, reviewCSS)
	case r.URL.Path == "/review/file" && r.Method == http.MethodGet:
		h.file(w, r.URL.Query().Get("path"), false)
	case r.URL.Path == "/review/file" && r.Method == http.MethodPost: // the unmasked text (token-checked)
		h.file(w, r.PostFormValue("path"), r.PostFormValue("unmask") == "1")
	case r.URL.Path == "/review/import" && r.Method == http.MethodPost:
		h.upload(w, r)
	case (r.URL.Path == "/review/save" || r.URL.Path == "/review/edit" || r.URL.Path == "/review/layout") && r.Method == http.MethodPost:
		if why, gone := h.pending.why(r.PostFormValue("token")); gone {
			http.Error(w, why, http.StatusGone)
			return
		}
		switch r.URL.Path {
		case "/review/save":
			h.save(w, r)
		case "/review/edit":
			h.edit(w, r)
		default:
			h.saveLayout(w, r)
		}
	default:
		http.NotFound(w, r)
	}
}

func (h *Handler) index(w http.ResponseWriter) {
	paths, _ := store.Files(h.Data)
	var rels []string
	for _, p := range paths {
		if rel, err := filepath.Rel(h.Data, p); err == nil {
			rels = append(rels, filepath.ToSlash(rel))
		}
	}
	sort.Strings(rels)
	// the region field prefilled from config.toml's [params.publisher]
	region := ""
	if pub, err := importer.LoadPublisher(filepath.Join(h.Root, "config.toml")); err == nil && pub != nil {
		var parts []string
		for _, s := range []string{pub.Province, pub.City, pub.County} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		region = strings.Join(parts, "/")
	}
	render(w, "index", map[string]any{"Files": rels, "Region": region})
}

// file reviews a data file: its original (when it names one) parsed again.
// The data file and the original must be, after symlinks, inside the data
// folder and the project. Every text shown is masked by the file's
// [[redact]] entries, as the site masks it, unless unmasked (which only a
// same-origin POST with the page's token can ask for, see guard.go).
func (h *Handler) file(w http.ResponseWriter, rel string, unmasked bool) {
	if rel == "" || !filepath.IsLocal(filepath.FromSlash(rel)) || !strings.HasSuffix(rel, ".toml") {
		http.Error(w, "没有这个数据文件", http.StatusNotFound)
		return
	}
	p, ok := inside(h.Data, filepath.FromSlash(rel))
	if !ok {
		http.Error(w, "没有这个数据文件", http.StatusNotFound)
		return
	}
	src, err := store.ReadFile(p)
	if err != nil {
		http.Error(w, "没有这个数据文件", http.StatusNotFound)
		return
	}
	f, probs := check.Bytes(rel, src)
	v := view{Title: rel, Problems: localProblems(probs), Path: rel, Unmasked: unmasked}
	if f != nil {
		v.Notice = f.Notice
		if o := f.Notice.Original; o != "" && filepath.IsLocal(filepath.FromSlash(o)) {
			if op, ok := inside(h.Root, filepath.FromSlash(o)); ok {
				if b, err := os.ReadFile(op); err == nil {
					req := intake.Request{Name: o, Data: b, DataDir: h.Data}
					if ef, err := intake.ReadEdits(intake.EditsPath(p)); err == nil && f.Notice.Edits != "" {
						req.Edits = ef.Edits // the corrections the file carries
					} else {
						req.NoReplay = true
					}
					if res, err := intake.Parse(req); err == nil {
						v.Lines = lines(res, f.Notice)
					} else {
						v.Error = localize(err)
					}
				}
			}
		}
		v.Masks = len(f.Notice.Redact)
		if !unmasked {
			v.mask(f.Notice)
		}
	}
	v.finish()
	render(w, "view", v)
}

// upload reads a dropped file through the import use case (intake), as
// `gongshi import` reads a file: the region from the form, then the text,
// then config.toml's [params.publisher]; the unit and source URL from the
// form. It writes nothing. The page shows the reading, check's problems
// with the would-be file in Chinese, and offers 保存 only when the use case
// would write it.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxUpload+1<<20)
	file, hdr, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "请选择要导入的文件", http.StatusBadRequest)
		return
	}
	defer file.Close()
	b, err := io.ReadAll(io.LimitReader(file, MaxUpload+1))
	if err != nil || len(b) > MaxUpload {
		http.Error(w, "文件太大或无法读取", http.StatusBadRequest)
		return
	}
	req, err := h.request(filepath.Base(hdr.Filename), b, r)
	if err != nil {
		render(w, "view", view{Title: hdr.Filename, Error: localize(err)})
		return
	}
	if _, err := intake.Lines(req); err != nil {
		// not a document at all (or a malformed form): nothing to correct
		render(w, "view", view{Title: hdr.Filename, Error: localize(err)})
		return
	}
	// held, so that the editor can correct it, even when it cannot be
	// saved as it is read
	tok := token()
	req, err = req.Replay() // held with the request, so that a correction adds to them
	if err != nil {
		render(w, "view", view{Title: hdr.Filename, Error: localize(err)})
		return
	}
	h.pending.put(tok, req)
	h.show(w, r, tok, req, "")
}

// request is the import use case's request for an upload: the document,
// the data folder, the site's config, and what the form says (region,
// slugs, unit, unit kind and slug, source URL, title; each optional).
func (h *Handler) request(name string, b []byte, r *http.Request) (intake.Request, error) {
	cfg := filepath.Join(h.Root, "config.toml")
	pub, err := importer.LoadPublisher(cfg)
	if err != nil {
		return intake.Request{}, err
	}
	f := func(k string) string { return strings.TrimSpace(r.FormValue(k)) }
	return intake.Request{
		Name: name, Data: b,
		Region: f("region"), Slugs: f("slugs"), Unit: f("unit"), UnitKind: f("unit_kind"), UnitSlug: f("unit_slug"),
		SourceURL: f("source_url"), Title: f("title"),
		DataDir: h.Data, Publisher: pub, ConfigPath: cfg,
	}, nil
}

// save writes an upload's data file: the document is read again through
// the import use case (the data folder may have changed since), and the
// file is written only when the use case would write it (never what check
// refuses), atomically, never over an existing file.
func (h *Handler) save(w http.ResponseWriter, r *http.Request) {
	tok := r.FormValue("token")
	req, ok := h.pending.get(tok)
	if !ok {
		http.Error(w, "没有待保存的导入（可能已经保存）", http.StatusNotFound)
		return
	}
	req.Force = r.PostFormValue("overwrite") == "1"
	res, err := intake.Read(r.Context(), req)
	if err != nil {
		render(w, "saved", map[string]any{"Error": localize(err)})
		return
	}
	rel := ""
	if res.Path != "" {
		if p, err := filepath.Rel(h.Data, res.Path); err == nil {
			rel = filepath.ToSlash(p)
		}
	}
	if err := res.Write(); err != nil {
		var probs []string
		for _, p := range check.Errors(res.Problems) {
			probs = append(probs, problemText(p))
		}
		msg := localize(err)
		if errors.Is(err, store.ErrExists) {
			msg = zh.Sprintf("review: data/%s already exists; it was not overwritten", rel)
		}
		render(w, "saved", map[string]any{"Path": rel, "Error": msg, "Problems": probs, "Exists": errors.Is(err, store.ErrExists)})
		return
	}
	h.pending.remove(tok)
	edits := ""
	if res.EditsPath != "" {
		edits = filepath.Base(res.EditsPath)
	}
	render(w, "saved", map[string]any{"Path": rel, "Edits": edits, "Count": len(res.Edits)})
}

func token() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Line is one line of the original as the review shows it.
type Line struct {
	No    int
	Text  string
	Kind  string // the colour: finding, status, measure, heading, chrome, unplaced, ignored, text, blank
	Label string // 问题, 整改状态 …
	// Role is the name of the line's role among those an editor may give
	// (roleChoices), "" for another; Forced: an edit or a layout gave it.
	Role   string
	Forced bool
}

var kinds = map[importer.Role][2]string{
	importer.RoleFinding: {"finding", "问题"}, importer.RoleTableRow: {"finding", "问题（表格）"},
	importer.RoleStatus: {"status", "整改状态"}, importer.RoleMeasure: {"measure", "整改措施"},
	importer.RoleSection: {"heading", "标题"}, importer.RoleCategory: {"heading", "类别"},
	importer.RoleGroup: {"heading", "分组"}, importer.RoleHeading: {"heading", "标题"},
	importer.RoleTitle: {"heading", "通报标题"}, importer.RoleTableHeader: {"heading", "表头"},
	importer.RoleChrome: {"chrome", "网页附属内容"}, importer.RoleUnplaced: {"unplaced", "未归位"},
	importer.RoleBlank:    {"blank", ""},
	importer.RoleIgnored:  {"ignored", "已忽略"},
	importer.RolePreamble: {"text", "导语"}, importer.RoleMeta: {"text", "发布信息"},
	importer.RoleOrgIntro: {"text", "组织整改概述"}, importer.RoleOrgPoint: {"text", "组织整改要点"},
	importer.RoleNumbered: {"text", "编号行"}, importer.RoleField: {"measure", "问题的其他字段"},
	importer.RoleAccountability: {"text", "问责情况"}, importer.RolePetitions: {"text", "信访举报"},
	importer.RoleItem: {"text", "需进一步整改事项"}, importer.RoleProgress: {"text", "整改进展"},
	importer.RoleReason: {"text", "未完成原因"}, importer.RoleNextSteps: {"text", "下一步措施"},
	importer.RoleDeadline: {"text", "整改时限"}, importer.RoleNextPlan: {"text", "下一步计划"},
	importer.RoleSignatureIssuer: {"text", "落款单位"}, importer.RoleSignatureDate: {"text", "落款日期"},
	importer.RoleSignature: {"text", "落款"}, importer.RoleContinuation: {"text", "续行"},
}

// continues labels a continuation by what it continues.
var continues = map[importer.Role][2]string{
	importer.RoleFinding: {"finding", "问题正文"}, importer.RoleStatus: {"measure", "整改情况（续）"},
	importer.RolePreamble: {"text", "导语（续）"}, importer.RoleOrgIntro: {"text", "组织整改概述（续）"},
	importer.RoleOrgPoint: {"text", "组织整改要点（续）"}, importer.RoleNextPlan: {"text", "下一步计划（续）"},
	importer.RoleAccountability: {"text", "问责情况（续）"}, importer.RolePetitions: {"text", "信访举报（续）"},
	importer.RoleItem: {"text", "需进一步整改事项（续）"},
}

func lines(res *importer.Result, n *notice.Notice) []Line {
	return classifiedLines(res.Lines, n)
}

// classifiedLines are the importer's lines as the review shows them; n is
// the notice made of them (nil when none could be).
func classifiedLines(cls []importer.Classified, n *notice.Notice) []Line {
	unplaced := map[int]bool{}
	if n != nil {
		for _, u := range n.Unplaced {
			unplaced[u.Line] = true
		}
	}
	var out []Line
	for _, c := range cls {
		k, ok := kinds[c.Role]
		if c.Role == importer.RoleContinuation {
			k, ok = continues[c.Into]
		}
		if !ok {
			k = [2]string{"text", "其他"}
		}
		if c.Role != importer.RoleIgnored && (unplaced[c.No] || len(c.Leftover) > 0 || n == nil && c.Role == importer.RoleUnplaced) {
			k = [2]string{"unplaced", "未归位"}
		}
		l := Line{No: c.No, Text: c.Text, Kind: k[0], Label: k[1], Forced: c.Recogniser == "forced"}
		switch {
		case c.Role == importer.RoleContinuation && c.Into == importer.RoleFinding:
			l.Role = "problem"
		case c.Role == importer.RoleTableRow:
			l.Role = "finding"
		default:
			if _, ok := importer.ForcibleRole(importer.ForcibleName(c.Role)); ok {
				l.Role = importer.ForcibleName(c.Role)
			}
		}
		if c.Part > 1 {
			l.Role = "part" // the second part of a line split at its labels: corrected with its line
		}
		out = append(out, l)
	}
	return out
}

type view struct {
	Title    string
	Notice   *notice.Notice
	Lines    []Line
	Unplaced int
	Problems []check.Problem
	Error    string
	Token    string // an import not yet saved (its correction forms)
	CanSave  bool   // the use case would write it: the save form is shown
	Exists   bool   // a data file is already at Target (saving asks to overwrite)
	Target   string // where saving writes it
	Refused  string // why saving would not write it (in Chinese)
	Note     string // about the last correction (a malformed one)
	// The correction forms: the notice's fields and findings with check's
	// problems beside them, the roles and statuses to choose from, the
	// corrections made, the stated totals against what is read.
	Fields    []fieldRow
	Findings  []findingRow
	Roles     []roleChoice
	Statuses  []roleChoice
	Edits     []editRow
	Totals    *intake.Totals
	Layout    *importer.LayoutUse
	Replayed  bool
	CanLayout bool
	Issuer    string
	Figures   []notice.Disagreement
	Path      string // the data file reviewed
	Masks     int    // its [[redact]] entries
	Unmasked  bool   // shown without them
	// Close is the reading the importer took and a runner-up whose score
	// is within 10 % of it: the editor should check which is right.
	Close *closeReading
}

type closeReading struct{ Taken, Other importer.Reading }

func (v *view) finish() {
	for _, l := range v.Lines {
		if l.Kind == "unplaced" {
			v.Unplaced++
		}
	}
	if v.Notice != nil {
		v.Figures = v.Notice.Disagreements()
	}
}

func render(w http.ResponseWriter, name string, data any) {
	pw, ok := w.(*pageWriter)
	if !ok {
		http.Error(w, "模板错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pw.pages.ExecuteTemplate(w, name, data); err != nil {
		http.Error(w, "模板错误", http.StatusInternalServerError)
	}
}
