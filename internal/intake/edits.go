package intake

// An editor's corrections of the importer's reading (the review page's
// forms), kept as a list of edits: applied by the import use case as the
// importer's reading with some lines' roles and some findings' statuses
// forced, and some of the request's fields given. The list is saved beside
// the data file (NAME.edits.toml, see docs/layouts.md), which names it
// (`edits`), so that importing the same original again — with a newer
// importer — replays them.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/importer"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/store"
)

// Edit is one correction.
//
//	op = "role"    line's role is Role (finding, category, group, status,
//	               measure, problem, chrome, ignore)
//	op = "split"   a new finding starts at Line (role finding)
//	op = "merge"   the finding that starts at Line joins the one before it
//	               (its line becomes more of that finding's problem)
//	op = "status"  the finding that starts at Line has Status (done,
//	               in_progress, not_started, unstated)
//	op = "field"   Field (title, signed, region, unit, unit_kind,
//	               source_url) is Value
type Edit struct {
	Op     string `toml:"op"`
	Line   int    `toml:"line,omitempty"`
	Role   string `toml:"role,omitempty"`
	Status string `toml:"status,omitempty"`
	Field  string `toml:"field,omitempty"`
	Value  string `toml:"value,omitempty"`
}

// Fields an edit may give.
var EditFields = []string{"title", "signed", "region", "unit", "unit_kind", "source_url"}

// Check reports what is malformed in the edit.
func (e Edit) Check() error {
	switch e.Op {
	case "role":
		if _, ok := importer.ForcibleRole(e.Role); !ok {
			return i18n.Errorf("edit: role %q is not one of finding, category, group, status, measure, problem, chrome, ignore", e.Role)
		}
		fallthrough
	case "split", "merge":
		if e.Line < 1 {
			return i18n.Errorf("edit: %s needs a line", e.Op)
		}
	case "status":
		if e.Line < 1 {
			return i18n.Errorf("edit: %s needs a line", e.Op)
		}
		if !notice.Status(e.Status).Valid() {
			return i18n.Errorf("edit: status %q is not one of done, in_progress, not_started, unstated", e.Status)
		}
	case "field":
		known := false
		for _, f := range EditFields {
			known = known || f == e.Field
		}
		if !known {
			return i18n.Errorf("edit: field %q is not one of title, signed, region, unit, unit_kind, source_url", e.Field)
		}
		if e.Field == "signed" && strings.TrimSpace(e.Value) != "" {
			if _, err := importer.ParseDate(e.Value); err != nil {
				return i18n.Errorf("edit: %q is not a date (write it like 2024年12月2日 or 2024-12-02)", e.Value)
			}
		}
	default:
		return i18n.Errorf("edit: op %q is not one of role, split, merge, status, field", e.Op)
	}
	return nil
}

// EditsFile is the file of an editor's corrections of one original.
type EditsFile struct {
	// Original is the document's name, and SHA256 the hash of its bytes:
	// the edits are replayed only on the same original.
	Original string `toml:"original"`
	SHA256   string `toml:"sha256"`
	Edits    []Edit `toml:"edit"`
}

// EditsPath is the edits file beside the data file at path.
func EditsPath(path string) string {
	return strings.TrimSuffix(path, ".toml") + store.EditsSuffix
}

// Sum is the hash an edits file names its original by.
func Sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// ReadEdits reads an edits file and checks every edit.
func ReadEdits(path string) (*EditsFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseEdits(path, b)
}

// ParseEdits reads an edits file's TOML and checks every edit.
func ParseEdits(path string, b []byte) (*EditsFile, error) {
	var f EditsFile
	md, err := toml.Decode(string(b), &f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, i18n.Errorf("%s: unknown key %s", path, u[0].String())
	}
	for i, e := range f.Edits {
		if err := e.Check(); err != nil {
			return nil, i18n.Errorf("%s: edit %d: %w", path, i+1, err)
		}
	}
	return &f, nil
}

// Encode is the edits file's TOML, with a comment that says what it is.
func (f *EditsFile) Encode() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# gongshi: an editor's corrections of the importer's reading of the original, made on the\n# review page; replayed when the same original is imported again (docs/layouts.md).\n")
	if err := toml.NewEncoder(&b).Encode(f); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// findEdits is the edits file under dataDir whose original is data (the
// same bytes); nil when there is none. A malformed edits file is an error
// (its edits could be the ones for data): never skipped silently.
func findEdits(dataDir string, data []byte) (*EditsFile, string, error) {
	if dataDir == "" {
		return nil, "", nil
	}
	sum := Sum(data)
	var found *EditsFile
	var at string
	err := filepath.WalkDir(dataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if found != nil || d.IsDir() || !strings.HasSuffix(p, store.EditsSuffix) {
			return nil
		}
		f, err := ReadEdits(p)
		if err != nil {
			return err
		}
		if f.SHA256 == sum && len(f.Edits) > 0 {
			found, at = f, p
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return found, at, err
}

// forced is what the edits force on the importer's reading: line roles
// and finding statuses, the later edit of a line winning.
func forced(edits []Edit) (map[int]importer.Role, map[int]notice.Status) {
	var roles map[int]importer.Role
	var statuses map[int]notice.Status
	for _, e := range edits {
		var r importer.Role
		switch e.Op {
		case "role":
			r, _ = importer.ForcibleRole(e.Role)
		case "split":
			r = importer.RoleFinding
		case "merge":
			r = importer.RoleContinuation
		case "status":
			if statuses == nil {
				statuses = map[int]notice.Status{}
			}
			statuses[e.Line] = notice.Status(e.Status)
			continue
		default:
			continue
		}
		if roles == nil {
			roles = map[int]importer.Role{}
		}
		roles[e.Line] = r
	}
	return roles, statuses
}

// withFields is the request with the fields the edits give (the later
// edit of a field winning); signed is the signature date an edit gives
// ("" for none).
func (req Request) withFields() (Request, notice.Date) {
	var signed notice.Date
	for _, e := range req.Edits {
		if e.Op != "field" {
			continue
		}
		v := strings.TrimSpace(e.Value)
		switch e.Field {
		case "title":
			req.Title = v
		case "region":
			req.Region = v
		case "unit":
			req.Unit = v
		case "unit_kind":
			req.UnitKind = v
			if k, ok := notice.UnitKindFrom(v); ok {
				req.UnitKind = string(k) // 乡镇（街道）, as the review page writes it
			}
		case "source_url":
			req.SourceURL = v
		case "signed":
			if d, err := importer.ParseDate(v); err == nil {
				signed = d
			}
		}
	}
	return req, signed
}

// layouts are the layout profiles the request reads with: the one it names
// (Layout), else every profile in the data folder's layouts/ (the first
// whose issuer the text names is tried).
func (req Request) layouts() (*importer.Layout, []*importer.Layout, error) {
	dir := filepath.Join(req.DataDir, store.LayoutsDir)
	if req.Layout != "" {
		l, err := importer.LoadLayout(dir, req.Layout)
		if err != nil {
			return nil, nil, &FlagError{err}
		}
		return l, nil, nil
	}
	if req.DataDir == "" {
		return nil, nil, nil
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var out []*importer.Layout
	for _, e := range ents {
		name, ok := strings.CutSuffix(e.Name(), ".toml")
		if !ok || e.IsDir() {
			continue
		}
		l, err := importer.LoadLayout(dir, name)
		if err != nil {
			return nil, nil, err // a broken profile is an error, never skipped silently
		}
		out = append(out, l)
	}
	return nil, out, nil
}
