// Package synth generates a fictitious corpus of notices for tests and
// benchmarks. Every place name is plainly fictitious (示例省, 示例市, 示例县01,
// 样本镇0001) and the corpus never lands in data/. The text recombines real
// sentences of the seed notice: random characters would blow up the
// vocabulary and mislead every index and page-weight figure.
package synth

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// Options sizes the corpus.
type Options struct {
	Townships          int   // 样本镇0001 …
	TownshipsPerCounty int   // default 50
	Notices            int   // notices per township, each on its own inspection (default 2)
	Findings           int   // findings per notice (default 60)
	Seed               int64 // the random seed: the same options give the same corpus
	// Repeat is the share of the findings of every round after a
	// township's first that repeat a finding of its previous round,
	// slightly reworded (their similarity stays above the recurrence
	// threshold, docs/themes.md); Near the share that open their problem
	// text with a sentence of a previous finding's, with a title of their
	// own (most stay below it). Their
	// choices come from a random source of their own: with both 0 the
	// corpus is the one the same seed gave before they existed.
	Repeat, Near float64
}

// Text is the material the generator recombines: sentences and headings of
// a real notice.
type Text struct {
	Sentences  []string // sentences ending in 。 from finding paragraphs
	Titles     []string // finding titles (the sentence after (N))
	Categories []string // （一） headings' text
	Groups     []string // 1. headings' text
	Measures   []string // 一是… pieces
}

var (
	reFinding  = regexp.MustCompile(`^[（(](\d+)[)）](.+?)。(.*)$`)
	reCategory = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[)）](.+)$`)
	reGroup    = regexp.MustCompile(`^\d+[.．、](.+)$`)
	reMeasure  = regexp.MustCompile(`[一二三四五六七八九十]是[^。]*。`)
)

// ParseText collects the material from a notice's plain text.
func ParseText(src string) Text {
	var t Text
	seen := map[string]bool{}
	add := func(list *[]string, s string) {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			*list = append(*list, s)
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case reFinding.MatchString(line):
			m := reFinding.FindStringSubmatch(line)
			add(&t.Titles, m[2])
			for _, s := range splitSentences(m[3]) {
				add(&t.Sentences, s)
			}
		case reCategory.MatchString(line):
			add(&t.Categories, reCategory.FindStringSubmatch(line)[1])
		case reGroup.MatchString(line) && len([]rune(line)) < 40:
			add(&t.Groups, reGroup.FindStringSubmatch(line)[1])
		case strings.HasPrefix(line, "整改情况"):
			for _, m := range reMeasure.FindAllString(line, -1) {
				add(&t.Measures, m)
			}
			for _, s := range splitSentences(line) {
				add(&t.Sentences, s)
			}
		}
	}
	return t
}

func splitSentences(s string) []string {
	var out []string
	for _, p := range strings.SplitAfter(s, "。") {
		if p = strings.TrimSpace(p); len([]rune(p)) > 4 {
			out = append(out, p)
		}
	}
	return out
}

// Generate makes the corpus.
func Generate(o Options, t Text) []*notice.Notice {
	if o.TownshipsPerCounty <= 0 {
		o.TownshipsPerCounty = 50
	}
	if o.Notices <= 0 {
		o.Notices = 2
	}
	if o.Findings <= 0 {
		o.Findings = 60
	}
	r := rand.New(rand.NewSource(o.Seed))
	pick := func(list []string) string { return list[r.Intn(len(list))] }
	rep := rand.New(rand.NewSource(o.Seed ^ 0x5eed)) // the repeats' choices
	var out []*notice.Notice
	for i := 1; i <= o.Townships; i++ {
		var prev *notice.Notice // the township's previous round
		county := (i-1)/o.TownshipsPerCounty + 1
		reg := notice.Region{
			Province: "示例省", ProvinceSlug: "shili",
			City: "示例市", CitySlug: "shilishi",
			County: fmt.Sprintf("示例县%02d", county), CountySlug: fmt.Sprintf("xian%02d", county),
			Township: fmt.Sprintf("样本镇%04d", i), TownshipSlug: fmt.Sprintf("zhen%04d", i),
		}
		for k := 0; k < o.Notices; k++ {
			year := 2021 + 2*k
			n := &notice.Notice{
				Title:     fmt.Sprintf("中共%s委员会关于巡察整改进展情况的通报", reg.Township),
				Issuer:    fmt.Sprintf("中共%s委员会", reg.Township),
				Kind:      "整改进展",
				Signed:    notice.Date(fmt.Sprintf("%d-12-%02d", year+1, 1+r.Intn(28))),
				Published: notice.Date(fmt.Sprintf("%d-01-%02d", year+2, 1+r.Intn(28))),
				Source:    "示例县纪委监委（虚构）",
				Region:    reg,
				Inspection: notice.Inspection{
					Body: "县委巡察二组", Target: reg.Township + "党委",
					Start:    notice.Date(fmt.Sprintf("%d-07-03", year)),
					End:      notice.Date(fmt.Sprintf("%d-08-18", year)),
					Feedback: notice.Date(fmt.Sprintf("%d-01-16", year+1)),
				},
				Preamble: "本通报为测试用虚构数据，地名与内容均不真实。",
				Headings: notice.Headings{
					Organisation: "一、被巡察党组织及其主要负责人组织落实整改情况",
					Findings:     "二、巡察反馈问题的整改情况",
				},
				Organisation: notice.Organisation{Points: []string{pick(t.Measures), pick(t.Measures)}},
				Regulations:  []string{"示例制度" + fmt.Sprint(r.Intn(100))},
				Signature:    notice.Signature{Issuer: fmt.Sprintf("中共%s委员会", reg.Township)},
			}
			var outstanding []int
			for f := 1; f <= o.Findings; f++ {
				cat := (f-1)*3/o.Findings + 1
				fd := notice.Finding{
					Number: f, CategoryNo: cat, Category: t.Categories[(cat-1)%len(t.Categories)],
					GroupNo: 1 + (f-1)%7, Group: t.Groups[((f-1)%7+cat*7)%len(t.Groups)],
					Title:   strings.TrimSuffix(pick(t.Titles), "。"),
					Problem: pick(t.Sentences) + pick(t.Sentences),
				}
				switch x := r.Intn(20); {
				case x == 0:
					fd.Status, fd.StatusText = notice.StatusInProgress, "正在整改中"
					outstanding = append(outstanding, f)
				case x == 1:
					fd.Status, fd.StatusText = notice.StatusDone, "已整改到位"
				default:
					fd.Status, fd.StatusText = notice.StatusDone, "已整改"
				}
				m1, m2 := pick(t.Measures), pick(t.Measures)
				fd.Measures = []string{m1, m2}
				fd.Rectification = m1 + m2
				if r.Intn(8) == 0 {
					wan := r.Intn(900) + 100 // 1.00万元 … 9.99万元
					text := fmt.Sprintf("%d.%02d万元", wan/100, wan%100)
					fd.Rectification += "已退回资金" + text + "。"
					fd.Amounts = []notice.Amount{{Text: text, Yuan: int64(wan) * 100}}
				}
				if prev != nil && (o.Repeat > 0 || o.Near > 0) {
					x, earlier := rep.Float64(), &prev.Findings[rep.Intn(len(prev.Findings))]
					switch {
					case x < o.Repeat:
						fd.Title, fd.Problem = Reword(earlier.Title, earlier.Problem)
					case x < o.Repeat+o.Near:
						first, _, _ := strings.Cut(earlier.Problem, "。")
						fd.Problem = first + "。" + fd.Problem
					}
				}
				n.Findings = append(n.Findings, fd)
			}
			for j, f := range outstanding {
				n.Outstanding = append(n.Outstanding, notice.Outstanding{
					Number: j + 1, Finding: f,
					Heading:      fmt.Sprintf("关于巡察反馈第%d点问题", f),
					Progress:     pick(t.Sentences),
					DeadlineText: fmt.Sprintf("%d年12月前", year+2),
					Deadline:     notice.Date(fmt.Sprintf("%d-12-31", year+2)),
				})
			}
			n.Accountability = notice.Accountability{People: r.Intn(8)}
			n.Petitions = notice.Petitions{Transferred: 10 + r.Intn(10)}
			n.Petitions.Closed = n.Petitions.Transferred - r.Intn(3)
			n.Petitions.Pending = n.Petitions.Transferred - n.Petitions.Closed
			out = append(out, n)
			prev = n
		}
	}
	return out
}

// Reword is a finding's title and problem as a later round's notice might
// write the same problem again: 仍 in the title, and the problem said to
// persist.
func Reword(title, problem string) (string, string) {
	rs := []rune(title)
	if len(rs) > 2 {
		title = string(rs[:len(rs)-2]) + "仍" + string(rs[len(rs)-2:])
	} else {
		title += "仍存在"
	}
	return title, "上轮巡察指出后，" + problem + "该问题仍未彻底解决。"
}

// WriteDir writes the corpus as data files under dir (a temporary folder,
// never the site's data/).
func WriteDir(dir string, ns []*notice.Notice) error {
	for _, n := range ns {
		if err := store.Write(filepath.Join(dir, store.RelPath(n)), n, true); err != nil {
			return err
		}
	}
	return nil
}
