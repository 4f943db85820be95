package checkcmd

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// parseArgs is the Options a command line gives (runF captures them; no
// check runs), without the streams and context.
func parseArgs(args ...string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdCheck, args...)
	if o != nil {
		o.IO, o.Ctx = cli.IO{}, nil
	}
	return o, err
}

// The parse half: arguments → Options.
func TestNewCmdCheck(t *testing.T) {
	for _, c := range []struct {
		args []string
		want *Options
		code int
	}{
		{nil, &Options{DataDir: "data", Root: "."}, 0},
		{[]string{"--data", "d", "--root", "r"}, &Options{DataDir: "d", Root: "r"}, 0},
		{[]string{"--data=d"}, &Options{DataDir: "d", Root: "."}, 0},
		{[]string{"-data", "d"}, &Options{DataDir: "d", Root: "."}, 0}, // one dash, as flag took it
		{[]string{"-h"}, nil, 0},
		{[]string{"x.toml"}, nil, 2},
		{[]string{"--data"}, nil, 2},
		{[]string{"--nosuch"}, nil, 2},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %+v, %v (exit %d); want %+v, exit %d", c.args, got, err, cli.Code(err), c.want, c.code)
		}
	}
}

// The run half, called with Options.
func TestRunCheckOptions(t *testing.T) {
	dir := t.TempDir()
	writeNotice(t, dir, sample("样本镇0001", "yangbenzhen0001", "2024-12-02", 2))
	var out, errb bytes.Buffer
	o := &Options{IO: cli.IO{Out: &out, Err: &errb}, Ctx: context.Background(), DataDir: dir, Root: "."}
	if err := runCheck(o); err != nil || out.String() != "checked 1 notice, 2 findings in "+dir+": ok\n" {
		t.Errorf("%v\n%s%s", err, out.String(), errb.String())
	}
}
