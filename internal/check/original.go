package check

import (
	"errors"
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/store"
)

// Originals: a notice's `original` is the file the site publishes beside
// its page, so it must be a file the commission meant to publish, never
// whatever the build machine holds (.git/config with a token in a remote
// URL, a key under a home folder). The rule, in two parts:
//
//   - by its text alone (checked with the file, see original): a relative
//     path with / between folders, without a drive (:) or \, without an
//     empty, . or .. part, and without a part that starts with a dot (a
//     hidden file or folder, anywhere in the path);
//   - on the file system (checked for every file on every run, never
//     cached, see checkOriginals, and again by the site as it copies the
//     file, see ResolveOriginal): the path lies in one of the folders that
//     config.toml's [params] originals names (seeds by default), and still
//     does once symbolic links are resolved: a link under seeds/ that leads
//     out of seeds/, or to a hidden file, is refused; so is an original
//     that is not a regular file.
//
// An original that does not exist is not a problem of the check (the build
// stops on it as it copies the originals).

// DefaultOriginals are the folders, relative to the project, that
// originals may lie in when config.toml's [params] originals names none.
var DefaultOriginals = []string{"seeds"}

// OriginalFolders are the folders (slash-separated, relative to root)
// that originals may lie in: config.toml's [params] originals under root,
// or DefaultOriginals when the file or the key is missing. A folder named
// there must itself pass the rule of an original's text.
func OriginalFolders(root string) ([]string, error) {
	p := filepath.Join(root, "config.toml")
	var c struct {
		Params struct {
			Originals *[]string `toml:"originals"`
		} `toml:"params"`
	}
	if _, err := toml.DecodeFile(p, &c); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return DefaultOriginals, nil
		}
		return nil, i18n.Errorf("%s: %w", p, err)
	}
	if c.Params.Originals == nil {
		return DefaultOriginals, nil
	}
	folders := make([]string, 0, len(*c.Params.Originals))
	for _, f := range *c.Params.Originals {
		f = strings.TrimSuffix(f, "/")
		if originalFault(f) != faultNone {
			return nil, i18n.Errorf("%s: [params] originals: %q must be a folder inside the project, relative, with / between folders, without . or .. parts and not hidden (like seeds)", p, f)
		}
		folders = append(folders, f)
	}
	return folders, nil
}

// fault is what is wrong with an original's text.
type fault int

const (
	faultNone   fault = iota
	faultForm         // absolute, a drive, a backslash
	faultParts        // an empty, . or .. part
	faultHidden       // a part starting with a dot

	// A Windows editor's path (checked before faultForm, for a message
	// that says what to write instead):
	faultBackslash // relative, with \ between folders: its / form is fine
	faultDrive     // absolute on Windows: C:\…, C:…, \\server\share\…, \…
)

// windowsFault tells a Windows path from other faults of form: a drive
// letter (C:), a UNC or rooted path (\\server, \), or a relative path
// with backslashes whose slash form passes the rule (faultBackslash).
func windowsFault(o string) fault {
	if len(o) >= 2 && o[1] == ':' && (o[0]|0x20 >= 'a' && o[0]|0x20 <= 'z') {
		return faultDrive
	}
	if strings.HasPrefix(o, `\`) {
		return faultDrive
	}
	if strings.Contains(o, `\`) && originalFault(strings.ReplaceAll(o, `\`, "/")) == faultNone {
		return faultBackslash
	}
	return faultNone
}

// originalFault judges an original's text alone (see the rule above).
func originalFault(o string) fault {
	if o == "" || strings.HasPrefix(o, "/") || strings.Contains(o, `\`) || strings.Contains(o, ":") {
		return faultForm
	}
	for _, seg := range strings.Split(o, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return faultParts
		}
	}
	if hiddenPart(o) != "" {
		return faultHidden
	}
	return faultNone
}

// hiddenPart is the first part of the slash-separated path p that starts
// with a dot, or "".
func hiddenPart(p string) string {
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return seg
		}
	}
	return ""
}

// original checks the text of the notice's original (the part of the rule
// that depends on the file's bytes alone, so the cache may keep it).
func (fc *fileCheck) original() {
	o := fc.n.Original
	if !fc.ok("original") || o == "" {
		return
	}
	f := originalFault(o)
	if f == faultForm {
		if w := windowsFault(o); w != faultNone {
			f = w
		}
	}
	switch f {
	case faultBackslash:
		fc.at("original", "original %q has \\ between folders (a Windows path): write it with /, as %s", o, strings.ReplaceAll(o, `\`, "/"))
	case faultDrive:
		fc.at("original", "original %q is an absolute Windows path (a drive or a \\\\server share): name the file relative to the project folder with / between folders, like seeds/000_notice.txt", o)
	case faultForm:
		fc.at("original", "original %q must be a relative path inside the repository with / between folders, like seeds/000_notice.txt", o)
	case faultParts:
		fc.at("original", "original %q must not have an empty, . or .. part: name the file inside seeds/ (or a folder config.toml's [params] originals lists), like seeds/000_notice.txt", o)
	case faultHidden:
		fc.at("original", "original %q names a hidden file or folder (%s): a file or folder whose name starts with a dot is never published", o, hiddenPart(o))
	}
}

// OriginalError is an original the site must not publish.
type OriginalError struct {
	Original string
	Msg      string      // the English
	Loc      *i18n.Error // the message itself, printed in the reader's language
}

func originalError(o, format string, a ...any) *OriginalError {
	m := i18n.Msg(format, a...)
	return &OriginalError{o, m.Error(), m}
}

func (e *OriginalError) Error() string { return e.Msg }

// Message is the error as a message, printed in the reader's language.
func (e *OriginalError) Message() *i18n.Error {
	if e.Loc == nil {
		return i18n.Msg("%s", e.Msg)
	}
	return e.Loc
}

// Localize is the error in p's language.
func (e *OriginalError) Localize(p *message.Printer) string { return e.Message().Localize(p) }

// ResolveOriginal is the file the original o names, with every symbolic
// link resolved (an absolute path), when it may be published: o passes the
// rule of its text, lies in one of folders (relative to root, as
// OriginalFolders gives them), still lies in that folder (resolved) once
// its links are resolved, without a hidden part there, and is a regular
// file. Otherwise the error is an *OriginalError, or, when the file (or
// its folder) does not exist, one that errors.Is fs.ErrNotExist.
func ResolveOriginal(root string, folders []string, o string) (string, error) {
	f := originalFault(o)
	if f == faultForm {
		if w := windowsFault(o); w != faultNone {
			f = w
		}
	}
	switch f {
	case faultBackslash:
		return "", originalError(o, "original %q has \\ between folders (a Windows path): write it with /, as %s", o, strings.ReplaceAll(o, `\`, "/"))
	case faultDrive:
		return "", originalError(o, "original %q is an absolute Windows path (a drive or a \\\\server share): name the file relative to the project folder with / between folders, like seeds/000_notice.txt", o)
	case faultForm:
		return "", originalError(o, "original %q must be a relative path inside the repository with / between folders, like seeds/000_notice.txt", o)
	case faultParts:
		return "", originalError(o, "original %q must not have an empty, . or .. part: name the file inside seeds/ (or a folder config.toml's [params] originals lists), like seeds/000_notice.txt", o)
	case faultHidden:
		return "", originalError(o, "original %q names a hidden file or folder (%s): a file or folder whose name starts with a dot is never published", o, hiddenPart(o))
	}
	folder, rest := "", ""
	for _, f := range folders {
		if r, ok := strings.CutPrefix(o, f+"/"); ok && r != "" {
			folder, rest = f, r
			break
		}
	}
	if folder == "" {
		names := strings.Join(folders, ", ")
		if names == "" {
			names = "none"
		}
		return "", originalError(o, "original %q is not in a folder whose files may be published (%s, as config.toml's [params] originals says): copy the file there and import it from there", o, names)
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(absRoot, filepath.FromSlash(folder))
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, filepath.FromSlash(rest))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realDir, real)
	if err != nil || !filepath.IsLocal(rel) {
		return "", originalError(o, "original %q is a symbolic link, or lies under one, that leads out of %s/ (to %s): only files inside it are published", o, folder, real)
	}
	if h := hiddenPart(filepath.ToSlash(rel)); h != "" {
		return "", originalError(o, "original %q is a symbolic link, or lies under one, that leads to a hidden file or folder (%s): a file or folder whose name starts with a dot is never published", o, h)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", originalError(o, "original %q is not a regular file (%s): only a file is published", o, store.Kind(fi.Mode()))
	}
	return real, nil
}

// checkOriginals checks, on the file system under root, the original of
// every file whose original passed the rule of its text (see the rule
// above). It runs on every check, after the files' own (cached) checks:
// what a link points at, or config.toml, may change while a data file's
// bytes do not. A failure to read config.toml is the error.
func checkOriginals(fcs []*fileCheck, root string) error {
	var folders []string
	for _, fc := range fcs {
		if fc == nil || fc.file == nil || fc.file.Notice.Original == "" || !fc.ok("original") {
			continue
		}
		o := fc.file.Notice.Original
		if originalFault(o) != faultNone {
			continue // reported with the file
		}
		if folders == nil {
			var err error
			if folders, err = OriginalFolders(root); err != nil {
				return err
			}
		}
		_, err := ResolveOriginal(root, folders, o)
		var oe *OriginalError
		switch {
		case err == nil, errors.Is(err, fs.ErrNotExist):
			// Nothing to publish, nothing to leak: the build stops on a
			// missing original.
		case errors.As(err, &oe):
			fc.at("original", "%s", oe.Message())
		default:
			fc.at("original", "original %q cannot be resolved: %v", o, err)
		}
	}
	return nil
}
