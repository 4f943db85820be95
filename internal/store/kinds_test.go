package store

import (
	"fmt"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/gongshi/gongshi/internal/fault"
)

// The store's errors say their kind, however wrapped: the exit code and
// the HTTP status follow from it.
func TestErrorKinds(t *testing.T) {
	dir := t.TempDir()
	_, refused := ReadFile(dir) // a folder named like a data file
	_, carry := Carry([]byte("title = "), nil)
	for _, c := range []struct {
		name   string
		err    error
		kind   fault.Kind
		status int
	}{
		{"a folder read as a data file", refused, fault.Invalid, http.StatusBadRequest},
		{"wrapped", fmt.Errorf("import: %w", refused), fault.Invalid, http.StatusBadRequest},
		{"a re-import that would lose work", carry, fault.Conflict, http.StatusConflict},
	} {
		if c.err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		if k := fault.KindOf(c.err); k != c.kind || k.HTTPStatus() != c.status {
			t.Errorf("%s (%v): kind %v, status %d; want %v, %d", c.name, c.err, k, k.HTTPStatus(), c.kind, c.status)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.toml")); fault.KindOf(err) != fault.NotFound {
		t.Errorf("a missing file: kind %v, want not found (%v)", fault.KindOf(err), err)
	}
}
