package review

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n/i18ntest"
)

var (
	styleOrScript = regexp.MustCompile(`(?s)<(style|script)[^>]*>.*?</(style|script)>`)
	tag           = regexp.MustCompile(`(?s)<[^>]*>`)
)

// pageText is what a reader of page sees: its text, without markup.
func pageText(page string) string {
	return html.UnescapeString(tag.ReplaceAllString(styleOrScript.ReplaceAllString(page, " "), " "))
}

// No English on the review pages an editor meets: a notice the importer
// cannot read (its reason, the role names, the fields), one refused for
// its missing region and title, and the index.
func TestReviewPagesInChinese(t *testing.T) {
	root, _ := filepath.Abs("../..")
	h := New(root, t.TempDir())
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(root, "internal", "importer", "testdata", "layouts", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	_, index := get(t, h, "/review/")
	// sample-a corrected (its three findings marked, one status set): the
	// whole correction view, with its fields form and the finding rows
	corrected := upload(t, h, "sample-a.txt", read("sample-a.txt"), "region", sampleRegion)
	tok := heldToken(t, corrected)
	for _, line := range []string{"6", "8", "10"} {
		corrected = correct(t, h, tok, "op", "role", "line", line, "role", "finding")
	}
	corrected = correct(t, h, tok, "op", "status", "line", "10", "status", "in_progress")
	for name, page := range map[string]string{
		"index":              index,
		"sample-a corrected": corrected,
		"sample-a (misread)": upload(t, h, "sample-a.txt", read("sample-a.txt"), "region", "示例省/示例市/示例县/样本镇"),
		"sample-b (refused)": upload(t, h, "sample-b.txt", read("sample-b.txt")),
	} {
		// names, not sentences: the command, the config file, a flag with
		// its value (the same message serves the command line), a file suffix
		text := strings.NewReplacer("gongshi serve", "", "config.toml", "", "--unit-kind region", "", ".edits.toml", "").Replace(pageText(page))
		if en := i18ntest.English(text, "sample-a", "sample-b", "txt", "toml", "gongshi"); len(en) > 0 {
			t.Errorf("%s: English on the page: %q", name, en)
		}
	}
}
