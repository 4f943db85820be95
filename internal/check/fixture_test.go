package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Fictitious places only: test data never names a real township.
func sampleRegion(township, slug string) notice.Region {
	return notice.Region{
		Province: "示例省", ProvinceSlug: "shilisheng",
		City: "示例市", CitySlug: "shilishi",
		County: "示例县", CountySlug: "shilixian",
		Township: township, TownshipSlug: slug,
	}
}

var sampleInspection = notice.Inspection{
	Body: "县委巡察二组", Target: "样本镇0001党委",
	Start: "2023-07-03", End: "2023-08-18", Feedback: "2024-01-16",
}

// validNotices is the valid fixture: a first notice on an inspection of
// 样本镇0001, a later notice on the same inspection that lists only the
// finding it updates and refers to a finding of the first, and a notice of a
// second township.
func validNotices() []*notice.Notice {
	first := &notice.Notice{
		Title:      "中共样本镇0001委员会关于巡察整改进展情况的通报",
		Issuer:     "中共样本镇0001委员会",
		Kind:       "整改进展",
		Signed:     "2024-06-01",
		Published:  "2024-06-15",
		Source:     "示例县纪委监委网站",
		SourceURL:  "https://example.org/notices/0001.html",
		Original:   "seeds/sample_0001.txt",
		Region:     sampleRegion("样本镇0001", "yangbenzhen0001"),
		Inspection: sampleInspection,
		Preamble:   "根据示例县委巡察工作统一部署,县委巡察二组对样本镇0001党委开展了巡察。",
		Headings: notice.Headings{
			Organisation: "一、被巡察党组织及其主要负责人组织落实整改情况",
			Findings:     "二、巡察反馈问题的整改情况",
		},
		Organisation: notice.Organisation{
			Intro:  "镇党委高度重视巡察整改工作。",
			Points: []string{"一是提高站位。", "二是压实责任。"},
		},
		Regulations: []string{"《样本镇0001示例制度》"},
		Findings: []notice.Finding{
			{
				Number: 1, CategoryNo: 1, Category: "示例类别一", GroupNo: 1, Group: "示例分组一",
				Title: "示例问题一。", Problem: "示例问题描述,多支付工程款。",
				Status: notice.StatusDone, StatusText: "已整改",
				Rectification: "一是已退回3.85万元。二是已制定制度。",
				Measures:      []string{"一是已退回3.85万元。", "二是已制定制度。"},
				Amounts:       []notice.Amount{{Text: "3.85万元", Yuan: 38500}},
				Dates:         []notice.DateRef{{Text: "2024年3月20日", Date: "2024-03-20"}},
			},
			{
				Number: 2, CategoryNo: 1, Category: "示例类别一", GroupNo: 1, Group: "示例分组一",
				Title: "示例问题二。", Problem: "示例问题描述。",
				Status: notice.StatusInProgress, StatusText: "正在整改中",
				Rectification: "已对接有关单位,力争2025年底前完成。",
				Amounts:       []notice.Amount{{Text: "1,200元", Yuan: 1200}, {Text: "5亿元", Yuan: 500_000_000}},
				Dates:         []notice.DateRef{{Text: "2025年", Date: "2025"}},
			},
			{
				Number: 3, CategoryNo: 2, Category: "示例类别二", GroupNo: 1, Group: "示例分组二",
				Title: "示例问题三。", Status: notice.StatusInProgress, StatusText: "正在整改中",
			},
		},
		Accountability: notice.Accountability{
			Text: "共处理3人。", People: 3,
			ByRank: []notice.RankCount{{Rank: "科级干部", Count: 1}},
			ByForm: []notice.FormCount{{Form: "诫勉谈话", Count: 2}, {Form: "提醒谈话", Count: 1}},
		},
		Petitions: notice.Petitions{Text: "信访件5件,办结4件,1件正在办理。", Transferred: 5, Closed: 4, Pending: 1},
		Outstanding: []notice.Outstanding{
			{Number: 1, Finding: 2, Heading: "关于巡察反馈第2点示例问题二", DeadlineText: "2024年12月前", Deadline: "2024-12-31"},
			{Number: 2, Finding: 3, Heading: "关于巡察反馈第3点示例问题三"},
		},
		NextPlan:  "继续深化整改。",
		Signature: notice.Signature{Issuer: "中共样本镇0001委员会", DateText: "2024年6月1日"},
		Unplaced:  []notice.Line{{Line: 3, Text: "阅读:"}},
	}
	later := &notice.Notice{
		Title:      "中共样本镇0001委员会关于巡察整改情况的通报",
		Issuer:     "中共样本镇0001委员会",
		Kind:       "整改情况",
		Signed:     "2024-12-02",
		Region:     sampleRegion("样本镇0001", "yangbenzhen0001"),
		Inspection: sampleInspection,
		Findings: []notice.Finding{{
			Number: 3, Title: "示例问题三。", Status: notice.StatusDone, StatusText: "已整改到位",
		}},
		Outstanding: []notice.Outstanding{{Number: 1, Finding: 2, Heading: "关于巡察反馈第2点示例问题二"}},
	}
	other := &notice.Notice{
		Title:  "中共样本镇0002委员会关于巡察整改进展情况的通报",
		Issuer: "中共样本镇0002委员会",
		Signed: "2024-06-01",
		Region: sampleRegion("样本镇0002", "yangbenzhen0002"),
		Inspection: notice.Inspection{
			Body: "县委巡察三组", Start: "2023-09-04",
		},
		Findings: []notice.Finding{{
			Number: 1, Title: "示例问题。", Status: notice.StatusNotStarted, StatusText: "尚未整改",
		}},
	}
	county := sampleRegion("", "")
	department := &notice.Notice{
		Title: "中共示例县文旅局党组关于巡察整改情况的通报", Issuer: "中共示例县文旅局党组", Signed: "2024-08-01",
		Region:     county,
		Unit:       notice.Unit{Kind: notice.UnitDepartment, Name: "示例县文旅局", Slug: "shilixianwenlvju"},
		Inspection: notice.Inspection{Body: "县委巡察一组", Target: "示例县文旅局党组", Start: "2024-03-01"},
		Stated:     notice.Stated{Problems: notice.IntP(2), Done: notice.IntP(1), Texts: []string{"反馈2个问题", "已完成整改1个"}},
		Findings: []notice.Finding{
			{Number: 1, Label: "1.", CategoryNo: 1, Category: "示例方面", Title: "示例问题一", Status: notice.StatusUnstated, Measures: []string{"一是示例措施。"}},
			{Number: 2, Label: "1.", CategoryNo: 2, Category: "示例方面二", Title: "示例问题二", Status: notice.StatusDone, StatusText: "已完成",
				Responsible: "局办公室", DeadlineText: "2024年6月底前", Deadline: "2024-06-30"},
		},
	}
	summary := &notice.Notice{
		Title: "示例县关于巡察整改进展情况的通报", Issuer: "中共示例县委巡察工作领导小组办公室", Signed: "2024-09-01",
		Region:     county,
		Unit:       notice.Unit{Kind: notice.UnitRegion, Name: "示例县"},
		Inspection: notice.Inspection{Start: "2024-03-01"},
		Stated: notice.Stated{Problems: notice.IntP(697), Done: notice.IntP(688), InProgress: notice.IntP(4), NotDone: notice.IntP(5),
			Rate: "98.71%", Units: notice.IntP(40), Money: []notice.Amount{{Text: "66.57万元", Yuan: 665700}}},
	}
	village := &notice.Notice{
		Title: "中共示例村支部委员会关于巡察整改情况的通报", Issuer: "中共示例村支部委员会", Signed: "2024-07-01",
		Region:     sampleRegion("样本镇0002", "yangbenzhen0002"),
		Unit:       notice.Unit{Kind: notice.UnitVillage, Name: "示例村", Slug: "shilicun"},
		Inspection: notice.Inspection{Start: "2024-03-01"},
		Findings:   []notice.Finding{{Number: 1, Title: "示例问题。", Status: notice.StatusInProgress, StatusText: "正在整改"}},
	}
	return []*notice.Notice{first, later, other, department, summary, village}
}

// TestValidFixture keeps testdata/valid in step with validNotices (run with
// -update to rewrite it) and proves that it passes every check, and that
// the files decode back to the same notices.
func TestValidFixture(t *testing.T) {
	const dir = "testdata/valid"
	want := map[string]*notice.Notice{}
	for _, n := range validNotices() {
		p := filepath.Join(dir, store.RelPath(n))
		want[p] = n
		b, err := store.Encode(n)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := store.WriteFileAtomic(p, b, true); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, b) {
			t.Errorf("%s is not store.Encode of its notice; run go test -update", p)
		}
	}
	files, probs, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("unexpected problem: %s", p)
	}
	if len(files) != len(want) {
		t.Fatalf("Dir returned %d files, want %d", len(files), len(want))
	}
	for _, f := range files {
		if !reflect.DeepEqual(f.Notice, want[f.Path]) {
			t.Errorf("%s decodes to\n%+v\nwant\n%+v", f.Path, f.Notice, want[f.Path])
		}
	}
}
