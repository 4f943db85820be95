package notice

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMasked(t *testing.T) {
	n := &Notice{
		Title:       "样本镇0001关于巡察整改进展情况的通报",
		Signed:      "2024-12-02",
		Findings:    []Finding{{Number: 1, Title: "信访化解不力", Rectification: "西山村王小明因涉嫌敲诈勒索罪被拘留;王小明之妻陈某", Measures: []string{"二是王小明被拘留"}}},
		Outstanding: []Outstanding{{Number: 1, Finding: 1, Progress: "王小明", Deadline: "2024-12-31"}},
		Unplaced:    []Line{{Line: 3, Text: "电话13912345678"}},
		Redact: []Redaction{
			{Text: "王小明", Mask: "王某某", Reason: "信访人"},
			{Text: "13912345678", Reason: "电话"},
		},
	}
	before, _ := json.Marshal(n)
	m := n.Masked()
	after, _ := json.Marshal(n)
	if string(before) != string(after) {
		t.Fatal("Masked changed the original")
	}
	b, _ := json.Marshal(m)
	for _, secret := range []string{"王小明", "13912345678"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("masked copy still holds %q: %s", secret, b)
		}
	}
	if !strings.Contains(m.Findings[0].Rectification, "西山村王某某因") || m.Unplaced[0].Text != "电话■■■■■■■■■■■" {
		t.Errorf("masked: %q, %q", m.Findings[0].Rectification, m.Unplaced[0].Text)
	}
	if m.Redact != nil || len(m.Redacted()) != 2 {
		t.Errorf("redactions on the copy: %v, %v", m.Redact, m.Redacted())
	}
	if got := string(m.MaskSource([]byte("原文：王小明，13912345678"))); got != "原文：王某某，■■■■■■■■■■■" {
		t.Errorf("MaskSource = %q", got)
	}
	if m.Outstanding[0].Deadline != "2024-12-31" {
		t.Error("dates are values, not prose")
	}
	m.Findings[0].Measures[0] = "x"
	if n.Findings[0].Measures[0] != "二是王小明被拘留" {
		t.Error("the copy shares a slice with the original")
	}
}

func TestMaskedWithdrawn(t *testing.T) {
	n := &Notice{Title: "通报", Original: "seeds/a.txt", Findings: []Finding{{Number: 1}},
		Withdrawn: Withdrawal{Date: "2025-01-02", Reason: "误发"}}
	m := n.Masked()
	if !m.IsWithdrawn() || len(m.Findings) != 0 || m.Original != "" || m.Title != "通报" {
		t.Errorf("withdrawn copy: %+v", m)
	}
	if len(n.Findings) != 1 {
		t.Error("original changed")
	}
}

// TestContains: a text occurs in any prose string of the notice, however
// deep, but not in the redactions themselves, nor as a date.
func TestContains(t *testing.T) {
	n := &Notice{
		Title:       "样本镇0001关于巡察整改进展情况的通报",
		Signed:      "2024-12-02",
		Findings:    []Finding{{Number: 1, Measures: []string{"二是王小明被拘留"}}},
		Outstanding: []Outstanding{{Number: 1, Progress: "李四"}},
		Unplaced:    []Line{{Line: 3, Text: "电话13912345678"}},
		Redact:      []Redaction{{Text: "赵五", Mask: "赵某", Reason: "信访人"}},
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"王小明", true},
		{"李四", true},
		{"13912345678", true},
		{"样本镇0001", true},
		{"赵五", false}, // only in the redaction
		{"赵某", false},
		{"2024-12-02", false}, // a date, not prose
		{"", false},
		{"陈某", false},
	} {
		if got := n.Contains(tc.text); got != tc.want {
			t.Errorf("Contains(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
