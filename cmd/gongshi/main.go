// Command gongshi turns inspection rectification notices (巡察整改进展情况的通报)
// into a static public disclosure site with a prebuilt search index.
//
//	gongshi import FILE…    notice text/HTML/.docx (or folders of them) → data/…/*.toml
//	gongshi check           validate every data file
//	gongshi build           check, render with Hugo, index with Bleve → public/
//	gongshi serve           build, then preview on localhost with /api/search
//	gongshi search QUERY    query the prebuilt index
//	gongshi merge PART…     put a split build's parts together
//	gongshi deploy          upload what changed (Hugo's deploy; -tags withdeploy)
//	gongshi hugo …          the embedded Hugo, as its own command line
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/gohugoio/hugo/commands"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/buildcmd"
	"github.com/gongshi/gongshi/internal/cli/checkcmd"
	"github.com/gongshi/gongshi/internal/cli/deploycmd"
	"github.com/gongshi/gongshi/internal/cli/importcmd"
	"github.com/gongshi/gongshi/internal/cli/mergecmd"
	"github.com/gongshi/gongshi/internal/cli/searchcmd"
	"github.com/gongshi/gongshi/internal/cli/servecmd"
	"github.com/gongshi/gongshi/internal/i18n"
)

const usage = `gongshi — inspection rectification notices as a static disclosure site

Usage:
  gongshi import FILE|FOLDER… [--region 省/市/县/镇] [--unit 名称] [--json] [--force]
  gongshi check [--data DIR]
  gongshi build [--out DIR] [--no-cache] [--part P,…]
  gongshi merge --out DIR PART…
  gongshi deploy [--target NAME] [--dry-run]   (built with -tags withdeploy)
  gongshi serve [--addr 127.0.0.1:1313]
  gongshi search QUERY [--site DIR] [--township …] [--status …] [--year …] [--json|--csv]
  gongshi hugo [hugo arguments]   (the embedded Hugo v0.165.0)

Run 'gongshi COMMAND -h' for a command's flags.
`

type runFunc func(context.Context, cli.IO, []string) error

var commandsByName = map[string]runFunc{
	"import": importcmd.Run,
	"check":  checkcmd.Run,
	"build":  buildcmd.Run,
	"serve":  servecmd.Run,
	"search": searchcmd.Run,
	"merge":  mergecmd.Run,
	"deploy": deploycmd.Run,
}

func main() {
	// GONGSHI_CPUPROFILE=FILE writes a CPU profile of the command (for
	// the benchmarks: go tool pprof gongshi FILE).
	if p := os.Getenv("GONGSHI_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				code := run(os.Args[1:])
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(run(os.Args[1:]))
}

// run runs gongshi with the process's streams; under a Chinese locale
// (see i18n.Chinese) every line it prints is translated at this boundary,
// but for the data a command prints on stdout (--json, --csv).
func run(args []string) int {
	return runIO(args, cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv)
}

func runIO(args []string, std cli.IO, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runCtx(ctx, args, std, getenv)
}

// runCtx is runIO under ctx (a test stops gongshi serve by cancelling it).
func runCtx(ctx context.Context, args []string, std cli.IO, getenv func(string) string) int {
	if i18n.Chinese(getenv) {
		errw := i18n.NewWriter(std.Err)
		defer errw.Flush()
		std.Err = errw
		if !dataOut(args) {
			outw := i18n.NewWriter(std.Out)
			defer outw.Flush()
			std.Out = outw
		}
	}
	return dispatch(ctx, args, std)
}

// dataOut reports whether the command prints data on stdout, which is
// never translated.
func dataOut(args []string) bool {
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "json", "csv":
			return strings.HasPrefix(a, "-")
		}
	}
	return false
}

func dispatch(ctx context.Context, args []string, std cli.IO) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(std.Out, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "hugo" {
		if err := commands.Execute(args[1:]); err != nil {
			fmt.Fprintln(std.Err, "hugo:", err)
			return 1
		}
		return 0
	}
	cmd, ok := commandsByName[args[0]]
	if !ok {
		fmt.Fprintf(std.Err, "gongshi: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := cmd(ctx, std, args[1:])
	if err != nil {
		var ee *cli.ExitError
		if !(errors.As(err, &ee) && ee.Silent) {
			fmt.Fprintf(std.Err, "gongshi %s: %v\n", args[0], err)
		}
	}
	return cli.Code(err)
}
