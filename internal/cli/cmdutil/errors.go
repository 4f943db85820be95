package cmdutil

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
)

// FlagError is a wrong command line: it exits with status 2, and the
// command's usage is printed after it.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }

// Unwrap makes a FlagError an exit status 2 (cli.Code) carrying its message.
func (e *FlagError) Unwrap() error { return &cli.ExitError{Code: 2, Err: e.Err} }

// FlagErrorf is a FlagError with a message of the catalog (i18n.Errorf).
func FlagErrorf(format string, a ...any) error {
	return &FlagError{Err: i18n.Errorf(format, a...)}
}

// flagError turns pflag's errors into messages of the catalog, built from
// the error's parts (pflag's own text is English).
func flagError(_ *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		badValue *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if sh := notExist.GetSpecifiedShortnames(); sh != "" && len(sh) > 1 {
			return FlagErrorf("unknown flag -%s (in -%s)", notExist.GetSpecifiedName()[:1], sh)
		}
		if sh := notExist.GetSpecifiedShortnames(); sh != "" {
			return FlagErrorf("unknown flag -%s", sh)
		}
		return FlagErrorf("unknown flag --%s", notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		return FlagErrorf("flag --%s needs a value", noValue.GetFlag().Name)
	case errors.As(err, &badValue):
		return FlagErrorf("invalid value %q for --%s: %s", badValue.GetValue(), badValue.GetFlag().Name, typeHint(badValue.GetFlag().Value.Type()))
	case errors.As(err, &syntax):
		return FlagErrorf("bad flag syntax: %s", syntax.GetSpecifiedFlag())
	}
	return &FlagError{Err: err}
}

// typeHint says what a flag of a type takes.
func typeHint(typ string) error {
	switch typ {
	case "int", "int64", "uint":
		return i18n.Errorf("give a whole number")
	case "duration":
		return i18n.Errorf("give a duration such as 5s or 1m")
	case "bool":
		return i18n.Errorf("give true or false")
	}
	return i18n.Errorf("not a value this flag takes")
}

// NoArgs is an Args check for a command that takes no arguments.
func NoArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return FlagErrorf("this command takes no arguments, but was given %s", quoteAll(args))
	}
	return nil
}

// MinArgs is an Args check for at least n arguments; missing is the
// catalog key of the message saying what to give.
func MinArgs(n int, missing string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < n {
			return FlagErrorf(missing)
		}
		return nil
	}
}

func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, " ")
}

// Report prints err (from running cmd) in the reader's language on
// f.IO.Err, with the command's usage after a wrong command line, and
// returns the exit status: 0 for nil, 2 for a wrong command line, an
// ExitError's code, else 1. An ExitError marked Silent has been printed.
func Report(f *Factory, cmd *cobra.Command, err error) int {
	if err == nil {
		return 0
	}
	var ee *cli.ExitError
	if !(errors.As(err, &ee) && ee.Silent) {
		name := ""
		if cmd != nil && cmd.HasParent() {
			name = strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name())
		}
		fmt.Fprintln(f.IO.Err, f.T("gongshi%s: %s", name, i18n.Localize(f.P(), err)))
	}
	var fe *FlagError
	if errors.As(err, &fe) && cmd != nil {
		fmt.Fprintln(f.IO.Err)
		writeUsage(f, f.IO.Err, cmd)
	}
	return cli.Code(err)
}

// singleDash is a long flag written with one dash (-data), as the flag
// package took them.
var singleDash = regexp.MustCompile(`^-([a-z][a-z-]+)(=.*)?$`)

// longFlags rewrites -name to --name (the flag package, which the
// commands used before, took both; no gongshi flag has a one-letter form
// but -h), up to a "--" and but for a flag's value.
func longFlags(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil || cmd.DisableFlagParsing {
		return args
	}
	out := make([]string, len(args))
	copy(out, args)
	value := false // the argument is the value of the flag before it
	for i, a := range out {
		if a == "--" {
			break
		}
		if value {
			value = false
			continue
		}
		if m := singleDash.FindStringSubmatch(a); m != nil {
			out[i] = "-" + a
			a = out[i]
		}
		if name, ok := strings.CutPrefix(a, "--"); ok && !strings.Contains(name, "=") {
			if fl := cmd.Flags().Lookup(name); fl != nil && fl.NoOptDefVal == "" {
				value = true
			}
		}
	}
	return out
}
