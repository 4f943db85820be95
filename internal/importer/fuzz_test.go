package importer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// FuzzParse: go test -fuzz=FuzzParse -fuzzminimizetime=2s ./internal/importer
// (the seed inputs are large: without the bound, minimising one new input
// takes minutes)
//
// Parse never panics. When it succeeds: every line has a role; finding
// numbers are unique and ascending; every unplaced line is in
// Notice.Unplaced; every line the notice keeps is in the rendering of the
// data or among the unplaced lines (nothing is dropped); dates are dates.
func FuzzParse(f *testing.F) {
	f.Add("seed.txt", seedBytes(f))
	for _, v := range variants {
		f.Add(v.file, v.make(f))
	}
	if b, err := os.ReadFile("testdata/mini_alt.txt"); err == nil {
		f.Add("mini_alt.txt", b)
	}
	f.Add("tiny.txt", []byte(tiny(twoFindings)))
	f.Add("tiny.txt", []byte(tiny("(1)题。问题。整改情况:已整改。\n3.纪律\n(二)空\n")))
	f.Add("x.html", []byte("<html><body><nav>首页</nav><div><h1>关于巡察整改情况的通报</h1><p>一、组织落实整改情况</p><p>二、巡察反馈问题的整改情况</p><p>(1)题。问题</p></div></body></html>"))
	// the genre's layouts, and findings tables in HTML and .docx
	fs := seedFindings(f)
	for i, l := range layouts {
		f.Add(fmt.Sprintf("layout%d.txt", i), []byte(l.text(fs[:8])))
	}
	f.Add("table.html", tableHTML(findingsTable(fs[:6])))
	f.Add("table.docx", docxOf(f, []string{"关于巡察整改情况的通报", "根据县委部署,反馈6个问题。"}, findingsTable(fs[:6]), "中共样本镇0001委员会", "2024年12月2日"))
	f.Add("t.html", []byte("<table><tr><th>序号</th><th>问题</th><th>整改情况</th></tr><tr><td colspan=3>一、党建</td></tr><tr><td>1</td><td>题。</td><td>已完成</td></tr></table>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		r, err := Parse(name, data)
		if err != nil {
			if r != nil {
				t.Fatalf("error with a result: %v", err)
			}
			return
		}
		checkInvariants(t, r)
	})
}

var knownRoles = map[Role]bool{
	RoleBlank: true, RoleChrome: true, RoleTitle: true, RoleMeta: true, RolePreamble: true, RoleSection: true,
	RoleOrgIntro: true, RoleOrgPoint: true, RoleCategory: true, RoleGroup: true, RoleFinding: true,
	RoleStatus: true, RoleAccountability: true, RolePetitions: true, RoleItem: true, RoleProgress: true,
	RoleReason: true, RoleNextSteps: true, RoleDeadline: true, RoleNextPlan: true, RoleSignatureIssuer: true,
	RoleSignatureDate: true, RoleSignature: true, RoleContinuation: true, RoleUnplaced: true,
	RoleMeasure: true, RoleHeading: true, RoleTableHeader: true, RoleTableRow: true, RoleField: true,
}

func checkInvariants(t *testing.T, r *Result) {
	t.Helper()
	n := r.Notice
	// one Classified per line, or one per part of a line split at its
	// field labels (Part 1, 2 …, the same No)
	whole := 0
	for k, c := range r.Lines {
		if c.Part <= 1 {
			whole++
		} else if k == 0 || r.Lines[k-1].No != c.No || r.Lines[k-1].Part != c.Part-1 {
			t.Fatalf("line %d: part %d does not follow part %d", c.No, c.Part, c.Part-1)
		}
	}
	if whole != len(r.Document.Lines) {
		t.Fatalf("%d lines classified of %d", whole, len(r.Document.Lines))
	}
	seen := map[int]bool{}
	last := 0
	for _, f := range n.Findings {
		if seen[f.Number] || f.Number <= last {
			t.Fatalf("finding number %d repeats or goes backwards", f.Number)
		}
		seen[f.Number], last = true, f.Number
		if f.Status != "" && !f.Status.Valid() {
			t.Fatalf("finding %d: status %q", f.Number, f.Status)
		}
		for _, a := range f.Amounts {
			if a.Yuan < 0 {
				t.Fatalf("finding %d: amount %v", f.Number, a)
			}
		}
	}
	dates := []notice.Date{n.Signed, n.Published, n.Inspection.Start, n.Inspection.End, n.Inspection.Feedback}
	for _, o := range n.Outstanding {
		dates = append(dates, o.Deadline)
	}
	for _, d := range dates {
		if !d.Valid() {
			t.Fatalf("invalid date %q", d)
		}
	}

	rendered := Skeleton(Render(n))
	var un strings.Builder
	unplaced := map[string]bool{}
	for _, u := range n.Unplaced {
		unplaced[fmt.Sprint(u.Line, "\x00", u.Text)] = true
		un.WriteString(Skeleton(u.Text))
		un.WriteByte('\n')
	}
	kept := func(c Classified, s string) {
		t.Helper()
		k := Skeleton(s)
		if k != "" && !strings.Contains(rendered, k) && !strings.Contains(un.String(), k) {
			t.Fatalf("line %d (%s): %q is neither in the rendering nor unplaced", c.No, c.Role, s)
		}
	}
	for _, c := range r.Lines {
		if !knownRoles[c.Role] {
			t.Fatalf("line %d: role %q", c.No, c.Role)
		}
		switch c.Role {
		case RoleBlank:
		case RoleChrome:
			if len(c.Chrome) == 0 {
				t.Fatalf("line %d: chrome without chrome text", c.No)
			}
		case RoleUnplaced:
			if !unplaced[fmt.Sprint(c.No, "\x00", c.Text)] {
				t.Fatalf("line %d: unplaced but not in Notice.Unplaced: %q", c.No, c.Text)
			}
		case RoleMeta:
			for _, f := range c.Fields {
				if f.Key == "source" {
					kept(c, f.Text)
				}
			}
			for _, s := range c.Leftover {
				kept(c, s)
			}
		case RoleFinding:
			if problem, rest, ok := splitInlineStatus(c.Body); ok {
				kept(c, problem)
				tx := newText(rest)
				kept(c, tx.from(reStatusLabel.FindStringIndex(tx.norm)[1]))
			} else if len(c.Fields) > 0 && c.Fields[0].Key == "problem" && c.Status != nil {
				// problem, then the status sentence (…。目前已整改。)
				kept(c, c.Fields[0].Text)
				kept(c, c.Status.Rectification)
			} else {
				kept(c, c.Body)
			}
		case RoleSignature, RoleSignatureIssuer, RoleSignatureDate:
			for _, f := range c.Fields {
				kept(c, f.Text)
			}
		case RoleTableHeader:
			// the column names: structure, like the label 整改情况:
		case RoleTableRow:
			for _, f := range c.Fields {
				if f.Key != "number" {
					kept(c, f.Text)
				}
			}
			for _, s := range c.Leftover {
				kept(c, s)
			}
			if c.Status != nil {
				kept(c, c.Status.Text)
				kept(c, c.Status.Rectification)
			}
		case RoleNumbered:
			t.Fatalf("line %d: a numbered line Structure did not resolve", c.No)
		default:
			kept(c, c.Body)
		}
	}
}

// The invariants hold for the corpus the fuzzer starts from.
func TestInvariantsOnCorpus(t *testing.T) {
	inputs := map[string][]byte{"seed.txt": seedBytes(t), "tiny.txt": []byte(tiny(twoFindings))}
	for _, v := range variants {
		inputs[v.file] = v.make(t)
	}
	for name, b := range inputs {
		r, err := Parse(name, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkInvariants(t, r)
	}
}
