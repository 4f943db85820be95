// Package store owns the TOML data files under data/: one file per notice,
// read and written with BurntSushi/toml. Writes are atomic (a temporary file
// in the same folder, then a rename): a data file is never half-written.
package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

// File is one decoded data file.
type File struct {
	Path   string // as given (relative to the working directory or absolute)
	Notice *notice.Notice
	Meta   toml.MetaData
}

// RelPath is where a notice's data file lives under the data folder: its
// unit's path and its signed date, province/city/county/township/signed.toml
// for a township, province/city/county/unit/signed.toml for a county
// department, province/city/county/signed.toml for a county's summary.
func RelPath(n *notice.Notice) string {
	return filepath.Join(filepath.FromSlash(n.UnitPath()), string(n.Signed)+".toml")
}

// Decode reads one data file.
func Decode(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var n notice.Notice
	md, err := toml.Decode(string(b), &n)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{Path: path, Notice: &n, Meta: md}, nil
}

// Files lists the .toml files under dir, sorted.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".toml") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// LoadAll decodes every data file under dir.
func LoadAll(dir string) ([]*File, error) {
	paths, err := Files(dir)
	if err != nil {
		return nil, err
	}
	var out []*File
	var errs []error
	for _, p := range paths {
		f, err := Decode(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, f)
	}
	return out, errors.Join(errs...)
}

// Notices is the notices of files.
func Notices(files []*File) []*notice.Notice {
	out := make([]*notice.Notice, len(files))
	for i, f := range files {
		out[i] = f.Notice
	}
	return out
}

// encodePlain is the library's TOML encoding of a notice.
func encodePlain(n *notice.Notice) ([]byte, error) {
	var buf bytes.Buffer
	enc := toml.NewEncoder(&buf)
	enc.Indent = ""
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ErrExists is returned by Write when the file exists and force is false.
var ErrExists = errors.New("file exists (use --force to overwrite)")

// Write writes the notice to path atomically. It refuses to overwrite an
// existing file unless force is set.
func Write(path string, n *notice.Notice, force bool) error {
	b, err := Encode(n)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b, force)
}

// WriteFileAtomic writes b to path through a temporary file and a rename.
func WriteFileAtomic(path string, b []byte, force bool) error {
	if !force {
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
