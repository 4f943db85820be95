package i18n

// Problem themes and recurrence (internal/themes, docs/themes.md): the
// errors of a malformed data/themes.toml (themes.Error prints each after
// the file, the line and the field).
func init() {
	Catalog = append(Catalog, []Entry{
		{"not valid TOML: %s", "不是有效的 TOML：%s"},
		{"wrong kind of value: %s", "值的类型不对（categories 和 words 要写成 [\"词1\", \"词2\"]，key 和 name 要写成 \"文字\"）：%s"},
		{"unknown field (a theme has key, name, categories and words)", "没有这一项（主题只有 key、name、categories、words 四项）"},
		{"no [[theme]] in the file", "文件里没有任何 [[theme]] 主题"},
		{"theme %d has no key (an ASCII name for its address, e.g. \"zuofeng\")", "第%d个主题没有 key（用于网址的英文名，例如 \"zuofeng\"）"},
		{"%q is not lower-case letters, digits and hyphens", "%q 只能由小写英文字母、数字和连字符组成"},
		{"%q is kept for the findings no theme matches", "%q 留给未能归类的问题，主题不能用它"},
		{"theme %q has no name", "主题 %q 没有中文名（name）"},
		{"theme %q has neither categories nor words: nothing can match it", "主题 %q 既没有 categories 也没有 words，没有问题能归入它"},
		{"%q is the key of theme %d too", "%q 与第%d个主题的 key 重复"},
		{"theme %q has an empty phrase", "主题 %q 有一个空的词（去掉空白和标点后什么也不剩）"},
		// The build's line (internal/site/themes_downloads.go).
		{"themes", "主题"},
		{"%d themes (%s), %d findings recur in a later round", "%d 个主题（%s），%d 个问题在后一轮巡察中重复出现"},
		{"the default taxonomy", "内置主题表"},
		{"the data folder's themes.toml", "数据文件夹中的 themes.toml"},
	}...)
}
