// Package store owns the TOML data files under data/: one file per notice,
// read and written with BurntSushi/toml. Writes are atomic (a temporary file
// in the same folder, then a rename): a data file is never half-written.
package store

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"golang.org/x/text/message"
)

// File is one decoded data file.
type File struct {
	Path   string // as given (relative to the working directory or absolute)
	Notice *notice.Notice
	Meta   toml.MetaData
	// Sum is the SHA-256 of the bytes the notice was read from, when the
	// reader recorded it (the check does); zero otherwise.
	Sum [32]byte
}

// RelPath is where a notice's data file lives under the data folder: its
// unit's path and its signed date, province/city/county/township/signed.toml
// for a township, province/city/county/unit/signed.toml for a county
// department, province/city/county/signed.toml for a county's summary.
func RelPath(n *notice.Notice) string {
	return filepath.Join(filepath.FromSlash(n.UnitPath()), string(n.Signed)+".toml")
}

// MaxFileSize is the largest data file read, in bytes: 4 MiB, about 50
// times the bundled notice of 59 findings (80 KB).
const MaxFileSize = 4 << 20

// RefusedError is a data file that is not read: not a regular file (a
// named pipe, a device, a folder; a symbolic link is followed and its
// target judged, and one whose target is missing is refused, naming it),
// or larger than MaxFileSize. Its message names the path.
type RefusedError struct {
	Path   string
	Reason string      // the English
	Loc    *i18n.Error // the reason itself, printed in the reader's language
}

func refused(path, format string, a ...any) *RefusedError {
	m := i18n.Msg(format, a...)
	return &RefusedError{path, m.Error(), m}
}

func (e *RefusedError) Error() string { return e.Path + ": " + e.Reason }

// Message is the reason.
func (e *RefusedError) Message() *i18n.Error {
	if e.Loc == nil {
		return i18n.Msg("%s", e.Reason)
	}
	return e.Loc
}

// Localize is the error in p's language.
func (e *RefusedError) Localize(p *message.Printer) string {
	return i18n.Sprintf(p, "%s: %s", e.Path, e.Message())
}

// ReadFile reads a data file: only a regular file (symbolic links
// resolved) of at most MaxFileSize bytes. It never blocks on a named pipe
// or reads without end from a device: the file is opened without waiting
// for a writer and judged by what it is before a byte is read.
func ReadFile(path string) ([]byte, error) { return ReadFileInto(path, nil) }

// ReadFileInto is ReadFile reading into buf (its capacity reused, grown
// when the file needs more): a caller that reads many files and keeps none
// of their bytes saves an allocation per file. The bytes returned share
// buf's array when it was large enough.
func ReadFileInto(path string, buf []byte) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		if target := danglingTarget(path); target != "" {
			return nil, refused(path, "a symbolic link whose target %s is missing: a data file must be a regular file", target)
		}
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, refused(path, "a folder, not a data file: a data file is a regular file named ….toml")
	}
	if !fi.Mode().IsRegular() {
		return nil, refused(path, "not a regular file (%s): data files must be regular files", Kind(fi.Mode()))
	}
	if fi.Size() > MaxFileSize {
		return nil, refused(path, "%d bytes: a data file has at most %d bytes (4 MiB)", fi.Size(), MaxFileSize)
	}
	// The size may change while the file is read: read at most one byte
	// more than allowed and judge again.
	// The buffer is sized from the file (plus room to see it grow), so a
	// read is one allocation, not a series of doublings.
	if want := int(fi.Size()) + 512; cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	bb := bytes.NewBuffer(buf[:0])
	if _, err := bb.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	b := bb.Bytes()
	if len(b) > MaxFileSize {
		return nil, refused(path, "more than %d bytes: a data file has at most %d bytes (4 MiB)", MaxFileSize, MaxFileSize)
	}
	return b, nil
}

// DanglingTarget is where path, a symbolic link whose target (or a
// link on the way to it) is missing, points, joined to the link's folder
// when relative; "" when path is not such a link.
func DanglingTarget(path string) string { return danglingTarget(path) }

func danglingTarget(path string) string {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	target, err := os.Readlink(path)
	if err != nil {
		return ""
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(path), target)
	}
	return target
}

// KindOf names what a file that is not a regular file is, for messages
// (data files here, originals in check).
func KindOf(m fs.FileMode) string { return Kind(m).Error() }

// Kind is KindOf as a message, printed in the reader's language.
func Kind(m fs.FileMode) *i18n.Error {
	switch {
	case m.IsDir():
		return i18n.Msg("a folder")
	case m&fs.ModeNamedPipe != 0:
		return i18n.Msg("a named pipe")
	case m&fs.ModeCharDevice != 0:
		return i18n.Msg("a character device")
	case m&fs.ModeDevice != 0:
		return i18n.Msg("a device")
	case m&fs.ModeSocket != 0:
		return i18n.Msg("a socket")
	}
	return i18n.Msg("mode %s", m.String())
}

// Decode reads one data file (see ReadFile for what is refused).
func Decode(path string) (*File, error) {
	b, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	var n notice.Notice
	md, err := toml.Decode(string(b), &n)
	if err != nil {
		return nil, i18n.Errorf("%s: %w", path, err)
	}
	return &File{Path: path, Notice: &n, Meta: md}, nil
}

// LayoutsDir is the folder under the data folder that holds layout
// profiles (docs/layouts.md), and EditsSuffix ends the name of the file of
// an editor's corrections beside a data file (internal/intake/edits.go):
// Files lists neither, they are not data files.
const (
	LayoutsDir  = "layouts"
	EditsSuffix = ".edits.toml"
)

// ThemesFile is the problem themes' taxonomy in the data folder
// (data/themes.toml, read by the build and checked: internal/themes):
// Files does not list it, it is not a data file.
const ThemesFile = "themes.toml"

// Files lists the .toml files under dir (but layout profiles and edits
// files), sorted: every name ending in
// .toml, a folder's too (ReadFile refuses it: a folder named like a data
// file is a mistake to report, not a folder to skip), and the files in it.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p == filepath.Join(dir, LayoutsDir) {
			return filepath.SkipDir // layout profiles, not data files
		}
		if p == filepath.Join(dir, ThemesFile) {
			return nil // the problem themes' taxonomy (docs/themes.md), not a data file
		}
		if p != dir && strings.HasSuffix(p, ".toml") && !strings.HasSuffix(p, EditsSuffix) {
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
var ErrExists = i18n.Errorf("file exists (use --force to overwrite)")

// Write writes the notice to path atomically. It refuses to overwrite an
// existing file unless force is set.
func Write(path string, n *notice.Notice, force bool) error {
	b, err := Encode(n)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b, force)
}

// mkdirAll makes dir and its missing parents, each with mode 0755 whatever
// the umask (a site's data folder is read by the web server's user and by
// other editors, as the built site is); folders that exist keep theirs.
func mkdirAll(dir string) error {
	var made []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !errors.Is(err, fs.ErrNotExist) {
			break
		}
		made = append(made, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range made {
		if err := os.Chmod(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// WriteFileAtomic writes b to path through a temporary file and a rename:
// the file gets mode 0644, and the folders made for it 0755, whatever the
// umask.
func WriteFileAtomic(path string, b []byte, force bool) error {
	if !force {
		if _, err := os.Stat(path); err == nil {
			return i18n.Errorf("%s: %w", path, ErrExists)
		}
	}
	if err := mkdirAll(filepath.Dir(path)); err != nil {
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
