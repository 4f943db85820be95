// Package cmdutil is what every gongshi command is built with, after the
// GitHub CLI's pkg/cmdutil: the Factory a command's NewCmdX takes (its
// streams, the printer of the reader's language, the environment), the
// help and usage written in that language, the errors of a command line
// (exit status 2), and Execute, which runs a command tree.
//
// A command is a *cobra.Command made by NewCmdX(f, runF): its flags fill an
// Options value and its RunE calls runF(opts), or the command's own run
// when runF is nil. A test gives runF to see what a command line parses
// into, and calls the run function with Options to test what it does.
//
// To add a command: a package internal/cli/xcmd with Options, NewCmdX in
// cmd.go (Use, Short, Long and each flag's description as f.T(key), the
// value's name in backquotes: "the data `folder`"), its run function
// beside it, and root.AddCommand(xcmd.NewCmdX(f, nil)) in
// cmd/gongshi/root.go; each key gets its {En, Zh} entry in
// internal/i18n/catalog_cli.go (TestEveryKeyHasAnEntry in cmd/gongshi
// fails without it, TestChineseHelpAndUsage on an English word left in
// its help). A command that is a plain func(ctx, cli.IO, args) error is
// added with NewCmdFunc.
package cmdutil

import (
	"context"

	"github.com/spf13/cobra"
	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
)

// Factory is what a command is made from.
type Factory struct {
	// IO is the command's streams and the printer that builds what it
	// says (IO.P is never nil).
	IO cli.IO
	// Getenv reads the environment (os.Getenv; a test gives its own).
	Getenv func(string) string
}

// NewFactory is the factory for io under the environment getenv: the
// printer is Chinese when the locale is (i18n.Chinese), unless io.P is set.
func NewFactory(io cli.IO, getenv func(string) string) *Factory {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if io.P == nil {
		io.P = i18n.NewPrinter(i18n.Chinese(getenv))
	}
	return &Factory{IO: io, Getenv: getenv}
}

// T is the text of the catalog's key in the reader's language.
func (f *Factory) T(key string, a ...any) string { return f.IO.P.Sprintf(key, a...) }

// P is the printer.
func (f *Factory) P() *message.Printer { return f.IO.P }

// Context is ctx, or the background context when nil (a cobra command run
// without ExecuteContext).
func Context(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}

// NewCmdFunc is a command without flags of its own that runs run with its
// arguments (a command written as a plain function, as `version` may be).
func NewCmdFunc(f *Factory, use, short string, run func(context.Context, cli.IO, []string) error) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		RunE: func(c *cobra.Command, args []string) error {
			return run(Context(c.Context()), f.IO, args)
		},
	}
}

// Complete gives shell completion a flag's values.
func Complete(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// Folders marks the flags whose value is a folder: shell completion
// offers folders.
func Folders(cmd *cobra.Command, flags ...string) {
	for _, f := range flags {
		_ = cmd.MarkFlagDirname(f)
	}
}

// NoFiles is a ValidArgsFunction for a command whose arguments are no
// files (a query) or that takes none.
var NoFiles = cobra.NoFileCompletions

// FolderArgs is a ValidArgsFunction for arguments that are folders.
func FolderArgs(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}
