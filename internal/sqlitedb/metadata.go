package sqlitedb

import (
	"encoding/json"
)

// MetadataFile is the name of Datasette's metadata file, written beside the
// site-wide database: datasette findings.sqlite --metadata datasette-metadata.json.
// The file is findings.sqlite, so Datasette names the database "findings".
const MetadataFile = "datasette-metadata.json"

// Facets are the facets Datasette shows on a table at first: the one file
// holds the whole site, and these filter it to a region (and a status).
var Facets = map[string][]string{
	"findings": {"city", "county", "status_label"},
	"units":    {"city", "county", "kind_label"},
	"notices":  {"kind"},
}

// Metadata is Datasette's metadata for the databases: a title, and each
// table's and column's description in Chinese (column_docs in the file
// has the English too).
func Metadata(title string) []byte {
	type tableMeta struct {
		Description string            `json:"description"`
		Columns     map[string]string `json:"columns,omitempty"`
		Facets      []string          `json:"facets,omitempty"`
	}
	tables := map[string]tableMeta{}
	for _, t := range Tables {
		cols := map[string]string{}
		for _, c := range t.Columns {
			cols[c.Name] = c.Zh
		}
		tables[t.Name] = tableMeta{Description: t.Zh, Columns: cols, Facets: Facets[t.Name]}
	}
	for name, d := range ViewDocs {
		tables[name] = tableMeta{Description: d[0]}
	}
	meta := map[string]any{
		"title":       title,
		"description": "巡察整改进展情况通报中的问题及其整改状态。文字照录通报原文；通报未说明的数字为空（NULL），不是 0；整改时限的原文与本站的解读分列两栏。各表和各列的说明也在 column_docs 表中。",
		"databases": map[string]any{
			"findings": map[string]any{"tables": tables},
		},
	}
	b, err := json.MarshalIndent(meta, "", "  ") // maps: keys sorted
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}
