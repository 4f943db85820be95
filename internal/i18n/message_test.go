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
	if got := wrapped.Error(); got != `gongshi build: gongshi: unknown command "x"` {
		t.Errorf("Error() = %q", got)
	}
}

// TestPlural: a plural message's English agrees with its numbers, its
// Chinese is one format; numbers print as fmt prints them (2024, not
// 2,024) in both languages, through Sprintf and in an Error.
func TestPlural(t *testing.T) {
	const k = "%d problems in %d of %d files under %s"
	for _, tc := range []struct {
		zh   bool
		args []any
		want string
	}{
		{false, []any{1, 1, 1, "data"}, "1 problem in 1 of 1 file under data"},
		{false, []any{2, 1, 3, "data"}, "2 problems in 1 of 3 files under data"},
		{false, []any{1, 1, 2024, "data"}, "1 problem in 1 of 2024 files under data"},
		{true, []any{2, 1, 3, "data"}, "data 下 3 个文件中有 1 个文件共 2 个问题"},
		{true, []any{12345, 1, 1, "data"}, "data 下 1 个文件中有 1 个文件共 12345 个问题"},
	} {
		p := NewPrinter(tc.zh)
		if got := Sprintf(p, k, tc.args...); got != tc.want {
			t.Errorf("Sprintf(zh=%v, %v) = %q, want %q", tc.zh, tc.args, got, tc.want)
		}
		if got := Localize(p, Errorf(k, tc.args...)); got != tc.want {
			t.Errorf("Localize(zh=%v, %v) = %q, want %q", tc.zh, tc.args, got, tc.want)
		}
	}
	if got := Sprintf(nil, "%d of %d stated problems read (%d%%): within 90–110%%", 1999, 2024, 98); got != "1999 of 2024 stated problems read (98%): within 90–110%" {
		t.Errorf("a nil printer: %q", got)
	}
}

// TestAcceptChinese: the API's language from Accept-Language, Chinese by
// default.
func TestAcceptChinese(t *testing.T) {
	for h, want := range map[string]bool{
		"": true, "zh-CN,zh;q=0.9,en;q=0.8": true, "en-US,en;q=0.9": false,
		"en;q=0.5, zh;q=0.9": true, "fr-FR": true, "fr, en;q=0.5": false, "*": true, "garbage;;;": true,
	} {
		if got := AcceptChinese(h); got != want {
			t.Errorf("AcceptChinese(%q) = %v, want %v", h, got, want)
		}
	}
}
