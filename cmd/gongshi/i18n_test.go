package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
)

// TestMessagesBothLanguages runs every command's usual paths under an
// English and a Chinese locale: the English output is as it always was,
// and in the Chinese none of the command's own lines is left in English.
func TestMessagesBothLanguages(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad")
	os.MkdirAll(filepath.Join(bad, "x"), 0o755)
	os.WriteFile(filepath.Join(bad, "x", "a.toml"), []byte("title = \"t\"\n"), 0o644)
	cases := []struct {
		args []string
		en   string // a line of the English output
		zh   string // its Chinese
	}{
		{nil, "Run 'gongshi COMMAND -h' for a command's flags.", "运行 'gongshi 命令 -h' 查看该命令的选项。"},
		{[]string{"nosuch"}, `gongshi: unknown command "nosuch"`, `gongshi：没有 "nosuch" 这个命令`},
		{[]string{"check", "-h"}, "Usage: gongshi check [--data DIR]", "用法：gongshi check [--data 文件夹]"},
		{[]string{"check", "--data", "../../data"}, "checked 1 notice, 59 findings in ../../data: ok", "已校验 ../../data 中的 1 份通报、59 个问题：没有错误"},
		{[]string{"check", "--data", bad}, "is missing", "缺少 issuer"},
		{[]string{"check", "--data", "/nonexistent"}, "does not exist", "不存在"},
		{[]string{"check", "extra"}, `unexpected argument "extra"`, `多余的参数 "extra"`},
		{[]string{"build", "-h"}, "Usage: gongshi build [--root DIR] [--data DIR] [--out DIR]", "用法：gongshi build"},
		{[]string{"serve", "-h"}, "Usage: gongshi serve", "用法：gongshi serve"},
		{[]string{"search", "-h"}, "usage: gongshi search QUERY", "用法：gongshi search 检索词"},
		{[]string{"import", "-h"}, "Usage: gongshi import FILE|FOLDER… [flags]", "用法：gongshi import 文件|文件夹… [选项]"},
		{[]string{"import", "no-such-file.txt"}, "no-such-file.txt", "gongshi import："},
	}
	english := regexp.MustCompile(`\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b`)
	for _, c := range cases {
		for _, lang := range []string{"en_US.UTF-8", "zh_CN.UTF-8"} {
			var out, errb bytes.Buffer
			code := runIO(c.args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string {
				if k == "LANG" {
					return lang
				}
				return ""
			})
			all := out.String() + errb.String()
			want := c.en
			if strings.HasPrefix(lang, "zh") {
				want = c.zh
				for _, line := range strings.Split(all, "\n") {
					if l := regexp.MustCompile(`"[^"]*"|'[^']*'|\S+/\S+|\[[^]]*\]`).ReplaceAllString(line, ""); english.MatchString(l) {
						t.Errorf("gongshi %v (%s) left a line in English: %s", c.args, lang, line)
					}
				}
			}
			if !strings.Contains(all, want) {
				t.Errorf("gongshi %v (%s, exit %d) does not say %q:\n%s", c.args, lang, code, want, all)
			}
		}
	}
}
