package intake

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// matchEarlier gives the findings of a later notice the numbers they have
// in the first notice on the same unit and inspection, when the notice
// numbers its findings again in each category (so its findings carry a
// label and its numbers are only its own order). A finding is the same
// finding when its category, group and printed label are the same; failing
// that, when its title is. A finding the first notice does not have gets a
// number after the last. It returns notes for the report.
func matchEarlier(n *notice.Notice, printed []string, dataDir string) []*i18n.Error {
	if n.Inspection.ID() == "" || len(printed) != len(n.Findings) {
		return nil
	}
	first := earliest(n, dataDir)
	if first == nil {
		return nil
	}
	restart := false
	for _, f := range append(append([]notice.Finding(nil), n.Findings...), first.Findings...) {
		restart = restart || f.Label != ""
	}
	if !restart {
		return nil
	}
	// A later notice that lists one finding per category looks numbered
	// straight through; the printed labels say what it numbered.
	for i := range n.Findings {
		n.Findings[i].Label = printed[i]
	}
	type key struct {
		cat, grp int
		label    string
	}
	byKey := map[key]int{}
	byTitle := map[string]int{}
	max := 0
	for _, f := range first.Findings {
		byKey[key{f.CategoryNo, f.GroupNo, f.Label}] = f.Number
		byTitle[f.Title] = f.Number
		if f.Number > max {
			max = f.Number
		}
	}
	used := map[int]bool{}
	matched, added := 0, 0
	var notes []*i18n.Error
	for i := range n.Findings {
		f := &n.Findings[i]
		num, ok := byKey[key{f.CategoryNo, f.GroupNo, f.Label}]
		if !ok || used[num] {
			num, ok = byTitle[f.Title]
		}
		if !ok || used[num] {
			max++
			num = max
			added++
			notes = append(notes, i18n.Msg("finding %s %s is not in the first notice on this inspection (signed %s): numbered %d", f.Label, clip(f.Title, 20), string(first.Signed), num))
		} else {
			matched++
		}
		used[num] = true
		f.Number = num
	}
	for i := range n.Outstanding {
		// 第N点 in a notice that numbers again in each category is its own order
		o := &n.Outstanding[i]
		if o.Finding >= 1 && o.Finding <= len(n.Findings) {
			o.Finding = n.Findings[o.Finding-1].Number
		}
	}
	sort.SliceStable(n.Findings, func(i, j int) bool { return n.Findings[i].Number < n.Findings[j].Number })
	return append([]*i18n.Error{i18n.Msg("numbering: %d findings matched to the first notice on this inspection (signed %s) by category, group and printed number, %d new", matched, string(first.Signed), added)}, notes...)
}

// earliest is the first notice (earliest signed) on n's unit and
// inspection among the data files in n's unit folder, signed before n; nil
// if none.
func earliest(n *notice.Notice, dataDir string) *notice.Notice {
	if e := earlier(n, dataDir); len(e) > 0 {
		return e[0]
	}
	return nil
}

// earlier are the notices on n's unit and inspection among the data files
// in n's unit folder that were signed before n, earliest first. A file that
// does not decode is left out (check reports it).
func earlier(n *notice.Notice, dataDir string) []*notice.Notice {
	if dataDir == "" {
		return nil
	}
	dir := filepath.Join(dataDir, filepath.FromSlash(n.UnitPath()))
	entries, err := os.ReadDir(dir)
	if err != nil || n.Inspection.ID() == "" {
		return nil
	}
	var out []*notice.Notice
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		f, err := store.Decode(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		o := f.Notice
		if o.Inspection.ID() != n.Inspection.ID() || o.Signed >= n.Signed || o.UnitPath() != n.UnitPath() {
			continue
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Signed < out[j].Signed })
	return out
}

// clip shortens s to n runes for a note.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// printedLabels are the findings' numbers as printed, in order: the label of
// each finding line, the number cell of each table row.
func printedLabels(res *importer.Result) []string {
	var out []string
	for _, c := range res.Lines {
		switch c.Role {
		case importer.RoleFinding:
			out = append(out, strings.TrimSpace(c.Label))
		case importer.RoleTableRow:
			l := ""
			for _, f := range c.Fields {
				if f.Key == "number" {
					l = f.Text
				}
			}
			out = append(out, l)
		}
	}
	return out
}
