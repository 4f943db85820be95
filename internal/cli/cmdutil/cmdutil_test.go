package cmdutil

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/i18n"
)

func factory(lang string, out *bytes.Buffer) *Factory {
	return NewFactory(cli.IO{In: strings.NewReader(""), Out: out, Err: out}, func(k string) string {
		if k == "LANG" {
			return lang
		}
		return ""
	})
}

// sample is a command with a flag of each kind gongshi uses.
func sample(f *Factory, got *[]string) *cobra.Command {
	cmd := &cobra.Command{
		Use:  "sample FILE…",
		Long: "Samples.",
		Args: MinArgs(1, "give at least one FILE or FOLDER"),
		RunE: func(c *cobra.Command, args []string) error {
			*got = args
			return nil
		},
	}
	cmd.Flags().String("data", "data", "the data `folder`")
	cmd.Flags().String("title", "", "the notice's `title` where the text has none (a data file must have one)")
	cmd.Flags().Int("size", 20, "how many hits (at most 100)")
	cmd.Flags().Bool("json", false, "print the result as JSON (as /api/search answers)")
	return cmd
}

// The flags are listed as pflag lists them, lined up, the value named by
// its quoted word or its type, the default when it is not zero; in
// Chinese with the catalog's words and CJK characters two columns wide.
func TestFlagUsages(t *testing.T) {
	for lang, want := range map[string]string{
		"C": `      --data folder   the data folder (default "data")
      --json          print the result as JSON (as /api/search answers)
      --size NUMBER   how many hits (at most 100) (default 20)
      --title title   the notice's title where the text has none (a data file must have one)
`,
		"zh_CN.UTF-8": `      --data 文件夹   数据文件夹（默认 "data"）
      --json          以 JSON 输出结果（与 /api/search 相同）
      --size 数目     显示多少条（最多 100）（默认 20）
      --title 标题    通报文字没有标题时使用的标题（数据文件必须有标题）
`,
	} {
		f := factory(lang, &bytes.Buffer{})
		var got []string
		cmd := sample(f, &got)
		// the descriptions as a command gives them: from the catalog
		cmd.Flags().VisitAll(func(fl *pflag.Flag) { fl.Usage = f.T(fl.Usage) })
		if u := flagUsages(f, cmd.Flags()); u != want {
			t.Errorf("LANG=%s:\n%s\nwant\n%s", lang, u, want)
		}
	}
}

// Flags and arguments interleave, -name is --name, "--" ends the flags,
// and a flag's value is never taken for a flag.
func TestInterleavedAndOneDash(t *testing.T) {
	for _, c := range []struct {
		args, want []string
	}{
		{[]string{"a", "--data", "d", "b", "--json", "c"}, []string{"a", "b", "c"}},
		{[]string{"-data", "d", "a", "-json"}, []string{"a"}},
		{[]string{"a", "--title", "-json", "b"}, []string{"a", "b"}},
		{[]string{"a", "--", "--json", "-data"}, []string{"a", "--json", "-data"}},
	} {
		var out bytes.Buffer
		f := factory("C", &out)
		var got []string
		if err := Run(context.Background(), f, sample(f, &got), c.args); err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %q, %v; want %q", c.args, got, err, c.want)
		}
	}
}

// A wrong command line is a FlagError (exit 2) whose message is the
// catalog's, built from pflag's error, never pflag's English.
func TestFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args   []string
		en, zh string
	}{
		{[]string{"a", "--nosuch"}, "unknown flag --nosuch", "没有 --nosuch 这个选项"},
		{[]string{"a", "-x"}, "unknown flag -x", "没有 -x 这个选项"},
		{[]string{"a", "-hx"}, "unknown flag --hx", "没有 --hx 这个选项"}, // -name is --name
		{[]string{"a", "-5h"}, "unknown flag -5 (in -5h)", "没有 -5 这个选项（在 -5h 中）"},
		{[]string{"a", "-h5"}, "unknown flag -5", "没有 -5 这个选项"},
		{[]string{"a", "--data"}, "flag --data needs a value", "选项 --data 后面要跟一个值"},
		{[]string{"a", "--size", "many"}, `invalid value "many" for --size: give a whole number`, `选项 --size 的值 "many" 不对：请写整数`},
		{[]string{"a", "--json=maybe"}, `invalid value "maybe" for --json: give true or false`, `选项 --json 的值 "maybe" 不对：请写 true 或 false`},
		{nil, "give at least one FILE or FOLDER", "请至少指定一个文件或文件夹"},
	} {
		for lang, want := range map[string]string{"C": c.en, "zh_CN.UTF-8": c.zh} {
			var out bytes.Buffer
			f := factory(lang, &out)
			var got []string
			err := Run(context.Background(), f, sample(f, &got), c.args)
			var fe *FlagError
			if !errors.As(err, &fe) || cli.Code(err) != 2 || i18n.Localize(f.P(), err) != want {
				t.Errorf("LANG=%s %q: %v (exit %d) %q, want a FlagError %q", lang, c.args, err, cli.Code(err), i18n.Localize(f.P(), err), want)
			}
		}
	}
}

// Report prints the error in the reader's language, the usage after a
// wrong command line only, and gives the exit status.
func TestReport(t *testing.T) {
	root := &cobra.Command{Use: "gongshi"}
	sub := &cobra.Command{Use: "sub", Run: func(*cobra.Command, []string) {}}
	root.AddCommand(sub)
	for _, c := range []struct {
		err   error
		code  int
		say   string
		usage bool
	}{
		{nil, 0, "", false},
		{FlagErrorf("unknown flag --%s", "x"), 2, "gongshi sub：没有 --x 这个选项\n", true},
		{cli.Usage("--json and --csv exclude each other"), 2, "gongshi sub：--json 和 --csv 只能选一个\n", false},
		{i18n.Errorf("give a whole number"), 1, "gongshi sub：请写整数\n", false},
		{&cli.ExitError{Code: 1, Silent: true}, 1, "", false},
	} {
		var out bytes.Buffer
		f := factory("zh_CN.UTF-8", &out)
		Setup(f, root)
		code := Report(f, sub, c.err)
		said, usage, ok := strings.Cut(out.String(), "\n\n")
		if ok {
			said += "\n"
		}
		if code != c.code || said != c.say || (usage != "") != c.usage || (c.usage && !strings.HasPrefix(usage, "用法：\n  gongshi sub")) {
			t.Errorf("%v: exit %d, printed %q; want exit %d, %q, usage %v", c.err, code, out.String(), c.code, c.say, c.usage)
		}
	}
}

// NewCmdFunc makes a plain run function a command (the hook for a
// `version`): it gets the factory's streams and its arguments.
func TestNewCmdFunc(t *testing.T) {
	var out bytes.Buffer
	f := factory("C", &out)
	var got []string
	cmd := NewCmdFunc(f, "version", "Print the version", func(_ context.Context, io cli.IO, args []string) error {
		got = args
		_, err := io.Out.Write([]byte("v1\n"))
		return err
	})
	if err := Run(context.Background(), f, cmd, []string{"a", "b"}); err != nil || out.String() != "v1\n" || !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("%v %q %q", err, out.String(), got)
	}
}
