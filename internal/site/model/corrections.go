package model

import (
	"path/filepath"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Correction is one line of a notice's 更正记录: a [[revisions]] row, or
// a commit of the data file's git history (Commit set, its first 12 hex
// digits as CommitShort).
type Correction struct {
	Date        notice.Date `json:"date"`
	DateText    string      `json:"date_text"`
	Change      string      `json:"change"`
	Reason      string      `json:"reason"`
	Commit      string      `json:"commit,omitempty"`
	CommitShort string      `json:"commit_short,omitempty"`
}

func corrections(n *notice.Notice) []Correction {
	out := []Correction{}
	for _, r := range n.Revisions {
		c := Correction{Date: r.Date, DateText: dateText(r.Date), Change: r.Change, Reason: r.Reason, Commit: r.Commit}
		if len(r.Commit) >= 12 {
			c.CommitShort = r.Commit[:12]
		}
		out = append(out, c)
	}
	return out
}

// originalWithheld reports whether a notice's original is not published:
// a .docx whose text has masked words (the masking works on text, and a
// .docx keeps its text in compressed XML, where a name may be split across
// runs), or a withdrawn notice's.
func originalWithheld(n *notice.Notice) bool {
	return len(n.Redacted()) > 0 && strings.EqualFold(filepath.Ext(n.Original), ".docx")
}
