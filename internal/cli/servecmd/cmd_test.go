package servecmd

import (
	"os"
	"reflect"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/site"
)

func parseArgs(args ...string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdServe, args...)
	if o != nil {
		o.IO, o.Ctx, o.Site.Log = cli.IO{}, nil, nil
	}
	return o, err
}

// The parse half: arguments → Options (build's flags and --addr).
func TestNewCmdServe(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	for _, c := range []struct {
		args []string
		addr string
		site site.Options
		code int
	}{
		{nil, "127.0.0.1:1313", site.Options{Root: ".", Data: "." + sep + "data", Out: PreviewDir("."), Cache: PreviewCacheDir(".")}, 0},
		{[]string{"--addr", "127.0.0.1:0", "--root", "r", "--no-cache"}, "127.0.0.1:0", site.Options{Root: "r", Data: "r" + sep + "data", Out: PreviewDir("r"), Cache: PreviewCacheDir("r"), NoCache: true}, 0},
		{[]string{"--out", "o"}, "127.0.0.1:1313", site.Options{Root: ".", Data: "." + sep + "data", Out: "o"}, 0},
		{[]string{"extra"}, "", site.Options{}, 2},
		{[]string{"--addr"}, "", site.Options{}, 2},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code {
			t.Errorf("%q: %v (exit %d), want exit %d", c.args, err, cli.Code(err), c.code)
			continue
		}
		if got == nil {
			continue
		}
		got.Site.Now = c.site.Now // SOURCE_DATE_EPOCH=0: the zero time of 1970, not time.Time{}
		if got.Addr != c.addr || !reflect.DeepEqual(got.Site, c.site) {
			t.Errorf("%q: %q %+v, want %q %+v", c.args, got.Addr, got.Site, c.addr, c.site)
		}
	}
}

var sep = string(os.PathSeparator)
