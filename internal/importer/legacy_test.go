package importer

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// requireTools: CI sets GONGSHI_REQUIRE_BROWSER=1 (.ci/run), and then a
// test that needs an installed program fails instead of skipping.
func requireTools() bool { return os.Getenv("GONGSHI_REQUIRE_BROWSER") == "1" }

// An old Word .doc is read through LibreOffice: the test writes a .docx (a
// findings table, Word list numbering), has LibreOffice save it as .doc,
// and imports the .doc.
func TestLegacyDoc(t *testing.T) {
	bin := lookSoffice()
	if bin == "" {
		if requireTools() {
			t.Fatal("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() && !requireTools() {
		t.Skip("-short: two LibreOffice conversions take 10–30 s")
	}
	want := seedFindings(t)
	l := layouts[0]
	text := l.text(want)
	dir := t.TempDir()
	src := filepath.Join(dir, "notice.docx")
	if err := os.WriteFile(src, wordNumbered(t, text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "doc:MS Word 97", "--outdir", dir, src)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to doc: %v\n%s", err, out)
	}
	doc, err := os.ReadFile(filepath.Join(dir, "notice.doc"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(doc), "\xD0\xCF\x11\xE0") {
		t.Fatalf("not an OLE .doc: % x", doc[:8])
	}
	r, err := Parse("notice.doc", doc)
	if err != nil {
		t.Fatal(err)
	}
	if r.Document.Format != FormatDocx || !strings.Contains(r.Document.Encoding, "LibreOffice") {
		t.Errorf("format %s, %s", r.Document.Format, r.Document.Encoding)
	}
	checkLayout(t, l, r.Notice.Findings, want)
}

func TestLegacyWithoutLibreOffice(t *testing.T) {
	defer func(f func() string) { lookSoffice = f }(lookSoffice)
	lookSoffice = func() string { return "" }
	for _, c := range []struct{ name, data string }{
		{"a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"},
		{"a.wps", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"},
		{"a.rtf", "{\\rtf1\\ansi 示例县}"},
	} {
		_, err := Parse(c.name, []byte(c.data))
		if !errors.Is(err, ErrNoLibreOffice) || !strings.Contains(err.Error(), "libreoffice-writer-nogui") || !strings.HasPrefix(err.Error(), c.name+": ") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestUTF16WithoutBOM(t *testing.T) {
	text := "中共样本镇委员会关于巡察整改进展情况的通报\r\n一、组织落实整改情况\r\n1.学习不深入。整改情况:已整改。\r\n"
	for _, c := range []struct {
		enc  string
		data []byte
	}{
		{"UTF-16LE", utf16Bytes(text, false)},
		{"UTF-16BE", utf16Bytes(text, true)},
	} {
		s, enc, err := decodeText(c.data)
		if err != nil || enc != c.enc || s != text {
			t.Errorf("%s: %q %s %v", c.enc, s, enc, err)
		}
	}
	// GB18030 text is not taken for UTF-16 (it has no NUL bytes)
	if _, enc, err := decodeText([]byte("\xd6\xd0\xb9\xb2\xd1\xf9\xb1\xbe\xd5\xf2\r\n")); err != nil || enc != "GB18030" {
		t.Errorf("GB18030: %s %v", enc, err)
	}
	// nor binary with NULs that does not read as text
	if _, enc, _ := decodeText([]byte("\x00\x01\x02\x03\x00\xff\xfe\x00")); enc == "UTF-16LE" || enc == "UTF-16BE" {
		t.Errorf("binary read as %s", enc)
	}
}

func utf16Bytes(s string, big bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}
