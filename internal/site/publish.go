package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// publishedCorpus is the one place where the data becomes what the site
// publishes: every notice is replaced by its masked copy (notice.Masked:
// [[redact]] texts masked, a withdrawn notice reduced to what names it)
// before anything — model, pages, feeds, downloads, search index, the
// published data file and original — derives from it. dataPaths maps each
// masked copy to its data file.
func publishedCorpus(files []*store.File) (*notice.Corpus, map[*notice.Notice]string) {
	paths := make(map[*notice.Notice]string, len(files))
	ns := make([]*notice.Notice, len(files))
	for i, f := range files {
		ns[i] = f.Notice.Masked()
		paths[ns[i]] = f.Path
	}
	return notice.NewCorpus(ns), paths
}

// Correction is one line of a notice's 更正记录.
type Correction struct {
	Date     notice.Date `json:"date"`
	DateText string      `json:"date_text"`
	Change   string      `json:"change"`
	Reason   string      `json:"reason"`
}

func corrections(n *notice.Notice) []Correction {
	out := []Correction{}
	for _, r := range n.Revisions {
		out = append(out, Correction{Date: r.Date, DateText: dateText(r.Date), Change: r.Change, Reason: r.Reason})
	}
	return out
}

// originalWithheld reports whether a notice's original is not published:
// a .docx whose text has masked words (the masking works on text, and a
// .docx keeps its text in compressed XML, where a name may be split across
// runs), or a withdrawn notice's.
func originalWithheld(n *notice.Notice) bool {
	return len(n.Redacted()) > 0 && strings.EqualFold(filepath.Ext(n.Original), ".docx")
}

// publishMasked writes src to the site URL u under out with n's redactions
// masked (a text not in UTF-8 is written as UTF-8 first), refuses when a
// masked text could still be read in it (split by a line break, an HTML
// tag or entity), and sums what it wrote.
func publishMasked(out, src, u string, n *notice.Notice) (*ManifestFile, error) {
	rs := n.Redacted()
	if len(rs) == 0 {
		return publishFile(out, src, u)
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	b = n.MaskSource(toUTF8(b))
	if left := readable(b, rs); left != "" {
		return nil, fmt.Errorf("%s: the masked text %q can still be read in it (split across lines or HTML tags): mask it in the file too, or add a [[redact]] for each part", src, left)
	}
	dst := filepath.Join(out, filepath.FromSlash(u))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		return nil, err
	}
	h := sha256.Sum256(b)
	return &ManifestFile{URL: u, SHA256: hex.EncodeToString(h[:]), Bytes: int64(len(b))}, nil
}

// toUTF8 decodes UTF-16 with a BOM and GB18030 to UTF-8 (as the importer
// reads them); UTF-8 is returned as it is.
func toUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		if d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b); err == nil {
			return d
		}
	}
	if d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil {
		return d
	}
	return b
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// readable is a redacted text that can still be read in b once tags,
// entities and white space are taken out, or "".
func readable(b []byte, rs []notice.Redaction) string {
	s := html.UnescapeString(tagRE.ReplaceAllString(string(b), ""))
	s = strings.Join(strings.Fields(s), "")
	for _, r := range rs {
		if t := strings.Join(strings.Fields(r.Text), ""); t != "" && strings.Contains(s, t) {
			return r.Text
		}
	}
	return ""
}
