package importcmd

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
	"github.com/gongshi/gongshi/internal/notice"
)

// report is what `gongshi import` tells the person importing: the import
// use case's result, as text.
type report struct {
	res   *intake.Result
	file  string
	notes []string // more notes (a refusal, under --json)
}

func (r *report) write(w io.Writer) {
	res, n, doc := r.res.Parse, r.res.Notice, r.res.Parse.Document
	unit := doc.Unit()
	fmt.Fprintf(w, "import %s (%s, %s, %s)\n", r.file, doc.Format, doc.Encoding, plural(len(doc.Lines), doc.CountUnit()))
	if r.res.Wrote != "" {
		fmt.Fprintf(w, "wrote  %s\n", r.res.Wrote)
	} else {
		fmt.Fprintf(w, "wrote  nothing\n")
	}
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k string, v ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprint(v...)) }
	row("title", orNone(n.Title))
	row("issuer", orNone(n.Issuer))
	row("kind", orNone(n.Kind))
	row("signed", orNone(string(n.Signed)))
	row("published", orNone(string(n.Published)))
	row("source", orNone(n.Source))
	if n.SourceURL != "" {
		row("source_url", n.SourceURL)
	}
	row("original", orNone(n.Original))
	in := n.Inspection
	row("inspection", fmt.Sprintf("%s → %s, %s – %s, feedback %s", orNone(in.Body), orNone(in.Target),
		orNone(string(in.Start)), orNone(string(in.End)), orNone(string(in.Feedback))))
	if r.res.Unit.Kind != "" {
		u := r.res.Unit
		from := res.Unit.From
		if from == "" {
			from = "flags"
		}
		row("unit", fmt.Sprintf("%s (%s, %s)%s", orNone(u.Name), u.Kind, u.Kind.Label(), map[bool]string{true: ", slug " + u.Slug, false: ""}[u.Slug != ""]), "  from "+from)
	}
	tw.Flush()

	fmt.Fprintln(w, "\nregion")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, p := range r.res.Parts {
		if p.Name == "" {
			fmt.Fprintf(tw, "  %s\t(unknown)\t\t\n", p.Level)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s (%s)\t%s\n", p.Level, p.Name, p.Slug, p.SlugFrom, p.From)
	}
	tw.Flush()

	fmt.Fprintln(w, "\nsections")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	lines := map[importer.Section]int{}
	for _, c := range res.Lines {
		if c.Role != importer.RoleBlank && c.Role != importer.RoleChrome && c.Role != importer.RoleUnplaced {
			lines[c.Section]++
		}
	}
	head := []string{}
	if n.Title != "" {
		head = append(head, "title")
	}
	if n.Published != "" || n.Source != "" {
		head = append(head, "meta")
	}
	if n.Preamble != "" {
		head = append(head, "preamble")
	}
	sec := func(label string, s importer.Section, heading, what string) {
		if heading == "" && lines[s] == 0 {
			fmt.Fprintf(tw, "  %s\t(none)\t\n", label)
			return
		}
		fmt.Fprintf(tw, "  %s\t%d lines\t%s\n", label, lines[s], what)
	}
	sec("header", importer.SectionHeader, strings.Join(head, ", "), strings.Join(head, ", "))
	sec("organisation", importer.SectionOrganisation, n.Headings.Organisation,
		fmt.Sprintf("intro %s + %d points; %d regulations", yesNo(n.Organisation.Intro != ""), len(n.Organisation.Points), len(n.Regulations)))
	cats, groups := map[int]bool{}, map[[2]int]bool{}
	for _, f := range n.Findings {
		cats[f.CategoryNo] = true
		groups[[2]int{f.CategoryNo, f.GroupNo}] = true
	}
	numbers := ""
	if len(n.Findings) > 0 {
		numbers = fmt.Sprintf(" numbered %d–%d", n.Findings[0].Number, n.Findings[len(n.Findings)-1].Number)
		if n.Findings[0].Label != "" {
			numbers += " in order (the notice numbers them again in each category: labels kept)"
		}
	}
	delete(cats, 0)
	for k := range groups {
		if k[1] == 0 {
			delete(groups, k)
		}
	}
	sec("findings", importer.SectionFindings, n.Headings.Findings,
		fmt.Sprintf("%d findings%s in %d categories, %d groups", len(n.Findings), numbers, len(cats), len(groups)))
	a, p := n.Accountability, n.Petitions
	sec("accountability", importer.SectionAccountability, n.Headings.Accountability,
		fmt.Sprintf("%d people (%s; %s); petitions %d transferred, %d closed, %d pending",
			a.People, rankList(a.ByRank), formList(a.ByForm), p.Transferred, p.Closed, p.Pending))
	refs := []string{}
	for _, o := range n.Outstanding {
		refs = append(refs, fmt.Sprint(o.Finding))
	}
	sec("outstanding", importer.SectionOutstanding, n.Headings.Outstanding,
		fmt.Sprintf("%d items → findings %s", len(n.Outstanding), orNone(strings.Join(refs, ", "))))
	sec("next plan", importer.SectionNextPlan, n.Headings.NextPlan,
		plural(countParas(n.NextPlan), "paragraph"))
	fmt.Fprintf(tw, "  signature\t\t%s\n", orNone(strings.TrimSpace(n.Signature.Issuer+" "+n.Signature.DateText)))
	tw.Flush()

	fmt.Fprintln(w, "\nfindings by status")
	by := map[notice.Status][]string{}
	for _, f := range n.Findings {
		by[f.Status] = append(by[f.Status], fmt.Sprint(f.Number))
	}
	for _, s := range notice.Statuses {
		list := ""
		if len(by[s]) > 0 && len(by[s]) <= 12 {
			list = "  (" + strings.Join(by[s], ", ") + ")"
		}
		fmt.Fprintf(w, "  %-12s %3d%s\n", s, len(by[s]), list)
	}
	if len(by[""]) > 0 {
		fmt.Fprintf(w, "  %-12s %3d  (%s)\n", "no status", len(by[""]), strings.Join(by[""], ", "))
	}

	fmt.Fprintln(w, "\nstated totals (the notice's own figures)")
	st := n.Stated
	if st.Empty() {
		fmt.Fprintln(w, "  (none)")
	}
	for _, c := range []struct {
		key string
		v   *int
	}{{"problems", st.Problems}, {"aspects", st.Aspects}, {"done", st.Done}, {"in_progress", st.InProgress}, {"not_done", st.NotDone},
		{"units", st.Units}, {"people", st.People}, {"regulations", st.Regulations}} {
		if c.v != nil {
			fmt.Fprintf(w, "  %-12s %3d\n", c.key, *c.v)
		}
	}
	if st.Rate != "" {
		fmt.Fprintf(w, "  %-12s %s\n", "rate", st.Rate)
	}
	for _, a := range st.Money {
		fmt.Fprintf(w, "  %-12s %s\n", "money", a.Text)
	}
	dis := n.Disagreements()
	for _, d := range dis {
		fmt.Fprintf(w, "  DISAGREES  %s\n", d)
	}
	if !st.Empty() && len(dis) == 0 && len(n.Findings) > 0 {
		fmt.Fprintln(w, "  agrees with the findings read")
	}
	r.reading(w)

	// A paragraph split at the labels inside it is one line of the
	// document in several parts (Part 1, 2, …): count it once, by its
	// first part's role.
	roles := map[importer.Role]int{}
	nlines := 0
	for _, c := range res.Lines {
		if c.Part <= 1 {
			roles[c.Role]++
			nlines++
		}
	}
	placed := nlines - roles[importer.RoleBlank] - roles[importer.RoleChrome] - roles[importer.RoleUnplaced]
	fmt.Fprintf(w, "\n%ss: %d — %d placed, %d chrome, %d blank, %d unplaced; %.1f%% of the text's characters placed\n", doc.CountUnit(), nlines,
		placed, roles[importer.RoleChrome], roles[importer.RoleBlank], roles[importer.RoleUnplaced], res.PlacedShare()*100)

	chrome := res.Chrome()
	fmt.Fprintf(w, "\nchrome (web page furniture, not stored): %d\n", len(chrome))
	why := map[int]string{}
	for _, c := range res.Lines {
		why[c.No] = c.Why
	}
	for _, c := range chrome {
		reason := why[c.Line]
		if reason == "" {
			reason = "page furniture"
		}
		fmt.Fprintf(w, "  %s %d: %s   [%s]\n", unit, c.Line, clip(c.Text, 60), reason)
	}

	notes := append(append(append([]string(nil), r.res.Notes...), r.res.Kept...), r.notes...)
	sort.Strings(notes)
	fmt.Fprintf(w, "\nwarnings: %d\n", len(res.Warnings)+len(notes))
	for _, p := range res.Warnings {
		if p.Line > 0 {
			fmt.Fprintf(w, "  %s:%d: %s\n", r.file, p.Line, p.Msg)
		} else {
			fmt.Fprintf(w, "  %s: %s\n", r.file, p.Msg)
		}
	}
	for _, s := range notes {
		fmt.Fprintf(w, "  %s\n", s)
	}

	fmt.Fprintf(w, "\nunplaced (kept in the data file under [[unplaced]]): %d\n", len(n.Unplaced))
	for _, u := range n.Unplaced {
		fmt.Fprintf(w, "  %s:%d: %s\n", r.file, u.Line, u.Text)
	}
}

// reading says which reading of the notice's structure was taken and why,
// and what the stated problem count decides about writing it.
func (r *report) reading(w io.Writer) {
	fmt.Fprintln(w, "\nreading")
	pr := r.res.Parse
	rows := 0
	for _, c := range pr.Lines {
		if c.Role == importer.RoleTableRow {
			rows++
		}
	}
	if rows > 0 && pr.Reading.Findings == "" {
		fmt.Fprintf(w, "  taken: findings are the rows of a findings table (%d rows)\n", rows)
	} else {
		printReading(w, "taken", pr.Reading)
	}
	if ru := pr.RunnerUp; ru != nil {
		if pr.Close() {
			printReading(w, "close", *ru)
		} else {
			printReading(w, "runner-up", *ru)
		}
	}
	if pr.References {
		fmt.Fprintln(w, "  every finding names its number in the first notice (巡察反馈第N个问题): those numbers are kept")
	}
	t := r.res.Totals
	switch {
	case t == nil:
		fmt.Fprintln(w, "  the notice states no number of problems: nothing to compare")
	case t.References && !t.Outside() && t.Read*10 < t.Stated*9:
		fmt.Fprintf(w, "  %d of %d stated problems read (%d%%): a later notice that names the first notice's findings lists only some of them\n", t.Read, t.Stated, t.Percent())
	case !t.Outside():
		fmt.Fprintf(w, "  %d of %d stated problems read (%d%%): within 90–110%%\n", t.Read, t.Stated, t.Percent())
	case r.res.Accepted():
		fmt.Fprintf(w, "  %d of %d stated problems read (%d%%): outside 90–110%%, written because --accept-mismatch was given\n", t.Read, t.Stated, t.Percent())
	default:
		fmt.Fprintf(w, "  %d of %d stated problems read (%d%%): outside 90–110%%, so nothing is written (--accept-mismatch writes it)\n", t.Read, t.Stated, t.Percent())
	}
	if t != nil && t.Earlier > 0 {
		fmt.Fprintf(w, "  (%d of them only in earlier notices on this inspection)\n", t.Earlier)
	}
	if r.res.NoTitle() {
		fmt.Fprintln(w, "  no title: give --title TITLE")
	}
	if errs := r.res.Errors(); len(errs) > 0 {
		fmt.Fprintf(w, "  check would refuse the data file (errors: %d)\n", len(errs))
	}
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func plural(k int, what string) string {
	if k == 1 {
		return fmt.Sprintf("%d %s", k, what)
	}
	return fmt.Sprintf("%d %ss", k, what)
}

func countParas(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

func rankList(rs []notice.RankCount) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %d", r.Rank, r.Count))
	}
	if len(out) == 0 {
		return "no ranks"
	}
	return strings.Join(out, ", ")
}

func formList(fs []notice.FormCount) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %d", f.Form, f.Count))
	}
	if len(out) == 0 {
		return "no forms"
	}
	return strings.Join(out, ", ")
}

// clip shortens s to n runes for a report line.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// printReading prints one reading of the outline (the one taken, or the
// runner-up): the findings' numbering style, how many findings it reads
// and its score, then the levels above it. The reasons behind the score
// (importer.Reading.Why) are in --json, not here.
func printReading(w io.Writer, which string, rd importer.Reading) {
	switch {
	case which == "taken" && rd.Findings == "":
		fmt.Fprintf(w, "  taken: no numbering level holds the findings (score %.2f)\n", rd.Score)
	case which == "taken":
		fmt.Fprintf(w, "  taken: findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	case which == "close":
		fmt.Fprintf(w, "  CLOSE runner-up (within 10%% of the score): findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	default:
		fmt.Fprintf(w, "  runner-up: findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	}
	if rd.Category != "" {
		fmt.Fprintf(w, "    categories numbered %s\n", rd.Category)
	}
	if rd.Group != "" {
		fmt.Fprintf(w, "    groups numbered %s\n", rd.Group)
	}
}
