package store

import (
	"errors"
	"fmt"
	"github.com/gongshi/gongshi/internal/i18n"
	"golang.org/x/text/message"
	"io/fs"
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

// Re-importing a notice over its data file (gongshi import --force)
// replaces what the importer reads from the notice's text, and keeps what
// the editors added, which no text holds:
//
//   - EditorKeys, the tables only an editor writes ([[redact]],
//     [[revisions]], [withdrawn]), are carried over as they are;
//   - ProvenanceKeys (published, source, source_url), which the importer
//     fills only when the text (or --source-url) gives them, are carried
//     over when the new import leaves them empty;
//   - anything else the existing file holds that a notice has no key for
//     would be lost, so the import is refused, naming it; so is a file that
//     cannot be decoded (what it holds cannot be told), a [withdrawn] that
//     disagrees with one the import made, and a [[redact]] whose text no
//     longer occurs in the new text (the mask would mask nothing, and the
//     name could be published as the new text writes it).

// EditorKeys are the top-level keys of a data file that only an editor
// writes: Carry keeps them.
var EditorKeys = []string{"redact", "revisions", "withdrawn"}

// ProvenanceKeys are the top-level keys an editor may fill where the
// import left them empty: Carry keeps them when the new import has none.
var ProvenanceKeys = []string{"published", "source", "source_url"}

// CarryError is a re-import refused: what the existing data file holds
// that would be lost.
type CarryError struct {
	Msg string      // the English
	Loc *i18n.Error // the message itself, printed in the reader's language
}

func carryError(format string, a ...any) *CarryError {
	m := i18n.Msg(format, a...)
	return &CarryError{m.Error(), m}
}

func (e *CarryError) Error() string { return e.Msg }

// Localize is the error in p's language.
func (e *CarryError) Localize(p *message.Printer) string {
	if e.Loc == nil {
		return e.Msg
	}
	return e.Loc.Localize(p)
}

// Carry carries into n, a notice just imported that is to replace the data
// file whose bytes are old, the editors' work in that file (see above),
// and returns what it kept (1 [[redact]], source …: the report lists them; nil when it
// kept nothing). It changes n only when it returns no error; the error,
// a *CarryError, says what would be lost.
func Carry(old []byte, n *notice.Notice) ([]string, error) {
	var was notice.Notice
	md, err := toml.Decode(string(old), &was)
	if err != nil {
		return nil, carryError("the existing data file cannot be read (%v), so its [[redact]], [[revisions]] and [withdrawn] would be lost: correct it (gongshi check) or move it away, then import again", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		sort.Strings(keys)
		return nil, carryError("the existing data file has keys a notice does not have (%s), which would be lost: move them into a key of the notice or remove them, then import again", strings.Join(keys, ", "))
	}
	if !was.Withdrawn.IsZero() && !n.Withdrawn.IsZero() && was.Withdrawn != n.Withdrawn {
		return nil, carryError("the existing data file's [withdrawn] (%s, %s) differs from the imported one (%s, %s): only one can be kept", was.Withdrawn.Date, was.Withdrawn.Reason, n.Withdrawn.Date, n.Withdrawn.Reason)
	}
	for _, r := range was.Redact {
		if strings.TrimSpace(r.Text) != "" && !n.Contains(r.Text) {
			return nil, carryError("the existing data file's [[redact]] text %q occurs nowhere in the newly imported text: the mask would mask nothing, and the text it hid may now be written otherwise; correct (or remove) that [[redact]] in the existing file, then import again", r.Text)
		}
	}

	var kept []string
	if len(was.Redact) > 0 {
		n.Redact = append(append([]notice.Redaction(nil), was.Redact...), newOnly(n.Redact, was.Redact)...)
		kept = append(kept, fmt.Sprintf("%d [[redact]]", len(was.Redact)))
	}
	if len(was.Revisions) > 0 {
		n.Revisions = append(append([]notice.Revision(nil), was.Revisions...), newOnly(n.Revisions, was.Revisions)...)
		kept = append(kept, fmt.Sprintf("%d [[revisions]]", len(was.Revisions)))
	}
	if !was.Withdrawn.IsZero() {
		n.Withdrawn = was.Withdrawn
		kept = append(kept, "[withdrawn]")
	}
	for _, p := range []struct {
		key      string
		was, now *string
	}{
		{"published", (*string)(&was.Published), (*string)(&n.Published)},
		{"source", &was.Source, &n.Source},
		{"source_url", &was.SourceURL, &n.SourceURL},
	} {
		if *p.was != "" && *p.now == "" {
			*p.now = *p.was
			kept = append(kept, p.key)
		}
	}
	if len(kept) == 0 {
		return nil, nil
	}
	return kept, nil
}

// newOnly is the items of now that are not in was.
func newOnly[T any](now, was []T) []T {
	var out []T
	for _, x := range now {
		found := false
		for _, y := range was {
			if reflect.DeepEqual(x, y) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// WriteKeeping is Write for a re-import: with force, an existing data file
// at path is read first and its editors' work carried into n (see Carry),
// or nothing is written and the error says what would be lost. It returns
// Carry's lines for the import's report.
func WriteKeeping(path string, n *notice.Notice, force bool) ([]string, error) {
	var kept []string
	if force {
		old, err := ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, err
		default:
			if kept, err = Carry(old, n); err != nil {
				return nil, i18n.Errorf("%s: %w; nothing written", path, err)
			}
		}
	}
	return kept, Write(path, n, force)
}
