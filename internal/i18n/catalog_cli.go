package i18n

// The commands' help, usage, flags and command-line errors
// (internal/cli/cmdutil, internal/cli/*cmd/cmd.go, cmd/gongshi), built in
// the reader's language by the command tree: no line here is read back
// from English. A flag's value is named by the word in backquotes (pflag
// takes it out of the description), in both languages.
func init() {
	Catalog = append(Catalog, []Entry{
		// gongshi, help and usage (cmdutil/help.go, cmd/gongshi/root.go).
		{"gongshi — inspection rectification notices as a static disclosure site", "gongshi —— 把巡察整改进展情况的通报做成静态公示网站"},
		{"Usage:", "用法："},
		{"Commands:", "命令："},
		{"Examples:", "示例："},
		{"Flags:", "选项："},
		{"Flags of every command:", "所有命令共有的选项："},
		{"%s COMMAND [flags]", "%s 命令 [选项]"},
		{"Run '%s COMMAND -h' for a command's help and flags.", "运行 '%s 命令 -h' 查看该命令的说明和选项。"},
		{" (default %q)", "（默认 %q）"},
		{" (default %s)", "（默认 %s）"},
		{"NUMBER", "数目"},
		{"DURATION", "时长"},
		{"VALUE", "值"},
		{"show this help for %s", "显示 %s 的帮助"},
		{"help [COMMAND]", "help [命令]"},
		{"Show a command's help", "查看命令的帮助"},
		{"Shows the help of a command (gongshi help import), or of gongshi.", "显示某个命令的帮助（如 gongshi help import），或 gongshi 本身的帮助。"},
		{"The embedded Hugo v0.165.0, given its own arguments", "内置的 Hugo v0.165.0，参数原样交给它"},
		{"hugo [HUGO ARGUMENTS…]", "hugo [Hugo 参数…]"},

		// Shell completion (cobra's completion command, described here).
		{"Print the shell completion script (bash, zsh, fish, powershell)", "输出命令行自动补全脚本（bash、zsh、fish、powershell）"},
		{"Prints the script that completes %[1]s's commands and flags as you type them, for bash, zsh, fish or powershell: see %[1]s completion SHELL -h for how to load it.", "输出在输入时自动补全 %[1]s 的命令和选项的脚本，支持 bash、zsh、fish 和 powershell；加载方法见 %[1]s completion 外壳名 -h。"},
		{"Print the completion script for %s", "输出 %s 的自动补全脚本"},
		{"leave the commands' descriptions out of the completions", "补全时不显示命令的说明"},
		{"Prints the completion script for bash (it needs the bash-completion package).\n\nTo load it in this shell:\n\n  source <(%[1]s completion bash)\n\nTo load it in every new shell (Linux), once:\n\n  %[1]s completion bash > /etc/bash_completion.d/%[1]s",
			"输出 bash 的自动补全脚本（需要安装 bash-completion 软件包）。\n\n在当前终端中加载：\n\n  source <(%[1]s completion bash)\n\n让以后每个新终端都加载（Linux），运行一次：\n\n  %[1]s completion bash > /etc/bash_completion.d/%[1]s"},
		{"Prints the completion script for zsh.\n\nIf completion is not on in your zsh, turn it on once:\n\n  echo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load it in this shell:\n\n  source <(%[1]s completion zsh)\n\nTo load it in every new shell, once:\n\n  %[1]s completion zsh > \"${fpath[1]}/_%[1]s\"",
			"输出 zsh 的自动补全脚本。\n\n如果 zsh 还没有打开自动补全，先运行一次：\n\n  echo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\n在当前终端中加载：\n\n  source <(%[1]s completion zsh)\n\n让以后每个新终端都加载，运行一次：\n\n  %[1]s completion zsh > \"${fpath[1]}/_%[1]s\""},
		{"Prints the completion script for fish.\n\nTo load it in this shell:\n\n  %[1]s completion fish | source\n\nTo load it in every new shell, once:\n\n  %[1]s completion fish > ~/.config/fish/completions/%[1]s.fish",
			"输出 fish 的自动补全脚本。\n\n在当前终端中加载：\n\n  %[1]s completion fish | source\n\n让以后每个新终端都加载，运行一次：\n\n  %[1]s completion fish > ~/.config/fish/completions/%[1]s.fish"},
		{"Prints the completion script for PowerShell.\n\nTo load it in this shell:\n\n  %[1]s completion powershell | Out-String | Invoke-Expression\n\nTo load it in every new shell, add that line's output to your PowerShell profile.",
			"输出 PowerShell 的自动补全脚本。\n\n在当前终端中加载：\n\n  %[1]s completion powershell | Out-String | Invoke-Expression\n\n让以后每个新终端都加载：把这一行的输出加入 PowerShell 的配置文件（profile）。"},

		// Command-line errors (exit status 2; cmdutil/errors.go).
		{"gongshi%s: %s", "gongshi%s：%s"},
		{"unknown command %q", "没有 %q 这个命令"},
		{"unknown command %q (did you mean %s?)", "没有 %q 这个命令（是不是 %s？）"},
		{"no command %q to show the help of", "没有 %q 这个命令，无法显示它的帮助"},
		{"unknown flag --%s", "没有 --%s 这个选项"},
		{"unknown flag -%s (in -%s)", "没有 -%s 这个选项（在 -%s 中）"},
		{"unknown flag -%s", "没有 -%s 这个选项"},
		{"flag --%s needs a value", "选项 --%s 后面要跟一个值"},
		{"invalid value %q for --%s: %s", "选项 --%[2]s 的值 %[1]q 不对：%[3]s"},
		{"give a whole number", "请写整数"},
		{"give a duration such as 5s or 1m", "请写时长，如 5s、1m"},
		{"give true or false", "请写 true 或 false"},
		{"not a value this flag takes", "这个选项不接受这个值"},
		{"bad flag syntax: %s", "选项写法不对：%s"},
		{"this command takes no arguments, but was given %s", "这个命令不接受参数，却给了 %s"},
		{"give the PART folders to merge", "请给出要合并的各部分的文件夹"},
		{"give a QUERY to search for", "请给出检索词"},
		{"--json and --csv exclude each other", "--json 和 --csv 只能选一个"},
		{"--timeout %s: give a positive duration (5s, 1m)", "--timeout %s：请写大于零的时长（5s、1m）"},

		// gongshi import.
		{"import FILE|FOLDER… [flags]", "import 文件|文件夹… [选项]"},
		{"Import notices (text, HTML, .docx, PDF) into data files", "导入通报（文本、HTML、.docx、PDF），写成数据文件"},
		{`Reads notices (plain text in UTF-8, UTF-16 or GB18030, HTML pages, .docx,
PDF with a text layer; .doc, .wps and .rtf through LibreOffice;
a folder stands for the notices in it), writes one data file each,
data/<province>/<city>/<county>/<unit>/<signed>.toml, and prints a report:
for one file, what went where; for several, a line per file and a total.
It goes on past a file that fails, and exits 1 if any failed.
It writes no file that gongshi check refuses, and none whose findings
read are under 90 %% or over 110 %% of the problems the notice states
(--accept-mismatch writes it anyway). Flags may come before, between or
after the files.`, `读取通报（UTF-8、UTF-16 或 GB18030 纯文本，HTML 网页，.docx，
有文字层的 PDF；.doc、.wps、.rtf 经 LibreOffice 转换；
文件夹代表其中所有通报），每份通报写一个数据文件
data/<省>/<市>/<县>/<单位>/<落款日期>.toml，并打印报告：
一个文件时说明每部分内容去了哪里；多个文件时每个文件一行并给出合计。
某个文件失败时继续处理其余文件，只要有失败，退出状态就是 1。
gongshi check 会拒绝的数据文件一律不写；读出的问题数不到通报自述问题数的
90 %% 或超过 110 %% 时也不写（加 --accept-mismatch 则照写）。
选项可以写在文件之前、之间或之后。`},
		{"the region as `省/市/县/镇`, e.g. 福建省/莆田市/仙游县/郊尾镇; for a county department 省/市/县 (empty parts: from the text or config)", "地区，写作 `省/市/县/镇`，如 福建省/莆田市/仙游县/郊尾镇；县直部门写 省/市/县（空着的部分取自通报文字或配置文件）"},
		{"the region's slugs as `a/b/c/d` (empty parts: from pinyin)", "地区的拼音路径，写作 `a/b/c/d`（空着的部分按拼音生成）"},
		{"the inspected unit's `name` where the text does not give it (区文旅体局, 示例村)", "通报文字没有写明时，被巡察单位的`名称`（区文旅体局、示例村）"},
		{"the unit's `kind`: township, village, department, school, enterprise, or region (a summary over several units)", "单位`类别`：township（乡镇）、village（村）、department（部门）、school（学校）、enterprise（企业）或 region（多个单位的汇总）"},
		{"the unit's `slug` (default: from pinyin)", "单位的`拼音路径`（默认按拼音生成）"},
		{"the `URL` the notice was published at", "通报原发布`网址`"},
		{"the data `folder`", "数据`文件夹`"},
		{"the site `config`; its [params.publisher] gives region defaults (a missing file gives none)", "网站`配置文件`，其中 [params.publisher] 给出默认地区（文件不存在则没有默认值）"},
		{"the notice's `title` where the text has none (a data file must have one)", "通报文字没有标题时使用的`标题`（数据文件必须有标题）"},
		{"write a notice whose findings read are under 90 %% or over 110 %% of the problems it states", "读出的问题数不到通报自述问题数的 90 %% 或超过 110 %% 时也写入"},
		{"overwrite an existing data file", "覆盖已有的数据文件"},
		{"%s: no such file or folder", "%s：没有这个文件或文件夹"},
		{"write nothing; for one file print the notice as JSON (the report goes to stderr); for several, the report as JSON", "不写文件：导入一个文件时以 JSON 输出通报（报告输出到标准错误）；多个文件时以 JSON 输出报告"},

		// gongshi check.
		{"check [--data FOLDER] [--root FOLDER]", "check [--data 文件夹] [--root 文件夹]"},
		{"Validate every data file", "校验数据文件"},
		{"Checks every data file under the data folder; prints each problem as path:line:col: message, and exits 1 if there is one.", "校验数据文件夹中的每个数据文件；每个问题一行：路径:行:列: 说明；有问题时退出状态为 1。"},
		{"the data `folder` to check", "要校验的数据`文件夹`"},
		{"the project `folder`, whose config.toml names the folders originals may lie in ([params] originals, default seeds)", "项目`文件夹`，其 config.toml 的 [params] originals 列出原文文件可以存放的文件夹（默认 seeds）"},

		// gongshi build (and serve's flags).
		{"build [--root FOLDER] [--data FOLDER] [--out FOLDER] [--no-cache] [--cache FOLDER] [--no-wait] [--part P,…]", "build [--root 文件夹] [--data 文件夹] [--out 文件夹] [--no-cache] [--cache 文件夹] [--no-wait] [--part 部分,…]"},
		{"Check the data, render the site with Hugo and index it", "生成网站：校验数据，用 Hugo 生成页面，建立检索索引"},
		{`Checks every data file (a problem stops the build), renders the site with the
embedded Hugo into a folder beside --out, writes the CSV/JSON downloads, feeds,
sitemap, manifest and search index, and only then swaps it into place: a failed
or interrupted build leaves the previous site as it was.

"Today" (the site's "as of" date and the overdue flags; the files' times) is
SOURCE_DATE_EPOCH when set, so two builds of the same data give identical trees.

A build is incremental: the build cache (.gongshi-cache/NAME beside --out)
keeps the content hashes of the previous build, and only the pages of the
units whose data changed are rendered again; the rest is taken from the
previous site. --no-cache renders everything. The paths added, changed and
removed since the previous site are listed in the cache folder (changes.json,
upload.txt, delete.txt).

Builds of one site folder take turns (gongshi serve's too): a second build
waits for the first, saying once which build it waits for; with --no-wait it
refuses instead (exit status 1).

--part builds part of the site for a split build: unit path prefixes
(fujian/putian) and :site (home, regions, downloads, search index); put the
parts together with gongshi merge.`, `校验每个数据文件（有错误就停止），用内置的 Hugo 在 --out 旁边的临时文件夹中
生成网站，写出 CSV/JSON 下载、订阅源、网站地图、文件清单和检索索引，
全部成功后才替换原网站：生成失败或被中断时，原网站保持不变。

“今天”（网站的“截至”日期、逾期判断和文件时间）在设置了 SOURCE_DATE_EPOCH 时
取其值，因此同样的数据两次生成的结果完全相同。

生成是增量的：--out 旁边的缓存（.gongshi-cache/名称）记下上一次生成的
内容摘要，只重新生成数据有改动的单位的页面，其余页面取自上一版网站。
--no-cache 重新生成全部页面。与上一版相比新增、改动和删除的路径列在
缓存文件夹中（changes.json、upload.txt、delete.txt 三个文件）。

同一网站文件夹的生成依次进行（gongshi serve 的生成也是）：第二个生成
会等第一个完成，并说明在等哪一个；加 --no-wait 时则直接拒绝（退出状态 1）。

--part 只生成网站的一部分（分机生成）：单位路径前缀（fujian/putian）
和 :site（首页、地区页、下载、检索索引）；再用 gongshi merge 合并各部分。`},
		{"the project `folder`: config.toml, content/, layouts/, static/, seeds/", "项目`文件夹`：config.toml、content/、layouts/、static/、seeds/"},
		{"the data `folder` (default ROOT/data)", "数据`文件夹`（默认 ROOT/data）"},
		{"the site `folder` to replace (default ROOT/public)", "要替换的网站`文件夹`（默认 ROOT/public）"},
		{"the build cache `folder` (default .gongshi-cache/NAME beside --out)", "生成缓存`文件夹`（默认 --out 旁边的 .gongshi-cache/名称）"},
		{"render every page (the cache is written again)", "重新生成全部页面（缓存重写）"},
		{"when another build of the site folder runs, refuse rather than wait for it", "另一个生成正在写这个网站文件夹时，直接拒绝而不等待"},
		{"build only `parts` of the site for gongshi merge: unit path prefixes (fujian/putian) and :site, comma-separated", "只生成网站的一些`部分`，供 gongshi merge 合并：单位路径前缀（fujian/putian）和 :site，用逗号分隔"},

		// gongshi serve.
		{"serve [--addr 127.0.0.1:1313] [--root FOLDER] [--data FOLDER] [--out FOLDER]", "serve [--addr 127.0.0.1:1313] [--root 文件夹] [--data 文件夹] [--out 文件夹]"},
		{"Build, then preview the site on this computer (and review imports at /review/)", "生成网站并在本机预览，在 /review/ 审核导入"},
		{`Builds the site (as gongshi build), serves it at the address with GET
/api/search over its search index, and rebuilds when a file under the data
folder, content/, layouts/, static/ or config.toml changes (checked 4 times
a second; the rebuild is incremental, see gongshi build). Text is sent
gzipped to clients that take it, with Cache-Control: no-cache and an ETag.
A failed rebuild prints its errors and keeps serving the last
good site. Editors review imports at /review/ (this computer only: never
serve it on a public address). Ctrl-C stops.`, `生成网站（同 gongshi build），在该地址提供预览和检索接口 GET /api/search，
数据文件夹、content/、layouts/、static/ 或 config.toml 有改动时重新生成
（每秒检查 4 次；增量生成，见 gongshi build）。文本文件按客户端支持以 gzip
压缩发送，带 Cache-Control: no-cache 和 ETag。重新生成失败时打印原因，
继续提供上一次成功的网站。编辑在 /review/ 审核导入（只供本机使用，
不要在公开地址上提供）。按 Ctrl-C 停止。`},
		{"the `address` to listen on", "监听`地址`（只供本机预览，不要用于公开服务器）"},

		// gongshi search.
		{"search QUERY [--site FOLDER] [--township …] [--unit …] [--unit-kind …] [--status …] [--year …] [--timeout 5s] [--json|--csv]", "search 检索词 [--site 文件夹] [--township …] [--unit …] [--unit-kind …] [--status …] [--year …] [--timeout 5s] [--json|--csv]"},
		{"Query the built site's search index", "检索已生成网站的索引"},
		{"Searches the index a build wrote into the site folder. QUERY is in Bleve's query-string syntax: words, \"a phrase\", +must, -not; flags may come before or after it.", "在生成网站时写入网站文件夹的索引中检索。检索词使用 Bleve 的查询语法：词语、\"短语\"、+必须包含、-不包含；选项可以写在检索词之前或之后。"},
		{"  gongshi search 偷工减料\n  gongshi search '\"3.85万元\"' --site public --township 郊尾镇 --status done --year 2024\n  gongshi search 食堂 --json | jq .hits[0].url\n  gongshi search 工程 --csv > hits.csv",
			"  gongshi search 偷工减料\n  gongshi search '\"3.85万元\"' --site public --township 郊尾镇 --status done --year 2024\n  gongshi search 食堂 --json | jq .hits[0].url\n  gongshi search 工程 --csv > hits.csv"},
		{"the built site `folder` (gongshi build --out)", "已生成的网站`文件夹`（gongshi build --out）"},
		{"only this `township`: a name (郊尾镇) or slug path (fujian/putian/xianyou/jiaowei); repeatable", "只看这个`乡镇`：名称（郊尾镇）或路径（fujian/putian/xianyou/jiaowei）；可重复"},
		{"only this `county` (name or slug path); repeatable", "只看这个`县`（名称或路径）；可重复"},
		{"only under this `slug/path` (fujian/putian); repeatable", "只看此`路径`下的地区（fujian/putian）；可重复"},
		{"only this `status`: done, in_progress, not_started; repeatable", "只看这种整改`状态`：done（已整改）、in_progress（整改中）、not_started（未整改）；可重复"},
		{"only this `category` (its heading's text); repeatable", "只看这一`类别`的问题（按标题文字）；可重复"},
		{"only notices signed this `year`; repeatable", "只看这一`年`落款的通报；可重复"},
		{"only this `unit`: a name (示例县文旅局) or slug path, with the units below it; repeatable", "只看这个`单位`：名称（示例县文旅局）或路径，含其下属单位；可重复"},
		{"only overdue findings (the deadline passed and the latest notice did not report them done)", "只看逾期的问题（整改时限已过，且最新一份通报未报告完成）"},
		{"only findings whose deadline falls in this `year` (2024); repeatable", "只看整改时限在这一`年`（2024）的问题；可重复"},
		{"only units of this `kind`: township, village, department, school, enterprise, region; repeatable", "只看这类`单位类别`：township（乡镇）、village（村）、department（部门）、school（学校）、enterprise（企业）、region（地区汇总）；可重复"},
		{"how many hits (at most 100)", "显示多少条（最多 100）"},
		{"skip this many hits", "跳过前若干条结果"},
		{"print the result as JSON (as /api/search answers)", "以 JSON 输出结果（与 /api/search 相同）"},
		{"print the hits as CSV: %s", "以 CSV 输出结果：%s"},
		{"stop the search after this `long` (as /api/search does after 5s)", "检索超过这么长`时间`就停止（/api/search 是 5 秒）"},

		// gongshi merge.
		{"merge --out FOLDER PART…", "merge --out 文件夹 部分…"},
		{"Put the parts of a split build together", "合并分机生成的各部分"},
		{`Puts the folders of a split build's parts (gongshi build --part … --out PART)
together into --out, as one gongshi build of the same data writes it, and
swaps the result into place. Every unit must be in exactly one part, one part
must be :site, and all parts must come from the same data, templates, program
and SOURCE_DATE_EPOCH. Files are hard-linked where the parts share a file
system with --out, else copied.`, `把分机生成的各部分（gongshi build --part … --out 部分）的文件夹合并到 --out，
结果与同样的数据一次 gongshi build 生成的相同，然后替换原网站。每个单位
必须恰好在一个部分中，其中一个部分必须是 :site，所有部分必须来自同样的数据、
模板、程序和 SOURCE_DATE_EPOCH。各部分与 --out 在同一文件系统上时用硬链接，
否则复制。`},
		{"the site `folder` to replace", "要替换的网站`文件夹`"},

		// gongshi deploy.
		{"deploy [--root FOLDER] [--out FOLDER] [--target NAME] [--dry-run] [--force] [--max-deletes N]", "deploy [--root 文件夹] [--out 文件夹] [--target 名称] [--dry-run] [--force] [--max-deletes 数目]"},
		{"Upload what changed to a target of config.toml's [deployment]", "把有改动的文件上传到 config.toml 中 [deployment] 的目标"},
		{`Uploads the built site (--out, default ROOT/public) to a target of
config.toml's [deployment] (default the first) with the embedded Hugo's
deploy: only files whose MD5 differs from the target's are uploaded, files the
site no longer has are deleted (at most --max-deletes). Build gongshi with
-tags withdeploy for this command.`, `用内置 Hugo 的部署功能，把已生成的网站（--out，默认 ROOT/public）上传到
config.toml 中 [deployment] 的一个目标（默认第一个）：只上传 MD5 与目标不同的
文件，删除网站已经没有的文件（最多 --max-deletes 个）。这个命令要求 gongshi
编译时带上 -tags withdeploy。`},
		{"the project `folder` (its config.toml has [deployment])", "项目`文件夹`（其 config.toml 中有 [deployment]）"},
		{"the built site `folder` (default ROOT/public)", "已生成的网站`文件夹`（默认 ROOT/public）"},
		{"the deployment target's `name` (default the first)", "部署目标的`名称`（默认第一个）"},
		{"say what would be uploaded and deleted, change nothing", "只说明会上传和删除哪些文件，不做任何改动"},
		{"upload every file", "上传全部文件"},
		{"open the site in the browser once it is up (default: when gongshi was started by a double-click)", "网站就绪后在浏览器中打开（默认：双击启动 gongshi 时打开）"},
		{"could not open the browser (%s): open the address above yourself", "无法打开浏览器（%s）：请自行打开上面的地址"},
		{"Print gongshi's version and the Hugo, Bleve and Go it was built with", "显示 gongshi 的版本，以及构建它所用的 Hugo、Bleve 和 Go 的版本"},
		{"print the versions as one JSON object", "以一个 JSON 对象输出各版本"},
		{"read with the layout profile `NAME` (data/layouts/NAME.toml; default: the profile whose issuer the text names)", "按版式文件 `名称` 读取（data/layouts/名称.toml；默认：通报中点到其发文单位的版式）"},
		{"the most files to delete on the target, -1 for no limit", "目标上最多删除多少个文件，-1 表示不限"},
	}...)
}
