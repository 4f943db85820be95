package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
)

// syncBuffer is a buffer serve may write to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// english finds a run of three English words; echo takes out what a line
// echoes rather than says: quoted text, paths and file names, URLs,
// bracketed keys ([[redact]], [unplaced]), flag names and the notice's
// own (Chinese) text.
var (
	english = regexp.MustCompile(`(?i)\b[a-z]{2,}[ -][a-z]{2,} [a-z]{2,}\b`)
	echo    = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'[^']*'|https?://\S+|\S*/\S*|\S+\.(?:txt|html|docx|toml|csv|json|xml)\b|\[[^]]*\]|--?[a-z][a-z-]*`)
)

// TestNoEnglishLeft runs every command's usual and unusual paths under
// LANG=zh_CN.UTF-8 through the same boundary as the gongshi binary (runCtx):
// import of the bundled notice (its one-file report) and of a folder (the
// bulk report), check on clean and on bad data, build, search, serve's
// startup lines, each -h and usage error. No line of the output may still
// hold an English sentence (three English words in a row), but for data
// echoes: paths, quoted text, URLs, JSON and CSV on stdout.
// Every line is built in the reader's language where it is printed (no
// translation back from English): help and wrong command lines are held
// by TestChineseHelpAndUsage too.
func TestNoEnglishLeft(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice")
	}
	tmp := t.TempDir()
	seed := filepath.Join("..", "..", "seeds", "000_e336554de99f7c35.txt")
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(tmp, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "a.txt"), src, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), src, 0o644)                     // the same notice: already exists
	os.WriteFile(filepath.Join(in, "c.txt"), []byte("hello world\n"), 0o644) // not a notice
	os.WriteFile(filepath.Join(in, "d.html"), []byte("<html><body><p>中共某某镇委员会关于巡察整改进展情况的通报</p><p>1.问题。整改情况：已整改。</p></body></html>"), 0o644)
	bad := filepath.Join(tmp, "bad")
	for rel, body := range map[string]string{
		"x/a.toml":         "title = \"t\"\n",
		"x/b.toml":         "title = 3\nsigned = \"2024\"\nnosuch = 1\n[region\n",
		"shili/c.toml":     "title = \"t\"\nissuer = \"i\"\nsigned = 2024-01-02\n[[findings]]\nnumber = 0\ntitle = \"x\"\nstatus = \"maybe\"\nstatus_text = \"\"\n[[redact]]\ntext = \"无此人\"\n",
		"shili/d/e/f.toml": "title = \"t\"\nissuer = \"i\"\nsigned = 2024-01-03\n[inspection]\nstart = 2024-05-01\n[[findings]]\nnumber = 1\ntitle = \"x\"\nstatus = \"done\"\nstatus_text = \"已整改\"\nrectification = \"村民张三因故被拘留，电话13912345678\"\n",
	} {
		p := filepath.Join(bad, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	data, site := filepath.Join(tmp, "data"), filepath.Join(tmp, "public")
	region := []string{"--region", "福建省/莆田市/仙游县/郊尾镇"}
	runs := [][]string{
		nil, {"help"}, {"nosuch"},
		{"import", "-h"}, {"check", "-h"}, {"build", "-h"}, {"serve", "-h"}, {"search", "-h"},
		{"import"}, {"import", "--nosuch"}, {"import", "no-such-file.txt"}, {"import", in + "/c.txt"},
		{"check", "extra"}, {"check", "--nosuch"}, {"build", "extra"}, {"search"}, {"serve", "extra"},
		append([]string{"import", seed, "--data", data}, region...),
		append([]string{"import", seed, "--data", data}, region...), // already exists
		append([]string{"import", seed, "--data", data, "--force", "--unit-kind", "village"}, region...),
		append([]string{"import", in, "--data", filepath.Join(tmp, "bulk")}, region...),
		{"check", "--data", data}, {"check", "--data", bad}, {"check", "--data", filepath.Join(tmp, "nowhere")},
		{"build", "--root", "../..", "--data", bad, "--out", site},
		{"build", "--root", "../..", "--data", data, "--out", site},
		{"search", "信访", "--site", site}, {"search", "没有这个词语", "--site", site},
		{"search", "信访", "--site", site, "--status", "maybe"}, {"search", "信访", "--site", filepath.Join(tmp, "nowhere")},
	}
	zh := func(k string) string {
		if k == "LANG" {
			return "zh_CN.UTF-8"
		}
		return ""
	}
	check := func(args []string, all string) {
		for _, line := range strings.Split(all, "\n") {
			if english.MatchString(echo.ReplaceAllString(line, "")) {
				t.Errorf("gongshi %s: %s", strings.Join(args, " "), line)
			}
		}
	}
	for _, args := range runs {
		var out, errb bytes.Buffer
		runCtx(context.Background(), args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, zh)
		check(args, out.String()+errb.String())
	}

	// serve: its startup lines, then stopped (as by Ctrl-C).
	args := []string{"serve", "--root", "../..", "--data", data, "--out", filepath.Join(tmp, "served"), "--addr", "127.0.0.1:0"}
	var out, errb syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		runCtx(ctx, args, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, zh)
	}()
	for deadline := time.Now().Add(2 * time.Minute); !strings.Contains(out.String(), "/review/") && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(out.String(), "审核导入") {
		t.Errorf("serve did not start:\n%s\n%s", out.String(), errb.String())
	}
	check(args, out.String()+errb.String())
}
