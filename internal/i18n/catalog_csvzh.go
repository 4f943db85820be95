package i18n

// The Chinese findings CSV (findings-zh.csv) in the build's progress line.
func init() {
	Catalog = append(Catalog, []Entry{
		{"findings.csv, findings-zh.csv, findings.json (%d rows), manifest.json, sitemap.xml", "findings.csv、findings-zh.csv、findings.json（%d 行）、manifest.json、sitemap.xml"},
	}...)
}
