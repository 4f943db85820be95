package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/search/searchtest"
)

// displayFiles reads the display files (search/d/…) of a built site, by
// name relative to search/.
func displayFiles(t *testing.T, site string) map[string][]byte {
	t.Helper()
	dir := Dir(site)
	out := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(dir, "d"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffFiles lists the names of a and b whose bytes differ or that only
// one of them has, sorted.
func diffFiles(a, b map[string][]byte) []string {
	var out []string
	for n, x := range a {
		if y, ok := b[n]; !ok || !bytes.Equal(x, y) {
			out = append(out, n)
		}
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// TestDisplayFilesStablePerUnit: a unit added in the middle of the
// document order, or one notice changed, changes only that unit's display
// files; every other unit's are byte for byte the same (issue 11: an
// incremental build after a new township rewrote 31,000 of them).
func TestDisplayFilesStablePerUnit(t *testing.T) {
	c, err := searchtest.Mixed(12, 4)
	if err != nil {
		t.Fatal(err)
	}
	var units []string
	for _, n := range c.Notices {
		if u := n.UnitPath(); !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	added := units[len(units)/2]
	var without []*notice.Notice
	for _, n := range c.Notices {
		if n.UnitPath() != added {
			without = append(without, n)
		}
	}
	ctx := context.Background()
	build := func(c *notice.Corpus, prev string) (string, Stats) {
		t.Helper()
		site := t.TempDir()
		st, err := BuildSiteWith(ctx, c, site, nil, Options{Previous: prev})
		if err != nil {
			t.Fatal(err)
		}
		return site, st
	}
	// only checks that every name of diff is a file of unit u.
	only := func(what string, diff []string, u string) {
		t.Helper()
		if len(diff) == 0 {
			t.Errorf("%s: no display file changed", what)
		}
		for _, n := range diff {
			if path.Dir(n) != "d/"+u {
				t.Errorf("%s: %s changed, not a display file of %s", what, n, u)
			}
		}
	}

	before, _ := build(notice.NewCorpus(without), "")
	after, _ := build(c, "")
	a, b := displayFiles(t, before), displayFiles(t, after)
	only("unit "+added+" added", diffFiles(a, b), added)
	// A build updating the site in place (given the previous one) writes
	// only the new unit's display files and keeps all the others.
	_, st := build(c, before)
	for n := range a {
		if !slices.Contains(st.Kept, "search/"+n) {
			t.Errorf("unit %s added: %s not kept", added, n)
		}
	}

	// One notice of another unit changed.
	n := c.Notices[len(c.Notices)-3]
	if n.UnitPath() == added || len(n.Findings) == 0 {
		t.Fatalf("notice %s: not a notice with findings of another unit", n.UnitPath())
	}
	title := n.Findings[0].Title
	n.Findings[0].Title = title + "（改）"
	defer func() { n.Findings[0].Title = title }()
	changed, _ := build(c, "")
	only("a notice of "+n.UnitPath()+" changed", diffFiles(b, displayFiles(t, changed)), n.UnitPath())

	// Every hit of the site with the unit resolves to its display data.
	x, err := Open(after)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	res, err := x.Search(ctx, Request{Query: "整改", Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range res.Hits {
		if h.Title == "" || !strings.HasPrefix(h.URL, "/") || h.UnitPath == "" {
			t.Errorf("hit %d: %+v", h.Doc, h)
		}
	}
}

// TestDisplayFileLayout: meta.json's chunk is docsPerFile, and every
// document is in its unit's display file at its place among the unit's
// documents.
func TestDisplayFileLayout(t *testing.T) {
	c, err := searchtest.Mixed(6, 2)
	if err != nil {
		t.Fatal(err)
	}
	site := t.TempDir()
	if _, err := BuildSite(context.Background(), c, site, nil); err != nil {
		t.Fatal(err)
	}
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	m := x.Meta()
	if m.Chunk != docsPerFile {
		t.Errorf("meta.json chunk %d, want %d", m.Chunk, docsPerFile)
	}
	docs := Docs(c)
	files := displayFiles(t, site)
	for i, d := range docs {
		ch, err := x.chunk(i)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Title != d.Title || ch.URL != d.URL || ch.Text != d.Text || ch.Category != d.Category {
			t.Errorf("document %d: display data of another document (%q, not %q)", i, ch.Title, d.Title)
		}
	}
	n := 0
	for u := range m.Units {
		for k := 0; ; k++ {
			if _, ok := files[m.DisplayFile(u, k)]; !ok {
				break
			}
			n++
		}
	}
	if n != len(files) {
		t.Errorf("%d display files, %d of them named by a unit", len(files), n)
	}
}

// TestShardCount: the term shards grow with the documents' text and their
// terms, a power of two from minShards to maxShards, about shardBytes a
// shard.
func TestShardCount(t *testing.T) {
	docs := func(n, size int) []Doc {
		ds := make([]Doc, n)
		for i := range ds {
			ds[i].Text = strings.Repeat("x", size)
		}
		return ds
	}
	for _, tc := range []struct {
		docs  []Doc
		terms int
		want  int
	}{
		{nil, 0, minShards},
		{docs(1, 10), 5, minShards},
		{docs(minShards, shardBytes), 0, minShards},
		{docs(minShards+1, shardBytes), 0, 2 * minShards},
		{docs(minShards, shardBytes-9), minShards, minShards},
		{docs(minShards, shardBytes-9), minShards + 1, 2 * minShards},
		{docs(100, 100*shardBytes), 1000, 16384},
		{docs(1000, 1000*shardBytes), 0, maxShards},
	} {
		if got := shardCount(tc.docs, tc.terms); got != tc.want {
			t.Errorf("%d documents, %d terms: %d shards, want %d", len(tc.docs), tc.terms, got, tc.want)
		}
	}
}

// TestShardsWritten: the shards that hold terms are written, the others
// not (the browser takes a 404 for an empty shard); every term of the
// index is in the shard of its hash.
func TestShardsWritten(t *testing.T) {
	// The seed notice with two of its findings, its other texts short: a
	// few terms, fewer than minShards.
	seed, err := searchtest.SeedNotice()
	if err != nil {
		t.Fatal(err)
	}
	n := *seed
	n.Findings = n.Findings[:2]
	n.Organisation, n.Regulations, n.Accountability, n.Outstanding, n.NextPlan = notice.Organisation{}, nil, notice.Accountability{}, nil, ""
	c := &notice.Corpus{Notices: []*notice.Notice{&n}}
	site := t.TempDir()
	if _, err := BuildSite(context.Background(), c, site, nil); err != nil {
		t.Fatal(err)
	}
	x, err := Open(site)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	m := x.Meta()
	if m.Shards < minShards || m.Shards&(m.Shards-1) != 0 {
		t.Fatalf("meta.json: %d shards, not a power of two from %d", m.Shards, minShards)
	}
	adv, err := x.bleve.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	ir, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer ir.Close()
	all, err := dictTerms(ir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{} // the shards that hold terms
	for _, term := range all {
		want[int(fnv1a(term)&uint32(m.Shards-1))] = true
	}
	if len(want) == m.Shards {
		t.Fatalf("all %d shards hold terms: the test needs empty ones", m.Shards)
	}
	names, err := filepath.Glob(filepath.Join(Dir(site), "t", "*.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != len(want) {
		t.Errorf("%d shard files, %d shards hold terms", len(names), len(want))
	}
	terms := 0
	for s := range want {
		b, err := os.ReadFile(filepath.Join(Dir(site), "t", fmt.Sprintf("%04x.bin", s)))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 9 || hex.EncodeToString(b[:8]) != m.Numbering {
			t.Fatalf("shard %d: not of this build", s)
		}
		r := bytes.NewReader(b[8:])
		n, _ := binary.ReadUvarint(r)
		if n == 0 {
			t.Errorf("shard %d: written empty", s)
		}
		for range n {
			l, _ := binary.ReadUvarint(r)
			term := make([]byte, l)
			r.Read(term)
			if h := int(fnv1a(string(term)) & uint32(m.Shards-1)); h != s {
				t.Fatalf("term %q in shard %d, its hash gives %d", term, s, h)
			}
			binary.ReadUvarint(r) // df
			pl, _ := binary.ReadUvarint(r)
			r.Seek(int64(pl), io.SeekCurrent)
			terms++
		}
	}
	if terms != len(all) {
		t.Errorf("%d terms in the shards, %d in the index", terms, len(all))
	}

	// search.js takes a missing shard for an empty one, whether the host
	// answers 404 or with a page of its own; words whose shards are
	// missing find nothing, and the others what Bleve finds.
	var queries []map[string]string
	missing := 0
	for _, w := range []string{"偷工", "回填", "火星", "月球", "海洋", "森林", "宇宙", "银河", "恒星", "彗星", "陨石", "星云",
		"沙漠", "冰川", "火山", "峡谷", "瀑布", "草原", "湖泊", "岛屿", "半岛", "海峡", "珊瑚", "鲸鱼"} {
		if !want[int(fnv1a(w)&uint32(m.Shards-1))] {
			missing++
		}
		queries = append(queries, map[string]string{"q": w})
	}
	if missing == 0 {
		t.Fatal("no word of the test has its shard missing")
	}
	for _, spa := range []bool{false, true} {
		var js []struct {
			Total int    `json:"total"`
			Error string `json:"error"`
		}
		runNode(t, "search", map[string]any{"site": site, "queries": queries, "spa": spa}, &js)
		for i, q := range queries {
			res, err := x.Search(context.Background(), Request{Query: q["q"]})
			if err != nil {
				t.Fatal(err)
			}
			if i >= len(js) || js[i].Error != "" || uint64(js[i].Total) != res.Total {
				t.Errorf("spa %v, %s: search.js %+v, Bleve %d", spa, q["q"], js[i], res.Total)
			}
		}
	}
}

// TestShardsKeptAfterATextChange: a changed finding text (the documents
// and their order the same) rewrites only the shards of the changed
// document's terms (each of its postings holds its length): the shards
// carry the numbering's id, not the build's.
func TestShardsKeptAfterATextChange(t *testing.T) {
	c, err := searchtest.Mixed(6, 3)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	siteA := t.TempDir()
	if _, err := BuildSiteWith(ctx, c, siteA, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	n := c.Notices[len(c.Notices)-3]
	title := n.Findings[0].Title
	defer func() { n.Findings[0].Title = title }()
	docTerms := map[string]bool{} // the changed document's terms, before and after
	addTerms := func() {
		for _, d := range Docs(c) {
			if d.Notice == n && d.Kind == KindFinding && d.Number == n.Findings[0].Number {
				for _, term := range AnalyzeTerms(d.Text) {
					docTerms[term] = true
				}
			}
		}
	}
	addTerms()
	n.Findings[0].Title = title + "（虚构的修改）"
	addTerms()
	siteB := t.TempDir()
	if _, err := BuildSiteWith(ctx, c, siteB, nil, Options{Previous: siteA}); err != nil {
		t.Fatal(err)
	}
	x, err := Open(siteB)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	written := 0
	for name := range staticTree(t, siteB) {
		if strings.HasPrefix(name, "t/") {
			written++
		}
	}
	if written == 0 || written > len(docTerms) {
		t.Errorf("one title changed: %d of %d shards written, want some and at most the document's %d terms' shards", written, x.Meta().Shards, len(docTerms))
	}
}
