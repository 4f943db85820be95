package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDocumentXML bounds the size of word/document.xml we are willing to
// inflate (a notice is a few hundred kilobytes at most).
const maxDocumentXML = 64 << 20

// decodeDocx reads the paragraphs (w:p) of word/document.xml, joining their
// runs' text (w:t). A line break (w:br) inside a paragraph starts a new line
// with the same paragraph number; tabs become '\t'. Deleted text (w:delText)
// is not text.
func decodeDocx(b []byte) ([]SourceLine, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("not a readable .docx (zip): %v", err)
	}
	var f *zip.File
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			f = zf
			break
		}
	}
	if f == nil {
		return nil, errors.New("a zip file without word/document.xml: not a .docx")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("word/document.xml: %v", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil {
		return nil, fmt.Errorf("word/document.xml: %v", err)
	}
	if len(data) > maxDocumentXML {
		return nil, fmt.Errorf("word/document.xml is larger than %d bytes", maxDocumentXML)
	}
	return docxParagraphs(data)
}

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxParagraphs reads the paragraphs of word/document.xml. A table
// (w:tbl) whose first rows hold a findings header (序号, 反馈问题, 整改措施,
// 整改情况 …) becomes one line per row, with its cells (a cell's paragraphs
// joined by "\n"), numbered by the row's first paragraph; any other table
// is read as its paragraphs.
func docxParagraphs(data []byte) ([]SourceLine, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		out    []SourceLine
		para   int
		inPara int
		inText bool
		cur    strings.Builder
		// the table being read (top level only)
		tblDepth  int
		tblParas  []SourceLine // its paragraphs, as plain lines
		rows      []SourceLine // its rows, as cell lines
		cells     []string
		cell      []string
		rowFirst  int
		cellDepth int
	)
	isW := func(n xml.Name, local string) bool {
		return n.Local == local && (n.Space == wordNS || n.Space == "" || n.Space == "w")
	}
	emit := func() {
		l := SourceLine{No: para, Text: cur.String()}
		cur.Reset()
		if tblDepth == 0 {
			out = append(out, l)
			return
		}
		tblParas = append(tblParas, l)
		if cellDepth > 0 {
			if rowFirst == 0 {
				rowFirst = l.No
			}
			if t := strings.TrimSpace(l.Text); t != "" {
				cell = append(cell, t)
			}
		}
	}
	endTable := func() {
		header := false
		for i, r := range rows {
			if i >= 3 {
				break
			}
			if IsTableHeader(r.Cells) {
				header = true
				break
			}
		}
		if header {
			out = append(out, rows...)
		} else {
			out = append(out, tblParas...)
		}
		tblParas, rows = nil, nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, fmt.Errorf("word/document.xml: line %d: %v", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case isW(t.Name, "tbl"):
				tblDepth++
			case isW(t.Name, "tr") && tblDepth == 1:
				cells, rowFirst = nil, 0
			case isW(t.Name, "tc") && tblDepth == 1:
				cellDepth++
				cell = nil
			case isW(t.Name, "p"):
				if inPara == 0 {
					para++
					cur.Reset()
				}
				inPara++
			case isW(t.Name, "t"):
				inText = true
			case isW(t.Name, "tab") && inPara > 0:
				cur.WriteByte('\t')
			case (isW(t.Name, "br") || isW(t.Name, "cr")) && inPara > 0:
				emit()
			}
		case xml.EndElement:
			switch {
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
				cells = append(cells, strings.Join(cell, "\n"))
			case isW(t.Name, "tr") && tblDepth == 1:
				if rowFirst > 0 {
					rows = append(rows, SourceLine{No: rowFirst, Text: strings.Join(cells, "\t"), Cells: cells})
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
