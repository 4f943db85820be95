package i18n

// The SQLite download (internal/sqlitedb, internal/site/sqlite.go).
func init() {
	Catalog = append(Catalog, []Entry{
		{"write the SQLite database %s: %s", "写入 SQLite 数据库 %s 失败：%s"},
	}...)
}
