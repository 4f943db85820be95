// Package sqlitedb writes the site's findings as a SQLite database, ready
// for Datasette and sqlite-utils: the units, notices, findings (row for row
// those of findings.csv), their measures, amounts and status history, the
// outstanding items and the themes, with keys between them, indexes on the
// join keys and full-text search on the findings' text (FTS5, trigram).
// docs/data.md documents every table and column; the file also carries
// them (column_docs), and Metadata gives them to Datasette.
//
// It is pure Go (modernc.org/sqlite), so the release cross-builds with
// CGO off. The file is the same bytes for the same data: it is built
// anew in a scratch file by the same statements in the same order (rows
// in the model's order), with no free page left (auto_vacuum; the
// full-text index is never merged), then renamed into place.
package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/site/model"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// Input is what one database holds.
type Input struct {
	AsOf  notice.Date   // the build's "today"
	Base  string        // the site's base URL, for absolute URLs
	Scope string        // "" for the whole site, else the region's key (fujian/putian)
	Name  string        // the region's name (仙游县), or "" for the whole site
	Units []*model.Unit // in the model's order (that of findings.csv)
	// Themes are the site's theme taxonomy, in its order (with
	// 其他（未归类） last: model.ThemePages.Themes); each finding's theme
	// (model.FindingState.Theme) must be one of them. The recurrences come
	// from model.FindingState.Recurs.
	Themes []Theme
}

// Theme is a problem theme of the site's taxonomy.
type Theme struct {
	Key, Name string
}

// Write writes the database of in to path: built in a new scratch file
// beside it, which is renamed to path at the end. On an error nothing is
// left at path (nor beside it).
func Write(path string, in Input) (err error) {
	defer func() {
		if err != nil {
			err = i18n.Errorf("write the SQLite database %s: %w", path, err)
		}
	}()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	scratch, err := os.CreateTemp(dir, ".sqlite-build-*")
	if err != nil {
		return err
	}
	scratchPath := scratch.Name()
	scratch.Close()
	defer os.Remove(scratchPath) // nothing left after the rename

	// One connection, which alone uses the file (no journal, no sync:
	// a failed write leaves only a scratch file, removed above).
	db, err := sql.Open("sqlite", fileURI(scratchPath)+"?_pragma=foreign_keys(1)&_pragma=journal_mode(off)&_pragma=synchronous(off)&_pragma=locking_mode(exclusive)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if err := fill(ctx, db, in); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(scratchPath, path)
}

// fileURI is the SQLite URI of the file p (file:///tmp/x.sqlite,
// file:///C:/x.sqlite): any character of the path escaped, so that a '?'
// or '#' in a folder's name stays part of it.
func fileURI(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a drive letter
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath()
}

// pragmas set up the new database before its first table.
var pragmas = []string{
	// The page size and the text encoding are set here so that no
	// default of the library changes the file. 16 KiB pages hold
	// findings rows of 1–2 KB with less left over than 4 KiB ones
	// (findings takes 15 % less room).
	"PRAGMA page_size = 16384",
	"PRAGMA encoding = 'UTF-8'",
	// The file is written once and never vacuumed: auto_vacuum moves the
	// last pages into any page freed on the way and truncates the file
	// at the commit, so that it holds no free page (whose old contents
	// would be history, not data).
	"PRAGMA auto_vacuum = FULL",
	// 32 MiB of page cache (the default is 2 MiB), for the tables and
	// indexes keyed by text (a finding's id), which grow in the middle as
	// well as at the end.
	"PRAGMA cache_size = -32768",
}

// ftsSetup sets findings_fts up for one rebuild from findings. FTS5
// keeps up to 8 MiB of index in memory (some 5,000 findings' worth)
// before writing it out as a segment, and does not merge the segments as
// it goes, only when 16 of them pile up on one level (crisismerge). With
// the defaults (1 MiB, automerge 4) it wrote a segment every few hundred
// findings and merged them four at a time, again and again: a quarter of
// the write's CPU time (docs/data.md, "Cheaper to write"). A larger pending index is slower again (64 MiB:
// as slow as the defaults; its lookups miss the CPU's caches). A search
// reads every segment: at most 15 per level. ('hashsize' is an FTS5
// setting that its documentation does not list; fts5_config.c reads it.)
// ftsReset then deletes these settings from the file, leaving FTS5's
// defaults to anyone who adds rows later.
var (
	ftsSetup = []string{
		`INSERT INTO findings_fts(findings_fts, rank) VALUES ('hashsize', 8388608)`,
		`INSERT INTO findings_fts(findings_fts, rank) VALUES ('automerge', 0)`,
	}
	ftsReset = `DELETE FROM findings_fts_config WHERE k IN ('hashsize', 'automerge')`
)

// fill creates the tables and inserts every row, in one transaction: the
// tables, the rows, then the indexes (each built at once from its sorted
// keys, rather than kept up row by row) and the full-text index.
func fill(ctx context.Context, db *sql.DB, in Input) error {
	for _, s := range pragmas {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	exec := func(stmts ...string) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("%s: %w", s, err)
			}
		}
		return nil
	}
	for _, t := range Tables {
		if err := exec(t.create()); err != nil {
			return err
		}
	}
	if err := exec(Views...); err != nil {
		return err
	}
	w := &writer{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	if err := w.rows(in); err != nil {
		return err
	}
	if err := exec(Indexes...); err != nil {
		return err
	}
	if err := exec(FTS); err != nil {
		return err
	}
	if err := exec(ftsSetup...); err != nil {
		return err
	}
	if err := exec(`INSERT INTO findings_fts(findings_fts) VALUES ('rebuild')`, ftsReset); err != nil {
		return err
	}
	if err := w.check(); err != nil {
		return err
	}
	return tx.Commit()
}

// writer inserts rows through one prepared statement per table: every
// value is a parameter, never part of the SQL.
type writer struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (w *writer) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

// insert inserts a row of the table named name: one value per column.
func (w *writer) insert(name string, vals ...any) error {
	s := w.stmts[name]
	if s == nil {
		t := table(name)
		if len(vals) != len(t.Columns) {
			return fmt.Errorf("sqlitedb: %d values for the %d columns of %s", len(vals), len(t.Columns), name)
		}
		var err error
		if s, err = w.tx.PrepareContext(w.ctx, t.insert()); err != nil {
			return err
		}
		w.stmts[name] = s
	}
	if _, err := s.ExecContext(w.ctx, vals...); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// check runs the foreign key check: a row that refers to nothing is a bug
// here, never a file to publish.
func (w *writer) check() error {
	rows, err := w.tx.QueryContext(w.ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var tbl, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&tbl, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("sqlitedb: a row of %s (rowid %d) refers to no row of %s", tbl, rowid.Int64, parent)
	}
	return rows.Err()
}

// null is NULL for "" (a date or text the notice does not give).
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullInt is NULL for a nil figure (not stated), else the figure.
func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// nonZero is NULL for 0: a number the notice does not give (a category
// number where it has no categories; a count of people it does not state,
// as the model reads it).
func nonZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// noticeID is the id of the notice whose page is at the site URL u
// (/a/b/notices/2024-12-02/, or with an #anchor): the path without its
// slashes.
func noticeID(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return strings.Trim(u, "/")
}

// rows inserts every row of every table.
func (w *writer) rows(in Input) error {
	about := [][2]string{
		{"as_of", string(in.AsOf)},
		{"scope", in.Scope},
		{"scope_name", in.Name},
		{"site", in.Base},
		{"docs", "每个表和每一列的说明见 column_docs 表 (column_docs describes every table and column)"},
	}
	for _, a := range about {
		if err := w.insert("about", a[0], a[1]); err != nil {
			return err
		}
	}
	for _, t := range in.Units {
		if err := w.unit(in, t); err != nil {
			return err
		}
	}
	for _, t := range in.Units {
		for _, np := range t.Notices {
			if err := w.notice(in, t, np); err != nil {
				return err
			}
		}
	}
	seq := 0
	for _, t := range in.Units {
		if err := w.findings(in, t, &seq); err != nil {
			return err
		}
	}
	for _, t := range in.Units {
		if err := w.outstanding(t); err != nil {
			return err
		}
	}
	if err := w.themes(in); err != nil {
		return err
	}
	return w.docs()
}

func (w *writer) unit(in Input, t *model.Unit) error {
	c := t.Counts
	var people any
	if c.PeopleStated > 0 {
		people = c.People
	}
	r := t.Region
	return w.insert("units", t.Key, t.Name, string(t.Kind), t.KindLabel,
		r.Province, r.City, r.County, r.Township, t.Place, flag(t.IsSummary),
		c.Findings, c.Done, c.InProgress, c.NotStarted, c.Unstated, c.Overdue, people,
		string(t.Latest), model.AbsURL(in.Base, t.URL))
}

func (w *writer) notice(in Input, t *model.Unit, np *model.NoticePage) error {
	n := np.Notice
	s := n.Stated
	var money, texts any
	if len(s.Money) > 0 {
		var m []string
		for _, a := range s.Money {
			m = append(m, a.Text)
		}
		money = strings.Join(m, "；")
	}
	if len(s.Texts) > 0 {
		texts = strings.Join(s.Texts, "\n")
	}
	abs := func(u string) any {
		if u == "" {
			return nil
		}
		return model.AbsURL(in.Base, u)
	}
	var withdrawn, reason any
	if n.IsWithdrawn() {
		withdrawn, reason = null(string(n.Withdrawn.Date)), n.Withdrawn.Reason
	}
	i := n.Inspection
	return w.insert("notices", noticeID(np.URL), t.Key, n.Title, n.Issuer, n.Kind,
		string(n.Signed), null(string(n.Published)), n.Source, n.SourceURL,
		i.ID(), i.Body, i.Target, null(string(i.Start)), null(string(i.End)), null(string(i.Feedback)),
		len(n.Findings),
		nullInt(s.Problems), nullInt(s.Aspects), nullInt(s.Done), nullInt(s.InProgress), nullInt(s.NotDone),
		null(s.Rate), nullInt(s.Units), nullInt(s.People), nullInt(s.Regulations), money, texts,
		n.Accountability.Text, nonZero(n.Accountability.People), n.Preamble, n.NextPlan,
		withdrawn, reason,
		model.AbsURL(in.Base, np.URL), abs(np.DataURL), abs(np.OriginalURL))
}

// findings inserts a unit's findings, as model.Records has them (the rows
// of findings.csv), with their measures, amounts and history.
func (w *writer) findings(in Input, t *model.Unit, seq *int) error {
	recs := model.Records(t, in.Base)
	for k, r := range recs {
		fs := t.Findings[k]
		if fs.ID != r.ID {
			return fmt.Errorf("sqlitedb: finding %s is not record %s", fs.ID, r.ID)
		}
		*seq++
		var amounts []string
		for _, a := range r.Amounts {
			amounts = append(amounts, a.Text)
		}
		var overdueNote any
		if r.Overdue {
			overdueNote = r.OverdueNote
		}
		if err := w.insert("findings", *seq, r.ID, t.Key, noticeID(t.Notices[fs.N].URL), r.Notice, string(r.Signed),
			r.Province, r.City, r.County, r.Township, r.Unit, string(r.UnitKind),
			r.Inspection, r.Number, null(fs.Label),
			nonZero(r.CategoryNo), r.Category, nonZero(r.GroupNo), r.Group,
			r.Title, r.Problem, string(r.Status), r.Status.Label(), r.StatusText, r.Rectification,
			strings.Join(amounts, "；"), null(r.DeadlineText), null(string(r.Deadline)), flag(r.Overdue), overdueNote,
			r.URL); err != nil {
			return err
		}
		for j, h := range fs.History {
			if err := w.insert("finding_history", r.ID, j+1, noticeID(h.URL), string(h.Signed),
				string(h.Status), h.StatusText, model.AbsURL(in.Base, h.URL)); err != nil {
				return err
			}
		}
		for j, m := range r.Measures {
			if err := w.insert("measures", r.ID, j+1, m); err != nil {
				return err
			}
		}
		for j, a := range r.Amounts {
			if err := w.insert("amounts", r.ID, j+1, a.Text, a.Yuan); err != nil {
				return err
			}
		}
	}
	return nil
}

// outstanding inserts a unit's outstanding items.
func (w *writer) outstanding(t *model.Unit) error {
	finding := map[*model.OutstandingRef]*model.FindingState{}
	for _, fs := range t.Findings {
		if fs.Outstanding != nil {
			finding[fs.Outstanding] = fs
		}
	}
	for _, o := range t.Outstanding {
		var id, status any
		if fs := finding[o]; fs != nil {
			id, status = fs.ID, string(fs.Status)
		}
		var overdueNote any
		if o.Overdue {
			overdueNote = o.OverdueNote
		}
		if err := w.insert("outstanding", t.Key, o.Inspection, o.Finding, id, noticeID(o.NoticeURL),
			o.Number, o.Heading, o.Problem, o.Progress, o.Reason, o.NextSteps,
			null(o.DeadlineText), null(string(o.Deadline)), status,
			flag(o.Resolved), null(o.ResolvedBy), flag(o.Overdue), overdueNote); err != nil {
			return err
		}
	}
	return nil
}

// themes inserts the taxonomy, each finding's theme and the recurrences
// (each later finding's Recurs: RecurredBy is its mirror), in the
// findings' order.
func (w *writer) themes(in Input) error {
	for i, th := range in.Themes {
		if err := w.insert("themes", th.Key, i+1, th.Name); err != nil {
			return err
		}
	}
	for _, t := range in.Units {
		for _, fs := range t.Findings {
			if fs.Theme == nil {
				continue
			}
			if err := w.insert("finding_themes", fs.ID, fs.Theme.Key, null(fs.Theme.Why)); err != nil {
				return err
			}
		}
	}
	for _, t := range in.Units {
		var byURL map[string]string // the unit's findings' ids by permalink
		for _, fs := range t.Findings {
			r := fs.Recurs
			if r == nil {
				continue
			}
			if byURL == nil {
				byURL = make(map[string]string, len(t.Findings))
				for _, o := range t.Findings {
					byURL[o.URL] = o.ID
				}
			}
			earlier, ok := byURL[r.URL]
			if !ok {
				return fmt.Errorf("sqlitedb: finding %s recurs from %s, which is not one of %s's findings", fs.ID, r.URL, t.Key)
			}
			sim, err := strconv.ParseFloat(r.Similarity, 64)
			if err != nil {
				return fmt.Errorf("sqlitedb: finding %s: similarity %q: %w", fs.ID, r.Similarity, err)
			}
			if err := w.insert("recurrences", earlier, fs.ID, sim); err != nil {
				return err
			}
		}
	}
	return nil
}

// docs fills column_docs from Tables.
func (w *writer) docs() error {
	for _, t := range Tables {
		if err := w.insert("column_docs", t.Name, "", t.Zh, t.En); err != nil {
			return err
		}
		for _, c := range t.Columns {
			if err := w.insert("column_docs", t.Name, c.Name, c.Zh, c.En); err != nil {
				return err
			}
		}
	}
	for _, v := range sortedKeys(ViewDocs) {
		if err := w.insert("column_docs", v, "", ViewDocs[v][0], ViewDocs[v][1]); err != nil {
			return err
		}
	}
	return nil
}

// ReadThemes reads the themes table of the database at path (an earlier
// build's), in its order: an in-place build keeps that file only while
// the taxonomy it holds is the one it would write.
func ReadThemes(path string) ([]Theme, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query("SELECT key, name FROM themes ORDER BY seq")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Theme
	for rows.Next() {
		var th Theme
		if err := rows.Scan(&th.Key, &th.Name); err != nil {
			return nil, err
		}
		out = append(out, th)
	}
	return out, rows.Err()
}
