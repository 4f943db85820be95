package importer

import (
	"regexp"
	"sort"
	"strings"
)

// FieldKind is what a finding's field label introduces.
type FieldKind string

const (
	FieldProblem     FieldKind = "problem"     // 存在问题: 问题描述: …
	FieldStatus      FieldKind = "status"      // 整改情况: 整改进展: 完成情况: …: the status and the rectification
	FieldMeasures    FieldKind = "measures"    // 整改措施: …: rectification that is not the status
	FieldResponsible FieldKind = "responsible" // 责任单位: 责任领导: 责任人:
	FieldDeadline    FieldKind = "deadline"    // 整改时限: 完成时限:
)

// FieldLabels is the genre's vocabulary of a finding's field labels, in one
// table: every recogniser of labelled lines and the splitter of labels
// inside a paragraph are built from it. A label counts only when a colon
// follows it (整改措施:) or when it stands in brackets (【整改措施】).
// Longer words come before the words they contain.
var FieldLabels = []struct {
	Kind  FieldKind
	Words []string
}{
	{FieldProblem, []string{"存在问题", "问题描述", "主要问题", "反馈问题", "具体问题", "问题表现", "问题"}},
	{FieldStatus, []string{"整改情况", "整改进展情况", "整改进展", "整改落实情况", "整改落实", "整改结果", "整改进度",
		"落实情况", "完成情况", "整改成效", "进展情况", "目前进展", "办理情况", "整改完成情况", "整改状态"}},
	{FieldMeasures, []string{"整改措施", "整改举措", "主要措施", "采取措施", "具体措施", "措施"}},
	{FieldResponsible, []string{"责任单位", "责任领导", "责任人", "责任部门", "牵头单位", "牵头领导", "责任科室"}},
	{FieldDeadline, []string{"整改时限", "完成时限", "整改期限", "完成时间", "整改时间"}},
}

// labelWords is the alternation of the words of the kinds given, longest
// first (so that 整改进展情况 is not read as 整改进展 followed by 情况).
func labelWords(kinds ...FieldKind) string {
	var ws []string
	for _, l := range FieldLabels {
		for _, k := range kinds {
			if l.Kind == k {
				ws = append(ws, l.Words...)
			}
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	return strings.Join(ws, "|")
}

// labelAt is a field label at the start of a text: optional brackets
// around the words, then a colon (required without brackets).
func labelAt(words string) *regexp.Regexp {
	return regexp.MustCompile(`^(?:[【\[]\s*)?(` + words + `)\s*(?:[】\]]\s*:?|:)\s*`)
}

var (
	reProblemLabel = labelAt(labelWords(FieldProblem))
	reFieldLabel   = labelAt(labelWords(FieldResponsible, FieldDeadline))
	// reAnyLabel finds a label anywhere in a paragraph: after the start, a
	// sentence's end (。;!?) or a space, the words in brackets or with a colon.
	reAnyLabel = regexp.MustCompile(`(?:^|[。;!?;]|\s)\s*((?:[【\[]\s*(?:` + labelWords(FieldProblem, FieldStatus, FieldMeasures, FieldResponsible, FieldDeadline) +
		`)\s*[】\]]\s*:?|(?:` + labelWords(FieldProblem, FieldStatus, FieldMeasures, FieldResponsible, FieldDeadline) + `)\s*:)\s*)`)
)

// KindOfLabel is the kind of a field label as written (整改措施:, 【整改情况】),
// "" when it is not one.
func KindOfLabel(label string) FieldKind {
	n := strings.Trim(Normalise(label), " 【】[]:")
	for _, l := range FieldLabels {
		for _, w := range l.Words {
			if n == w {
				return l.Kind
			}
		}
	}
	return ""
}

// Segment is one part of a paragraph split at its field labels: the label
// as written ("" for the text before the first label) and the text after
// it, up to the next label.
type Segment struct {
	Kind  FieldKind // "" for the text before the first label
	Label string
	Text  string
}

// SplitLabels splits a paragraph at the field labels inside it, exactly
// where a label at a line's start would begin a line: 问题1:标题。描述。整改情况:
// 已完成。措施… → [问题1:标题。描述。] [整改情况:已完成。措施…]. It matches the
// normalised copy and cuts the original: the segments' Label+Text, joined,
// are the paragraph as written. A paragraph with no label after its start
// is one segment.
//
// The bare problem label 问题: splits only where a status or measure label
// came before it in the paragraph: 问题 alone is too common a word to cut a
// sentence at (存在问题:, 问题描述: … split anywhere).
func SplitLabels(s string) []Segment {
	t := newText(s)
	type cut struct{ at, end int }
	var cuts []cut
	seenRect := false
	for _, m := range reAnyLabel.FindAllStringSubmatchIndex(t.norm, -1) {
		at, end := m[2], m[3]
		kind := KindOfLabel(t.norm[at:end])
		if kind == "" {
			continue
		}
		if kind == FieldProblem && at > 0 && !seenRect && strings.Trim(t.norm[at:end], " 【】[]:") == "问题" {
			continue
		}
		if kind == FieldStatus || kind == FieldMeasures {
			seenRect = true
		}
		cuts = append(cuts, cut{at, end})
	}
	var out []Segment
	if len(cuts) == 0 || cuts[0].at > 0 {
		first := len(t.norm)
		if len(cuts) > 0 {
			first = cuts[0].at
		}
		out = append(out, Segment{Text: t.cut(0, first)})
	}
	for k, c := range cuts {
		next := len(t.norm)
		if k+1 < len(cuts) {
			next = cuts[k+1].at
		}
		out = append(out, Segment{Kind: KindOfLabel(t.norm[c.at:c.end]), Label: t.cut(c.at, c.end), Text: t.cut(c.end, next)})
	}
	return out
}
