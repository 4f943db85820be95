package importer

import (
	"bytes"
	"github.com/gongshi/gongshi/internal/i18n"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// PDF with a text layer.
//
// The library: github.com/ledongthuc/pdf (BSD-3-Clause, the maintained fork
// of rsc.io/pdf, pure Go, no dependencies: CGO stays off). It reads the
// file's structure — the cross-reference table or stream, object streams,
// stream filters (Flate, LZW, ASCII85, ASCIIHex), the standard encryption
// with an empty password — and gives the objects as values. Of the
// candidates it is the smallest that does that: rsc.io/pdf is its
// unmaintained original; pdfcpu (Apache-2.0) is a whole PDF processor
// whose text extraction is not its purpose and whose release here is not
// an approved one; go-pdfium needs a native library.
//
// What the library does beyond that is not used: its text extraction
// panics on malformed content, loops on a cyclic page tree, takes every
// character's width from the simple-font table (wrong for the Type0 fonts
// Chinese PDFs are made with) and reads a ToUnicode CMap with loops
// bounded only by the file. So the page tree, the content streams, the
// fonts' widths and their ToUnicode CMaps (Identity-H with ToUnicode is how
// WPS, Word and most Chinese PDF producers write Chinese text) are read
// here, each bounded, and every call into the library is guarded against
// its panics.
//
// Reading order: the text runs of a page sorted top to bottom (y
// descending), runs of one line left to right. Page furniture — page
// numbers (第 3 页 共 8 页, - 3 -, 3/8) and a line repeated on every page
// at the same place — is kept as chrome, not text. A line that runs to the
// right margin is joined with the next, unless the next starts a numbered
// item or a label, or is indented where the document indents its
// paragraphs: a PDF breaks its lines where the page ends, not where the
// writer did (see pdfLines).

// ErrScannedPDF is a PDF with no text to read: its pages are images.
var ErrScannedPDF = i18n.Errorf("a scanned PDF: its pages are images with no text layer, so there is nothing to read; run it through OCR first, or give the notice as text (.txt, .docx)")

// ErrPDFNoUnicode is a PDF whose text cannot be turned into characters.
var ErrPDFNoUnicode = i18n.Errorf("a PDF whose fonts do not say which characters they draw (no ToUnicode table): its text cannot be read; run it through OCR, or give the notice as text (.txt, .docx)")

// The bounds of a PDF: pages, page-tree nodes visited, decoded content
// bytes over all pages, operands on the stack, nesting of form XObjects.
const (
	maxPDFPages    = 5000
	maxPDFNodes    = 20000
	maxPDFContent  = 64 << 20
	maxPDFOperands = 4096
	maxPDFForms    = 8
	maxCMapEntries = 70000
)

// pdfRun is a piece of text drawn at one place.
type pdfRun struct {
	page       int
	x, y, xEnd float64
	size       float64
	text       string
}

// guard runs f, turning a panic of the PDF library into an error.
func guard(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = i18n.Errorf("%v", r)
		}
	}()
	f()
	return nil
}

// pdf20 lets the library read a PDF 2.0 file: it accepts headers %PDF-1.0
// to %PDF-1.7 only, and the rest of the format it reads is the same.
type pdf20 struct{ r io.ReaderAt }

func (p pdf20) ReadAt(b []byte, off int64) (int, error) {
	n, err := p.r.ReadAt(b, off)
	if off < 8 {
		hdr := []byte("%PDF-1.7")
		for i := 0; i < n && off+int64(i) < 8; i++ {
			b[i] = hdr[off+int64(i)]
		}
	}
	return n, err
}

// decodePDF reads a PDF's text layer into lines.
func decodePDF(b []byte) ([]SourceLine, error) {
	var r *pdf.Reader
	var openErr error
	if err := guard(func() {
		var ra io.ReaderAt = bytes.NewReader(b)
		if bytes.HasPrefix(b, []byte("%PDF-2.")) {
			ra = pdf20{ra}
		}
		r, openErr = pdf.NewReader(ra, int64(len(b)))
	}); err != nil || openErr != nil || r == nil {
		if err == nil {
			err = openErr
		}
		return nil, i18n.Errorf("not a readable PDF: %v", err)
	}
	x := &pdfExtractor{fonts: map[string]*pdfFont{}}
	var pages []pdf.Value
	if err := guard(func() { pages = pdfPages(r.Trailer().Key("Root").Key("Pages")) }); err != nil {
		return nil, i18n.Errorf("not a readable PDF: %v", err)
	}
	if len(pages) == 0 {
		return nil, i18n.Errorf("not a readable PDF: it has no pages")
	}
	var firstErr error
	for i, p := range pages {
		x.page = i + 1
		if err := guard(func() { x.pageText(p) }); err != nil && firstErr == nil {
			firstErr = err
		}
		if x.tooLarge {
			return nil, i18n.Errorf("the PDF's pages hold more than %d MiB of content, more than gongshi reads", maxPDFContent>>20)
		}
	}
	text, graphic := 0, 0
	for _, run := range x.runs {
		for _, c := range run.text {
			if unicode.IsSpace(c) {
				continue
			}
			text++
			if unicode.IsGraphic(c) && c != utf8.RuneError && !unicode.Is(unicode.Co, c) {
				graphic++
			}
		}
	}
	switch {
	case text == 0 && firstErr != nil:
		return nil, i18n.Errorf("not a readable PDF: %v", firstErr)
	case text == 0:
		return nil, ErrScannedPDF
	case graphic*2 < text:
		return nil, ErrPDFNoUnicode
	}
	return pdfLines(x.runs, len(pages)), nil
}

// pdfPages lists the pages of a page tree in order, bounded (a cyclic or
// huge tree stops at the bounds).
func pdfPages(root pdf.Value) []pdf.Value {
	var out []pdf.Value
	nodes := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		nodes++
		if depth > 32 || nodes > maxPDFNodes || len(out) >= maxPDFPages || v.Kind() != pdf.Dict {
			return
		}
		kids := v.Key("Kids")
		if kids.Kind() == pdf.Array && v.Key("Type").Name() != "Page" {
			for i := 0; i < kids.Len() && i < maxPDFNodes; i++ {
				walk(kids.Index(i), depth+1)
			}
			return
		}
		out = append(out, v)
	}
	walk(root, 0)
	return out
}

// inherited is a page attribute, from the page or its ancestors.
func inherited(page pdf.Value, key string) pdf.Value {
	v := page
	for i := 0; i < 32 && v.Kind() == pdf.Dict; i++ {
		if a := v.Key(key); a.Kind() != pdf.Null {
			return a
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m × n (m applied first).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type pdfExtractor struct {
	page     int
	runs     []pdfRun
	fonts    map[string]*pdfFont // by the font dictionary's name on the page
	content  int                 // decoded content bytes read
	tooLarge bool
}

// pageText reads a page's content streams.
func (x *pdfExtractor) pageText(page pdf.Value) {
	res := inherited(page, "Resources")
	x.fonts = map[string]*pdfFont{}
	contents := page.Key("Contents")
	var data []byte
	switch contents.Kind() {
	case pdf.Stream:
		data = x.readStream(contents)
	case pdf.Array:
		for i := 0; i < contents.Len() && i < 1000; i++ {
			data = append(data, x.readStream(contents.Index(i))...)
			data = append(data, '\n')
		}
	}
	x.run(data, res, identity, 0)
}

// readStream is a stream's decoded bytes, within the content bound.
func (x *pdfExtractor) readStream(v pdf.Value) []byte {
	if v.Kind() != pdf.Stream || x.tooLarge {
		return nil
	}
	var out []byte
	_ = guard(func() {
		rc := v.Reader()
		defer rc.Close()
		left := int64(maxPDFContent - x.content)
		b, _ := io.ReadAll(io.LimitReader(rc, left+1))
		if int64(len(b)) > left {
			x.tooLarge = true
			b = b[:left]
		}
		x.content += len(b)
		out = b
	})
	return out
}

// gstate is the graphics and text state a content stream changes.
type gstate struct {
	ctm                matrix
	font               *pdfFont
	size               float64
	tc, tw, th, tl, ts float64
}

// run interprets a content stream (a page's, or a form XObject's).
func (x *pdfExtractor) run(data []byte, res pdf.Value, ctm matrix, depth int) {
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm matrix = identity, identity
	lx := &pdfLexer{b: data}
	var ops []pdfTok
	num := func(i int) float64 {
		if i < len(ops) {
			return ops[i].num
		}
		return 0
	}
	for {
		t, ok := lx.next()
		if !ok {
			return
		}
		if t.kind != tokOp {
			if len(ops) < maxPDFOperands {
				ops = append(ops, t)
			}
			continue
		}
		// operands are taken from the end: an operator's own are the last
		if n := opArgs[t.s]; n > 0 && len(ops) > n {
			ops = ops[len(ops)-n:]
		}
		switch t.s {
		case "q":
			if len(stack) < 64 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if len(ops) == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) == 2 && ops[0].kind == tokName {
				g.font = x.font(res, ops[0].s)
				g.size = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.ts = num(0)
		case "Td", "TD":
			if len(ops) == 2 {
				if t.s == "TD" {
					g.tl = -num(1)
				}
				tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if len(ops) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if t.s != "Tj" {
				tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
				tm = tlm
			}
			if t.s == "\"" && len(ops) == 3 {
				g.tw, g.tc = num(0), num(1)
			}
			if len(ops) > 0 && ops[len(ops)-1].kind == tokString {
				tm = x.show(&g, tm, ops[len(ops)-1].s)
			}
		case "TJ":
			if len(ops) > 0 && ops[len(ops)-1].kind == tokArray {
				for _, e := range ops[len(ops)-1].arr {
					switch e.kind {
					case tokString:
						tm = x.show(&g, tm, e.s)
					case tokNum:
						tm = matrix{1, 0, 0, 1, -e.num / 1000 * g.size * g.th, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if depth < maxPDFForms && len(ops) == 1 && ops[0].kind == tokName {
				xo := res.Key("XObject").Key(ops[0].s)
				if xo.Kind() == pdf.Stream && xo.Key("Subtype").Name() == "Form" {
					m := identity
					if a := xo.Key("Matrix"); a.Kind() == pdf.Array && a.Len() == 6 {
						for i := range m {
							m[i] = a.Index(i).Float64()
						}
					}
					fres := xo.Key("Resources")
					if fres.Kind() != pdf.Dict {
						fres = res
					}
					saved := x.fonts
					x.fonts = map[string]*pdfFont{}
					x.run(x.readStream(xo), fres, m.mul(g.ctm), depth+1)
					x.fonts = saved
				}
			}
		}
		ops = ops[:0]
	}
}

// opArgs are the operand counts of the operators read.
var opArgs = map[string]int{"cm": 6, "Tf": 2, "Tc": 1, "Tw": 1, "Tz": 1, "TL": 1, "Ts": 1, "Td": 2, "TD": 2, "Tm": 6,
	"Tj": 1, "'": 1, "\"": 3, "TJ": 1, "Do": 1}

// show draws a string: it records the run and moves the text matrix past
// it.
func (x *pdfExtractor) show(g *gstate, tm matrix, raw string) matrix {
	f := g.font
	if f == nil {
		f = &pdfFont{}
	}
	text, width, n, spaces := f.decode(raw)
	trm := matrix{g.size * g.th, 0, 0, g.size, 0, g.ts}.mul(tm).mul(g.ctm)
	adv := (width/1000*g.size + g.tc*float64(n) + g.tw*float64(spaces)) * g.th
	end := matrix{1, 0, 0, 1, adv, 0}.mul(tm)
	trmEnd := matrix{g.size * g.th, 0, 0, g.size, 0, g.ts}.mul(end).mul(g.ctm)
	size := math.Hypot(trm[2], trm[3])
	if size == 0 || math.IsNaN(size) || math.IsInf(size, 0) {
		size = math.Abs(g.size)
	}
	if text != "" && len(x.runs) < 4<<20 {
		x.runs = append(x.runs, pdfRun{page: x.page, x: trm[4], y: trm[5], xEnd: trmEnd[4], size: size, text: text})
	}
	return end
}

// pdfFont is what the extractor needs of a font: how its codes map to
// characters, and their widths.
type pdfFont struct {
	twoByte  bool                // Type0 with a two-byte encoding (Identity-H, UCS2)
	gbk      bool                // Type0 with a GB predefined CMap and no ToUnicode: the codes are GBK
	ucs2     bool                // UniGB-UCS2-H: the codes are UTF-16BE
	cmap     *toUnicode          // the ToUnicode CMap
	enc      pdf.TextEncoding    // a simple font's encoding (library)
	widths   map[int]float64     // by code
	dw       float64             // default width
	simpleW  map[int]float64     // a simple font's Widths by code
	codes    func(string) []code // splits a string into codes
	resolved bool
}

type code struct {
	raw string
	n   int
}

// font is the font named on the page (cached for the page).
func (x *pdfExtractor) font(res pdf.Value, name string) *pdfFont {
	if f, ok := x.fonts[name]; ok {
		return f
	}
	f := &pdfFont{dw: 1000}
	_ = guard(func() { f.load(x, res.Key("Font").Key(name)) })
	x.fonts[name] = f
	return f
}

func (f *pdfFont) load(x *pdfExtractor, v pdf.Value) {
	if v.Kind() != pdf.Dict {
		return
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.cmap = parseToUnicode(x.readStream(tu))
	}
	if v.Key("Subtype").Name() == "Type0" {
		enc := v.Key("Encoding").Name()
		f.twoByte = true
		switch {
		case strings.HasPrefix(enc, "UniGB-UCS2") || strings.HasPrefix(enc, "UniGB-UTF16"):
			f.ucs2 = true
		case strings.HasPrefix(enc, "GB") && f.cmap == nil:
			f.gbk, f.twoByte = true, false
		}
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.widths = cidWidths(d.Key("W"))
		return
	}
	f.dw = 0
	if e := v.Key("Encoding"); e.Kind() == pdf.Name || e.Kind() == pdf.Dict {
		ff := pdf.Font{V: v}
		f.enc = ff.Encoder()
	}
	first := int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	f.simpleW = map[int]float64{}
	for i := 0; i < w.Len() && i < 256; i++ {
		f.simpleW[first+i] = w.Index(i).Float64()
	}
}

// cidWidths reads a CID font's W array: c [w1 w2 …] or c1 c2 w.
func cidWidths(w pdf.Value) map[int]float64 {
	out := map[int]float64{}
	for i := 0; i+1 < w.Len() && len(out) < maxCMapEntries; {
		c := int(w.Index(i).Int64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && len(out) < maxCMapEntries; k++ {
				out[c+k] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		hi, wd := int(next.Int64()), w.Index(i+2).Float64()
		for k := c; k <= hi && k-c < maxCMapEntries && len(out) < maxCMapEntries; k++ {
			out[k] = wd
		}
		i += 3
	}
	return out
}

// decode turns a shown string into text, its width in glyph space
// (thousandths of the font size), its number of codes and of single-byte
// spaces (to which word spacing applies).
func (f *pdfFont) decode(raw string) (string, float64, int, int) {
	var b strings.Builder
	var width float64
	n, spaces := 0, 0
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i < len(raw); {
		k := step
		if f.gbk && raw[i] >= 0x81 && i+1 < len(raw) {
			k = 2
		}
		if f.cmap != nil && !f.gbk {
			k = f.cmap.codeLen(raw[i:], step)
		}
		if i+k > len(raw) {
			k = len(raw) - i
		}
		c := raw[i : i+k]
		i += k
		n++
		cv := 0
		for j := 0; j < len(c); j++ {
			cv = cv<<8 | int(c[j])
		}
		if k == 1 && c[0] == ' ' {
			spaces++
		}
		switch {
		case f.twoByte || f.gbk:
			if w, ok := f.widths[cv]; ok {
				width += w
			} else {
				width += f.dw
			}
		default:
			width += f.simpleW[cv]
		}
		switch {
		case f.cmap != nil:
			if s, ok := f.cmap.lookup(c); ok {
				b.WriteString(s)
				continue
			}
			if f.twoByte {
				b.WriteRune(utf8.RuneError)
				continue
			}
		case f.ucs2:
			b.WriteString(string(utf16.Decode([]uint16{uint16(cv)})))
			continue
		case f.gbk:
			s, err := simplifiedchinese.GB18030.NewDecoder().String(c)
			if err != nil {
				s = string(utf8.RuneError)
			}
			b.WriteString(s)
			continue
		case f.twoByte:
			// Identity-H without ToUnicode: the glyph is known, the
			// character not
			b.WriteRune(utf8.RuneError)
			continue
		}
		if f.enc != nil {
			s := ""
			if err := guard(func() { s = f.enc.Decode(c) }); err == nil {
				b.WriteString(s)
				continue
			}
		}
		b.WriteString(string(rune(c[0])))
	}
	return b.String(), width, n, spaces
}

// toUnicode is a ToUnicode CMap: codespace ranges (for the length of a
// code) and the code → text mappings of its bfchar and bfrange blocks.
type toUnicode struct {
	lens   []int // the code lengths of the codespace ranges
	ranges []struct {
		lo, hi string
	}
	m map[string]string
}

func (t *toUnicode) codeLen(s string, def int) int {
	for _, r := range t.ranges {
		n := len(r.lo)
		if n <= len(s) && s[:n] >= r.lo && s[:n] <= r.hi {
			return n
		}
	}
	if def > len(s) {
		return len(s)
	}
	return def
}

func (t *toUnicode) lookup(c string) (string, bool) {
	s, ok := t.m[c]
	return s, ok
}

// utf16be is a CMap destination string: UTF-16BE.
func utf16be(s string) string {
	var u []uint16
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// parseToUnicode reads a ToUnicode CMap (bounded: at most maxCMapEntries
// codes).
func parseToUnicode(data []byte) *toUnicode {
	t := &toUnicode{m: map[string]string{}}
	lx := &pdfLexer{b: data}
	var ops []pdfTok
	for len(t.m) < maxCMapEntries {
		tok, ok := lx.next()
		if !ok {
			break
		}
		if tok.kind != tokOp {
			if len(ops) < maxPDFOperands {
				ops = append(ops, tok)
			}
			continue
		}
		switch tok.s {
		case "endcodespacerange":
			for i := 0; i+1 < len(ops); i += 2 {
				lo, hi := ops[i].s, ops[i+1].s
				if ops[i].kind == tokString && len(lo) > 0 && len(lo) == len(hi) && len(lo) <= 4 {
					t.ranges = append(t.ranges, struct{ lo, hi string }{lo, hi})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(ops); i += 2 {
				if ops[i].kind == tokString && ops[i+1].kind == tokString {
					t.m[ops[i].s] = utf16be(ops[i+1].s)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(ops); i += 3 {
				lo, hi, dst := ops[i], ops[i+1], ops[i+2]
				if lo.kind != tokString || hi.kind != tokString || len(lo.s) != len(hi.s) || len(lo.s) == 0 || len(lo.s) > 4 {
					continue
				}
				a, z := codeInt(lo.s), codeInt(hi.s)
				for c := a; c <= z && c-a < maxCMapEntries && len(t.m) < maxCMapEntries; c++ {
					key := codeStr(c, len(lo.s))
					switch dst.kind {
					case tokString:
						// the last UTF-16 unit goes up with the code
						d := []byte(dst.s)
						if len(d) >= 2 {
							v := (int(d[len(d)-2])<<8 | int(d[len(d)-1])) + (c - a)
							d[len(d)-2], d[len(d)-1] = byte(v>>8), byte(v)
						}
						t.m[key] = utf16be(string(d))
					case tokArray:
						if k := c - a; k < len(dst.arr) && dst.arr[k].kind == tokString {
							t.m[key] = utf16be(dst.arr[k].s)
						}
					}
				}
			}
		}
		ops = ops[:0]
	}
	return t
}

func codeInt(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v<<8 | int(s[i])
	}
	return v
}

func codeStr(v, n int) string {
	b := make([]byte, n)
	for i := n - 1; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
	return string(b)
}

// A content stream's tokens.
type tokKind int

const (
	tokNum tokKind = iota
	tokName
	tokString
	tokArray
	tokOp
	tokOther
)

type pdfTok struct {
	kind tokKind
	num  float64
	s    string
	arr  []pdfTok
}

// pdfLexer reads the tokens of a content stream or a CMap.
type pdfLexer struct {
	b []byte
	i int
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

func (l *pdfLexer) skipSpace() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isPDFSpace(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		return
	}
}

// next is the next token; false at the end. An array's elements are read
// into it (nested at most 32 deep); a dictionary is skipped.
func (l *pdfLexer) next() (pdfTok, bool) {
	return l.token(0)
}

func (l *pdfLexer) token(depth int) (pdfTok, bool) {
	l.skipSpace()
	if l.i >= len(l.b) {
		return pdfTok{}, false
	}
	c := l.b[l.i]
	switch {
	case c == '(':
		return pdfTok{kind: tokString, s: l.literal()}, true
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		l.skipDict(depth)
		return pdfTok{kind: tokOther}, true
	case c == '<':
		return pdfTok{kind: tokString, s: l.hex()}, true
	case c == '/':
		l.i++
		start := l.i
		for l.i < len(l.b) && !isPDFSpace(l.b[l.i]) && !isPDFDelim(l.b[l.i]) {
			l.i++
		}
		return pdfTok{kind: tokName, s: unescapeName(string(l.b[start:l.i]))}, true
	case c == '[':
		l.i++
		var arr []pdfTok
		for {
			l.skipSpace()
			if l.i >= len(l.b) {
				break
			}
			if l.b[l.i] == ']' {
				l.i++
				break
			}
			if depth > 32 {
				l.i++
				continue
			}
			t, ok := l.token(depth + 1)
			if !ok {
				break
			}
			if t.kind == tokOp {
				// an operator inside an array: a broken stream; end
				// the array here
				break
			}
			if len(arr) < maxPDFOperands {
				arr = append(arr, t)
			}
		}
		return pdfTok{kind: tokArray, arr: arr}, true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.i++
		return pdfTok{kind: tokOther}, true
	}
	start := l.i
	for l.i < len(l.b) && !isPDFSpace(l.b[l.i]) && !isPDFDelim(l.b[l.i]) {
		l.i++
	}
	w := string(l.b[start:l.i])
	if f, err := strconv.ParseFloat(w, 64); err == nil && (w[0] == '-' || w[0] == '+' || w[0] == '.' || (w[0] >= '0' && w[0] <= '9')) {
		if math.IsInf(f, 0) || math.IsNaN(f) {
			f = 0
		}
		return pdfTok{kind: tokNum, num: f}, true
	}
	if w == "BI" {
		l.skipInlineImage()
		return pdfTok{kind: tokOther}, true
	}
	return pdfTok{kind: tokOp, s: w}, true
}

func unescapeName(s string) string {
	if !strings.Contains(s, "#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (l *pdfLexer) skipDict(depth int) {
	for l.i < len(l.b) {
		l.skipSpace()
		if l.i+1 < len(l.b) && l.b[l.i] == '>' && l.b[l.i+1] == '>' {
			l.i += 2
			return
		}
		if depth > 32 {
			l.i++
			continue
		}
		if _, ok := l.token(depth + 1); !ok {
			return
		}
	}
}

// skipInlineImage skips BI … ID <binary> EI.
func (l *pdfLexer) skipInlineImage() {
	id := bytes.Index(l.b[l.i:], []byte("ID"))
	if id < 0 {
		l.i = len(l.b)
		return
	}
	l.i += id + 2
	for l.i < len(l.b) {
		k := bytes.Index(l.b[l.i:], []byte("EI"))
		if k < 0 {
			l.i = len(l.b)
			return
		}
		at := l.i + k
		l.i = at + 2
		if at > 0 && isPDFSpace(l.b[at-1]) && (l.i >= len(l.b) || isPDFSpace(l.b[l.i])) {
			return
		}
	}
}

func (l *pdfLexer) literal() string {
	l.i++ // (
	var b []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(b)
			}
		case '\\':
			if l.i >= len(l.b) {
				return string(b)
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		b = append(b, c)
	}
	return string(b)
}

func (l *pdfLexer) hex() string {
	l.i++ // <
	var b []byte
	hi := -1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		if c == '>' {
			break
		}
		v := unhexDigit(c)
		if v < 0 {
			continue
		}
		if hi < 0 {
			hi = v
		} else {
			b = append(b, byte(hi<<4|v))
			hi = -1
		}
	}
	if hi >= 0 {
		b = append(b, byte(hi<<4))
	}
	return string(b)
}

func unhexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// pdfLine is a line of a page: its runs joined left to right.
type pdfLine struct {
	page        int
	y, x, xEnd  float64
	size        float64
	text        string
	chrome      string
	no          int
	first, last int // its place among the page's lines
}

var (
	rePageNumber = regexp.MustCompile(`^(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*页\s*[,，、/]?\s*(?:共\s*[0-9０-９一二三四五六七八九十百]+\s*页)?|共\s*[0-9０-９]+\s*页\s*[,，]?\s*第\s*[0-9０-９]+\s*页|[-—–－─]\s*[0-9０-９]+\s*[-—–－─]|[0-9０-９]+\s*/\s*[0-9０-９]+|[0-9０-９]{1,4}|Page\s+\d+(?:\s+of\s+\d+)?)$`)
	reDigits     = regexp.MustCompile(`[0-9０-９]+`)
	rePoint      = regexp.MustCompile(`^(?:[一二三四五六七八九十]+是|首先|其次|再次|最后)`)
	// a line that starts a numbered item: never the rest of the line
	// before it
	reStartsItem = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+(?:[、)）]|[.．][^0-9０-９])|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十百0-9０-９]+(?:[条点项个部章节]|[,，、])|【|问题[0-9０-９一二三四五六七八九十]+)`)
	// reLabelStart: a line that starts with a field label (整改情况：, 责任单位：
	// …: the labels Assemble knows, whole), on the matching copy; never
	// the second half of one broken at the margin (整改 | 进展：)
	reLabelStart = labelAt(labelWords(FieldProblem, FieldStatus, FieldMeasures, FieldResponsible, FieldDeadline))
)

// pdfLines turns the runs into lines: by page, top to bottom, left to
// right; page furniture as chrome; lines broken by the page's width joined.
func pdfLines(runs []pdfRun, pages int) []SourceLine {
	sort.SliceStable(runs, func(i, j int) bool {
		if runs[i].page != runs[j].page {
			return runs[i].page < runs[j].page
		}
		return runs[i].y > runs[j].y
	})
	var lines []*pdfLine
	for i := 0; i < len(runs); {
		r := runs[i]
		tol := math.Max(r.size*0.4, 1)
		j := i + 1
		for j < len(runs) && runs[j].page == r.page && math.Abs(runs[j].y-r.y) <= tol {
			j++
		}
		lines = append(lines, joinRuns(runs[i:j]))
		i = j
	}
	// the lines' places on their pages, and the pages' right margins
	right := map[int]float64{}
	byPage := map[int][]*pdfLine{}
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		byPage[l.page] = append(byPage[l.page], l)
	}
	for _, ls := range byPage {
		for k, l := range ls {
			l.first, l.last = k, len(ls)-1-k
		}
	}
	// page furniture: a page number among a page's first or last lines;
	// a line repeated at the same place on every page
	type key struct {
		text string
		y    int
	}
	seen := map[key]map[int]bool{}
	for _, l := range lines {
		if l.first < 3 || l.last < 3 {
			k := key{reDigits.ReplaceAllString(strings.Join(strings.Fields(l.text), ""), "#"), int(math.Round(l.y / 3))}
			if seen[k] == nil {
				seen[k] = map[int]bool{}
			}
			seen[k][l.page] = true
		}
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if (l.first < 2 || l.last < 2) && rePageNumber.MatchString(t) {
			l.chrome = "page number"
			continue
		}
		if pages >= 2 && (l.first < 3 || l.last < 3) {
			k := key{reDigits.ReplaceAllString(strings.Join(strings.Fields(l.text), ""), "#"), int(math.Round(l.y / 3))}
			if len(seen[k]) >= pages {
				l.chrome = "page header or footer"
				continue
			}
		}
		right[l.page] = math.Max(right[l.page], l.xEnd)
	}
	fillMargins(right, lines, -1)
	// the pages' left margins, and whether the document starts its
	// paragraphs with an indent (公文 indent every paragraph two
	// characters): most lines after a short line are indented
	left := map[int]float64{}
	for _, l := range lines {
		if l.chrome == "" && strings.TrimSpace(l.text) != "" {
			if v, ok := left[l.page]; !ok || l.x < v {
				left[l.page] = l.x
			}
		}
	}
	fillMargins(left, lines, 1)
	indented := func(l *pdfLine) bool { return l.x > left[l.page]+0.8*math.Max(l.size, 1) }
	short := func(l *pdfLine) bool { return l.xEnd < right[l.page]-2*math.Max(l.size, 1) }
	after, afterIndented := 0, 0
	var last *pdfLine
	for _, l := range lines {
		if l.chrome != "" || strings.TrimSpace(l.text) == "" {
			continue
		}
		if last != nil && short(last) {
			after++
			if indented(l) {
				afterIndented++
			}
		}
		last = l
	}
	usesIndent := after >= 3 && afterIndented*10 >= after*6
	// continues: the line l goes on prev's paragraph when prev runs to
	// the right margin (a line that ends short ends its paragraph: a
	// title, a heading, a paragraph's last line), l does not start a
	// numbered item or a label, and, where the document indents its
	// paragraphs, l is not indented. Where prev is full and l is neither
	// an item nor indented, the line ends where the page ended, even after
	// a full stop (a sentence can end at the margin inside a paragraph).
	//
	// A page set ragged right (not justified) ends its lines up to a
	// word's width short of the margin ("2024年" goes to the next line
	// whole, and a line does not start with a comma): a line within 4.5
	// em of the margin goes on too, if it does not end a sentence.
	//
	// Where paragraphs are not indented, a sentence's end followed by 一是
	// 二是 … (the genre's enumerated points, often a paragraph each) ends
	// the paragraph too; so does one followed by the closing words or the
	// signature, indented or not.
	continues := func(prev, l *pdfLine, t string) bool {
		if reStartsItem.MatchString(t) || reLabelStart.MatchString(Normalise(t)) || (usesIndent && indented(l)) {
			return false
		}
		p := strings.TrimRight(strings.TrimSpace(prev.text), "”’」』）)")
		last, _ := utf8.DecodeLastRuneInString(p)
		ends := strings.ContainsRune("。；：！？;:!?", last)
		if !usesIndent && ends && rePoint.MatchString(t) {
			return false
		}
		// after a sentence's end, the notice's closing words to its
		// readers (如对…有意见建议, 监督电话:) and the signature (the
		// issuer, the date) start their own paragraphs, indented or not
		if n := Normalise(t); ends && (reClosing.MatchString(n) || issuerShaped(n) || reDateOnly.MatchString(n)) {
			return false
		}
		if !short(prev) {
			return true
		}
		return !ends && prev.xEnd >= right[prev.page]-4.5*math.Max(prev.size, 1)
	}
	// join the lines of a paragraph
	var out []SourceLine
	var pending []SourceLine // chrome met inside a paragraph
	var para *SourceLine
	var prev *pdfLine
	flush := func() {
		if para != nil {
			out = append(out, *para)
			para = nil
		}
		out = append(out, pending...)
		pending = nil
	}
	for i, l := range lines {
		l.no = i + 1
		t := strings.TrimSpace(l.text)
		if l.chrome != "" {
			pending = append(pending, SourceLine{No: l.no, Text: t, Chrome: l.chrome})
			if para == nil {
				flush()
			}
			continue
		}
		if t == "" {
			continue
		}
		if para != nil && prev != nil && continues(prev, l, t) {
			// Latin words broken at a line end take a space; Chinese
			// text and numbers do not
			a, _ := utf8.DecodeLastRuneInString(para.Text)
			b, _ := utf8.DecodeRuneInString(t)
			if isLatinLetter(a) && isLatinLetter(b) {
				para.Text += " "
			}
			para.Text += t
			prev = l
			continue
		}
		flush()
		para = &SourceLine{No: l.no, Text: t}
		prev = l
	}
	flush()
	return out
}

// fillMargins gives a page the document's margin where its own lines do
// not reach it: a page whose lines all end short (the last page: a few
// short lines, the contacts and the signature) or all start indented has
// its own margin inside the text's, and would join its short lines as if
// they ran to the margin. The document's margin is the median of the pages
// that have lines enough (5) to show theirs; a page's own margin stays where
// it is unless it is more than an em inside the document's (dir: -1 for the
// right margin, whose lines end short of it; 1 for the left).
func fillMargins(m map[int]float64, lines []*pdfLine, dir float64) {
	count := map[int]int{}
	var sizes []float64
	for _, l := range lines {
		if l.chrome == "" && strings.TrimSpace(l.text) != "" {
			count[l.page]++
			sizes = append(sizes, l.size)
		}
	}
	var full []float64
	for p, v := range m {
		if count[p] >= 5 {
			full = append(full, v)
		}
	}
	if len(full) == 0 || len(sizes) == 0 {
		return
	}
	sort.Float64s(full)
	sort.Float64s(sizes)
	doc, em := full[len(full)/2], math.Max(sizes[len(sizes)/2], 1)
	for p, v := range m {
		if (v-doc)*dir > em {
			m[p] = doc
		}
	}
}

func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// joinRuns is one line from its runs: left to right, a space where a gap
// between Latin letters or digits (or a wide gap) shows one; a run drawn
// twice at the same place (fake bold) once.
func joinRuns(rs []pdfRun) *pdfLine {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].x < rs[j].x })
	l := &pdfLine{page: rs[0].page, y: rs[0].y, x: rs[0].x, size: rs[0].size}
	var b strings.Builder
	var last *pdfRun
	for k := range rs {
		r := &rs[k]
		if last != nil && r.text == last.text && math.Abs(r.x-last.x) < 1 && math.Abs(r.y-last.y) < 1 {
			continue
		}
		if last != nil {
			gap := r.x - last.xEnd
			a, _ := utf8.DecodeLastRuneInString(last.text)
			c, _ := utf8.DecodeRuneInString(r.text)
			size := math.Max(r.size, 1)
			if !unicode.IsSpace(a) && !unicode.IsSpace(c) && (gap > 1.5*size || (gap > 0.2*size && a < 0x80 && c < 0x80)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.text)
		l.size = math.Max(l.size, r.size)
		l.xEnd = math.Max(l.xEnd, r.xEnd)
		last = r
	}
	l.text = b.String()
	return l
}
