package i18n

// The build's log lines (internal/site's stages, internal/search's build
// side) added by issue 23.
func init() {
	Catalog = append(Catalog, []Entry{
		{"%-9s %d of %d units analysed, in %d of %d county groups (%s), placed (%s)", "%-9s 分析了 %d 个单位（共 %d 个），在 %d 个县的分组中（共 %d 个）（%s），放置（%s）"},
		{"%s has no %s folder (the site's templates and pages): run gongshi in the site's folder, or give --root", "%s 下没有 %s 文件夹（网站的模板和页面）：请在网站文件夹里运行 gongshi，或用 --root 指定"},
		{"the trash's parts in progress finished", "回收站中正在删除的部分已删完"},
		{"the work folder removed", "已删除工作文件夹"},
	}...)
}
