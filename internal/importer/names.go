package importer

import (
	"strings"

	"github.com/gongshi/gongshi/internal/i18n"
)

// Reason is why a line is chrome or unplaced (Classified.Why), printed
// in the reader's language; a reason gongshi does not know is shown as
// it is.
func Reason(why string) *i18n.Error {
	if in, ok := strings.CutPrefix(why, "page furniture ("); ok && strings.HasSuffix(in, ")") {
		return i18n.Msg("page furniture (%s)", strings.TrimSuffix(in, ")"))
	}
	switch why {
	case "":
		return i18n.Msg("page furniture")
	case "page furniture":
		return i18n.Msg("page furniture")
	case "view counter":
		return i18n.Msg("view counter")
	case "breadcrumb":
		return i18n.Msg("breadcrumb")
	case "outside the article":
		return i18n.Msg("outside the article")
	case "links":
		return i18n.Msg("links")
	case "web chrome in the meta line":
		return i18n.Msg("web chrome in the meta line")
	case "fits no section":
		return i18n.Msg("fits no section")
	case "before the title":
		return i18n.Msg("before the title")
	case "under a section heading no recogniser knows":
		return i18n.Msg("under a section heading no recogniser knows")
	case "after the signature":
		return i18n.Msg("after the signature")
	case "in the findings but not under a finding":
		return i18n.Msg("in the findings but not under a finding")
	case "in 四、 but not under an item":
		return i18n.Msg("in 四、 but not under an item")
	case "in 三、 but neither accountability nor petitions":
		return i18n.Msg("in 三、 but neither accountability nor petitions")
	}
	if in, ok := strings.CutPrefix(why, "in "); ok {
		return i18n.Msg("in %s", in) // an element of the page: <nav>, .sidebar
	}
	return i18n.Msg("%s", why)
}

// CountName is what a document's lines are (Document.CountUnit: line,
// text block, paragraph), printed in the reader's language.
func CountName(unit string) *i18n.Error {
	switch unit {
	case "line":
		return i18n.Msg("line")
	case "text block":
		return i18n.Msg("text block")
	case "paragraph":
		return i18n.Msg("paragraph")
	}
	return i18n.Msg("%s", unit)
}
