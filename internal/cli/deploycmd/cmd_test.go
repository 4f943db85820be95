package deploycmd

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/i18n"
)

func parseArgs(args ...string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdDeploy, args...)
	if o != nil {
		o.IO, o.Ctx = cli.IO{}, nil
	}
	return o, err
}

// The parse half: arguments → Options (with or without -tags withdeploy).
func TestNewCmdDeploy(t *testing.T) {
	for _, c := range []struct {
		args []string
		want *Options
		code int
	}{
		{nil, &Options{Root: ".", MaxDeletes: 256}, 0},
		{[]string{"--root", "r", "--out", "o", "--target", "t", "--dry-run", "--force", "--max-deletes", "-1"},
			&Options{Root: "r", Out: "o", Target: "t", DryRun: true, Force: true, MaxDeletes: -1}, 0},
		{[]string{"--max-deletes", "many"}, nil, 2},
		{[]string{"public"}, nil, 2},
		{[]string{"-h"}, nil, 0},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %+v, %v (exit %d); want %+v, exit %d", c.args, got, err, cli.Code(err), c.want, c.code)
		}
	}
}

// The run half, called with Options: a folder with no built site is
// refused before Hugo is asked, in the reader's language.
func TestRunDeployOptions(t *testing.T) {
	dir := t.TempDir()
	for lang, want := range map[string]string{"C": "holds no built site: run gongshi build first", "zh_CN.UTF-8": "中没有已生成的网站"} {
		f := cmdutil.NewFactory(cli.IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}, func(k string) string {
			if k == "LANG" {
				return lang
			}
			return ""
		})
		err := runDeploy(&Options{IO: f.IO, Ctx: context.Background(), Root: dir, Out: dir, MaxDeletes: 256})
		if msg := i18n.Localize(f.P(), err); cli.Code(err) != 1 || !strings.Contains(msg, want) {
			t.Errorf("LANG=%s: %s, want %q", lang, msg, want)
		}
	}
}
