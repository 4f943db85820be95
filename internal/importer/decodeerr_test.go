package importer

import (
	"testing"
	"unicode"

	"github.com/gongshi/gongshi/internal/i18n"
)

// The decoders' errors as the commands print them (the file, then the
// error) have their Chinese in the catalog.
func TestDecoderErrorsInChinese(t *testing.T) {
	for _, err := range []error{ErrDocxTooLarge, ErrScannedPDF, ErrPDFNoUnicode, ErrNoLibreOffice} {
		line := err.Error()
		zh := i18n.Localize(i18n.NewPrinter(true), err)
		han := 0
		for _, r := range zh {
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
		if zh == line || han < 10 {
			t.Errorf("no Chinese for %q", line)
		}
	}
}
