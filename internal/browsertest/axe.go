package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axe-core comes from npm (testdata/axe/package.json, pinned by its
// package-lock.json); .ci/run runs npm ci there. The script is injected
// into the page under test, so the page itself loads nothing from
// elsewhere.

// AxeScript is the path of axe.min.js, or "" when npm ci has not run.
func AxeScript() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	p := filepath.Join(filepath.Dir(file), "testdata", "axe", "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// AxeViolation is one rule axe found broken, with the elements breaking it.
type AxeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v AxeViolation) String() string {
	var where []string
	for i, n := range v.Nodes {
		if i == 3 {
			where = append(where, "…")
			break
		}
		b, _ := json.Marshal(n.Target)
		where = append(where, string(b))
	}
	return v.ID + " (" + v.Impact + "): " + v.Help + " at " + strings.Join(where, ", ")
}

// Axe runs axe-core on the page open in ctx with the WCAG 2 A and AA rules
// and returns the violations. Without axe-core installed it skips the test
// (fails where GONGSHI_REQUIRE_BROWSER is set, as in CI).
func Axe(t testing.TB, ctx context.Context) []AxeViolation {
	t.Helper()
	p := AxeScript()
	if p == "" {
		msg := "axe-core is not installed: (cd internal/browsertest/testdata/axe && npm ci)"
		if os.Getenv("GONGSHI_REQUIRE_BROWSER") != "" {
			t.Fatal(msg + ", and GONGSHI_REQUIRE_BROWSER is set (as in CI)")
		}
		t.Skip(msg)
	}
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](string(src)+";0")); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	const run = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var vs []AxeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe-core's answer: %v", err)
	}
	return vs
}
