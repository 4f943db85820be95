// Package progress prints a long build's stages (the check, the search
// index, Hugo's pages) while it runs, on a terminal only: a build whose
// output goes to a file or a pipe (CI, a script) prints nothing more than
// before.
//
// The site build reports with a func(stage string, done, total int); main
// gives it
//
//	report, done := progress.ForFile(os.Stderr, io.P)
//	defer done()
//
// On a terminal each stage is one line, rewritten in place (\r) as it
// advances and ended when it is done or the next stage starts:
//
//	校验数据：59/59
//	生成检索索引：1200/1200
//	生成页面：310/2400
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/gongshi/gongshi/internal/console"
	"golang.org/x/text/message"
)

// Func is what the site build calls: stage is one of the Stage names (or
// another word, printed as it is), done of total units finished (total 0:
// not known).
type Func = func(stage string, done, total int)

// The stages the site build reports.
const (
	StageCheck = "check" // the data files checked
	StageIndex = "index" // the notices put in the search index
	StagePages = "pages" // Hugo's pages rendered
	StageWrite = "write" // the site's files written in place
)

// labels are the catalog keys (internal/i18n/catalog_release.go) of the
// stages.
var labels = map[string]string{
	StageCheck: "checking the data",
	StageIndex: "building the search index",
	StagePages: "rendering the pages",
	StageWrite: "writing the site",
}

// Printer prints stages to w in p's language.
type Printer struct {
	mu    sync.Mutex
	w     io.Writer
	p     *message.Printer
	stage string // the stage of the open line ("": none)
	step  int    // the last tenth of it printed
	ended bool   // the open line was ended
}

// New is a Printer writing to w; p nil prints English.
func New(w io.Writer, p *message.Printer) *Printer {
	if p == nil {
		p = message.NewPrinter(message.MatchLanguage("en"))
	}
	return &Printer{w: w, p: p}
}

// ForFile is the Func for f and the function that ends its open line: a
// Printer's Report and Done when f is a terminal, else functions that do
// nothing.
func ForFile(f *os.File, p *message.Printer) (report Func, done func()) {
	return forFile(f, p, console.IsTerminal)
}

func forFile(f *os.File, p *message.Printer, isTerminal func(*os.File) bool) (Func, func()) {
	if f == nil || !isTerminal(f) {
		return func(string, int, int) {}, func() {}
	}
	pr := New(f, p)
	return pr.Report, pr.Done
}

// Report prints the stage's progress: a new line when the stage starts,
// the line rewritten at each tenth, ended when done reaches total.
func (pr *Printer) Report(stage string, done, total int) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if stage != pr.stage {
		if pr.stage != "" && !pr.ended {
			fmt.Fprint(pr.w, "\n")
		}
		pr.stage, pr.step, pr.ended = stage, -1, false
	} else if pr.ended {
		return
	}
	label := stage
	if key, ok := labels[stage]; ok {
		label = pr.p.Sprintf(key)
	}
	if total <= 0 {
		if pr.step < 0 {
			fmt.Fprint(pr.w, pr.p.Sprintf("%s …", label))
			pr.step = 0
		}
		return
	}
	if done > total {
		done = total
	}
	step := done * 10 / total
	if step == pr.step && done < total {
		return
	}
	pr.step = step
	fmt.Fprint(pr.w, "\r"+pr.p.Sprintf("%s: %d/%d", label, done, total))
	if done == total {
		fmt.Fprint(pr.w, "\n")
		pr.ended = true
	}
}

// Done ends the open line, if any (main calls it when the build returns,
// so that an error is printed on a line of its own).
func (pr *Printer) Done() {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	if pr.stage != "" && !pr.ended {
		fmt.Fprint(pr.w, "\n")
		pr.ended = true
	}
}
