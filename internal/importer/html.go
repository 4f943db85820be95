package importer

import (
	"bytes"
	"github.com/gongshi/gongshi/internal/i18n"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// looksLikeHTML is true for .htm(l) files and for content that starts with
// markup (a text notice never starts with '<').
func looksLikeHTML(name string, b []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".shtml", ".xhtml":
		return true
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	if len(head) > 4096 {
		head = head[:4096]
	}
	l := bytes.ToLower(head)
	for _, tag := range []string{"<!doctype html", "<html", "<body", "<head", "<div", "<p>", "<p ", "<meta", "<table"} {
		if bytes.Contains(l, []byte(tag)) {
			return true
		}
	}
	return false
}

// decodeHTMLBytes decodes an HTML page: UTF-8, else the charset its <meta>
// declares, else GB18030 (a Chinese government page that declares nothing).
func decodeHTMLBytes(b []byte) (string, string, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(b) {
		return string(b), "UTF-8", nil
	}
	enc, name, _ := charset.DetermineEncoding(b, "text/html")
	if name == "windows-1252" || name == "utf-8" || enc == nil {
		enc, name = simplifiedchinese.GB18030, "GB18030"
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", i18n.Errorf("line %d: not %s: %v", badUTF8Line(b), name, err)
	}
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return "", "", i18n.Errorf("line %d: neither UTF-8 nor %s", 1+bytes.Count(out[:i], []byte("\n")), name)
	}
	return string(out), strings.ToUpper(name), nil
}

// block is a run of text between block-level boundaries of an HTML page.
type block struct {
	text      strings.Builder
	line      int
	elem      *html.Node // innermost block-level element holding the text
	runes     int
	han       int
	linkRunes int
	negative  string   // the class/id/tag of an enclosing navigation-like element
	cells     []string // a findings table's row: its cells' texts
}

var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true, atom.Caption: true,
}

var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Iframe: true, atom.Object: true, atom.Svg: true, atom.Select: true, atom.Button: true,
	atom.Textarea: true, atom.Input: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// negativeTokens are class/id words of the parts of a CMS page that are not
// the article.
var negativeTokens = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "header": true, "footer": true,
	"foot": true, "share": true, "bdshare": true, "breadcrumb": true, "breadcrumbs": true,
	"crumb": true, "crumbs": true, "position": true, "location": true, "sidebar": true, "side": true,
	"copyright": true, "banner": true, "toolbar": true, "search": true, "login": true, "links": true,
	"friendlink": true, "related": true, "print": true, "fontsize": true, "font": true, "tools": true,
	"qrcode": true, "ewm": true, "pager": true, "pagination": true, "comment": true, "comments": true,
}

var negativeTags = map[atom.Atom]bool{atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true}

var classSplit = regexp.MustCompile(`[^A-Za-z0-9]+`)

func negativeName(n *html.Node) string {
	if negativeTags[n.DataAtom] {
		return "<" + n.Data + ">"
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		for _, tok := range classSplit.Split(strings.ToLower(a.Val), -1) {
			if negativeTokens[tok] {
				return a.Key + "=" + a.Val
			}
		}
		if a.Key == "role" && (a.Val == "navigation" || a.Val == "banner" || a.Val == "contentinfo") {
			return "role=" + a.Val
		}
	}
	return ""
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// tokLine is a text token of the HTML source with the line its text starts on.
type tokLine struct {
	line int
	text string
}

// textTokens lists the text tokens of src with their lines, so that the
// parsed tree's text can be given source line numbers.
func textTokens(src string) []tokLine {
	z := html.NewTokenizer(strings.NewReader(src))
	line := 1
	var out []tokLine
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		if tt == html.TextToken {
			lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n\f"))
			out = append(out, tokLine{line: line + bytes.Count(raw[:lead], []byte("\n")), text: string(z.Text())})
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

type htmlWalker struct {
	tables map[*html.Node]bool // the findings tables met
	// markers are the numbers a browser draws before the items of the
	// ordered lists met (listMarkers), by item
	markers map[*html.Node]string
	marker  string // the marker the next text starts with
	toks    []tokLine
	cursor  int
	blocks  []*block
	cur     *block
	elems   []*html.Node // block-level element stack
	neg     []string     // negative context stack (parallel to any element)
	inLink  int
	inPre   int
	line    int
}

// lineOf finds the source line of a text node by matching it against the
// tokenizer's text tokens in document order.
func (w *htmlWalker) lineOf(data string) int {
	key := strings.TrimSpace(data)
	if key == "" {
		return w.line
	}
	if r := []rune(key); len(r) > 16 {
		key = string(r[:16])
	}
	for i := w.cursor; i < len(w.toks) && i < w.cursor+400; i++ {
		if strings.Contains(w.toks[i].text, key) {
			w.cursor = i
			lead := w.toks[i].text[:strings.Index(w.toks[i].text, key)]
			w.line = w.toks[i].line + strings.Count(strings.TrimLeft(lead, " \t\r\n\f"), "\n")
			return w.line
		}
	}
	return w.line
}

func (w *htmlWalker) flush() {
	if w.cur != nil && strings.TrimSpace(w.cur.text.String()) != "" {
		w.blocks = append(w.blocks, w.cur)
	}
	w.cur = nil
}

func (w *htmlWalker) negative() string {
	for i := len(w.neg) - 1; i >= 0; i-- {
		if w.neg[i] != "" {
			return w.neg[i]
		}
	}
	return ""
}

var htmlSpaces = regexp.MustCompile(`[ \t\r\n\f]+`)

func (w *htmlWalker) addText(data string) {
	line := w.lineOf(data)
	if w.inPre > 0 {
		parts := strings.Split(strings.ReplaceAll(data, "\r\n", "\n"), "\n")
		for k, p := range parts {
			if k > 0 {
				w.flush()
				line++
			}
			w.appendText(p, line)
		}
		return
	}
	w.appendText(htmlSpaces.ReplaceAllString(data, " "), line)
}

func (w *htmlWalker) appendText(s string, line int) {
	if s == "" {
		return
	}
	if w.cur == nil {
		if strings.TrimSpace(s) == "" {
			return
		}
		if w.marker != "" {
			s, w.marker = w.marker+strings.TrimLeft(s, " "), ""
		}
		w.cur = &block{line: line, negative: w.negative()}
		if len(w.elems) > 0 {
			w.cur.elem = w.elems[len(w.elems)-1]
		}
	}
	w.cur.text.WriteString(s)
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		w.cur.runes++
		if w.inLink > 0 {
			w.cur.linkRunes++
		}
		if unicode.Is(unicode.Han, r) {
			w.cur.han++
		}
	}
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.addText(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipTags[n.DataAtom] || hidden(n) {
			return
		}
		if n.DataAtom == atom.Br {
			w.flush()
			return
		}
		if n.DataAtom == atom.Table && w.dataTable(n) {
			return
		}
		if n.DataAtom == atom.Ol {
			for li, m := range listMarkers(n) {
				if w.markers == nil {
					w.markers = map[*html.Node]string{}
				}
				w.markers[li] = m
			}
		}
		isBlock := blockTags[n.DataAtom]
		if isBlock {
			w.flush()
			w.elems = append(w.elems, n)
		}
		if m := w.markers[n]; m != "" {
			// the item's number, as the browser draws it before the item's
			// first text (in a paragraph of its own too), unless that text
			// already starts with it
			if first := firstText(n); first != "" && !strings.HasPrefix(Normalise(strings.TrimSpace(first)), Normalise(m)) {
				w.marker = m
			}
		}
		w.neg = append(w.neg, negativeName(n))
		if n.DataAtom == atom.A {
			w.inLink++
		}
		if n.DataAtom == atom.Pre {
			w.inPre++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		if n.DataAtom == atom.Pre {
			w.inPre--
		}
		if n.DataAtom == atom.A {
			w.inLink--
		}
		if w.markers[n] != "" {
			w.marker = "" // an item whose text was not read (a table's) leaves no marker to the next
		}
		w.neg = w.neg[:len(w.neg)-1]
		if isBlock {
			w.flush()
			w.elems = w.elems[:len(w.elems)-1]
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// tableRows lists the rows of a table (not those of tables nested in its
// cells).
func tableRows(t *html.Node) []*html.Node {
	var rows []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				rows = append(rows, c)
			case atom.Thead, atom.Tbody, atom.Tfoot:
				walk(c)
			}
		}
	}
	walk(t)
	return rows
}

// dataTable walks a table that holds findings (one of its first rows is a
// header that names a problem column and a measures or status column):
// each row becomes one line with its cells. Any other table (a layout
// table) is walked as text, and dataTable returns false.
func (w *htmlWalker) dataTable(t *html.Node) bool {
	trs := tableRows(t)
	grid, head := htmlGrid(trs)
	header := findingsHeader(grid, head)
	if header < 0 {
		return false
	}
	mergeHeader(grid, header, head)
	w.flush()
	if w.tables == nil {
		w.tables = map[*html.Node]bool{}
	}
	w.tables[t] = true
	neg := w.negative()
	if n := negativeName(t); n != "" {
		neg = n
	}
	for i, r := range grid {
		cells := r.cells
		text := strings.Join(cells, "\t")
		if strings.TrimSpace(strings.ReplaceAll(text, "\t", "")) == "" {
			continue
		}
		// the row's line is where its own first cell is written (a cell
		// spanning down from above was written on an earlier line)
		first := r.firstOwn()
		if first == "" {
			first = strings.TrimSpace(strings.ReplaceAll(text, "\t", " "))
		}
		first = strings.SplitN(first, "\n", 2)[0]
		b := &block{line: w.lineOf(first), elem: trs[i], negative: neg, cells: cells}
		b.text.WriteString(text)
		for _, ch := range text {
			if unicode.IsSpace(ch) {
				continue
			}
			b.runes++
			if unicode.Is(unicode.Han, ch) {
				b.han++
			}
		}
		w.blocks = append(w.blocks, b)
	}
	return true
}

// findingsHeader is the index of a table's findings header row: the first
// of its first three rows, or of the rows its markup marks as header rows
// (thead, a row of th) among its first six, that names a problem column and
// a measures or status column; -1 when there is none.
func findingsHeader(grid []gridRow, head []bool) int {
	for i, r := range grid {
		if i >= 6 || (i >= 3 && !head[i]) {
			if i >= 6 {
				break
			}
			continue
		}
		if IsTableHeader(r.cells) {
			return i
		}
	}
	return -1
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

// textElement is an element that holds text, not blocks of it: a paragraph,
// a heading or an inline element. The article is a container above them.
func textElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre,
		atom.Span, atom.Font, atom.Strong, atom.B, atom.Em, atom.I, atom.U, atom.A, atom.Label:
		return true
	}
	return false
}

func linkDense(b *block) bool { return b.runes > 0 && b.linkRunes*2 > b.runes }

func within(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

// titleLike is a block that could be the notice's title above the article:
// in a heading element or an element named like a title, or short text
// naming a notice.
func titleLike(b *block) bool {
	if linkDense(b) {
		return false
	}
	for n, k := b.elem, 0; n != nil && k < 3; n, k = n.Parent, k+1 {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4:
			return true
		}
		for _, a := range n.Attr {
			if a.Key == "class" || a.Key == "id" {
				v := strings.ToLower(a.Val)
				if strings.Contains(v, "title") || strings.Contains(v, "biaoti") || strings.Contains(v, "tit") {
					return true
				}
			}
		}
	}
	t := strings.TrimSpace(b.text.String())
	return runeLen(t) <= 80 && strings.Contains(t, "通报") && !strings.ContainsAny(t, "。>»")
}

// extractHTML finds the article of a CMS page. Every text block of the page
// becomes a line; those outside the article (navigation, breadcrumb, share
// buttons, footer …) carry a Chrome reason. The article is the tightest
// element that holds most of the page's non-link Chinese text, widened
// upwards to take in the title (and the meta line under it) when they sit
// just above it.
func extractHTML(src string) ([]SourceLine, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, i18n.Errorf("not parseable as HTML: %v", err)
	}
	body := findBody(doc)
	if body == nil {
		return nil, i18n.Errorf("HTML without a <body>")
	}
	w := &htmlWalker{toks: textTokens(src), line: 1}
	w.walk(body)
	w.flush()
	if len(w.blocks) == 0 {
		return nil, nil
	}

	weight := map[*html.Node]int{}
	for _, b := range w.blocks {
		if b.negative != "" || linkDense(b) {
			continue
		}
		for n := b.elem; n != nil; n = n.Parent {
			weight[n] += b.han
		}
	}
	article := body
	for {
		var best *html.Node
		for c := article.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (best == nil || weight[c] > weight[best]) {
				best = c
			}
		}
		if best == nil || weight[article] == 0 || weight[best]*10 < weight[article]*6 || w.tables[best] || textElement(best) ||
			best.DataAtom == atom.Ol || best.DataAtom == atom.Ul {
			// a findings table is part of the article, never all of it:
			// the title, preamble and signature stand around it; nor is
			// a list (the findings as its items), nor
			// one paragraph (a <p> whose <br> lines hold the findings), however
			// much of the text it holds: the signature is the next <p>
			break
		}
		article = best
	}

	first, last := -1, -1
	for i, b := range w.blocks {
		if within(b.elem, article) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	start, titleAt := first, -1
	if first >= 0 {
		for i := first - 1; i >= 0 && i >= first-12; i-- {
			if titleLike(w.blocks[i]) {
				start, titleAt = i, i
				break
			}
		}
	}

	out := make([]SourceLine, 0, len(w.blocks))
	for i, b := range w.blocks {
		sl := SourceLine{No: b.line, Text: b.text.String(), Cells: b.cells}
		switch {
		case first < 0 || i < start || i > last:
			sl.Chrome = "outside the article"
		case i == titleAt:
		case b.negative != "":
			sl.Chrome = "in " + b.negative
		case linkDense(b):
			sl.Chrome = "links"
		}
		out = append(out, sl)
	}
	return out, nil
}

// listMarkers are the markers a browser draws before the items of an
// ordered list, by item: the HTML ordinal algorithm (the list's start, or
// its item count when reversed; an item's value sets its number and the
// next ones'), in the style of the item's or the list's list-style-type,
// else of the list's type (1, a, A, i, I), as CSS Counter Styles render
// them (decimal 1., cjk-ideographic 一、, cjk-decimal 1、 …). A list with
// list-style-type none draws none.
func listMarkers(ol *html.Node) map[*html.Node]string {
	var items []*html.Node
	for c := ol.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			items = append(items, c)
		}
	}
	step, n := 1, 1
	if _, ok := attr(ol, "reversed"); ok {
		step, n = -1, len(items)
	}
	if v, ok := attr(ol, "start"); ok {
		if k, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			n = k
		}
	}
	listStyle := listStyleOf(ol)
	out := map[*html.Node]string{}
	for _, li := range items {
		if v, ok := attr(li, "value"); ok {
			if k, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				n = k
			}
		}
		st := listStyle
		if s := cssListStyle(li); s != "" {
			st = s
		}
		if m := listMarker(n, st); m != "" {
			out[li] = m
		}
		n += step
	}
	return out
}

// listStyleOf is the list-style-type of an ordered list: its style's, else
// its type attribute's, else decimal.
func listStyleOf(ol *html.Node) string {
	if s := cssListStyle(ol); s != "" {
		return s
	}
	if t, ok := attr(ol, "type"); ok {
		switch strings.TrimSpace(t) {
		case "a":
			return "lower-alpha"
		case "A":
			return "upper-alpha"
		case "i":
			return "lower-roman"
		case "I":
			return "upper-roman"
		}
	}
	return "decimal"
}

var reListStyle = regexp.MustCompile(`list-style(?:-type)?\s*:\s*([a-z-]+)`)

// cssListStyle is the list-style-type an element's style sets, or "".
func cssListStyle(n *html.Node) string {
	v, _ := attr(n, "style")
	if m := reListStyle.FindStringSubmatch(strings.ToLower(v)); m != nil {
		return m[1]
	}
	return ""
}

// listMarker is the marker of item n in a list-style-type: the number in
// the style's Word format (formatNumber) and its suffix; "" for none, for
// bullets and for a style not known.
func listMarker(n int, style string) string {
	f, suffix := "", "."
	switch style {
	case "decimal":
		f = "decimal"
	case "decimal-leading-zero":
		f = "decimalZero"
	case "lower-alpha", "lower-latin":
		f = "lowerLetter"
	case "upper-alpha", "upper-latin":
		f = "upperLetter"
	case "lower-roman":
		f = "lowerRoman"
	case "upper-roman":
		f = "upperRoman"
	case "cjk-ideographic", "simp-chinese-informal", "trad-chinese-informal":
		f, suffix = "chineseCounting", "、"
	case "simp-chinese-formal":
		f, suffix = "chineseLegalSimplified", "、"
	case "cjk-decimal":
		f, suffix = "decimal", "、"
	default:
		return ""
	}
	return formatNumber(n, f) + suffix
}

// firstText is the first text an element holds, or "".
func firstText(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c.Data
		}
		if c.Type == html.ElementNode && !skipTags[c.DataAtom] {
			if t := firstText(c); t != "" {
				return t
			}
		}
	}
	return ""
}

// attr is an element's attribute, and whether it has it.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
