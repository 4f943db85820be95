package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/i18n"
)

// env is a getenv for LANG=lang.
func env(lang string) func(string) string {
	return func(k string) string {
		if k == "LANG" {
			return lang
		}
		return ""
	}
}

// gongshi runs the gongshi command line args under LANG=lang, as the
// binary does (runCtx), and returns its exit status and all it printed.
func gongshi(lang string, args ...string) (int, string) {
	var out bytes.Buffer
	code := runCtx(context.Background(), args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &out}, env(lang))
	return code, out.String()
}

// helpRuns is `-h` of every command of the tree (help and completion
// included), and gongshi's own help.
func helpRuns(t *testing.T) [][]string {
	t.Helper()
	root := newCmdRoot(cmdutil.NewFactory(cli.IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, env("C")))
	runs := [][]string{{"-h"}, {"help"}, {"--help"}, {"help", "import"}}
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		for _, s := range c.Commands() {
			if s.Hidden || s.Name() == "hugo" { // hugo -h is Hugo's own
				continue
			}
			p := append(append([]string{}, path...), s.Name())
			runs = append(runs, append(append([]string{}, p...), "-h"))
			walk(s, p)
		}
	}
	walk(root, nil)
	if len(runs) < 4+8+4 {
		t.Fatalf("only %d help runs: %v", len(runs), runs)
	}
	return runs
}

// usageRuns are wrong command lines: each exits 2 with a message and the
// usage.
var usageRuns = [][]string{
	nil, {"nosuch"}, {"chek"}, {"help", "nosuch"}, {"--nosuch"},
	{"import"}, {"import", "a.txt", "--nosuch"}, {"import", "a.txt", "--region"}, {"import", "a.txt", "-x"},
	{"import", "a.txt", "--json=maybe"},
	{"check", "extra"}, {"check", "--nosuch"}, {"check", "--data"}, {"check", "-nosuch"},
	{"build", "extra"}, {"build", "--nosuch"}, {"build", "--root"},
	{"serve", "extra"}, {"serve", "--addr"},
	{"search"}, {"search", "x", "--size", "abc"}, {"search", "x", "--timeout", "abc"}, {"search", "x", "--timeout", "0s"},
	{"search", "x", "--json", "--csv"}, {"search", "x", "--nosuch"},
	{"merge"}, {"merge", "--out"}, {"deploy", "extra"}, {"deploy", "--max-deletes", "many"},
	{"completion", "nosuch"}, {"completion", "bash", "extra"},
}

// echoed are what a line echoes rather than says: flags, paths and file
// names, quoted text, bracketed keys, commands to type (an indented line
// that starts with one), and URLs.
var echoed = regexp.MustCompile(`(?m)^\s+(?:gongshi|source|echo) .*$|"(?:[^"\\]|\\.)*"|'[^']*'|https?://\S+|\B--?[a-z][a-z-]*(?:=\S*)?|[^\s（）()：，；、]*/[^\s（）()：，；、]*|[\w.-]+\.(?:txt|html|docx|toml|csv|json|xml|fish|pdf|doc|wps|rtf)\b|\.[a-z]+\b|\[[^]]*\]|:[a-z]+\b|\bv\d[\d.]*`)

// names are the words a Chinese line may hold: programs, formats, the
// values a flag takes, environment variables, config keys, and (added by
// init) the commands' names.
var names = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`gongshi hugo Hugo bash zsh fish powershell PowerShell Out-String Invoke-Expression
		profile bash-completion compinit autoload Linux
		JSON CSV HTML PDF URL MD5 ETag gzip Cache-Control no-cache Bleve GET UTF-8 UTF-16 GB18030 LibreOffice MB Go
		Ctrl-C SOURCE_DATE_EPOCH ROOT seeds originals config toml withdeploy tags
		township village department school enterprise region done in_progress not_started true false
		id kind province city county signed number status title url score unit unit_kind
		P s m ms jq hits`) {
		names[w] = true
	}
	root := newCmdRoot(cmdutil.NewFactory(cli.IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, env("C")))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, s := range c.Commands() {
			names[s.Name()] = true
			walk(s)
		}
	}
	walk(root)
}

var word = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_-]*`)

// englishWords are the English words of out's lines, but for what they
// echo and the names above.
func englishWords(out string) []string {
	var found []string
	for _, w := range word.FindAllString(echoed.ReplaceAllString(out, " "), -1) {
		if !names[w] && !names[strings.TrimRight(w, "-")] {
			found = append(found, w)
		}
	}
	return found
}

// TestChineseHelpAndUsage: under zh_CN, every command's help and every
// wrong command line are Chinese, whole words counted (flag names, paths,
// quoted text and the names above excepted); the help exits 0, a wrong
// command line 2.
func TestChineseHelpAndUsage(t *testing.T) {
	for _, args := range helpRuns(t) {
		code, out := gongshi("zh_CN.UTF-8", args...)
		if code != 0 || !strings.Contains(out, "用法：") || !strings.Contains(out, "选项：") {
			t.Errorf("gongshi %s: exit %d, want 0 and a help with 用法： and 选项：\n%s", strings.Join(args, " "), code, out)
		}
		if w := englishWords(out); len(w) > 0 {
			t.Errorf("gongshi %s (zh_CN) has English words %q:\n%s", strings.Join(args, " "), w, out)
		}
	}
	for _, args := range usageRuns {
		code, out := gongshi("zh_CN.UTF-8", args...)
		if code != 2 || !strings.Contains(out, "用法：") {
			t.Errorf("gongshi %s: exit %d, want 2 and the usage\n%s", strings.Join(args, " "), code, out)
		}
		if w := englishWords(out); len(w) > 0 {
			t.Errorf("gongshi %s (zh_CN) has English words %q:\n%s", strings.Join(args, " "), w, out)
		}
	}
}

// TestChineseCommandErrors: the errors the commands themselves return
// (not the data's problems, nor the report's lines) are Chinese under
// zh_CN, and exit 1.
func TestChineseCommandErrors(t *testing.T) {
	tmp := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--data", tmp + "/nowhere"}, "不存在"},
		{[]string{"check", "--data", tmp}, "下没有数据文件"},
		{[]string{"import", tmp + "/no-such-file.txt"}, "没有这个文件或文件夹"},
		{[]string{"deploy", "--root", tmp, "--out", tmp}, "中没有已生成的网站"},
	} {
		for lang, zh := range map[string]bool{"zh_CN.UTF-8": true, "C": false} {
			code, out := gongshi(lang, c.args...)
			if code != 1 || strings.Contains(out, c.want) != zh {
				t.Errorf("LANG=%s gongshi %s: exit %d, want 1 and %q %v\n%s", lang, strings.Join(c.args, " "), code, c.want, zh, out)
			}
			if w := englishWords(out); zh && len(w) > 0 {
				t.Errorf("gongshi %s (zh_CN) has English words %q:\n%s", strings.Join(c.args, " "), w, out)
			}
		}
	}
}

// TestEnglishStaysEnglish: under LANG=C the same runs are in English:
// cobra-like headings, and no Chinese but the examples the English itself
// gives (郊尾镇, 省/市/县/镇: the Han runs of the catalog's English).
func TestEnglishStaysEnglish(t *testing.T) {
	allowed := map[string]bool{}
	han := regexp.MustCompile(`[\p{Han}]+`)
	for _, e := range i18n.Catalog {
		for _, h := range han.FindAllString(e.En, -1) {
			allowed[h] = true
		}
	}
	check := func(args []string, code, want int, out string) {
		if code != want || !strings.Contains(out, "Usage:\n  gongshi") {
			t.Errorf("gongshi %s: exit %d, want %d and Usage:\n%s", strings.Join(args, " "), code, want, out)
		}
		for _, h := range han.FindAllString(out, -1) {
			if !allowed[h] {
				t.Errorf("gongshi %s (LANG=C) says %q:\n%s", strings.Join(args, " "), h, out)
			}
		}
		for _, r := range out {
			if unicode.In(r, unicode.Han) && !strings.ContainsRune(out, r) {
				t.Fatal("unreachable")
			}
		}
	}
	for _, args := range helpRuns(t) {
		code, out := gongshi("C", args...)
		check(args, code, 0, out)
	}
	for _, args := range usageRuns {
		code, out := gongshi("C", args...)
		check(args, code, 2, out)
	}
}

// TestCompletion: the completion script is printed (exit 0), and the
// completions' descriptions are in the reader's language.
func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if code, out := gongshi("zh_CN.UTF-8", "completion", shell); code != 0 || !strings.Contains(out, "gongshi") || len(out) < 1000 {
			t.Errorf("completion %s: exit %d, %d bytes", shell, code, len(out))
		}
	}
	for lang, want := range map[string]string{"zh_CN.UTF-8": "import\t导入通报", "C": "import\tImport notices"} {
		code, out := gongshi(lang, "__complete", "imp")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("LANG=%s: __complete imp: exit %d\n%s\nwant %q", lang, code, out, want)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "x", "--status", ""}, "in_progress\nnot_started\nunstated\n:4\n"},
		{[]string{"import", "a.txt", "--unit-kind", "vil"}, "village\ndepartment\nschool\nenterprise\nregion\n:4\n"}, // the shell keeps those that fit
		{[]string{"check", "--data", ""}, ":16\n"},                                                                   // folders
		{[]string{"merge", ""}, ":16\n"},                                                                             // folders
		{[]string{"search", ""}, ":4\n"},                                                                             // no files: a query
		{[]string{"import", ""}, ":0\n"},                                                                             // files
	} {
		if code, out := gongshi("C", append([]string{"__complete"}, c.args...)...); code != 0 || !strings.Contains("\n"+out, "\n"+c.want) {
			t.Errorf("__complete %q: exit %d\n%s\nwant it to hold %q", c.args, code, out, c.want)
		}
	}
	code, out := gongshi("zh_CN.UTF-8", "__complete", "search", "x", "--sta")
	if code != 0 || !strings.Contains(out, "--status\t只看这种整改") {
		t.Errorf("__complete search --sta: exit %d\n%s", code, out)
	}
}

// TestChineseServe: serve's own lines (stdout: where it serves, where
// imports are reviewed; stderr: stopped) are Chinese under zh_CN. The
// build's progress lines are the site package's.
func TestChineseServe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site")
	}
	args := []string{"serve", "--root", "../..", "--out", t.TempDir() + "/site", "--addr", "127.0.0.1:0"}
	var out, errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- runCtx(ctx, args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, env("zh_CN.UTF-8"))
	}()
	for deadline := time.Now().Add(2 * time.Minute); !strings.Contains(out.String(), "/review/") && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	code := <-done
	if code != 0 || !strings.Contains(out.String(), "正在预览") || !strings.Contains(out.String(), "审核导入") || !strings.Contains(errb.String(), "已停止") {
		t.Errorf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	if w := englishWords(out.String()); len(w) > 0 {
		t.Errorf("serve's lines (zh_CN) have English words %q:\n%s", w, out.String())
	}
}
