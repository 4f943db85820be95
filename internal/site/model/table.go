package model

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongshi/gongshi/internal/notice"
)

// The findings table (/findings/): every finding in its current state,
// published as files a static host serves and the page's table.js reads
// only as far as a view needs (docs/findings-table.md):
//
//   - manifest.json: the format, the columns, the statuses, the units,
//     regions, categories and years (for the filters and the rows'
//     unit cells), the counts, and the name of every other file;
//   - rows/N.json: the rows, ShardRows to a file, in the table's own order
//     (unit path order, each unit's findings by inspection and number);
//   - sort/COLUMN.bin: the row ids in the column's ascending order, with
//     where each group of equal keys begins (an IDs-and-groups file);
//   - filter/*.bin: for each status, category, year and for 逾期, the ids
//     of its rows (an ID-list file); filter/deadlines.json: where each
//     deadline's rows begin in sort/deadline.bin (for 整改时限 从…至…).
//
// Every file is written anew by every build, from the model alone, so the
// same data gives the same bytes and an incremental build the same files
// as a full one. Go alone decides every order: the script only walks the
// lists. The script reads the column order, the row and unit fields, the
// statuses, the shard size and the file names from the manifest, never
// from its own copy (TestTableManifestAgrees holds them together).

// TableDir is the folder of the table's files; TableManifestFile is the
// manifest the page names (layouts/findings/section.html).
const (
	TableDir          = "/findings/table/"
	TableManifestFile = TableDir + "manifest.json"
)

// TableFormat is the version of the files' format: the script refuses a
// manifest of another.
const TableFormat = 2

// TableShardRows is the rows in one rows/N.json; TablePageRows the rows
// the page shows at a time. A page of the table's own order is one shard.
const (
	TableShardRows = 50
	TablePageRows  = 50
)

// TableColumns are the table's columns, in the order of its headers (their
// data-key): each sorts, by sort/COLUMN.bin.
var TableColumns = []string{"unit", "number", "title", "category", "status", "deadline", "signed"}

// TableRowFields name the items of a row in rows/N.json, in order. The
// last two are there only for a finding with a deadline.
var TableRowFields = []string{
	"number",        // its number (int)
	"no",            // the number as shown: （30）
	"title",         // its title
	"category",      // index into categories, -1: none
	"status",        // index into statuses
	"deadline",      // the site's reading of the deadline: 2024-12-31, or ""
	"overdue",       // 1 if overdue, else 0
	"signed",        // the date of the latest notice reporting it
	"url",           // its permalink
	"id",            // its id (the downloads' id / 编号)
	"deadline_text", // the deadline as the notice wrote it
	"deadline_read", // the site's reading written out, where it differs from the text ("" else)
}

// TableUnitFields name the items of a unit in the manifest, in order.
var TableUnitFields = []string{
	"name", "kind", "key", // the unit's name, kind and unit path
	"label",      // the name with its county (and township, for a village)
	"url",        // its page ("" for a region summary: no page of its own)
	"json",       // its findings.json ("" for a summary: its region's files hold it)
	"csv_zh",     // its findings-zh.csv (likewise)
	"region",     // its region's slug path
	"kind_label", // its kind in words
	"rows",       // how many rows it has (int): its rows follow the previous unit's
}

// TableManifest is manifest.json.
type TableManifest struct {
	Format     int         `json:"format"`
	Version    string      `json:"version"` // digest of every other file: the script asks for file?v=VERSION
	AsOf       notice.Date `json:"as_of"`
	AsOfText   string      `json:"as_of_text"`
	Rows       int         `json:"rows"`
	Overdue    int         `json:"overdue"`
	ShardRows  int         `json:"shard_rows"`
	PageRows   int         `json:"page_rows"`
	Shards     string      `json:"shards"` // rows/{n}.json: {n} is the shard's number
	Columns    []string    `json:"columns"`
	RowFields  []string    `json:"row_fields"`
	UnitFields []string    `json:"unit_fields"`
	Statuses   [][2]string `json:"statuses"` // [status, label] in the site's order
	Categories []string    `json:"categories"`
	Units      [][]any     `json:"units"`
	// Regions are every region with findings under it, for the 地区
	// filter, with its downloads (cities and counties; "" else).
	Regions   []TableRegion        `json:"regions"`
	Sorts     map[string]TableSort `json:"sorts"` // by column
	Filters   TableFilters         `json:"filters"`
	Downloads TableDownloads       `json:"downloads"` // the site's
}

// TableRegion is a region in the manifest.
type TableRegion struct {
	Key   string `json:"key"`   // slug path
	Label string `json:"label"` // 福建省莆田市仙游县
	CSVZh string `json:"csv_zh,omitempty"`
	JSON  string `json:"json,omitempty"`
}

// TableDownloads are the files "下载本视图" takes the rows from.
type TableDownloads struct {
	CSVZh string `json:"csv_zh"`
	JSON  string `json:"json"`
}

// TableSort is a column's sort file. The ascending order puts the rows
// with no key (no category, no deadline) last: Empty of them.
type TableSort struct {
	File  string `json:"file"`
	Empty int    `json:"empty"`
}

// TableList is an ID-list file: the rows with one value of a filter.
type TableList struct {
	Value string `json:"value"`
	File  string `json:"file"`
	Rows  int    `json:"rows"`
}

// TableFilters are the filters' files.
type TableFilters struct {
	Status    []TableList `json:"status"`   // in the order of statuses
	Category  []TableList `json:"category"` // in the order of categories
	Year      []TableList `json:"year"`     // by the latest notice's year, newest first
	Overdue   TableList   `json:"overdue"`
	Deadlines string      `json:"deadlines"` // filter/deadlines.json
}

// TableFile is one file of the table: its site path and its bytes.
type TableFile struct {
	Path string
	Data []byte
}

// tableRow is a row with its sort keys.
type tableRow struct {
	unit     int
	cells    []any
	title    string
	category string
	catIndex int
	status   int
	deadline notice.Date
	overdue  bool
	signed   notice.Date
	number   int
}

// BuildTable derives the table's files from the model: the manifest last.
// shardRows is the rows per shard (TableShardRows; tests use fewer).
func BuildTable(m *Model, shardRows int) []TableFile {
	if shardRows <= 0 {
		shardRows = TableShardRows
	}
	man := &TableManifest{
		Format: TableFormat, AsOf: m.Site.AsOf, AsOfText: m.Site.AsOfText,
		ShardRows: shardRows, PageRows: TablePageRows, Shards: "rows/{n}.json",
		Columns: TableColumns, RowFields: TableRowFields, UnitFields: TableUnitFields,
		Categories: []string{}, Units: [][]any{}, Regions: []TableRegion{}, Sorts: map[string]TableSort{},
		Downloads: TableDownloads{CSVZh: m.Site.Downloads.CSVZh, JSON: m.Site.Downloads.JSON},
	}
	statusIndex := map[notice.Status]int{}
	for i, s := range notice.Statuses {
		man.Statuses = append(man.Statuses, [2]string{string(s), s.Label()})
		statusIndex[s] = i
	}
	cats := map[string]int{}
	var rows []tableRow
	var unitLabels []string
	regionPaths := map[string]bool{}
	for _, t := range m.Units {
		if len(t.Findings) == 0 {
			continue
		}
		ui := len(man.Units)
		label := t.Region.County + t.Name
		if t.Kind != notice.UnitTownship {
			label = t.Region.County + t.Region.Township + t.Name
		}
		page, file, zh := t.URL, t.Downloads.JSON, t.Downloads.CSVZh
		if t.IsSummary { // no page or files of its own: its region's files hold it
			page, file, zh = "", "", ""
		}
		man.Units = append(man.Units, []any{t.Name, string(t.Kind), t.Key, label, page, file, zh, t.Region.Path(), t.KindLabel, len(t.Findings)})
		unitLabels = append(unitLabels, label)
		regionPaths[t.Region.Path()] = true
		for _, fs := range t.Findings {
			f := &fs.Merged
			ci := -1
			if f.Category != "" {
				c, ok := cats[f.Category]
				if !ok {
					c = len(man.Categories)
					cats[f.Category] = c
					man.Categories = append(man.Categories, f.Category)
				}
				ci = c
			}
			st, ok := statusIndex[fs.Status]
			if !ok {
				st = len(notice.Statuses) // never: the check admits the vocabulary only
			}
			over := 0
			if fs.Overdue {
				over = 1
			}
			signed := fs.History[len(fs.History)-1].Signed
			cells := []any{fs.Number, fs.No, f.Title, ci, st, string(fs.Deadline), over, string(signed), fs.URL, fs.ID}
			if fs.DeadlineText != "" { // most findings have none: their rows stay short
				cells = append(cells, fs.DeadlineText, fs.DeadlineRead)
			}
			rows = append(rows, tableRow{unit: ui, cells: cells, title: f.Title, category: f.Category, catIndex: ci,
				status: st, deadline: fs.Deadline, overdue: fs.Overdue, signed: signed, number: fs.Number})
		}
	}
	man.Rows = len(rows)

	// Regions: every region a unit with findings is in, or under.
	for _, r := range m.Site.Regions {
		has := false
		for p := range regionPaths {
			if p == r.Key || strings.HasPrefix(p, r.Key+"/") {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		tr := TableRegion{Key: r.Key, Label: r.Place}
		if r.Downloads != nil {
			tr.CSVZh, tr.JSON = r.Downloads.CSVZh, r.Downloads.JSON
		}
		man.Regions = append(man.Regions, tr)
	}
	slices.SortStableFunc(man.Regions, func(a, b TableRegion) int { return strings.Compare(a.Key, b.Key) })

	var files []TableFile
	add := func(path string, data []byte) { files = append(files, TableFile{Path: TableDir + path, Data: data}) }

	// The rows, in shards.
	for s := 0; s*shardRows < len(rows) || s == 0; s++ {
		var b bytes.Buffer
		b.WriteByte('[')
		for i := s * shardRows; i < min(len(rows), (s+1)*shardRows); i++ {
			if i > s*shardRows {
				b.WriteString(",\n")
			}
			c, err := json.Marshal(rows[i].cells) // escapes <, > and & as \u003c …
			if err != nil {
				panic(err) // strings and ints only
			}
			b.Write(c)
		}
		b.WriteString("]\n")
		add(strings.ReplaceAll(man.Shards, "{n}", strconv.Itoa(s)), b.Bytes())
		if len(rows) == 0 {
			break
		}
	}

	// The sorts.
	coll := collate.New(language.Chinese, collate.Numeric)
	var buf collate.Buffer
	collKey := func(s string) []byte { k := bytes.Clone(coll.KeyFromString(&buf, s)); buf.Reset(); return k }
	unitKeys := make([][]byte, len(unitLabels))
	for i, l := range unitLabels {
		unitKeys[i] = collKey(l)
	}
	titleKeys := make([][]byte, len(rows))
	for i := range rows {
		titleKeys[i] = collKey(rows[i].title)
	}
	catKeys := make([][]byte, len(man.Categories))
	for i, c := range man.Categories {
		catKeys[i] = collKey(c)
	}
	// compare is the column's order of two rows' keys (0: equal); empty
	// whether a row has no key (it goes last).
	type order struct {
		compare func(a, b *tableRow, i, j int) int
		empty   func(r *tableRow) bool
	}
	orders := map[string]order{
		"unit":   {compare: func(a, b *tableRow, _, _ int) int { return bytes.Compare(unitKeys[a.unit], unitKeys[b.unit]) }},
		"number": {compare: func(a, b *tableRow, _, _ int) int { return cmp.Compare(a.number, b.number) }},
		"title":  {compare: func(_, _ *tableRow, i, j int) int { return bytes.Compare(titleKeys[i], titleKeys[j]) }},
		"category": {
			compare: func(a, b *tableRow, _, _ int) int { return bytes.Compare(catKeys[a.catIndex], catKeys[b.catIndex]) },
			empty:   func(r *tableRow) bool { return r.catIndex < 0 },
		},
		"status": {compare: func(a, b *tableRow, _, _ int) int { return cmp.Compare(a.status, b.status) }},
		"deadline": {
			compare: func(a, b *tableRow, _, _ int) int { return strings.Compare(string(a.deadline), string(b.deadline)) },
			empty:   func(r *tableRow) bool { return r.deadline == "" },
		},
		"signed": {compare: func(a, b *tableRow, _, _ int) int { return strings.Compare(string(a.signed), string(b.signed)) }},
	}
	var deadlinePerm []int
	for _, col := range TableColumns {
		o := orders[col]
		perm := make([]int, len(rows))
		for i := range perm {
			perm[i] = i
		}
		empty := func(i int) bool { return o.empty != nil && o.empty(&rows[i]) }
		slices.SortFunc(perm, func(i, j int) int { // a total order: ties go by id
			if ei, ej := empty(i), empty(j); ei != ej {
				if ei {
					return 1
				}
				return -1
			} else if ei {
				return cmp.Compare(i, j)
			}
			if c := o.compare(&rows[i], &rows[j], i, j); c != 0 {
				return c
			}
			return cmp.Compare(i, j)
		})
		groups := make([]bool, len(perm))
		n := 0
		for k, i := range perm {
			if empty(i) {
				n++
			}
			if k == 0 {
				groups[k] = true
				continue
			}
			j := perm[k-1]
			if empty(i) != empty(j) || (!empty(i) && o.compare(&rows[i], &rows[j], i, j) != 0) {
				groups[k] = true
			}
		}
		p := "sort/" + col + ".bin"
		add(p, EncodeSort(perm, groups))
		man.Sorts[col] = TableSort{File: p, Empty: n}
		if col == "deadline" {
			deadlinePerm = perm
		}
	}

	// The filters.
	list := func(name, value string, keep func(r *tableRow) bool) TableList {
		var ids []int
		for i := range rows {
			if keep(&rows[i]) {
				ids = append(ids, i)
			}
		}
		p := "filter/" + name + ".bin"
		add(p, EncodeIDs(ids))
		return TableList{Value: value, File: p, Rows: len(ids)}
	}
	for i, s := range notice.Statuses {
		man.Filters.Status = append(man.Filters.Status, list("status-"+strconv.Itoa(i), string(s), func(r *tableRow) bool { return r.status == i }))
	}
	man.Filters.Category = []TableList{}
	for i, c := range man.Categories {
		man.Filters.Category = append(man.Filters.Category, list("category-"+strconv.Itoa(i), c, func(r *tableRow) bool { return r.catIndex == i }))
	}
	years := map[string]bool{}
	for i := range rows {
		years[yearOf(rows[i].signed)] = true
	}
	ys := make([]string, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	slices.Reverse(ys)
	man.Filters.Year = []TableList{}
	for _, y := range ys {
		man.Filters.Year = append(man.Filters.Year, list("year-"+y, y, func(r *tableRow) bool { return yearOf(r.signed) == y }))
	}
	man.Filters.Overdue = list("overdue", "1", func(r *tableRow) bool { return r.overdue })
	man.Overdue = man.Filters.Overdue.Rows
	// Each deadline with the position in sort/deadline.bin where its rows
	// begin: the rows from one deadline to another are a run there.
	deadlines := [][]any{}
	for k, i := range deadlinePerm {
		d := rows[i].deadline
		if d == "" {
			break // the rows with none come last
		}
		if k == 0 || rows[deadlinePerm[k-1]].deadline != d {
			deadlines = append(deadlines, []any{string(d), k})
		}
	}
	dj, _ := json.Marshal(deadlines)
	man.Filters.Deadlines = "filter/deadlines.json"
	add(man.Filters.Deadlines, append(dj, '\n'))

	// The manifest: its version is the digest of every other file.
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s %d\n", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	man.Version = hex.EncodeToString(h.Sum(nil))[:16]
	mj, err := json.Marshal(man)
	if err != nil {
		panic(err)
	}
	files = append(files, TableFile{Path: TableManifestFile, Data: append(mj, '\n')})
	return files
}

func yearOf(d notice.Date) string {
	if len(d) < 4 {
		return string(d)
	}
	return string(d[:4])
}

// The lists are varints (unsigned LEB128, as encoding/binary writes them),
// every value at least 1, and a value repeated more than twice written
// once and then 0 and the count of its further repeats: runs of
// neighbouring ids (a unit's rows, an order that keeps the table's) cost
// two or three bytes whatever their length.

// appendRuns writes vs (each ≥ 1) with their runs.
func appendRuns(b []byte, vs []uint64) []byte {
	for i := 0; i < len(vs); {
		j := i + 1
		for j < len(vs) && vs[j] == vs[i] {
			j++
		}
		b = binary.AppendUvarint(b, vs[i])
		if n := j - i - 1; n > 2 {
			b = binary.AppendUvarint(binary.AppendUvarint(b, 0), uint64(n))
		} else {
			for ; n > 0; n-- {
				b = binary.AppendUvarint(b, vs[i])
			}
		}
		i = j
	}
	return b
}

// readRuns reads what appendRuns writes.
func readRuns(b []byte) ([]uint64, error) {
	var vs []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, fmt.Errorf("bad varint after %d values", len(vs))
		}
		b = b[n:]
		if v != 0 {
			vs = append(vs, v)
			continue
		}
		r, n := binary.Uvarint(b)
		if n <= 0 || len(vs) == 0 {
			return nil, fmt.Errorf("bad run after %d values", len(vs))
		}
		b = b[n:]
		for ; r > 0; r-- {
			vs = append(vs, vs[len(vs)-1])
		}
	}
	return vs, nil
}

// EncodeIDs is an ID-list file: ascending row ids, each as its distance
// from the previous one (the first: from -1).
func EncodeIDs(ids []int) []byte {
	vs := make([]uint64, len(ids))
	prev := -1
	for k, id := range ids {
		vs[k] = uint64(id - prev)
		prev = id
	}
	return appendRuns(nil, vs)
}

// DecodeIDs reads an ID-list file.
func DecodeIDs(b []byte) ([]int, error) {
	vs, err := readRuns(b)
	if err != nil {
		return nil, fmt.Errorf("id list: %w", err)
	}
	ids := make([]int, len(vs))
	prev := -1
	for k, v := range vs {
		prev += int(v)
		ids[k] = prev
	}
	return ids, nil
}

// EncodeSort is an IDs-and-groups file: the row ids in the column's order,
// each as 2·zigzag(id − previous id) + 1 if it begins a group of equal
// keys (the first id's previous is -1). Ties keep the rows' own order in a
// group whichever way the table is sorted, so the descending order is the
// groups backwards, each still in id order.
func EncodeSort(perm []int, groups []bool) []byte {
	vs := make([]uint64, len(perm))
	prev := -1
	for k, id := range perm {
		d := int64(id - prev)
		v := (uint64(d<<1) ^ uint64(d>>63)) << 1
		if groups[k] {
			v |= 1
		}
		vs[k] = v
		prev = id
	}
	return appendRuns(nil, vs)
}

// DecodeSort reads an IDs-and-groups file.
func DecodeSort(b []byte) (perm []int, groups []bool, err error) {
	vs, err := readRuns(b)
	if err != nil {
		return nil, nil, fmt.Errorf("sort: %w", err)
	}
	prev := -1
	for _, v := range vs {
		zz := v >> 1
		prev += int(int64(zz>>1) ^ -int64(zz&1))
		perm = append(perm, prev)
		groups = append(groups, v&1 == 1)
	}
	return perm, groups, nil
}
