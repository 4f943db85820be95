package notice

import (
	"fmt"
	"strings"
)

// Status (整改状态) is a finding's rectification status, normalised from the
// words the notice used (StatusText).
type Status string

const (
	StatusDone       Status = "done"        // 已整改, 已整改到位, 已完成整改 …
	StatusInProgress Status = "in_progress" // 正在整改中, 持续整改, 整改中 …
	StatusNotStarted Status = "not_started" // 未整改, 尚未整改, 未完成 …
	// StatusUnstated is a finding whose notice states no status: the
	// measures are listed, but not whether they are finished. It is never
	// guessed to be done.
	StatusUnstated Status = "unstated"
)

// Statuses is the vocabulary, in display order.
var Statuses = []Status{StatusDone, StatusInProgress, StatusNotStarted, StatusUnstated}

// Valid reports whether s is in the vocabulary.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Label is the Chinese label shown to readers.
func (s Status) Label() string {
	switch s {
	case StatusDone:
		return "已整改"
	case StatusInProgress:
		return "整改中"
	case StatusNotStarted:
		return "未整改"
	case StatusUnstated:
		return "未说明"
	}
	return string(s)
}

// StatusWord is one wording of a status that notices use.
type StatusWord struct {
	Words  string
	Status Status
	// Exact: the wording counts only as the whole clause (完成, 办结), not
	// inside a longer one.
	Exact bool
}

// Vocabulary is every status wording gongshi knows, in the order they are
// tried: the first wording that a clause contains decides. Negations and
// partial wordings come first, because 未整改到位, 未完成 and 基本完成 contain
// words of done. README.md lists them ("Status words"); a test keeps the
// two the same.
var Vocabulary = []StatusWord{
	{"未整改", StatusNotStarted, false},
	{"尚未", StatusNotStarted, false},
	{"未开始", StatusNotStarted, false},
	{"未完成", StatusNotStarted, false},
	{"没有完成", StatusNotStarted, false},
	{"未启动", StatusNotStarted, false},
	{"暂未", StatusNotStarted, false},
	{"未能", StatusNotStarted, false},
	{"正在", StatusInProgress, false},
	{"整改中", StatusInProgress, false},
	{"持续整改", StatusInProgress, false},
	{"推进中", StatusInProgress, false},
	{"部分整改", StatusInProgress, false},
	{"基本整改", StatusInProgress, false},
	{"基本完成", StatusInProgress, false},
	{"长期坚持", StatusInProgress, false},
	{"长期整改", StatusInProgress, false},
	{"持续推进", StatusInProgress, false},
	{"阶段性", StatusInProgress, false},
	{"进行中", StatusInProgress, false},
	{"有序推进", StatusInProgress, false},
	{"持续落实", StatusInProgress, false},
	{"时序进度", StatusInProgress, false}, // 达到时序进度: on schedule, not done
	{"序时推进", StatusInProgress, false},
	{"已整改", StatusDone, false},
	{"已完成", StatusDone, false},
	{"整改完成", StatusDone, false},
	{"完成整改", StatusDone, false},
	{"整改到位", StatusDone, false},
	{"已办结", StatusDone, false},
	{"已落实", StatusDone, false},
	{"已销号", StatusDone, false},
	{"已解决", StatusDone, false},
	{"全部完成", StatusDone, false},
	{"完成", StatusDone, true},
	{"办结", StatusDone, true},
	{"销号", StatusDone, true},
}

// ParseStatus normalises the status words a notice used: the first wording
// of Vocabulary the text contains (spaces and final punctuation aside).
func ParseStatus(text string) (Status, error) {
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, "。.;；,，!！")
	t = strings.NewReplacer(" ", "", "\u3000", "").Replace(t)
	if t == "" {
		return "", fmt.Errorf("empty status")
	}
	for _, w := range Vocabulary {
		if (w.Exact && t == w.Words) || (!w.Exact && strings.Contains(t, w.Words)) {
			return w.Status, nil
		}
	}
	return "", fmt.Errorf("status %q is not one of the known wordings (已整改 / 正在整改中 / 未整改 …)", text)
}

// StatusFrom is the status a data file's status key gives: a code of the
// vocabulary (done, in_progress, not_started, unstated) as it is, or the
// status in Chinese as a notice writes it — a label readers see (已整改,
// 整改中, 未整改, 未说明) or any wording of Vocabulary (已完成, 完成整改,
// 尚未整改 …), read as ParseStatus reads a notice's words. ok is false for
// anything else (Done, finished, 待定), which the status rule reports.
func StatusFrom(s string) (st Status, ok bool) {
	if Status(s).Valid() {
		return Status(s), true
	}
	t := strings.TrimSpace(s)
	for _, v := range Statuses {
		if t == v.Label() {
			return v, true
		}
	}
	st, err := ParseStatus(t)
	return st, err == nil
}

// UnmarshalText reads a data file's status: what StatusFrom knows becomes
// its code, so a file may spell a status in Chinese and every reader (check,
// the site, the review page) sees the code; anything else is kept as
// written for the status rule to report. It never fails.
func (s *Status) UnmarshalText(b []byte) error {
	if st, ok := StatusFrom(string(b)); ok {
		*s = st
	} else {
		*s = Status(b)
	}
	return nil
}
