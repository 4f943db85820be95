package versioncmd

import (
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
)

// The parse half of gongshi version: --json, and no arguments.
func TestNewCmdVersion(t *testing.T) {
	for _, c := range []struct {
		args []string
		json bool
		code int
	}{
		{nil, false, 0},
		{[]string{"--json"}, true, 0},
		{[]string{"extra"}, false, 2},
		{[]string{"--jsn"}, false, 2},
	} {
		o, err := cmdutil.Parse(NewCmdVersion, c.args...)
		if cli.Code(err) != c.code {
			t.Errorf("%q: exit %d (%v), want %d", c.args, cli.Code(err), err, c.code)
			continue
		}
		if c.code == 0 && (o == nil || o.JSON != c.json) {
			t.Errorf("%q: %+v, want JSON %v", c.args, o, c.json)
		}
	}
}
