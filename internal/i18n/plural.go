package i18n

import (
	"fmt"
	"regexp"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Plural is a message whose English words agree with its numbers
// ("1 problem in 1 of 3 files", "2 problems in 1 of 3 files"): one
// catalog entry, where the English used to need one row per combination.
// Key is the English with every such word in its plural form (the key the
// code prints with); each Word names one of them, the argument it agrees
// with and its singular. The Chinese has no plural: Zh is one format.
type Plural struct {
	Key, Zh string
	Words   []Word
}

// Word is a word of a Plural's key (Many, as written there) that is One
// when argument Arg (from 1) is 1.
type Word struct {
	Arg       int
	One, Many string
}

// Plurals is every plural message. TestCatalog holds them to the same
// rules as Catalog; a key is never in both.
var Plurals = []Plural{
	{"%d problems in %d of %d files under %s", "%[4]s 下 %[3]d 个文件中有 %[2]d 个文件共 %[1]d 个问题",
		[]Word{{1, "problem", "problems"}, {3, "file", "files"}}},
	{"checked %d notices, %d findings in %s: ok", "已校验 %[3]s 中的 %[1]d 份通报、%[2]d 个问题：没有错误",
		[]Word{{1, "notice", "notices"}, {2, "finding", "findings"}}},
	{"gongshi: %d problems in the data; nothing was built", "gongshi：数据中有 %d 个问题，未生成网站",
		[]Word{{1, "problem", "problems"}}},
	{"%d more problems in this file not shown (at most %d are)", "本文件另有 %d 个问题未列出（最多列出 %d 个）",
		[]Word{{1, "problem", "problems"}}},
	{"import %s (%s, %s, %d lines)", "导入 %s（%s，%s，%d 行）", []Word{{4, "line", "lines"}}},
	{"import %s (%s, %s, %d paragraphs)", "导入 %s（%s，%s，%d 段）", []Word{{4, "paragraph", "paragraphs"}}},
	{"import %s (%s, %s, %d text blocks)", "导入 %s（%s，%s，%d 个文字块）", []Word{{4, "text block", "text blocks"}}},
	{"  %s\t%d lines\t%s", "  %s\t%d 行\t%s", []Word{{2, "line", "lines"}}},
	{"%d paragraphs", "%d 段", []Word{{1, "paragraph", "paragraphs"}}},
	{"%d lines", "%d 行", []Word{{1, "line", "lines"}}},
	{"%d pages", "%d 页", []Word{{1, "page", "pages"}}},
	{"stated.%s: the notice states %d problems, %d read", "stated.%s：通报自述 %d 个问题，实际读出 %d 个", []Word{{2, "problem", "problems"}}},
}

// setPlural puts e in b: the English selects on each word's argument
// (=1: the singular), one whole format per combination (a case of a
// select is printed with every argument, so each case is the whole
// message); the Chinese is one format.
func setPlural(b *catalog.Builder, e Plural) error {
	for _, w := range e.Words {
		if wordAt(e.Key, w.Many) < 0 {
			return fmt.Errorf("plural %q: no word %q", e.Key, w.Many)
		}
	}
	if err := b.Set(language.English, e.Key, selectWords(e.Key, e.Words)); err != nil {
		return err
	}
	return b.SetString(language.Chinese, e.Key, e.Zh)
}

// selectWords is the English of format with words still to choose.
func selectWords(format string, words []Word) catalog.Message {
	if len(words) == 0 {
		return catalog.String(format)
	}
	w := words[0]
	at := wordAt(format, w.Many)
	one := format[:at] + w.One + format[at+len(w.Many):]
	return plural.Selectf(w.Arg, "%d", "=1", selectWords(one, words[1:]), "other", selectWords(format, words[1:]))
}

// wordAt is the index of word in s as a whole word, or -1.
func wordAt(s, word string) int {
	m := regexp.MustCompile(`\b` + regexp.QuoteMeta(word) + `\b`).FindStringIndex(s)
	if m == nil {
		return -1
	}
	return m[0]
}
