package importcmd

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/intake"
	"github.com/gongshi/gongshi/internal/notice"
	"golang.org/x/text/message"
)

// report is what `gongshi import` tells the person importing: the import
// use case's result, as text.
type report struct {
	res   *intake.Result
	file  string
	notes []string // more notes (a refusal, under --json)
}

func (r *report) write(w io.Writer, p *message.Printer) {
	res, n, doc := r.res.Parse, r.res.Notice, r.res.Parse.Document
	unit := importer.CountName(doc.Unit())
	pf := func(w io.Writer, format string, a ...any) { i18n.Fprintf(w, p, format, a...) }
	switch doc.CountUnit() {
	case "paragraph":
		pf(w, "import %s (%s, %s, %d paragraphs)\n", r.file, doc.FormatName(), doc.EncodingName(), len(doc.Lines))
	case "text block":
		pf(w, "import %s (%s, %s, %d text blocks)\n", r.file, doc.FormatName(), doc.EncodingName(), len(doc.Lines))
	default:
		pf(w, "import %s (%s, %s, %d lines)\n", r.file, doc.FormatName(), doc.EncodingName(), len(doc.Lines))
	}
	if r.res.Wrote != "" {
		pf(w, "wrote  %s\n", r.res.Wrote)
	} else {
		pf(w, "wrote  nothing\n")
	}
	fmt.Fprintln(w)

	none := i18n.Msg("(none)")
	orNone := func(s string) any {
		if strings.TrimSpace(s) == "" {
			return none
		}
		return s
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	pf(tw, "title\t%s\n", orNone(n.Title))
	pf(tw, "issuer\t%s\n", orNone(n.Issuer))
	pf(tw, "kind\t%s\n", orNone(n.Kind))
	pf(tw, "signed\t%s\n", orNone(string(n.Signed)))
	pf(tw, "published\t%s\n", orNone(string(n.Published)))
	pf(tw, "source\t%s\n", orNone(n.Source))
	if n.SourceURL != "" {
		pf(tw, "source_url\t%s\n", n.SourceURL)
	}
	pf(tw, "original\t%s\n", orNone(n.Original))
	in := n.Inspection
	pf(tw, "inspection\t%s → %s, %s – %s, feedback %s\n", orNone(in.Body), orNone(in.Target),
		orNone(string(in.Start)), orNone(string(in.End)), orNone(string(in.Feedback)))
	if r.res.Unit.Kind != "" {
		u := r.res.Unit
		from := res.Unit.From
		if from == "" {
			from = "flags"
		}
		var name any
		if u.Slug != "" {
			name = i18n.Msg("%s (%s, %s), slug %s", orNone(u.Name), string(u.Kind), u.Kind.Label(), u.Slug)
		} else {
			name = i18n.Msg("%s (%s, %s)", orNone(u.Name), string(u.Kind), u.Kind.Label())
		}
		pf(tw, "unit\t%s  from %s\n", name, importer.RoleName(from))
	}
	tw.Flush()

	pf(w, "\nregion\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, rp := range r.res.Parts {
		if rp.Name == "" {
			pf(tw, "  %s\t(unknown)\t\t\n", importer.LevelName(rp.Level))
			continue
		}
		var src any = rp.From
		if rp.Src != nil {
			src = rp.Src
		}
		pf(tw, "  %s\t%s\t%s (%s)\t%s\n", importer.LevelName(rp.Level), rp.Name, rp.Slug, importer.SlugFromName(rp.SlugFrom), src)
	}
	tw.Flush()

	pf(w, "\nsections\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	lines := map[importer.Section]int{}
	for _, c := range res.Lines {
		if c.Role != importer.RoleBlank && c.Role != importer.RoleChrome && c.Role != importer.RoleUnplaced {
			lines[c.Section]++
		}
	}
	var head []any
	if n.Title != "" {
		head = append(head, importer.RoleName("title"))
	}
	if n.Published != "" || n.Source != "" {
		head = append(head, importer.RoleName("meta"))
	}
	if n.Preamble != "" {
		head = append(head, importer.RoleName("preamble"))
	}
	sec := func(label *i18n.Error, s importer.Section, heading string, what any) {
		if heading == "" && lines[s] == 0 {
			pf(tw, "  %s\t(none)\t\n", label)
			return
		}
		pf(tw, "  %s\t%d lines\t%s\n", label, lines[s], what)
	}
	heads := i18n.Join(head...)
	headText := ""
	if len(head) > 0 {
		headText = heads.String()
	}
	sec(i18n.Msg("header"), importer.SectionHeader, headText, heads)
	sec(i18n.Msg("organisation"), importer.SectionOrganisation, n.Headings.Organisation,
		i18n.Msg("intro %s + %d points; %d regulations", yesNo(n.Organisation.Intro != ""), len(n.Organisation.Points), len(n.Regulations)))
	cats, groups := map[int]bool{}, map[[2]int]bool{}
	for _, f := range n.Findings {
		cats[f.CategoryNo] = true
		groups[[2]int{f.CategoryNo, f.GroupNo}] = true
	}
	delete(cats, 0)
	for k := range groups {
		if k[1] == 0 {
			delete(groups, k)
		}
	}
	var found *i18n.Error
	switch {
	case len(n.Findings) == 0:
		found = i18n.Msg("%d findings in %d categories, %d groups", len(n.Findings), len(cats), len(groups))
	case n.Findings[0].Label != "" && labelsRepeat(n.Findings):
		found = i18n.Msg("%d findings numbered %d–%d in order (the notice numbers them again in each category: labels kept) in %d categories, %d groups",
			len(n.Findings), n.Findings[0].Number, n.Findings[len(n.Findings)-1].Number, len(cats), len(groups))
	case n.Findings[0].Label != "":
		// labels that are not the running number (一 二 三 in a table's 序号)
		found = i18n.Msg("%d findings numbered %d–%d in order (their labels, from %s, kept as printed) in %d categories, %d groups",
			len(n.Findings), n.Findings[0].Number, n.Findings[len(n.Findings)-1].Number, n.Findings[0].Label, len(cats), len(groups))
	default:
		found = i18n.Msg("%d findings numbered %d–%d in %d categories, %d groups",
			len(n.Findings), n.Findings[0].Number, n.Findings[len(n.Findings)-1].Number, len(cats), len(groups))
	}
	sec(i18n.Msg("findings"), importer.SectionFindings, n.Headings.Findings, found)
	a, pe := n.Accountability, n.Petitions
	sec(i18n.Msg("accountability"), importer.SectionAccountability, n.Headings.Accountability,
		i18n.Msg("%d people (%s; %s); petitions %d transferred, %d closed, %d pending",
			a.People, rankList(a.ByRank), formList(a.ByForm), pe.Transferred, pe.Closed, pe.Pending))
	var refs []any
	for _, o := range n.Outstanding {
		refs = append(refs, o.Finding)
	}
	var findings any = none
	if len(refs) > 0 {
		findings = i18n.Join(refs...)
	}
	sec(i18n.Msg("outstanding"), importer.SectionOutstanding, n.Headings.Outstanding,
		i18n.Msg("%d items → findings %s", len(n.Outstanding), findings))
	sec(i18n.Msg("next plan"), importer.SectionNextPlan, n.Headings.NextPlan,
		i18n.Msg("%d paragraphs", countParas(n.NextPlan)))
	pf(tw, "  signature\t\t%s\n", orNone(strings.TrimSpace(n.Signature.Issuer+" "+n.Signature.DateText)))
	tw.Flush()

	pf(w, "\nfindings by status\n")
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
		pf(w, "  %-12s %3d  (%s)\n", i18n.Msg("no status"), len(by[""]), strings.Join(by[""], ", "))
	}

	pf(w, "\nstated totals (the notice's own figures)\n")
	st := n.Stated
	if st.Empty() {
		pf(w, "  (none)\n")
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
		pf(w, "  DISAGREES  %s\n", d)
	}
	if !st.Empty() && len(dis) == 0 && len(n.Findings) > 0 {
		unstated := 0
		for _, f := range n.Findings {
			if f.Status == notice.StatusUnstated {
				unstated++
			}
		}
		if unstated > 0 && (st.Done != nil || st.InProgress != nil || st.NotDone != nil) {
			// the counts by status are not confirmed: those could be any
			pf(w, "  agrees with the findings read; %d of them state no status, so the counts by status are not confirmed\n", unstated)
		} else {
			pf(w, "  agrees with the findings read\n")
		}
	}
	r.reading(w, p)

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
	counts := []any{nlines, placed, roles[importer.RoleChrome], roles[importer.RoleBlank], roles[importer.RoleUnplaced], res.PlacedShare() * 100}
	switch doc.CountUnit() {
	case "paragraph":
		pf(w, "\nparagraphs: %d — %d placed, %d chrome, %d blank, %d unplaced; %.1f%% of the text's characters placed\n", counts...)
	case "text block":
		pf(w, "\ntext blocks: %d — %d placed, %d chrome, %d blank, %d unplaced; %.1f%% of the text's characters placed\n", counts...)
	default:
		pf(w, "\nlines: %d — %d placed, %d chrome, %d blank, %d unplaced; %.1f%% of the text's characters placed\n", counts...)
	}

	chrome := res.Chrome()
	pf(w, "\nchrome (web page furniture, not stored): %d\n", len(chrome))
	why := map[int]string{}
	for _, c := range res.Lines {
		why[c.No] = c.Why
	}
	for _, c := range chrome {
		pf(w, "  %s %d: %s   [%s]\n", unit, c.Line, clip(c.Text, 60), importer.Reason(why[c.Line]))
	}

	var notes []string
	for _, n := range r.res.Notes {
		notes = append(notes, n.Localize(i18n.Printer(p)))
	}
	if len(r.res.Kept) > 0 {
		notes = append(notes, i18n.Sprintf(p, "kept from the existing data file: %s", i18n.Join(anys(r.res.Kept)...)))
	}
	notes = append(notes, r.notes...)
	sort.Strings(notes)
	pf(w, "\nwarnings: %d\n", len(res.Warnings)+len(notes))
	for _, wa := range res.Warnings {
		if wa.Line > 0 {
			pf(w, "  %s:%d: %s\n", r.file, wa.Line, wa)
		} else {
			pf(w, "  %s: %s\n", r.file, wa)
		}
	}
	for _, s := range notes {
		fmt.Fprintf(w, "  %s\n", s) // each built in p's language above
	}

	pf(w, "\nunplaced (kept in the data file under [[unplaced]]): %d\n", len(n.Unplaced))
	for _, u := range n.Unplaced {
		fmt.Fprintf(w, "  %s:%d: %s\n", r.file, u.Line, u.Text)
	}
}

// reading says which reading of the notice's structure was taken and why,
// and what the stated problem count decides about writing it.
func (r *report) reading(w io.Writer, p *message.Printer) {
	say := func(format string, a ...any) { i18n.Fprintf(w, p, format, a...) }
	say("\nreading\n")
	pr := r.res.Parse
	rows := 0
	for _, c := range pr.Lines {
		if c.Role == importer.RoleTableRow {
			rows++
		}
	}
	if rows > 0 && pr.Reading.Findings == "" {
		say("  taken: findings are the rows of a findings table (%d rows)\n", rows)
	} else {
		printReading(w, p, "taken", pr.Reading)
	}
	if ru := pr.RunnerUp; ru != nil {
		if pr.Close() {
			printReading(w, p, "close", *ru)
		} else {
			printReading(w, p, "runner-up", *ru)
		}
	}
	if pr.References {
		say("  every finding names its number in the first notice (巡察反馈第N个问题): those numbers are kept\n")
	}
	t := r.res.Totals
	switch {
	case t == nil:
		say("  the notice states no number of problems: nothing to compare\n")
	case t.References && !t.Outside() && t.Read*10 < t.Stated*9:
		say("  %d of %d stated problems read (%d%%): a later notice that names the first notice's findings lists only some of them\n", t.Read, t.Stated, t.Percent())
	case !t.Outside():
		say("  %d of %d stated problems read (%d%%): within 90–110%%\n", t.Read, t.Stated, t.Percent())
	case r.res.Accepted():
		say("  %d of %d stated problems read (%d%%): outside 90–110%%, written because --accept-mismatch was given\n", t.Read, t.Stated, t.Percent())
	default:
		say("  %d of %d stated problems read (%d%%): outside 90–110%%, so nothing is written (--accept-mismatch writes it)\n", t.Read, t.Stated, t.Percent())
	}
	if t != nil && t.Earlier > 0 {
		say("  (%d of them only in earlier notices on this inspection)\n", t.Earlier)
	}
	if r.res.NoTitle() {
		say("  no title: give --title TITLE\n")
	}
	if errs := r.res.Errors(); len(errs) > 0 {
		say("  check would refuse the data file (errors: %d)\n", len(errs))
	}
}

// orNone is s, or "(none)" for the bulk report's English table.
func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
	}
	return s
}

func yesNo(b bool) *i18n.Error {
	if b {
		return i18n.Msg("yes")
	}
	return i18n.Msg("no")
}

func countParas(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}

// rankList is the people by rank (the notice's words and counts: data).
func rankList(rs []notice.RankCount) any {
	var out []any
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%s %d", r.Rank, r.Count))
	}
	if len(out) == 0 {
		return i18n.Msg("no ranks")
	}
	return i18n.Join(out...)
}

// formList is the people by form of handling (data).
func formList(fs []notice.FormCount) any {
	var out []any
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %d", f.Form, f.Count))
	}
	if len(out) == 0 {
		return i18n.Msg("no forms")
	}
	return i18n.Join(out...)
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
func printReading(w io.Writer, p *message.Printer, which string, rd importer.Reading) {
	say := func(format string, a ...any) { i18n.Fprintf(w, p, format, a...) }
	switch {
	case which == "taken" && rd.Findings == "":
		say("  taken: no numbering level holds the findings (score %.2f)\n", rd.Score)
	case which == "taken":
		say("  taken: findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	case which == "close":
		say("  CLOSE runner-up (within 10%% of the score): findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	default:
		say("  runner-up: findings numbered %s, %d findings (score %.2f)\n", rd.Findings, rd.Count, rd.Score)
	}
	if rd.Category != "" {
		say("    categories numbered %s\n", rd.Category)
	}
	if rd.Group != "" {
		say("    groups numbered %s\n", rd.Group)
	}
}

// labelsRepeat: some findings share a printed label (1. in each category).
func labelsRepeat(fs []notice.Finding) bool {
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Label] {
			return true
		}
		seen[f.Label] = true
	}
	return false
}
