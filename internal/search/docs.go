package search

import (
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// Kinds of indexed document: a finding in its current state, or one of a
// notice's other sections.
const (
	KindFinding        = "finding"
	KindOrganisation   = "organisation"
	KindRegulations    = "regulations"
	KindAccountability = "accountability"
	KindOutstanding    = "outstanding"
	KindNextPlan       = "next_plan"
)

// sectionKinds is the order of a notice's section documents.
var sectionKinds = []string{KindOrganisation, KindRegulations, KindAccountability, KindOutstanding, KindNextPlan}

// sectionAnchors are the ids of the sections on the notice page
// (layouts/notice.html); the regulations are part of section 一.
var sectionAnchors = map[string]string{
	KindOrganisation:   "organisation",
	KindRegulations:    "organisation",
	KindAccountability: "accountability",
	KindOutstanding:    "outstanding",
	KindNextPlan:       "next-plan",
}

// sectionLabels name a section when the notice gave it no heading.
var sectionLabels = map[string]string{
	KindOrganisation:   "组织落实整改情况",
	KindRegulations:    "建章立制",
	KindAccountability: "问题处理情况",
	KindOutstanding:    "需要进一步整改的事项",
	KindNextPlan:       "下一步计划",
}

// Doc is one indexed document. Its Text is the one analysed field: the
// words of the notice joined by newlines, unchanged.
type Doc struct {
	ID       string // a finding's notice.FindingID; a section's notice URL + "#" + kind
	Kind     string
	Number   int // the finding's number; 0 for a section
	Title    string
	Text     string
	URL      string // permalink
	Status   notice.Status
	Category string
	Notice   *notice.Notice // the notice the text comes from (a finding's latest)
	Deadline notice.Date    // a finding's deadline (the site model's), or ""
	Overdue  bool           // the site model's overdue flag
}

// Due is a finding's deadline and overdue flag as the site model has them
// (internal/site: Derive), by finding id, and its problem theme's name
// (internal/themes), which the finding's document is then
// found by.
type Due struct {
	Deadline notice.Date
	Overdue  bool
	Theme    string
}

// withTheme adds the finding's theme to its text, on a line of its own
// after the notice's words (which stay as they are): a search for the
// theme's name finds it, in the Bleve index and the browser's alike.
func (d *Doc) withTheme(theme string) {
	if theme != "" && d.Kind == KindFinding {
		d.Text = joinText([]string{d.Text, "问题主题：" + theme})
	}
}

// DeadlineYear is the facet value of a document's deadline: its year.
func (d *Doc) DeadlineYear() string {
	if len(d.Deadline) >= 4 {
		return string(d.Deadline[:4])
	}
	return ""
}

func (d *Doc) overdueValue() string {
	if d.Overdue {
		return "1"
	}
	return ""
}

// Docs lists the corpus's documents in index order: notice by notice (the
// corpus order), each notice's findings whose current state it reports
// (Corpus.Current, which the model has computed already), by number, then
// its sections. Documents of one notice are contiguous, which the browser
// index relies on. The notices' documents are made on all cores.
func Docs(c *notice.Corpus) []Doc {
	ns := c.Notices
	at := make(map[*notice.Notice]int, len(ns))
	for i, n := range ns {
		at[n] = i
	}
	current := make([][]notice.CurrentFinding, len(ns))
	for _, cf := range c.Current() {
		current[at[cf.Notice]] = append(current[at[cf.Notice]], cf)
	}
	docs := make([][]Doc, len(ns))
	eachBlock(len(ns), func(i int) {
		fs := current[i]
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].Finding.Number < fs[j].Finding.Number })
		out := make([]Doc, 0, len(fs)+len(sectionKinds))
		for _, cf := range fs {
			out = append(out, findingDoc(cf))
		}
		for _, k := range sectionKinds {
			if d, ok := sectionDoc(ns[i], k); ok {
				out = append(out, d)
			}
		}
		docs[i] = out
	})
	return slices.Concat(docs...)
}

// eachBlock runs f(i) for i in [0, n) on GOMAXPROCS goroutines, in blocks
// of consecutive i.
func eachBlock(n int, f func(i int)) {
	const block = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+block-1)/block) {
		wg.Go(func() {
			for {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+block, n); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
}

func findingDoc(cf notice.CurrentFinding) Doc {
	f, n := cf.Finding, cf.Notice
	parts := []string{f.Title, f.Problem, f.StatusText, f.Rectification}
	for _, m := range f.Measures {
		// Measures are usually the rectification split at 一是/二是: index
		// a measure only when its words are not already there.
		if !strings.Contains(f.Rectification, m) {
			parts = append(parts, m)
		}
	}
	parts = append(parts, f.Group, f.Category)
	return Doc{
		ID:       cf.ID,
		Kind:     KindFinding,
		Number:   f.Number,
		Title:    f.Title,
		Text:     joinText(parts),
		URL:      permalink.Finding(n, f.Number),
		Status:   f.Status,
		Category: f.Category,
		Notice:   n,
	}
}

func sectionDoc(n *notice.Notice, kind string) (Doc, bool) {
	var heading string
	var parts []string
	switch kind {
	case KindOrganisation:
		heading = n.Headings.Organisation
		parts = append([]string{n.Preamble, n.Organisation.Intro}, n.Organisation.Points...)
	case KindRegulations:
		parts = append(parts, n.Regulations...)
	case KindAccountability:
		heading = n.Headings.Accountability
		parts = []string{n.Accountability.Text, n.Petitions.Text}
	case KindOutstanding:
		heading = n.Headings.Outstanding
		for _, o := range n.Outstanding {
			parts = append(parts, o.Heading, o.Problem, o.Progress, o.Reason, o.NextSteps, o.DeadlineText)
		}
	case KindNextPlan:
		heading = n.Headings.NextPlan
		parts = []string{n.NextPlan}
	}
	body := joinText(parts)
	if body == "" {
		return Doc{}, false
	}
	title := heading
	if title == "" {
		title = sectionLabels[kind]
		if kind == KindRegulations {
			title += "（" + strconv.Itoa(len(n.Regulations)) + "项制度）"
		}
	}
	return Doc{
		ID:     permalink.Notice(n) + "#" + kind,
		Kind:   kind,
		Title:  title,
		Text:   joinText([]string{heading, body}),
		URL:    permalink.Notice(n) + "#" + sectionAnchors[kind],
		Notice: n,
	}, true
}

// joinText joins the non-empty parts with newlines.
func joinText(parts []string) string {
	n := 0
	for _, p := range parts {
		if p != "" {
			n += len(p) + 1
		}
	}
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.Grow(n - 1) // one allocation
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Year is the facet value of a document's year: its notice's signed year.
func (d *Doc) Year() string {
	if y := d.Notice.Signed.Year(); y > 0 {
		return strconv.Itoa(y)
	}
	return ""
}
