package i18n

// The messages of the release work (issue 24): gongshi version, the
// console.
func init() {
	Catalog = append(Catalog, []Entry{
		// gongshi version
		{"gongshi %s (commit %s)", "gongshi %s（提交 %s）"},
		{"Hugo %s", "Hugo %s"},
		{"Bleve %s", "Bleve %s"},
		{"Go %s %s/%s", "Go %s %s/%s"},
		{"unknown", "未知"},

		// A Windows path in a notice's original (internal/check/original.go).
		{"original %q has \\ between folders (a Windows path): write it with /, as %s", "original %q 的文件夹之间用了 \\（Windows 路径）：请改用 /，写成 %s"},
		{"%s: original %q has \\ between folders (a Windows path): write it with /, as %s", "%s：original %q 的文件夹之间用了 \\（Windows 路径）：请改用 /，写成 %s"},
		{"original %q is an absolute Windows path (a drive or a \\\\server share): name the file relative to the project folder with / between folders, like seeds/000_notice.txt", "original %q 是 Windows 的绝对路径（带盘符或 \\\\服务器 共享）：请写成相对于项目文件夹、用 / 分隔的路径，如 seeds/000_notice.txt"},
		{"%s: original %q is an absolute Windows path (a drive or a \\\\server share): name the file relative to the project folder with / between folders, like seeds/000_notice.txt", "%s：original %q 是 Windows 的绝对路径（带盘符或 \\\\服务器 共享）：请写成相对于项目文件夹、用 / 分隔的路径，如 seeds/000_notice.txt"},
	}...)
}
