package i18n

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/message/catalog"
)

// TestCatalog: every message is in both languages, with the same
// arguments, and the Chinese is Chinese; no English format is repeated.
func TestCatalog(t *testing.T) {
	seen := map[string]bool{}
	verbs := regexp.MustCompile(`%(\[\d+\])?-?\d*(\.\d+)?[sdqvwf]`)
	kinds := func(s string) string {
		var k []string
		for _, m := range verbs.FindAllString(s, -1) {
			v := m[len(m)-1:]
			if v == "v" || v == "w" {
				v = "s"
			}
			k = append(k, v)
		}
		sort.Strings(k)
		return strings.Join(k, "")
	}
	all := append(append([]Entry(nil), Catalog...), Terms...)
	for _, p := range Plurals {
		all = append(all, Entry{p.Key, p.Zh})
		if err := setPlural(catalog.NewBuilder(), p); err != nil {
			t.Error(err)
		}
		for _, w := range p.Words {
			if verbs.FindAllString(p.Key, -1) == nil || w.Arg < 1 || w.Arg > len(verbs.FindAllString(p.Key, -1)) {
				t.Errorf("%q: word %q agrees with argument %d, which it has not", p.Key, w.Many, w.Arg)
			}
		}
	}
	for _, e := range all {
		if e.En == "" || e.Zh == "" {
			t.Errorf("%q / %q: a message in one language only", e.En, e.Zh)
		}
		if seen[e.En] {
			t.Errorf("%q is in the catalog twice", e.En)
		}
		seen[e.En] = true
		if kinds(e.En) != kinds(e.Zh) {
			t.Errorf("%q takes %q, its Chinese %q takes %q", e.En, kinds(e.En), e.Zh, kinds(e.Zh))
		} else if msg := sameArgs(e.En, e.Zh); msg != "" {
			t.Errorf("%q / %q: %s", e.En, e.Zh, msg)
		}
		han := false
		for _, r := range e.Zh {
			if unicode.Is(unicode.Han, r) {
				han = true
			}
		}
		if !han && e.Zh != e.En && !strings.ContainsAny(e.Zh, "：（、") {
			t.Errorf("%q: its Chinese %q has no Chinese", e.En, e.Zh)
		}
	}
}

func TestChinese(t *testing.T) {
	for env, want := range map[string]bool{
		"LANG=zh_CN.UTF-8": true, "LANG=zh_TW": true, "LC_ALL=zh_CN.GB18030": true, "LANG=zh": true,
		"LANG=en_US.UTF-8": false, "LANG=C": false, "": false, "LC_ALL=en_US.UTF-8 LANG=zh_CN.UTF-8": false,
		"LC_MESSAGES=zh_CN.UTF-8 LANG=en_US": true,
	} {
		vars := map[string]string{}
		for _, kv := range strings.Fields(env) {
			k, v, _ := strings.Cut(kv, "=")
			vars[k] = v
		}
		if got := Chinese(func(k string) string { return vars[k] }); got != want {
			t.Errorf("%s: Chinese = %v", env, got)
		}
	}
}

var argVerb = regexp.MustCompile(`%(?:\[(\d+)\])?-?\d*(?:\.\d+)?([sdqvwf])`)

// argKinds is, for each verb of a format in order, the argument (from 1)
// it prints, following explicit indexes as fmt does, and its kind (%v and
// %w print as %s).
func argKinds(f string) (args []int, kinds []byte) {
	f = strings.ReplaceAll(f, "%%", "")
	next := 1
	for _, m := range argVerb.FindAllStringSubmatch(f, -1) {
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		k := m[2][0]
		if k == 'v' || k == 'w' {
			k = 's'
		}
		args, kinds = append(args, next), append(kinds, k)
		next++
	}
	return args, kinds
}

// sameArgs says how zh prints other arguments than en, or "": each
// argument of the English printed in the Chinese, with the same verb
// (the order may differ where the Chinese says which: %[2]s).
func sameArgs(en, zh string) string {
	ea, ek := argKinds(en)
	za, zk := argKinds(zh)
	want := map[int]byte{}
	for i, a := range ea {
		want[a] = ek[i]
	}
	seen := map[int]bool{}
	for i, a := range za {
		k, ok := want[a]
		if !ok {
			return fmt.Sprintf("the Chinese prints argument %d, which the English has not", a)
		}
		if k != zk[i] && !(k == 'q' && zk[i] == 's') {
			return fmt.Sprintf("argument %d is %%%c in the English, %%%c in the Chinese", a, k, zk[i])
		}
		seen[a] = true
	}
	for a := range want {
		if !seen[a] {
			return fmt.Sprintf("the Chinese does not print argument %d", a)
		}
	}
	return ""
}
