package checkcmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// Options is what `gongshi check` is asked to do.
type Options struct {
	IO      cli.IO
	Ctx     context.Context
	DataDir string // --data: the data folder to check
	Root    string // --root: the project folder (its config.toml names the originals' folders)
}

// NewCmdCheck is `gongshi check`; runF, when not nil, is run instead of
// the check (a test sees the Options a command line gives).
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("check [--data FOLDER] [--root FOLDER]"),
		Short:             f.T("Validate every data file"),
		Long:              f.T("Checks every data file under the data folder; prints each problem as path:line:col: message, and exits 1 if there is one."),
		Args:              cmdutil.NoArgs,
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, _ []string) error {
			o.Ctx = cmdutil.Context(c.Context())
			if runF != nil {
				return runF(o)
			}
			return runCheck(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.DataDir, "data", "data", f.T("the data `folder` to check"))
	cmdutil.Folders(cmd, "data", "root")
	fl.StringVar(&o.Root, "root", ".", f.T("the project `folder`, whose config.toml names the folders originals may lie in ([params] originals, default seeds)"))
	return cmd
}

// Run runs `gongshi check` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdCheck(f, nil), args)
}
