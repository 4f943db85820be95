package model

import (
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
)

// regions builds the region tree and the region pages: provinces, cities,
// counties, and the townships whose villages were inspected when the
// township itself has no page.
func regions(units []*Unit, byKey map[string]*Unit) ([]*TreeNode, []*Region) {
	var tree []*TreeNode
	var pages []*Region
	nodes := map[string]*TreeNode{}
	regs := map[string]*Region{}
	childLevel := []string{"", "市", "县（市、区）", "单位", "村（社区）"}
	for _, u := range units {
		r := u.Region
		names := []string{r.Province, r.City, r.County, r.Township}
		levels := min(depth(r), 3)
		if u.IsSummary {
			levels = depth(r)
		} else if u.Kind == notice.UnitVillage && depth(r) == 4 {
			if tw := byKey[r.Path()]; tw == nil || tw.Kind != notice.UnitTownship {
				levels = 4
			}
		}
		parent := &tree
		for d := 1; d <= levels; d++ {
			url := permalink.Region(r, d)
			n, ok := nodes[url]
			if !ok {
				n = &TreeNode{Name: names[d-1], URL: url, Children: []*TreeNode{}}
				nodes[url] = n
				*parent = append(*parent, n)
				reg := &Region{
					Key:        contentPath(url),
					URL:        url,
					Path:       contentPath(url),
					Level:      d,
					Name:       names[d-1],
					Place:      strings.Join(names[:d], ""),
					Breadcrumb: breadcrumb(r, d),
					ChildLevel: childLevel[d],
					Units:      []*TreeNode{},
					Open:       []*OpenRef{},
					Summaries:  []*SummaryRef{},
					feeds:      d == 3,
				}
				if d == 2 || d == 3 {
					reg.Downloads = &Downloads{CSV: url + "findings.csv", CSVZh: url + "findings-zh.csv", JSON: url + "findings.json"}
					if reg.feeds {
						reg.Downloads.RSS, reg.Downloads.Atom = url+"rss.xml", url+"atom.xml"
					}
				}
				regs[url] = reg
				pages = append(pages, reg)
			}
			n.Counts.add(u.Counts)
			regs[url].units = append(regs[url].units, u)
			parent = &n.Children
		}
		switch {
		case u.IsSummary:
		case u.Kind == notice.UnitVillage && levels < 4:
			// Below its township's node, added when the township was.
			if tw := nodes["unit:"+r.Path()]; tw != nil {
				tw.Children = append(tw.Children, u.node())
			}
		default:
			n := u.node()
			nodes["unit:"+u.Key] = n
			*parent = append(*parent, n)
		}
	}
	for _, n := range nodes {
		n.Counts.finish()
	}
	for _, reg := range pages {
		n := nodes[reg.URL]
		reg.Counts = n.Counts
		if reg.Level < 3 {
			reg.Children = n.Children
		} else {
			reg.Children = []*TreeNode{}
		}
		fillRegion(reg)
	}
	return tree, pages
}

// fillRegion lists a region's units by kind, its open items, its summary
// notices and its feed.
func fillRegion(reg *Region) {
	kinds := map[notice.UnitKind]*KindCount{}
	var overdue, open []*OpenRef
	var feed []NoticeRef
	for _, u := range reg.units {
		feed = append(feed, u.Feed...)
		if u.IsSummary {
			if u.Key == reg.Key {
				for i := len(u.Notices) - 1; i >= 0; i-- {
					np := u.Notices[i]
					reg.Summaries = append(reg.Summaries, &SummaryRef{
						Title: np.Title, URL: np.URL, Signed: np.Signed, SignedText: np.SignedText, Issuer: np.Issuer,
						Figures: np.StatedFigures, Texts: nonNil(np.Stated.Texts),
					})
				}
			}
			continue
		}
		k := kinds[u.Kind]
		if k == nil {
			k = &KindCount{Kind: u.Kind, Label: u.KindLabel}
			kinds[u.Kind] = k
		}
		k.Counts.add(u.Counts)
		if reg.Level >= 3 || depth(u.Region) == reg.Level {
			reg.Units = append(reg.Units, u.node())
		}
		for _, fs := range u.Findings {
			if fs.Status == notice.StatusDone {
				continue
			}
			if !fs.Overdue && reg.Level < 3 {
				continue
			}
			latest := fs.History[len(fs.History)-1]
			o := &OpenRef{
				Unit: u.Name, UnitURL: u.URL, KindLabel: u.KindLabel, No: fs.No, Title: fs.Merged.Title, URL: fs.URL,
				Status: fs.Status, StatusLabel: fs.StatusLabel, Deadline: fs.DeadlineText, DeadlineRead: fs.DeadlineRead,
				Overdue: fs.Overdue, OverdueNote: fs.OverdueNote, SignedText: latest.SignedText,
			}
			if fs.Overdue {
				overdue = append(overdue, o)
			} else {
				open = append(open, o)
			}
		}
	}
	for _, kind := range notice.UnitKinds {
		if k := kinds[kind]; k != nil {
			k.Counts.finish()
			reg.Kinds = append(reg.Kinds, *k)
		}
	}
	if reg.Kinds == nil {
		reg.Kinds = []KindCount{}
	}
	reg.Open = append(append(reg.Open, overdue...), open...)
	reg.OpenAll = reg.Level >= 3
	reg.Outputs = []string{"html"}
	if reg.feeds && len(feed) > 0 {
		reg.Outputs = []string{"html", "rss", "atom"}
	} else if reg.Downloads != nil {
		reg.Downloads.RSS, reg.Downloads.Atom = "", ""
	}
	if reg.feeds {
		sortNewestFirst(feed)
		reg.Feed = first(feed, feedCount)
		if len(reg.Feed) > 0 {
			reg.FeedDate = reg.Feed[0].FeedDate
		}
	} else {
		reg.Feed = []NoticeRef{}
	}
}

// inspectionText describes an inspection in a line: 县委巡察二组，2023年7月3日至2023年8月18日.
func inspectionText(in notice.Inspection) string {
	s := in.Body
	if in.Start != "" {
		if s != "" {
			s += "，"
		}
		s += dateText(in.Start)
		if in.End != "" {
			s += "至" + dateText(in.End)
		}
	}
	return s
}

func amountTexts(as []notice.Amount) []AmountText {
	out := make([]AmountText, len(as))
	for i, a := range as {
		out[i] = AmountText{Text: a.Text, Yuan: groupDigits(a.Yuan)}
	}
	return out
}

// numbered is the finding with the number in the notice.
func numbered(n *notice.Notice, number int) *notice.Finding {
	for j := range n.Findings {
		if n.Findings[j].Number == number {
			return &n.Findings[j]
		}
	}
	panic("site: the corpus's history names a finding its notice lacks")
}

// merge is the latest version of a finding (versions: oldest first) with
// each text field it left empty taken from the latest earlier version that
// has it, and those fields alone (nil when none).
func merge(versions []*notice.Finding) (notice.Finding, *FillText) {
	last := len(versions) - 1
	m := *versions[last]
	var fill FillText
	filled := false
	for i := last - 1; i >= 0; i-- {
		v := versions[i]
		if m.Category == "" && v.Category != "" {
			m.CategoryNo, m.Category = v.CategoryNo, v.Category
			fill.CategoryNo, fill.Numeral, fill.Category = v.CategoryNo, ChineseNumeral(v.CategoryNo), v.Category
			filled = true
		}
		if m.Group == "" && v.Group != "" {
			m.GroupNo, m.Group = v.GroupNo, v.Group
			fill.GroupNo, fill.Group = v.GroupNo, v.Group
			filled = true
		}
		if m.Problem == "" && v.Problem != "" {
			m.Problem, fill.Problem, filled = v.Problem, v.Problem, true
		}
		if m.Rectification == "" && v.Rectification != "" {
			m.Rectification, m.Measures = v.Rectification, v.Measures
			fill.Parts, filled = parts(*v), true
		}
		if len(m.Amounts) == 0 && len(v.Amounts) > 0 {
			m.Amounts, fill.Amounts, filled = v.Amounts, amountTexts(v.Amounts), true
		}
	}
	if !filled {
		return m, nil
	}
	return m, &fill
}
