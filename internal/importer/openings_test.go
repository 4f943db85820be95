package importer

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// The published openings of eight real notices (testdata/openings, copied
// from ../shared/genre/openings: only the first ~700 characters of each page
// survived). Each outcome is pinned: the first finding where the opening
// reaches one, the stated totals, the unit, or the error when the opening
// stops before any finding.
func TestOpenings(t *testing.T) {
	ip := notice.IntP
	for _, c := range []struct {
		file string
		// err is the start of the error after the file name, "" for none
		err string
		// the first finding's label, title, status; the count of findings
		label, title string
		status       notice.Status
		findings     int
		stated       notice.Stated // its counts and rate (texts and money not compared)
		unit         TextUnit      // kind and name (From and Line not compared)
	}{
		{file: "01-shawo-xiang.txt", title: "信访矛盾化解不力", status: notice.StatusUnstated, findings: 1,
			stated: notice.Stated{Problems: ip(32), Aspects: ip(4)}, unit: TextUnit{Kind: notice.UnitTownship}},
		{file: "02-wucheng-wenlvtiju.txt", title: "关于“学思践悟习近平总书记关于促进共同富裕的重要论述精神不深不透", status: notice.StatusUnstated, findings: 1,
			stated: notice.Stated{Problems: ip(25), Done: ip(19), InProgress: ip(6), Rate: "76%", Regulations: ip(12)},
			unit:   TextUnit{Kind: notice.UnitDepartment, Name: "区文旅体局"}},
		{file: "03-ezhou-wenlvju.txt", err: "no recognisable notice: found no findings"},
		{file: "04-shi-wenguanglvju.txt", err: "found no findings (numbered items with a rectification or a status)"},
		{file: "05-huiji-shenpiju.txt", err: "no recognisable notice: found no findings"},
		{file: "06-kunming-qu-erlun.txt", findings: 0,
			stated: notice.Stated{Problems: ip(697), Done: ip(688), InProgress: ip(4), NotDone: ip(5), Rate: "98.71%", Units: ip(40), Regulations: ip(589)},
			unit:   TextUnit{Kind: notice.UnitRegion}},
		{file: "07-qu-zonggonghui.txt", title: "关于“政治引领有短板”问题的整改", status: notice.StatusUnstated, findings: 1,
			unit: TextUnit{Kind: notice.UnitDepartment, Name: "区总工会"}},
		{file: "08-putian-shiwei-xunshi.txt", err: "no recognisable notice: found no findings"},
	} {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "openings", c.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(c.file, b)
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.file+": "+c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			n := r.Notice
			if len(n.Findings) != c.findings {
				t.Fatalf("%d findings, want %d", len(n.Findings), c.findings)
			}
			if c.findings > 0 {
				f := n.Findings[0]
				if f.Number != 1 || f.Title != c.title || f.Status != c.status {
					t.Errorf("first finding %d %q %q, want 1 %q %q", f.Number, f.Title, f.Status, c.title, c.status)
				}
			}
			got := n.Stated
			got.Texts, got.Money = nil, nil
			if !statedEqual(got, c.stated) {
				t.Errorf("stated %s, want %s", statedString(got), statedString(c.stated))
			}
			if r.Unit.Kind != c.unit.Kind || r.Unit.Name != c.unit.Name {
				t.Errorf("unit %+v, want %+v", r.Unit, c.unit)
			}
		})
	}
}

func statedString(s notice.Stated) string {
	var b strings.Builder
	for _, c := range []struct {
		k string
		v *int
	}{{"problems", s.Problems}, {"aspects", s.Aspects}, {"done", s.Done}, {"in_progress", s.InProgress}, {"not_done", s.NotDone}, {"units", s.Units}, {"people", s.People}, {"regulations", s.Regulations}} {
		if c.v != nil {
			b.WriteString(c.k + "=" + strconv.Itoa(*c.v) + " ")
		}
	}
	return b.String() + "rate=" + s.Rate
}

func statedEqual(a, b notice.Stated) bool { return statedString(a) == statedString(b) }

// A notice cut off after ten findings while its preamble still states 59:
// the disagreement names both numbers.
func TestCutOffNotice(t *testing.T) {
	lines := strings.Split(string(seedBytes(t)), "\n")
	var cut []string
	for _, l := range lines {
		if strings.HasPrefix(l, "(11)") {
			break
		}
		if strings.HasPrefix(l, "根据") {
			l = strings.Replace(l, "反馈了巡察意见", "反馈了巡察意见,指出59个问题", 1)
		}
		cut = append(cut, l)
	}
	cut = append(cut, "中共郊尾镇委员会", "2024年12月2日")
	r, err := Parse("cut.txt", []byte(strings.Join(cut, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	d := r.Notice.Disagreements()
	if len(r.Notice.Findings) != 10 || len(d) != 1 || d[0].String() != "stated.problems: the notice states 59 problems, 10 read" {
		t.Errorf("%d findings, disagreements %v", len(r.Notice.Findings), d)
	}
}
