package importcmd

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/notice"
)

// longHelp is import's help (a key of the catalog).
const longHelp = `Reads notices (plain text in UTF-8, UTF-16 or GB18030, HTML pages, .docx,
PDF with a text layer; .doc, .wps and .rtf through LibreOffice;
a folder stands for the notices in it), writes one data file each,
data/<province>/<city>/<county>/<unit>/<signed>.toml, and prints a report:
for one file, what went where; for several, a line per file and a total.
It goes on past a file that fails, and exits 1 if any failed.
It writes no file that gongshi check refuses, and none whose findings
read are under 90 %% or over 110 %% of the problems the notice states
(--accept-mismatch writes it anyway). Flags may come before, between or
after the files.`

// NewCmdImport is `gongshi import`; runF, when not nil, is run instead of
// the import (a test sees the Options a command line gives).
func NewCmdImport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:   f.T("import FILE|FOLDER… [flags]"),
		Short: f.T("Import notices (text, HTML, .docx, PDF) into data files"),
		Long:  f.T(longHelp),
		Args:  cmdutil.MinArgs(1, "give at least one FILE or FOLDER"),
		RunE: func(c *cobra.Command, args []string) error {
			o.Ctx, o.Files = cmdutil.Context(c.Context()), args
			if err := o.request().Check(); err != nil {
				return &cmdutil.FlagError{Err: err}
			}
			if runF != nil {
				return runF(o)
			}
			return run(o.Ctx, o.IO, o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Region, "region", "", f.T("the region as `省/市/县/镇`, e.g. 福建省/莆田市/仙游县/郊尾镇; for a county department 省/市/县 (empty parts: from the text or config)"))
	fl.StringVar(&o.Slugs, "slugs", "", f.T("the region's slugs as `a/b/c/d` (empty parts: from pinyin)"))
	fl.StringVar(&o.Unit, "unit", "", f.T("the inspected unit's `name` where the text does not give it (区文旅体局, 示例村)"))
	fl.StringVar(&o.UnitKind, "unit-kind", "", f.T("the unit's `kind`: township, village, department, school, enterprise, or region (a summary over several units)"))
	fl.StringVar(&o.UnitSlug, "unit-slug", "", f.T("the unit's `slug` (default: from pinyin)"))
	fl.StringVar(&o.SourceURL, "source-url", "", f.T("the `URL` the notice was published at"))
	fl.StringVar(&o.DataDir, "data", "data", f.T("the data `folder`"))
	fl.StringVar(&o.ConfigPath, "config", "config.toml", f.T("the site `config`; its [params.publisher] gives region defaults (a missing file gives none)"))
	fl.StringVar(&o.Title, "title", "", f.T("the notice's `title` where the text has none (a data file must have one)"))
	fl.BoolVar(&o.AcceptMismatch, "accept-mismatch", false, f.T("write a notice whose findings read are under 90 %% or over 110 %% of the problems it states"))
	fl.BoolVar(&o.Force, "force", false, f.T("overwrite an existing data file"))
	fl.StringVar(&o.Layout, "layout", "", f.T("read with the layout profile `NAME` (data/layouts/NAME.toml; default: the profile whose issuer the text names)"))
	fl.BoolVar(&o.JSON, "json", false, f.T("write nothing; for one file print the notice as JSON (the report goes to stderr); for several, the report as JSON"))
	cmdutil.Folders(cmd, "data")
	var kinds []string
	for _, k := range notice.UnitKinds {
		kinds = append(kinds, string(k))
	}
	cmdutil.Complete(cmd, "unit-kind", kinds...)
	return cmd
}

// Run runs `gongshi import` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdImport(f, nil), args)
}
