package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/permalink"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/store"
)

// The bundled data: the seed notice of 郊尾镇 (59 findings, 3 in progress).

// seedNotice is the seed notice as the site publishes it: masked (its
// [[redact]] texts replaced, see notice.Masked).
func seedNotice(t *testing.T) *notice.Notice {
	t.Helper()
	f, err := store.Decode(seedDataFile(t))
	if err != nil {
		t.Fatal(err)
	}
	return f.Notice.Masked()
}

func TestBundledHome(t *testing.T) {
	site := bundledSite(t)
	home := readFile(t, site, "/")
	text := pageText(home)
	for _, want := range []string{
		"巡察整改公示", "总体情况", "通报 1", "问题 59", "已整改 56", "整改中 3", "逾期未完成 2", "问责人数 6",
		"最新通报", "中共郊尾镇委员会关于巡察整改进展情况的通报", "2025年1月12日",
		"按地区查看", "福建省", "莆田市", "仙游县", "郊尾镇", "数据截至 2025年1月12日",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("home page lacks %q", want)
		}
	}
	for _, href := range []string{"/fujian/", "/fujian/putian/", "/fujian/putian/xianyou/", townshipURL,
		townshipURL + "notices/2024-12-02/", "/search/", "/rss.xml", "/atom.xml", "/downloads/findings.csv"} {
		if !strings.Contains(home, `"`+href+`"`) {
			t.Errorf("home page does not link %s", href)
		}
	}
}

func TestBundledRegionPages(t *testing.T) {
	site := bundledSite(t)
	for _, c := range []struct {
		url, h1, child, childURL string
	}{
		{"/fujian/", "福建省", "莆田市", "/fujian/putian/"},
		{"/fujian/putian/", "莆田市", "仙游县", "/fujian/putian/xianyou/"},
		{"/fujian/putian/xianyou/", "仙游县", "郊尾镇", townshipURL},
	} {
		t.Run(c.h1, func(t *testing.T) {
			page := readFile(t, site, c.url)
			if !strings.Contains(page, "<h1>"+c.h1+"</h1>") {
				t.Errorf("%s: no <h1>%s</h1>", c.url, c.h1)
			}
			if !strings.Contains(page, `<a href="`+c.childURL+`">`+c.child+`</a>`) {
				t.Errorf("%s: no link to %s", c.url, c.child)
			}
			// The row: name, findings, done, in progress, share done.
			if !strings.Contains(pageText(page), c.child+" 59 56 3 94.9%") {
				t.Errorf("%s: the row of %s lacks its counts", c.url, c.child)
			}
		})
	}
}

var reBadge = regexp.MustCompile(`<a href="(/fujian/putian/xianyou/jiaowei/findings/2023-07-03/(\d+)/)"><span class="no">（\d+）</span>([^<]*)</a> <span class="badge st-(\w+)">([^<]*)</span>`)

func TestBundledTownshipPage(t *testing.T) {
	site := bundledSite(t)
	n := seedNotice(t)
	page := readFile(t, site, townshipURL)
	rows := reBadge.FindAllStringSubmatch(page, -1)
	if len(rows) != len(n.Findings) || len(rows) != 59 {
		t.Fatalf("township page lists %d findings, want 59", len(rows))
	}
	labels := map[notice.Status]int{}
	for i, r := range rows {
		f := n.Findings[i]
		num, _ := strconv.Atoi(r[2])
		if num != f.Number || r[1] != permalink.Finding(n, f.Number) ||
			r[3] != htmlEscape(f.Title) || r[4] != string(f.Status) || r[5] != f.Status.Label() {
			t.Errorf("finding row %d: %q, want number %d, title %q, status %s", i+1, r[0], f.Number, f.Title, f.Status)
		}
		labels[notice.Status(r[4])]++
	}
	if labels[notice.StatusDone] != 56 || labels[notice.StatusInProgress] != 3 {
		t.Errorf("statuses %v, want 56 done and 3 in progress", labels)
	}
	text := pageText(page)
	for _, want := range []string{
		"福建省 莆田市 仙游县 郊尾镇", // breadcrumb
		"已整改 56个（94.9%）", "整改中 3个（5.1%）", "问题整改状态：已整改56个，整改中3个，未整改0个",
		"2023年7月3日 巡察组进驻", "2023年8月18日 巡察结束", "2024年1月16日 反馈巡察意见",
		"2024年12月2日 通报落款", "2025年1月12日 通报发布",
		"需要进一步整改的事项",
		"第4个问题：乡村规划编制滞后 整改中 整改时限：通报未列明",
		"第11个问题：信访问题比较突出 整改中 逾期 整改时限：2024年12月前 （本站按2024年12月31日计算是否逾期） （逾期：整改时限2024年12月前（本站按2024年12月31日计）已过，截至2024年12月2日的通报未报告完成）",
		"第59个问题：审计问题整改工作开展不扎实 整改中 逾期 整改时限：2024年12月 （本站按2024年12月31日计算是否逾期） （逾期：整改时限2024年12月（本站按2024年12月31日计）已过，截至2024年12月2日的通报未报告完成）",
		"涉及金额", "3.85万元 38,500元", "问责处理", "处理6人",
		"建立完善的制度", "郊尾镇廉政风险排查防控机制",
		"下载与订阅",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("township page lacks %q", want)
		}
	}
	if got := strings.Count(page, `<strong class="flag">逾期</strong>`); got != 4 { // 11 and 59, in two lists
		t.Errorf("%d overdue flags, want 4 (findings 11 and 59 in the outstanding list and the findings list)", got)
	}
	if !strings.Contains(page, "<svg") || !strings.Contains(page, `<rect class="st-done" x="0.00" y="0" width="94.92" height="6"></rect>`) {
		t.Error("township page lacks its status chart")
	}
	goldenFile(t, "township.html", page)
}

// htmlEscape is how Hugo's templates escape text.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

// TestBundledNoticePageIsFaithful: every line of the original notice
// (less the web page's furniture) can be read on the notice page, in the
// order of the original. Full-width and ASCII brackets and colons count as
// the same, and white space is ignored: the page numbers findings （1） and
// labels 整改情况： where the original wrote (1) and 整改情况:.
func TestBundledNoticePageIsFaithful(t *testing.T) {
	site := bundledSite(t)
	n := seedNotice(t)
	page := readFile(t, site, permalink.Notice(n))
	norm := strings.NewReplacer("（", "(", "）", ")", "：", ":", " ", "", "\n", "", "\t", "", "\u3000", "")
	text := norm.Replace(pageText(page))
	orig, err := os.ReadFile(filepath.Join(repoRoot(t), "seeds", "000_e336554de99f7c35.txt"))
	if err != nil {
		t.Fatal(err)
	}
	orig = n.MaskSource(orig) // the page shows it masked
	furniture := regexp.MustCompile(`^(发布时间:|附件:|相关链接:)`)
	pos := 0
	lines := 0
	for i, line := range strings.Split(string(orig), "\n") {
		line = norm.Replace(strings.TrimSpace(line))
		if line == "" || furniture.MatchString(line) {
			continue
		}
		lines++
		k := strings.Index(text[pos:], line)
		if k < 0 {
			if strings.Contains(text, line) {
				t.Errorf("original line %d is on the page out of order: %.40s…", i+1, line)
			} else {
				t.Errorf("original line %d is not on the page: %.60s…", i+1, line)
			}
			continue
		}
		pos += k + len(line)
	}
	if lines < 160 {
		t.Errorf("only %d lines of the original compared", lines)
	}
	// What the furniture line held: the publication date and the source.
	for _, want := range []string{"发布时间2025年1月12日", "来源仙游县纪委监委官网"} {
		if !strings.Contains(strings.ReplaceAll(text, ":", ""), want) {
			t.Errorf("notice page lacks %q", want)
		}
	}
	for _, f := range n.Findings {
		if !strings.Contains(page, fmt.Sprintf(`<div class="finding" id="f%d">`, f.Number)) {
			t.Errorf("notice page has no anchor f%d", f.Number)
		}
	}
	for _, h := range []string{n.Headings.Organisation, n.Headings.Findings, n.Headings.Accountability, n.Headings.Outstanding, n.Headings.NextPlan} {
		if !strings.Contains(page, "<h2>"+htmlEscape(h)+"</h2>") {
			t.Errorf("notice page lacks the heading %q", h)
		}
	}
	if !strings.Contains(page, `<a href="/fujian/putian/xianyou/jiaowei/notices/2024-12-02/000_e336554de99f7c35.txt" type="text/plain">`) {
		t.Error("notice page does not link the original text")
	}
	goldenFile(t, "notice.html", page)
}

func TestBundledFindingPages(t *testing.T) {
	site := bundledSite(t)
	n := seedNotice(t)
	for _, f := range n.Findings {
		u := permalink.Finding(n, f.Number)
		page := readFile(t, site, u)
		text := pageText(page)
		for _, want := range []string{
			fmt.Sprintf("（%d）%s", f.Number, f.Title), f.Status.Label() + " 通报原文：“" + f.StatusText + "”",
			"乡镇 福建省莆田市仙游县郊尾镇", "类别 （" + model.ChineseNumeral(f.CategoryNo) + "）" + f.Category,
			"分组 " + strconv.Itoa(f.GroupNo) + "." + f.Group,
			squash(f.Problem), "状态变化 通报日期 状态 通报原文 2024年12月2日 " + f.Status.Label() + " " + f.StatusText,
			"https://example.org" + u,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("finding %d lacks %q", f.Number, want)
			}
		}
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(f.Rectification, " ", "")) {
			t.Errorf("finding %d lacks its rectification", f.Number)
		}
		if f.Number == 30 {
			goldenFile(t, "finding-30.html", page)
		}
	}
}

// feed is what the tests read of RSS and Atom.
type feed struct {
	XMLName xml.Name
	Title   string `xml:"channel>title"`
	Items   []struct {
		Title string `xml:"title"`
		Link  string `xml:"link"`
		Date  string `xml:"pubDate"`
		Desc  string `xml:"description"`
	} `xml:"channel>item"`
	AtomTitle string `xml:"title"`
	Entries   []struct {
		Title string `xml:"title"`
		Link  struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	} `xml:"entry"`
}

func readFeed(t *testing.T, site, u string) feed {
	t.Helper()
	var f feed
	if err := xml.Unmarshal([]byte(readFile(t, site, u)), &f); err != nil {
		t.Fatalf("%s is not well-formed XML: %v", u, err)
	}
	return f
}

func TestBundledFeeds(t *testing.T) {
	site := bundledSite(t)
	const title = "福建省莆田市仙游县郊尾镇：中共郊尾镇委员会关于巡察整改进展情况的通报"
	const link = "https://example.org/fujian/putian/xianyou/jiaowei/notices/2024-12-02/"
	for _, u := range []string{"/rss.xml", townshipURL + "rss.xml"} {
		f := readFeed(t, site, u)
		if f.XMLName.Local != "rss" || len(f.Items) != 1 || f.Items[0].Title != title || f.Items[0].Link != link ||
			f.Items[0].Date != "Sun, 12 Jan 2025 00:00:00 +0800" || !strings.Contains(f.Items[0].Desc, "已整改56个，整改中3个") {
			t.Errorf("%s: %+v", u, f)
		}
	}
	for _, u := range []string{"/atom.xml", townshipURL + "atom.xml"} {
		f := readFeed(t, site, u)
		if f.XMLName.Local != "feed" || len(f.Entries) != 1 || f.Entries[0].Title != title || f.Entries[0].Link.Href != link ||
			f.Entries[0].Updated != "2025-01-12T00:00:00+08:00" {
			t.Errorf("%s: %+v", u, f)
		}
	}
	goldenFile(t, "rss.xml", readFile(t, site, townshipURL+"rss.xml"))
	goldenFile(t, "atom.xml", readFile(t, site, townshipURL+"atom.xml"))
}

func TestBundledDownloads(t *testing.T) {
	site := bundledSite(t)
	n := seedNotice(t)
	for _, prefix := range []string{"/downloads/", townshipURL} {
		raw := readFile(t, site, prefix+"findings.csv")
		if !strings.HasPrefix(raw, "\ufeff") {
			t.Errorf("%sfindings.csv has no BOM", prefix)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 60 || strings.Join(rows[0], ",") != strings.Join(model.CSVColumns, ",") {
			t.Fatalf("%sfindings.csv: %d rows, header %v", prefix, len(rows), rows[0])
		}
		col := map[string]int{}
		for i, c := range rows[0] {
			col[c] = i
		}
		for i, row := range rows[1:] {
			f := n.Findings[i]
			if row[col["number"]] != strconv.Itoa(f.Number) || row[col["title"]] != f.Title || row[col["problem"]] != f.Problem ||
				row[col["rectification"]] != f.Rectification || row[col["status"]] != string(f.Status) ||
				row[col["url"]] != "https://example.org"+permalink.Finding(n, f.Number) {
				t.Errorf("%sfindings.csv row %d: %v", prefix, i+1, row)
			}
		}
		if r := rows[11]; r[col["deadline"]] != "2024-12-31" || r[col["overdue"]] != "true" {
			t.Errorf("finding 11: deadline %q overdue %q", r[col["deadline"]], r[col["overdue"]])
		}
		if r := rows[21]; r[col["amounts"]] != "3.85万元" || r[col["yuan"]] != "38500" {
			t.Errorf("finding 21: amounts %q yuan %q", r[col["amounts"]], r[col["yuan"]])
		}

		var doc struct {
			AsOf     string         `json:"as_of"`
			Columns  []string       `json:"columns"`
			Findings []model.Record `json:"findings"`
		}
		if err := json.Unmarshal([]byte(readFile(t, site, prefix+"findings.json")), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.AsOf != "2025-01-12" || len(doc.Findings) != 59 || len(doc.Columns) != len(model.CSVColumns) {
			t.Fatalf("%sfindings.json: as_of %s, %d findings", prefix, doc.AsOf, len(doc.Findings))
		}
		for i, r := range doc.Findings {
			f := n.Findings[i]
			if r.Number != f.Number || r.Title != f.Title || r.Rectification != f.Rectification || len(r.History) != 1 ||
				r.ID != notice.FindingID(n, f.Number) {
				t.Errorf("%sfindings.json finding %d: %+v", prefix, i+1, r)
			}
		}
	}
	goldenFile(t, "findings.csv", readFile(t, site, townshipURL+"findings.csv"))
}

func TestBundledManifest(t *testing.T) {
	site := bundledSite(t)
	var m Manifest
	if err := json.Unmarshal([]byte(readFile(t, site, "/manifest.json")), &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Notices) != 1 || m.Notices[0].Data == nil || m.Notices[0].Original == nil {
		t.Fatalf("manifest: %+v", m)
	}
	e := m.Notices[0]
	for _, c := range []struct {
		mf   *ManifestFile
		path string
	}{
		{e.Data, "data/fujian/putian/xianyou/jiaowei/2024-12-02.toml"},
		{e.Original, "seeds/000_e336554de99f7c35.txt"},
	} {
		src, err := os.ReadFile(filepath.Join(repoRoot(t), c.path))
		if err != nil {
			t.Fatal(err)
		}
		src = seedNotice(t).MaskSource(src) // published masked
		if strings.Contains(string(src), "林春锦") {
			t.Fatalf("%s: the masked name is still in the published copy", c.path)
		}
		sum := sha256.Sum256(src)
		published := readFile(t, site, c.mf.URL)
		if c.mf.Path != c.path || c.mf.SHA256 != hex.EncodeToString(sum[:]) || c.mf.Bytes != int64(len(src)) || published != string(src) {
			t.Errorf("manifest entry %+v: want %s with sha256 %x, published masked", c.mf, c.path, sum)
		}
		if !strings.HasPrefix(c.mf.URL, e.URL) {
			t.Errorf("%s is not published beside the notice page %s", c.mf.URL, e.URL)
		}
	}
}

func TestBundledSitemapAndRobots(t *testing.T) {
	site := bundledSite(t)
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, site, "/sitemap.xml")), &sm); err != nil {
		t.Fatal(err)
	}
	// home, about, 3 regions, township, notice, 59 findings, and the
	// analysis, themes and recurrence pages of the site and of the 3 regions
	if len(sm.URLs) != 78 {
		t.Errorf("sitemap lists %d URLs, want 78", len(sm.URLs))
	}
	for _, u := range sm.URLs {
		p := strings.TrimPrefix(u.Loc, "https://example.org")
		if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(p), "index.html")); err != nil {
			t.Errorf("sitemap lists %s, which is no page", u.Loc)
		}
	}
	if got := readFile(t, site, "/robots.txt"); !strings.Contains(got, "Sitemap: https://example.org/sitemap.xml") {
		t.Errorf("robots.txt: %q", got)
	}
}

var (
	reHref  = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	reID    = regexp.MustCompile(` id="([^"]+)"`)
	reH     = regexp.MustCompile(`<h([1-6])[ >]`)
	reTH    = regexp.MustCompile(`<th[ >]`)
	reTHsc  = regexp.MustCompile(`<th scope="(col|row)"`)
	reLang  = regexp.MustCompile(`^<!DOCTYPE html>\n<html lang="zh-CN">`)
	reExtRe = regexp.MustCompile(`<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//`)
)

// TestBundledPagesAreSound checks every page of the site: each internal
// link and anchor resolves; one h1; headings never skip a level; every th
// has a scope; lang is zh-CN; no script, style or font from elsewhere.
func TestBundledPagesAreSound(t *testing.T) {
	assertSound(t, bundledSite(t), 66)
}

// assertSound checks every page of a built site (see TestBundledPagesAreSound).
func assertSound(t *testing.T, site string, minPages int) {
	t.Helper()
	pages := map[string]string{}
	filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(site, p)
			pages["/"+filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if len(pages) < minPages {
		t.Fatalf("%d pages", len(pages))
	}
	ids := map[string]map[string]bool{}
	for p, s := range pages {
		ids[p] = map[string]bool{}
		for _, m := range reID.FindAllStringSubmatch(s, -1) {
			ids[p][m[1]] = true
		}
	}
	for p, s := range pages {
		if !reLang.MatchString(s) {
			t.Errorf("%s: no lang=zh-CN", p)
		}
		if n := strings.Count(s, "<h1"); n != 1 {
			t.Errorf("%s: %d h1", p, n)
		}
		level := 1
		for _, m := range reH.FindAllStringSubmatch(s, -1) {
			l, _ := strconv.Atoi(m[1])
			if l > level+1 {
				t.Errorf("%s: h%d after h%d", p, l, level)
			}
			level = l
		}
		if n, m := len(reTH.FindAllString(s, -1)), len(reTHsc.FindAllString(s, -1)); n != m {
			t.Errorf("%s: %d th, %d with scope", p, n, m)
		}
		if m := reExtRe.FindString(s); m != "" {
			t.Errorf("%s loads from elsewhere: %s", p, m)
		}
		for _, m := range reHref.FindAllStringSubmatch(s, -1) {
			u := m[1]
			if !strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "#") {
				continue // the notice's source URL
			}
			target, frag, _ := strings.Cut(u, "#")
			page := p
			if target != "" {
				target, _, _ = strings.Cut(target, "?")
				fp := filepath.Join(site, filepath.FromSlash(target))
				if strings.HasSuffix(target, "/") {
					fp = filepath.Join(fp, "index.html")
				}
				if _, err := os.Stat(fp); err != nil {
					t.Errorf("%s links %s, which does not exist", p, u)
					continue
				}
				page = target
				if strings.HasSuffix(page, "/") {
					page += "index.html"
				}
			}
			if frag != "" && !ids[page][frag] {
				t.Errorf("%s links %s: no id %q there", p, u, frag)
			}
		}
	}
}

// goldenFile compares got with testdata/golden/name; -update rewrites it.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(want, []byte(got)) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(wl) || i < len(gl); i++ {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Errorf("%s differs from %s at line %d:\nwant %.200s\ngot  %.200s\n(go test -update rewrites it)", name, p, i+1, w, g)
				break
			}
		}
	}
}
