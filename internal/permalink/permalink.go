// Package permalink is the one place that says where a page lives on the
// site. Pages, feeds, CSV/JSON downloads and search results all link through
// it, so a finding's citable URL is the same everywhere.
package permalink

import (
	"strconv"

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

// Notice is the page of one notice, keyed by its signed date.
func Notice(n *notice.Notice) string {
	return Township(n.Region) + "notices/" + string(n.Signed) + "/"
}

// Finding is a finding's permalink: township, inspection (its start date)
// and number. It does not change when a later notice updates the status.
func Finding(r notice.Region, in notice.Inspection, number int) string {
	return Township(r) + "findings/" + in.ID() + "/" + strconv.Itoa(number) + "/"
}
