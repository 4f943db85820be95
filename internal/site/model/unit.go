package model

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

func deriveUnit(ns []*notice.Notice, cur []notice.CurrentFinding, today notice.Date, dataPaths map[*notice.Notice]string) *Unit {
	latest := ns[len(ns)-1]
	t := newUnit(latest)
	index := t.addNotices(ns, dataPaths)
	insp := t.addInspections(ns)
	byID := t.addFindings(cur, index, insp)
	t.addOutstanding(ns, byID, today)
	t.addOwnDeadlines(today)
	t.addPeople(ns)
	t.finish(ns)
	return t
}

// newUnit is a unit's page as its latest notice names it: name, kind,
// place, breadcrumbs and download links.
func newUnit(latest *notice.Notice) *Unit {
	r := latest.Region
	subj := latest.Subject()
	t := &Unit{
		Key:         latest.UnitPath(),
		URL:         permalink.Unit(latest),
		Name:        subj.Name,
		Kind:        subj.Kind,
		KindLabel:   subj.Kind.Label(),
		Place:       place(r),
		Region:      r,
		Regulations: []string{},
		Villages:    []*TreeNode{},
		IsSummary:   subj.Kind == notice.UnitRegion,
	}
	t.File = strings.ReplaceAll(t.Key, "/", "_")
	t.Path = contentPath(t.URL)
	d := depth(r)
	switch subj.Kind {
	case notice.UnitTownship:
		t.Breadcrumb = breadcrumb(r, d)
		t.Crumbs = append(append([]Crumb{}, t.Breadcrumb...), Crumb{Name: t.Name, URL: t.URL})
	case notice.UnitRegion:
		t.Breadcrumb = breadcrumb(r, d)
		t.Crumbs = breadcrumb(r, d+1)
		t.Name = t.Crumbs[len(t.Crumbs)-1].Name
	default:
		t.Place += t.Name
		t.Breadcrumb = breadcrumb(r, d+1)
		t.Crumbs = append(append([]Crumb{}, t.Breadcrumb...), Crumb{Name: t.Name, URL: t.URL})
		if subj.Kind == notice.UnitVillage && d == 4 {
			t.Parent = &Crumb{Name: r.Township, URL: permalink.Region(r, 4)}
		}
	}
	if !t.IsSummary {
		t.Downloads = Downloads{
			CSV: t.URL + "findings.csv", CSVZh: t.URL + "findings-zh.csv", JSON: t.URL + "findings.json",
			RSS: t.URL + "rss.xml", Atom: t.URL + "atom.xml",
		}
	}
	return t
}

// addNotices adds the notices' pages and their regulations, and returns
// where each notice sits in ns.
func (t *Unit) addNotices(ns []*notice.Notice, dataPaths map[*notice.Notice]string) map[*notice.Notice]int {
	// The notices, and where each finding sits in its notice.
	index := map[*notice.Notice]int{}
	seenReg := map[string]bool{}
	for i, n := range ns {
		index[n] = i
		np := noticePage(n, dataPaths[n])
		t.Notices = append(t.Notices, np)
		for _, reg := range n.Regulations {
			if !seenReg[reg] {
				seenReg[reg] = true
				t.Regulations = append(t.Regulations, reg)
			}
		}
	}
	return index
}

// addInspections adds the unit's inspections, in order of start, each
// described by its latest notice, and returns them by id.
func (t *Unit) addInspections(ns []*notice.Notice) map[string]*InspectionRef {
	// Inspections, in order of start, described by their latest notice.
	insp := map[string]*InspectionRef{}
	for _, n := range ns {
		if n.Inspection.ID() == "" && len(n.Findings) == 0 {
			continue // a summary without an inspection of its own
		}
		id := n.Inspection.ID()
		ir, ok := insp[id]
		if !ok {
			ir = &InspectionRef{ID: id}
			insp[id] = ir
			t.Inspections = append(t.Inspections, ir)
		}
		ir.Inspection = n.Inspection // later notices win
		ir.Counts.Notices++
	}
	sort.SliceStable(t.Inspections, func(i, j int) bool { return t.Inspections[i].ID < t.Inspections[j].ID })
	for _, ir := range t.Inspections {
		ir.StartText, ir.EndText, ir.FeedbackText = dateText(ir.Start), dateText(ir.End), dateText(ir.Feedback)
		ir.Timeline = timeline(ir, ns)
	}
	return insp
}

// addFindings adds the findings in their current state, counted in the
// unit's and their inspection's totals, and returns them by id.
func (t *Unit) addFindings(cur []notice.CurrentFinding, index map[*notice.Notice]int, insp map[string]*InspectionRef) map[string]*FindingState {
	// Findings in their current state.
	byID := map[string]*FindingState{}
	for _, cf := range cur {
		n := cf.Notice
		f := cf.Finding
		fs := &FindingState{
			ID:          cf.ID,
			URL:         permalink.Finding(n, f.Number),
			Number:      f.Number,
			Label:       f.Label,
			No:          findingNo(f),
			Inspection:  n.Inspection.ID(),
			PageTitle:   findingNo(f) + f.Title,
			N:           index[n],
			J:           findingIndex(n, f),
			Status:      f.Status,
			StatusLabel: f.Status.Label(),
		}
		var versions []*notice.Finding
		for _, ev := range cf.History {
			fs.History = append(fs.History, HistoryEvent{
				Signed:      ev.Notice.Signed,
				SignedText:  dateText(ev.Notice.Signed),
				Notice:      ev.Notice.Title,
				URL:         permalink.Notice(ev.Notice) + "#" + anchor(f.Number),
				Status:      ev.Status,
				StatusLabel: ev.Status.Label(),
				StatusText:  ev.StatusText,
			})
			versions = append(versions, numbered(ev.Notice, f.Number))
		}
		fs.Merged, fs.Fill = merge(versions)
		byID[cf.ID] = fs
		t.Findings = append(t.Findings, fs)
		t.Counts.count(f.Status)
		insp[fs.Inspection].Counts.count(f.Status)
		for _, a := range fs.Merged.Amounts {
			t.Amounts = append(t.Amounts, AmountRef{Number: f.Number, Title: f.Title, URL: fs.URL, Text: a.Text, Yuan: groupDigits(a.Yuan)})
		}
	}
	for _, ir := range t.Inspections {
		ir.Categories = categorize(len(t.Findings), func(i int) *notice.Finding {
			fs := t.Findings[i]
			if fs.Inspection != ir.ID {
				return nil
			}
			return &fs.Merged
		})
		ir.Counts.finish()
	}
	return byID
}

// addOutstanding adds the outstanding items (the latest notice listing an
// item for a finding of an inspection wins), and gives their findings
// their deadlines and overdue flags.
func (t *Unit) addOutstanding(ns []*notice.Notice, byID map[string]*FindingState, today notice.Date) {
	latest := ns[len(ns)-1]
	type key struct {
		insp    string
		finding int
	}
	items := map[key]*OutstandingRef{}
	var order []key
	for _, n := range ns {
		for _, o := range n.Outstanding {
			k := key{n.Inspection.ID(), o.Finding}
			if _, ok := items[k]; !ok {
				order = append(order, k)
			}
			items[k] = &OutstandingRef{
				Outstanding:  o,
				Inspection:   k.insp,
				Notice:       n.Title,
				NoticeURL:    permalink.Notice(n),
				SignedText:   dateText(n.Signed),
				FindingURL:   permalink.Finding(n, o.Finding),
				DeadlineDate: dateText(o.Deadline),
				DeadlineRead: DeadlineReading(o.DeadlineText, o.Deadline),
				signed:       n.Signed,
			}
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].insp != order[j].insp {
			return order[i].insp < order[j].insp
		}
		return order[i].finding < order[j].finding
	})
	for _, k := range order {
		o := items[k]
		id := fmt.Sprintf("%s/%s/%d", latest.UnitPath(), k.insp, k.finding)
		if fs := byID[id]; fs != nil {
			src := ns[fs.N].Findings[fs.J]
			o.FindingTitle = src.Title
			o.Status, o.StatusLabel = fs.Status, fs.StatusLabel
			for _, ev := range fs.History {
				if ev.Signed > o.signed && ev.Status == notice.StatusDone {
					o.Resolved, o.ResolvedBy = true, ev.SignedText
					break
				}
			}
			fs.Outstanding, fs.OutstandingNo = o, len(t.Outstanding)+1
		}
		o.Overdue = !o.Resolved && o.Outstanding.Deadline != "" && o.Outstanding.Deadline < today
		last := o.signed
		if fs := byID[id]; fs != nil {
			last = max(last, fs.History[len(fs.History)-1].Signed)
			fs.Deadline, fs.DeadlineText, fs.Overdue = o.Outstanding.Deadline, o.DeadlineText, o.Overdue
			if fs.DeadlineText == "" {
				fs.DeadlineText = o.DeadlineDate
			}
			fs.DeadlineRead = o.DeadlineRead
		} else if o.Overdue {
			t.Counts.Overdue++ // an item whose finding no notice lists
		}
		if o.Overdue {
			o.OverdueNote = overdueNote(o.Outstanding.DeadlineText, o.Outstanding.Deadline, last)
		}
		t.Outstanding = append(t.Outstanding, o)
	}
}

// addOwnDeadlines gives a finding its own deadline (from a table) where no
// item gives one, and counts the overdue findings.
func (t *Unit) addOwnDeadlines(today notice.Date) {
	for _, fs := range t.Findings {
		if fs.OutstandingNo == 0 && fs.Merged.Deadline != "" {
			fs.Deadline, fs.DeadlineText = fs.Merged.Deadline, fs.Merged.DeadlineText
			if fs.DeadlineText == "" {
				fs.DeadlineText = dateText(fs.Deadline)
			}
			fs.DeadlineRead = DeadlineReading(fs.DeadlineText, fs.Deadline)
			fs.Overdue = fs.Status != notice.StatusDone && fs.Deadline < today
		}
		if fs.Overdue {
			fs.OverdueNote = overdueNote(fs.DeadlineText, fs.Deadline, max(fs.History[len(fs.History)-1].Signed, outstandingSigned(fs)))
			t.Counts.Overdue++
		}
	}
}

// addPeople adds the people handled: per inspection, the latest notice
// that reports any.
func (t *Unit) addPeople(ns []*notice.Notice) {
	for _, ir := range t.Inspections {
		for i := len(ns) - 1; i >= 0; i-- {
			n := ns[i]
			if n.Inspection.ID() == ir.ID && (n.Accountability.People > 0 || n.Accountability.Text != "") {
				t.People = append(t.People, PeopleRef{
					Inspection: ir.ID, Notice: n.Title, URL: permalink.Notice(n) + "#accountability",
					SignedText: dateText(n.Signed), Accountability: n.Accountability,
				})
				t.Counts.People += n.Accountability.People
				break
			}
		}
	}
	// Stated: a notice gives a number (a paragraph without one states no
	// count, whatever it says).
	stated := false
	for _, p := range t.People {
		stated = stated || p.People > 0
	}
	switch {
	case stated:
		t.Counts.PeopleStated = 1
	case !t.IsSummary: // a summary is not a unit: its silence leaves no unit's figure unstated
		t.Counts.PeopleUnstated = 1
	}
}

// finish adds the unit's totals, chart and feed.
func (t *Unit) finish(ns []*notice.Notice) {
	latest := ns[len(ns)-1]
	if t.Kind == notice.UnitTownship {
		t.Counts.Townships = 1
	}
	if !t.IsSummary {
		t.Counts.Units = 1
	}
	t.Counts.Notices = len(ns)
	t.Counts.finish()
	t.Latest = latest.Signed
	t.LatestText = dateText(latest.Signed)
	t.Chart, t.ChartLabel = chart(t.Counts)

	for i := len(ns) - 1; i >= 0; i-- {
		t.Feed = append(t.Feed, noticeRef(ns[i], countsOf(ns[i])))
	}
	sortNewestFirst(t.Feed)
	if len(t.Feed) > 0 {
		t.FeedDate = t.Feed[0].FeedDate
	}
}

// countsOf counts the statuses one notice reports.
func countsOf(n *notice.Notice) Counts {
	var c Counts
	for i := range n.Findings {
		c.count(n.Findings[i].Status)
	}
	return c
}

func noticeRef(n *notice.Notice, c Counts) NoticeRef {
	date := n.Published
	if date == "" {
		date = n.Signed
	}
	rss, atom := feedDates(date)
	summary := fmt.Sprintf("通报%d个问题的整改情况：已整改%d个", c.Findings, c.Done)
	if c.InProgress > 0 {
		summary += fmt.Sprintf("，整改中%d个", c.InProgress)
	}
	if c.NotStarted > 0 {
		summary += fmt.Sprintf("，未整改%d个", c.NotStarted)
	}
	if c.Unstated > 0 {
		summary += fmt.Sprintf("，未说明整改状态%d个", c.Unstated)
	}
	summary += "。"
	if c.Findings == 0 {
		summary = "汇总通报，未逐项列出问题。"
		if figs := statedFigures(n.Stated); len(figs) > 0 {
			var parts []string
			for _, f := range figs {
				parts = append(parts, f.Label+f.Value)
			}
			summary = "汇总通报（数字为通报自述）：" + strings.Join(parts, "，") + "。"
		}
	}
	name, url := unitName(n), permalink.Unit(n)
	return NoticeRef{
		Title:       n.Title,
		URL:         permalink.Notice(n),
		Township:    name,
		TownshipURL: url,
		Place:       unitPlace(n),
		Signed:      n.Signed,
		SignedText:  dateText(n.Signed),
		Date:        date,
		DateText:    dateText(date),
		FeedDate:    FeedDate{RSS: rss, Atom: atom},
		Summary:     summary,
	}
}

func anchor(number int) string { return fmt.Sprintf("f%d", number) }

// findingNo is a finding's number as shown: （30）, or the label as printed
// where the notice numbers again in each category.
func findingNo(f *notice.Finding) string {
	if f.Label != "" {
		return f.Label
	}
	return fmt.Sprintf("（%d）", f.Number)
}

// overdueNote says what "overdue" means for one item: the deadline has
// passed, and the latest notice (dated) did not report it done. It does
// not claim to know today's status.
func overdueNote(written string, deadline, latest notice.Date) string {
	due := dateText(deadline)
	if r := DeadlineReading(written, deadline); r != "" {
		due = written + "（本站按" + r + "计）"
	}
	return fmt.Sprintf("整改时限%s已过，截至%s的通报未报告完成", due, dateText(latest))
}

// DeadlineReading is the day the site reads a deadline as (2024年12月31日
// for 2024年12月前), written out, when the notice wrote it otherwise: the
// tool's reading, which pages label as such. It is "" when the notice wrote
// that day itself, or gave no deadline.
func DeadlineReading(written string, d notice.Date) string {
	if d == "" {
		return ""
	}
	if r := dateText(d); r != written && written != "" {
		return r
	}
	return ""
}

func outstandingSigned(fs *FindingState) notice.Date {
	if fs.Outstanding != nil {
		return fs.Outstanding.signed
	}
	return ""
}

func findingIndex(n *notice.Notice, f *notice.Finding) int {
	for j := range n.Findings {
		if &n.Findings[j] == f {
			return j
		}
	}
	panic("site: finding is not in its notice")
}

// categorize groups the findings 0..n-1 (nil ones skipped) by category and
// group, in order, starting a new heading whenever the number changes.
func categorize(n int, at func(int) *notice.Finding) []*Category {
	var out []*Category
	var cat *Category
	var grp *Group
	for i := 0; i < n; i++ {
		f := at(i)
		if f == nil {
			continue
		}
		if cat == nil || cat.No != f.CategoryNo || cat.Name != f.Category {
			cat = &Category{No: f.CategoryNo, Numeral: ChineseNumeral(f.CategoryNo), Name: f.Category}
			out = append(out, cat)
			grp = nil
		}
		if grp == nil || grp.No != f.GroupNo || grp.Name != f.Group {
			grp = &Group{No: f.GroupNo, Name: f.Group}
			cat.Groups = append(cat.Groups, grp)
		}
		grp.Items = append(grp.Items, i)
	}
	return out
}

// timeline is an inspection's dated steps, in date order.
func timeline(ir *InspectionRef, ns []*notice.Notice) []Event {
	var ev []Event
	add := func(d notice.Date, label, title, url string) {
		if d != "" {
			ev = append(ev, Event{Date: d, DateText: dateText(d), Label: label, Title: title, URL: url})
		}
	}
	add(ir.Start, "巡察组进驻", ir.Body, "")
	add(ir.End, "巡察结束", "", "")
	add(ir.Feedback, "反馈巡察意见", "", "")
	for _, n := range ns {
		if n.Inspection.ID() != ir.ID {
			continue
		}
		add(n.Signed, "通报落款", n.Title, permalink.Notice(n))
		if n.Published != "" && n.Published != n.Signed {
			add(n.Published, "通报发布", n.Title, permalink.Notice(n))
		}
	}
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].Date < ev[j].Date })
	return ev
}

// chart lays out the status bar: one segment per status with findings.
func chart(c Counts) ([]Segment, string) {
	var out []Segment
	var labels []string
	x := 0.0
	for _, s := range []struct {
		st notice.Status
		n  int
	}{{notice.StatusDone, c.Done}, {notice.StatusInProgress, c.InProgress}, {notice.StatusNotStarted, c.NotStarted}, {notice.StatusUnstated, c.Unstated}} {
		if s.st != notice.StatusUnstated || s.n > 0 {
			labels = append(labels, fmt.Sprintf("%s%d个", s.st.Label(), s.n))
		}
		if s.n == 0 {
			continue
		}
		w := float64(s.n) * 100 / float64(c.Findings)
		out = append(out, Segment{
			Status: s.st, Label: s.st.Label(), Count: s.n, Pct: percent(s.n, c.Findings),
			X: fmt.Sprintf("%.2f", x), Width: fmt.Sprintf("%.2f", w),
		})
		x += w
	}
	return out, "问题整改状态：" + strings.Join(labels, "，")
}

// noticePage is the notice with what its page links to.
func noticePage(n *notice.Notice, dataPath string) *NoticePage {
	np := &NoticePage{
		Notice:        n,
		URL:           permalink.Notice(n),
		SignedText:    dateText(n.Signed),
		PublishedText: dateText(n.Published),
		DataPath:      dataPath,
	}
	np.Path = contentPath(np.URL)
	np.InspectionText = inspectionText(n.Inspection)
	np.UnitName, np.UnitKindLabel = unitName(n), n.Subject().Kind.Label()
	np.StatedFigures = statedFigures(n.Stated)
	if np.StatedFigures == nil {
		np.StatedFigures = []Figure{}
	}
	np.Disagreements = []string{}
	for _, d := range n.Disagreements() {
		np.Disagreements = append(np.Disagreements, fmt.Sprintf("通报称%s%d个，本站据通报逐项整理为%d个", disagreementLabel(d.Field), d.Stated, d.Read))
	}
	np.Corrections = corrections(n)
	if n.IsWithdrawn() {
		np.WithdrawnText = dateText(n.Withdrawn.Date)
		dataPath = "" // its content is no longer published
	}
	np.OriginalWithheld = originalWithheld(n)
	if n.Original != "" && !np.OriginalWithheld {
		np.OriginalName = path.Base(strings.ReplaceAll(n.Original, "\\", "/"))
		np.OriginalURL = np.URL + np.OriginalName
	}
	if dataPath != "" {
		np.DataName = string(n.Signed) + ".toml"
		np.DataURL = np.URL + np.DataName
	}
	for i := range n.Findings {
		f := &n.Findings[i]
		np.Findings = append(np.Findings, FindingText{
			FindingRow: RowOf(f), No: findingNo(f), Numeral: ChineseNumeral(f.CategoryNo),
			Responsible: f.Responsible, DeadlineText: f.DeadlineText, StatusLabel: f.Status.Label(),
			Amounts: amountTexts(f.Amounts), Parts: parts(*f),
			Anchor: anchor(f.Number),
			URL:    permalink.Finding(n, f.Number),
		})
	}
	np.Categories = categorize(len(n.Findings), func(i int) *notice.Finding { return &n.Findings[i] })
	for _, o := range n.Outstanding {
		np.Outstanding = append(np.Outstanding, OutstandingText{
			Outstanding: o,
			FindingURL:  permalink.Finding(n, o.Finding),
		})
	}
	return np
}

func disagreementLabel(field string) string {
	switch field {
	case "problems":
		return "问题"
	case "done":
		return "已完成整改"
	case "in_progress":
		return "正在整改"
	case "not_done":
		return "未完成整改"
	}
	return field
}

// parts is the rectification as its measures when they make up the whole
// text (nothing before, between or after them), else as one paragraph: the
// page must never drop a word.
func parts(f notice.Finding) []string {
	if f.Rectification == "" {
		return []string{}
	}
	if len(f.Measures) > 1 && strings.Join(f.Measures, "") == f.Rectification {
		return f.Measures
	}
	return []string{f.Rectification}
}
