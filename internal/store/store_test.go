package store

import (
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPrettyTOML(t *testing.T) {
	n := &notice.Notice{Title: "t", Signed: "2024-12-02", Regulations: []string{`甲"乙`, `a\b`},
		Findings: []notice.Finding{{Number: 1, Problem: "第一行\n第二行\\n\"\"\"", Measures: []string{}, Amounts: []notice.Amount{}, Dates: []notice.DateRef{}}}}
	b, err := Encode(n)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, "regulations = [\n  \"甲\\\"乙\",\n  \"a\\\\b\",\n]\n") || !strings.Contains(s, "problem = \"\"\"\n第一行\n") {
		t.Errorf("not pretty:\n%s", s)
	}
	var back notice.Notice
	if _, err := toml.Decode(s, &back); err != nil || back.Findings[0].Problem != n.Findings[0].Problem || !reflect.DeepEqual(back.Regulations, n.Regulations) {
		t.Errorf("does not decode back: %v %v", err, back.Findings)
	}
}
