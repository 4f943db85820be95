package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bombPart is a document.xml of n bytes that compresses to almost nothing:
// empty paragraphs.
func bombPart(n int) []byte {
	head := `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	var b bytes.Buffer
	b.WriteString(head)
	for b.Len() < n {
		b.WriteString("<w:p/>")
	}
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes()
}

// rawZip writes one part deflated at the best ratio, declaring the sizes
// given (declared < 0: the true ones).
func rawZip(t testing.TB, name string, body []byte, declared int64, level int) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, level)
	fw.Write(body)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(body),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(body))}
	if declared >= 0 {
		h.UncompressedSize64 = uint64(declared)
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A .docx that inflates far beyond its size is refused by the bounds
// (issue 19: a 183 KB .docx inflating to 60 MB took 12 s and 1.9 GB),
// whatever its headers declare, with one error.
func TestDocxBounds(t *testing.T) {
	manyParts := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>示例县</w:t></w:r></w:p></w:body></w:document>`))
		for i := 0; i < maxDocxParts; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("x/%d", i), Method: zip.Store})
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, c := range []struct {
		name    string
		data    []byte
		maxSize int // the file's size at most, 0: any
	}{
		{"a 15 KB bomb inflating to 10 MB", rawZip(t, "word/document.xml", bombPart(10<<20), -1, flate.BestCompression), 16 << 10},
		{"the same bomb, its header declaring 1 KB", rawZip(t, "word/document.xml", bombPart(10<<20), 1000, flate.BestCompression), 16 << 10},
		{"a bomb past the total (ratio within bounds)", rawZip(t, "word/document.xml", []byte(strings.Repeat("<w:p><w:r><w:t>示例县样本镇0001巡察整改</w:t></w:r></w:p>\n", 1)+noisyParas(maxDocxInflated+1<<20)), -1, flate.BestSpeed), 0},
		{"too many parts", manyParts(), 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.maxSize > 0 && len(c.data) > c.maxSize {
				t.Fatalf("the bomb is %d bytes, more than %d", len(c.data), c.maxSize)
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Decode("bomb.docx", c.data)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes: refused in %v, %.1f MB allocated: %v", len(c.data), took, float64(alloc)/1e6, err)
			if !errors.Is(err, ErrDocxTooLarge) {
				t.Fatalf("err = %v, want ErrDocxTooLarge", err)
			}
			if !strings.HasPrefix(err.Error(), "bomb.docx: ") {
				t.Errorf("the error does not name the file: %v", err)
			}
			if alloc > 100<<20 {
				t.Errorf("%d MB allocated to refuse it, want < 100 MB", alloc>>20)
			}
		})
	}
	// a real .docx stays well inside the bounds
	if _, err := Decode("ok.docx", docxOf(t, []string{"示例县样本镇0001"}, nil)); err != nil {
		t.Fatal(err)
	}
}

// noisyParas is n bytes of paragraphs that compress like real text (about
// 3:1), so only the total bound refuses them.
func noisyParas(n int) string {
	var b strings.Builder
	x := uint32(1)
	for b.Len() < n {
		b.WriteString("<w:p><w:r><w:t>")
		for i := 0; i < 40; i++ {
			x = x*1664525 + 1013904223
			b.WriteRune(rune(0x4e00 + x>>16%2000))
		}
		b.WriteString("</w:t></w:r></w:p>")
	}
	return b.String()
}
