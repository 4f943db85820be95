package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/search"
)

// SearchDue is every finding's deadline and overdue flag, by id, for the
// search index's overdue and deadline filters: the model's own flags, not
// judged again; and its theme's name, which the index finds it by.
func (m *Model) SearchDue() map[string]search.Due {
	out := map[string]search.Due{}
	for _, t := range m.Units {
		for _, fs := range t.Findings {
			var theme string
			if fs.Theme != nil {
				theme = fs.Theme.Name
			}
			if fs.Deadline != "" || fs.Overdue || theme != "" {
				out[fs.ID] = search.Due{Deadline: fs.Deadline, Overdue: fs.Overdue, Theme: theme}
			}
		}
	}
	return out
}

// DueFingerprint is the deadlines and overdue flags the search index holds,
// as text for its cache key: the same findings index differently when
// "today" passes a deadline.
func DueFingerprint(due map[string]search.Due) string {
	ids := make([]string, 0, len(due))
	for id := range due {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%s\x00%s\x00%v\x00%s\x00", id, due[id].Deadline, due[id].Overdue, due[id].Theme)
	}
	return b.String()
}
