package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Format is the kind of file a notice came in.
type Format string

const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatDocx Format = "docx"
)

// SourceLine is one line of the decoded notice, before classification.
type SourceLine struct {
	// No is where the line is in the input: the line number for text and
	// HTML (the line of the HTML source where the block's text starts), the
	// paragraph number for .docx.
	No int
	// Text is the line as written, without its line ending.
	Text string
	// Chrome, when not empty, says why the decoder already knows the line is
	// not part of the notice (an HTML block outside the article, a share
	// bar …).
	Chrome string
	// Cells are the cells of a table row, as written (Text is them joined
	// by tabs); nil for a paragraph.
	Cells []string
}

// Document is a decoded input: its format, character encoding and lines.
type Document struct {
	Name     string
	Format   Format
	Encoding string // UTF-8, GB18030, UTF-16 …
	Lines    []SourceLine
}

// Unit is what the document's line numbers count: "line" or "paragraph".
func (d *Document) Unit() string {
	if d.Format == FormatDocx {
		return "paragraph"
	}
	return "line"
}

// CountUnit is what the document's Lines are: lines of a text file, text
// blocks of an HTML page (numbered by their source line), paragraphs of a
// .docx.
func (d *Document) CountUnit() string {
	switch d.Format {
	case FormatHTML:
		return "text block"
	case FormatDocx:
		return "paragraph"
	}
	return "line"
}

// Decode is the first stage: bytes → lines. It recognises .docx (a zip with
// word/document.xml), HTML (by extension or content) and plain text, and
// decodes UTF-8 (with or without BOM), UTF-16 with BOM, or else GB18030.
func Decode(name string, b []byte) (*Document, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0")):
		return nil, fmt.Errorf("%s: an old Word .doc (or other OLE) file, which gongshi cannot read: save it as .docx or plain text", name)
	case bytes.HasPrefix(b, []byte("%PDF")):
		return nil, fmt.Errorf("%s: a PDF, which gongshi cannot read: copy its text into a .txt file", name)
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || strings.EqualFold(filepath.Ext(name), ".docx"):
		lines, err := decodeDocx(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatDocx, Encoding: "UTF-8", Lines: lines}, nil
	case looksLikeHTML(name, b):
		s, enc, err := decodeHTMLBytes(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lines, err := extractHTML(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatHTML, Encoding: enc, Lines: lines}, nil
	}
	s, enc, err := decodeText(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Document{Name: name, Format: FormatText, Encoding: enc, Lines: splitLines(s)}, nil
}

// decodeText decodes plain text: UTF-8 (BOM dropped), UTF-16 with a BOM, or
// GB18030 (which includes GBK and GB2312).
func decodeText(b []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b = b[3:]
		if !utf8.Valid(b) {
			return "", "", fmt.Errorf("line %d: starts with a UTF-8 byte order mark but is not UTF-8", badUTF8Line(b))
		}
		return string(b), "UTF-8", nil
	case bytes.HasPrefix(b, []byte("\xFF\xFE")) || bytes.HasPrefix(b, []byte("\xFE\xFF")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", "", fmt.Errorf("not valid UTF-16: %v", err)
		}
		return strings.ToValidUTF8(string(out), "\uFFFD"), "UTF-16", nil
	case utf8.Valid(b):
		return string(b), "UTF-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", fmt.Errorf("line %d: neither UTF-8 nor GB18030: %v", badUTF8Line(b), err)
	}
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		u, g := badUTF8Line(b), 1+bytes.Count(out[:i], []byte("\n"))
		if u == g {
			return "", "", fmt.Errorf("line %d: neither UTF-8 nor GB18030", u)
		}
		return "", "", fmt.Errorf("line %d: neither UTF-8 nor GB18030 (as UTF-8 it breaks at line %d, as GB18030 at line %d)", u, u, g)
	}
	return string(out), "GB18030", nil
}

// badUTF8Line is the line of the first byte that is not UTF-8.
func badUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}

// splitLines splits on \n, \r\n and \r (and U+2028/U+2029), numbering from 1.
// A final empty line after the last line ending is not a line.
func splitLines(s string) []SourceLine {
	var out []SourceLine
	no := 1
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := -1
		next := i + size
		switch r {
		case '\n', '\u2028', '\u2029':
			end = i
		case '\r':
			end = i
			if next < len(s) && s[next] == '\n' {
				next++
			}
		}
		if end >= 0 {
			out = append(out, SourceLine{No: no, Text: s[start:end]})
			no++
			start = next
		}
		i = next
	}
	if start < len(s) {
		out = append(out, SourceLine{No: no, Text: s[start:]})
	}
	return out
}
