// Package i18n makes gongshi speak the editor's language: Chinese under a
// Chinese locale (LC_ALL, LC_MESSAGES or LANG, the first set, naming zh…),
// English otherwise; the search API speaks the language its request asks
// for (AcceptChinese).
//
// A message is built in the reader's language (message.go): the code
// makes it from its key, an English format, and its arguments (Msg,
// Errorf), and a printer of the reader's language (NewPrinter; a nil
// printer is English) prints it where it is shown (Localize, Sprintf,
// Fprintf), its arguments that are messages, errors or Localizers printed
// in the same language. Every key has an entry in the catalog, English and
// Chinese side by side: Catalog (catalog.go and each area's
// catalog_*.go), Terms (names a message takes as an argument) and Plurals
// (a message whose English words agree with its numbers). Numbers print
// as fmt prints them (2024, not 2,024).
package i18n

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Entry is one message in both languages.
type Entry struct{ En, Zh string }

// Chinese reports whether the environment asks for Chinese: the first of
// LC_ALL, LC_MESSAGES and LANG that is set names a zh locale (zh_CN.UTF-8,
// zh_TW, zh).
func Chinese(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		v, _, _ = strings.Cut(v, ".")
		v, _, _ = strings.Cut(v, "@")
		t, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
		if err != nil {
			return false
		}
		base, _ := t.Base()
		return base.String() == "zh"
	}
	return false
}

var (
	once    sync.Once
	plurals map[string]bool // the Plurals' keys
	printer *message.Printer
	builder *catalog.Builder
)

func load() {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	builder = b
	for _, e := range Catalog {
		b.SetString(language.English, e.En, e.En)
		// A tab in a format is a column of a table: a command prints it
		// through text/tabwriter.
		b.SetString(language.Chinese, e.En, e.Zh)
	}
	for _, e := range Terms {
		b.SetString(language.English, e.En, e.En)
		b.SetString(language.Chinese, e.En, e.Zh)
	}
	plurals = map[string]bool{}
	for _, e := range Plurals {
		plurals[e.Key] = true
		if err := setPlural(b, e); err != nil {
			panic(err) // TestCatalog
		}
	}
	printer = message.NewPrinter(language.Chinese, message.Catalog(b))
	english = message.NewPrinter(language.English, message.Catalog(b))
}
