package i18n

// The build's progress lines (internal/site, internal/search): each stage's
// name, what it did, and the summary a build prints.
func init() {
	Catalog = append(Catalog, []Entry{
		// the stages' names (the log's first column)
		{"check", "校验"},
		{"model", "整理"},
		{"downloads", "下载文件"},
		{"search", "检索"},
		{"publish", "发布"},
		{"changes", "改动"},
		{"cleanup", "清理"},
		{"cache", "缓存"},
		{"merge", "合并"},

		{"%d data files", "%d 个数据文件"},
		{"%d units, %d notices, %d findings as of %s", "%d 个单位、%d 份通报、%d 个问题，截至 %s"},
		{"%d documents: unchanged, the previous index kept", "%d 个文档：没有改动，保留上次的索引"},
		{"%d documents: unchanged, the previous index reused", "%d 个文档：没有改动，沿用上次的索引"},
		{"%d documents indexed", "已索引 %d 个文档"},
		{"rendered", "已生成页面"},
		{"%s in place: %d files, %d pages, %s MB", "原地更新（%s）：%d 个文件，%d 个页面，%s MB"},
		{"%s since the previous site", "与上次的网站相比：%s"},
		{"%d files, %d pages, %s MB", "%d 个文件，%d 个页面，%s MB"},
		{"moved the previous site to the trash", "上次的网站已移入回收文件夹"},
		{"the templates, config, program or date changed: every page is rendered", "模板、配置、程序或日期有变：重新生成全部页面"},
		{"!!! warning: %s", "!!! 警告：%s"},
		{"config.toml sets no baseURL: the addresses in the feeds, the sitemap, the citation links and the CSV/JSON will be paths with no site address; set baseURL = \"https://this-site/\" in config.toml before publishing", "config.toml 没有设置 baseURL：订阅、sitemap、引用链接和 CSV/JSON 里的网址将只有路径，没有网站地址。发布前请在 config.toml 设置 baseURL = \"https://本站域名/\"。"},
		{"config.toml's baseURL (%s) is not an http(s) address: the addresses in the feeds, the sitemap, the citation links and the CSV/JSON will not work", "config.toml 的 baseURL（%s）不是 http(s) 网址：订阅、sitemap、引用链接和 CSV/JSON 里的网址将无效。"},
		{"config.toml's baseURL is the placeholder %s: the feeds, the sitemap, the citation links and the CSV/JSON will point to it; set the site's real address before publishing", "config.toml 的 baseURL 是占位地址 %s：订阅、sitemap、引用链接和 CSV/JSON 里的网址都会指向它。发布前请改为本站的真实地址。"},
		{"config.toml's [params.publisher] names no publisher (name) and no contact: /about/ and the footer show none; fill them in before publishing", "config.toml 的 [params.publisher] 没有填写主办单位（name）和联系方式（contact）：/about/ 和页脚将不显示主办单位。发布前请填写。"},
		{"%-9s rendering %d of %d units' pages with Hugo …", "%-9s 用 Hugo 生成 %d 个单位（共 %d 个）的页面 …"},
		{"%-9s rendering %d pages with Hugo …", "%-9s 用 Hugo 生成 %d 个页面 …"},
		{"%-9s %d parts (%s)", "%-9s %d 个部分（%s）"},
		{"restored %s from an interrupted build's backup", "已从中断的生成留下的备份恢复 %s"},
		{"%d units, %d notices, %d findings: %d pages, %d files, %s MB, %d documents indexed, in %s", "%d 个单位、%d 份通报、%d 个问题：%d 个页面，%d 个文件，%s MB，已索引 %d 个文档，用时 %s"},
		{" (incremental: %d units rendered, %d reused)", "（增量生成：重新生成 %d 个单位，沿用 %d 个）"},
		{"%-9s bleve index of %d documents (%s, %s documents/s)", "%-9s %d 个文档的 Bleve 索引（%s，每秒 %s 个文档）"},
		{"%-9s %d of %d units analysed, %d of %d county groups merged (%s), placed (%s)", "%-9s 分析了 %d 个单位（共 %d 个），合并了 %d 个县的分组（共 %d 个）（%s），放置（%s）"},
		{"%-9s static index: %d terms in %d shards (%d long postings apart), %d display files, %s MB (%s)", "%-9s 静态索引：%d 个词，分 %d 片（%d 个长倒排表另存），%d 个展示文件，%s MB（%s）"},
	}...)
}
