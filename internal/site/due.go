package site

import "github.com/gongshi/gongshi/internal/search"

// searchDue is every finding's deadline and overdue flag, by id, for the
// search index's overdue and deadline filters: the model's own flags, not
// judged again.
func (m *Model) searchDue() map[string]search.Due {
	out := map[string]search.Due{}
	for _, t := range m.Units {
		for _, fs := range t.Findings {
			if fs.Deadline != "" || fs.Overdue {
				out[fs.ID] = search.Due{Deadline: fs.Deadline, Overdue: fs.Overdue}
			}
		}
	}
	return out
}
