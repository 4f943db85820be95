package check

import (
	"os"
	"strings"
	"testing"
)

func TestPrivacy(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/shilisheng/shilishi/shilixian/yangbenzhen0001/2024-06-01.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(base), `next_plan = "继续深化整改。"`,
		`next_plan = "继续深化整改。联系电话13912345678,身份证号35032219800101123X,信访人张小明反映,东村王大成因涉嫌诈骗被拘留,西村李四被处理,村民代表会议。"`, 1)
	_, probs := Bytes("x.toml", []byte(src))
	var got []string
	for _, p := range probs {
		if !p.Warning {
			t.Errorf("error: %s", p)
		}
		got = append(got, p.Message)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`phone number "13912345678"`, `ID-card number "35032219800101123X"`, `name "张小明"`, `name "王大成"`, `name "李四"`} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning for %s in\n%s", want, all)
		}
	}
	if strings.Contains(all, "代表") || len(got) != 5 {
		t.Errorf("want 5 warnings, got\n%s", all)
	}

	// Masked: no warning; an unused redaction, revisions and a withdrawal
	// are checked.
	masked := src + `
[[redact]]
text = "13912345678"
reason = "电话"
[[redact]]
text = "35032219800101123X"
reason = "身份证"
[[redact]]
text = "张小明"
mask = "张某某"
reason = "信访人"
[[redact]]
text = "王大成"
reason = "当事人"
[[redact]]
text = "李四"
reason = "村民"
[[redact]]
text = "赵五"
reason = "笔误"
[[revisions]]
date = 2024-06-20
change = "更正第1个问题的整改状态"
reason = "原通报笔误"
[[revisions]]
date = 2024-05-01
change = "x"
reason = ""
[withdrawn]
date = 2024-05-02
`
	_, probs = Bytes("x.toml", []byte(masked))
	got = nil
	for _, p := range probs {
		got = append(got, p.String())
	}
	all = strings.Join(got, "\n")
	for _, want := range []string{
		`:1: redact[6].text "赵五" occurs nowhere in the notice`,
		`revisions[2].reason is empty`,
		`revisions[2].date 2024-05-01 is before signed 2024-06-01`,
		`withdrawn.reason is missing`,
		`withdrawn.date 2024-05-02 is before signed 2024-06-01`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "personal data") || len(got) != 5 {
		t.Errorf("want exactly 5 problems, got\n%s", all)
	}
}
