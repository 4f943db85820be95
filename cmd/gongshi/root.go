package main

import (
	"strings"

	"github.com/gohugoio/hugo/commands"
	"github.com/spf13/cobra"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/buildcmd"
	"github.com/gongshi/gongshi/internal/cli/checkcmd"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/cli/deploycmd"
	"github.com/gongshi/gongshi/internal/cli/importcmd"
	"github.com/gongshi/gongshi/internal/cli/mergecmd"
	"github.com/gongshi/gongshi/internal/cli/searchcmd"
	"github.com/gongshi/gongshi/internal/cli/servecmd"
	"github.com/gongshi/gongshi/internal/cli/versioncmd"
)

// newCmdRoot is gongshi's command tree in the reader's language (f's
// printer): the commands, help, completion.
//
// A command is added here as NewCmdX(f, nil).
func newCmdRoot(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "gongshi",
		Short: f.T("gongshi — inspection rectification notices as a static disclosure site"),
		Long:  f.T("gongshi — inspection rectification notices as a static disclosure site"),
		// gongshi alone prints its usage (exit 2); gongshi WORD, where WORD
		// is no command, says so.
		Args:                       cobra.ArbitraryArgs,
		SuggestionsMinimumDistance: 2,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				c.HelpFunc()(c, nil)
				return &cli.ExitError{Code: 2, Silent: true}
			}
			if s := c.SuggestionsFor(args[0]); len(s) > 0 {
				return cmdutil.FlagErrorf("unknown command %q (did you mean %s?)", args[0], strings.Join(s, ", "))
			}
			return cmdutil.FlagErrorf("unknown command %q", args[0])
		},
	}
	root.AddCommand(
		importcmd.NewCmdImport(f, nil),
		checkcmd.NewCmdCheck(f, nil),
		buildcmd.NewCmdBuild(f, nil),
		servecmd.NewCmdServe(f, nil),
		searchcmd.NewCmdSearch(f, nil),
		mergecmd.NewCmdMerge(f, nil),
		deploycmd.NewCmdDeploy(f, nil),
		versioncmd.NewCmdVersion(f, nil),
		newCmdHugo(f),
	)
	cmdutil.Setup(f, root)
	return root
}

// newCmdHugo is `gongshi hugo …`: the embedded Hugo with its arguments
// untouched (its own -h included).
func newCmdHugo(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:                f.T("hugo [HUGO ARGUMENTS…]"),
		Short:              f.T("The embedded Hugo v0.165.0, given its own arguments"),
		DisableFlagParsing: true,
		RunE: func(_ *cobra.Command, args []string) error {
			return commands.Execute(args) // its error: gongshi hugo: …
		},
	}
}
