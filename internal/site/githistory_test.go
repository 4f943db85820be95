package site

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/gongshi/gongshi/internal/store"
)

// TestGitHistory: a data folder in a git repository (git init, two
// commits of one data file, the second's subject naming the masked
// person). The notice page's 更正记录 and manifest.json list both commits
// (date, subject, hash) beside the [[revisions]] table, the subject
// masked; a file git does not track lists only its table; two builds give
// the same bytes; without git only the tables are listed.
func TestGitHistory(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GONGSHI_GIT_HISTORY", "")
	tmp := t.TempDir()
	data := filepath.Join(tmp, "data")
	root := ""
	for _, f := range txtar.Parse([]byte(privacyFixture)).Files {
		switch {
		case f.Name == "config.toml":
			root = fixtureRoot(t, tmp, f.Data)
		case strings.HasPrefix(f.Name, "data/"), strings.HasPrefix(f.Name, "seeds/"):
			p := filepath.Join(tmp, filepath.FromSlash(f.Name))
			if strings.HasPrefix(f.Name, "seeds/") {
				p = filepath.Join(tmp, "root", filepath.FromSlash(f.Name))
			}
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, f.Data, 0o644)
		}
	}
	const tracked = "shili/shilishi/shilixian/zhen0001/2024-06-01.toml"
	run := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command(git, append([]string{"-C", data, "-c", "user.name=编辑", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("", "init", "-q")
	run("", "add", tracked)
	run("2024-06-05T10:00:00+08:00", "commit", "-q", "-m", "导入样本镇0001的通报")
	p := filepath.Join(data, filepath.FromSlash(tracked))
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte(`status_text = "已整改"`), []byte(`status_text = "已整改。"`), 1), 0o644)
	run("2024-06-20T09:30:00+08:00", "commit", "-q", "-am", "遮盖王小明的姓名和电话\n\n正文里的王小明也不应公开")

	build := func() string {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Build(context.Background(), Options{Root: root, Data: data, Out: out, Now: asOfFixture, Log: &logWriter{t: t}}); err != nil {
			t.Fatalf("build: %v", err)
		}
		return out
	}
	out := build()
	s := &fixtureSite{t: t, Dir: out}
	s.AssertFile("/shili/shilishi/shilixian/zhen0001/notices/2024-06-01/",
		"更正记录", "2024年6月5日", "数据文件修改：导入样本镇0001的通报", "2024年6月20日", "数据文件修改：遮盖王某某的姓名和电话", "! 王小明", "! 正文里")
	s.AssertFile("/shili/shilishi/shilixian/zhen0001/notices/2024-12-02/", "原因：原通报笔误", "! 数据文件修改")
	man := readFile(t, out, "/manifest.json")
	if n := len(regexp.MustCompile(`"commit": "[0-9a-f]{40}"`).FindAllString(man, -1)); n != 2 {
		t.Errorf("manifest.json lists %d commits, want 2", n)
	}
	for _, want := range []string{`"change": "遮盖王某某的姓名和电话"`, `"date": "2024-06-05"`, `"change": "第1个问题的整改状态由“正在整改中”更正为“已整改到位”"`} {
		if !strings.Contains(man, want) {
			t.Errorf("manifest.json lacks %s", want)
		}
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, _ := os.ReadFile(p); bytes.Contains(b, []byte("王小明")) {
				t.Errorf("%s holds the masked name", p)
			}
		}
		return err
	})

	// The same data and history build to the same bytes.
	again := build()
	for _, u := range []string{"/manifest.json", "/shili/shilishi/shilixian/zhen0001/notices/2024-06-01/index.html"} {
		if readFile(t, out, u) != readFile(t, again, u) {
			t.Errorf("%s differs between two builds", u)
		}
	}

	// Without git (or outside a work tree): only the tables.
	files, err := store.LoadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if h := gitHistories(files); len(h[0])+len(h[1])+len(h[2]) != 2 {
		t.Errorf("with git: %v", h)
	}
	t.Setenv("GONGSHI_GIT_HISTORY", "off")
	for _, h := range gitHistories(files) {
		if h != nil {
			t.Errorf("with GONGSHI_GIT_HISTORY=off: %v", h)
		}
	}
	t.Setenv("GONGSHI_GIT_HISTORY", "")
	t.Setenv("PATH", "")
	for _, h := range gitHistories(files) {
		if h != nil {
			t.Errorf("without git: %v", h)
		}
	}
}
