package site

// Split builds: N machines each build a part of the site, and Merge puts
// the parts together into the tree one build gives.
//
// A part is named by unit path prefixes (fujian/putian: every unit whose
// path starts with it) and SitePart: everything that is not a unit's page —
// home, region pages, feeds of the site and regions, downloads, published
// sources, manifest, sitemap, the one search index, static files. Every
// machine checks all the data and derives the whole model (seconds), and
// renders only its part with Hugo (the expensive stage). A part's folder
// holds its files and .gongshi-part.json, which says what it is: Merge
// refuses parts of different data, templates or dates, a unit in two parts
// or in none, and a file two parts hold with different bytes.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/site/publish"
)

// SitePart names the part of a split build that is not any unit's pages.
const SitePart = ":site"

// partMarker is the file in a part's folder that describes it.
const partMarker = ".gongshi-part.json"

type buildParts struct {
	prefixes []string
	withSite bool
}

// parseParts parses Options.Parts (each may hold several, comma-separated).
func parseParts(specs []string) (*buildParts, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	p := &buildParts{}
	for _, spec := range specs {
		for _, s := range strings.Split(spec, ",") {
			s = strings.Trim(strings.TrimSpace(s), "/")
			switch {
			case s == SitePart:
				p.withSite = true
			case s == "":
				return nil, fmt.Errorf("an empty part: give unit path prefixes (fujian/putian) or %s", SitePart)
			default:
				for _, seg := range strings.Split(s, "/") {
					if seg == "" || strings.Trim(seg, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
						return nil, fmt.Errorf("part %q: not a slug path (fujian/putian) nor %s", s, SitePart)
					}
				}
				p.prefixes = append(p.prefixes, s)
			}
		}
	}
	return p, nil
}

// site reports whether the build writes the site-wide part (a whole build
// does).
func (p *buildParts) site() bool { return p == nil || p.withSite }

// keepUnit reports whether the build renders the unit's pages.
func (p *buildParts) keepUnit(t *model.Unit) bool {
	if p == nil {
		return true
	}
	for _, pre := range p.prefixes {
		if t.Key == pre || strings.HasPrefix(t.Key, pre+"/") {
			return true
		}
	}
	return false
}

// collect moves what the part renders from Hugo's output into the staging
// folder: with the site part everything (Hugo had only the part's units),
// else only the part's units' pages.
func (p *buildParts) collect(hugoOut, staging string, m *model.Model) error {
	l := publish.NewLinker(hugoOut, staging)
	if p.withSite {
		return filepath.WalkDir(hugoOut, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(hugoOut, path)
			if d.IsDir() {
				return l.Mkdir(rel)
			}
			return os.Rename(path, filepath.Join(staging, rel))
		})
	}
	for _, t := range m.Units {
		if !p.keepUnit(t) {
			continue
		}
		for _, f := range unitFiles(t) {
			rel := filepath.FromSlash(f)
			if err := l.Mkdir(filepath.Dir(rel)); err != nil {
				return err
			}
			if err := os.Rename(filepath.Join(hugoOut, rel), filepath.Join(staging, rel)); err != nil {
				return err
			}
		}
	}
	return nil
}

// partInfo is .gongshi-part.json.
type partInfo struct {
	Version int      `json:"version"`
	Parts   []string `json:"parts"`
	Model   string   `json:"model"` // hash of the templates, program, date and every unit's data
	Now     int64    `json:"now"`   // the build's time (Unix nanoseconds): the files' times
	Units   []string `json:"units"` // the units this part rendered
	All     []string `json:"all,omitempty"`
}

// mark writes the part's marker into its staging folder.
func (p *buildParts) mark(staging string, m *model.Model, sums map[string]string, global string, now time.Time) error {
	info := partInfo{Version: publish.Version, Model: modelHash(m, sums, global), Now: now.UnixNano(), Units: []string{}}
	info.Parts = append(info.Parts, p.prefixes...)
	if p.withSite {
		info.Parts = append(info.Parts, SitePart)
	}
	for _, t := range m.Units {
		if p.keepUnit(t) {
			info.Units = append(info.Units, t.Key)
		}
		if p.withSite {
			info.All = append(info.All, t.Key)
		}
	}
	b, err := json.MarshalIndent(info, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(staging, partMarker), b, publish.FileMode)
}

func modelHash(m *model.Model, sums map[string]string, global string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", global)
	for _, t := range m.Units {
		fmt.Fprintf(h, "%s %s\n", t.Key, sums[t.Key])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Merge puts the folders of a split build's parts together into out, as
// one build would have written it, and swaps it into place (atomically, as
// Build). Files are hard-linked from the parts where they share a file
// system, else copied.
func Merge(ctx context.Context, out string, partDirs []string, log io.Writer) (sum Summary, err error) {
	start := time.Now()
	if log == nil {
		log = io.Discard
	}
	if out, err = filepath.Abs(out); err != nil {
		return sum, err
	}
	if len(partDirs) == 0 {
		return sum, errors.New("no parts to merge")
	}
	infos := make([]partInfo, len(partDirs))
	var site *partInfo
	for i, d := range partDirs {
		b, err := os.ReadFile(filepath.Join(d, partMarker))
		if err != nil {
			return sum, fmt.Errorf("%s: not a part of a split build (gongshi build --part …): %w", d, err)
		}
		if err := json.Unmarshal(b, &infos[i]); err != nil {
			return sum, fmt.Errorf("%s: %w", filepath.Join(d, partMarker), err)
		}
		in := &infos[i]
		if in.Version != publish.Version || in.Model != infos[0].Model || in.Now != infos[0].Now {
			return sum, fmt.Errorf("%s and %s are parts of different builds (data, templates, program or SOURCE_DATE_EPOCH differ)", partDirs[0], d)
		}
		if in.All != nil {
			if site != nil {
				return sum, fmt.Errorf("two parts hold %s", SitePart)
			}
			site = in
		}
	}
	if site == nil {
		return sum, fmt.Errorf("no part holds %s (home, regions, downloads, search index)", SitePart)
	}
	owner := map[string]string{}
	for i, in := range infos {
		for _, u := range in.Units {
			if o, dup := owner[u]; dup {
				return sum, fmt.Errorf("unit %s is in two parts: %s and %s", u, o, partDirs[i])
			}
			owner[u] = partDirs[i]
		}
	}
	var missing []string
	for _, u := range site.All {
		if owner[u] == "" {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return sum, fmt.Errorf("%d unit(s) in no part, e.g. %s", len(missing), missing[0])
	}
	sum.Units = len(site.All)

	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return sum, err
	}
	unlock, err := lockBuild(ctx, CacheDir(out), out, false, log) // builds take turns (lock.go)
	if err != nil {
		return sum, err
	}
	defer unlock()
	publish.RecoverStale(out, log)
	staging, err := os.MkdirTemp(parent, publish.StagingPrefix(out)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return sum, err
	}
	defer func() {
		if err != nil {
			publish.RemoveTree(staging)
		}
	}()
	t0 := time.Now()
	for _, d := range partDirs {
		if err := publish.MergeInto(ctx, d, staging, partMarker); err != nil {
			return sum, err
		}
	}
	i18n.Logf(log, "%-9s %d parts (%s)\n", i18n.Sprintf(i18n.LogPrinter(log), "merge"), len(partDirs), time.Since(t0).Round(time.Millisecond))
	now := time.Unix(0, site.Now)
	_, tally, err := publish.Settle(staging, now)
	if err != nil {
		return sum, err
	}
	sum.Files, sum.Pages, sum.Bytes = tally.Files, tally.Pages, tally.Bytes
	cache := CacheDir(out)
	if sum.Changes, err = publish.DiffTrees(out, staging); err != nil {
		return sum, err
	}
	if err := publish.DropState(cache); err != nil {
		return sum, err
	}
	backup, err := publish.Swap(staging, out)
	if err != nil {
		return sum, err
	}
	if err := publish.WriteChanges(cache, sum.Changes); err != nil {
		return sum, err
	}
	if backup != "" {
		if err := publish.Discard(cache, backup, nil); err != nil {
			return sum, err
		}
	}
	sum.Duration = time.Since(start)
	return sum, nil
}
