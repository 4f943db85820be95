package importer

import (
	"bytes"
	"github.com/gongshi/gongshi/internal/i18n"
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
	FormatPDF  Format = "pdf"
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
// FormatName is the document's format, printed in the reader's language.
func (d *Document) FormatName() *i18n.Error {
	switch d.Format {
	case FormatText:
		return i18n.Msg("text")
	case FormatHTML:
		return i18n.Msg("html")
	case FormatDocx:
		return i18n.Msg("docx")
	case FormatPDF:
		return i18n.Msg("pdf")
	}
	return i18n.Msg("%s", string(d.Format))
}

// EncodingName is the document's encoding (or how its text was had),
// printed in the reader's language.
func (d *Document) EncodingName() *i18n.Error {
	switch d.Encoding {
	case "converted to .docx by LibreOffice":
		return i18n.Msg("converted to .docx by LibreOffice")
	case "text layer":
		return i18n.Msg("text layer")
	}
	return i18n.Msg("%s", d.Encoding)
}

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
// word/document.xml), PDF (its text layer), old Word, WPS and RTF files
// (through LibreOffice, as .docx), HTML (by extension or content) and plain
// text, and decodes UTF-8 (with or without BOM), UTF-16 (with a BOM, or
// without one where it is plain), or else GB18030 (which holds GBK).
func Decode(name string, b []byte) (*Document, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0")) || bytes.HasPrefix(b, []byte("{\\rtf")):
		// an old Word .doc or a WPS .wps (OLE compound files), or RTF:
		// LibreOffice makes a .docx of it
		docx, err := convertLegacy(name, b)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		lines, err := decodeDocx(docx)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatDocx, Encoding: "converted to .docx by LibreOffice", Lines: lines}, nil
	case bytes.HasPrefix(b, []byte("%PDF")):
		lines, err := decodePDF(b)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatPDF, Encoding: "text layer", Lines: lines}, nil
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) || strings.EqualFold(filepath.Ext(name), ".docx"):
		lines, err := decodeDocx(b)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatDocx, Encoding: "UTF-8", Lines: lines}, nil
	case looksLikeHTML(name, b):
		s, enc, err := decodeHTMLBytes(b)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		lines, err := extractHTML(s)
		if err != nil {
			return nil, i18n.Errorf("%s: %w", name, err)
		}
		return &Document{Name: name, Format: FormatHTML, Encoding: enc, Lines: lines}, nil
	}
	s, enc, err := decodeText(b)
	if err != nil {
		return nil, i18n.Errorf("%s: %w", name, err)
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
			return "", "", i18n.Errorf("line %d: starts with a UTF-8 byte order mark but is not UTF-8", badUTF8Line(b))
		}
		return string(b), "UTF-8", nil
	case bytes.HasPrefix(b, []byte("\xFF\xFE")) || bytes.HasPrefix(b, []byte("\xFE\xFF")):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", "", i18n.Errorf("not valid UTF-16: %v", err)
		}
		return strings.ToValidUTF8(string(out), "\uFFFD"), "UTF-16", nil
	case utf8.Valid(b):
		return string(b), "UTF-8", nil
	}
	if s, enc, ok := utf16NoBOM(b); ok {
		return s, enc, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", "", i18n.Errorf("line %d: neither UTF-8 nor GB18030: %v", badUTF8Line(b), err)
	}
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		u, g := badUTF8Line(b), 1+bytes.Count(out[:i], []byte("\n"))
		if u == g {
			return "", "", i18n.Errorf("line %d: neither UTF-8 nor GB18030", u)
		}
		return "", "", i18n.Errorf("line %d: neither UTF-8 nor GB18030 (as UTF-8 it breaks at line %d, as GB18030 at line %d)", u, u, g)
	}
	return string(out), "GB18030", nil
}

// utf16NoBOM recognises UTF-16 text written without a byte order mark
// (Notepad's "Unicode" and some exports): UTF-8 and GB18030 text never
// holds a NUL byte, UTF-16 text does in every ASCII character (line ends,
// digits, half-width punctuation), high bytes that are NUL: mostly on odd
// bytes (little-endian) or mostly on even ones (big-endian; a Chinese
// character like 一 U+4E00 has a NUL low byte). It is taken only when the text read that way
// is plausible: nearly all of it Chinese, ASCII or the punctuation of
// Chinese text, with no unpaired surrogates.
func utf16NoBOM(b []byte) (string, string, bool) {
	if len(b) < 4 || len(b)%2 != 0 {
		return "", "", false
	}
	even, odd := 0, 0
	for i, c := range b {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	var order unicode.Endianness
	var name string
	switch {
	case odd > 0 && even*3 <= odd:
		order, name = unicode.LittleEndian, "UTF-16LE"
	case even > 0 && odd*3 <= even:
		order, name = unicode.BigEndian, "UTF-16BE"
	default:
		return "", "", false
	}
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return "", "", false
	}
	total, plausible := 0, 0
	for _, r := range string(out) {
		total++
		switch {
		case r == utf8.RuneError:
		case r == '\n' || r == '\r' || r == '\t' || (r >= 0x20 && r < 0x7f):
			plausible++
		case r >= 0x2000 && r <= 0x206f, r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef, r >= 0x2460 && r <= 0x24ff, r >= 0x3200 && r <= 0x32ff:
			plausible++
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf:
			plausible++
		}
	}
	if total == 0 || plausible*100 < total*95 {
		return "", "", false
	}
	return string(out), name, true
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
