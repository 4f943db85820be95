package i18n

// The messages of the review page and of the import use case's
// corrections and layout profiles (internal/review, internal/intake,
// the importer's override.go and layout.go).
func init() {
	Catalog = append(Catalog, []Entry{
		// Edits (internal/intake/edits.go).
		{"edit: role %q is not one of finding, category, group, status, measure, problem, chrome, ignore", "更正：角色 %q 不是以下之一：问题开头、类别、分组、整改状态、整改措施、问题正文、网页附属内容、忽略"},
		{"edit: %s needs a line", "更正：%s 需要指明行号"},
		{"edit: status %q is not one of done, in_progress, not_started, unstated", "更正：状态 %q 不是以下之一：已整改、整改中、未整改、未说明"},
		{"edit: field %q is not one of title, signed, region, unit, unit_kind, source_url", "更正：字段 %q 不是以下之一：标题、落款日期、地区、被巡察单位、单位类型、原文网址"},
		{"edit: %q is not a date (write it like 2024年12月2日 or 2024-12-02)", "更正：%q 不是日期（请写成 2024年12月2日 或 2024-12-02）"},
		{"edit: op %q is not one of role, split, merge, status, field", "更正：操作 %q 不是以下之一：role、split、merge、status、field"},
		{"%s: unknown key %s", "%s：未知的键 %s"},
		{"%s: edit %d: %w", "%s：第 %d 项更正：%w"},

		// The review page (internal/review/correct.go).
		{"review: line %d, column %d of the data file: %s", "数据文件第 %d 行第 %d 列：%s"},
		{"review: line %d is %s", "第 %d 行：%s"},
		{"review: line %d merged into the finding before it", "第 %d 行起的问题并入上一个问题"},
		{"review: the finding at line %d has the status %s", "第 %d 行起的问题：状态改为%s"},
		{"review: %s set to %q", "%s 改为 %q"},
		{"review: data/%s already exists; it was not overwritten", "已有同名数据文件 data/%s，没有覆盖。"},

		// gongshi import --layout (internal/cli/importcmd/import.go).
		{"    \tread with the layout profile `NAME` (data/layouts/NAME.toml; default: the profile whose issuer the text names)", "    \t按版式 NAME 读取（data/layouts/NAME.toml；默认按正文写明的发文单位选用版式）"},

		// Layout profiles (internal/intake/layouts.go).
		{"a layout needs the issuer whose notices it reads: the notice names none", "版式需要注明发文单位，但这份通报没有写明发文单位"},
		{"no correction describes the layout: set the role of a line that begins with a label (问题1：, 反馈事项A …) first", "没有可以描述版式的更正：请先把以编号开头的行（如“问题1：”“反馈事项A”）标为相应的角色"},
		{"layout %q: a layout's name is letters, digits, Chinese, - or _", "版式 %q：版式名称只能由汉字、字母、数字、- 或 _ 组成"},
	}...)
}
