package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func layoutFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/layouts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A notice whose findings begin 反馈事项A is not read (no finding found);
// with those lines forced to start findings (an editor's corrections) it
// is read right: three findings, each with its status, and the changes
// name the lines.
func TestForcedRoles(t *testing.T) {
	src := layoutFixture(t, "sample-a.txt")
	if _, err := Parse("a.txt", src); err == nil || !strings.Contains(err.Error(), "found none of its findings") {
		t.Fatalf("the fixture is read without corrections (%v): it no longer tests them", err)
	}
	for _, c := range []struct {
		name     string
		opts     Options
		findings int
		status   []notice.Status
		changed  []int
	}{
		{"findings forced", Options{Roles: map[int]Role{6: RoleFinding, 8: RoleFinding, 10: RoleFinding}}, 3,
			[]notice.Status{notice.StatusDone, notice.StatusDone, notice.StatusDone}, []int{6, 8, 10}},
		{"merged: line 8 is more of the first finding's problem", Options{Roles: map[int]Role{6: RoleFinding, 8: RoleContinuation, 10: RoleFinding}}, 2,
			nil, []int{6, 8, 10}},
		{"a status set", Options{Roles: map[int]Role{6: RoleFinding, 8: RoleFinding, 10: RoleFinding}, Statuses: map[int]notice.Status{8: notice.StatusInProgress}}, 3,
			[]notice.Status{notice.StatusDone, notice.StatusInProgress, notice.StatusDone}, []int{6, 8, 10}},
		{"a line ignored", Options{Roles: map[int]Role{4: RoleIgnored, 6: RoleFinding, 8: RoleFinding, 10: RoleFinding}}, 3, nil, []int{4, 6, 8, 10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseWith("a.txt", src, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Notice.Findings) != c.findings {
				t.Fatalf("%d findings, want %d", len(r.Notice.Findings), c.findings)
			}
			if r.Notice.Findings[0].Title != "学习贯彻上级精神不够深入" || r.Notice.Findings[0].Label != "反馈事项A" {
				t.Errorf("finding 1: %q %q", r.Notice.Findings[0].Label, r.Notice.Findings[0].Title)
			}
			for i, s := range c.status {
				if got := r.Notice.Findings[i].Status; got != s || r.Notice.Findings[i].StatusText == "" {
					t.Errorf("finding %d: status %s (%q), want %s", i+1, got, r.Notice.Findings[i].StatusText, s)
				}
			}
			var lines []int
			for _, ch := range r.Changes {
				lines = append(lines, ch.Line)
				if ch.By != "edit" {
					t.Errorf("change %+v not by the edit", ch)
				}
			}
			if len(lines) != len(c.changed) {
				t.Errorf("changed lines %v, want %v", lines, c.changed)
			}
			if c.findings == 2 && !strings.Contains(r.Notice.Findings[0].Problem, "财务管理不规范") {
				t.Errorf("the merged finding's problem: %q", r.Notice.Findings[0].Problem)
			}
			if c.opts.Roles[4] == RoleIgnored {
				found := false
				for _, u := range r.Notice.Unplaced {
					found = found || u.Line == 4
				}
				if !found || r.Notice.Organisation.Intro != "" {
					t.Errorf("an ignored line is not kept with the unplaced lines: %v, intro %q", r.Notice.Unplaced, r.Notice.Organisation.Intro)
				}
			}
		})
	}
}

// A profile made from the corrections (反馈事项N starts a finding) reads
// the issuer's next notice in the same layout; it is not applied to a
// notice that does not name its issuer, nor to one of its issuer's notices
// that it does not fit (no line begins so), unless asked for by name.
func TestLayoutProfile(t *testing.T) {
	starts := StartsOf("反馈事项A　学习贯彻上级精神不够深入。")
	if starts != "反馈事项N" {
		t.Fatalf("StartsOf: %q", starts)
	}
	l := &Layout{Name: "样本镇", Issuer: "中共样本镇委员会", Rules: []LayoutRule{{Starts: starts, Role: "finding"}}}
	b, err := l.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "column") {
		t.Errorf("a starts rule is written with a column:\n%s", b)
	}
	back, err := ParseLayout("样本镇", b)
	if err != nil || back.Rules[0] != l.Rules[0] || back.Issuer != l.Issuer {
		t.Fatalf("a profile does not read back: %v\n%s", err, b)
	}
	fits := layoutFixture(t, "sample-b.txt")
	unfit := strings.NewReplacer("反馈事项A　", "问题一：", "反馈事项B　", "问题二：").Replace(string(fits))
	for _, c := range []struct {
		name    string
		src     []byte
		opts    Options
		applied bool
		changed int
	}{
		{"the issuer's next notice", fits, Options{Layouts: []*Layout{back}}, true, 2},
		{"another issuer's notice", layoutFixture(t, "other.txt"), Options{Layouts: []*Layout{back}}, false, 0},
		{"another issuer's notice in the same layout", []byte(strings.ReplaceAll(string(fits), "样本镇", "示例乡")), Options{Layouts: []*Layout{back}}, false, 0},
		{"the issuer's notice in another layout", []byte(unfit), Options{Layouts: []*Layout{back}}, false, 0},
		{"the editor's corrections already do what it would", fits, Options{Layouts: []*Layout{back}, Roles: map[int]Role{6: RoleFinding, 8: RoleFinding}}, false, 0},
		{"asked for by name, it fits nothing", []byte(unfit), Options{Layout: back, LayoutAsked: true}, true, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseWith("b.txt", c.src, c.opts)
			if err != nil && !c.applied && strings.Contains(err.Error(), "found none of its findings") {
				return // read as without the profile: it cannot be
			}
			if err != nil {
				t.Fatal(err)
			}
			if (r.Layout != nil) != c.applied {
				t.Fatalf("layout applied: %+v, want %v", r.Layout, c.applied)
			}
			if r.Layout != nil && len(r.Layout.Changes) != c.changed {
				t.Errorf("changes %+v, want %d", r.Layout.Changes, c.changed)
			}
			if c.name == "the issuer's next notice" {
				fs := r.Notice.Findings
				if len(fs) != 2 || fs[1].Status != notice.StatusInProgress || fs[0].Title != "基层党组织建设薄弱" {
					t.Errorf("findings %+v", fs)
				}
			}
		})
	}
	for _, bad := range []string{"role = \"finding\"\n", "[[rule]]\nstarts = \"问题N\"\nrole = \"title\"\n", "[[rule]]\ncolumn = 3\nrole = \"finding\"\n", "[[rule]]\nstarts = \"问题N\"\nrole = \"finding\"\nextra = 1\n"} {
		if _, err := ParseLayout("x", []byte(bad)); err == nil {
			t.Errorf("a malformed profile is read: %q", bad)
		}
	}
}

// A profile's column rule gives a table row its status from that column.
func TestLayoutColumn(t *testing.T) {
	cls := []Classified{{No: 1, Role: RoleTableRow, Cells: []string{"1", "问题", "已完成整改"}}, {No: 2, Role: RoleTableRow, Cells: []string{"2", "问题", "无"}}}
	got := applyColumns(cls, 3)
	if len(got) != 1 || got[0] != 1 || cls[0].Status == nil || cls[0].Status.Status != notice.StatusDone || cls[1].Status != nil {
		t.Errorf("column 3 as status: rows %v, %+v", got, cls[0].Status)
	}
}
