package i18n

// The SQLite download (internal/sqlitedb, internal/site/sqlite.go).
func init() {
	Catalog = append(Catalog, []Entry{
		{"write the SQLite database %s: %s", "写入 SQLite 数据库 %s 失败：%s"},
		{"sqlite", "数据库"},
		{"findings.sqlite (%d findings)", "findings.sqlite（%d 个问题）"},
		{"findings.sqlite kept: no unit changed", "findings.sqlite：没有单位改动，沿用上一版"},
	}...)
}
