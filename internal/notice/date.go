package notice

import (
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"time"
)

// Date is a calendar date, "2006-01-02", or empty. In TOML it is written as a
// bare local date (signed = 2024-12-02); a quoted string is accepted too.
type Date string

// DateLayout is the one layout of a Date.
const DateLayout = "2006-01-02"

// Time parses the date; the zero time for an empty Date.
func (d Date) Time() (time.Time, error) {
	if d == "" {
		return time.Time{}, nil
	}
	return time.Parse(DateLayout, string(d))
}

// Valid reports whether d is empty or a real calendar date.
func (d Date) Valid() bool {
	_, err := d.Time()
	return err == nil
}

// Year is the date's year, or 0.
func (d Date) Year() int {
	t, err := d.Time()
	if err != nil || d == "" {
		return 0
	}
	return t.Year()
}

// DateOf makes a Date from a time.
func DateOf(t time.Time) Date { return Date(t.Format(DateLayout)) }

// UnmarshalTOML accepts a TOML local date (2024-12-02) or a string.
func (d *Date) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		*d = DateOf(x)
		return nil
	case string:
		if x != "" {
			if _, err := time.Parse(DateLayout, x); err != nil {
				return i18n.Errorf("date %q is not YYYY-MM-DD", x)
			}
		}
		*d = Date(x)
		return nil
	}
	return i18n.Errorf("a date must be written like 2024-12-02, not %s", fmt.Sprintf("%T", v))
}

// MarshalTOML writes a bare TOML local date.
func (d Date) MarshalTOML() ([]byte, error) {
	if d == "" {
		return []byte(`""`), nil
	}
	if !d.Valid() {
		return nil, i18n.Errorf("date %q is not YYYY-MM-DD", string(d))
	}
	return []byte(d), nil
}
