package notice

import (
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
)

// Stated is what a notice says of itself in figures (反馈25个问题,已完成整改
// 19个、正在整改6个,整改完成率76% …): the notice's own check on the findings
// an importer reads. Each count is nil when the notice does not state it.
type Stated struct {
	Problems   *int `toml:"problems,omitempty" json:"problems,omitempty"`       // 反馈N个问题 / 指出N个问题
	Aspects    *int `toml:"aspects,omitempty" json:"aspects,omitempty"`         // N个方面
	Done       *int `toml:"done,omitempty" json:"done,omitempty"`               // 已完成整改X个 / 完成整改X个
	InProgress *int `toml:"in_progress,omitempty" json:"in_progress,omitempty"` // 正在整改Y个 / 基本完成…持续整改Y个
	NotDone    *int `toml:"not_done,omitempty" json:"not_done,omitempty"`       // 未完成Z个
	// Rate is the completion rate as written (76%, 98.71%).
	Rate        string `toml:"rate,omitempty" json:"rate,omitempty"`
	Units       *int   `toml:"units,omitempty" json:"units,omitempty"`             // N家被巡察单位 (summary notices)
	People      *int   `toml:"people,omitempty" json:"people,omitempty"`           // people handled, as the notice adds them up
	Regulations *int   `toml:"regulations,omitempty" json:"regulations,omitempty"` // 制度N项 made or revised
	// Money lists the sums recovered, returned or saved that the notice
	// states as totals, as written (追缴资金7.132万元); they are of different
	// kinds and never added up.
	Money []Amount `toml:"money,omitempty" json:"money,omitempty"`
	// Texts are the phrases the figures were read from, as written.
	Texts []string `toml:"texts,omitempty" json:"texts,omitempty"`
}

// Empty reports whether the notice states nothing.
func (s Stated) Empty() bool {
	return s.Problems == nil && s.Aspects == nil && s.Done == nil && s.InProgress == nil && s.NotDone == nil &&
		s.Rate == "" && s.Units == nil && s.People == nil && s.Regulations == nil && len(s.Money) == 0 && len(s.Texts) == 0
}

// Disagreement is a stated figure that differs from what the notice's
// findings show.
type Disagreement struct {
	Field  string // the [stated] key: problems, done, in_progress, not_done
	Stated int
	Read   int
	What   string // 问题 / 已完成 …
}

func (d Disagreement) String() string { return d.Message().Error() }

// Label is the figure's Chinese name, as a table of figures shows it.
func (d Disagreement) Label() string {
	switch d.Field {
	case "problems":
		return "问题总数"
	case "done":
		return StatusDone.Label()
	case "in_progress":
		return StatusInProgress.Label()
	case "not_done":
		return "未完成"
	}
	return d.Field
}

// Message is the disagreement as a message, printed in the reader's
// language (the field is a key of the data file).
func (d Disagreement) Message() *i18n.Error {
	switch d.Field {
	case "done":
		return i18n.Msg("stated.%s: the notice states %d done, %d read", d.Field, d.Stated, d.Read)
	case "in_progress":
		return i18n.Msg("stated.%s: the notice states %d in progress, %d read", d.Field, d.Stated, d.Read)
	case "not_done":
		return i18n.Msg("stated.%s: the notice states %d not done, %d read", d.Field, d.Stated, d.Read)
	case "problems":
		return i18n.Msg("stated.%s: the notice states %d problems, %d read", d.Field, d.Stated, d.Read)
	}
	return i18n.Msg("stated.%s: the notice states %d %s, %d read", d.Field, d.Stated, d.What, d.Read)
}

// Localize is the disagreement in p's language.
func (d Disagreement) Localize(p *message.Printer) string { return d.Message().Localize(p) }

// Disagreements compares the stated counts with the notice's findings:
// the number of problems, and the count per status where every finding's
// status was read. A notice with no findings (a summary) is not compared,
// nor is a count it does not state.
func (n *Notice) Disagreements() []Disagreement {
	s := n.Stated
	if len(n.Findings) == 0 {
		return nil
	}
	by := map[Status]int{}
	for _, f := range n.Findings {
		by[f.Status]++
	}
	var out []Disagreement
	cmp := func(field, what string, stated *int, read int) {
		if stated != nil && *stated != read {
			out = append(out, Disagreement{Field: field, Stated: *stated, Read: read, What: what})
		}
	}
	cmp("problems", "problems", s.Problems, len(n.Findings))
	// Status counts are compared where every finding's status was read. A
	// finding whose status the text does not state could be any: with some,
	// a count disagrees only when more were read than it states (the
	// unstated can only add to it).
	if by[StatusUnstated] > 0 {
		more := cmp
		cmp = func(field, what string, stated *int, read int) {
			if stated != nil && read > *stated {
				more(field, what, stated, read)
			}
		}
	}
	cmp("done", "done", s.Done, by[StatusDone])
	cmp("in_progress", "in progress", s.InProgress, by[StatusInProgress])
	cmp("not_done", "not done", s.NotDone, by[StatusNotStarted])
	return out
}

// IntP is a pointer to v, for stated counts.
func IntP(v int) *int { return &v }
