package mergecmd

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

func parseArgs(args ...string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdMerge, args...)
	if o != nil {
		o.IO, o.Ctx = cli.IO{}, nil
	}
	return o, err
}

// The parse half: arguments → Options.
func TestNewCmdMerge(t *testing.T) {
	for _, c := range []struct {
		args []string
		want *Options
		code int
	}{
		{[]string{"a", "b"}, &Options{Out: "public", Parts: []string{"a", "b"}}, 0},
		{[]string{"a", "--out", "site", "b"}, &Options{Out: "site", Parts: []string{"a", "b"}}, 0},
		{nil, nil, 2},
		{[]string{"--out"}, nil, 2},
		{[]string{"--help"}, nil, 0},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %+v, %v (exit %d); want %+v, exit %d", c.args, got, err, cli.Code(err), c.want, c.code)
		}
	}
}

// The run half, called with Options: a part that is no build's refuses.
func TestRunMergeOptions(t *testing.T) {
	var out, errb bytes.Buffer
	f := cmdutil.NewFactory(cli.IO{Out: &out, Err: &errb}, nil)
	o := &Options{IO: f.IO, Ctx: context.Background(), Out: t.TempDir() + "/site", Parts: []string{t.TempDir()}}
	if err := runMerge(o); cli.Code(err) != 1 || out.Len() > 0 {
		t.Errorf("merge of an empty folder: %v (exit %d)\n%s", err, cli.Code(err), out.String())
	}
}
