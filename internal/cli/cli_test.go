package cli

import (
	"errors"
	"fmt"
	"testing"

	"github.com/gongshi/gongshi/internal/fault"
)

// Code: an ExitError's own code, else the code of the kind the error
// carries; cli.Usage is fault.Usage.
func TestCode(t *testing.T) {
	plain := errors.New("plain")
	for _, c := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, 0},
		{"plain", plain, 1},
		{"ExitError", &ExitError{Code: 3, Err: plain}, 3},
		{"ExitError 0 (help)", &ExitError{Code: 0, Silent: true}, 0},
		{"wrapped ExitError", fmt.Errorf("x: %w", &ExitError{Code: 4}), 4},
		{"Usage", Usage("unexpected arguments: %s", "x"), 2},
		{"a usage fault", fault.New(fault.Usage, plain), 2},
		{"a wrapped usage fault", fmt.Errorf("flags: %w", fault.New(fault.Usage, plain)), 2},
		{"invalid", fault.New(fault.Invalid, plain), 1},
		{"unavailable", fault.New(fault.Unavailable, plain), 1},
	} {
		if got := Code(c.err); got != c.want {
			t.Errorf("%s: Code = %d, want %d", c.name, got, c.want)
		}
	}
	u := Usage("no parts to merge")
	var ee *ExitError
	if !errors.As(u, &ee) || ee.Code != 2 || u.Error() != "no parts to merge" || !fault.Is(u, fault.Usage) {
		t.Errorf("Usage: %#v (%q), kind %v", u, u, fault.KindOf(u))
	}
}
