package notice

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestREADMEDocumentsEveryKey keeps the README's data schema honest: every
// TOML key of the model is named there.
func TestREADMEDocumentsEveryKey(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
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
			if !strings.Contains(readme, "`"+key+"`") && !strings.Contains(readme, "`["+key+"]`") && !strings.Contains(readme, "`[["+key+"]]`") {
				t.Errorf("README.md does not document the key %q (%s.%s)", key, ty.Name(), f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Notice{}))
}

// TestREADMEListsTheVocabulary keeps the README's table of status words
// the same as Vocabulary: every wording on its status's row, in order.
func TestREADMEListsTheVocabulary(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
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
			t.Fatalf("README.md has no row for status %s in its table of status words", w.Status)
		}
		i := strings.Index(row[last[w.Status]:], w.Words)
		if i < 0 {
			t.Errorf("README.md's row for %s does not list %s (in Vocabulary's order)", w.Status, w.Words)
			continue
		}
		last[w.Status] += i + len(w.Words)
	}
}
