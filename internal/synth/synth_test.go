package synth

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func seedText(t *testing.T) Text {
	t.Helper()
	b, err := os.ReadFile("../../seeds/000_e336554de99f7c35.txt")
	if err != nil {
		t.Fatal(err)
	}
	return ParseText(string(b))
}

func TestParseTextFindsMaterial(t *testing.T) {
	tx := seedText(t)
	for _, c := range []struct {
		name string
		got  []string
		min  int
	}{
		{"categories", tx.Categories, 3},
		{"groups", tx.Groups, 15},
		{"titles", tx.Titles, 59},
		{"measures", tx.Measures, 20},
		{"sentences", tx.Sentences, 100},
	} {
		if len(c.got) < c.min {
			t.Errorf("%s: %d, want at least %d", c.name, len(c.got), c.min)
		}
	}
}

func TestGenerateIsFictitiousDeterministicAndValid(t *testing.T) {
	tx := seedText(t)
	o := Options{Townships: 3, Notices: 2, Findings: 60, Seed: 7}
	a, b := Generate(o, tx), Generate(o, tx)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same options gave different corpora")
	}
	if len(a) != 6 {
		t.Fatalf("notices: %d", len(a))
	}
	for _, n := range a {
		if !strings.HasPrefix(n.Region.Township, "样本镇") || !strings.HasPrefix(n.Region.County, "示例县") {
			t.Errorf("not plainly fictitious: %+v", n.Region)
		}
		if len(n.Findings) != 60 {
			t.Errorf("findings: %d", len(n.Findings))
		}
		for _, f := range n.Findings {
			if !f.Status.Valid() || f.Title == "" || f.Category == "" || f.Group == "" {
				t.Errorf("finding %d invalid: %+v", f.Number, f)
			}
			for _, am := range f.Amounts {
				if y, ok := notice.ParseAmount(am.Text); !ok || y != am.Yuan {
					t.Errorf("amount %+v: its text says %d (%v)", am, y, ok)
				}
			}
		}
	}
}
