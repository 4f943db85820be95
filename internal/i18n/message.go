package i18n

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Error is a message built from its catalog key (an English format, as
// x/text keys messages) and its arguments. Error() is the English; a
// printer renders it in the reader's language with Localize, at the place
// where it is shown, without reading the English back.
type Error struct {
	Format string
	Args   []any
	err    error // the argument given as %w, if any
}

// Errorf is fmt.Errorf for a message of the catalog: %w wraps as it does
// there.
func Errorf(format string, args ...any) error {
	e := &Error{Format: format, Args: args}
	if strings.Contains(format, "%w") {
		for _, a := range args {
			if w, ok := a.(error); ok {
				e.err = w
				break
			}
		}
	}
	return e
}

func (e *Error) Error() string {
	return fmt.Sprintf(strings.ReplaceAll(e.Format, "%w", "%v"), e.Args...)
}

func (e *Error) Unwrap() error { return e.err }

// Localizer is a value that prints itself in a printer's language (a
// check problem, a report line): Localize uses it before anything else.
type Localizer interface {
	Localize(p *message.Printer) string
}

// NewPrinter is the printer of the reader's language: Chinese when zh,
// else English.
func NewPrinter(zh bool) *message.Printer {
	once.Do(load)
	if zh {
		return printer
	}
	return message.NewPrinter(language.English, message.Catalog(builder))
}

// Localize is err in p's language: a *Error is printed from its key with
// its arguments (errors among them localized in turn); any other error as
// it is.
func Localize(p *message.Printer, err error) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localizer); ok {
		return l.Localize(p)
	}
	var e *Error
	if !errors.As(err, &e) || e != err {
		if errors.As(err, &e) {
			// a *Error wrapped by a plain error: the wrapper's words are
			// not in the catalog; show the message it carries.
			return Localize(p, e)
		}
		return err.Error()
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if ae, ok := a.(error); ok {
			args[i] = Localize(p, ae)
		} else {
			args[i] = a
		}
	}
	// The key of a format that wraps (%w) is written with %s: the wrapped
	// error is given to the printer as its localized text.
	return p.Sprintf(strings.ReplaceAll(e.Format, "%w", "%s"), args...)
}
