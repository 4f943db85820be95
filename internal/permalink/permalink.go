// Package permalink is the one place that says where a page lives on the
// site. Pages, feeds, CSV/JSON downloads and search results all link through
// it, so a finding's citable URL is the same everywhere.
package permalink

import (
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
)

// Region is the page of a region level: depth 1 province … 4 township.
func Region(r notice.Region, depth int) string {
	segs := []string{r.ProvinceSlug, r.CitySlug, r.CountySlug, r.TownshipSlug}
	u := "/"
	for _, s := range segs[:depth] {
		u += s + "/"
	}
	return u
}

// Township is the township's disclosure page.
func Township(r notice.Region) string { return Region(r, 4) }

// Path is the page of a slug path ("fujian/putian" → "/fujian/putian/").
func Path(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// Unit is the page of the notice's inspected unit: its unit path. For a
// township that is the township page; for a region summary it is the
// region's page.
func Unit(n *notice.Notice) string { return Path(n.UnitPath()) }

// Notice is the page of one notice, keyed by its signed date, below its
// unit's page.
func Notice(n *notice.Notice) string {
	return Unit(n) + "notices/" + string(n.Signed) + "/"
}

// Finding is a finding's permalink: unit, inspection (its start date) and
// number. It does not change when a later notice updates the status.
func Finding(n *notice.Notice, number int) string {
	return Unit(n) + "findings/" + n.Inspection.ID() + "/" + strconv.Itoa(number) + "/"
}

// Analysis is the analysis page of the region at the URL (/ for the whole
// site): its charts across notices.
func Analysis(region string) string { return Path(region) + "analysis/" }
