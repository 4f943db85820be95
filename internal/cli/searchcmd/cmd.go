package searchcmd

import (
	"context"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search"
)

// Options is what `gongshi search` is asked to do.
type Options struct {
	IO      cli.IO
	Ctx     context.Context
	Words   []string // the query, in words (joined by spaces)
	Site    string   // --site: the built site
	Filters search.Filters
	Size    int
	From    int
	JSON    bool
	CSV     bool
	Timeout time.Duration
}

// NewCmdSearch is `gongshi search`; runF, when not nil, is run instead of
// the search.
func NewCmdSearch(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{IO: f.IO}
	cmd := &cobra.Command{
		Use:               f.T("search QUERY [--site FOLDER] [--township …] [--unit …] [--unit-kind …] [--status …] [--year …] [--timeout 5s] [--json|--csv]"),
		Short:             f.T("Query the built site's search index"),
		Long:              f.T("Searches the index a build wrote into the site folder. QUERY is in Bleve's query-string syntax: words, \"a phrase\", +must, -not; flags may come before or after it."),
		Example:           f.T("  gongshi search 偷工减料\n  gongshi search '\"3.85万元\"' --site public --township 郊尾镇 --status done --year 2024\n  gongshi search 食堂 --json | jq .hits[0].url\n  gongshi search 工程 --csv > hits.csv"),
		Args:              cmdutil.MinArgs(1, "give a QUERY to search for"),
		ValidArgsFunction: cmdutil.NoFiles,
		RunE: func(c *cobra.Command, args []string) error {
			o.Ctx, o.Words = cmdutil.Context(c.Context()), args
			if o.JSON && o.CSV {
				return cmdutil.FlagErrorf("--json and --csv exclude each other")
			}
			if o.Timeout <= 0 {
				return cmdutil.FlagErrorf("--timeout %s: give a positive duration (5s, 1m)", o.Timeout)
			}
			if runF != nil {
				return runF(o)
			}
			return runSearch(o)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&o.Site, "site", "public", f.T("the built site `folder` (gongshi build --out)"))
	fl.StringArrayVar(&o.Filters.Township, "township", nil, f.T("only this `township`: a name (郊尾镇) or slug path (fujian/putian/xianyou/jiaowei); repeatable"))
	fl.StringArrayVar(&o.Filters.County, "county", nil, f.T("only this `county` (name or slug path); repeatable"))
	fl.StringArrayVar(&o.Filters.Region, "region", nil, f.T("only under this `slug/path` (fujian/putian); repeatable"))
	fl.StringArrayVar(&o.Filters.Status, "status", nil, f.T("only this `status`: done, in_progress, not_started; repeatable"))
	fl.StringArrayVar(&o.Filters.Category, "category", nil, f.T("only this `category` (its heading's text); repeatable"))
	fl.StringArrayVar(&o.Filters.Year, "year", nil, f.T("only notices signed this `year`; repeatable"))
	fl.StringArrayVar(&o.Filters.Unit, "unit", nil, f.T("only this `unit`: a name (示例县文旅局) or slug path, with the units below it; repeatable"))
	fl.BoolVar(&o.Filters.Overdue, "overdue", false, f.T("only overdue findings (the deadline passed and the latest notice did not report them done)"))
	fl.StringArrayVar(&o.Filters.Deadline, "deadline", nil, f.T("only findings whose deadline falls in this `year` (2024); repeatable"))
	fl.StringArrayVar(&o.Filters.UnitKind, "unit-kind", nil, f.T("only units of this `kind`: township, village, department, school, enterprise, region; repeatable"))
	fl.IntVar(&o.Size, "size", 20, f.T("how many hits (at most 100)"))
	fl.IntVar(&o.From, "from", 0, f.T("skip this many hits"))
	fl.BoolVar(&o.JSON, "json", false, f.T("print the result as JSON (as /api/search answers)"))
	fl.BoolVar(&o.CSV, "csv", false, f.T("print the hits as CSV: %s", strings.Join(Columns, ",")))
	fl.DurationVar(&o.Timeout, "timeout", search.DefaultTimeout, f.T("stop the search after this `long` (as /api/search does after 5s)"))
	cmdutil.Folders(cmd, "site")
	var statuses, kinds []string
	for _, s := range notice.Statuses {
		statuses = append(statuses, string(s))
	}
	for _, k := range notice.UnitKinds {
		kinds = append(kinds, string(k))
	}
	cmdutil.Complete(cmd, "status", statuses...)
	cmdutil.Complete(cmd, "unit-kind", kinds...)
	return cmd
}

// Run runs `gongshi search` with args (without the command name), in
// English (cmd/gongshi runs it in the reader's language).
func Run(ctx context.Context, io cli.IO, args []string) error {
	f := cmdutil.NewFactory(io, nil)
	return cmdutil.Run(ctx, f, NewCmdSearch(f, nil), args)
}
