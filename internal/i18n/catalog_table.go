package i18n

// The findings table's files (internal/site/table.go).
func init() {
	Catalog = append(Catalog, []Entry{
		{"findings table: %w", "问题总表：%w"},
	}...)
}
