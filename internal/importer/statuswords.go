package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongshi/gongshi/internal/notice"
)

// Found is a status a text states, and where: at the start of the text
// after its label (整改情况:已整改。…), in brackets ((已完成)), or as the last
// sentence of the rectification (…目前已整改到位。). The words are kept as
// written; their meaning comes from notice.Vocabulary.
type Found struct {
	Text          string        // the status words as written; "" when the text states none
	Status        notice.Status // their meaning; notice.StatusUnstated when none
	Rectification string        // the text without the status words at its start
	Where         string        // "start", "bracket", "end", or ""
	Label         string        // the label before it, as written (整改情况:)
}

var (
	reStatusWords   = regexp.MustCompile(`^(?:已|正在|未|尚未|暂未|持续|基本|部分|整改|完成|长期|全部|阶段性|有序|办结|销号|达到时序|序时)`)
	reBracketStart  = regexp.MustCompile(`^[(【\[]\s*([^()【】\[\]]{1,12}?)\s*[)】\]]\s*[。,;]?\s*`)
	reBracketEnd    = regexp.MustCompile(`[(【\[]\s*([^()【】\[\]]{1,12}?)\s*[)】\]]\s*[。.]?\s*$`)
	reSentenceStart = regexp.MustCompile(`^(?:(?:目前|现已|现|该问题|此问题|该项|截至目前|截止目前|截至当前)\s*[,:]?\s*)+`)
)

// isStatusClause reports whether a short clause is status words: it starts
// like one (已…, 正在…, 未…, 基本…) and the vocabulary knows it.
func isStatusClause(s string) bool {
	s = strings.TrimSpace(Normalise(s))
	if s == "" || runeLen(s) > 12 || !reStatusWords.MatchString(s) {
		return false
	}
	_, err := notice.ParseStatus(s)
	return err == nil
}

// statusOf finds the status a rectification text states.
func statusOf(body string) Found {
	if text, st, rect, ok := SplitStatus(body); ok {
		return Found{Text: text, Status: st, Rectification: rect, Where: "start"}
	}
	t := newText(body).trim()
	if m := reBracketStart.FindStringSubmatchIndex(t.norm); m != nil && isStatusClause(t.norm[m[2]:m[3]]) {
		st, _ := notice.ParseStatus(t.norm[m[2]:m[3]])
		return Found{Text: strings.TrimSpace(t.cut(m[2], m[3])), Status: st, Rectification: strings.TrimSpace(t.from(m[1])), Where: "bracket"}
	}
	if f, ok := trailingStatus(t); ok {
		return f
	}
	return Found{Status: notice.StatusUnstated, Rectification: t.orig}
}

// trailingStatus is a status in brackets at the end of a text, or its last
// sentence when that is status words (目前已整改到位。). The text stays whole
// as the rectification: the words are its own last words.
func trailingStatus(t text) (Found, bool) {
	if m := reBracketEnd.FindStringSubmatchIndex(t.norm); m != nil && isStatusClause(t.norm[m[2]:m[3]]) {
		st, _ := notice.ParseStatus(t.norm[m[2]:m[3]])
		return Found{Text: strings.TrimSpace(t.cut(m[2], m[3])), Status: st, Rectification: t.orig, Where: "bracket"}, true
	}
	s := strings.TrimRight(t.norm, "。. ")
	start := strings.LastIndexAny(s, "。;!")
	if start < 0 {
		start = 0
	} else {
		_, size := utf8.DecodeRuneInString(s[start:])
		start += size
	}
	if start == 0 && runeLen(s) > 16 {
		return Found{}, false
	}
	last := s[start:]
	lead := reSentenceStart.FindString(last)
	clause := strings.TrimSpace(last[len(lead):])
	status, ok := statusWords(clause)
	if !ok {
		return Found{}, false
	}
	st, _ := notice.ParseStatus(status)
	end := len(s)
	return Found{Text: strings.TrimSpace(t.cut(start+len(lead), end)), Status: st, Rectification: t.orig, Where: "end"}, true
}

// statusWords is the status words of a clause: the clause itself, or
// status words then the date the work is planned to be done by
// (正在整改中，计划于2025年12月底前完成): the status is the words, and the
// plan stays in its text (PlanDeadline reads it).
func statusWords(clause string) (string, bool) {
	if isStatusClause(clause) {
		return clause, true
	}
	i := strings.IndexByte(clause, ',')
	if i < 0 || !isStatusClause(clause[:i]) || !rePlanClause.MatchString(strings.TrimSpace(clause[i+1:])) {
		return "", false
	}
	return clause[:i], true
}

// inlineStatus is a status written in a finding's own line: after an inline
// label (…。整改情况:已整改。…), or in brackets at its end (…问题。(已完成)).
func inlineStatus(rest string) (Found, bool) {
	if _, after, ok := splitInlineStatus(rest); ok {
		lab := reInlineStatus.FindStringIndex(Normalise(after))
		t := newText(after)
		f := statusOf(t.from(lab[1]))
		f.Label = t.upTo(lab[1])
		return f, true
	}
	t := newText(rest).trim()
	if m := reBracketEnd.FindStringSubmatchIndex(t.norm); m != nil && isStatusClause(t.norm[m[2]:m[3]]) {
		st, _ := notice.ParseStatus(t.norm[m[2]:m[3]])
		return Found{Text: strings.TrimSpace(t.cut(m[2], m[3])), Status: st, Where: "bracket"}, true
	}
	return Found{}, false
}

// bracketAfterTitle is a status in brackets right after a finding's title:
// at the end of its first sentence (标题(已完成)。…) or at the start of the
// text after it (标题。(已完成)…). Where is "bracket"; Assemble takes the
// bracket out of the title or problem (cutBracketStatus), the rectification
// is not in this line.
func bracketAfterTitle(rest string) (Found, bool) {
	t := newText(rest).trim()
	i := strings.Index(t.norm, "。")
	if i < 0 {
		return Found{}, false
	}
	title := t.norm[:i]
	if m := reBracketEnd.FindStringSubmatchIndex(title); m != nil && isStatusClause(title[m[2]:m[3]]) {
		st, _ := notice.ParseStatus(title[m[2]:m[3]])
		return Found{Text: strings.TrimSpace(t.cut(m[2], m[3])), Status: st, Where: "bracket"}, true
	}
	after := i + len("。")
	if m := reBracketStart.FindStringSubmatchIndex(t.norm[after:]); m != nil && isStatusClause(t.norm[after+m[2]:after+m[3]]) {
		st, _ := notice.ParseStatus(t.norm[after+m[2] : after+m[3]])
		return Found{Text: strings.TrimSpace(t.cut(after+m[2], after+m[3])), Status: st, Where: "bracket"}, true
	}
	return Found{}, false
}

// lastSentenceStatus is the status a paragraph states in its last sentence
// (…。目前,该问题已整改到位。), with the text before that sentence: the
// paragraph is problem then rectification, cut where the sentence starts.
// The sentence must not be the whole paragraph's only one.
func lastSentenceStatus(rest string) (Found, string, bool) {
	t := newText(rest).trim()
	f, ok := trailingStatus(t)
	if !ok || f.Where != "end" {
		return Found{}, "", false
	}
	s := strings.TrimRight(t.norm, "。. ")
	start := strings.LastIndexAny(s, "。;!")
	if start < 0 {
		return Found{}, "", false
	}
	_, size := utf8.DecodeRuneInString(s[start:])
	start += size
	f.Rectification = strings.TrimSpace(t.from(start))
	return f, strings.TrimSpace(t.upTo(start)), true
}
