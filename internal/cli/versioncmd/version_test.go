package versioncmd

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/gongshi/gongshi/internal/buildinfo"
	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
)

func TestRun(t *testing.T) {
	release := buildinfo.Info{Version: "v1.2.0", Commit: "abc1234", Hugo: "v0.165.0", Bleve: "v2.6.3", Go: "go1.26.8", OS: "windows", Arch: "amd64"}
	devel := buildinfo.Info{Version: "devel", Commit: buildinfo.Unknown, Hugo: "v0.165.0", Bleve: "v2.6.3", Go: "go1.26.8", OS: "linux", Arch: "arm64"}
	dirty := devel
	dirty.Commit, dirty.Dirty = "0123456", true
	tests := []struct {
		name string
		zh   bool
		info buildinfo.Info
		want string
	}{
		{"release en", false, release, "gongshi v1.2.0 (commit abc1234)\nHugo v0.165.0\nBleve v2.6.3\nGo go1.26.8 windows/amd64\n"},
		{"release zh", true, release, "gongshi v1.2.0（提交 abc1234）\nHugo v0.165.0\nBleve v2.6.3\nGo go1.26.8 windows/amd64\n"},
		{"devel zh", true, devel, "gongshi devel（提交 未知）\nHugo v0.165.0\nBleve v2.6.3\nGo go1.26.8 linux/arm64\n"},
		{"dirty en", false, dirty, "gongshi devel (commit 0123456+)\nHugo v0.165.0\nBleve v2.6.3\nGo go1.26.8 linux/arm64\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			info := tt.info
			err := Run(cli.IO{Out: &out, P: i18n.NewPrinter(tt.zh)}, &Options{Info: &info})
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tt.want)
			}
		})
	}
}

func TestRunJSON(t *testing.T) {
	info := buildinfo.Info{Version: "v1.2.0", Commit: "abc1234", Hugo: "v0.165.0", Bleve: "v2.6.3", Go: "go1.26.8", OS: "linux", Arch: "loong64"}
	var out bytes.Buffer
	if err := Run(cli.IO{Out: &out}, &Options{JSON: true, Info: &info}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	for k, v := range map[string]string{"version": "v1.2.0", "commit": "abc1234", "hugo": "v0.165.0", "bleve": "v2.6.3", "go": "go1.26.8", "os": "linux", "arch": "loong64"} {
		if got[k] != v {
			t.Errorf("%s = %v, want %q", k, got[k], v)
		}
	}
}

// TestRunReadsThisBinary: without Info, Run reads the binary's own
// information (the Go version is always there).
func TestRunReadsThisBinary(t *testing.T) {
	var out bytes.Buffer
	if err := Run(cli.IO{Out: &out}, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Bytes(), []byte("Go go1.")) {
		t.Errorf("no Go version in %q", out.String())
	}
}
