package check

import (
	"encoding"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
)

// walker decodes the library's generic parse of a file (maps, slices,
// scalars) into a notice.Notice field by field, as the library would, but
// without stopping at the first wrong type: every value that has the wrong
// type, and every key the notice has no field for, becomes a problem, and
// the rest of the file is still decoded so that the other checks can run.
type walker struct {
	probs []pathProblem
	seen  map[string]bool // every path present in the file
	bad   map[string]bool // paths whose value could not be used (wrong type, invalid date)
	blank map[string]bool // paths whose value is a blank string or an empty array
}

// pathProblem is a problem before it has a position.
type pathProblem struct {
	path string
	msg  *i18n.Error
}

func (w *walker) add(path, format string, a ...any) {
	w.probs = append(w.probs, pathProblem{path, i18n.Msg(format, a...)})
}

var (
	dateType  = reflect.TypeOf(notice.Date(""))
	topFields = tomlFields(reflect.TypeOf(notice.Notice{}))
)

// decode stores data (the generic value at path) into rv.
func (w *walker) decode(path string, data any, rv reflect.Value) {
	w.seen[path] = true
	t := rv.Type()
	switch {
	case t == dateType:
		w.date(path, data, rv)
	case t.Kind() == reflect.Pointer:
		// An optional value (a stated count): present in the file, so
		// allocated and decoded as its element.
		p := reflect.New(t.Elem())
		w.decode(path, data, p.Elem())
		rv.Set(p)
	case t.Kind() == reflect.String:
		s, ok := data.(string)
		if !ok {
			w.wrongType(path, i18n.Msg("a string"), data)
			return
		}
		rv.SetString(s)
		if u, ok := rv.Addr().Interface().(encoding.TextUnmarshaler); ok {
			// A value that reads itself as the library would have it
			// (notice.Status: 已完成 is done). It never fails.
			_ = u.UnmarshalText([]byte(s))
		}
		if strings.TrimSpace(s) == "" {
			w.blank[path] = true
		}
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		i, ok := data.(int64)
		if !ok {
			w.wrongType(path, i18n.Msg("an integer"), data)
			return
		}
		if rv.OverflowInt(i) {
			w.add(path, "%s %d is too large", path, i)
			w.bad[path] = true
			return
		}
		rv.SetInt(i)
	case t.Kind() == reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			w.wrongType(path, i18n.Msg("a table"), data)
			return
		}
		w.table(path, m, rv)
	case t.Kind() == reflect.Slice:
		var elems []any
		switch x := data.(type) {
		case []any:
			elems = x
		case []map[string]any:
			for _, m := range x {
				elems = append(elems, m)
			}
		default:
			w.wrongType(path, expectedType(t), data)
			return
		}
		if len(elems) == 0 {
			w.blank[path] = true
		}
		out := reflect.MakeSlice(t, len(elems), len(elems))
		for i, e := range elems {
			w.decode(indexPath(path, i+1), e, out.Index(i))
		}
		rv.Set(out)
	default:
		// The notice package uses only the kinds above; a test walks its
		// types to keep it so.
		panic(fmt.Sprintf("check: cannot decode into a field of Go type %s", t))
	}
}

// table decodes the keys of m into the fields of the struct rv, by their
// toml names, and reports keys that match no field.
func (w *walker) table(path string, m map[string]any, rv reflect.Value) {
	fields := tomlFields(rv.Type())
	for _, f := range fields {
		if v, ok := m[f.name]; ok {
			w.decode(joinPath(path, f.name), v, rv.Field(f.index))
		}
	}
	var unknown []string
	for k := range m {
		if _, ok := fieldByName(fields, k); !ok {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		p := joinPath(path, k)
		w.seen[p] = true
		w.bad[p] = true
		if s := suggest(k, fields); s != "" {
			w.add(p, "unknown key %s (did you mean %s?)", p, s)
		} else if _, top := fieldByName(topFields, k); top && path != "" {
			w.add(p, "unknown key %s (a key after a [header] belongs to that table: move %s above the first [header])", p, k)
		} else if len(fields) <= 10 {
			w.add(p, "unknown key %s (%s has %s)", p, path, fieldList(fields))
		} else {
			w.add(p, "unknown key %s", p)
		}
	}
}

func (w *walker) date(path string, data any, rv reflect.Value) {
	switch x := data.(type) {
	case string:
		if x != "" {
			if _, err := time.Parse(notice.DateLayout, x); err != nil {
				w.add(path, "%s %q is not a valid date: write it as YYYY-MM-DD, like 2024-12-02", path, x)
				w.bad[path] = true
				return
			}
		}
		rv.SetString(x)
		if x == "" {
			w.blank[path] = true
		}
	case time.Time:
		if x.Location().String() != "date-local" {
			w.add(path, "%s must be a date like 2024-12-02, not %s (%s)", path, typeName(data), timeText(x))
			w.bad[path] = true
			return
		}
		rv.SetString(x.Format(notice.DateLayout))
	default:
		w.wrongType(path, i18n.Msg("a date like 2024-12-02"), data)
	}
}

func (w *walker) wrongType(path string, want *i18n.Error, data any) {
	w.bad[path] = true
	got := typeName(data)
	switch x := data.(type) {
	case string:
		got = i18n.Msg("%s (%q)", got, x)
	case int64, float64, bool:
		got = i18n.Msg("%s (%v)", got, fmt.Sprint(x))
	}
	w.add(path, "%s must be %s, not %s", path, want, got)
}

// typeName names the TOML type of a generic value.
func typeName(v any) *i18n.Error {
	switch x := v.(type) {
	case string:
		return i18n.Msg("a string")
	case int64:
		return i18n.Msg("an integer")
	case float64:
		return i18n.Msg("a float")
	case bool:
		return i18n.Msg("a boolean")
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return i18n.Msg("a date")
		case "time-local":
			return i18n.Msg("a time")
		}
		return i18n.Msg("a date-time")
	case []map[string]any:
		return i18n.Msg("an array of tables")
	case []any:
		return i18n.Msg("an array")
	case map[string]any:
		return i18n.Msg("a table")
	}
	return i18n.Msg("%s", fmt.Sprintf("%T", v))
}

// expectedType describes what a Go type wants, in TOML terms.
func expectedType(t reflect.Type) *i18n.Error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dateType:
		return i18n.Msg("a date like 2024-12-02")
	case t.Kind() == reflect.String:
		return i18n.Msg("a string")
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		return i18n.Msg("an integer")
	case t.Kind() == reflect.Struct:
		return i18n.Msg("a table")
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return i18n.Msg("an array of tables")
	case t.Kind() == reflect.Slice && t.Elem() == dateType:
		return i18n.Msg("an array of dates like 2024-12-02")
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return i18n.Msg("an array of strings")
	case t.Kind() == reflect.Slice && (t.Elem().Kind() == reflect.Int || t.Elem().Kind() == reflect.Int64):
		return i18n.Msg("an array of integers")
	case t.Kind() == reflect.Slice:
		return i18n.Msg("an array of %s", expectedType(t.Elem()))
	}
	return i18n.Msg("%s", t.String())
}

type tomlField struct {
	name  string
	index int
}

// fieldCache holds tomlFields' answer per struct type ([]tomlField).
var fieldCache sync.Map

// tomlFields lists a struct's fields by their toml key. The slice is
// shared: callers do not change it.
func tomlFields(t reflect.Type) []tomlField {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]tomlField)
	}
	fs, _ := fieldCache.LoadOrStore(t, structFields(t))
	return fs.([]tomlField)
}

func structFields(t reflect.Type) []tomlField {
	var out []tomlField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, tomlField{name, i})
	}
	return out
}

func fieldByName(fs []tomlField, name string) (tomlField, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return tomlField{}, false
}

func fieldList(fs []tomlField) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// suggest is the known key closest to a misspelt one, or "".
func suggest(k string, fs []tomlField) string {
	best, bestD := "", 3
	for _, f := range fs {
		d := editDistance(strings.ToLower(k), f.name)
		if d < bestD && d <= len(f.name)/2 {
			best, bestD = f.name, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost 1.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// timeText writes a TOML date-time or time the way the file did: with its
// offset only when it had one.
func timeText(t time.Time) string {
	switch t.Location().String() {
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	case "time-local":
		return t.Format("15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}
