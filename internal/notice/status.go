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
	StatusNotStarted Status = "not_started" // 未整改, 尚未整改 …
)

// Statuses is the vocabulary, in display order.
var Statuses = []Status{StatusDone, StatusInProgress, StatusNotStarted}

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
	}
	return string(s)
}

// ParseStatus normalises the status words a notice used. The order of the
// checks matters: 未整改到位 and 正在整改 are not done although they contain 整改.
func ParseStatus(text string) (Status, error) {
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, "。.;；,，")
	switch {
	case t == "":
		return "", fmt.Errorf("empty status")
	case strings.Contains(t, "未整改") || strings.Contains(t, "尚未") || strings.Contains(t, "未开始"):
		return StatusNotStarted, nil
	case strings.Contains(t, "正在") || strings.Contains(t, "整改中") || strings.Contains(t, "持续整改") ||
		strings.Contains(t, "推进中") || strings.Contains(t, "部分整改") || strings.Contains(t, "基本整改"):
		return StatusInProgress, nil
	case strings.Contains(t, "已整改") || strings.Contains(t, "已完成") || strings.Contains(t, "整改完成") ||
		strings.Contains(t, "已办结") || strings.Contains(t, "已落实"):
		return StatusDone, nil
	}
	return "", fmt.Errorf("status %q is not one of the known wordings (已整改 / 正在整改中 / 未整改 …)", text)
}
