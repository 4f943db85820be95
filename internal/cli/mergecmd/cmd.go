package mergecmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// Options is what `gongshi merge` is asked to do.
type Options struct {
	IO    cli.IO
	Ctx   context.Context
	Out   string   // --out: the site folder to replace
	Parts []string // the parts' folders
}

// longHelp is merge's help (a key of the catalog).
const longHelp = `Puts the folders of a split build's parts (gongshi build --part … --out PART)
together into --out, as one gongshi build of the same data writes it, and
swaps the result into place. Every unit must be in exactly one part, one part
must be :site, and all parts must come from the same data, templates, program
and SOURCE_DATE_EPOCH. Files are hard-linked where the parts share a file
system with --out, else copied.`

// NewCmdMerge is `gongshi merge`; runF, when not nil, is run instead of
// the merge.
func NewCmdMerge(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("merge --out FOLDER PART…"),
		Short:             f.T("Put the parts of a split build together"),
		Long:              f.T(longHelp),
		Args:              cmdutil.MinArgs(1, "give the PART folders to merge"),
		ValidArgsFunction: cmdutil.FolderArgs,
		RunE: func(c *cobra.Command, args []string) error {
			o.Ctx, o.Parts = cmdutil.Context(c.Context()), args
			if runF != nil {
				return runF(o)
			}
			return runMerge(o)
		},
	}
	cmd.Flags().StringVar(&o.Out, "out", "public", f.T("the site `folder` to replace"))
	cmdutil.Folders(cmd, "out")
	return cmd
}

// Run runs `gongshi merge` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdMerge(f, nil), args)
}
