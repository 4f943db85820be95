package importer

import (
	"strings"
)

// Column is what a column of a findings table holds, from its header's
// words.
type Column string

const (
	ColNumber      Column = "number"      // 序号
	ColCategory    Column = "category"    // 问题类别, 方面
	ColProblem     Column = "problem"     // 反馈问题, 存在问题, 问题描述
	ColMeasures    Column = "measures"    // 整改措施
	ColStatus      Column = "status"      // 整改情况, 整改进展, 完成情况
	ColDeadline    Column = "deadline"    // 完成时限, 整改时限
	ColResponsible Column = "responsible" // 责任单位, 责任人
	ColOther       Column = ""            // 备注 and anything else: kept in the row's text
)

// columnWords are the header words of each kind of column, tried in order:
// the first kind whose word a header cell contains decides.
var columnWords = []struct {
	col   Column
	words []string
}{
	{ColNumber, []string{"序号", "编号", "序列"}},
	{ColDeadline, []string{"时限", "完成时间", "整改期限", "办结时间", "完成期限"}},
	{ColResponsible, []string{"责任单位", "责任人", "责任领导", "牵头单位", "责任部门", "责任科室", "责任主体", "配合单位"}},
	{ColStatus, []string{"整改情况", "整改进展", "完成情况", "整改结果", "整改进度", "进展情况", "整改状态", "是否完成", "完成状态", "整改成效", "落实情况"}},
	{ColMeasures, []string{"整改措施", "整改举措", "措施", "整改方案", "整改内容"}},
	{ColCategory, []string{"类别", "问题类型", "方面", "领域"}},
	{ColProblem, []string{"问题", "反馈意见", "存在不足", "巡察发现"}},
}

// ColumnOf is the kind of column a header cell names.
func ColumnOf(header string) Column {
	h := strings.ReplaceAll(Normalise(header), " ", "")
	if h == "" || runeLen(h) > 16 {
		return ColOther
	}
	for _, cw := range columnWords {
		for _, w := range cw.words {
			if strings.Contains(h, w) {
				return cw.col
			}
		}
	}
	return ColOther
}

// columns is a table header's column kinds, from its Fields.
func (c Classified) columns() []Column {
	out := make([]Column, 0, len(c.Fields))
	for _, f := range c.Fields {
		out = append(out, Column(f.Key))
	}
	return out
}

// IsTableHeader reports whether a row of cells is a findings table's header:
// a problem column and a measures or status column among short cells.
func IsTableHeader(cells []string) bool {
	has := map[Column]bool{}
	for _, c := range cells {
		has[ColumnOf(c)] = true
	}
	return has[ColProblem] && (has[ColMeasures] || has[ColStatus])
}

func matchTableHeader(st *State, l Line) (Classified, bool) {
	if l.Cells == nil || !IsTableHeader(l.Cells) {
		return Classified{}, false
	}
	c := Classified{Role: RoleTableHeader, Body: l.Text}
	for _, cell := range l.Cells {
		c.Fields = append(c.Fields, Field{Key: string(ColumnOf(cell)), Text: cell})
	}
	return c, true
}

// matchTableRow is a row of a findings table: a finding with its cells by
// column, or, where a single cell spans the row, a category heading.
func matchTableRow(st *State, l Line) (Classified, bool) {
	if l.Cells == nil || st.Columns == nil {
		return Classified{}, false
	}
	var filled []string
	for _, cell := range l.Cells {
		if t := strings.TrimSpace(cell); t != "" && (len(filled) == 0 || filled[len(filled)-1] != t) {
			filled = append(filled, t)
		}
	}
	if len(filled) == 0 {
		return Classified{Role: RoleBlank, Recogniser: "table-row"}, true
	}
	if len(filled) == 1 {
		// a row that spans the table: a category (一、…方面 / (一)…)
		t := newText(filled[0])
		c := Classified{Role: RoleCategory, Body: filled[0]}
		if nb, ok := NumberingOf(t); ok && nb.Style != "【】" {
			c.Num, c.Label, c.Body = nb.Num, nb.Label, nb.Rest
		}
		return c, true
	}
	c := Classified{Role: RoleTableRow, Body: l.Text}
	var other []string
	var statusCell string
	for i, cell := range l.Cells {
		cell = strings.TrimSpace(cell)
		col := ColOther
		if i < len(st.Columns) {
			col = st.Columns[i]
		}
		switch col {
		case ColStatus:
			statusCell = cell
		case ColOther:
			if cell != "" {
				other = append(other, cell)
			}
		default:
			if cell != "" {
				c.Fields = append(c.Fields, Field{Key: string(col), Text: cell})
			}
		}
	}
	if statusCell != "" {
		f := statusOf(statusCell)
		c.Status = &f
	}
	for _, o := range other {
		c.Leftover = append(c.Leftover, o)
	}
	return c, true
}
