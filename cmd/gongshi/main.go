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
//	gongshi completion SHELL  the shell completion script
//
// The commands are cobra commands (root.go; each in its package's cmd.go),
// and speak the reader's language: Chinese under a Chinese locale.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/cli/cmdutil"
	"github.com/gongshi/gongshi/internal/console"
)

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

// run runs gongshi with the process's streams and environment.
func run(args []string) int {
	// On a Windows console, Chinese is written in UTF-8 (the console set to
	// it) or GBK where it cannot be (internal/console); elsewhere the
	// streams are os.Stdout and os.Stderr as they are.
	out, errw, restore := console.Setup()
	defer restore()
	return runIO(args, cli.IO{In: os.Stdin, Out: out, Err: errw}, os.Getenv)
}

func runIO(args []string, std cli.IO, getenv func(string) string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runCtx(ctx, args, std, getenv)
}

// runCtx is runIO under ctx (a test stops gongshi serve by cancelling it):
// the commands are built in the reader's language (getenv's locale, see
// i18n.Chinese), and an error that reaches here is printed in it.
func runCtx(ctx context.Context, args []string, std cli.IO, getenv func(string) string) int {
	f := cmdutil.NewFactory(std, getenv)
	cmd, err := cmdutil.Execute(ctx, newCmdRoot(f), args)
	return cmdutil.Report(f, cmd, err)
}
