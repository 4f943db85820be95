package buildcmd

import (
	"context"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site"
)

// Options is what `gongshi build` is asked to do.
type Options struct {
	IO   cli.IO
	Ctx  context.Context
	Site site.Options // the build, from the flags (SiteFlags, SiteDefaults)
}

// longHelp is build's help (a key of the catalog).
const longHelp = `Checks every data file (a problem stops the build), renders the site with the
embedded Hugo into a folder beside --out, writes the CSV/JSON downloads, feeds,
sitemap, manifest and search index, and only then swaps it into place: a failed
or interrupted build leaves the previous site as it was.

"Today" (the site's "as of" date and the overdue flags; the files' times) is
SOURCE_DATE_EPOCH when set, so two builds of the same data give identical trees.

A build is incremental: the build cache (.gongshi-cache/NAME beside --out)
keeps the content hashes of the previous build, and only the pages of the
units whose data changed are rendered again; the rest is taken from the
previous site. --no-cache renders everything. The paths added, changed and
removed since the previous site are listed in the cache folder (changes.json,
upload.txt, delete.txt).

Builds of one site folder take turns (gongshi serve's too): a second build
waits for the first, saying once which build it waits for; with --no-wait it
refuses instead (exit status 1).

--part builds part of the site for a split build: unit path prefixes
(fujian/putian) and :site (home, regions, downloads, search index); put the
parts together with gongshi merge.`

// NewCmdBuild is `gongshi build`; runF, when not nil, is run instead of
// the build.
func NewCmdBuild(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("build [--root FOLDER] [--data FOLDER] [--out FOLDER] [--no-cache] [--cache FOLDER] [--no-wait] [--part P,…]"),
		Short:             f.T("Check the data, render the site with Hugo and index it"),
		Long:              f.T(longHelp),
		Args:              cmdutil.NoArgs,
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, _ []string) error {
			o.Ctx = cmdutil.Context(c.Context())
			if err := SiteDefaults(o.IO, &o.Site); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return runBuild(o)
		},
	}
	SiteFlags(f, cmd.Flags(), &o.Site)
	cmdutil.Folders(cmd, "root", "data", "out", "cache")
	return cmd
}

// SiteFlags are the flags build and serve share.
func SiteFlags(f *cmdutil.Factory, fs *pflag.FlagSet, o *site.Options) {
	fs.StringVar(&o.Root, "root", ".", f.T("the project `folder`: config.toml, content/, layouts/, static/, seeds/"))
	fs.StringVar(&o.Data, "data", "", f.T("the data `folder` (default ROOT/data)"))
	fs.StringVar(&o.Out, "out", "", f.T("the site `folder` to replace (default ROOT/public)"))
	fs.StringVar(&o.Cache, "cache", "", f.T("the build cache `folder` (default .gongshi-cache/NAME beside --out)"))
	fs.BoolVar(&o.NoCache, "no-cache", false, f.T("render every page (the cache is written again)"))
	fs.BoolVar(&o.NoWait, "no-wait", false, f.T("when another build of the site folder runs, refuse rather than wait for it"))
	fs.StringArrayVar(&o.Parts, "part", nil, f.T("build only `parts` of the site for gongshi merge: unit path prefixes (fujian/putian) and :site, comma-separated"))
}

// SiteDefaults completes the flags' build options: the data and site
// folders under --root, "today" (SOURCE_DATE_EPOCH, a wrong one exits 2);
// progress goes to io.Err.
func SiteDefaults(io cli.IO, o *site.Options) error {
	if o.Data == "" {
		o.Data = o.Root + string(os.PathSeparator) + "data"
	}
	if o.Out == "" {
		o.Out = o.Root + string(os.PathSeparator) + "public"
	}
	now, err := Now(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return cli.Usage("%s", err)
	}
	o.Now, o.Log = now, i18n.Logger{Writer: io.Err, P: io.P}
	return nil
}

// Run runs `gongshi build` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdBuild(f, nil), args)
}
