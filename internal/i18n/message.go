package i18n

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Error is a message built from its catalog key (an English format, as
// x/text keys messages) and its arguments. Error() is the English; a
// printer renders it in the reader's language with Localize, at the place
// where it is shown, without reading the English back. It is a Localizer
// too, so a value that is not an error (a line of a report, a check
// problem's text) carries one the same way: see Msg.
type Error struct {
	Format string
	Args   []any
	err    error // the argument given as %w, if any
}

// Errorf is fmt.Errorf for a message of the catalog: %w wraps as it does
// there.
func Errorf(format string, args ...any) error {
	return Msg(format, args...)
}

// Msg is the message format with args, printed later in the reader's
// language (Localize, or as an argument of Sprintf); its Error() is the
// English. Errorf is the same as an error.
func Msg(format string, args ...any) *Error {
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
	return e.Localize(nil)
}

func (e *Error) Unwrap() error { return e.err }

// Localize is the message in p's language (English when p is nil), its
// arguments that are errors or Localizers localized in turn. The key of a
// format that wraps (%w) is written with %s: the wrapped error is given to
// the printer as its localized text.
func (e *Error) Localize(p *message.Printer) string {
	key := strings.ReplaceAll(e.Format, "%w", "%s")
	if p == nil {
		once.Do(load)
		if !plurals[key] {
			// The English of a message that is not plural is its key:
			// fmt prints it, at a tenth of the printer's cost.
			return fmt.Sprintf(key, inEnglish(e.Args)...)
		}
	}
	return Printer(p).Sprintf(key, args(p, e.Args)...)
}

// Localizer is a value that prints itself in a printer's language (a
// check problem, a report line): Localize uses it before anything else.
// A nil printer means English.
type Localizer interface {
	Localize(p *message.Printer) string
}

var english *message.Printer

// NewPrinter is the printer of the reader's language: Chinese when zh,
// else English.
func NewPrinter(zh bool) *message.Printer {
	once.Do(load)
	if zh {
		return printer
	}
	return english
}

// Printer is p, or the English printer when p is nil (a command whose
// IO has no printer, a test).
func Printer(p *message.Printer) *message.Printer {
	if p == nil {
		return NewPrinter(false)
	}
	return p
}

// Localize is err in p's language (English when p is nil): a Localizer
// prints itself; a *Error wrapped by a plain error is shown as the
// message it carries (the wrapper's words are not in the catalog); any
// other error as it is.
func Localize(p *message.Printer, err error) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localizer); ok {
		return l.Localize(p)
	}
	// A message wrapped by an error that is not one (fault.New, a
	// cli.ExitError, fmt's %w): the message it carries.
	var l Localizer
	if errors.As(err, &l) {
		return l.Localize(p)
	}
	return err.Error()
}

// Sprintf is the catalog message format in p's language (English when p
// is nil), with args; an argument that is a Localizer or an error is
// given as its localized text.
//
// The newlines that begin or end format are not part of its key: a line
// printed with Fprintf(w, p, "\nwarnings: %d\n", n) is the entry
// "warnings: %d".
func Sprintf(p *message.Printer, format string, a ...any) string {
	key := strings.Trim(format, "\n")
	if key == format {
		return Printer(p).Sprintf(format, args(p, a)...)
	}
	i := strings.Index(format, key)
	return format[:i] + Printer(p).Sprintf(key, args(p, a)...) + format[i+len(key):]
}

// Fprintf writes Sprintf(p, format, a…) to w.
func Fprintf(w io.Writer, p *message.Printer, format string, a ...any) (int, error) {
	return io.WriteString(w, Sprintf(p, format, a...))
}

// Fprintln writes the catalog message format in p's language, with a
// newline.
func Fprintln(w io.Writer, p *message.Printer, format string, a ...any) (int, error) {
	return io.WriteString(w, Sprintf(p, format, a...)+"\n")
}

// inEnglish is in with its messages, errors and Localizers in English, for
// fmt (which prints numbers as they are).
func inEnglish(in []any) []any {
	out := in
	for i, a := range in {
		var s string
		switch a := a.(type) {
		case Localizer:
			s = a.Localize(nil)
		case error:
			s = Localize(nil, a)
		default:
			continue
		}
		if &out[0] == &in[0] {
			out = append([]any(nil), in...)
		}
		out[i] = s
	}
	return out
}

func args(p *message.Printer, in []any) []any {
	out := make([]any, len(in))
	for i, a := range in {
		switch a := a.(type) {
		case Localizer:
			out[i] = a.Localize(p)
		case error:
			out[i] = Localize(p, a)
		default:
			out[i] = plain(a)
		}
	}
	return out
}

// Chinese printer's language tag, for a test or an HTTP handler that
// matches Accept-Language.
var (
	Languages = []language.Tag{language.Chinese, language.English}
	matcher   = language.NewMatcher(Languages)
)

// AcceptChinese reports whether an HTTP Accept-Language header asks for
// Chinese before English; no header (or one naming neither) is Chinese,
// the site's language.
func AcceptChinese(header string) bool {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return true
	}
	for _, t := range tags {
		base, conf := t.Base()
		if conf == language.No {
			continue
		}
		switch base.String() {
		case "zh":
			return true
		case "en":
			return false
		}
	}
	return true
}

// List is items (messages, errors, Localizers or plain values) as one
// list, each in the printer's language: "a, b" in English, "a、b" in
// Chinese.
type List []any

// Join is the list of items.
func Join(items ...any) List { return List(items) }

// Localize is the list in p's language.
func (l List) Localize(p *message.Printer) string {
	parts := make([]string, len(l))
	for i, a := range args(p, l) {
		parts[i] = fmt.Sprint(a)
	}
	return strings.Join(parts, Printer(p).Sprintf(", "))
}

func (l List) String() string { return l.Localize(nil) }

// Zh reports whether p prints Chinese (for words that are data's own
// labels, not the catalog's: a status's 已整改, a unit kind's 乡镇).
func Zh(p *message.Printer) bool { return p != nil && p == NewPrinter(true) }

// Logger is a writer of progress lines that carries the printer of its
// reader's language: a build's log (site.Options.Log) is one, so that
// each line is built in that language where it is written (Logf).
type Logger struct {
	io.Writer
	P *message.Printer
}

// Printer is the logger's printer.
func (l Logger) Printer() *message.Printer { return l.P }

// Logf writes the message format (a key of the catalog) with a to w: in
// w's language when w is a Logger, else in English.
func Logf(w io.Writer, format string, a ...any) {
	Fprintf(w, LogPrinter(w), format, a...)
}

// LogPrinter is w's printer when w is a Logger, else nil (English).
func LogPrinter(w io.Writer) *message.Printer {
	if l, ok := w.(interface{ Printer() *message.Printer }); ok {
		return l.Printer()
	}
	return nil
}
