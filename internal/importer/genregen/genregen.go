// Package genregen is a seeded generator of the genre: rectification
// notices (巡察整改进展情况的通报) typeset in the ways counties typeset
// them, each with the reading a person would take from it (its findings in
// order, with number, title and status, and the totals it states).
//
// It composes the dimensions the genre varies along (../shared/genre/
// README.md, issue 18): the numbering of findings, where and how the status
// is written, punctuation and digit width, indentation, the container (text,
// HTML paragraphs, one <p> broken by <br>, an HTML table with row and column
// spans, .docx paragraphs, Word list numbering, a .docx table with gridSpan
// and vMerge), the text encoding and line ends, restarting or running-on
// numbering, 0–2 grouping levels, stated totals, the kind of unit and the
// furniture around the findings (title, meta line, both orders of the
// feedback date, signature). Names are plainly fictitious (示例县, 样本镇0001).
//
// It does not import the importer, so the importer's tests can use it; the
// meaning of a status wording is notice.ParseStatus's, never the
// generator's own.
package genregen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Dimension is one way notices vary, with its values in the order they are
// listed (the first is the baseline: the form the bundled notice uses).
type Dimension struct {
	Name   string
	Values []string
	// Doc says what the dimension is, for the README.
	Doc string
}

// NA is the value of a dimension that does not apply to a case (the
// encoding of a .docx, the status label of a table).
const NA = "-"

// Dimensions lists every dimension and its values. A Spec holds one value
// of each (or NA).
var Dimensions = []Dimension{
	{"container", []string{"text", "html-p", "html-br", "html-table", "docx-p", "docx-num", "docx-table", "pdf", "html-ol"},
		"plain text; HTML with a <p> per paragraph; one <p> broken by <br>, the signature a <p> of its own (issuer <br> date); an HTML table (category column with rowspan, a header cell with colspan); .docx paragraphs with typed numbers; .docx with Word list numbering (numbering.xml); a .docx table (gridSpan, vMerge); a PDF of A4 pages typeset from the paragraphs (lines broken at the page width, a header and a page number on every page, a subset font with Identity-H and ToUnicode); HTML whose findings are the items of ordered lists (<ol start> with list-style-type decimal, cjk-decimal or cjk-ideographic, the finding's measures and status <p>s inside its <li>: the browser draws the numbers)"},
	{"encoding", []string{"utf-8", "utf-8-bom", "gb18030", "utf-16le-bom"}, "the text file's encoding (text only)"},
	{"line-end", []string{"lf", "crlf"}, "line ends (text and HTML source)"},
	{"numbering", []string{"1.", "1、", "(1)", "⑴", "①", "一、", "问题1:", "【问题1】", "第1个问题:", "第一项:", "第一,",
		"word:%1.", "word:%1、", "word:(%1)", "word:chineseCounting", "table:序号"},
		"how findings are numbered: typed (punctuation and digits then take the case's width: 1． （1） １．), Word list numbering (lvlText %1. %1、 (%1), numFmt decimal or chineseCounting), or a table's 序号 column"},
	{"restart", []string{"runs-on", "restarts"}, "numbering runs on through the notice, or starts again at 1 in each category (group)"},
	{"grouping", []string{"1", "0", "2"}, "grouping levels above the findings: 1 categories (一、关于“…”方面的问题, or （一）…方面 under 二、), 0 none, 2 categories and groups (一、 then （一）关于“…”的问题)"},
	{"sections", []string{"org", "none"}, "一、巡察整改工作开展情况 (一是…二是…) and 二、具体问题整改情况 around the findings, or the findings straight after the preamble"},
	{"heading-marks", []string{"cn", "paren", "part"}, "the marks of the headings above the findings: categories 一、 (（一） under 二、) and groups （一）; or categories （一） and groups 1. (the bundled notice's 二、/（一）/1./（1）, opening 02's (一)在“…”方面/1.关于“…”问题的整改/(1)); or categories 第一部分 …方面 and groups （一） (no 一、/二、 sections around them)"},
	{"placement", []string{"own-line", "measures-then-status", "inline-label", "last-sentence", "inline-last-sentence", "bracket", "none", "table-column", "group"},
		"where the status is: its own labelled line after the finding (整改情况：已完成。…); a labelled line after 整改措施：…; a label inside the finding's paragraph (…。整改措施：…。整改情况：已完成。); the last sentence of the rectification (目前，该问题已整改到位。); that sentence ending the finding's own paragraph; in brackets after the title (（已完成）); a table column; nowhere (unstated); once for the findings of a heading, in a sentence after the last of them (以上3个问题已整改到位。/ 上述问题均正在整改。)"},
	{"plan", []string{"none", "after-status", "bare"}, "the status of a finding not done is followed by the date its work is planned to be done by, which is then its deadline: at the end of a status sentence (last-sentence placements: 目前正在整改中，计划于2025年12月底前完成。), or after the words of a labelled status (own-line, measures-then-status: 整改结果：正在整改，计划于2025年12月底前完成。), or the same with no word of planning after a labelled status (bare: 整改进展：正在整改，2025年12月底前完成。)"},
	{"status-label", []string{"整改情况", "整改进展", "完成情况", "整改进度", "整改结果"}, "the label before a labelled status"},
	{"wording", []string{"plain", "varied"}, "status words: plain (已整改, 正在整改, 未整改) or drawn from the genre's (已整改到位, 已完成整改, 已完成, 整改完成, 基本完成, 整改中, 持续整改, 长期坚持, 未完成 …)"},
	{"punct", []string{"half", "full"}, "punctuation width: , : ; ( ) . or ， ： ； （ ） ．"},
	{"digits", []string{"half", "full"}, "digit width: 2024 or ２０２４"},
	{"indent", []string{"none", "ideographic", "spaces"}, "paragraph indentation: none, two ideographic spaces (　　), two spaces"},
	{"totals", []string{"present", "absent", "count-first"}, "stated totals in the preamble (指出N个方面M个问题, 已完成整改X个, 正在整改Y个, 未完成Z个), or none, or with each count before its status words and the last one the rest (X个问题已完成整改, 其余Y个正在整改)"},
	{"unit", []string{"township", "village", "department", "school", "enterprise"}, "the inspected unit: 样本镇NNNN, 样本村NNNN, 示例县某某局党组, 示例县第一样本中学, 示例县样本投资集团有限公司"},
	{"title", []string{"present", "absent"}, "the notice's title line"},
	{"meta", []string{"present", "absent", "chrome"}, "a meta line (发布时间 … 来源 …), none, or one that ends in the page's buttons in brackets (… 来源:示例县纪委监委 【字体:大 中 小】【打印】)"},
	{"sign-date", []string{"arabic", "chinese"}, "the date under the signature: 2024年12月2日 or 二〇二四年十二月二日"},
	{"deadline-column", []string{"none", "words", "figures"}, "a table's 完成时限 column (tables only): none; the month in words (2025年6月, 2025年6月底前); the date in figures (2025.6, 2025.06.30, 2025-6-30)"},
	{"closing", []string{"none", "invite", "contacts"}, "the notice's closing words to its readers before the signature: none; an invitation to supervise (欢迎广大干部群众对巡察整改工作进行监督…); a request for opinions and the contacts, a line each (如对巡察整改工作有意见建议… / 监督电话:… / 邮政信箱:…)"},
	{"date-order", []string{"subject-first", "date-first", "run-in"}, "the feedback date after the subject (…并于2024年1月16日反馈了巡察意见) or before it (2024年1月16日，县委第二巡察组向…反馈了巡察意见), or before it with no comma, the dates running into the inspecting body (2024年3月1日至4月30日县委第二巡察组对…; 2024年1月16日县委第二巡察组向…)"},
}

// Dimension returns the dimension named name.
func DimensionNamed(name string) (Dimension, bool) {
	for _, d := range Dimensions {
		if d.Name == name {
			return d, true
		}
	}
	return Dimension{}, false
}

// Wordings are the status wordings the generator writes, by the status
// notice.ParseStatus gives them; the first of each is the plain one.
var Wordings = map[notice.Status][]string{
	notice.StatusDone:       {"已整改", "已整改到位", "已完成整改", "已完成", "整改完成"},
	notice.StatusInProgress: {"正在整改", "基本完成", "整改中", "持续整改", "长期坚持", "正在整改中", "达到时序进度"},
	notice.StatusNotStarted: {"未整改", "未完成", "尚未完成整改"},
}

// Spec is one notice's choice of every dimension, its shape (how many
// findings under which heading) and the seed of its words. Build turns it
// into a Case.
type Spec struct {
	V map[string]string // dimension → value
	// Shape: findings per leaf heading (a category, or a group under
	// grouping 2), in order; under grouping 0 one leaf.
	Shape []int
	// Groups: under grouping 2, how many of Shape's leaves each category
	// holds.
	Groups []int
	// Codes is each finding's status (what the notice states; ignored under
	// placement none); WordPick picks its wording.
	Codes    []notice.Status
	WordPick []int
	// Words seeds the choice of titles, problems, measures and dates.
	Words uint64
	Index int
}

// Clone is a deep copy of s.
func (s Spec) Clone() Spec {
	c := s
	c.V = map[string]string{}
	for k, v := range s.V {
		c.V[k] = v
	}
	c.Shape = slices.Clone(s.Shape)
	c.Groups = slices.Clone(s.Groups)
	c.Codes = slices.Clone(s.Codes)
	c.WordPick = slices.Clone(s.WordPick)
	return c
}

// Finding is a finding as a person reads it.
type Finding struct {
	Number     int    // its place in the notice: 1, 2, 3 … (the identity the importer gives it)
	Label      string // the number as printed (1. （1） ① 问题1：); "" under Word numbering (Word shows it) and in tables
	Title      string // the short sentence after the number
	StatusText string // the status words as written; "" when unstated
	Status     notice.Status
	// DeadlineText is the deadline as written (the plan after its status,
	// plan after-status; a table's 完成时限 column); "" when it has none.
	// Deadline is the date it gives (2025-06-30), where the case knows it.
	DeadlineText string
	Deadline     string
	Category     string // "" under grouping 0
	Group        string // "" unless grouping 2
}

// Counts are figures a notice states (nil: not stated), or the counts of
// its findings.
type Counts struct {
	Problems, Aspects, Done, InProgress, NotDone *int
}

// Case is one generated notice: its bytes, file name, the values of every
// dimension and what a person reads from it.
type Case struct {
	Spec     Spec
	Name     string // file name with extension: genre-000042.txt
	Data     []byte
	Text     string // the notice's paragraphs in UTF-8, one a line, before the container: for messages
	Findings []Finding
	Stated   Counts // what the preamble states; all nil when totals are absent
	Feedback string // the feedback date, 2024-01-16
	Body     string // the inspecting body, as written: 县委第二巡察组
	Source   string // the meta line's source (示例县纪委监委), "" without one
	Signed   string // the date under the signature, 2024-12-02
	// Closing is the closing paragraphs before the signature (dimension
	// closing), as written: the notice's closing text, never a finding's.
	Closing []string
}

// Value is the value of dimension name in the case.
func (c *Case) Value(name string) string { return c.Spec.V[name] }

// Pick chooses a spec for the index-th case of a seed: every dimension
// uniformly, then made consistent (Resolve).
func Pick(seed uint64, index int) Spec {
	r := rand.New(rand.NewPCG(seed, uint64(index)))
	s := Spec{V: map[string]string{}, Words: r.Uint64(), Index: index}
	for _, d := range Dimensions {
		s.V[d.Name] = d.Values[r.IntN(len(d.Values))]
	}
	// the shape: 2–4 categories, 1–3 groups each, 1–5 findings a leaf
	cats := 2 + r.IntN(3)
	for c := 0; c < cats; c++ {
		g := 1 + r.IntN(3)
		s.Groups = append(s.Groups, g)
		for k := 0; k < g; k++ {
			s.Shape = append(s.Shape, 1+r.IntN(4))
		}
	}
	n := 0
	for _, k := range s.Shape {
		n += k
	}
	for i := 0; i < n; i++ {
		var st notice.Status
		switch x := r.IntN(10); {
		case x < 6:
			st = notice.StatusDone
		case x < 9:
			st = notice.StatusInProgress
		default:
			st = notice.StatusNotStarted
		}
		s.Codes = append(s.Codes, st)
		s.WordPick = append(s.WordPick, r.IntN(1000))
	}
	return Resolve(s)
}

// MaxFindings bounds a notice's findings (circled numerals stop at 20).
const MaxFindings = 20

// Resolve makes a spec consistent: values that do not apply become NA, and
// combinations no notice would print (a table with a typed numbering, 一、
// findings under 一、 categories) become the nearest one that would. It is
// idempotent.
func Resolve(s Spec) Spec {
	s = s.Clone()
	v := s.V
	table := v["container"] == "html-table" || v["container"] == "docx-table"
	// the encoding is a text file's; HTML and .docx say their own
	if v["container"] != "text" {
		v["encoding"] = NA
	} else if v["encoding"] == NA {
		v["encoding"] = "utf-8"
	}
	if strings.HasPrefix(v["container"], "docx") || v["container"] == "pdf" {
		v["line-end"] = NA
	} else if v["line-end"] == NA {
		v["line-end"] = "lf"
	}
	// numbering belongs to the container
	switch {
	case table:
		v["numbering"] = "table:序号"
	case v["container"] == "html-ol":
		// the styles CSS draws: 1. 1、 一、
		v["numbering"] = map[string]string{"1、": "word:%1、", "word:%1、": "word:%1、", "一、": "word:chineseCounting", "第一项:": "word:chineseCounting", "word:chineseCounting": "word:chineseCounting"}[v["numbering"]]
		if v["numbering"] == "" {
			v["numbering"] = "word:%1."
		}
	case v["container"] == "docx-num":
		if !strings.HasPrefix(v["numbering"], "word:") {
			v["numbering"] = map[string]string{"1、": "word:%1、", "(1)": "word:(%1)", "⑴": "word:(%1)", "一、": "word:chineseCounting", "第一项:": "word:chineseCounting"}[v["numbering"]]
			if v["numbering"] == "" {
				v["numbering"] = "word:%1."
			}
		}
	default:
		if strings.HasPrefix(v["numbering"], "word:") || strings.HasPrefix(v["numbering"], "table:") {
			v["numbering"] = map[string]string{"word:%1、": "1、", "word:(%1)": "(1)", "word:chineseCounting": "一、"}[v["numbering"]]
			if v["numbering"] == "" {
				v["numbering"] = "1."
			}
		}
	}
	if !table {
		v["deadline-column"] = NA
	} else if v["deadline-column"] == NA {
		v["deadline-column"] = "none"
	}
	// the status is in a table's column, and only there
	if table {
		v["placement"] = "table-column"
	} else if v["placement"] == "table-column" {
		v["placement"] = "own-line"
	}
	switch v["placement"] {
	case "own-line", "measures-then-status", "inline-label":
		if v["status-label"] == NA {
			v["status-label"] = "整改情况"
		}
	default:
		v["status-label"] = NA
	}
	switch v["placement"] {
	case "last-sentence", "inline-last-sentence", "own-line", "measures-then-status":
		if v["plan"] == NA {
			v["plan"] = "none"
		}
		// a plan with no word of planning is read only after a labelled
		// status, where nothing else stands
		if v["plan"] == "bare" && (v["placement"] == "last-sentence" || v["placement"] == "inline-last-sentence") {
			v["plan"] = "after-status"
		}
	default:
		v["plan"] = NA
	}
	if v["placement"] == "none" {
		v["wording"] = NA
	} else if v["wording"] == NA {
		v["wording"] = "plain"
	}
	// Chinese-numbered findings leave no room for 一、 headings around them
	if v["numbering"] == "一、" || v["numbering"] == "word:chineseCounting" {
		v["sections"] = "none"
		v["grouping"] = "0"
	}
	// a table has one category column at most
	if table && v["grouping"] == "2" {
		v["grouping"] = "1"
	}
	if v["grouping"] == "0" || table {
		v["heading-marks"] = NA
	} else if v["heading-marks"] == NA {
		v["heading-marks"] = "cn"
	}
	// 第一部分 headings stand alone, with no 一、/二、 sections around them
	if v["heading-marks"] == "part" && v["sections"] == "org" {
		v["heading-marks"] = "cn"
	}
	// under 一、/二、 sections, categories are （一）: groups （一） would
	// repeat them
	if v["heading-marks"] == "cn" && v["sections"] == "org" && v["grouping"] == "2" {
		v["grouping"] = "1"
	}
	// groups 1. leave no room for findings 1. (or 1、) beneath them
	if v["heading-marks"] == "paren" && v["grouping"] == "2" {
		switch v["numbering"] {
		case "1.", "1、":
			v["numbering"] = "(1)"
		case "word:%1.", "word:%1、":
			v["numbering"] = "word:(%1)"
		}
		// (1) is no CSS list style: an HTML list's findings keep 1. under
		// categories alone
		if v["container"] == "html-ol" {
			v["numbering"], v["grouping"] = "word:%1.", "1"
		}
	}
	if v["grouping"] == "0" {
		v["restart"] = NA
	} else if v["restart"] == NA {
		v["restart"] = "runs-on"
	}
	// the shape follows the grouping
	switch v["grouping"] {
	case "0":
		s.Shape, s.Groups = []int{sum(s.Shape)}, []int{1}
	case "1":
		// one leaf per category: the categories' groups merged
		var shape []int
		k := 0
		for _, g := range s.Groups {
			shape = append(shape, sum(s.Shape[k:k+g]))
			k += g
		}
		s.Shape = shape
		s.Groups = ones(len(shape))
	}
	// at most MaxFindings, cut from the end
	for sum(s.Shape) > MaxFindings {
		last := len(s.Shape) - 1
		if s.Shape[last] > 1 {
			s.Shape[last]--
			continue
		}
		s.Shape = s.Shape[:last]
		for j := len(s.Groups) - 1; j >= 0; j-- {
			s.Groups[j]--
			if s.Groups[j] == 0 {
				s.Groups = s.Groups[:j]
			}
			break
		}
	}
	n := sum(s.Shape)
	s.Codes, s.WordPick = s.Codes[:n], s.WordPick[:n]
	// one status for the findings of a heading: each leaf's findings take
	// its first finding's
	if v["placement"] == "group" {
		k := 0
		for _, m := range s.Shape {
			for j := k + 1; j < k+m; j++ {
				s.Codes[j], s.WordPick[j] = s.Codes[k], s.WordPick[k]
			}
			k += m
		}
	}
	return s
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func ones(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// Generate is the index-th case of a seed.
func Generate(seed uint64, index int) Case {
	return Build(Pick(seed, index))
}

// Baseline is the value of every dimension in the form the importer was
// built from (the bundled notice's): text in UTF-8, 1. findings under （一）
// categories under 二、, 整改情况：on its own line …
func Baseline() map[string]string {
	v := map[string]string{}
	for _, d := range Dimensions {
		v[d.Name] = d.Values[0]
	}
	return v
}

// Minimal is the smallest notice with s's dimensions: two findings a
// leaf, at most two leaves (two categories, or one category with two
// groups), statuses done then in progress.
func Minimal(s Spec) Spec {
	m := s.Clone()
	switch m.V["grouping"] {
	case "0":
		m.Shape, m.Groups = []int{2}, []int{1}
	case "1":
		m.Shape, m.Groups = []int{2, 2}, []int{1, 1}
	case "2":
		m.Shape, m.Groups = []int{2, 2}, []int{2}
	}
	n := sum(m.Shape)
	codes := []notice.Status{notice.StatusDone, notice.StatusInProgress, notice.StatusDone, notice.StatusNotStarted}
	m.Codes, m.WordPick = codes[:n], nil
	// keep each finding's wording where the spec had one for its status
	for i := 0; i < n; i++ {
		p := 0
		for j, c := range s.Codes {
			if c == codes[i] {
				p = s.WordPick[j]
				break
			}
		}
		m.WordPick = append(m.WordPick, p)
	}
	return Resolve(m)
}

// wordFor is the status wording of the i-th finding.
func (s Spec) wordFor(i int) string {
	ws := Wordings[s.Codes[i]]
	if s.V["wording"] != "varied" {
		return ws[0]
	}
	return ws[s.WordPick[i]%len(ws)]
}

// Label is how a spec's dimensions read: "container=html-table placement=table-column …".
func (s Spec) Label() string {
	var parts []string
	for _, d := range Dimensions {
		parts = append(parts, d.Name+"="+s.V[d.Name])
	}
	return strings.Join(parts, " ")
}

// Ext is the file extension of the container.
func Ext(container string) string {
	switch {
	case strings.HasPrefix(container, "html"):
		return ".html"
	case strings.HasPrefix(container, "docx"):
		return ".docx"
	case container == "pdf":
		return ".pdf"
	}
	return ".txt"
}

// Build writes the notice a spec describes.
func Build(s Spec) Case {
	s = Resolve(s)
	c := Case{Spec: s, Name: fmt.Sprintf("genre-%06d%s", s.Index, Ext(s.V["container"]))}
	d := compose(s, &c)
	c.Data = render(s, d)
	c.Text = d.plain()
	return c
}

// ExpectedCounts are the counts of the case's findings by status.
func (c *Case) ExpectedCounts() (done, inProgress, notDone, unstated int) {
	for _, f := range c.Findings {
		switch f.Status {
		case notice.StatusDone:
			done++
		case notice.StatusInProgress:
			inProgress++
		case notice.StatusNotStarted:
			notDone++
		default:
			unstated++
		}
	}
	return
}
