package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// statusFile is a valid data file whose first finding's status key is
// written as the %s says.
const statusFile = `title = "中共样本镇0001委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-12-02

[region]
province = "示例省"
province_slug = "shilisheng"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "yangbenzhen0001"

[inspection]
body = "县委巡察二组"
start = 2023-07-03

[[findings]]
number = 1
title = "示例问题一。"
status = %q
status_text = "已整改"
`

// A status may be written in Chinese as notices write it: check reads it
// as its code and says nothing, with and without its cache; a word of no
// status is refused at its line.
func TestStatusInChinese(t *testing.T) {
	for _, c := range []struct {
		status string
		want   notice.Status // "" for refused
	}{
		{"done", notice.StatusDone},
		{"已整改", notice.StatusDone},
		{"已完成", notice.StatusDone},
		{"完成整改", notice.StatusDone},
		{"整改完成", notice.StatusDone},
		{"正在整改", notice.StatusInProgress},
		{"整改中", notice.StatusInProgress},
		{"持续整改", notice.StatusInProgress},
		{"未整改", notice.StatusNotStarted},
		{"尚未整改", notice.StatusNotStarted},
		{"未完成", notice.StatusNotStarted},
		{"未说明", notice.StatusUnstated},
		{"待定", ""},
		{"Done", ""},
	} {
		t.Run(c.status, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "shilisheng/shilishi/shilixian/yangbenzhen0001/2024-12-02.toml")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(fmt.Sprintf(statusFile, c.status)), 0o644); err != nil {
				t.Fatal(err)
			}
			cache := t.TempDir()
			for _, run := range []string{"first", "from the cache"} {
				files, probs, err := DirCached(t.Context(), dir, cache)
				if err != nil {
					t.Fatal(err)
				}
				if c.want == "" {
					if len(probs) != 1 || probs[0].Line != 22 || !strings.Contains(probs[0].Message, "nor status words as notices write them") {
						t.Fatalf("%s: status %q: problems %v, want one at line 22", run, c.status, probs)
					}
					continue
				}
				if len(probs) != 0 {
					t.Fatalf("%s: status %q: problems %v", run, c.status, probs)
				}
				if got := files[0].Notice.Findings[0].Status; got != c.want {
					t.Errorf("%s: status %q reads as %q, want %q", run, c.status, got, c.want)
				}
			}
		})
	}
}
