package buildinfo

import (
	"runtime/debug"
	"testing"
)

// goVersionM is build information as `go version -m` prints it for a
// release binary (trimmed).
const goVersionM = `go	go1.26.8
path	github.com/gongshi/gongshi/cmd/gongshi
mod	github.com/gongshi/gongshi	(devel)	
dep	github.com/blevesearch/bleve/v2	v2.6.3	h1:AAAA
dep	github.com/gohugoio/hugo	v0.165.0	h1:BBBB
dep	golang.org/x/text	v0.44.0	h1:CCCC
build	-trimpath=true
build	CGO_ENABLED=0
build	GOARCH=loong64
build	GOOS=linux
build	vcs=git
build	vcs.revision=0123456789abcdef
build	vcs.modified=true
`

func TestFrom(t *testing.T) {
	parsed, err := debug.ParseBuildInfo(goVersionM)
	if err != nil {
		t.Fatal(err)
	}
	replaced := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/gongshi/gongshi", Version: "v1.0.0"},
		Deps: []*debug.Module{
			{Path: HugoModule, Version: "v0.165.0", Replace: &debug.Module{Path: "../hugo"}},
			{Path: BleveModule, Version: "v2.6.3", Replace: &debug.Module{Path: "example.org/bleve", Version: "v2.6.4"}},
		},
	}
	tests := []struct {
		name             string
		bi               *debug.BuildInfo
		ldVer, ldCommit  string
		version, commit  string
		dirty            bool
		hugo, bleve, gov string
		os, arch         string
	}{
		{"from go build's record", parsed, "", "", "devel", "0123456789abcdef", true, "v0.165.0", "v2.6.3", "go1.26.8", "linux", "loong64"},
		{"release ldflags win", parsed, "v1.2.0", "abc1234", "v1.2.0", "abc1234", false, "v0.165.0", "v2.6.3", "go1.26.8", "linux", "loong64"},
		{"replaced modules", replaced, "", "", "v1.0.0", Unknown, false, "=> ../hugo", "v2.6.4", "go1.26.8", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := From(tt.bi, tt.ldVer, tt.ldCommit)
			if in.Version != tt.version || in.Commit != tt.commit || in.Dirty != tt.dirty || in.Hugo != tt.hugo || in.Bleve != tt.bleve || in.Go != tt.gov {
				t.Errorf("From = %+v, want version %q commit %q dirty %v hugo %q bleve %q go %q", in, tt.version, tt.commit, tt.dirty, tt.hugo, tt.bleve, tt.gov)
			}
			if tt.os != "" && (in.OS != tt.os || in.Arch != tt.arch) {
				t.Errorf("platform %s/%s, want %s/%s", in.OS, in.Arch, tt.os, tt.arch)
			}
		})
	}
}

// TestFromNothing: a binary without build information says unknown, not
// an empty string or a made-up version.
func TestFromNothing(t *testing.T) {
	in := From(nil, "", "")
	if in.Version != "devel" || in.Commit != Unknown || in.Hugo != Unknown || in.Bleve != Unknown || in.Go == "" {
		t.Errorf("From(nil) = %+v", in)
	}
}
