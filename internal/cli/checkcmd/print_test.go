package checkcmd

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
)

// TestPrintsInTheReadersLanguage: with a Chinese printer, the problems,
// the count of problems (the error) and the summary are Chinese, with
// their numbers as written (no 1,000 grouping) and no English word but
// the data's (paths, keys); with none, English with its plurals.
func TestPrintsInTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	writeNotice(t, dir, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 1))
	bad := sample("样本镇0002", "yangbenzhen0002", "2024-12-02", 2)
	bad.Issuer = ""
	writeNotice(t, dir, bad)
	for _, tc := range []struct {
		zh   bool
		want []string
	}{
		{false, []string{"issuer is empty", "1 problem in 1 of 2 files under " + dir}},
		{true, []string{"issuer 为空", dir + " 下 2 个文件中有 1 个文件共 1 个问题"}},
	} {
		var out bytes.Buffer
		var p = i18n.NewPrinter(tc.zh)
		if !tc.zh {
			p = nil
		}
		err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &out, P: p}, []string{"--data", dir})
		all := out.String() + i18n.Localize(p, err)
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("zh=%v: %q not in\n%s", tc.zh, w, all)
			}
		}
		if tc.zh {
			for _, line := range strings.Split(all, "\n") {
				if w := i18ntest.English(line, append(i18ntest.NoticeKeys(), dir)...); len(w) > 0 {
					t.Errorf("English %q in %s", w, line)
				}
			}
		}
	}
	ok := t.TempDir()
	writeNotice(t, ok, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 1))
	for zh, want := range map[bool]string{false: "checked 1 notice, 1 finding in " + ok + ": ok", true: "已校验 " + ok + " 中的 1 份通报、1 个问题：没有错误"} {
		var out bytes.Buffer
		p := i18n.NewPrinter(zh)
		if err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &out, P: p}, []string{"--data", ok}); err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(out.String()) != want {
			t.Errorf("zh=%v: %q, want %q", zh, out.String(), want)
		}
	}
}
