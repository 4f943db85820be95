package servecmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/buildcmd"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/console"
	"github.com/gongshi/gongshi/internal/site"
)

// Options is what `gongshi serve` is asked to do.
type Options struct {
	IO   cli.IO
	Ctx  context.Context
	Site site.Options // the builds (the flags build has)
	Addr string       // --addr: where to listen
	Open bool         // --open: open the site in the browser once it is up
}

// longHelp is serve's help (a key of the catalog).
const longHelp = `Builds the site (as gongshi build), serves it at the address with GET
/api/search over its search index, and rebuilds when a file under the data
folder, content/, layouts/, static/ or config.toml changes (checked 4 times
a second; the rebuild is incremental, see gongshi build). Text is sent
gzipped to clients that take it, with Cache-Control: no-cache and an ETag.
A failed rebuild prints its errors and keeps serving the last
good site. Editors review imports at /review/ (this computer only: never
serve it on a public address). Ctrl-C stops.`

// NewCmdServe is `gongshi serve`; runF, when not nil, is run instead of
// serving.
func NewCmdServe(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("serve [--addr 127.0.0.1:1313] [--root FOLDER] [--data FOLDER] [--out FOLDER]"),
		Short:             f.T("Build, then preview the site on this computer (and review imports at /review/)"),
		Long:              f.T(longHelp),
		Args:              cmdutil.NoArgs,
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, _ []string) error {
			o.Ctx = cmdutil.Context(c.Context())
			// serve's own folder, not build's public/ (preview.go)
			usePreview(&o.Site, c.Flags().Changed("out"), c.Flags().Changed("cache"))
			if err := buildcmd.SiteDefaults(o.IO, &o.Site); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return runServe(o)
		},
	}
	buildcmd.SiteFlags(f, cmd.Flags(), &o.Site)
	cmdutil.Folders(cmd, "root", "data", "out", "cache")
	cmd.Flags().Lookup("out").Usage = f.T("the preview's site `folder` (default ROOT/.gongshi/preview: never gongshi build's)")
	cmd.Flags().BoolVar(&o.Open, "open", console.StartedByDoubleClick(), f.T("open the site in the browser once it is up (default: when gongshi was started by a double-click)"))
	cmd.Flags().StringVar(&o.Addr, "addr", "127.0.0.1:1313", f.T("the `address` to listen on"))
	return cmd
}

// Run runs `gongshi serve` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdServe(f, nil), args)
}
