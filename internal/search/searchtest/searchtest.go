// Package searchtest gives the search tests (of package search, the API
// and the CLI) their corpora: the bundled seed notice, and the seed mixed
// with a fictitious corpus (示例县, 样本镇0001 — never written to data/).
package searchtest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
	"github.com/gongshi/gongshi/internal/synth"
)

// BundledData is the bundled site's data file of the seed notice,
// relative to the repository.
const BundledData = "data/fujian/putian/xianyou/jiaowei/2024-12-02.toml"

// seedJSON is the seed notice (seeds/000_e336554de99f7c35.txt) as Go
// values, with its region: what the importer makes of it. The tests use
// the bundled data file when it exists, and this until it does.
//
//go:embed seed.json
var seedJSON []byte

// Root is the repository's folder (the one with go.mod), found from the
// working directory.
func Root() string {
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return wd
		}
	}
}

// SeedNotice is the seed notice.
func SeedNotice() (*notice.Notice, error) {
	p := filepath.Join(Root(), BundledData)
	if _, err := os.Stat(p); err == nil {
		f, err := store.Decode(p)
		if err != nil {
			return nil, err
		}
		return f.Notice, nil
	}
	var n notice.Notice
	if err := json.Unmarshal(seedJSON, &n); err != nil {
		return nil, err
	}
	return &n, nil
}

// Seed is the bundled site's corpus: the seed notice.
func Seed() (*notice.Corpus, error) {
	n, err := SeedNotice()
	if err != nil {
		return nil, err
	}
	return notice.NewCorpus([]*notice.Notice{n}), nil
}

// Mixed is the seed notice with a fictitious corpus of the given number
// of townships (two notices each) recombining the seed's sentences.
func Mixed(townships int, seed int64) (*notice.Corpus, error) {
	n, err := SeedNotice()
	if err != nil {
		return nil, err
	}
	src, err := os.ReadFile(filepath.Join(Root(), "seeds", "000_e336554de99f7c35.txt"))
	if err != nil {
		return nil, err
	}
	ns := synth.Generate(synth.Options{Townships: townships, Seed: seed}, synth.ParseText(string(src)))
	return notice.NewCorpus(append(withUnstated(withUnits(ns)), n)), nil
}

// withUnstated leaves every eleventh finding of the fictitious notices
// (the 4th, 15th …) without a status (未说明), as notices that give none
// do, so that each status of notice.Statuses is in the index: the last
// status code is the one an attribute's packing would get wrong.
func withUnstated(ns []*notice.Notice) []*notice.Notice {
	for _, n := range ns {
		for i := range n.Findings {
			if i%11 == 3 {
				n.Findings[i].Status = notice.StatusUnstated
			}
		}
	}
	return ns
}

// withUnits makes some of the fictitious townships other kinds of unit,
// so that the unit facets and filters have several values: every fifth
// (the 2nd, 7th …) a county department, every fifth from the 4th a village
// below its township, every tenth from the 3rd a school.
func withUnits(ns []*notice.Notice) []*notice.Notice {
	for _, n := range ns {
		var i int
		if _, err := fmt.Sscanf(n.Region.TownshipSlug, "zhen%d", &i); err != nil {
			continue
		}
		switch {
		case i%5 == 2:
			n.Region.Township, n.Region.TownshipSlug = "", ""
			n.Unit = notice.Unit{Kind: notice.UnitDepartment, Name: fmt.Sprintf("示例局%04d", i), Slug: fmt.Sprintf("ju%04d", i)}
		case i%5 == 4:
			n.Unit = notice.Unit{Kind: notice.UnitVillage, Name: fmt.Sprintf("示例村%04d", i), Slug: fmt.Sprintf("cun%04d", i)}
		case i%10 == 3:
			n.Region.Township, n.Region.TownshipSlug = "", ""
			n.Unit = notice.Unit{Kind: notice.UnitSchool, Name: fmt.Sprintf("示例中学%04d", i), Slug: fmt.Sprintf("xuexiao%04d", i)}
		}
	}
	return ns
}
