package review

// Correcting an import in place (issue 20): every form is a plain HTML
// form posted to the server (the pages run no script), which adds the
// correction to the held import's list of edits (intake.Edit), reads it
// again through the import use case and shows the page again.

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
	"github.com/gongshi/gongshi/internal/notice"
)

// zh is the printer of the review pages (they are Chinese).
var zh = i18n.NewPrinter(true)

// roleChoice is a role a line may be given, with its label.
type roleChoice struct{ Value, Label string }

var roleChoices = []roleChoice{
	{"finding", "问题开头（从此行起一个新问题）"}, {"problem", "问题正文（并入上一个问题）"},
	{"status", "整改状态"}, {"measure", "整改措施"}, {"category", "类别标题"}, {"group", "分组标题"},
	{"chrome", "网页附属内容"}, {"ignore", "忽略（保留在未归位的行中）"},
}

var fieldNames = []roleChoice{{"title", "标题"}, {"signed", "落款日期"}, {"region", "地区"}, {"unit", "被巡察单位"}, {"unit_kind", "单位类型"}, {"source_url", "原文网址"}}

var statusChoices = []roleChoice{
	{string(notice.StatusDone), "已整改"}, {string(notice.StatusInProgress), "整改中"},
	{string(notice.StatusNotStarted), "未整改"}, {string(notice.StatusUnstated), "未说明"},
}

// fieldRow is one of the notice's fields an editor may give, with check's
// problems with it.
type fieldRow struct {
	Name, Label, Value, Hint string
	Problems                 []string
}

// findingRow is one finding as read, with the line it starts at and
// check's problems with it.
type findingRow struct {
	Number             int
	Label, Title       string
	Status, StatusText string
	StatusLabel        string
	Line               int
	Problems           []string
}

// editRow is one correction, described.
type editRow struct{ Text string }

// reProblemKey is the key a problem's message begins with: title,
// region.province, findings[3].status …
var reProblemKey = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?`)

// placeProblems puts each of check's problems beside the field or finding
// it names; the others stay in the list.
func (v *view) placeProblems(probs []check.Problem) {
	fields := map[string]int{}
	for i, f := range v.Fields {
		fields[f.Name] = i
	}
	fields["signature"] = fields["signed"]
	for _, p := range probs {
		if p.Warning {
			v.Problems = append(v.Problems, localProblem(p))
			continue
		}
		m := reProblemKey.FindStringSubmatch(p.Message)
		msg := problemText(p)
		switch {
		case m != nil && m[1] == "findings" && m[2] != "":
			k, _ := strconv.Atoi(m[2])
			if k >= 1 && k <= len(v.Findings) {
				v.Findings[k-1].Problems = append(v.Findings[k-1].Problems, msg)
				continue
			}
		case m != nil:
			if i, ok := fields[m[1]]; ok && len(v.Fields) > 0 {
				v.Fields[i].Problems = append(v.Fields[i].Problems, msg)
				continue
			}
		}
		v.Problems = append(v.Problems, localProblem(p))
	}
}

// localProblem is p with its message in Chinese (built from its key, not
// read back from the English), so that masking (view.mask) masks the text
// the page shows.
func localProblem(p check.Problem) check.Problem {
	if p.Loc != nil {
		p.Message, p.Loc = p.Loc.Localize(zh), nil
	}
	return p
}

// localProblems is localProblem of each.
func localProblems(ps []check.Problem) []check.Problem {
	out := make([]check.Problem, len(ps))
	for i, p := range ps {
		out[i] = localProblem(p)
	}
	return out
}

// problemText is a problem of check in Chinese, with its place in the
// would-be file.
func problemText(p check.Problem) string {
	s := localProblem(p).Message
	if p.Line > 0 {
		s = zh.Sprintf("review: line %d, column %d of the data file: %s", p.Line, p.Col, s)
	}
	return s
}

// fieldRows are the fields of n an editor may give, as read (the region
// and unit from the text and config.toml).
func fieldRows(res *intake.Result, req intake.Request) []fieldRow {
	n := res.Notice
	var region []string
	for _, s := range []string{n.Region.Province, n.Region.City, n.Region.County, n.Region.Township} {
		if s != "" {
			region = append(region, s)
		}
	}
	unit := res.Unit.Name
	if req.Unit != "" {
		unit = req.Unit
	}
	return []fieldRow{
		{Name: "title", Label: "标题", Value: n.Title},
		{Name: "signed", Label: "落款日期", Value: string(n.Signed), Hint: "如 2024年12月2日 或 2024-12-02"},
		{Name: "region", Label: "地区（省/市/县/乡镇）", Value: strings.Join(region, "/"), Hint: "从通报正文和 config.toml 读出，可修改"},
		{Name: "unit", Label: "被巡察单位", Value: unit},
		{Name: "unit_kind", Label: "单位类型", Value: res.Unit.Kind.Label(), Hint: unitKindHint()},
		{Name: "source_url", Label: "原文网址", Value: n.SourceURL},
	}
}

// findingRows are the findings of res, each with the line it starts at.
func findingRows(res *intake.Result) []findingRow {
	var out []findingRow
	for i, f := range res.Notice.Findings {
		r := findingRow{Number: f.Number, Label: f.Label, Title: f.Title, Status: string(f.Status), StatusText: f.StatusText, StatusLabel: f.Status.Label()}
		if i < len(res.Parse.FindingLines) {
			r.Line = res.Parse.FindingLines[i]
		}
		out = append(out, r)
	}
	return out
}

// describe is an edit in words.
func describe(e intake.Edit) string {
	label := func(cs []roleChoice, v string) string {
		for _, c := range cs {
			if c.Value == v {
				return c.Label
			}
		}
		return v
	}
	switch e.Op {
	case "role":
		return zh.Sprintf("review: line %d is %s", e.Line, label(roleChoices, e.Role))
	case "split":
		return zh.Sprintf("review: line %d is %s", e.Line, label(roleChoices, "finding"))
	case "merge":
		return zh.Sprintf("review: line %d merged into the finding before it", e.Line)
	case "status":
		return zh.Sprintf("review: the finding at line %d has the status %s", e.Line, label(statusChoices, e.Status))
	case "field":
		for _, n := range fieldNames {
			if n.Value == e.Field {
				return zh.Sprintf("review: %s set to %q", n.Label, e.Value)
			}
		}
		return zh.Sprintf("review: %s set to %q", e.Field, e.Value)
	}
	return e.Op
}

// edit adds a correction to the held import tok and shows it read again.
func (h *Handler) edit(w http.ResponseWriter, r *http.Request) {
	tok := r.PostFormValue("token")
	f := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	line, _ := strconv.Atoi(f("line"))
	var edits []intake.Edit
	switch op := f("op"); op {
	case "role":
		role := f("role")
		if role == "" {
			break
		}
		if role == "finding" {
			edits = append(edits, intake.Edit{Op: "split", Line: line})
		} else {
			edits = append(edits, intake.Edit{Op: "role", Line: line, Role: role})
		}
	case "merge":
		edits = append(edits, intake.Edit{Op: "merge", Line: line})
	case "status":
		edits = append(edits, intake.Edit{Op: "status", Line: line, Status: f("status")})
	case "fields":
		// the fields form: an edit for each field changed
		old, _ := h.pending.get(tok)
		res, _ := intake.Read(r.Context(), old)
		var cur []fieldRow
		if res != nil {
			cur = fieldRows(res, old)
		}
		for _, name := range intake.EditFields {
			v := f(name)
			changed := true
			for _, c := range cur {
				if c.Name == name && c.Value == v {
					changed = false
				}
			}
			if changed && (v != "" || cur != nil) {
				edits = append(edits, intake.Edit{Op: "field", Field: name, Value: v})
			}
		}
	case "undo":
	default:
		http.Error(w, "未知的更正", http.StatusBadRequest)
		return
	}
	for _, e := range edits {
		if err := e.Check(); err != nil {
			req, ok := h.pending.get(tok)
			if !ok {
				http.Error(w, "没有待保存的导入（可能已经保存或已过期）", http.StatusNotFound)
				return
			}
			h.show(w, r, tok, req, i18n.Localize(zh, err))
			return
		}
	}
	req, ok := h.pending.update(tok, func(q *intake.Request) {
		if f("op") == "undo" {
			if len(q.Edits) > 0 {
				q.Edits = q.Edits[:len(q.Edits)-1]
			}
			return
		}
		q.Edits = append(append([]intake.Edit{}, q.Edits...), edits...)
	})
	if !ok {
		http.Error(w, "没有待保存的导入（可能已经保存或已过期）", http.StatusNotFound)
		return
	}
	h.show(w, r, tok, req, "")
}

// show reads the held import tok through the import use case and shows it
// with its correction forms; note is a message about the last correction.
func (h *Handler) show(w http.ResponseWriter, r *http.Request, tok string, req intake.Request, note string) {
	v := view{Title: req.Name, Token: tok, Note: note, Roles: roleChoices, Statuses: statusChoices}
	for _, e := range req.Edits {
		v.Edits = append(v.Edits, editRow{describe(e)})
	}
	res, err := intake.Read(r.Context(), req)
	if err != nil {
		v.Error = localize(err)
		if cls, lerr := intake.Lines(req); lerr == nil {
			v.Lines = classifiedLines(cls, nil)
		}
		v.finish()
		render(w, "view", v)
		return
	}
	v.Notice, v.Lines = res.Notice, lines(res.Parse, res.Notice)
	v.Fields, v.Findings, v.Totals = fieldRows(res, req), findingRows(res), res.Totals
	v.Layout, v.Replayed = res.Parse.Layout, res.Replayed != ""
	if res.Parse.Close() {
		v.Close = &closeReading{res.Parse.Reading, *res.Parse.RunnerUp}
	}
	if rel, err := filepath.Rel(h.Data, res.Path); err == nil && res.Path != "" {
		v.Target = filepath.ToSlash(rel)
		if _, err := os.Stat(res.Path); err == nil {
			v.Exists = true
		}
	}
	v.placeProblems(res.Problems)
	if err := res.Refused(); err != nil {
		v.Refused = localize(err)
	} else {
		v.CanSave = true
	}
	v.CanLayout = res.Notice.Issuer != "" && len(res.Edits) > 0
	v.Issuer = res.Notice.Issuer
	v.finish()
	render(w, "view", v)
}

// localize is an error of the use case or of check in Chinese: built from
// its key where it is an i18n message, else (a message not yet converted)
// through the commands' catalog line by line.
func localize(err error) string {
	return i18n.Localize(zh, err)
}

// saveLayout saves the held import's corrections that describe its layout
// as a profile for its issuer (data/layouts/NAME.toml).
func (h *Handler) saveLayout(w http.ResponseWriter, r *http.Request) {
	tok := r.PostFormValue("token")
	req, ok := h.pending.get(tok)
	if !ok {
		http.Error(w, "没有待保存的导入（可能已经保存或已过期）", http.StatusNotFound)
		return
	}
	name := strings.TrimSpace(r.PostFormValue("name"))
	out := map[string]any{"Name": name}
	res, err := intake.Read(r.Context(), req)
	var l *importer.Layout
	if err == nil {
		l, err = intake.LayoutFrom(name, res.Notice.Issuer, res.Edits, res.Parse.Lines)
	}
	var p string
	if err == nil {
		p, err = intake.SaveLayout(h.Data, l, r.PostFormValue("overwrite") == "1")
	}
	if err != nil {
		out["Error"] = localize(err)
		render(w, "layout", out)
		return
	}
	b, _ := os.ReadFile(p)
	rel, _ := filepath.Rel(h.Data, p)
	type rule struct{ Starts, Role string }
	var rules []rule
	for _, x := range l.Rules {
		lab := x.Role
		for _, c := range roleChoices {
			if c.Value == x.Role {
				lab = c.Label
			}
		}
		rules = append(rules, rule{x.Starts, lab})
	}
	out["Path"], out["Text"], out["Issuer"], out["Rules"] = filepath.ToSlash(rel), string(b), l.Issuer, rules
	render(w, "layout", out)
}

// unitKindHint lists the unit kinds as the field takes them (their labels).
func unitKindHint() string {
	ls := make([]string, len(notice.UnitKinds))
	for i, k := range notice.UnitKinds {
		ls[i] = k.Label()
	}
	return "填写其一：" + strings.Join(ls, "、")
}
