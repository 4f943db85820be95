package importer

import (
	"regexp"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// The notice's own figures, as notices of the genre write them. Each
// pattern matches the normalised copy; the figure is the first group.
var (
	statedCount = []struct {
		field string
		res   []*regexp.Regexp
	}{
		{"problems", []*regexp.Regexp{
			regexp.MustCompile(`(?:反馈|指出|发现|移交|交办|提出|梳理|查摆)了?[^。;,:]{0,14}?(\d+)\s*(?:个|项|条)(?:具体|突出)?问题`),
			regexp.MustCompile(`(?:反馈|指出|发现|移交|交办)了?[^。;,:\d]{0,10}?问题\s*(\d+)\s*(?:个|项|条)`),
		}},
		{"aspects", []*regexp.Regexp{regexp.MustCompile(`(\d+)\s*个方面`)}},
		{"done", []*regexp.Regexp{
			regexp.MustCompile(`(?:已完成整改|完成整改|已整改到位|整改到位|已整改完成|已整改|整改完成|已完成|已办结|已销号)(?:问题)?\s*(\d+)\s*(?:个|项|条)`),
			regexp.MustCompile(`(\d+)\s*(?:个|项|条)(?:问题)?已(?:完成整改|整改到位|整改完成|整改|完成|办结|销号)`),
		}},
		{"in_progress", []*regexp.Regexp{
			regexp.MustCompile(`(?:正在整改|持续整改|整改中|基本完成|正在推进|阶段性成效|阶段性成果|达到时序进度|序时推进)[^。;,\d]{0,12}?(?:问题)?\s*(\d+)\s*(?:个|项|条)`),
			// the count first (其余2个正在整改)
			regexp.MustCompile(`(\d+)\s*(?:个|项|条)(?:问题)?(?:正在整改|持续整改|整改中|基本完成|正在推进|达到时序进度|序时推进)`),
		}},
		{"not_done", []*regexp.Regexp{
			regexp.MustCompile(`(?:尚未完成|未完成|未整改到位|未整改|尚未整改)(?:整改)?(?:问题)?\s*(\d+)\s*(?:个|项|条)`),
			regexp.MustCompile(`(\d+)\s*(?:个|项|条)(?:问题)?(?:尚未完成|未完成|未整改到位|未整改|尚未整改)`),
		}},
		{"units", []*regexp.Regexp{
			regexp.MustCompile(`(\d+)\s*(?:家|个)被巡察(?:单位|党组织)`),
			regexp.MustCompile(`对(\d+)\s*(?:家|个)(?:单位|党组织)[^。;,]{0,6}?(?:反馈|开展|进行)`),
		}},
		{"people", []*regexp.Regexp{
			regexp.MustCompile(`(?:共|累计|合计)(?:处理|问责|追责|处分|处置)\s*(\d+)\s*(?:人|名)`),
			regexp.MustCompile(`给予[^。;,\d]{1,30}、[^。;,\d]{1,30}?(\d+)\s*(?:人|名)`),
			regexp.MustCompile(`对(\d+)\s*名(?:相关)?(?:责任人|干部|党员|人员)(?:作出|进行|给予)(?:了)?(?:处理|问责|处分)`),
		}},
		{"regulations", []*regexp.Regexp{
			regexp.MustCompile(`制度\s*(\d+)\s*(?:项|个|条|部)`),
			regexp.MustCompile(`(\d+)\s*(?:项|个|部)(?:规章)?制度`),
		}},
	}
	reStatedRate  = regexp.MustCompile(`(?:整改完成率|完成率|整改率|销号率)\s*(?:为|达|达到|是)?\s*(\d{1,3}(?:\.\d+)?\s*%)`)
	reStatedMoney = regexp.MustCompile(`(?:追缴|清退|追回|挽回|收回|退还|返还|退回|收缴|整改资金|违规资金)[^。;,]{0,20}?` + reAmount.String())
)

// StatedOf reads the figures a notice states about itself from the texts
// given (the preamble and the organisation section, where notices put them):
// the number of problems, aspects, problems done, in progress and not done,
// the completion rate, units summed up, people handled, rules made and the
// money recovered. Each phrase a figure came from is kept as written.
func StatedOf(texts ...string) notice.Stated {
	var s notice.Stated
	var phrases []string
	seen := map[string]bool{}
	phrase := func(t text, i, j int) {
		p := strings.TrimSpace(t.cut(i, j))
		if !seen[p] {
			seen[p] = true
			phrases = append(phrases, p)
		}
	}
	for _, raw := range texts {
		t := newText(raw)
		for _, sc := range statedCount {
			slot := statedSlot(&s, sc.field)
			if *slot != nil {
				continue
			}
			for _, re := range sc.res {
				if m := re.FindStringSubmatchIndex(t.norm); m != nil {
					v := atoi(t.norm[m[2]:m[3]])
					*slot = notice.IntP(v)
					phrase(t, m[0], m[1])
					break
				}
			}
		}
		if s.Rate == "" {
			if m := reStatedRate.FindStringSubmatchIndex(t.norm); m != nil {
				s.Rate = strings.TrimSpace(t.cut(m[2], m[3]))
				phrase(t, m[0], m[1])
			}
		}
		for _, m := range reStatedMoney.FindAllStringSubmatchIndex(t.norm, -1) {
			amt := newText(t.cut(m[0], m[1]))
			for _, a := range Amounts(amt.orig) {
				s.Money = append(s.Money, a)
			}
			phrase(t, m[0], m[1])
		}
	}
	s.Texts = phrases
	return s
}

func statedSlot(s *notice.Stated, field string) **int {
	switch field {
	case "problems":
		return &s.Problems
	case "aspects":
		return &s.Aspects
	case "done":
		return &s.Done
	case "in_progress":
		return &s.InProgress
	case "not_done":
		return &s.NotDone
	case "units":
		return &s.Units
	case "people":
		return &s.People
	}
	return &s.Regulations
}
