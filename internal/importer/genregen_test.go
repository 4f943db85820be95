package importer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gongshi/gongshi/internal/importer/genregen"
	"github.com/gongshi/gongshi/internal/notice"
)

// The generative test of the genre (issue 18, part 5): thousands of notices
// composed by genregen from every dimension the genre varies along, each
// imported by Parse and compared with the reading the generator composed.
//
//	go test ./internal/importer/ -run TestGenre$ -v                  # the rate and the breakdown
//	go test ./internal/importer/ -run TestGenre$ -genre.n 50000      # more notices (or GONGSHI_GENRE_N)
//	go test ./internal/importer/ -run TestGenre$ -genre.out DIR      # write each failing class's minimal example to DIR
//	go test ./internal/importer/ -run TestGenre$ -genre.rates        # rewrite testdata/genre_rates.txt
var (
	genreN     = flag.Int("genre.n", 5000, "how many generated notices TestGenre imports (GONGSHI_GENRE_N overrides)")
	genreSeed  = flag.Uint64("genre.seed", 1, "the generator's seed for TestGenre")
	genreOut   = flag.String("genre.out", "", "a folder to write each failing class's minimal example to (relative to the module's root: test-artifacts/genre)")
	genreRates = flag.Bool("genre.rates", false, "write the report to testdata/genre_rates.txt")
)

// genreThreshold is the share of generated notices that must read right
// (issue 18: ≥ 99.5 %).
const genreThreshold = 0.995

// genreFloor is the rate the importer reaches today (100 % on seeds 1, 2,
// 3 and 7, 5,000 notices each; 14.46 % when the test landed), less a margin
// of ten notices in 5,000 for other seeds and sizes: a change that reads
// fewer notices right than this is a regression, even above the threshold.
// Both are always enforced.
const genreFloor = 0.998

// genreResult is what went wrong with one case ("" kinds: it read right).
type genreResult struct {
	kinds  []string // "error", "count", "number", "status", "title", "deadline", "stated", "signed", "feedback", "body", "source", "closing", "panic"
	detail string   // the first mismatch, in words
	// details: the first mismatch of each kind
	details map[string]string
	// findings: how many of the expected findings read right at their place
	right, total int
	// per finding: right or not, by the wording it was written with
	byWording map[string][2]int
}

func (r genreResult) ok() bool { return len(r.kinds) == 0 }

// checkGenreCase imports a case and compares it with its expected reading.
func checkGenreCase(c genregen.Case) (res genreResult) {
	res.total = len(c.Findings)
	res.byWording = map[string][2]int{}
	defer func() {
		if p := recover(); p != nil {
			res.kinds, res.detail = []string{"panic"}, fmt.Sprint("panic: ", p)
		}
	}()
	fail := func(kind, format string, args ...any) {
		if !slices.Contains(res.kinds, kind) {
			res.kinds = append(res.kinds, kind)
		}
		if res.detail == "" {
			res.detail = fmt.Sprintf(format, args...)
		}
		if res.details == nil {
			res.details = map[string]string{}
		}
		if res.details[kind] == "" {
			res.details[kind] = fmt.Sprintf(format, args...)
		}
	}
	r, err := Parse(c.Name, c.Data)
	if err != nil {
		fail("error", "%v", err)
		for _, f := range c.Findings {
			word := normWord(f.StatusText)
			x := res.byWording[word]
			x[1]++
			res.byWording[word] = x
		}
		return res
	}
	got := r.Notice.Findings
	if len(got) != len(c.Findings) {
		var read []string
		for _, g := range got {
			read = append(read, fmt.Sprintf("%d %.20q %s", g.Number, g.Title, g.Status))
		}
		fail("count", "%d findings read, want %d; read: %s", len(got), len(c.Findings), strings.Join(read, "; "))
	}
	for i, w := range c.Findings {
		word := normWord(w.StatusText)
		x := res.byWording[word]
		x[1]++
		if i >= len(got) {
			res.byWording[word] = x
			continue
		}
		g := got[i]
		right := true
		if g.Number != w.Number {
			fail("number", "finding %d: number %d, want %d", i+1, g.Number, w.Number)
			right = false
		}
		if g.Status != w.Status {
			fail("status", "finding %d: status %s (%q), want %s (%q)", i+1, g.Status, g.StatusText, w.Status, w.StatusText)
			right = false
		}
		if w.DeadlineText != "" && (g.DeadlineText != w.DeadlineText || g.Deadline == "" || w.Deadline != "" && string(g.Deadline) != w.Deadline) {
			fail("deadline", "finding %d: deadline %q (%q), want %q", i+1, g.DeadlineText, g.Deadline, w.DeadlineText)
			right = false
		}
		if !titleMatches(g.Title, w.Title) {
			fail("title", "finding %d: title %.60q, want %q", i+1, g.Title, w.Title)
			right = false
		}
		if right {
			res.right++
			x[0]++
		}
		res.byWording[word] = x
	}
	s := r.Notice.Stated
	for _, x := range []struct {
		name      string
		got, want *int
	}{{"problems", s.Problems, c.Stated.Problems}, {"aspects", s.Aspects, c.Stated.Aspects}, {"done", s.Done, c.Stated.Done},
		{"in_progress", s.InProgress, c.Stated.InProgress}, {"not_done", s.NotDone, c.Stated.NotDone}} {
		switch {
		case x.want != nil && (x.got == nil || *x.got != *x.want):
			fail("stated", "stated %s %s, want %d", x.name, ptr(x.got), *x.want)
		case x.want == nil && x.got != nil:
			// a figure the notice does not state is not stated, never read from elsewhere
			fail("stated", "stated %s %d read, but the notice does not state it", x.name, *x.got)
		}
	}
	if string(r.Notice.Signed) != c.Signed {
		fail("signed", "signature date %q, want %s", r.Notice.Signed, c.Signed)
	}
	for _, x := range c.Closing {
		// the closing words are the notice's closing text (its next plan),
		// not the last finding's rectification
		if !strings.Contains(Skeleton(r.Notice.NextPlan), Skeleton(x)) {
			fail("closing", "closing %q not in the closing text %.40q", x, r.Notice.NextPlan)
		}
	}
	if string(r.Notice.Inspection.Feedback) != c.Feedback {
		fail("feedback", "feedback date %q, want %s", r.Notice.Inspection.Feedback, c.Feedback)
	}
	if r.Notice.Inspection.Body != c.Body {
		fail("body", "inspecting body %q, want %s", r.Notice.Inspection.Body, c.Body)
	}
	if r.Notice.Source != c.Source {
		fail("source", "source %q, want %q", r.Notice.Source, c.Source)
	}
	return res
}

func ptr(p *int) string {
	if p == nil {
		return "not read"
	}
	return strconv.Itoa(*p)
}

// normWord is a status wording in half-width ("" → 未说明).
func normWord(s string) string {
	if s == "" {
		return "(none)"
	}
	return Normalise(s)
}

// titleMatches: the title read is the expected one, after normalising both
// for matching (widths, spaces) and dropping final punctuation: nothing of
// the number before it, nor of a status in brackets after it.
func titleMatches(got, want string) bool {
	n := func(s string) string {
		return strings.TrimRight(strings.ReplaceAll(Normalise(s), " ", ""), "。.;,:")
	}
	g, w := n(got), n(want)
	return w != "" && g == w
}

// genreClass is a minimal combination of dimension values that fails.
type genreClass struct {
	combo   map[string]string // the dimensions that differ from the baseline
	kind    string            // the first kind of failure
	count   int
	example genregen.Case
	detail  string
}

func (g *genreClass) key() string { return comboString(g.combo) + " → " + g.kind }

func comboString(combo map[string]string) string {
	var parts []string
	for _, d := range genregen.Dimensions {
		if v, ok := combo[d.Name]; ok {
			parts = append(parts, d.Name+"="+v)
		}
	}
	if len(parts) == 0 {
		return "(the baseline)"
	}
	return strings.Join(parts, " ")
}

// covers: the case has every value of the combination.
func covers(combo map[string]string, s genregen.Spec) bool {
	for k, v := range combo {
		if s.V[k] != v {
			return false
		}
	}
	return true
}

// reduceGenre finds a minimal combination that fails with the same kind:
// starting from the smallest notice with the case's dimensions (or the case
// itself if that reads right), each dimension in turn is set to its baseline
// value and kept there if the notice still fails the same way.
func reduceGenre(s genregen.Spec, kind string) (map[string]string, genregen.Case, string) {
	failsSame := func(sp genregen.Spec) (genregen.Case, genreResult, bool) {
		c := genregen.Build(sp)
		r := checkGenreCase(c)
		return c, r, slices.Contains(r.kinds, kind)
	}
	cur := s
	bestC, bestR, ok := failsSame(genregen.Minimal(s))
	if ok {
		cur = genregen.Minimal(s)
	} else {
		bestC, bestR, _ = failsSame(s)
	}
	base := genregen.Baseline()
	for _, d := range genregen.Dimensions {
		if cur.V[d.Name] == base[d.Name] || cur.V[d.Name] == genregen.NA {
			continue
		}
		try := cur.Clone()
		try.V[d.Name] = base[d.Name]
		try = genregen.Resolve(try)
		if c, r, ok := failsSame(try); ok {
			cur, bestC, bestR = try, c, r
		}
	}
	combo := map[string]string{}
	for _, d := range genregen.Dimensions {
		if v := cur.V[d.Name]; v != base[d.Name] && v != genregen.NA {
			combo[d.Name] = v
		}
	}
	return combo, bestC, bestR.details[kind]
}

func genreCount() int {
	if s := os.Getenv("GONGSHI_GENRE_N"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			return n
		}
	}
	return *genreN
}

func TestGenre(t *testing.T) {
	n, seed := genreCount(), *genreSeed
	// the baseline, the form the importer was built from, reads right
	baseline := genregen.Build(genregen.Resolve(genregen.Spec{V: genregen.Baseline(), Shape: []int{3, 2}, Groups: []int{1, 1},
		Codes: []notice.Status{notice.StatusDone, notice.StatusInProgress, notice.StatusDone, notice.StatusNotStarted, notice.StatusDone}, WordPick: make([]int, 5), Words: 1}))
	if r := checkGenreCase(baseline); !r.ok() {
		t.Fatalf("the baseline notice does not read right (%s): %s\n%s", strings.Join(r.kinds, ", "), r.detail, baseline.Text)
	}

	results := make([]genreResult, n)
	specs := make([]genregen.Spec, n)
	parallel(n, func(i int) {
		c := genregen.Generate(seed, i)
		specs[i], results[i] = c.Spec, checkGenreCase(c)
	})

	// rates
	right, fRight, fTotal, findingsOK := 0, 0, 0, 0
	type tally struct{ ok, all int }
	byDim := map[string]map[string]*tally{}
	byKind := map[string]int{}
	byWording := map[string]*tally{}
	for i, r := range results {
		if r.ok() {
			right++
		}
		fRight += r.right
		if !slices.ContainsFunc(r.kinds, func(k string) bool {
			return k != "stated" && k != "signed" && k != "feedback" && k != "body" && k != "source" && k != "closing"
		}) {
			findingsOK++
		}
		fTotal += r.total
		for _, k := range r.kinds {
			byKind[k]++
		}
		for _, d := range genregen.Dimensions {
			v := specs[i].V[d.Name]
			if byDim[d.Name] == nil {
				byDim[d.Name] = map[string]*tally{}
			}
			if byDim[d.Name][v] == nil {
				byDim[d.Name][v] = &tally{}
			}
			byDim[d.Name][v].all++
			if r.ok() {
				byDim[d.Name][v].ok++
			}
		}
		for w, x := range r.byWording {
			if byWording[w] == nil {
				byWording[w] = &tally{}
			}
			byWording[w].ok += x[0]
			byWording[w].all += x[1]
		}
	}
	rate := float64(right) / float64(n)
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f %%", 100*float64(a)/float64(b))
	}
	var rep strings.Builder
	fmt.Fprintf(&rep, "genre: %d generated notices (seed %d): %d read right = %.2f %% (threshold %.1f %%, floor %.1f %%)\n",
		n, seed, right, 100*rate, 100*genreThreshold, 100*genreFloor)
	fmt.Fprintf(&rep, "  a notice reads right when its findings read right in order (number, status, title) and its stated totals, signature date, feedback date, inspecting body and source are read\n")
	fmt.Fprintf(&rep, "  notices whose findings all read right (stated totals and dates aside): %d = %s\n", findingsOK, pct(findingsOK, n))
	fmt.Fprintf(&rep, "  findings read right at their place: %d of %d = %s\n", fRight, fTotal, pct(fRight, fTotal))
	fmt.Fprintf(&rep, "  notices failing each check (a notice can fail several):")
	for _, k := range []string{"error", "panic", "count", "number", "status", "title", "deadline", "stated", "signed", "feedback", "body", "source", "closing"} {
		fmt.Fprintf(&rep, " %s %d;", k, byKind[k])
	}
	rep.WriteString("\n\nrate per value of each dimension (notices read right / notices with the value):\n")
	for _, d := range genregen.Dimensions {
		fmt.Fprintf(&rep, "  %-13s", d.Name)
		for _, v := range append(slices.Clone(d.Values), genregen.NA) {
			if x := byDim[d.Name][v]; x != nil {
				fmt.Fprintf(&rep, " %s %s (%d);", v, pct(x.ok, x.all), x.all)
			}
		}
		rep.WriteString("\n")
	}
	rep.WriteString("\nrate of each value alone (every other dimension at its baseline, the first value listed; " +
		fmt.Sprint(genreIsolated) + " notices each):\n")
	iso := isolatedRates(seed)
	for _, d := range genregen.Dimensions {
		fmt.Fprintf(&rep, "  %-13s", d.Name)
		for _, v := range d.Values {
			if x, ok := iso[d.Name+"="+v]; ok {
				fmt.Fprintf(&rep, " %s %s;", v, pct(x[0], x[1]))
			}
		}
		rep.WriteString("\n")
	}
	rep.WriteString("\nrate per status wording (findings read right / findings written with it):\n ")
	var words []string
	for w := range byWording {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		fmt.Fprintf(&rep, " %s %s (%d);", w, pct(byWording[w].ok, byWording[w].all), byWording[w].all)
	}
	rep.WriteString("\n")

	// failing classes: each failing notice is put in the first class whose
	// combination it has (same kind of failure); a notice no class covers
	// is reduced to a new class
	var classes []*genreClass
	for i, r := range results {
		if r.ok() {
			continue
		}
		// the first kind of failure, and the stated totals and dates, which
		// fail on their own (a wrong status or title after a wrong count
		// is the count's doing)
		kinds := []string{r.kinds[0]}
		for _, k := range r.kinds[1:] {
			if k == "stated" || k == "signed" || k == "feedback" || k == "body" || k == "source" || k == "closing" {
				kinds = append(kinds, k)
			}
		}
		for _, kind := range kinds {
			var cl *genreClass
			for _, c := range classes {
				if c.kind == kind && covers(c.combo, specs[i]) {
					cl = c
					break
				}
			}
			if cl == nil {
				combo, ex, detail := reduceGenre(specs[i], kind)
				for _, c := range classes {
					if c.key() == comboString(combo)+" → "+kind {
						cl = c
					}
				}
				if cl == nil {
					cl = &genreClass{combo: combo, kind: kind, example: ex, detail: detail}
					classes = append(classes, cl)
				}
			}
			cl.count++
		}
	}
	// a class whose combination holds another's (same kind) is folded into it
	var kept []*genreClass
	for _, c := range classes {
		var into *genreClass
		for _, o := range classes {
			if o != c && o.kind == c.kind && len(o.combo) < len(c.combo) && subset(o.combo, c.combo) {
				into = o
				break
			}
		}
		if into != nil {
			into.count += c.count
		} else {
			kept = append(kept, c)
		}
	}
	classes = kept
	sort.SliceStable(classes, func(i, j int) bool { return classes[i].count > classes[j].count })
	fmt.Fprintf(&rep, "\nfailing classes: %d (the fewest dimension values, away from the baseline, that still fail the same way; a notice is counted in the first class of each way it fails — its first mismatch, and its stated totals and dates):\n", len(classes))
	for k, c := range classes {
		fmt.Fprintf(&rep, "\n[%d] %s — %s: %d notices\n    %s\n    minimal example %s:\n", k+1, comboString(c.combo), c.kind, c.count, c.detail, c.example.Name)
		for _, l := range strings.Split(strings.TrimRight(c.example.Text, "\n"), "\n") {
			rep.WriteString("      " + l + "\n")
		}
	}
	t.Log("\n" + rep.String())

	if *genreOut != "" {
		out := *genreOut
		if !filepath.IsAbs(out) {
			out = filepath.Join("..", "..", out) // relative to the module's root, as `go test` is run from there
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		for k, c := range classes {
			name := fmt.Sprintf("class%02d-%s", k+1, c.example.Name)
			if err := os.WriteFile(filepath.Join(out, name), c.example.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(out, "report.txt"), []byte(rep.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("the failing classes' examples are in %s", out)
	}
	if *genreRates {
		if err := os.WriteFile("testdata/genre_rates.txt", []byte(rep.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if byKind["panic"] > 0 {
		t.Errorf("the importer panicked on %d generated notices", byKind["panic"])
	}
	if rate < genreFloor {
		t.Errorf("%.2f %% of generated notices read right, below the floor of %.1f %% (a regression)", 100*rate, 100*genreFloor)
	}
	if rate < genreThreshold {
		t.Errorf("%.2f %% of generated notices read right, want ≥ %.1f %% (issue 18)", 100*rate, 100*genreThreshold)
	}
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// genreIsolated is how many notices isolatedRates writes for each value.
const genreIsolated = 12

// companions are what a value needs besides itself to be written at all
// (Word numbering needs a Word list; a 序号 column, a table …).
func companions(dim, val string) map[string]string {
	switch {
	case dim == "numbering" && strings.HasPrefix(val, "word:"):
		return map[string]string{"container": "docx-num"}
	case dim == "numbering" && strings.HasPrefix(val, "table:"), dim == "placement" && val == "table-column":
		return map[string]string{"container": "html-table"}
	case dim == "numbering" && val == "一、", dim == "grouping" && val == "0":
		return map[string]string{"grouping": "0", "sections": "none"}
	case dim == "grouping" && val == "2":
		return map[string]string{"sections": "none"}
	case dim == "heading-marks" && val == "paren":
		return map[string]string{"grouping": "2"}
	}
	return nil
}

// isolatedRates reads, for every value of every dimension, notices that
// differ from the baseline in that value alone (and what it needs), with
// the shapes and words of the seed's cases: "dimension=value" → {right, all}.
func isolatedRates(seed uint64) map[string][2]int {
	type job struct {
		key  string
		spec genregen.Spec
	}
	var jobs []job
	for _, d := range genregen.Dimensions {
		for _, v := range d.Values {
			for k := 0; k < genreIsolated; k++ {
				s := genregen.Pick(seed+1, k)
				s.V = genregen.Baseline()
				for cd, cv := range companions(d.Name, v) {
					s.V[cd] = cv
				}
				s.V[d.Name] = v
				s = genregen.Resolve(s)
				if s.V[d.Name] != v {
					break // a value that needs others than its companions
				}
				jobs = append(jobs, job{d.Name + "=" + v, s})
			}
		}
	}
	ok := make([]bool, len(jobs))
	parallel(len(jobs), func(i int) { ok[i] = checkGenreCase(genregen.Build(jobs[i].spec)).ok() })
	out := map[string][2]int{}
	for i, j := range jobs {
		x := out[j.key]
		x[1]++
		if ok[i] {
			x[0]++
		}
		out[j.key] = x
	}
	return out
}

// subset: every value of a is in b.
func subset(a, b map[string]string) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
