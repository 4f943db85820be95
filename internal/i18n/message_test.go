package i18n

import (
	"errors"
	"fmt"
	"testing"
)

// TestLocalize: a message is printed from its key in the reader's
// language, with its error arguments localized in turn; English stays
// the format's own words.
func TestLocalize(t *testing.T) {
	inner := Errorf("gongshi: unknown command %q", "x")
	wrapped := Errorf("gongshi %s: %w", "build", inner)
	for _, tc := range []struct {
		zh   bool
		err  error
		want string
	}{
		{false, wrapped, `gongshi build: gongshi: unknown command "x"`},
		{true, wrapped, `gongshi build：gongshi：没有 "x" 这个命令`},
		{true, fmt.Errorf("plain: %w", inner), `gongshi：没有 "x" 这个命令`},
		{true, errors.New("not a message"), "not a message"},
	} {
		if got := Localize(NewPrinter(tc.zh), tc.err); got != tc.want {
			t.Errorf("Localize(zh=%v, %v) = %q, want %q", tc.zh, tc.err, got, tc.want)
		}
	}
	if !errors.Is(wrapped, inner) {
		t.Error("Errorf with %w does not wrap")
	}
}
