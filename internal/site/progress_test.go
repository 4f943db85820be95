package site

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgress holds Options.Progress to the stages a build runs, in
// order, each once, counted against the stages of that build.
func TestProgress(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []string
		want  string
	}{
		{"full", nil, "check 1/6, model 2/6, downloads 3/6, index 4/6, hugo 5/6, publish 6/6"},
		{"part", []string{"fujian"}, "check 1/4, model 2/4, hugo 3/4, publish 4/4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			o := Options{Root: repoRoot(t), Data: bundledData(t), Out: filepath.Join(t.TempDir(), "public"), Now: asOf,
				Log: &logWriter{t: t}, Parts: tc.parts,
				Progress: func(stage string, done, total int) {
					got = append(got, fmt.Sprintf("%s %d/%d", stage, done, total))
				}}
			if _, err := Build(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			if s := strings.Join(got, ", "); s != tc.want {
				t.Errorf("progress %s\nwant %s", s, tc.want)
			}
		})
	}
}
