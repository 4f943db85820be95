// Package versioncmd is `gongshi version`: what this binary is, for a bug
// report or an IT department's inventory.
//
//	gongshi version [--json]
//
// It prints gongshi's version and commit (set by scripts/release.sh; a
// build from source says devel), the versions of the Hugo and Bleve it
// embeds, and the Go that built it with the platform:
//
//	gongshi v1.2.0 (commit 0123abc)
//	Hugo v0.165.0
//	Bleve v2.6.3
//	Go go1.26.8 windows/amd64
package versioncmd

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/buildinfo"
	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/i18n"
)

// Options are gongshi version's flags.
type Options struct {
	JSON bool // print the versions as one JSON object

	// Info is the binary's information; nil reads it (buildinfo.Read).
	// Tests set it.
	Info *buildinfo.Info
}

// Run prints the versions to io.Out in io.P's language.
func Run(io cli.IO, opts *Options) error {
	if opts == nil {
		opts = &Options{}
	}
	in := buildinfo.Read()
	if opts.Info != nil {
		in = *opts.Info
	}
	if opts.JSON {
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Version string `json:"version"`
			Commit  string `json:"commit"`
			Dirty   bool   `json:"dirty,omitempty"`
			Hugo    string `json:"hugo"`
			Bleve   string `json:"bleve"`
			Go      string `json:"go"`
			OS      string `json:"os"`
			Arch    string `json:"arch"`
		}{in.Version, in.Commit, in.Dirty, in.Hugo, in.Bleve, in.Go, in.OS, in.Arch})
	}
	p := io.P
	if p == nil {
		p = i18n.NewPrinter(false)
	}
	commit := in.Commit
	if commit == buildinfo.Unknown {
		commit = p.Sprintf("unknown")
	} else if in.Dirty {
		commit += "+"
	}
	unknown := func(v string) string {
		if v == buildinfo.Unknown {
			return p.Sprintf("unknown")
		}
		return v
	}
	lines := []string{
		p.Sprintf("gongshi %s (commit %s)", in.Version, commit),
		p.Sprintf("Hugo %s", unknown(in.Hugo)),
		p.Sprintf("Bleve %s", unknown(in.Bleve)),
		p.Sprintf("Go %s %s/%s", in.Go, in.OS, in.Arch),
	}
	_, err := fmt.Fprint(io.Out, strings.Join(lines, "\n")+"\n")
	return err
}

// NewCmdVersion is `gongshi version`; runF, when not nil, is run instead
// of printing.
func NewCmdVersion(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	cmd := &cobra.Command{
		Use:               "version [--json]",
		Short:             f.T("Print gongshi's version and the Hugo, Bleve and Go it was built with"),
		Args:              cmdutil.NoArgs,
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(o)
			}
			return Run(f.IO, o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, f.T("print the versions as one JSON object"))
	return cmd
}
