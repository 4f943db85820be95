package model

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongshi/gongshi/internal/notice"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// tableModel is two fictitious townships with findings of every status,
// two categories and none, deadlines (one overdue) and none, and titles
// that need escaping.
func tableModel(t *testing.T) *Model {
	t.Helper()
	f := func(n int, st notice.Status, cat, title string) notice.Finding {
		x := sampleFinding(n, st, title)
		x.Category, x.Title = cat, title
		if cat == "" {
			x.CategoryNo = 0
		}
		return x
	}
	a := sampleNotice("2024-01-10",
		f(1, notice.StatusDone, "类别乙", "问题<甲>"),
		f(2, notice.StatusInProgress, "类别甲", "=HYPERLINK(\"x\")"),
		f(3, notice.StatusNotStarted, "", "问题丙, \"引号\""),
		f(4, notice.StatusUnstated, "类别甲", "问题丁"),
		f(5, notice.StatusInProgress, "类别乙", "问题甲"))
	a.Outstanding = []notice.Outstanding{
		{Number: 1, Finding: 2, Heading: "关于第2点", Deadline: "2024-06-30", DeadlineText: "2024年6月底前"},
		{Number: 2, Finding: 3, Heading: "关于第3点", Deadline: "2024-12-31", DeadlineText: "2024年12月31日"},
	}
	b := sampleNotice("2025-02-01",
		f(1, notice.StatusNotStarted, "类别甲", "问题戊"),
		f(2, notice.StatusDone, "", "问题己"),
		f(3, notice.StatusInProgress, "类别乙", "问题庚"))
	b.Region.Township, b.Region.TownshipSlug = "样本镇0002", "zhen0002"
	b.Title, b.Issuer = "中共样本镇0002委员会关于巡察整改进展情况的通报", "中共样本镇0002委员会"
	b.Outstanding = []notice.Outstanding{{Number: 1, Finding: 1, Heading: "关于第1点", Deadline: "2024-06-30", DeadlineText: "2024年6月底前"}}
	return Derive(notice.NewCorpus([]*notice.Notice{a, b}), time.Date(2025, 3, 1, 0, 0, 0, 0, ChinaTime), nil)
}

// dumpTable writes the table's files as text: the JSON as it is, the
// binary files in hex and decoded.
func dumpTable(t *testing.T, files []TableFile) string {
	t.Helper()
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "== %s (%d bytes)\n", f.Path, len(f.Data))
		switch {
		case strings.HasSuffix(f.Path, ".json"):
			b.Write(f.Data)
		case strings.Contains(f.Path, "/sort/"):
			perm, groups, err := DecodeSort(f.Data)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			fmt.Fprintf(&b, "%s\nids %v\ngroups %v\n", hex.EncodeToString(f.Data), perm, groups)
		default:
			ids, err := DecodeIDs(f.Data)
			if err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			fmt.Fprintf(&b, "%s\nids %v\n", hex.EncodeToString(f.Data), ids)
		}
	}
	return b.String()
}

// TestBuildTableGolden: the table's files for a small model, with three
// rows to a shard, as testdata/table.golden has them (go test -update
// rewrites it), and the same bytes when built again.
func TestBuildTableGolden(t *testing.T) {
	files := BuildTable(tableModel(t), 3)
	got := dumpTable(t, files)
	if again := dumpTable(t, BuildTable(tableModel(t), 3)); again != got {
		t.Error("a second build of the same model gives other bytes")
	}
	p := filepath.Join("testdata", "table.golden")
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the table's files differ from %s (go test -update rewrites it):\n%s", p, got)
	}
}

// readTable decodes the files of BuildTable: the manifest, the rows (each
// row's cells) and every other file's bytes by its path in the manifest.
func readTable(t *testing.T, files []TableFile) (*TableManifest, [][]any, map[string][]byte) {
	t.Helper()
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[strings.TrimPrefix(f.Path, TableDir)] = f.Data
	}
	var man TableManifest
	if err := json.Unmarshal(byPath["manifest.json"], &man); err != nil {
		t.Fatal(err)
	}
	var rows [][]any
	for s := 0; s*man.ShardRows < man.Rows; s++ {
		var shard [][]any
		if err := json.Unmarshal(byPath[strings.ReplaceAll(man.Shards, "{n}", fmt.Sprint(s))], &shard); err != nil {
			t.Fatalf("shard %d: %v", s, err)
		}
		if len(shard) != min(man.ShardRows, man.Rows-s*man.ShardRows) {
			t.Errorf("shard %d: %d rows", s, len(shard))
		}
		rows = append(rows, shard...)
	}
	if len(rows) != man.Rows {
		t.Fatalf("%d rows in the shards, the manifest says %d", len(rows), man.Rows)
	}
	return &man, rows, byPath
}

// TestBuildTableOrders: each column's sort file orders the rows as this
// test does from the rows themselves (Chinese collation for the texts,
// the site's status order, no category or deadline last, ties in the
// rows' order), its groups begin where the key changes, and each filter
// list holds exactly the rows with its value.
func TestBuildTableOrders(t *testing.T) {
	m := tableModel(t)
	man, rows, files := readTable(t, BuildTable(m, 3))
	if man.Rows != 8 || len(man.Units) != 2 {
		t.Fatalf("%d rows, %d units", man.Rows, len(man.Units))
	}
	field := func(name string) int { return slices.Index(man.RowFields, name) }
	unitOf := make([]int, 0, man.Rows)
	for ui, u := range man.Units {
		for range int(u[slices.Index(man.UnitFields, "rows")].(float64)) {
			unitOf = append(unitOf, ui)
		}
	}
	coll := collate.New(language.Chinese, collate.Numeric)
	str := func(r []any, f string) string { return r[field(f)].(string) }
	num := func(r []any, f string) int { return int(r[field(f)].(float64)) }
	cat := func(r []any) string {
		if c := num(r, "category"); c >= 0 {
			return man.Categories[c]
		}
		return ""
	}
	compare := func(col string, i, j int) int {
		a, b := rows[i], rows[j]
		switch col {
		case "unit":
			return coll.CompareString(man.Units[unitOf[i]][3].(string), man.Units[unitOf[j]][3].(string))
		case "number":
			return num(a, "number") - num(b, "number")
		case "title":
			return coll.CompareString(str(a, "title"), str(b, "title"))
		case "category":
			return coll.CompareString(cat(a), cat(b))
		case "status":
			return num(a, "status") - num(b, "status")
		case "deadline":
			return strings.Compare(str(a, "deadline"), str(b, "deadline"))
		case "signed":
			return strings.Compare(str(a, "signed"), str(b, "signed"))
		}
		t.Fatalf("column %s", col)
		return 0
	}
	empty := func(col string, i int) bool {
		return col == "category" && cat(rows[i]) == "" || col == "deadline" && str(rows[i], "deadline") == ""
	}
	if !slices.Equal(man.Columns, TableColumns) {
		t.Errorf("columns %v", man.Columns)
	}
	for _, col := range man.Columns {
		s, ok := man.Sorts[col]
		if !ok {
			t.Errorf("%s: no sort file", col)
			continue
		}
		perm, groups, err := DecodeSort(files[s.File])
		if err != nil {
			t.Fatal(err)
		}
		want := make([]int, man.Rows)
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(i, j int) int {
			if empty(col, i) != empty(col, j) {
				if empty(col, i) {
					return 1
				}
				return -1
			}
			if empty(col, i) {
				return 0
			}
			return compare(col, i, j)
		})
		if !slices.Equal(perm, want) {
			t.Errorf("%s: ids %v, want %v", col, perm, want)
			continue
		}
		var wantGroups []bool
		n := 0
		for k, i := range want {
			if empty(col, i) {
				n++
			}
			wantGroups = append(wantGroups, k == 0 || empty(col, i) != empty(col, want[k-1]) ||
				!empty(col, i) && compare(col, i, want[k-1]) != 0)
		}
		if !slices.Equal(groups, wantGroups) {
			t.Errorf("%s: groups %v, want %v", col, groups, wantGroups)
		}
		if s.Empty != n {
			t.Errorf("%s: %d rows with no key, want %d", col, s.Empty, n)
		}
		if col == "category" || col == "deadline" {
			if n == 0 || n == man.Rows {
				t.Errorf("%s: the fixture needs rows with and without a key (%d without)", col, n)
			}
		}
	}
	// The filters.
	check := func(l TableList, keep func(r []any) bool) {
		t.Helper()
		ids, err := DecodeIDs(files[l.File])
		if err != nil {
			t.Fatal(err)
		}
		var want []int
		for i, r := range rows {
			if keep(r) {
				want = append(want, i)
			}
		}
		if !slices.Equal(ids, want) || l.Rows != len(want) {
			t.Errorf("%s (%s): ids %v (%d), want %v", l.File, l.Value, ids, l.Rows, want)
		}
	}
	for i, l := range man.Filters.Status {
		if l.Value != man.Statuses[i][0] || l.Value != string(notice.Statuses[i]) {
			t.Errorf("status filter %d is %s", i, l.Value)
		}
		check(l, func(r []any) bool { return num(r, "status") == i })
	}
	for i, l := range man.Filters.Category {
		if l.Value != man.Categories[i] {
			t.Errorf("category filter %d is %s", i, l.Value)
		}
		check(l, func(r []any) bool { return cat(r) == l.Value })
	}
	for _, l := range man.Filters.Year {
		check(l, func(r []any) bool { return strings.HasPrefix(str(r, "signed"), l.Value) })
	}
	check(man.Filters.Overdue, func(r []any) bool { return num(r, "overdue") == 1 })
	if man.Overdue == 0 || man.Overdue != man.Filters.Overdue.Rows {
		t.Errorf("overdue %d, list %d", man.Overdue, man.Filters.Overdue.Rows)
	}
	// The deadlines: each where its run begins in sort/deadline.bin.
	perm, _, _ := DecodeSort(files[man.Sorts["deadline"].File])
	var dls [][]any
	if err := json.Unmarshal(files[man.Filters.Deadlines], &dls); err != nil {
		t.Fatal(err)
	}
	if len(dls) < 2 {
		t.Fatalf("deadlines %v: the fixture needs two", dls)
	}
	for k, d := range dls {
		end := man.Rows - man.Sorts["deadline"].Empty
		if k+1 < len(dls) {
			end = int(dls[k+1][1].(float64))
		}
		for _, i := range perm[int(d[1].(float64)):end] {
			if str(rows[i], "deadline") != d[0].(string) {
				t.Errorf("deadline %s: row %d has %s", d[0], i, str(rows[i], "deadline"))
			}
		}
	}
}

// TestTableManifestAgrees: what the script takes from the manifest is
// what Go uses: the statuses are notice.Statuses with their labels, the
// row and unit fields and the columns are the model's, the sizes.
func TestTableManifestAgrees(t *testing.T) {
	man, rows, _ := readTable(t, BuildTable(tableModel(t), 0))
	if man.Format != TableFormat || man.ShardRows != TableShardRows || man.PageRows != TablePageRows {
		t.Errorf("format %d, shard %d, page %d", man.Format, man.ShardRows, man.PageRows)
	}
	if !slices.Equal(man.RowFields, TableRowFields) || !slices.Equal(man.UnitFields, TableUnitFields) || !slices.Equal(man.Columns, TableColumns) {
		t.Errorf("fields %v %v %v", man.RowFields, man.UnitFields, man.Columns)
	}
	for i, s := range notice.Statuses {
		if man.Statuses[i] != [2]string{string(s), s.Label()} {
			t.Errorf("status %d: %v", i, man.Statuses[i])
		}
	}
	for _, r := range rows {
		if len(r) != len(TableRowFields) && len(r) != len(TableRowFields)-2 {
			t.Errorf("row of %d items: %v", len(r), r)
		}
	}
	for _, u := range man.Units {
		if len(u) != len(TableUnitFields) {
			t.Errorf("unit of %d items: %v", len(u), u)
		}
	}
}

func TestTableEncodings(t *testing.T) {
	for _, ids := range [][]int{nil, {0}, {5}, {0, 1, 2, 300, 70000, 70001}, {0, 1, 2, 3, 4, 5, 9, 10, 11}, {3, 4, 5, 6}} {
		got, err := DecodeIDs(EncodeIDs(ids))
		if err != nil || !slices.Equal(got, ids) {
			t.Errorf("ids %v: %v %v", ids, got, err)
		}
	}
	for _, perm := range [][]int{{0}, {3, 1, 2, 0}, {100000, 0, 99999, 5}, {0, 1, 2, 3, 4, 5, 6, 7}} {
		groups := make([]bool, len(perm))
		for i := range groups {
			groups[i] = i%2 == 0
		}
		p, g, err := DecodeSort(EncodeSort(perm, groups))
		if err != nil || !slices.Equal(p, perm) || !slices.Equal(g, groups) {
			t.Errorf("sort %v: %v %v %v", perm, p, g, err)
		}
	}
	// A run: the first value, then 0 and how many more.
	for _, c := range []struct {
		ids  []int
		want []byte
	}{
		{[]int{0, 1, 2}, []byte{1, 1, 1}},
		{[]int{0, 1, 2, 3, 4, 5, 6}, []byte{1, 0, 6}},
		{[]int{9, 10, 11, 12, 13, 20}, []byte{10, 1, 0, 3, 7}},
	} {
		if got := EncodeIDs(c.ids); !bytes.Equal(got, c.want) {
			t.Errorf("ids %v: % x, want % x", c.ids, got, c.want)
		}
	}
	if _, err := DecodeIDs([]byte{0, 3}); err == nil {
		t.Error("a run with nothing before it reads")
	}
}
