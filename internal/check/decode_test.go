package check

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// TestSchemaKinds keeps notice.Notice within the kinds the walker decodes,
// so that its panic for other kinds cannot happen.
func TestSchemaKinds(t *testing.T) {
	var walk func(path string, rt reflect.Type)
	walk = func(path string, rt reflect.Type) {
		switch {
		case rt == dateType, rt.Kind() == reflect.String, rt.Kind() == reflect.Int, rt.Kind() == reflect.Int64:
		case rt.Kind() == reflect.Slice:
			walk(path+"[]", rt.Elem())
		case rt.Kind() == reflect.Pointer && rt.Elem().Kind() == reflect.Int:
		case rt.Kind() == reflect.Struct:
			for _, f := range tomlFields(rt) {
				walk(joinPath(path, f.name), rt.Field(f.index).Type)
			}
		default:
			t.Errorf("%s has Go type %s, which the walker cannot decode", path, rt)
		}
	}
	walk("", reflect.TypeOf(notice.Notice{}))
}

// caseFiles is every data file under testdata, with its content.
func caseFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, dir := range []string{"testdata/valid", "testdata/malformed"} {
		paths, err := store.Files(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[p] = b
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d test files", len(out))
	}
	return out
}

// TestWalkerMatchesLibrary: where the walker finds no type problem, it
// decodes a file exactly as the library does.
func TestWalkerMatchesLibrary(t *testing.T) {
	compared := 0
	for p, src := range caseFiles(t) {
		fc := checkFile(p, "", src)
		if fc.n == nil || fc.file == nil {
			continue
		}
		typeProblem := false
		for _, pr := range fc.probs {
			if strings.Contains(pr.Message, " must be ") && !strings.Contains(pr.Message, "must be 1 or more") {
				typeProblem = true
			}
			if strings.HasPrefix(pr.Message, "unknown key ") {
				typeProblem = true // the library folds case: Title fills title
			}
		}
		if typeProblem {
			continue
		}
		compared++
		if !reflect.DeepEqual(fc.n, fc.file.Notice) {
			t.Errorf("%s: walker decoded\n%+v\nthe library\n%+v", p, fc.n, fc.file.Notice)
		}
	}
	if compared < 10 {
		t.Errorf("compared only %d files", compared)
	}
}

// TestUndecodedReported: every key the library leaves undecoded
// (MetaData.Undecoded) is reported as unknown, itself or a table above it;
// every unknown key reported is one the library left undecoded or matched
// only by ignoring case.
func TestUndecodedReported(t *testing.T) {
	sawUnknown := false
	for p, src := range caseFiles(t) {
		fc := checkFile(p, "", src)
		if fc.file == nil {
			continue
		}
		reported := map[string]bool{}
		for _, pr := range fc.probs {
			if rest, ok := strings.CutPrefix(pr.Message, "unknown key "); ok {
				k, _, _ := strings.Cut(rest, " ")
				reported[stripIndexes(k)] = true
				sawUnknown = true
			}
		}
		undecoded := map[string]bool{}
		for _, k := range fc.file.Meta.Undecoded() {
			undecoded[k.String()] = true
			ok := false
			for q := k.String(); q != ""; q = parentPath(q) {
				ok = ok || reported[q]
			}
			if !ok {
				t.Errorf("%s: the library left %s undecoded, but check did not report it", p, k)
			}
		}
		for k := range reported {
			last := k[strings.LastIndexByte(k, '.')+1:]
			if !undecoded[k] && strings.ToLower(last) == last {
				t.Errorf("%s: check reported %s as unknown, but the library decoded it", p, k)
			}
		}
	}
	if !sawUnknown {
		t.Error("no test file has an unknown key")
	}
}

func stripIndexes(p string) string {
	var b strings.Builder
	depth := 0
	for _, r := range p {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestLibraryRefusal: when the library refuses a file the walker accepted,
// the refusal is a problem, never silently dropped.
func TestLibraryRefusal(t *testing.T) {
	src, err := os.ReadFile("testdata/valid/shilisheng/shilishi/shilixian/yangbenzhen0002/2024-06-01.toml")
	if err != nil {
		t.Fatal(err)
	}
	saved := decodeStrict
	defer func() { decodeStrict = saved }()
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errors.New("some decoder failure"), "x.toml:1:1: cannot decode: some decoder failure"},
		{toml.ParseError{Message: "odd value", Position: toml.Position{Line: 3, Col: 5, Start: 2000}}, "x.toml:3:5: TOML syntax: odd value"},
	} {
		decodeStrict = func(string, *notice.Notice) (toml.MetaData, error) { return toml.MetaData{}, tc.err }
		f, probs := Bytes("x.toml", src)
		if f != nil {
			t.Error("Bytes returned a file the library refused")
		}
		if len(probs) != 1 || probs[0].String() != tc.want {
			t.Errorf("problems %v, want [%s]", probs, tc.want)
		}
	}
}

func TestBytes(t *testing.T) {
	src, err := os.ReadFile("testdata/valid/shilisheng/shilishi/shilixian/yangbenzhen0001/2024-06-01.toml")
	if err != nil {
		t.Fatal(err)
	}
	f, probs := Bytes("anywhere.toml", src)
	if f == nil || len(probs) != 0 {
		t.Fatalf("valid file: %v, %v", f, probs)
	}
	if f.Notice.Findings[0].Amounts[0].Yuan != 38500 || f.Path != "anywhere.toml" {
		t.Errorf("decoded %+v", f)
	}
	bad := strings.Replace(string(src), `status = "done"`, `status = "待定"`, 1)
	line := 1 + strings.Count(bad[:strings.Index(bad, `status = "待定"`)], "\n")
	f, probs = Bytes("anywhere.toml", []byte(bad))
	want := fmt.Sprintf(`anywhere.toml:%d:1: findings[1].status "待定" is not one of`, line)
	if f == nil || len(probs) != 1 || !strings.Contains(probs[0].String(), want) {
		t.Errorf("bad status: %v", probs)
	}
}

func TestSyntaxPositions(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"title = \"中文\n", "f:1:12: TOML syntax: strings cannot contain newlines"},
		{"\ufefftitle = \"中文\n", "f:1:12: TOML syntax: strings cannot contain newlines"},
		{"a = 1\nb = = 2\n", "f:2:5:"},
		{"t\x00i\x00t\x00l\x00e\x00", "f:1:2: TOML syntax: files cannot contain NULL bytes"},
		{"a = 1\na = 2\n", "f:2:"},
	} {
		_, probs := Bytes("f", []byte(tc.src))
		if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), tc.want) {
			t.Errorf("%q: %v, want %s…", tc.src, probs, tc.want)
		}
	}
}

func TestDirErrors(t *testing.T) {
	if _, _, err := Dir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing folder: no error")
	}
	file := filepath.Join(t.TempDir(), "f.toml")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Dir(file); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file for a folder: %v", err)
	}
	dangling := t.TempDir()
	if err := os.Symlink(filepath.Join(dangling, "nowhere"), filepath.Join(dangling, "x.toml")); err != nil {
		t.Fatal(err)
	}
	// A link to nothing is a refused data file, naming its target (not
	// an error that reads as a missing data folder).
	if _, probs, err := Dir(dangling); err != nil || len(probs) != 1 || probs[0].Path != filepath.Join(dangling, "x.toml") ||
		!strings.Contains(probs[0].Message, "a symbolic link whose target "+filepath.Join(dangling, "nowhere")+" is missing") {
		t.Errorf("dangling data file: %v, %v", probs, err)
	}
	// A folder named like a data file is refused, not skipped.
	folder := t.TempDir()
	if err := os.Mkdir(filepath.Join(folder, "2025-01-01.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, probs, err := Dir(folder); err != nil || len(probs) != 1 || probs[0].Path != filepath.Join(folder, "2025-01-01.toml") ||
		probs[0].String() != filepath.Join(folder, "2025-01-01.toml")+": a folder, not a data file: a data file is a regular file named ….toml" {
		t.Errorf("a folder named like a data file: %v, %v", probs, err)
	}
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "README.md"), []byte("not data"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, probs, err := Dir(empty)
	if files != nil || probs != nil || err != nil {
		t.Errorf("folder without data files: %v %v %v", files, probs, err)
	}
}

func TestProblemsSorted(t *testing.T) {
	ps := []Problem{
		{"b.toml", 1, 1, "x", false, nil}, {"a.toml", 10, 1, "y", false, nil}, {"a.toml", 2, 9, "z", false, nil},
		{"a.toml", 2, 3, "first", false, nil}, {"a.toml", 2, 3, "second", false, nil},
	}
	Sort(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.String())
	}
	want := "a.toml:2:3: first|a.toml:2:3: second|a.toml:2:9: z|a.toml:10:1: y|b.toml:1:1: x"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s", strings.Join(got, "|"))
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{
		{"status", "status", 0}, {"stauts", "status", 1}, {"statu", "status", 1},
		{"titel", "title", 1}, {"townsihp", "township", 1}, {"abc", "xyz", 3}, {"", "ab", 2},
	} {
		if d := editDistance(tc.a, tc.b); d != tc.d {
			t.Errorf("editDistance(%s, %s) = %d, want %d", tc.a, tc.b, d, tc.d)
		}
	}
}
