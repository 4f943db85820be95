// Package fault is the one shape of gongshi's errors across packages: an
// error carries its Kind, what went wrong as the one who called must act on
// it, and the kind alone chooses a command's exit code (cli.Code) and an
// HTTP handler's status (httpapi, review). A package says what kind its
// errors are (New, or a Kind method on its own error type); the boundary
// that answers asks KindOf and maps it, never its own list of error types.
//
// gongshi's exit codes stay those of its documentation: 0 done, 1 failed,
// 2 called wrongly (Usage). The kinds that fail are told apart by HTTP
// statuses, which have the vocabulary for it.
package fault

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
)

// Kind is what went wrong.
type Kind uint8

const (
	// Internal is a fault of gongshi or of its machine (a bug, a disk that
	// fails): the one who called can do nothing about it. The zero Kind,
	// and the kind of an error that says none.
	Internal Kind = iota
	// Invalid is input that is wrong: a data file, a query, a form.
	Invalid
	// Usage is a command called wrongly: a flag, an argument.
	Usage
	// NotFound is something asked for that is not there.
	NotFound
	// Conflict is a request that would undo what is there (overwrite a
	// file, lose an editor's work).
	Conflict
	// TooLarge is input over a limit.
	TooLarge
	// Forbidden is a request that is not allowed (a foreign origin, a
	// token that does not match).
	Forbidden
	// Unavailable is a request that cannot be answered now but may be
	// later: another build holds the lock, a search took too long.
	Unavailable
	// Gone is something that was there and no longer is (an upload
	// already saved or expired).
	Gone
)

// Kinds is every kind, in order.
var Kinds = []Kind{Internal, Invalid, Usage, NotFound, Conflict, TooLarge, Forbidden, Unavailable, Gone}

var names = [...]string{"internal", "invalid", "usage", "not found", "conflict", "too large", "forbidden", "unavailable", "gone"}

func (k Kind) String() string {
	if int(k) < len(names) {
		return names[k]
	}
	return names[Internal]
}

// ExitCode is the process exit code of a command that fails with an error
// of kind k: 2 for Usage, 1 for every other failure.
func (k Kind) ExitCode() int {
	if k == Usage {
		return 2
	}
	return 1
}

// HTTPStatus is the status of an HTTP answer to a request that fails with
// an error of kind k.
func (k Kind) HTTPStatus() int {
	switch k {
	case Invalid, Usage:
		return http.StatusBadRequest
	case NotFound:
		return http.StatusNotFound
	case Conflict:
		return http.StatusConflict
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case Forbidden:
		return http.StatusForbidden
	case Unavailable:
		return http.StatusServiceUnavailable
	case Gone:
		return http.StatusGone
	}
	return http.StatusInternalServerError
}

// Error is an error with its kind. Its text is the wrapped error's (a
// message of the catalog stays one: i18n.Localize finds it inside).
type Error struct {
	kind Kind
	err  error
}

// New is err of kind k; nil when err is nil.
func New(k Kind, err error) error {
	if err == nil {
		return nil
	}
	return &Error{kind: k, err: err}
}

func (e *Error) Error() string { return e.err.Error() }
func (e *Error) Unwrap() error { return e.err }

// Kind is the error's kind.
func (e *Error) Kind() Kind { return e.kind }

// Kinded is an error that says its kind: an *Error, or a package's own
// error type with a Kind method.
type Kinded interface {
	error
	Kind() Kind
}

// KindOf is the kind err carries: that of the outermost error in its
// chain that says one (Kinded); else, for the standard library's errors
// that say it in their own way, theirs (a deadline or a cancellation is
// Unavailable, fs.ErrNotExist NotFound, a body over http.MaxBytesReader's
// limit TooLarge); else Internal.
func KindOf(err error) Kind {
	var k Kinded
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &k):
		return k.Kind()
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return Unavailable
	case errors.Is(err, fs.ErrNotExist):
		return NotFound
	case errors.As(err, &tooLarge):
		return TooLarge
	}
	return Internal
}

// Is reports whether err is of kind k.
func Is(err error, k Kind) bool { return err != nil && KindOf(err) == k }
