// Package buildinfo says what a gongshi binary is: its version and commit
// (set by the release build, scripts/release.sh, with -ldflags -X), the
// versions of the Hugo and Bleve it embeds and of the Go that built it
// (read from the binary's own build information).
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Set by the release build:
//
//	-ldflags "-X github.com/gongshi/gongshi/internal/buildinfo.version=v1.2.0
//	          -X github.com/gongshi/gongshi/internal/buildinfo.commit=0123abc"
var (
	version string
	commit  string
)

// Module paths of the embedded programs.
const (
	HugoModule  = "github.com/gohugoio/hugo"
	BleveModule = "github.com/blevesearch/bleve/v2"
)

// Unknown stands for what the binary does not say.
const Unknown = "unknown"

// Info is what a binary says of itself.
type Info struct {
	Version string // gongshi's version: v1.2.0, or "devel" for a build from source
	Commit  string // the commit it was built from, or Unknown
	Dirty   bool   // built from a work tree with changes (go build's vcs.modified)
	Hugo    string // the embedded Hugo's module version, or Unknown
	Bleve   string // the embedded Bleve's module version, or Unknown
	Go      string // the Go that built it (go1.26.8)
	OS      string // GOOS
	Arch    string // GOARCH
}

// Read is this binary's Info.
func Read() Info {
	bi, _ := debug.ReadBuildInfo()
	return From(bi, version, commit)
}

// From is the Info of the build information bi (nil: none) and the
// version and commit set at link time (empty: not set). A version or
// commit set at link time wins over what go build recorded.
func From(bi *debug.BuildInfo, ldVersion, ldCommit string) Info {
	in := Info{Version: "devel", Commit: Unknown, Hugo: Unknown, Bleve: Unknown,
		Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if bi != nil {
		if bi.GoVersion != "" {
			in.Go = bi.GoVersion
		}
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			in.Version = v
		}
		for _, d := range bi.Deps {
			v := d.Version
			if d.Replace != nil {
				v = d.Replace.Version
				if v == "" {
					v = "=> " + d.Replace.Path
				}
			}
			switch d.Path {
			case HugoModule:
				in.Hugo = v
			case BleveModule:
				in.Bleve = v
			}
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				in.Commit = s.Value
			case "vcs.modified":
				in.Dirty = s.Value == "true"
			case "GOOS":
				in.OS = s.Value
			case "GOARCH":
				in.Arch = s.Value
			}
		}
	}
	if ldVersion = strings.TrimSpace(ldVersion); ldVersion != "" {
		in.Version = ldVersion
	}
	if ldCommit = strings.TrimSpace(ldCommit); ldCommit != "" {
		in.Commit = ldCommit
		in.Dirty = false
	}
	return in
}
