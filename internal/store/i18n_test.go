package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// TestErrorsInChinese: the data files' refusals (a folder, a pipe, a
// dangling link, a file too large), a re-import's refusals and an
// existing file print in Chinese without an English word, paths and the
// file's own values excepted.
func TestErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "p.toml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, make([]byte, store.MaxFileSize+1), 0o644)
	os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "link.toml"))
	var errs []error
	for _, p := range []string{dir, pipe, big, filepath.Join(dir, "link.toml")} {
		_, err := store.ReadFile(p)
		errs = append(errs, err)
	}
	n := &notice.Notice{Title: "示例", Withdrawn: notice.Withdrawal{Date: "2024-01-01", Reason: "重复"}}
	for _, old := range []string{"title = [", "nosuch = 1\n", "[withdrawn]\ndate = 2024-02-02\nreason = \"另一个\"\n", "[[redact]]\ntext = \"王某\"\nmask = \"某\"\n"} {
		_, err := store.Carry([]byte(old), n)
		errs = append(errs, err)
	}
	p := filepath.Join(dir, "a", "x.toml")
	store.Write(p, n, false)
	errs = append(errs, store.Write(p, n, false))
	zh := i18n.NewPrinter(true)
	for _, err := range errs {
		if err == nil {
			t.Error("no error")
			continue
		}
		s := i18n.Localize(zh, err)
		if s == err.Error() {
			t.Errorf("not in Chinese: %s", s)
		}
		// The TOML library's own words (a re-import of a file it cannot
		// read) are quoted as they are.
		s, _, _ = strings.Cut(s, "toml: ")
		if w := i18ntest.English(s, append(i18ntest.NoticeKeys(), dir, "nosuch")...); len(w) > 0 {
			t.Errorf("English %q in the Chinese %q", w, s)
		}
	}
}
