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

		// The build's progress on a terminal (internal/progress).
		{"checking the data", "校验数据"},
		{"building the search index", "生成检索索引"},
		{"rendering the pages", "生成页面"},
		{"writing the site", "写入网站"},
		{"%s: %d/%d", "%s：%d/%d"},
		{"%s …", "%s（进行中）……"},
	}...)
}
