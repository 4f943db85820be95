package search

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// displayRun is the display-file part of an export (startExport to wait).
type displayRun struct {
	files   map[string][]byte // the display files as the site holds them: written, and kept from the previous site
	kept    []string
	encoded int64 // units encoded
	reads   int64 // previous files read
	sums    map[string]sum
	units   map[string]unitSum
}

// exportDisplay runs the display-file part of an export of docs, in place
// against the site prev ("": none) with the manifest in cache ("": none).
func exportDisplay(t *testing.T, docs []Doc, prev, cache string) displayRun {
	t.Helper()
	site := t.TempDir()
	var prevDir string
	if prev != "" {
		prevDir = Dir(prev)
	}
	e0, r0 := encodedUnits.Load(), prevReads.Load()
	e := startExport(docs, Dir(site), prevDir, cache)
	if err := e.wait(); err != nil {
		t.Fatal(err)
	}
	run := displayRun{kept: e.chunks.kept, encoded: encodedUnits.Load() - e0, reads: prevReads.Load() - r0,
		sums: e.chunks.sums, units: e.chunks.units}
	run.files = map[string][]byte{}
	if _, err := os.Stat(filepath.Join(Dir(site), "d")); err == nil {
		run.files = displayFiles(t, site)
	}
	for _, k := range run.kept {
		if _, ok := run.files[k]; ok {
			t.Errorf("%s: kept and written", k)
		}
		b, err := os.ReadFile(filepath.Join(prevDir, filepath.FromSlash(k)))
		if err != nil {
			t.Errorf("%s: kept: %v", k, err)
		}
		run.files[k] = b
	}
	if e.nchunks != len(run.files) {
		t.Errorf("%d display files counted, %d in the site", e.nchunks, len(run.files))
	}
	return run
}

// TestInPlaceDisplayUnits: an in-place export whose documents changed in
// one unit encodes that unit's display files alone, keeps every other
// unit's from their key in the manifest, and gives the display files (and
// the next manifest's sums) of a full export, whichever of the display
// data changed.
func TestInPlaceDisplayUnits(t *testing.T) {
	c, err := searchtest.Mixed(6, 5)
	if err != nil {
		t.Fatal(err)
	}
	base := Docs(c)
	prev, cache := t.TempDir(), t.TempDir()
	if _, err := BuildSiteWith(context.Background(), c, prev, nil, Options{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	all := exportDisplay(t, base, "", cache) // units: every unit's key
	units := len(all.units)
	if units < 5 {
		t.Fatalf("%d units", units)
	}

	// i is a finding of a unit in the middle, j another document of it.
	n := c.Notices[len(c.Notices)/2]
	i := slices.IndexFunc(base, func(d Doc) bool { return d.Notice == n && d.Kind == KindFinding })
	j := i + 1
	if i < 0 || j >= len(base) || base[j].Notice != n {
		t.Fatal("no two documents of a notice in the middle")
	}
	unit := n.UnitPath()
	otherCat := ""
	for _, d := range base {
		if d.Category != "" && d.Category != base[i].Category {
			otherCat = d.Category
		}
	}
	otherStatus := notice.Statuses[0]
	if base[i].Status == otherStatus {
		otherStatus = notice.Statuses[1]
	}
	if otherCat == "" || base[i].Title == "" {
		t.Fatal("no other category, or no title")
	}

	for _, tc := range []struct {
		name   string
		change func(ds []Doc) []Doc
	}{
		{"nothing", func(ds []Doc) []Doc { return ds }},
		{"title", func(ds []Doc) []Doc { ds[i].Title += "改"; return ds }},
		{"url", func(ds []Doc) []Doc { ds[i].URL += "x"; return ds }},
		{"category", func(ds []Doc) []Doc { ds[i].Category = otherCat; return ds }},
		{"no category", func(ds []Doc) []Doc { ds[i].Category = ""; return ds }},
		{"text", func(ds []Doc) []Doc { ds[i].Text += "。"; return ds }},
		{"kind", func(ds []Doc) []Doc { ds[i].Kind = KindOutstanding; return ds }},
		{"number", func(ds []Doc) []Doc { ds[i].Number += 100; return ds }},
		{"status", func(ds []Doc) []Doc { ds[i].Status = otherStatus; return ds }},
		{"title into url", func(ds []Doc) []Doc { // the same bytes one after the other
			r := []rune(ds[i].Title)
			ds[i].Title, ds[i].URL = string(r[:len(r)-1]), string(r[len(r)-1:])+ds[i].URL
			return ds
		}},
		{"texts swapped", func(ds []Doc) []Doc { ds[i].Text, ds[j].Text = ds[j].Text, ds[i].Text; return ds }},
		{"one document fewer", func(ds []Doc) []Doc { return slices.Delete(ds, i, i+1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := tc.change(slices.Clone(base))
			want := exportDisplay(t, docs, "", "")
			got := exportDisplay(t, docs, prev, cache)
			if d := diffFiles(want.files, got.files); len(d) > 0 {
				t.Errorf("%d display files differ from a full export's, e.g. %s", len(d), d[0])
			}
			wantEncoded := int64(1)
			if tc.name == "nothing" {
				wantEncoded = 0
			}
			if got.encoded != wantEncoded || got.reads != 0 {
				t.Errorf("%d units encoded (of %d), %d previous files read; want %d, 0", got.encoded, units, got.reads, wantEncoded)
			}
			// The unit's changed files are written (its others are kept, by
			// their sums), every other unit's files kept.
			written := 0
			for name := range want.files {
				if path.Dir(name) == "d/"+unit && !slices.Contains(got.kept, name) {
					written++
				}
			}
			if (written > 0) != (wantEncoded == 1) {
				t.Errorf("%d display files of %s written", written, unit)
			}
			for name := range want.files {
				if path.Dir(name) != "d/"+unit && !slices.Contains(got.kept, name) {
					t.Errorf("%s not kept", name)
				}
			}
			if !maps.Equal(got.sums, sumsOf(want.files)) {
				t.Error("the sums for the next manifest are not the files'")
			}
			full := exportDisplay(t, docs, "", cache)
			if !maps.Equal(got.units, full.units) {
				t.Error("the units for the next manifest are not a full export's")
			}
		})
	}
}

func sumsOf(files map[string][]byte) map[string]sum {
	out := map[string]sum{}
	for n, b := range files {
		out[n] = sumOf(b)
	}
	return out
}

// TestInPlaceDisplayUnitsManifest: a manifest in the previous format, one
// without units, one with another key for a unit, or a unit's file of
// another size in the site: the units concerned are encoded and go
// through the comparison of their files, with the same result.
func TestInPlaceDisplayUnitsManifest(t *testing.T) {
	c, err := searchtest.Mixed(4, 7)
	if err != nil {
		t.Fatal(err)
	}
	docs := Docs(c)
	prev, cache := t.TempDir(), t.TempDir()
	if _, err := BuildSiteWith(context.Background(), c, prev, nil, Options{Cache: cache}); err != nil {
		t.Fatal(err)
	}
	mf := filepath.Join(cache, sumsFile)
	good, err := os.ReadFile(mf)
	if err != nil {
		t.Fatal(err)
	}
	want := exportDisplay(t, docs, "", "")
	units := int64(len(exportDisplay(t, docs, "", cache).units))
	header, body, _ := bytes.Cut(good, []byte("\n"))
	var files, unitLines []string
	for _, l := range strings.SplitAfter(string(body), "\n") {
		if strings.HasPrefix(l, "u ") {
			unitLines = append(unitLines, l)
		} else if l != "" && !strings.HasPrefix(l, "s ") {
			files = append(files, l)
		}
	}
	if len(unitLines) != int(units) {
		t.Fatalf("%d unit lines in the manifest, %d units", len(unitLines), units)
	}
	// victim is a unit's path and its first display file.
	f := strings.Fields(unitLines[len(unitLines)/2])
	victim, victimFile := f[3], "d/"+f[3]+"/0.json"
	otherKey := "u " + strings.Repeat("0", 64) + " " + f[2] + " " + victim + "\n"

	for _, tc := range []struct {
		name     string
		manifest string
		grow     bool  // the victim's first file grows by a byte in the site
		encoded  int64 // units encoded
		reads    int64 // previous files read
	}{
		{"current", string(good), false, 0, 0},
		{"previous format", strings.Replace(string(header), "sums 3", "sums 2", 1) + "\n" + strings.Join(files, ""),
			false, units, int64(len(want.files))},
		{"no units", string(header) + "\n" + strings.Join(files, ""), false, units, 0},
		{"another key", strings.Replace(string(good), unitLines[len(unitLines)/2], otherKey, 1), false, 1, 0},
		{"a file of another size", string(good), true, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.HasPrefix(string(header), "gongshi export sums 3 ") {
				t.Fatalf("header %q", header)
			}
			if err := os.WriteFile(mf, []byte(tc.manifest), 0o644); err != nil {
				t.Fatal(err)
			}
			vp := filepath.Join(Dir(prev), filepath.FromSlash(victimFile))
			vb, err := os.ReadFile(vp)
			if err != nil {
				t.Fatal(err)
			}
			if tc.grow {
				if err := os.WriteFile(vp, append(bytes.Clone(vb), ' '), 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.WriteFile(vp, vb, 0o644)
			}
			got := exportDisplay(t, docs, prev, cache)
			if d := diffFiles(want.files, got.files); len(d) > 0 {
				t.Errorf("%d display files differ from a full export's, e.g. %s", len(d), d[0])
			}
			if got.encoded != tc.encoded || got.reads != tc.reads {
				t.Errorf("%d units encoded, %d previous files read; want %d, %d", got.encoded, got.reads, tc.encoded, tc.reads)
			}
			if kept := slices.Contains(got.kept, victimFile); kept == tc.grow {
				t.Errorf("%s kept: %v", victimFile, kept)
			}
		})
	}
}
