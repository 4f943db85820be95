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

// ParseStatus normalises the status words a notice used (the vocabulary
// and its mapping are listed in README.md, "Status words"). The order of the
// checks matters: 未整改到位, 未完成 and 正在整改 are not done although they
// contain 整改 or 完成, and 基本完成 is not done either.
func ParseStatus(text string) (Status, error) {
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, "。.;；,，!！")
	t = strings.NewReplacer(" ", "", "\u3000", "").Replace(t)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(t, w) {
				return true
			}
		}
		return false
	}
	switch {
	case t == "":
		return "", fmt.Errorf("empty status")
	case has("未整改", "尚未", "未开始", "未完成", "没有完成", "未启动", "暂未", "未能"):
		return StatusNotStarted, nil
	case has("正在", "整改中", "持续整改", "推进中", "部分整改", "基本整改", "基本完成", "长期坚持", "长期整改",
		"持续推进", "阶段性", "进行中", "逐步", "分步", "有序推进", "持续落实", "常态化"):
		return StatusInProgress, nil
	case has("已整改", "已完成", "整改完成", "已办结", "已落实", "完成整改", "已销号", "整改到位", "已解决", "已全部", "全部完成") ||
		t == "完成" || t == "已完成" || t == "办结" || t == "销号":
		return StatusDone, nil
	}
	return "", fmt.Errorf("status %q is not one of the known wordings (已整改 / 正在整改中 / 未整改 …)", text)
}
