package deploycmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// Options is what `gongshi deploy` is asked to do.
type Options struct {
	IO         cli.IO
	Ctx        context.Context
	Root       string // --root: the project folder (its config.toml has [deployment])
	Out        string // --out: the built site (default ROOT/public)
	Target     string // --target: the deployment target (default the first)
	DryRun     bool
	Force      bool
	MaxDeletes int
}

// longHelp is deploy's help (a key of the catalog).
const longHelp = `Uploads the built site (--out, default ROOT/public) to a target of
config.toml's [deployment] (default the first) with the embedded Hugo's
deploy: only files whose MD5 differs from the target's are uploaded, files the
site no longer has are deleted (at most --max-deletes). Build gongshi with
-tags withdeploy for this command.`

// NewCmdDeploy is `gongshi deploy`; runF, when not nil, is run instead of
// the upload.
func NewCmdDeploy(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("deploy [--root FOLDER] [--out FOLDER] [--target NAME] [--dry-run] [--force] [--max-deletes N]"),
		Short:             f.T("Upload what changed to a target of config.toml's [deployment]"),
		Long:              f.T(longHelp),
		Args:              cmdutil.NoArgs,
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, _ []string) error {
			o.Ctx = cmdutil.Context(c.Context())
			if runF != nil {
				return runF(o)
			}
			return runDeploy(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Root, "root", ".", f.T("the project `folder` (its config.toml has [deployment])"))
	fl.StringVar(&o.Out, "out", "", f.T("the built site `folder` (default ROOT/public)"))
	fl.StringVar(&o.Target, "target", "", f.T("the deployment target's `name` (default the first)"))
	fl.BoolVar(&o.DryRun, "dry-run", false, f.T("say what would be uploaded and deleted, change nothing"))
	fl.BoolVar(&o.Force, "force", false, f.T("upload every file"))
	fl.IntVar(&o.MaxDeletes, "max-deletes", 256, f.T("the most files to delete on the target, -1 for no limit"))
	cmdutil.Folders(cmd, "root", "out")
	return cmd
}

// Run runs `gongshi deploy` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdDeploy(f, nil), args)
}
