package i18n

// The messages of the release work (issue 24): gongshi version, the
// console, the build's progress lines.
func init() {
	Catalog = append(Catalog, []Entry{
		// gongshi version
		{"gongshi %s (commit %s)", "gongshi %s（提交 %s）"},
		{"Hugo %s", "Hugo %s"},
		{"Bleve %s", "Bleve %s"},
		{"Go %s %s/%s", "Go %s %s/%s"},
		{"unknown", "未知"},
	}...)
}
