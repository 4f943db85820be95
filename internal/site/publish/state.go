package publish

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Version changes when the layout of the cache changes.
const Version = 2

// CacheDir is the default cache folder of a site folder:
// .gongshi-cache/<name> beside it.
func CacheDir(out string) string {
	return filepath.Join(filepath.Dir(out), ".gongshi-cache", filepath.Base(out))
}

// State is state.json.
type State struct {
	Version int               `json:"version"`
	Out     string            `json:"out"`     // the site folder it describes
	Global  string            `json:"global"`  // hash of what every page depends on
	Search  string            `json:"search"`  // hash of the indexed documents
	Indexed int               `json:"indexed"` // documents in that index
	Units   map[string]string `json:"units"`   // unit key → hash of its data file
	// Regions are the hashes of the units in each region with download
	// files (region key → hash of its units' keys and hashes).
	Regions map[string]string `json:"regions"`
	// Files are the site's files (relative, with /, sorted), Bytes their
	// sizes added up: an incremental build updates the site folder in
	// place (see inplace.go) and never walks it.
	Files []string `json:"files"`
	Bytes int64    `json:"bytes"`
	// Spare is the previous site folder, kept to become the next one (see
	// inplace.go), or nil.
	Spare *Spare `json:"spare,omitempty"`
}

// Spare is the spare site folder: where it is, its identity, and the
// files in which it differs from the site folder (added, changed or
// removed by the build that switched it out).
type Spare struct {
	Path string      `json:"path"`
	ID   dirIdentity `json:"id"`
	Diff []string    `json:"diff"`
}

func stateFile(cache string) string { return filepath.Join(cache, "state.json") }

// LoadState reads the previous build's state, or nil when there is none
// usable for out (missing, of another version, of another folder, or out
// is gone).
func LoadState(cache, out string) *State {
	b, err := os.ReadFile(stateFile(cache))
	if err != nil {
		return nil
	}
	var s State
	if json.Unmarshal(b, &s) != nil || s.Version != Version || s.Out != out || s.Units == nil || s.Files == nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return nil
	}
	return &s
}

// DropState removes the state, before the site it describes is replaced.
func DropState(cache string) error {
	err := os.Remove(stateFile(cache))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// SaveState writes the state atomically.
func SaveState(cache string, s *State) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return writeAtomic(stateFile(cache), b)
}

// writeAtomic writes b to a temporary file beside p and renames it to p.
func writeAtomic(p string, b []byte) error {
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}
