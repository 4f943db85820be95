package i18n

// A message about a place in a file: the file's name (and line) before
// it, joined as Chinese joins them (a full-width colon; 第 N 行).
func init() {
	Catalog = append(Catalog, []Entry{
		{"%s: %s", "%s：%s"},
		{"%s:%d: %s", "%s 第 %d 行：%s"},
	}...)
}
