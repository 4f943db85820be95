package i18n

// The analysis pages' build messages (internal/site/analysis_downloads.go).
func init() {
	Catalog = append(Catalog, []Entry{
		{"write the analysis CSV %s: %s", "写入分析页的 CSV %s 失败：%s"},
	}...)
}
