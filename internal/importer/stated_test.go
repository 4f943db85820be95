package importer

import (
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// The counts by status, with the count after the status words (已完成整改7个)
// or before them (7个问题已完成整改，其余2个正在整改).
func TestStatedCounts(t *testing.T) {
	type counts struct{ problems, done, prog, not *int }
	n := notice.IntP
	for _, c := range []struct {
		in   string
		want counts
	}{
		{"反馈了9个问题，截至目前，已完成整改7个，正在整改2个。", counts{n(9), n(7), n(2), nil}},
		{"反馈了9个问题，9个问题已完成整改7个，其余2个正在整改。", counts{n(9), n(7), n(2), nil}},
		{"指出问题9个，截至目前，6个问题已完成整改，2个正在整改，其余1个尚未完成。", counts{n(9), n(6), n(2), n(1)}},
		{"反馈了5个问题，3项已整改到位，2项持续整改。", counts{n(5), n(3), n(2), nil}},
		{"反馈了5个问题，已完成整改5个。", counts{n(5), n(5), nil, nil}},
		{"反馈意见指出的2个方面5个具体问题，已整改完成3个，达到时序进度2个。", counts{n(5), n(3), n(2), nil}},
		// a count of measures or of people is no count of problems by status
		{"反馈了5个问题，制定整改措施12条，处理3人。", counts{n(5), nil, nil, nil}},
	} {
		s := StatedOf(c.in)
		for _, x := range []struct {
			name      string
			got, want *int
		}{{"problems", s.Problems, c.want.problems}, {"done", s.Done, c.want.done}, {"in_progress", s.InProgress, c.want.prog}, {"not_done", s.NotDone, c.want.not}} {
			if (x.got == nil) != (x.want == nil) || x.got != nil && *x.got != *x.want {
				t.Errorf("%s: %s %s, want %s", c.in, x.name, ptr(x.got), ptr(x.want))
			}
		}
	}
}
