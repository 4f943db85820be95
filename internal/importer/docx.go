package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"github.com/gongshi/gongshi/internal/i18n"
	"hash/crc32"
	"io"
	"strings"
)

// The bounds of a .docx (issue 19): a zip is small on disk and can inflate
// to anything. The parts read are inflated through a counting reader, so
// the limits hold whatever the zip's headers declare:
//
//   - maxDocxParts entries in the zip (a document has a few dozen; a
//     notice with scanned seals a few hundred);
//   - maxDocxInflated bytes inflated over all the parts read
//     (document.xml, numbering.xml, styles.xml: a notice's are a few
//     hundred kilobytes);
//   - past the first docxRatioFree bytes of a part, at most maxDocxRatio
//     times the compressed bytes read so far (Word's XML compresses about
//     10:1; a zip bomb 1,000:1);
//   - maxDocxLines paragraphs and table rows.
const (
	maxDocxParts    = 2000
	maxDocxInflated = 32 << 20
	maxDocxRatio    = 100
	docxRatioFree   = 1 << 20
	maxDocxLines    = 200000
)

// ErrDocxTooLarge is the one error of a .docx refused by the bounds above,
// as gongshi import and the review page both show it (Decode wraps it with
// the file's name: errors.Is finds it).
var ErrDocxTooLarge = i18n.Errorf("the .docx is larger inside than gongshi reads (at most 2000 parts, 32 MiB of text, 100 times its compressed size): refused as a possible zip bomb; open it in Word or WPS and save it again, or save it as plain text")

// docxParts reads the parts of a .docx that the decoder needs, within the
// bounds. A missing optional part is nil.
type docxReader struct {
	files    map[string]*zip.File
	inflated int64
}

func openDocx(b []byte) (*docxReader, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, i18n.Errorf("not a readable .docx (zip): %v", err)
	}
	if len(zr.File) > maxDocxParts {
		return nil, ErrDocxTooLarge
	}
	d := &docxReader{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if _, dup := d.files[f.Name]; !dup {
			d.files[f.Name] = f
		}
	}
	return d, nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// read inflates one part within the bounds; nil, nil when it is absent.
func (d *docxReader) read(name string) ([]byte, error) {
	f := d.files[name]
	if f == nil {
		return nil, nil
	}
	raw, err := f.OpenRaw()
	if err != nil {
		return nil, i18n.Errorf("%s: %v", name, err)
	}
	in := &countingReader{r: raw}
	var r io.Reader
	switch f.Method {
	case zip.Store:
		r = in
	case zip.Deflate:
		fr := flate.NewReader(in)
		defer fr.Close()
		r = fr
	default:
		return nil, i18n.Errorf("%s: compression method %d, which a .docx does not use", name, f.Method)
	}
	var out bytes.Buffer
	buf := make([]byte, 32<<10)
	crc := crc32.NewIEEE()
	for {
		n, err := r.Read(buf)
		if n > 0 {
			d.inflated += int64(n)
			if d.inflated > maxDocxInflated {
				return nil, ErrDocxTooLarge
			}
			if o := int64(out.Len() + n); o > docxRatioFree && o > maxDocxRatio*max(in.n, 1) {
				return nil, ErrDocxTooLarge
			}
			out.Write(buf[:n])
			crc.Write(buf[:n])
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, i18n.Errorf("%s: %v", name, err)
		}
	}
	if f.CRC32 != 0 && crc.Sum32() != f.CRC32 {
		return nil, i18n.Errorf("%s: %v", name, zip.ErrChecksum)
	}
	return out.Bytes(), nil
}

// decodeDocx reads the paragraphs of word/document.xml, with the list
// numbers of word/numbering.xml (and the paragraph styles' numbering of
// word/styles.xml) put before them as Word shows them.
func decodeDocx(b []byte) ([]SourceLine, error) {
	d, err := openDocx(b)
	if err != nil {
		return nil, err
	}
	if d.files["word/document.xml"] == nil {
		return nil, i18n.Errorf("a zip file without word/document.xml: not a .docx")
	}
	data, err := d.read("word/document.xml")
	if err != nil {
		return nil, err
	}
	numXML, err := d.read("word/numbering.xml")
	if err != nil {
		return nil, err
	}
	var stylesXML []byte
	if numXML != nil {
		// styles matter only for their numbering
		if stylesXML, err = d.read("word/styles.xml"); err != nil {
			return nil, err
		}
	}
	nb, err := parseNumbering(numXML, stylesXML)
	if err != nil {
		return nil, err
	}
	return docxParagraphsWith(data, nb)
}

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxParagraphs reads the paragraphs of word/document.xml without
// numbering definitions.
func docxParagraphs(data []byte) ([]SourceLine, error) {
	return docxParagraphsWith(data, nil)
}

// docxParagraphsWith reads the paragraphs (w:p) of word/document.xml,
// joining their runs' text (w:t). A line break (w:br) inside a paragraph
// starts a new line with the same paragraph number; tabs become '\t'.
// Deleted text (w:delText) is not text. A numbered paragraph starts with
// its label as Word shows it.
//
// A table (w:tbl) is laid out by the table model (placeGrid: gridSpan
// across, vMerge down); one whose first rows hold a findings header (序号,
// 反馈问题, 整改措施, 整改情况 …) becomes one line per row, with its cells (a
// cell's paragraphs joined by "\n"), numbered by the row's first paragraph;
// any other table is read as its paragraphs.
func docxParagraphsWith(data []byte, nb *numbering) ([]SourceLine, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		out    []SourceLine
		para   int
		inPara int
		inText bool
		cur    strings.Builder
		// the paragraph's properties (top-level paragraph only)
		inPPr   int
		inChg   int // inside a w:pPrChange: a revision's old properties
		pn      paraNum
		labeled bool
		// the table being read (top level only)
		tblDepth  int
		tblParas  []SourceLine // its paragraphs, as plain lines
		rows      [][]gridCell // its rows' cells
		rowFirst  []int        // each row's first paragraph
		rowHead   []bool       // each row marked as a header (w:tblHeader)
		cell      []string
		gcell     gridCell
		cellDepth int
		count     int
	)
	isW := func(n xml.Name, local string) bool {
		return n.Local == local && (n.Space == wordNS || n.Space == "" || n.Space == "w")
	}
	emit := func() {
		l := SourceLine{No: para, Text: cur.String()}
		cur.Reset()
		count++
		if tblDepth == 0 {
			out = append(out, l)
			return
		}
		tblParas = append(tblParas, l)
		if cellDepth > 0 && len(rows) > 0 {
			if rowFirst[len(rowFirst)-1] == 0 {
				rowFirst[len(rowFirst)-1] = l.No
			}
			if t := strings.TrimSpace(l.Text); t != "" {
				cell = append(cell, t)
			}
		}
	}
	label := func() {
		if !labeled && inPara == 1 {
			labeled = true
			if s := nb.label(pn); s != "" && cur.Len() == 0 {
				cur.WriteString(s)
			}
		}
	}
	endTable := func() {
		grid := placeGrid(rows)
		if h := findingsHeader(grid, rowHead); h >= 0 {
			mergeHeader(grid, h, rowHead)
			for i, r := range grid {
				if rowFirst[i] > 0 {
					out = append(out, SourceLine{No: rowFirst[i], Text: strings.Join(r.cells, "\t"), Cells: r.cells})
				}
			}
		} else {
			out = append(out, tblParas...)
		}
		tblParas, rows, rowFirst, rowHead = nil, nil, nil, nil
	}
	for {
		if count > maxDocxLines {
			return nil, ErrDocxTooLarge
		}
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, i18n.Errorf("word/document.xml: line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(t.Name, "tbl"):
				tblDepth++
			case isW(t.Name, "tr") && tblDepth == 1:
				rows, rowFirst, rowHead = append(rows, nil), append(rowFirst, 0), append(rowHead, false)
			case isW(t.Name, "tblHeader") && tblDepth == 1 && cellDepth == 0 && len(rowHead) > 0:
				v, ok := attrVal(t)
				rowHead[len(rowHead)-1] = !ok || v == "1" || v == "true" || v == "on"
			case isW(t.Name, "gridBefore") && tblDepth == 1 && cellDepth == 0 && len(rows) > 0:
				v, _ := attrVal(t)
				if n := atoiOr(v, 0); n > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], gridCell{colspan: n, rowspan: 1})
				}
			case isW(t.Name, "tc") && tblDepth == 1:
				cellDepth++
				cell, gcell = nil, gridCell{colspan: 1, rowspan: 1}
			case isW(t.Name, "gridSpan") && tblDepth == 1 && cellDepth == 1:
				v, _ := attrVal(t)
				gcell.colspan = atoiOr(v, 1)
			case isW(t.Name, "vMerge") && tblDepth == 1 && cellDepth == 1:
				// restart begins a merged cell; an empty val or continue
				// goes on with the one above
				v, _ := attrVal(t)
				gcell.cont = v != "restart"
			case isW(t.Name, "p"):
				if inPara == 0 {
					para++
					cur.Reset()
					pn, labeled = paraNum{}, false
				}
				inPara++
			case isW(t.Name, "pPr") && inPara == 1:
				inPPr++
			case isW(t.Name, "pPrChange") && inPPr > 0:
				inChg++
			case isW(t.Name, "pStyle") && inPPr > 0 && inChg == 0:
				pn.style, _ = attrVal(t)
			case isW(t.Name, "numId") && inPPr > 0 && inChg == 0:
				pn.numID, _ = attrVal(t)
				pn.hasNumID = true
			case isW(t.Name, "ilvl") && inPPr > 0 && inChg == 0:
				pn.ilvl, _ = attrVal(t)
			case isW(t.Name, "t"):
				label()
				inText = true
			case isW(t.Name, "tab") && inPara > 0 && inPPr == 0:
				label()
				cur.WriteByte('\t')
			case (isW(t.Name, "br") || isW(t.Name, "cr")) && inPara > 0:
				label()
				emit()
			}
		case xml.EndElement:
			switch {
			case isW(t.Name, "pPrChange") && inChg > 0:
				inChg--
			case isW(t.Name, "pPr") && inPPr > 0 && inPara == 1:
				inPPr--
				if inPPr == 0 {
					label()
				}
			case isW(t.Name, "p"):
				inPara--
				if inPara == 0 {
					emit()
				}
				if inPara < 0 {
					inPara = 0
				}
			case isW(t.Name, "t"):
				inText = false
			case isW(t.Name, "tc") && tblDepth == 1 && cellDepth > 0:
				cellDepth--
				gcell.text = strings.Join(cell, "\n")
				if len(rows) > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], gcell)
				}
			case isW(t.Name, "tbl") && tblDepth > 0:
				tblDepth--
				if tblDepth == 0 {
					endTable()
				}
			}
		case xml.CharData:
			if inText && inPara > 0 {
				cur.Write(t)
			}
		}
	}
	if tblDepth > 0 {
		endTable()
	}
	return out, nil
}
