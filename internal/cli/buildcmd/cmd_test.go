package buildcmd

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/site"
)

// parseArgs is the build options a command line gives (runF captures
// them; nothing is built), without the log stream.
func parseArgs(args ...string) (*site.Options, error) {
	o, err := cmdutil.Parse(NewCmdBuild, args...)
	if o == nil {
		return nil, err
	}
	o.Site.Log = nil
	return &o.Site, err
}

// The parse half: arguments → Options (SOURCE_DATE_EPOCH is "today").
func TestNewCmdBuild(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1736611200")
	now := time.Unix(1736611200, 0).UTC()
	for _, c := range []struct {
		args []string
		want *site.Options
		code int
	}{
		{nil, &site.Options{Root: ".", Data: "." + sep + "data", Out: "." + sep + "public", Now: now}, 0},
		{[]string{"--root", "r", "--cache", "c", "--no-cache", "--no-wait"}, &site.Options{Root: "r", Data: "r" + sep + "data", Out: "r" + sep + "public", Cache: "c", NoCache: true, NoWait: true, Now: now}, 0},
		{[]string{"--data", "d", "--out", "o", "--part", "fujian/putian,:site", "--part", "guangdong"},
			&site.Options{Root: ".", Data: "d", Out: "o", Parts: []string{"fujian/putian,:site", "guangdong"}, Now: now}, 0},
		{[]string{"public"}, nil, 2},
		{[]string{"--part"}, nil, 2},
		{[]string{"--no-cache=maybe"}, nil, 2},
		{[]string{"-h"}, nil, 0},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %+v, %v (exit %d); want %+v, exit %d", c.args, got, err, cli.Code(err), c.want, c.code)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if _, err := parseArgs(); cli.Code(err) != 2 || !strings.Contains(err.Error(), `SOURCE_DATE_EPOCH="yesterday"`) {
		t.Errorf("a wrong SOURCE_DATE_EPOCH: %v (exit %d)", err, cli.Code(err))
	}
}

var sep = string(os.PathSeparator)
