package searchcmd

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/search"
)

func parseArgs(args ...string) (*Options, error) {
	o, err := cmdutil.Parse(NewCmdSearch, args...)
	if o != nil {
		o.IO, o.Ctx = cli.IO{}, nil
	}
	return o, err
}

// The parse half: arguments → Options. Flags come before, between and
// after the query's words; a filter repeats; "--" ends the flags.
func TestNewCmdSearch(t *testing.T) {
	def := func(o Options) *Options {
		if o.Site == "" {
			o.Site = "public"
		}
		o.Size, o.Timeout = max(o.Size, 20), max(o.Timeout, search.DefaultTimeout)
		return &o
	}
	for _, c := range []struct {
		args []string
		want *Options
		code int
	}{
		{[]string{"偷工减料"}, def(Options{Words: []string{"偷工减料"}}), 0},
		{[]string{"--site", "s", "食堂", "--status", "done", "工程", "--status", "in_progress", "--json"},
			def(Options{Words: []string{"食堂", "工程"}, Site: "s", Filters: search.Filters{Status: []string{"done", "in_progress"}}, JSON: true}), 0},
		{[]string{"x", "--township", "郊尾镇", "--unit-kind", "village", "--overdue", "--deadline", "2024", "--year", "2024", "--from", "20", "--size", "50", "--timeout", "1m", "--csv"},
			def(Options{Words: []string{"x"}, Filters: search.Filters{Township: []string{"郊尾镇"}, UnitKind: []string{"village"}, Overdue: true, Deadline: []string{"2024"}, Year: []string{"2024"}},
				From: 20, Size: 50, Timeout: time.Minute, CSV: true}), 0},
		{[]string{"x", "--", "-y"}, def(Options{Words: []string{"x", "-y"}}), 0},
		{nil, nil, 2},
		{[]string{"x", "--json", "--csv"}, nil, 2},
		{[]string{"x", "--timeout", "0s"}, nil, 2},
		{[]string{"x", "--size", "many"}, nil, 2},
		{[]string{"-h"}, nil, 0},
	} {
		got, err := parseArgs(c.args...)
		if cli.Code(err) != c.code || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: %+v, %v (exit %d); want %+v, exit %d", c.args, got, err, cli.Code(err), c.want, c.code)
		}
	}
}

// The run half, called with Options (the site TestMain built).
func TestRunSearchOptions(t *testing.T) {
	var out bytes.Buffer
	o := &Options{IO: cli.IO{Out: &out, Err: &bytes.Buffer{}}, Ctx: context.Background(), Words: []string{"偷工减料"},
		Site: site, Size: 20, Timeout: search.DefaultTimeout, CSV: true}
	if err := runSearch(o); err != nil || !strings.HasPrefix(out.String(), strings.Join(Columns, ",")+"\n") || strings.Count(out.String(), "\n") < 2 {
		t.Errorf("%v\n%s", err, out.String())
	}
}
