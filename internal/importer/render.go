package importer

import (
	"fmt"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Render writes a notice's text back from its data, one paragraph a line,
// in the order and shape of the notice: title, meta line, preamble, 一、…五、
// with their numbered parts, signature. The words are the data's, as
// written; the structural labels are the usual ones (整改情况:,
// 未完成整改的原因及下一步措施:, 下一步:, 整改时限:) and the numbering markers
// are half-width ((一), 1., (1)). Unplaced lines are not rendered.
func Render(n *notice.Notice) string {
	var b strings.Builder
	line := func(parts ...string) {
		s := strings.Join(parts, "")
		if strings.TrimSpace(s) != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	line(n.Title)
	var meta []string
	if n.Published != "" {
		meta = append(meta, "发布时间:"+string(n.Published))
	}
	if n.Source != "" {
		meta = append(meta, "来源:"+n.Source)
	}
	line(strings.Join(meta, " "))
	line(n.Preamble)

	if n.Headings.Organisation != "" || n.Organisation.Intro != "" || len(n.Organisation.Points) > 0 {
		line(n.Headings.Organisation)
		line(n.Organisation.Intro)
		for _, p := range n.Organisation.Points {
			line(p)
		}
	}

	line(n.Headings.Findings)
	var cat, grp *notice.Finding
	for i := range n.Findings {
		f := &n.Findings[i]
		if cat == nil || f.CategoryNo != cat.CategoryNo || f.Category != cat.Category {
			cat, grp = f, nil
			if f.CategoryNo > 0 || f.Category != "" {
				line("(", CNNumeral(f.CategoryNo), ")", f.Category)
			}
		}
		if grp == nil || f.GroupNo != grp.GroupNo || f.Group != grp.Group {
			grp = f
			if f.GroupNo > 0 || f.Group != "" {
				line(fmt.Sprint(f.GroupNo), ".", f.Group)
			}
		}
		label := fmt.Sprintf("(%d)", f.Number)
		if f.Label != "" {
			label = f.Label
		}
		line(label, sentence(f.Title, f.Problem))
		line("整改情况:", sentence(f.StatusText, f.Rectification))
		if f.Responsible != "" {
			line("责任单位:", f.Responsible)
		}
		if f.DeadlineText != "" {
			line("完成时限:", f.DeadlineText)
		}
	}

	if n.Headings.Accountability != "" || n.Accountability.Text != "" || n.Petitions.Text != "" {
		line(n.Headings.Accountability)
		k := 0
		for _, s := range []string{n.Accountability.Text, n.Petitions.Text} {
			if s != "" {
				k++
				line("(", CNNumeral(k), ")", s)
			}
		}
	}

	if n.Headings.Outstanding != "" || len(n.Outstanding) > 0 {
		line(n.Headings.Outstanding)
		for _, o := range n.Outstanding {
			line(fmt.Sprint(o.Number), ".", sentence(o.Heading, o.Problem))
			if o.Progress != "" {
				line("整改情况:", o.Progress)
			}
			if o.Reason != "" {
				line("未完成整改的原因及下一步措施:", o.Reason)
			}
			if o.NextSteps != "" {
				if strings.HasPrefix(o.NextSteps, "下一步") {
					line(o.NextSteps)
				} else {
					line("下一步:", o.NextSteps)
				}
			}
			if o.DeadlineText != "" {
				line("整改时限:", o.DeadlineText)
			}
		}
	}

	if n.Headings.NextPlan != "" || n.NextPlan != "" {
		line(n.Headings.NextPlan)
		line(n.NextPlan)
	}
	line(n.Signature.Issuer)
	line(n.Signature.DateText)
	return b.String()
}

// sentence joins a first sentence and the rest with 。.
func sentence(first, rest string) string {
	switch {
	case first == "":
		return rest
	case rest == "":
		return first
	}
	return first + "。" + rest
}

// CNNumeral writes 1…99 as 一…九十九 (the (一) of categories).
func CNNumeral(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n-10]
	}
	return d[n/10] + "十" + d[n%10]
}
