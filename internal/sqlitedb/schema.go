package sqlitedb

import (
	"sort"
	"strings"
)

// The schema is data: the CREATE statements, the column_docs table inside
// the file, Datasette's metadata (Metadata) and the test that docs/data.md
// documents every column are all made from Tables, so that they never
// disagree.

// Column is one column of a table, with what it holds in Chinese and in
// English.
type Column struct {
	Name string
	Type string // SQL type and constraints: TEXT NOT NULL, INTEGER REFERENCES units(key) …
	Zh   string
	En   string
}

// Table is one table of the database.
type Table struct {
	Name    string
	Zh, En  string   // what a row is
	Columns []Column // in order
	Keys    []string // table constraints: PRIMARY KEY (…), FOREIGN KEY …
	// Clustered tables are stored in their primary key's order (WITHOUT
	// ROWID): a table of a finding's parts, keyed by the finding's id and
	// a number, needs no second copy of its key in an index.
	Clustered bool
}

// Tables are the database's tables, in the order they are created and
// filled (a table's references come before it).
var Tables = []Table{
	{
		Name: "about", Zh: "本数据库的说明：as_of 数据截至日期（判断逾期所用的“今天”），scope 范围（地区路径，如 fujian/putian；全站为空），scope_name 地区名称，site 网站地址，docs 说明所在",
		En: "what this database is: as_of (the build's today, which overdue compares with), scope (the region's path, e.g. fujian/putian; empty for the whole site), scope_name, site (its address), docs",
		Columns: []Column{
			{"key", "TEXT PRIMARY KEY", "项目", "item"},
			{"value", "TEXT NOT NULL", "值", "value"},
		},
	},
	{
		Name: "units", Zh: "被巡察单位（乡镇街道、村社区、部门单位、学校、国有企业）及全县（区）汇总通报的发布地区，每个一行",
		En: "the inspected units (townships, villages, departments, schools, enterprises) and the regions whose summary notices are included, one row each",
		Columns: []Column{
			{"key", "TEXT PRIMARY KEY", "单位的固定路径（地区拼音/单位拼音），与网址一致", "the unit's path (region slugs / unit slug), as in its URL"},
			{"name", "TEXT NOT NULL", "单位名称", "the unit's name"},
			{"kind", "TEXT NOT NULL", "单位类型代码：township、village、department、school、enterprise、region（地区汇总）", "the unit's kind: township, village, department, school, enterprise, region (a region's summary)"},
			{"kind_label", "TEXT NOT NULL", "单位类型（网页上的写法）", "the kind as the pages write it"},
			{"province", "TEXT NOT NULL", "省", "province"},
			{"city", "TEXT NOT NULL", "市", "city"},
			{"county", "TEXT NOT NULL", "县（区）", "county"},
			{"township", "TEXT NOT NULL", "乡镇（街道）", "township"},
			{"place", "TEXT NOT NULL", "所在地全称", "the full place name"},
			{"summary", "INTEGER NOT NULL", "1：地区汇总通报（无单位页，网址为地区页）；0：被巡察单位", "1: a region's summary notices (no unit page: url is the region's page); 0: an inspected unit"},
			{"findings", "INTEGER NOT NULL", "问题数（按通报逐项整理）", "findings (as the site reads the notices, one by one)"},
			{"done", "INTEGER NOT NULL", "已整改的问题数", "findings reported done"},
			{"in_progress", "INTEGER NOT NULL", "整改中的问题数", "findings reported in progress"},
			{"not_started", "INTEGER NOT NULL", "未整改的问题数", "findings reported not started"},
			{"unstated", "INTEGER NOT NULL", "通报未说明整改状态的问题数（不算作已整改）", "findings whose notice states no status (never counted done)"},
			{"overdue", "INTEGER NOT NULL", "逾期的问题和事项数（定义见 findings.overdue）", "overdue findings and items (see findings.overdue)"},
			{"people", "INTEGER", "问责人数（每次巡察取最新一份报告问责情况的通报）；通报未说明时为空（NULL），不是 0", "people held accountable (per inspection, the latest notice reporting any); NULL where no notice states it, never 0"},
			{"latest_signed", "TEXT NOT NULL", "最新一份通报的落款日期", "the latest notice's signed date"},
			{"url", "TEXT NOT NULL", "单位页网址", "the unit's page"},
		},
	},
	{
		Name: "notices", Zh: "通报，每份一行；文字照录原文", En: "the notices, one row each; their words as written",
		Columns: []Column{
			{"id", "TEXT PRIMARY KEY", "通报的固定编号：单位路径/notices/落款日期，与网址一致", "the notice's identity: unit path/notices/signed date, as in its URL"},
			{"unit", "TEXT NOT NULL REFERENCES units(key)", "被巡察单位（units.key）", "the inspected unit (units.key)"},
			{"title", "TEXT NOT NULL", "通报标题", "title"},
			{"issuer", "TEXT NOT NULL", "发布机关", "issuer"},
			{"kind", "TEXT NOT NULL", "通报类别（整改进展 / 整改情况 …），原文", "the notice's kind as written (整改进展 / 整改情况 …)"},
			{"signed", "TEXT NOT NULL", "落款日期", "signed date"},
			{"published", "TEXT", "发布日期；未知时为空", "published date; NULL when not known"},
			{"source", "TEXT NOT NULL", "来源", "source"},
			{"source_url", "TEXT NOT NULL", "来源网址", "source URL"},
			{"inspection", "TEXT NOT NULL", "巡察的编号：进驻日期（通报未写进驻日期时为反馈日期）", "the inspection's key: its start date (its feedback date where the notice states no start)"},
			{"inspection_body", "TEXT NOT NULL", "巡察组", "the inspecting body"},
			{"inspection_target", "TEXT NOT NULL", "巡察对象", "the inspection's target"},
			{"inspection_start", "TEXT", "巡察进驻日期；通报未写时为空", "start of the inspection; NULL where not stated"},
			{"inspection_end", "TEXT", "巡察结束日期；通报未写时为空", "end of the inspection; NULL where not stated"},
			{"inspection_feedback", "TEXT", "反馈巡察意见日期；通报未写时为空", "feedback date; NULL where not stated"},
			{"findings_listed", "INTEGER NOT NULL", "本站据通报逐项整理出的问题数", "the findings the site read from the notice, one by one"},
			{"stated_problems", "INTEGER", "通报自述：反馈问题数；未说明时为空（NULL）", "as the notice states: problems fed back; NULL where not stated"},
			{"stated_aspects", "INTEGER", "通报自述：问题涉及的方面数；未说明时为空", "as stated: aspects; NULL where not stated"},
			{"stated_done", "INTEGER", "通报自述：已完成整改数；未说明时为空", "as stated: done; NULL where not stated"},
			{"stated_in_progress", "INTEGER", "通报自述：正在整改数；未说明时为空", "as stated: in progress; NULL where not stated"},
			{"stated_not_done", "INTEGER", "通报自述：未完成整改数；未说明时为空", "as stated: not done; NULL where not stated"},
			{"stated_rate", "TEXT", "通报自述：整改完成率，原文（如 98.71%）；未说明时为空", "as stated: completion rate, as written; NULL where not stated"},
			{"stated_units", "INTEGER", "通报自述：被巡察单位数（汇总通报）；未说明时为空", "as stated: units (summary notices); NULL where not stated"},
			{"stated_people", "INTEGER", "通报自述：问责人数合计；未说明时为空", "as stated: people held accountable; NULL where not stated"},
			{"stated_regulations", "INTEGER", "通报自述：建立完善制度数；未说明时为空", "as stated: regulations made or revised; NULL where not stated"},
			{"stated_money", "TEXT", "通报自述的金额，原文，以“；”分隔，不相加；未说明时为空", "sums the notice states, as written, joined by ；, never added up; NULL where none"},
			{"stated_texts", "TEXT", "上述数字所据的原文语句，每行一句；无则为空", "the phrases those figures were read from, one a line; NULL where none"},
			{"accountability", "TEXT NOT NULL", "问责处理情况，原文", "accountability, as written"},
			{"people", "INTEGER", "本通报报告的问责人数；未说明时为空（NULL），不是 0", "people held accountable this notice reports; NULL where it states no number, never 0"},
			{"preamble", "TEXT NOT NULL", "开头段落，原文", "the opening paragraph, as written"},
			{"next_plan", "TEXT NOT NULL", "下一步计划，原文", "next steps, as written"},
			{"withdrawn", "TEXT", "撤回日期；未撤回为空。撤回的通报只保留标题等，其问题不在 findings 中", "date withdrawn; NULL when not. A withdrawn notice keeps only what names it; its findings are not in findings"},
			{"withdrawn_reason", "TEXT", "撤回原因；未撤回为空", "why it was withdrawn; NULL when not"},
			{"url", "TEXT NOT NULL", "通报页网址", "the notice's page"},
			{"data_url", "TEXT", "整理后的数据文件网址；未公开时为空", "its data file; NULL when not published"},
			{"original_url", "TEXT", "原文文件网址；未公开时为空", "its original; NULL when not published"},
		},
	},
	{
		Name: "findings", Zh: "问题，每个一行，为最新一份通报报告的状态；与 findings.csv 逐行对应、顺序相同",
		En: "the findings in their current state, one row each; row for row and in the order of findings.csv",
		Columns: []Column{
			{"seq", "INTEGER PRIMARY KEY", "行号（与 findings.csv 的行序相同；全文检索 findings_fts 按它对应）", "row number (findings.csv's order; findings_fts refers to it)"},
			{"id", "TEXT NOT NULL UNIQUE", "问题的固定编号：地区/巡察进驻日期/问题序号（同 findings.csv 的 id）", "the finding's identity: region slugs / inspection / number (findings.csv's id)"},
			{"unit", "TEXT NOT NULL REFERENCES units(key)", "被巡察单位（units.key）", "the inspected unit (units.key)"},
			{"notice", "TEXT NOT NULL REFERENCES notices(id)", "报告该问题最新状态的通报（notices.id）", "the latest notice reporting the finding (notices.id)"},
			{"notice_title", "TEXT NOT NULL", "该通报的标题", "that notice's title"},
			{"signed", "TEXT NOT NULL", "该通报的落款日期", "that notice's signed date"},
			{"province", "TEXT NOT NULL", "省", "province"},
			{"city", "TEXT NOT NULL", "市", "city"},
			{"county", "TEXT NOT NULL", "县（区）", "county"},
			{"township", "TEXT NOT NULL", "乡镇（街道）", "township"},
			{"unit_name", "TEXT NOT NULL", "被巡察单位名称", "the inspected unit's name"},
			{"unit_kind", "TEXT NOT NULL", "单位类型代码（同 units.kind）", "the unit's kind (as units.kind)"},
			{"inspection", "TEXT NOT NULL", "巡察的编号：进驻日期（未写时为反馈日期）", "the inspection's key: start date (feedback date where no start is stated)"},
			{"number", "INTEGER NOT NULL", "问题序号（问题在本次巡察中的编号）", "the finding's number within its inspection"},
			{"label", "TEXT", "通报印的序号（每类重新编号的通报）；与 number 相同时为空", "the number as printed, where the notice numbers again in each category; NULL otherwise"},
			{"category_no", "INTEGER", "大类序号（“（一）”为 1）；通报不分大类时为空", "category number (（一） = 1); NULL where the notice has none"},
			{"category", "TEXT NOT NULL", "大类名称，原文", "category heading, as written"},
			{"group_no", "INTEGER", "小类序号（“1.”为 1）；通报不分小类时为空", "group number (1. = 1); NULL where the notice has none"},
			{"group_name", "TEXT NOT NULL", "小类名称，原文（findings.csv 的 group）", "group heading, as written (findings.csv's group)"},
			{"title", "TEXT NOT NULL", "问题标题，原文", "title, as written"},
			{"problem", "TEXT NOT NULL", "问题表述，原文", "the problem, as written"},
			{"status", "TEXT NOT NULL", "整改状态代码：done、in_progress、not_started、unstated（通报未说明）", "status: done, in_progress, not_started, unstated (the notice states none)"},
			{"status_label", "TEXT NOT NULL", "整改状态（网页上的写法：已整改、整改中、未整改、未说明）", "the status as the pages write it"},
			{"status_text", "TEXT NOT NULL", "通报原文对状态的说法（如“已整改到位”）", "the status as the notice words it"},
			{"rectification", "TEXT NOT NULL", "整改情况，原文；分条的整改措施另见 measures 表", "the rectification as written; its enumerated measures are in measures"},
			{"amounts", "TEXT NOT NULL", "文中金额，原文，以“；”分隔；逐笔折合元数见 amounts 表。金额性质不同，不相加", "the amounts as written, joined by ；; each in yuan in amounts. Of different kinds: never added up"},
			{"deadline_as_written", "TEXT", "整改时限，照录通报原文（如“2024年12月前”）；通报未写时为空（NULL）", "the deadline as the notice wrote it (2024年12月前); NULL where it states none"},
			{"deadline_as_read", "TEXT", "本站对整改时限的解读：所允许的最后一天（如“2024年12月前”读作 2024-12-31），用于判断是否逾期；不是通报原文", "the site's reading of the deadline: the last day it allows (2024-12-31 for 2024年12月前), used for overdue; not the notice's words"},
			{"overdue", "INTEGER NOT NULL", "是否逾期（1/0）：deadline_as_read 早于数据截至日期，且报告该问题的最新一份通报未报告完成。本站不掌握问题今天的实际状态", "overdue (1/0): deadline_as_read is before the as-of date and the latest notice reporting the finding did not report it done. Nothing claims to know its status today"},
			{"overdue_note", "TEXT", "逾期说明（整改时限及最新一份通报的日期）；未逾期为空", "what overdue means for it (the deadline and the latest notice's date); NULL when not overdue"},
			{"url", "TEXT NOT NULL", "问题的固定网址", "the finding's permalink"},
		},
	},
	{
		Name: "finding_history", Zh: "问题的历次状态：每份报告该问题的通报一行，从早到晚", En: "each notice's report of a finding's status, oldest first",
		Columns: []Column{
			{"finding", "TEXT NOT NULL REFERENCES findings(id)", "问题（findings.id）", "the finding (findings.id)"},
			{"seq", "INTEGER NOT NULL", "次序（1 为最早）", "order (1: the oldest)"},
			{"notice", "TEXT NOT NULL REFERENCES notices(id)", "通报（notices.id）", "the notice (notices.id)"},
			{"signed", "TEXT NOT NULL", "该通报的落款日期", "its signed date"},
			{"status", "TEXT NOT NULL", "该通报报告的整改状态代码", "the status it reported"},
			{"status_text", "TEXT NOT NULL", "该通报对状态的说法，原文", "the status as it worded it"},
			{"url", "TEXT NOT NULL", "该问题在该通报页中的位置", "the finding on that notice's page"},
		},
		Keys: []string{"PRIMARY KEY (finding, seq)"}, Clustered: true,
	},
	{
		Name: "measures", Zh: "分条列出的整改措施（一是…二是…），原文；通报未分条的问题没有行，整改情况见 findings.rectification",
		En: "the enumerated rectification measures (一是… 二是…), as written; a finding whose rectification is not enumerated has none (see findings.rectification)",
		Columns: []Column{
			{"finding", "TEXT NOT NULL REFERENCES findings(id)", "问题（findings.id）", "the finding (findings.id)"},
			{"seq", "INTEGER NOT NULL", "第几条（1 起）", "which measure (from 1)"},
			{"text", "TEXT NOT NULL", "措施原文", "the measure, as written"},
		},
		Keys: []string{"PRIMARY KEY (finding, seq)"}, Clustered: true,
	},
	{
		Name: "amounts", Zh: "问题中出现的金额，逐笔一行。性质各不相同（退回资金、处罚、投资额等），不应相加",
		En: "each sum of money a finding names, one a row. Of different kinds (refunds, fines, investments …): not to be added up",
		Columns: []Column{
			{"finding", "TEXT NOT NULL REFERENCES findings(id)", "问题（findings.id）", "the finding (findings.id)"},
			{"seq", "INTEGER NOT NULL", "第几笔（1 起，按文中顺序）", "which amount (from 1, in the text's order)"},
			{"text", "TEXT NOT NULL", "金额原文（如“3.85万元”）", "as written (3.85万元)"},
			{"yuan", "INTEGER NOT NULL", "折合元数（本站换算）", "in yuan (the site's conversion)"},
		},
		Keys: []string{"PRIMARY KEY (finding, seq)"}, Clustered: true,
	},
	{
		Name: "outstanding", Zh: "通报列出的需要进一步整改的事项（每次巡察每个问题取最新一份列出它的通报），及其是否已报告完成、是否逾期",
		En: "the items the notices list as needing further rectification (per inspection and finding, the latest notice listing it), whether a later notice reports the finding done, and whether it is overdue",
		Columns: []Column{
			{"unit", "TEXT NOT NULL REFERENCES units(key)", "被巡察单位（units.key）", "the inspected unit (units.key)"},
			{"inspection", "TEXT NOT NULL", "巡察的编号", "the inspection's key"},
			{"finding_number", "INTEGER NOT NULL", "所指问题的序号（“巡察反馈第4点”为 4）", "the number of the finding it refers to (巡察反馈第4点: 4)"},
			{"finding", "TEXT REFERENCES findings(id)", "所指问题（findings.id）；通报未逐项列出该问题时为空", "the finding (findings.id); NULL where no notice lists that finding"},
			{"notice", "TEXT NOT NULL REFERENCES notices(id)", "列出该事项的最新一份通报（notices.id）", "the latest notice listing the item (notices.id)"},
			{"number", "INTEGER NOT NULL", "事项在通报中的序号", "the item's number in that notice"},
			{"heading", "TEXT NOT NULL", "事项标题，原文", "heading, as written"},
			{"problem", "TEXT NOT NULL", "问题，原文", "problem, as written"},
			{"progress", "TEXT NOT NULL", "整改情况，原文", "progress, as written"},
			{"reason", "TEXT NOT NULL", "未完成整改的原因及下一步措施，原文", "why it is not done and what next, as written"},
			{"next_steps", "TEXT NOT NULL", "下一步，原文", "next steps, as written"},
			{"deadline_as_written", "TEXT", "整改时限，照录通报原文；未写时为空", "the deadline as the notice wrote it; NULL where none"},
			{"deadline_as_read", "TEXT", "本站对整改时限的解读（所允许的最后一天），用于判断是否逾期；不是通报原文", "the site's reading of the deadline (the last day it allows), used for overdue; not the notice's words"},
			{"status", "TEXT", "所指问题的当前整改状态代码；无对应问题时为空", "the finding's current status; NULL where there is no finding"},
			{"resolved", "INTEGER NOT NULL", "之后的通报是否报告该问题已整改（1/0）", "whether a later notice reports the finding done (1/0)"},
			{"resolved_by", "TEXT", "报告已整改的通报日期；未报告为空", "the date of the notice reporting it done; NULL when none"},
			{"overdue", "INTEGER NOT NULL", "是否逾期（1/0）：整改时限已过且之后没有通报报告完成", "overdue (1/0): the deadline passed and no later notice reports it done"},
			{"overdue_note", "TEXT", "逾期说明；未逾期为空", "what overdue means for it; NULL when not overdue"},
		},
		Keys: []string{"PRIMARY KEY (unit, inspection, finding_number)"}, Clustered: true,
	},
	{
		Name: "themes", Zh: "问题主题（本站可编辑的主题分类表，按归类时尝试的顺序；最后一个为“其他（未归类）”）",
		En: "the problem themes (the site's editable theme taxonomy, in the order they are tried; the last is 其他（未归类）, for findings no theme matches)",
		Columns: []Column{
			{"key", "TEXT PRIMARY KEY", "主题代码", "the theme's key"},
			{"seq", "INTEGER NOT NULL", "次序（1 起，归类时先试的在前）", "its place in the taxonomy (from 1, the first tried first)"},
			{"name", "TEXT NOT NULL", "主题名称", "its name"},
		},
	},
	{
		Name: "finding_themes", Zh: "每个问题的主题，每个问题一行（本站按主题分类表归类，不是通报原文）", En: "each finding's theme, one row per finding (the site's classification by its theme taxonomy, not the notice's words)",
		Columns: []Column{
			{"finding", "TEXT NOT NULL REFERENCES findings(id)", "问题（findings.id）", "the finding (findings.id)"},
			{"theme", "TEXT NOT NULL REFERENCES themes(key)", "主题（themes.key）", "the theme (themes.key)"},
			{"why", "TEXT", "归类依据（问题的哪段文字含分类表的哪个词）；“其他（未归类）”为空", "why: which of its texts matched which phrase of the taxonomy; NULL for 其他（未归类）"},
		},
		Keys: []string{"PRIMARY KEY (finding)"}, Clustered: true,
	},
	{
		Name: "recurrences", Zh: "重复出现的问题：同一单位后一轮巡察的问题与前一轮的某个问题文字相似（本站按文字相似度判断，不是通报的说法）",
		En: "recurring findings: a finding of a unit's later inspection whose text is similar to one of an earlier inspection of the same unit (the site's judgement by text similarity, not the notice's words)",
		Columns: []Column{
			{"earlier", "TEXT NOT NULL REFERENCES findings(id)", "前一轮的问题（findings.id）", "the earlier finding (findings.id)"},
			{"later", "TEXT NOT NULL REFERENCES findings(id)", "后一轮的问题（findings.id）", "the later finding (findings.id)"},
			{"similarity", "REAL NOT NULL", "两者文字的相似度（0–1，两位小数，与网页和 recurrence.csv 相同）", "the similarity of their texts (0–1, two decimals, as on the pages and in recurrence.csv)"},
		},
		Keys: []string{"PRIMARY KEY (earlier, later)"}, Clustered: true,
	},
	{
		Name: "column_docs", Zh: "本数据库每个表和每一列的说明（中文和英文）", En: "every table's and column's description, in Chinese and English",
		Columns: []Column{
			{"table_name", "TEXT NOT NULL", "表名", "table"},
			{"column_name", "TEXT NOT NULL", "列名；空字符串为表本身", "column; '' for the table itself"},
			{"zh", "TEXT NOT NULL", "中文说明", "in Chinese"},
			{"en", "TEXT NOT NULL", "英文说明", "in English"},
		},
		Keys: []string{"PRIMARY KEY (table_name, column_name)"}, Clustered: true,
	},
}

// Indexes are on the join keys (the primary keys index the rest).
var Indexes = []string{
	"CREATE INDEX notices_unit ON notices(unit)",
	"CREATE INDEX findings_unit ON findings(unit)",
	"CREATE INDEX findings_notice ON findings(notice)",
	"CREATE INDEX finding_history_notice ON finding_history(notice)",
	"CREATE INDEX outstanding_finding ON outstanding(finding)",
	"CREATE INDEX outstanding_notice ON outstanding(notice)",
	"CREATE INDEX finding_themes_theme ON finding_themes(theme)",
	"CREATE INDEX recurrences_later ON recurrences(later)",
}

// FTS is the full-text index of the findings' text, set up the way
// Datasette detects it (a table named findings_fts whose SQL says
// content="findings"): an external-content FTS5 table over findings,
// whose rowid is findings.seq (an INTEGER PRIMARY KEY, which VACUUM keeps).
// detail=full (the default) it must be: FTS5 refuses a phrase of two
// tokens or more (any query of four characters or more, under the
// trigram tokenizer) with detail=none or detail=column.
// The trigram tokenizer matches any substring of three characters or
// more, Chinese included (Chinese has no spaces between words).
const FTS = `CREATE VIRTUAL TABLE findings_fts USING fts5(title, problem, rectification, content="findings", content_rowid="seq", tokenize="trigram")`

// Views: the findings not reported done, which the region pages list.
var Views = []string{
	`CREATE VIEW open_findings AS SELECT seq, id, unit, unit_name, unit_kind, county, township, number, title, status, status_label, deadline_as_written, deadline_as_read, overdue, overdue_note, signed, url FROM findings WHERE status <> 'done'`,
}

// ViewDocs describe the views.
var ViewDocs = map[string][2]string{
	"open_findings": {"未报告完成整改的问题（整改中、未整改、未说明），即地区页“未完成的问题”所列", "the findings not reported done (in progress, not started, unstated): the region pages' open list"},
}

// create is the table's CREATE statement.
func (t Table) create() string {
	var b strings.Builder
	b.WriteString("CREATE TABLE " + t.Name + " (\n")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("  " + quoteName(c.Name) + " " + c.Type)
	}
	for _, k := range t.Keys {
		b.WriteString(",\n  " + k)
	}
	b.WriteString("\n)")
	if t.Clustered {
		b.WriteString(" WITHOUT ROWID")
	}
	return b.String()
}

// insert is the table's parameterised INSERT statement.
func (t Table) insert() string {
	names := make([]string, len(t.Columns))
	marks := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i], marks[i] = quoteName(c.Name), "?"
	}
	return "INSERT INTO " + t.Name + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
}

// quoteName quotes a column name that is an SQL keyword; the names are
// this file's constants, never data.
func quoteName(n string) string {
	switch n {
	case "key", "group", "text", "number":
		return `"` + n + `"`
	}
	return n
}

// table is the table named n.
func table(n string) Table {
	for _, t := range Tables {
		if t.Name == n {
			return t
		}
	}
	panic("sqlitedb: no table " + n)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
