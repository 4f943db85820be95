package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/gongshi/gongshi/internal/notice"
)

// TestShardsHoldBlevePostings: the static index's term shards, assembled
// from the groups' postings files, hold every term of the Bleve index,
// each with the document frequency and postings the index reader gives
// (readTerm: the index's documents in their order, checkOrder), inline or
// in a long-postings file, with a cache and without, groups merged into
// one segment or not.
func TestShardsHoldBlevePostings(t *testing.T) {
	defer func(v int) { externalOver = v }(externalOver)
	externalOver = 512 // some postings apart
	for _, x := range []struct {
		name  string
		cache bool
		merge bool
	}{{"cache", true, false}, {"no cache", false, false}, {"no cache, merged", false, true}} {
		t.Run(x.name, func(t *testing.T) {
			c := notice.NewCorpus(cacheCorpus(t))
			tune := &tuning{segmentDocs: 100, groupDocs: 250, mergeGroups: x.merge}
			site, cache := t.TempDir(), ""
			if x.cache {
				cache = t.TempDir()
			}
			st, err := BuildSiteWith(context.Background(), c, site, nil, Options{Cache: cache, tune: tune})
			if err != nil {
				t.Fatal(err)
			}
			if st.Groups < 3 {
				t.Fatalf("%d groups: the test needs several", st.Groups)
			}
			if _, err := os.Stat(filepath.Join(Dir(site), ".postings")); !os.IsNotExist(err) {
				t.Errorf("the temporary postings folder is left in the site (%v)", err)
			}
			checkShards(t, site, Docs(c))
		})
	}
}

// checkShards compares every term's document frequency and postings in
// the site's static index with the Bleve index's.
func checkShards(t *testing.T, site string, docs []Doc) {
	t.Helper()
	idx, err := bleve.OpenUsing(filepath.Join(Dir(site), IndexDir), map[string]interface{}{"read_only": true})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	adv, err := idx.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := checkOrder(r, docs); err != nil {
		t.Fatal(err)
	}
	var meta Meta
	attrs := docAttrs(docs, &meta)
	got := staticPostings(t, site)
	terms, err := dictTerms(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(terms) {
		t.Errorf("%d terms in the shards, %d in the Bleve index", len(got), len(terms))
	}
	var buf bytes.Buffer
	var tfd index.TermFieldDoc
	external, bad := 0, 0
	for _, term := range terms {
		df, err := readTerm(context.Background(), r, term, attrs, &buf, &tfd)
		if err != nil {
			t.Fatal(err)
		}
		g, ok := got[term]
		if !ok {
			t.Errorf("term %q not in the shards", term)
			continue
		}
		if g.external {
			external++
		}
		if g.df != df || !bytes.Equal(g.postings, buf.Bytes()) {
			if bad++; bad <= 3 {
				t.Errorf("term %q: df %d, %d bytes of postings; Bleve's: df %d, %d bytes", term, g.df, len(g.postings), df, buf.Len())
			}
		}
	}
	if external == 0 {
		t.Error("no postings apart: the test needs some")
	}
	if bad > 0 {
		t.Errorf("%d of %d terms differ from Bleve's", bad, len(terms))
	}
}

type staticTerm struct {
	df       uint64
	postings []byte
	external bool
}

// staticPostings reads every term of a site's static index.
func staticPostings(t *testing.T, site string) map[string]staticTerm {
	t.Helper()
	out := map[string]staticTerm{}
	names, err := filepath.Glob(filepath.Join(Dir(site), "t", "*.bin"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		shard := strings.TrimSuffix(filepath.Base(name), ".bin")
		r := bytes.NewReader(b[8:])
		n, _ := binary.ReadUvarint(r)
		ext := 0
		for range n {
			l, _ := binary.ReadUvarint(r)
			term := make([]byte, l)
			io.ReadFull(r, term)
			df, _ := binary.ReadUvarint(r)
			pl, _ := binary.ReadUvarint(r)
			st := staticTerm{df: df}
			if pl == 0 {
				st.external = true
				if st.postings, err = os.ReadFile(filepath.Join(Dir(site), "p", fmt.Sprintf("%s-%d.bin", shard, ext))); err != nil {
					t.Fatal(err)
				}
				ext++
			} else {
				st.postings = make([]byte, pl)
				io.ReadFull(r, st.postings)
			}
			out[string(term)] = st
		}
	}
	return out
}

// TestIncrementalExportReadsTheChange: an in-place build with the cache
// reads from the Bleve index only the postings of the groups it built
// again, and assembles only the term shards whose terms' postings
// changed, keeping the others; the result is a full build's. An unchanged
// build assembles none; a damaged postings file is read again from its
// segment; a new township (which renumbers the documents after it)
// assembles every shard from the postings files.
func TestIncrementalExportReadsTheChange(t *testing.T) {
	defer func(v int) { externalOver = v }(externalOver)
	externalOver = 512
	ns := cacheCorpus(t)
	tune := &tuning{segmentDocs: 100, groupDocs: 250, racyWindow: 0}
	ctx := context.Background()
	cache := t.TempDir()
	// build builds in place over prev, checks the result against a full
	// build, and returns a site folder holding the result (prev's kept
	// files and the written ones).
	build := func(step, prev string) (string, Stats, int64, int64) {
		t.Helper()
		c := notice.NewCorpus(ns)
		site := t.TempDir()
		r0, s0 := postReads.Load(), shardRebuilds.Load()
		st, err := BuildSiteWith(ctx, c, site, nil, Options{Cache: cache, Previous: prev, tune: tune})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		reads, rebuilt := postReads.Load()-r0, shardRebuilds.Load()-s0
		full := t.TempDir()
		if _, err := BuildSiteWith(ctx, c, full, nil, Options{tune: tune}); err != nil {
			t.Fatal(err)
		}
		want := staticTree(t, full)
		got := staticTree(t, site)
		if prev != "" {
			got = inPlaceResult(t, prev, site, st)
		}
		if d := diffFiles(want, got); len(d) > 0 {
			t.Errorf("%s: %d files differ from a full build, e.g. %s", step, len(d), d[0])
		}
		out := t.TempDir()
		for name, b := range got {
			p := filepath.Join(Dir(out), filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: %d groups built, %d postings read, %d of %d shards assembled", step, st.MergedGroups, reads, rebuilt, shardsWithTerms(t, out))
		return out, st, reads, rebuilt
	}

	site, st, reads, rebuilt := build("cold", "")
	shards := int64(shardsWithTerms(t, site))
	if reads != int64(st.Groups) || rebuilt != shards {
		t.Errorf("cold: %d postings read, %d shards assembled; want %d groups, %d shards", reads, rebuilt, st.Groups, shards)
	}
	site, _, reads, rebuilt = build("unchanged", site)
	if reads != 0 || rebuilt != 0 {
		t.Errorf("unchanged: %d postings read, %d shards assembled; want 0, 0", reads, rebuilt)
	}

	// One finding's title.
	var n *notice.Notice
	for _, x := range ns {
		if x.Region.TownshipSlug == "zhen0005" && len(x.Findings) > 0 {
			n = x
		}
	}
	n.Findings[0].Title += "（已改）"
	site, st, reads, rebuilt = build("one finding", site)
	if st.MergedGroups != 1 || reads != 1 {
		t.Errorf("one finding: %d groups built, %d postings read; want 1, 1", st.MergedGroups, reads)
	}
	if rebuilt == 0 || rebuilt > shards/2 {
		t.Errorf("one finding: %d of %d shards assembled", rebuilt, shards)
	}

	// A damaged postings file: read again from its segment.
	es, err := filepath.Glob(filepath.Join(cache, postingsDir, "g-*.bin"))
	if err != nil || len(es) < 2 {
		t.Fatalf("postings files %v (%v)", es, err)
	}
	b, err := os.ReadFile(es[1])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(es[1], b, 0o644); err != nil {
		t.Fatal(err)
	}
	site, _, reads, rebuilt = build("damaged postings", site)
	if reads != 1 || rebuilt != 0 {
		t.Errorf("damaged postings: %d postings read, %d shards assembled; want 1, 0", reads, rebuilt)
	}

	// A new township, at the end of its county's units: the documents
	// after it are renumbered.
	var added []*notice.Notice
	for _, x := range ns {
		if x.Region.TownshipSlug == "zhen0001" && x.Unit.Slug == "" {
			m := *x
			m.Region.Township, m.Region.TownshipSlug = "样本镇0100", "zhen0100"
			added = append(added, &m)
		}
	}
	ns = append(ns, added...)
	site, st, reads, rebuilt = build("new township", site)
	if reads != int64(st.MergedGroups) || reads == int64(st.Groups) {
		t.Errorf("new township: %d postings read, want the %d groups built of %d", reads, st.MergedGroups, st.Groups)
	}
	if shards = int64(shardsWithTerms(t, site)); rebuilt != shards {
		t.Errorf("new township: %d of %d shards assembled", rebuilt, shards)
	}
	entries, _ := filepath.Glob(filepath.Join(cache, postingsDir, "*"))
	if len(entries) != st.Groups {
		t.Errorf("%d files in the postings cache, %d groups", len(entries), st.Groups)
	}
}

// shardsWithTerms counts a site's term shard files.
func shardsWithTerms(t *testing.T, site string) int {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(Dir(site), "t", "*.bin"))
	if err != nil {
		t.Fatal(err)
	}
	return len(names)
}
