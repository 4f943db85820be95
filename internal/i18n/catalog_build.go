package i18n

// The build's log lines (internal/site's stages, internal/search's build
// side) added by issue 23.
func init() {
	Catalog = append(Catalog, []Entry{
		{"%-9s %d of %d units analysed, in %d of %d county groups (%s), placed (%s)", "%-9s 分析了 %d 个单位（共 %d 个），在 %d 个县的分组中（共 %d 个）（%s），放置（%s）"},
		{"%s has no %s folder (the site's templates and pages): run gongshi in the site's folder, or give --root", "%s 下没有 %s 文件夹（网站的模板和页面）：请在网站文件夹里运行 gongshi，或用 --root 指定"},
		{"the trash's parts in progress finished", "回收站中正在删除的部分已删完"},
		{"the work folder removed", "已删除工作文件夹"},
		{"hugo: the site's templates failed on ten pages or more and Hugo stopped without finishing (a defect of the embedded Hugo v0.165.0): nothing was published; fix the layouts changed since the last good build (a build of a few units' data shows the templates' errors)", "hugo：网站模板在十个以上页面上出错，Hugo 停住未能完成（内置 Hugo v0.165.0 的缺陷）：什么都没有发布；请修正上次成功构建以来改过的模板（只用几个单位的数据构建，就能看到模板的错误）"},
	}...)
}
