// Package cli holds what every gongshi command shares: its input and output
// streams (injected, so each command is testable without a terminal) and the
// error type that carries an exit code.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/gongshi/gongshi/internal/i18n"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/fault"
)

// IO is a command's streams, and the printer of the reader's language
// (i18n.NewPrinter; nil means English) that builds what it prints.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	P   *message.Printer
}

// ExitError is an error with the process exit code it asks for. A command
// that has already printed its problems returns one with Silent set.
type ExitError struct {
	Code   int
	Err    error
	Silent bool
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// Usage is an error in how a command was called (fault.Usage: exit 2):
// a message of the catalog (i18n.Errorf), printed in the reader's language.
func Usage(format string, a ...any) error {
	return &ExitError{Code: fault.Usage.ExitCode(), Err: fault.New(fault.Usage, i18n.Errorf(format, a...))}
}

// Code is the exit code for err: 0 for nil, an ExitError's code, else
// that of the kind err carries (fault.KindOf: 2 for fault.Usage, 1 for
// any other failure).
func Code(err error) int {
	if err == nil {
		return 0
	}
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code
	}
	return fault.KindOf(err).ExitCode()
}
