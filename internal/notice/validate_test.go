package notice

import (
	"reflect"
	"testing"
)

// valid is a notice that breaks no rule (fictitious names).
func valid() *Notice {
	return &Notice{
		Title: "中共示例镇委员会关于巡察整改进展情况的通报", Issuer: "中共示例镇委员会", Signed: "2024-12-02", Published: "2024-12-03",
		SourceURL: "https://example.org/n.html",
		Region: Region{Province: "示例省", ProvinceSlug: "shili", City: "示例市", CitySlug: "shili-shi",
			County: "示例县", CountySlug: "shili-xian", Township: "样本镇0001", TownshipSlug: "yangben-0001"},
		Inspection:   Inspection{Start: "2024-03-15", End: "2024-06-12", Feedback: "2024-08-13"},
		Regulations:  []string{"《示例制度》"},
		Organisation: Organisation{Points: []string{"一是示例。"}},
		Findings: []Finding{
			{Number: 1, Title: "题一", Status: StatusDone, StatusText: "已整改", Measures: []string{"一是示例。"},
				Amounts: []Amount{{Text: "3.85万元", Yuan: 38500}}, Dates: []DateRef{{Text: "2024年3月", Date: "2024-03"}}},
			{Number: 2, Title: "题二", Status: StatusUnstated},
		},
		Accountability: Accountability{People: 2, ByRank: []RankCount{{"科级干部", 2}}, ByForm: []FormCount{{"诫勉谈话", 2}}},
		Petitions:      Petitions{Transferred: 3, Closed: 2, Pending: 1},
		Outstanding:    []Outstanding{{Number: 1, Finding: 1}, {Number: 2, Finding: 2}},
	}
}

// Each rule of Validate, broken once: the field and the message check
// prints for it (the same text as before the rules moved here, so check's
// output and its catalog entries stay as they were).
func TestValidate(t *testing.T) {
	if errs := valid().Validate(); len(errs) != 0 {
		t.Fatalf("the valid notice: %v", errs)
	}
	for _, c := range []struct {
		name  string
		spoil func(n *Notice)
		want  []FieldError
	}{
		{"no title", func(n *Notice) { n.Title = " " }, []FieldError{{Field: "title", Msg: "title is empty", Required: true}}},
		{"no issuer", func(n *Notice) { n.Issuer = "" }, []FieldError{{Field: "issuer", Msg: "issuer is empty", Required: true}}},
		{"no signed date", func(n *Notice) { n.Signed = ""; n.Published = "" }, []FieldError{{Field: "signed", Msg: "signed is empty", Required: true}}},
		{"no region", func(n *Notice) { n.Region = Region{} }, []FieldError{
			{Field: "region.province", Msg: "region.province is empty", Required: true},
			{Field: "region.province_slug", Msg: "region.province_slug is empty", Required: true}}},
		{"no inspection start: the feedback date identifies it", func(n *Notice) { n.Inspection.Start = "" }, nil},
		{"no inspection start nor feedback", func(n *Notice) { n.Inspection.Start, n.Inspection.Feedback = "", "" }, []FieldError{{Field: "inspection.start",
			Msg: "inspection.start and inspection.feedback are both empty: an inspection is identified by its first day (进驻) or, where the notice states none, by the day its findings were fed back (反馈)", Required: true}}},
		{"bad slug", func(n *Notice) { n.Region.CountySlug = "Shili Xian" }, []FieldError{{Field: "region.county_slug",
			Msg: `region.county_slug "Shili Xian" must be lowercase ASCII letters and digits, words joined by single hyphens (like xianyou or sample-town-1)`}}},
		{"not a date", func(n *Notice) { n.Inspection.End = "2024-02-30" }, []FieldError{{Field: "inspection.end", Msg: `inspection.end "2024-02-30" is not a date written YYYY-MM-DD`}}},
		{"dates out of order", func(n *Notice) { n.Signed = "2024-08-01" }, []FieldError{{Field: "signed",
			Msg: "signed 2024-08-01 is before inspection.feedback 2024-08-13: dates must run inspection.start ≤ inspection.end ≤ inspection.feedback ≤ signed ≤ published"}}},
		{"source_url", func(n *Notice) { n.SourceURL = "javascript:alert(1)" }, []FieldError{{Field: "source_url", Msg: `source_url "javascript:alert(1)" must be an http:// or https:// address`}}},
		{"blank regulation", func(n *Notice) { n.Regulations = append(n.Regulations, " ") }, []FieldError{{Field: "regulations[2]", Msg: "regulations[2] is empty"}}},
		{"blank point", func(n *Notice) { n.Organisation.Points[0] = "" }, []FieldError{{Field: "organisation.points[1]", Msg: "organisation.points[1] is empty"}}},
		{"finding number 0", func(n *Notice) { n.Findings[1].Number = 0 }, []FieldError{{Field: "findings[2].number", Msg: "findings[2].number 0 must be 1 or more"}}},
		{"repeated finding number", func(n *Notice) { n.Findings[1].Number = 1 }, []FieldError{{Field: "findings[2].number", Msg: "findings[2].number 1 is repeated: findings[1] has number 1 too"}}},
		{"finding without title", func(n *Notice) { n.Findings[0].Title = "" }, []FieldError{{Field: "findings[1].title", Msg: "findings[1].title is empty", Required: true}}},
		{"finding without status", func(n *Notice) { n.Findings[1].Status = "" }, []FieldError{
			{Field: "findings[2].status", Msg: "findings[2].status is empty", Required: true},
			{Field: "findings[2].status_text", Msg: "findings[2].status_text is empty: only a finding whose status is unstated has no status words", Required: true, Needs: []string{"findings[2].status"}}}},
		{"status not of the vocabulary", func(n *Notice) { n.Findings[0].Status = "待定" }, []FieldError{{Field: "findings[1].status",
			Msg: `findings[1].status "待定" is not one of done, in_progress, not_started, unstated, nor status words as notices write them (已整改, 整改中, 未整改, 未说明 …)`}}},
		{"no status words", func(n *Notice) { n.Findings[0].StatusText = "" }, []FieldError{{Field: "findings[1].status_text",
			Msg: "findings[1].status_text is empty: only a finding whose status is unstated has no status words", Required: true, Needs: []string{"findings[1].status"}}}},
		{"blank measure", func(n *Notice) { n.Findings[0].Measures[0] = "" }, []FieldError{{Field: "findings[1].measures[1]", Msg: "findings[1].measures[1] is empty"}}},
		{"amount without text", func(n *Notice) { n.Findings[0].Amounts[0].Text = "" }, []FieldError{{Field: "findings[1].amounts[1].text", Msg: "findings[1].amounts[1].text is empty", Required: true}}},
		{"negative amount", func(n *Notice) { n.Findings[0].Amounts[0].Yuan = -1 }, []FieldError{{Field: "findings[1].amounts[1].yuan",
			Msg: "findings[1].amounts[1].yuan -1 must not be negative", Needs: []string{"findings[1].amounts[1].text", "findings[1].amounts[1].yuan"}}}},
		{"amount not money", func(n *Notice) { n.Findings[0].Amounts[0].Text = "若干" }, []FieldError{{Field: "findings[1].amounts[1].text",
			Msg: `findings[1].amounts[1].text "若干" is not a sum of money in digits, like 3.85万元, 5亿元 or 1,200元`, Needs: []string{"findings[1].amounts[1].text", "findings[1].amounts[1].yuan"}}}},
		{"amount differs", func(n *Notice) { n.Findings[0].Amounts[0].Yuan = 3850 }, []FieldError{{Field: "findings[1].amounts[1].yuan",
			Msg: `findings[1].amounts[1].yuan is 3850, but its text "3.85万元" says 38500`, Needs: []string{"findings[1].amounts[1].text", "findings[1].amounts[1].yuan"}}}},
		{"partial date", func(n *Notice) { n.Findings[0].Dates[0].Date = "2024-3" }, []FieldError{{Field: "findings[1].dates[1].date",
			Msg: `findings[1].dates[1].date "2024-3" must be a date written YYYY, YYYY-MM or YYYY-MM-DD`}}},
		{"outstanding number 0", func(n *Notice) { n.Outstanding[0].Number = 0 }, []FieldError{
			{Field: "outstanding[1].number", Msg: "outstanding[1].number 0 must be 1 or more"},
			{Field: "outstanding[2].number", Msg: "outstanding[2].number is 2, but 1 is missing: outstanding items are numbered 1, 2, 3 … without gaps",
				Needs: []string{"outstanding[1].number", "outstanding[2].number"}}}},
		{"repeated outstanding number", func(n *Notice) { n.Outstanding[1].Number = 1 }, []FieldError{{Field: "outstanding[2].number", Msg: "outstanding[2].number 1 is repeated: outstanding[1] has number 1 too"}}},
		{"outstanding gap", func(n *Notice) { n.Outstanding[1].Number = 5 }, []FieldError{{Field: "outstanding[2].number",
			Msg: "outstanding[2].number is 5, but 2 to 4 are missing: outstanding items are numbered 1, 2, 3 … without gaps", Needs: []string{"outstanding[1].number", "outstanding[2].number"}}}},
		{"outstanding without finding", func(n *Notice) { n.Outstanding[1].Finding = 0 }, []FieldError{{Field: "outstanding[2].finding", Msg: "outstanding[2].finding 0 must be the number of a finding, 1 or more"}}},
		{"negative count", func(n *Notice) { n.Accountability.ByForm[0].Count = -2 }, []FieldError{{Field: "accountability.by_form[1].count", Msg: "accountability.by_form[1].count -2 must not be negative"}}},
		{"petitions", func(n *Notice) { n.Petitions.Pending = 2 }, []FieldError{{Field: "petitions",
			Msg: "petitions: closed (2) + pending (2) is more than transferred (3)", Needs: []string{"petitions.transferred"}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := valid()
			c.spoil(n)
			got := n.Validate()
			for i := range got {
				if got[i].Loc == nil || got[i].Loc.Error() != got[i].Msg {
					t.Errorf("%s: its message %v is not its English %q", got[i].Field, got[i].Loc, got[i].Msg)
				}
				got[i].Loc = nil
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Validate:\n got %#v\nwant %#v", got, c.want)
			}
		})
	}
}
