package i18n

// An import's message about a place in a document: the document's name
// (and line) before it, joined as Chinese joins them (a full-width colon;
// 第 N 行). The keys number their verbs so as to be the importer's own:
// the check's path:line:col: lines keep their ASCII colons in both
// languages (editors and scripts read them).
func init() {
	Catalog = append(Catalog, []Entry{
		{"%[1]s: %[2]s", "%[1]s：%[2]s"},
		{"%[1]s:%[2]d: %[3]s", "%[1]s 第 %[2]d 行：%[3]s"},
	}...)
}
