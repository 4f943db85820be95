package search

import (
	"html"
	"strings"
)

// SnippetLength is the length of a snippet, in characters.
const SnippetLength = 120

// Fragment is a piece of a snippet; Mark pieces are query terms.
type Fragment struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// Snippet cuts from text the window of length characters that holds the
// most highlighted stretches (the earliest such window), and marks in it
// the tokens whose terms are in terms. search.js does the same in the
// browser. Newlines become spaces; "…" stands for the cut-off text.
func Snippet(text string, terms map[string]bool, length int) []Fragment {
	runes := []rune(text)
	// Character index of every byte offset where a character starts.
	char := make([]int, len(text)+1)
	ci := 0
	for i := range text {
		char[i] = ci
		ci++
	}
	char[len(text)] = ci

	// Marked stretches, in characters, merged when they overlap or touch.
	var marks [][2]int
	for _, t := range Analyzer().Analyze([]byte(text)) {
		if !terms[string(t.Term)] {
			continue
		}
		s, e := char[t.Start], char[t.End]
		if n := len(marks); n > 0 && s <= marks[n-1][1] {
			marks[n-1][1] = max(marks[n-1][1], e)
			continue
		}
		marks = append(marks, [2]int{s, e})
	}
	return cutSnippet(runes, marks, length)
}

// cutSnippet chooses the window and splits it into fragments.
func cutSnippet(runes []rune, marks [][2]int, length int) []Fragment {
	start := 0
	best := -1
	for i, m := range marks {
		s := max(0, m[0]-length/4)
		n := 0
		for _, o := range marks[i:] {
			if o[1] <= s+length {
				n++
			}
		}
		if n > best {
			best, start = n, s
		}
	}
	end := min(len(runes), start+length)
	if end-start < length {
		start = max(0, end-length)
	}
	var out []Fragment
	add := func(s string, mark bool) {
		if s == "" {
			return
		}
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
		if n := len(out); n > 0 && out[n-1].Mark == mark {
			out[n-1].Text += s
			return
		}
		out = append(out, Fragment{Text: s, Mark: mark})
	}
	if start > 0 {
		add("…", false)
	}
	pos := start
	for _, m := range marks {
		s, e := max(m[0], start), min(m[1], end)
		if s >= e {
			continue
		}
		add(string(runes[pos:s]), false)
		add(string(runes[s:e]), true)
		pos = e
	}
	add(string(runes[pos:end]), false)
	if end < len(runes) {
		add("…", false)
	}
	return out
}

// SnippetSource is the text a snippet is cut from: the document's text
// without its title, which a hit shows above it.
func SnippetSource(title, text string) string {
	if strings.HasPrefix(text, title+"\n") {
		return text[len(title)+1:]
	}
	return text
}

// SnippetHTML is a snippet as HTML: escaped text, <mark> around terms.
func SnippetHTML(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("<mark>")
		}
		b.WriteString(html.EscapeString(f.Text))
		if f.Mark {
			b.WriteString("</mark>")
		}
	}
	return b.String()
}

// SnippetText is a snippet as plain text, terms in 【】.
func SnippetText(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("【" + f.Text + "】")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}
