package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
)

// encoded is a message as it is kept on disk (the check cache): its key
// and its arguments, each a string, a whole number, a number with a
// fraction or a message of its own. An argument of another type is kept
// as its English text.
type encoded struct {
	F string `json:"f"`
	A []arg  `json:"a,omitempty"`
}

type arg struct {
	S *string  `json:"s,omitempty"`
	I *int64   `json:"i,omitempty"`
	X *float64 `json:"x,omitempty"`
	M *encoded `json:"m,omitempty"`
}

// Encode is e as text that Decode reads back into a message printing
// the same in every language.
func Encode(e *Error) string {
	b, err := json.Marshal(encode(e))
	if err != nil {
		panic(err) // strings and numbers only
	}
	return string(b)
}

func encode(e *Error) *encoded {
	out := &encoded{F: e.Format}
	for _, a := range e.Args {
		var x arg
		switch v := plain(a).(type) {
		case string:
			x.S = &v
		case integer:
			n := int64(v)
			x.I = &n
		case float:
			f := float64(v)
			x.X = &f
		default:
			var m *Error
			if err, ok := a.(error); ok && errors.As(err, &m) {
				x.M = encode(m)
			} else if l, ok := a.(interface{ Message() *Error }); ok && l.Message() != nil {
				x.M = encode(l.Message())
			} else {
				s := fmt.Sprint(a)
				x.S = &s
			}
		}
		out.A = append(out.A, x)
	}
	return out
}

// Decode is the message Encode wrote.
func Decode(s string) (*Error, error) {
	var e encoded
	if err := json.Unmarshal([]byte(s), &e); err != nil {
		return nil, err
	}
	return decode(&e)
}

func decode(e *encoded) (*Error, error) {
	args := make([]any, len(e.A))
	for i, a := range e.A {
		switch {
		case a.S != nil:
			args[i] = *a.S
		case a.I != nil:
			args[i] = *a.I
		case a.X != nil:
			args[i] = *a.X
		case a.M != nil:
			m, err := decode(a.M)
			if err != nil {
				return nil, err
			}
			args[i] = m
		default:
			return nil, errors.New("i18n: an encoded argument with no value")
		}
	}
	return Msg(e.F, args...), nil
}
