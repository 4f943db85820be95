package fault

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// Each kind's exit code and HTTP status: gongshi's documented exit codes
// (1 for a failure, 2 for a command called wrongly) and the HTTP status
// that says the same.
func TestMapping(t *testing.T) {
	for _, c := range []struct {
		kind   Kind
		exit   int
		status int
		name   string
	}{
		{Internal, 1, http.StatusInternalServerError, "internal"},
		{Invalid, 1, http.StatusBadRequest, "invalid"},
		{Usage, 2, http.StatusBadRequest, "usage"},
		{NotFound, 1, http.StatusNotFound, "not found"},
		{Conflict, 1, http.StatusConflict, "conflict"},
		{TooLarge, 1, http.StatusRequestEntityTooLarge, "too large"},
		{Forbidden, 1, http.StatusForbidden, "forbidden"},
		{Unavailable, 1, http.StatusServiceUnavailable, "unavailable"},
		{Gone, 1, http.StatusGone, "gone"},
		{Kind(200), 1, http.StatusInternalServerError, "internal"}, // unknown: Internal
	} {
		if got := c.kind.ExitCode(); got != c.exit {
			t.Errorf("%v.ExitCode() = %d, want %d", c.kind, got, c.exit)
		}
		if got := c.kind.HTTPStatus(); got != c.status {
			t.Errorf("%v.HTTPStatus() = %d, want %d", c.kind, got, c.status)
		}
		if got := c.kind.String(); got != c.name {
			t.Errorf("Kind(%d).String() = %q, want %q", c.kind, got, c.name)
		}
	}
	if len(Kinds) != len(names) {
		t.Errorf("%d kinds, %d names", len(Kinds), len(names))
	}
}

// typed is a package's own error type that says its kind.
type typed struct{}

func (typed) Error() string { return "refused" }
func (typed) Kind() Kind    { return Conflict }

// KindOf reads the kind an error carries, however wrapped.
func TestKindOf(t *testing.T) {
	plain := errors.New("plain")
	rec := httptest.NewRecorder()
	_, overLimit := io.ReadAll(http.MaxBytesReader(rec, io.NopCloser(strings.NewReader("12345")), 2))
	_, missing := os.Open("/nonexistent/gongshi/fault")
	for _, c := range []struct {
		name string
		err  error
		want Kind
	}{
		{"nil", nil, Internal},
		{"plain", plain, Internal},
		{"New", New(Invalid, plain), Invalid},
		{"wrapped by fmt", fmt.Errorf("reading: %w", New(NotFound, plain)), NotFound},
		{"outermost wins", New(Usage, New(Invalid, plain)), Usage},
		{"a type of its own", fmt.Errorf("saving: %w", typed{}), Conflict},
		{"deadline", fmt.Errorf("search: %w", context.DeadlineExceeded), Unavailable},
		{"canceled", context.Canceled, Unavailable},
		{"no such file", missing, NotFound},
		{"over MaxBytesReader", overLimit, TooLarge},
		{"a kind before the library's", New(Internal, context.DeadlineExceeded), Internal},
	} {
		if got := KindOf(c.err); got != c.want {
			t.Errorf("%s: KindOf(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
		if c.err != nil && !Is(c.err, c.want) {
			t.Errorf("%s: Is(%v, %v) is false", c.name, c.err, c.want)
		}
	}
	if New(Invalid, nil) != nil || Is(nil, Internal) {
		t.Error("New(k, nil) is not nil, or nil is of a kind")
	}
	if e := New(Invalid, plain); e.Error() != "plain" || !errors.Is(e, plain) {
		t.Errorf("New changes the text or hides the error: %q", e)
	}
}
