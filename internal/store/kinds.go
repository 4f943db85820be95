package store

import "github.com/gongshi/gongshi/internal/fault"

// Kind: a data file gongshi does not read (not a regular file, too large)
// is input to correct.
func (e *RefusedError) Kind() fault.Kind { return fault.Invalid }

// Kind: a re-import that would lose the editors' work in the file it
// replaces conflicts with what is there.
func (e *CarryError) Kind() fault.Kind { return fault.Conflict }
