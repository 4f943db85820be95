package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestScanPositions(t *testing.T) {
	src := "\ufeff# comment [not] a = 1\n" + // 1
		`a = 1  # x = 2` + "\n" + // 2
		`"quoted key" = 'v'` + "\n" + // 3
		`b.c . "d.e" = 2` + "\n" + // 4
		`s = """` + "\n" + // 5
		`[[t]]` + "\n" + // 6
		`x = 1 \"""` + "\n" + // 7
		`""""` + "\n" + // 8: the text ends with one quote
		`l = '''` + "\n" + // 9
		`y = "'` + "\n" + // 10
		`'''` + "\n" + // 11
		`arr = [ 1, [2, 3], "中文]" ,` + "\n" + // 12
		`  {k = 1} ]` + "\n" + // 13
		`dt = 1979-05-27 07:32:00 # date and time` + "\n" + // 14
		"\n" + // 15
		`[ tab . sub ]` + "\n" + // 16
		`中 = 0` + "\n" + // 17 (not a bare key: quoted below instead)
		""
	src = strings.Replace(src, "中 = 0", `"中" = 0`, 1)
	src += `[[t]]` + "\n" + // 18
		`z = { p = 1, q.r = "x" }` + "\n" + // 19
		`[[t.u]]` + "\n" + // 20
		`w = "中文" ; ` + "\n"
	src = strings.TrimSuffix(src, ` ; `+"\n") + "\n" // 21
	src += `[[t]]` + "\n" +                          // 22
		`[[t.u]]` + "\n" + // 23
		`[[t.u]]` + "\n" + // 24
		`v = 1` + "\n" // 25
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("test input is not TOML: %v", err)
	}
	ps := scanPositions(src)
	want := map[string]pos{
		"a":            {2, 1},
		`"quoted key"`: {3, 1},
		"b":            {4, 1},
		"b.c":          {4, 1},
		`b.c."d.e"`:    {4, 1},
		"s":            {5, 1},
		"l":            {9, 1},
		"arr":          {12, 1},
		"arr[1]":       {12, 9},
		"arr[2]":       {12, 12},
		"arr[2][1]":    {12, 13},
		"arr[2][2]":    {12, 16},
		"arr[3]":       {12, 20},
		"arr[4]":       {13, 3},
		"arr[4].k":     {13, 4},
		"dt":           {14, 1},
		"tab":          {16, 1},
		"tab.sub":      {16, 1},
		`tab.sub."中"`:  {17, 1},
		"t":            {18, 1},
		"t[1]":         {18, 1},
		"t[1].z":       {19, 1},
		"t[1].z.p":     {19, 7},
		"t[1].z.q":     {19, 14},
		"t[1].z.q.r":   {19, 14},
		"t[1].u":       {20, 1},
		"t[1].u[1]":    {20, 1},
		"t[1].u[1].w":  {21, 1},
		"t[2]":         {22, 1},
		"t[2].u":       {23, 1},
		"t[2].u[1]":    {23, 1},
		"t[2].u[2]":    {24, 1},
		"t[2].u[2].v":  {25, 1},
	}
	for path, w := range want {
		if got, ok := ps[path]; !ok || got != w {
			t.Errorf("%s at %v (found %v), want %v", path, got, ok, w)
		}
	}
	for _, fake := range []string{"t[1].x", "t[3]", "y", "x"} {
		if p, ok := ps[fake]; ok {
			t.Errorf("%s is text inside a string but was indexed at %v", fake, p)
		}
	}
	if len(ps) != len(want) {
		for p := range ps {
			if _, ok := want[p]; !ok {
				t.Errorf("unexpected path %s at %v", p, ps[p])
			}
		}
	}
}

func TestParentPath(t *testing.T) {
	for in, want := range map[string]string{
		"a":                  "",
		"a.b":                "a",
		"findings[3]":        "findings",
		"findings[3].status": "findings[3]",
		`a."b.c"`:            "a",
		`a."b\".c"`:          "a",
		`"x.y".z`:            `"x.y"`,
	} {
		if got := parentPath(in); got != want {
			t.Errorf("parentPath(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestUnquoteBasic(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:      "plain",
		`a\"b`:       `a"b`,
		`\u4E2D\t`:   "中\t",
		`\U0001F600`: "😀",
		`\x41\e`:     "A\x1b",
		`\\n`:        `\n`,
	} {
		if got := unquoteBasic(in); got != want {
			t.Errorf("unquoteBasic(%s) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPositions: for every input the library parses and that is within
// the limits (see scan), every value of the parsed document has a position, and a key's position is where that key
// (or its table header) is written.
func FuzzPositions(f *testing.F) {
	for _, s := range []string{
		"a = 1\n[b]\nc = 'x'\n[[d]]\ne = 1\n[[d]]\ne = 2\n",
		"a = [{b = 1}, {c = [1, 2]}]\n",
		"s = \"\"\"\n[x]\n\\\"\"\"\"\"\"\nk = 1\n",
		"p.q.r = 1\np.s = 2\n[t]\nu.v = 3\n",
		"\"k e y\" = 1 # c\n'lit' = 2\n",
		"d = 2024-12-02\ndt = 2024-12-02 10:00:00\nt = 10:00:00\n",
		"inl = { a = 1,\n  b = 2, # c\n}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		ps, lim := scan(src)
		if lim != nil {
			// Past a limit, check refuses the file and uses no position;
			// the refusal has one, on a line of the file.
			if lim.at.Line < 1 || lim.at.Line > strings.Count(src, "\n")+1 || lim.at.Col < 1 {
				t.Fatalf("limit %q at %v", lim.msg, lim.at)
			}
			return
		}
		lines := strings.Split(strings.TrimPrefix(src, "\ufeff"), "\n")
		walkTree("", nil, m, func(path string, keys []string) {
			p, ok := ps[path]
			if !ok {
				t.Fatalf("no position for %s in\n%s", path, src)
			}
			if len(keys) == 0 || strings.HasSuffix(path, "]") { // array element
				return
			}
			if p.Line < 1 || p.Line > len(lines) {
				t.Fatalf("%s at line %d of %d", path, p.Line, len(lines))
			}
			line := lines[p.Line-1]
			if p.Col < 1 || p.Col > utf8.RuneCountInString(line)+1 {
				t.Fatalf("%s at %d:%d, beyond %q", path, p.Line, p.Col, line)
			}
			rest := string([]rune(line)[p.Col-1:])
			// A dotted key (a.b.c = 1) starts with one of its parts.
			ok = strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "'")
			for _, k := range keys {
				ok = ok || strings.HasPrefix(rest, k)
			}
			if !ok {
				t.Fatalf("%s at %d:%d, where the text is %q", path, p.Line, p.Col, rest)
			}
		})
	})
}

// walkTree calls fn for every value of a parsed document, with the keys
// on its path.
func walkTree(path string, keys []string, v any, fn func(path string, keys []string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := joinPath(path, k)
			ks := append(append([]string{}, keys...), k)
			fn(p, ks)
			walkTree(p, ks, e, fn)
		}
	case []map[string]any:
		for i, e := range x {
			p := indexPath(path, i+1)
			fn(p, keys)
			walkTree(p, keys, e, fn)
		}
	case []any:
		for i, e := range x {
			p := indexPath(path, i+1)
			fn(p, keys)
			walkTree(p, keys, e, fn)
		}
	}
}
