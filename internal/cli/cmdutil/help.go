package cmdutil

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/width"

	"github.com/gongshi/gongshi/internal/cli"
)

// Setup makes root's tree speak the reader's language and behave as
// gongshi's commands do; call it once the tree is built (before Execute):
//   - help and usage are written by writeHelp and writeUsage from the
//     catalog (cobra's own templates, and their words, are not used);
//   - every command gets its -h, --help flag described in that language,
//     and the help and completion commands theirs;
//   - flag errors become FlagErrors in that language (exit status 2);
//   - errors are not printed by cobra: the caller prints them (Report).
func Setup(f *Factory, root *cobra.Command) {
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.Err)
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.SetFlagErrorFunc(flagError)
	root.SetUsageFunc(func(c *cobra.Command) error {
		writeUsage(f, c.ErrOrStderr(), c)
		return nil
	})
	root.SetHelpFunc(func(c *cobra.Command, _ []string) { writeHelp(f, c.OutOrStdout(), c) })
	if root.HasSubCommands() {
		root.SetHelpCommand(newHelpCmd(f))
		root.InitDefaultHelpCmd()
		root.InitDefaultCompletionCmd()
		completion(f, root)
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, f.T("show this help for %s", c.CommandPath()))
			_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// Execute runs root with args (a long flag written with one dash, -data,
// as the flag package took it, is read as --data) under ctx; it returns
// the command that ran, for Report.
func Execute(ctx context.Context, root *cobra.Command, args []string) (*cobra.Command, error) {
	args = longFlags(root, args)
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root.SetArgs(args)
	return root.ExecuteContextC(Context(ctx))
}

// Run runs one command as `gongshi NAME args…` under a bare root (for a
// package's Run and its tests): the same help, flags and errors as in the
// gongshi binary; the error is returned, not printed.
func Run(ctx context.Context, f *Factory, cmd *cobra.Command, args []string) error {
	root := &cobra.Command{Use: "gongshi"}
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(cmd)
	Setup(f, root)
	_, err := Execute(ctx, root, append([]string{cmd.Name()}, args...))
	return err
}

// writeHelp is a command's help: what it does, then its usage.
func writeHelp(f *Factory, w io.Writer, c *cobra.Command) {
	text := c.Long
	if text == "" {
		text = c.Short
	}
	if text = strings.TrimRight(text, "\n"); text != "" {
		fmt.Fprintln(w, text)
		fmt.Fprintln(w)
	}
	writeUsage(f, w, c)
}

// writeUsage is a command's usage line, its commands, examples and flags.
func writeUsage(f *Factory, w io.Writer, c *cobra.Command) {
	fmt.Fprintln(w, f.T("Usage:"))
	subs := c.HasAvailableSubCommands()
	if subs {
		fmt.Fprintln(w, "  "+f.T("%s COMMAND [flags]", c.CommandPath()))
	} else {
		line := c.Use
		if c.HasParent() {
			line = c.Parent().CommandPath() + " " + c.Use
		}
		fmt.Fprintln(w, "  "+line)
	}
	if subs {
		fmt.Fprintln(w)
		fmt.Fprintln(w, f.T("Commands:"))
		var names, shorts []string
		for _, s := range c.Commands() {
			if s.IsAvailableCommand() || s.Name() == "help" {
				names, shorts = append(names, s.Name()), append(shorts, s.Short)
			}
		}
		fmt.Fprint(w, columns(names, shorts))
	}
	if c.HasExample() {
		fmt.Fprintln(w)
		fmt.Fprintln(w, f.T("Examples:"))
		fmt.Fprintln(w, strings.TrimRight(c.Example, "\n"))
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintln(w)
		fmt.Fprintln(w, f.T("Flags:"))
		fmt.Fprint(w, flagUsages(f, c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintln(w)
		fmt.Fprintln(w, f.T("Flags of every command:"))
		fmt.Fprint(w, flagUsages(f, c.InheritedFlags()))
	}
	if subs {
		fmt.Fprintln(w)
		fmt.Fprintln(w, f.T("Run '%s COMMAND -h' for a command's help and flags.", c.CommandPath()))
	}
}

// flagUsages lists the flags as pflag does (-h, --help; --name VALUE;
// the description; the default when not the zero value), in the reader's
// language: a flag's value is named by the `word` its description quotes,
// or by its type's name in the catalog.
func flagUsages(f *Factory, fs *pflag.FlagSet) string {
	var left, right []string
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden {
			return
		}
		l := "      --" + fl.Name
		if fl.Shorthand != "" && fl.ShorthandDeprecated == "" {
			l = "  -" + fl.Shorthand + ", --" + fl.Name
		}
		name, usage := pflag.UnquoteUsage(fl)
		if !strings.Contains(fl.Usage, "`") {
			name = typeName(f, fl.Value.Type())
		}
		if name != "" {
			l += " " + name
		}
		switch fl.DefValue {
		case "", "false", "0", "[]", "0s":
		default:
			if fl.Value.Type() == "string" {
				usage += f.T(" (default %q)", fl.DefValue)
			} else {
				usage += f.T(" (default %s)", fl.DefValue)
			}
		}
		left, right = append(left, strings.TrimPrefix(l, "  ")), append(right, usage)
	})
	return columns(left, right)
}

// typeName names a flag's value by its type (none for a switch).
func typeName(f *Factory, typ string) string {
	switch typ {
	case "bool":
		return ""
	case "int", "int64", "uint":
		return f.T("NUMBER")
	case "duration":
		return f.T("DURATION")
	}
	return f.T("VALUE")
}

// columns lines up two columns (CJK characters are two columns wide), each
// row indented by two spaces.
func columns(left, right []string) string {
	n := 0
	for _, l := range left {
		n = max(n, cols(l))
	}
	var b strings.Builder
	for i, l := range left {
		b.WriteString("  " + l)
		if right[i] != "" {
			b.WriteString(strings.Repeat(" ", n-cols(l)+3))
			b.WriteString(right[i])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// cols is how many terminal columns s takes.
func cols(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// newHelpCmd is `gongshi help [COMMAND]`.
func newHelpCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   f.T("help [COMMAND]"),
		Short: f.T("Show a command's help"),
		Long:  f.T("Shows the help of a command (gongshi help import), or of gongshi."),
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if cmd == nil || err != nil || len(rest) > 0 {
				return FlagErrorf("no command %q to show the help of", strings.Join(args, " "))
			}
			writeHelp(f, c.OutOrStdout(), cmd)
			return nil
		},
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var out []cobra.Completion
			for _, s := range c.Root().Commands() {
				if s.IsAvailableCommand() && strings.HasPrefix(s.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(s.Name(), s.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
	}
}

// completion describes cobra's completion command and its shells in the
// reader's language.
func completion(f *Factory, root *cobra.Command) {
	var comp *cobra.Command
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			comp = c
		}
	}
	if comp == nil {
		return
	}
	name := root.Name()
	comp.Short = f.T("Print the shell completion script (bash, zsh, fish, powershell)")
	comp.Long = f.T("Prints the script that completes %[1]s's commands and flags as you type them, for bash, zsh, fish or powershell: see %[1]s completion SHELL -h for how to load it.", name)
	comp.Args = NoArgs
	comp.RunE = func(c *cobra.Command, _ []string) error { // no shell: the help
		writeHelp(f, c.OutOrStdout(), c)
		return nil
	}
	long := map[string]string{
		"bash":       f.T("Prints the completion script for bash (it needs the bash-completion package).\n\nTo load it in this shell:\n\n  source <(%[1]s completion bash)\n\nTo load it in every new shell (Linux), once:\n\n  %[1]s completion bash > /etc/bash_completion.d/%[1]s", name),
		"zsh":        f.T("Prints the completion script for zsh.\n\nIf completion is not on in your zsh, turn it on once:\n\n  echo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load it in this shell:\n\n  source <(%[1]s completion zsh)\n\nTo load it in every new shell, once:\n\n  %[1]s completion zsh > \"${fpath[1]}/_%[1]s\"", name),
		"fish":       f.T("Prints the completion script for fish.\n\nTo load it in this shell:\n\n  %[1]s completion fish | source\n\nTo load it in every new shell, once:\n\n  %[1]s completion fish > ~/.config/fish/completions/%[1]s.fish", name),
		"powershell": f.T("Prints the completion script for PowerShell.\n\nTo load it in this shell:\n\n  %[1]s completion powershell | Out-String | Invoke-Expression\n\nTo load it in every new shell, add that line's output to your PowerShell profile.", name),
	}
	for _, c := range comp.Commands() {
		c.Short = f.T("Print the completion script for %s", c.Name())
		if l, ok := long[c.Name()]; ok {
			c.Long = l
		}
		c.Args = NoArgs
		if fl := c.Flags().Lookup("no-descriptions"); fl != nil {
			fl.Usage = f.T("leave the commands' descriptions out of the completions")
		}
	}
}

// Parse is the Options a command line gives the command newCmd makes,
// captured by its runF (nothing runs), as a copy: the parse half of a
// command's tests (English, no streams).
func Parse[O any](newCmd func(*Factory, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	var got *O
	f := NewFactory(cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard}, nil)
	err := Run(context.Background(), f, newCmd(f, func(o *O) error { got = o; return nil }), args)
	if got == nil {
		return nil, err
	}
	c := *got
	return &c, err
}
