package site

import (
	"bytes"
	"runtime"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
)

// The embedded Hugo (v0.165.0) can hang for good when the templates fail on
// ten pages or more: its error collector stops reading after the tenth
// error and stops the build, the page workers see the stop and return, and
// the tree walker, which looked for the stop just before, waits to hand the
// next page to workers that are gone; the collator then waits for the
// walker to read its result (hugolib.(*Site).renderPages and errorCollator,
// both on a channel send). Seen in one run of six to one of thirteen with
// a missing partial. Nothing in Hugo ends it: the process uses no CPU and ignores
// SIGTERM, `gongshi build` never returns and `gongshi serve` keeps Hugo's
// lock, so every later rebuild waits behind it.
//
// hugoWatch.wait waits for Hugo and looks, every poll, for that state: the
// collator goroutine blocked on a channel send. The collator sends only
// once, after the render loop; when the walk ends normally it is received at
// once, and after a stop the workers finish the page they hold and the walk
// ends within seconds. So the same collator still blocked on its send after
// stall means the hang, never a slow disk. Hugo's goroutines are then left
// blocked (they hold nothing the next run needs) and the build fails with
// an error that says what happened.
type hugoWatch struct {
	poll  time.Duration // how often the goroutines are looked at
	stall time.Duration // how long the collator may wait on its send
	// stacks returns every goroutine's stack (runtime.Stack, all).
	stacks func() []byte
}

var defaultHugoWatch = hugoWatch{poll: 5 * time.Second, stall: 60 * time.Second, stacks: allStacks}

func allStacks() []byte {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// errHugoHung is the build's error when the watch saw the hang.
func errHugoHung() error {
	return i18n.Errorf("hugo: the site's templates failed on ten pages or more and Hugo stopped without finishing (a defect of the embedded Hugo v0.165.0): nothing was published; fix the layouts changed since the last good build (a build of a few units' data shows the templates' errors)")
}

// wait returns Hugo's result from done, or hung once the collator has
// been blocked on its send for w.stall.
func (w hugoWatch) wait(done <-chan error) (hung bool, err error) {
	t := time.NewTicker(w.poll)
	defer t.Stop()
	var blocked string // the blocked collator's goroutine header
	var since time.Time
	for {
		select {
		case err := <-done:
			return false, err
		case now := <-t.C:
			g := blockedCollator(w.stacks())
			switch {
			case g == "":
				blocked = ""
			case g != blocked:
				blocked, since = g, now
			case now.Sub(since) >= w.stall:
				return true, nil
			}
		}
	}
}

// collatorFrame is the function of Hugo's error collator in a stack dump.
var collatorFrame = []byte("github.com/gohugoio/hugo/hugolib.(*Site).errorCollator(")

// blockedCollator returns the goroutine id ("goroutine 42") of a Hugo error
// collator blocked on a channel send in the runtime.Stack dump, or "".
func blockedCollator(dump []byte) string {
	for _, g := range bytes.Split(dump, []byte("\n\n")) {
		header, _, _ := bytes.Cut(g, []byte("\n"))
		// "goroutine 42 [chan send]:" or "goroutine 42 [chan send, 3 minutes]:"
		id, state, ok := bytes.Cut(header, []byte(" ["))
		if !ok || !bytes.HasPrefix(id, []byte("goroutine ")) {
			continue
		}
		if !bytes.HasPrefix(state, []byte("chan send")) || !bytes.Contains(g, collatorFrame) {
			continue
		}
		return string(id)
	}
	return ""
}
