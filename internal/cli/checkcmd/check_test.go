package checkcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// sample is a valid notice of a fictitious township.
func sample(township, slug string, signed notice.Date, findings int) *notice.Notice {
	n := &notice.Notice{
		Title:  "中共" + township + "委员会关于巡察整改进展情况的通报",
		Issuer: "中共" + township + "委员会",
		Signed: signed,
		Region: notice.Region{
			Province: "示例省", ProvinceSlug: "shilisheng", City: "示例市", CitySlug: "shilishi",
			County: "示例县", CountySlug: "shilixian", Township: township, TownshipSlug: slug,
		},
		Inspection: notice.Inspection{Start: "2023-07-03"},
	}
	for i := 1; i <= findings; i++ {
		n.Findings = append(n.Findings, notice.Finding{
			Number: i, Title: "示例问题。", Status: notice.StatusDone, StatusText: "已整改",
		})
	}
	return n
}

func writeNotice(t *testing.T, dir string, n *notice.Notice) string {
	t.Helper()
	p := filepath.Join(dir, store.RelPath(n))
	if err := store.Write(p, n, false); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb}, args)
	return cli.Code(err), out.String(), errb.String(), err
}

func TestRun(t *testing.T) {
	_, help, _, _ := run(t, "--help") // the help, on stdout (cmd_test.go tests its text)
	clean := t.TempDir()
	writeNotice(t, clean, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 59))

	two := t.TempDir()
	writeNotice(t, two, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 2))
	writeNotice(t, two, sample("样本镇0002", "yangbenzhen0002", "2024-12-02", 1))

	broken := t.TempDir()
	writeNotice(t, broken, sample("样本镇0001", "yangbenzhen0001", "2024-06-01", 1))
	p := writeNotice(t, broken, sample("样本镇0002", "yangbenzhen0002", "2024-12-02", 2))
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`status = "done"`), []byte(`stauts = "done"`), 1)
	src = bytes.Replace(src, []byte(`number = 2`), []byte(`number = 3`), 1)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}

	empty := t.TempDir()

	// A folder named like a data file, beside a clean one: refused, not
	// skipped.
	folder := t.TempDir()
	writeNotice(t, folder, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 1))
	folderToml := filepath.Join(folder, "shilisheng", "shilishi", "shilixian", "yangbenzhen0001", "2025-01-01.toml")
	if err := os.Mkdir(folderToml, 0o755); err != nil {
		t.Fatal(err)
	}
	// A data file that is a link to nothing, and a data folder that is.
	danglingFile := t.TempDir()
	writeNotice(t, danglingFile, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 1))
	linkToml := filepath.Join(danglingFile, "2025-01-01.toml")
	if err := os.Symlink(filepath.Join(empty, "gone.toml"), linkToml); err != nil {
		t.Fatal(err)
	}
	danglingDir := filepath.Join(t.TempDir(), "data")
	if err := os.Symlink(filepath.Join(empty, "gone"), danglingDir); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name       string
		args       []string
		code       int
		stdout     string // exact
		stderr     string // contained
		errMessage string // contained in the error, "" for none
		silent     bool
	}{
		{name: "clean", args: []string{"--data", clean}, code: 0,
			stdout: "checked 1 notice, 59 findings in " + clean + ": ok\n"},
		{name: "plural", args: []string{"-data=" + two}, code: 0,
			stdout: "checked 2 notices, 3 findings in " + two + ": ok\n"},
		{name: "problems", args: []string{"--data", broken}, code: 1,
			stdout: p + ":27:1: findings[1].status is missing\n" +
				p + ":35:1: unknown key findings[1].stauts (did you mean status?)\n" +
				p + ":40:1: findings[2].number is 3, but 2 is missing: the first notice on an inspection numbers its findings 1, 2, 3 … without gaps (a later notice may list only the findings it updates)\n",
			errMessage: "3 problems in 1 of 2 files under " + broken},
		{name: "missing folder", args: []string{"--data", filepath.Join(empty, "nope")}, code: 1,
			errMessage: "data folder " + filepath.Join(empty, "nope") + " does not exist"},
		{name: "a folder named like a data file", args: []string{"--data", folder}, code: 1,
			stdout:     folderToml + ": a folder, not a data file: a data file is a regular file named ….toml\n",
			errMessage: "1 problem in 1 of 2 files under " + folder},
		{name: "a dangling data file", args: []string{"--data", danglingFile}, code: 1,
			stdout:     linkToml + ": a symbolic link whose target " + filepath.Join(empty, "gone.toml") + " is missing: a data file must be a regular file\n",
			errMessage: "1 problem in 1 of 2 files under " + danglingFile},
		{name: "a dangling data folder", args: []string{"--data", danglingDir}, code: 1,
			errMessage: "data folder " + danglingDir + " is a symbolic link whose target " + filepath.Join(empty, "gone") + " is missing"},
		{name: "empty folder", args: []string{"--data", empty}, code: 1,
			errMessage: "no data files (*.toml) under " + empty},
		{name: "extra argument", args: []string{"--data", clean, "x.toml"}, code: 2,
			errMessage: `this command takes no arguments, but was given "x.toml"`},
		{name: "bad flag", args: []string{"--bogus"}, code: 2,
			errMessage: "unknown flag --bogus"},
		{name: "help", args: []string{"-h"}, code: 0, stdout: help},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr, err := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (err %v)", code, tc.code, err)
			}
			if stdout != tc.stdout {
				t.Errorf("stdout\n%s\nwant\n%s", stdout, tc.stdout)
			}
			if !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tc.stderr)
			}
			if tc.errMessage == "" && err != nil && !tc.silent {
				t.Errorf("error %v", err)
			}
			if tc.errMessage != "" && (err == nil || !strings.Contains(err.Error(), tc.errMessage)) {
				t.Errorf("error %v, want one containing %q", err, tc.errMessage)
			}
			if ee, ok := err.(*cli.ExitError); ok && ee.Silent != tc.silent {
				t.Errorf("silent %v, want %v", ee.Silent, tc.silent)
			}
		})
	}
}

// TestDefaultFolder: without --data, check reads ./data.
func TestDefaultFolder(t *testing.T) {
	wd := t.TempDir()
	writeNotice(t, filepath.Join(wd, "data"), sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 3))
	t.Chdir(wd)
	code, stdout, _, err := run(t)
	if code != 0 || stdout != "checked 1 notice, 3 findings in data: ok\n" {
		t.Errorf("exit %d, stdout %q, err %v", code, stdout, err)
	}
}
