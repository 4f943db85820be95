package importer

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The table model shared by HTML tables and .docx tables: a grid of slots,
// each row a list of columns. A cell occupies every slot it spans (the HTML
// table model's rowspan/colspan, Word's gridSpan/vMerge):
//
//   - a cell spanning rows (rowspan, vMerge) repeats its text into the slot
//     of every row it covers, so that each row reads its columns right: a
//     category cell spanning its findings' rows gives each of them the
//     category (Assemble keeps a run of the same category once, so the
//     stored text is not duplicated), and a status cell spanning two
//     findings gives both the status;
//   - a cell spanning columns (colspan, gridSpan) is read once, in its first
//     slot; the slots it also covers are empty (a category row spanning the
//     table is then one filled cell, and a cell spanning the measures and
//     status columns does not put its words twice into a finding).

// maxSpan bounds a cell's colspan and rowspan and a table's width (the HTML
// standard bounds colspan at 1000 and rowspan at 65534; a notice's table
// has a dozen columns): a hostile table cannot make a huge grid.
const (
	maxColspan = 1000
	maxColumns = 1000
)

// gridCell is one cell of a table row as written, before placing.
type gridCell struct {
	text    string
	colspan int
	rowspan int // 0: to the end of the table (HTML rowspan=0)
	// cont: a Word cell that continues the vertically merged cell above it
	// (vMerge continue); its slot takes that cell's text
	cont bool
}

// gridRow is one placed row: its slots' texts, and which slots hold a cell
// that starts in this row (not one spanning down from a row above).
type gridRow struct {
	cells []string
	own   []bool
	cover []string // per slot, the text of the cell that covers it (a spanned column's too)
}

// firstOwn is the first non-empty text of a cell that starts in the row.
func (r gridRow) firstOwn() string {
	for i, c := range r.cells {
		if r.own[i] && c != "" {
			return c
		}
	}
	return ""
}

// placeGrid lays the rows' cells into slots by the table model: a cell goes
// to the first slot of its row not taken by a cell spanning down from
// above, and takes colspan slots across and rowspan rows down. Rows keep
// their width up to their last filled slot.
func placeGrid(rows [][]gridCell) []gridRow {
	// down[c] is the cell spanning down into column c: its text and how
	// many more rows it covers (-1: to the end)
	type span struct {
		text string
		left int
		from int // the row the cell starts in
	}
	var down []span
	out := make([]gridRow, 0, len(rows))
	for ri, row := range rows {
		var cells, cover []string
		var own []bool
		set := func(c int, text string, isOwn bool) {
			for len(cells) <= c {
				cells = append(cells, "")
				own = append(own, false)
			}
			cells[c], own[c] = text, isOwn
			for len(cover) <= c {
				cover = append(cover, "")
			}
			cover[c] = text
		}
		col := 0
		// the slots held by cells spanning down from above
		var carried []int
		for c := range down {
			if down[c].left != 0 {
				set(c, down[c].text, false)
				carried = append(carried, c)
			}
		}
		taken := func(c int) bool { return c < len(cells) && !own[c] && c < len(down) && down[c].left != 0 }
		for _, gc := range row {
			for taken(col) {
				col++
			}
			if col >= maxColumns {
				break
			}
			if gc.cont {
				// a Word continuation cell: the text of the cell above
				text := ""
				if ri > 0 && col < len(out[ri-1].cells) {
					text = out[ri-1].cells[col]
				}
				set(col, text, false)
				col += min(max(1, gc.colspan), maxColspan)
				continue
			}
			set(col, gc.text, true)
			cs := min(max(1, gc.colspan), maxColspan, maxColumns-col)
			for c := col + 1; c < col+cs && c < col+64; c++ {
				for len(cover) <= c {
					cover = append(cover, "")
				}
				cover[c] = gc.text
			}
			if rs := gc.rowspan; rs != 1 {
				for len(down) < col+cs {
					down = append(down, span{})
				}
				left := rs - 1
				if rs <= 0 || rs > len(rows)-ri {
					left = len(rows) - ri - 1
				}
				// the first covered slot repeats the text, the others
				// (spanned columns) stay empty
				down[col] = span{text: gc.text, left: left, from: ri}
				for c := col + 1; c < col+cs; c++ {
					down[c] = span{text: "", left: left, from: ri}
				}
			}
			col += cs
		}
		for _, c := range carried {
			if down[c].from < ri {
				down[c].left--
			}
		}
		// trailing empty slots are not columns of the row
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells, own = cells[:len(cells)-1], own[:len(own)-1]
		}
		out = append(out, gridRow{cells: cells, own: own, cover: cover})
	}
	return out
}

// spanAttr is a colspan/rowspan attribute's value: def when absent or not
// a number, the HTML parsing rules otherwise (leading digits).
func spanAttr(n *html.Node, key string, def int) int {
	for _, a := range n.Attr {
		if a.Key != key {
			continue
		}
		s := strings.TrimSpace(a.Val)
		end := 0
		for end < len(s) && end < 9 && s[end] >= '0' && s[end] <= '9' {
			end++
		}
		v, err := strconv.Atoi(s[:end])
		if err != nil {
			return def
		}
		return v
	}
	return def
}

// htmlCellText is a td/th's text: its paragraphs and line breaks become
// "\n" (the cell's lines, as written), runs of spaces one space; nested
// containers (div, span, font, strong …) are read in order.
func htmlCellText(c *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(htmlSpaces.ReplaceAllString(n.Data, " "))
			return
		case html.ElementNode:
			if skipTags[n.DataAtom] || hidden(n) {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteString("\n")
				return
			}
			if blockTags[n.DataAtom] && n != c {
				b.WriteString("\n")
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] && n != c {
			b.WriteString("\n")
		}
	}
	walk(c)
	var keep []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// htmlGrid is an HTML table's rows placed by the table model, and for each
// row whether it is a header row by markup (in thead, or all its cells th).
func htmlGrid(trs []*html.Node) ([]gridRow, []bool) {
	rows := make([][]gridCell, 0, len(trs))
	head := make([]bool, len(trs))
	for i, tr := range trs {
		var row []gridCell
		allTH := true
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) || hidden(c) {
				continue
			}
			if c.DataAtom != atom.Th {
				allTH = false
			}
			row = append(row, gridCell{text: htmlCellText(c), colspan: spanAttr(c, "colspan", 1), rowspan: spanAttr(c, "rowspan", 1)})
		}
		rows = append(rows, row)
		head[i] = len(row) > 0 && (allTH || (tr.Parent != nil && tr.Parent.DataAtom == atom.Thead))
	}
	return placeGrid(rows), head
}

// mergeHeader reads a two-row header: where the row under the findings
// header is a header row by its markup (thead, th, w:tblHeader) and names
// a column by a word that alone names no kind of column (进展 under 整改,
// 情况 under 完成), its cell is read with the heading above it (整改进展),
// so that the row's columns are known. Only that row's header cells
// change (a header is not stored); a row not marked as a header is data
// and never changes.
//
// The findings header may be the upper row (整改情况 over 措施 | 进展) or
// the lower one (整改, naming no column, over 措施 | 进展): the pair is the
// found row and the marked header row under it, else the marked row above.
func mergeHeader(grid []gridRow, header int, head []bool) {
	if header < 0 || header >= len(grid) {
		return
	}
	switch {
	case header+1 < len(grid) && head[header+1]:
		mergeRows(grid[header], grid[header+1])
	case header > 0 && head[header-1] && head[header]:
		mergeRows(grid[header-1], grid[header])
	}
}

func mergeRows(up, lo gridRow) {
	for i, c := range lo.cells {
		if !lo.own[i] || c == "" || ColumnOf(c) != ColOther || i >= len(up.cover) || up.cover[i] == "" {
			continue
		}
		if m := up.cover[i] + c; ColumnOf(m) != ColOther {
			lo.cells[i] = m
		}
	}
}
