package notice

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// reference is the guide that documents the data files (its "Data files"
// section and the status words under it).
const reference = "../../docs/reference.md"

// TestReferenceDocumentsEveryKey keeps the reference's data schema honest:
// every TOML key of the model is named there.
func TestReferenceDocumentsEveryKey(t *testing.T) {
	b, err := os.ReadFile(reference)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Slice || ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if key == "" || key == "-" { // "-": not a key of the data file
				continue
			}
			if !strings.Contains(doc, "`"+key+"`") && !strings.Contains(doc, "`["+key+"]`") && !strings.Contains(doc, "`[["+key+"]]`") {
				t.Errorf("docs/reference.md does not document the key %q (%s.%s)", key, ty.Name(), f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Notice{}))
}

// TestReferenceListsTheVocabulary keeps the reference's table of status
// words the same as Vocabulary: every wording on its status's row, in order.
func TestReferenceListsTheVocabulary(t *testing.T) {
	b, err := os.ReadFile(reference)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[Status]string{}
	for _, line := range strings.Split(string(b), "\n") {
		for _, s := range Statuses {
			if strings.HasPrefix(line, "| `"+string(s)+"` (") {
				rows[s] = line
			}
		}
	}
	last := map[Status]int{}
	for _, w := range Vocabulary {
		row, ok := rows[w.Status]
		if !ok {
			t.Fatalf("docs/reference.md has no row for status %s in its table of status words", w.Status)
		}
		i := strings.Index(row[last[w.Status]:], w.Words)
		if i < 0 {
			t.Errorf("docs/reference.md's row for %s does not list %s (in Vocabulary's order)", w.Status, w.Words)
			continue
		}
		last[w.Status] += i + len(w.Words)
	}
}
