package publish

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/message"

	"github.com/gongshi/gongshi/internal/i18n"
)

// Linker hard-links files of a previous site folder into a staging folder,
// creating the folders on the way.
type Linker struct {
	from, to string
	mu       sync.Mutex
	made     map[string]bool
}

func NewLinker(from, to string) *Linker {
	return &Linker{from: from, to: to, made: map[string]bool{".": true}}
}

func (l *Linker) Mkdir(rel string) error {
	l.mu.Lock()
	done := l.made[rel]
	l.mu.Unlock()
	if done {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(l.to, rel), 0o755); err != nil {
		return err
	}
	l.mu.Lock()
	for d := rel; d != "." && d != "/"; d = filepath.Dir(d) {
		l.made[d] = true
	}
	l.mu.Unlock()
	return nil
}

// link links one file (a path relative to both folders). A file the new
// build already has is kept.
func (l *Linker) Link(rel string) error {
	rel = filepath.FromSlash(rel)
	if err := l.Mkdir(filepath.Dir(rel)); err != nil {
		return err
	}
	err := os.Link(filepath.Join(l.from, rel), filepath.Join(l.to, rel))
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	return err
}

// tree links a whole subtree (files only; folders are created).
func (l *Linker) Tree(rel string) error {
	return filepath.WalkDir(filepath.Join(l.from, rel), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(l.from, p)
		if d.IsDir() {
			return l.Mkdir(r)
		}
		return l.Link(r)
	})
}

// linkAll links lists of files on a few goroutines.
func (l *Linker) linkAll(lists [][]string) error {
	jobs := make(chan []string)
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for list := range jobs {
				for _, f := range list {
					if err := l.Link(f); err != nil {
						once.Do(func() { first = err })
						break
					}
				}
			}
		}()
	}
	for _, list := range lists {
		jobs <- list
	}
	close(jobs)
	wg.Wait()
	return first
}

// Changes are the paths (relative to the site folder, with /) that a build
// added, changed and removed since the previous site.
type Changes struct {
	Previous bool     `json:"previous"` // there was a previous site to compare with
	Added    []string `json:"added"`
	Changed  []string `json:"changed"`
	Removed  []string `json:"removed"`
}

// String is the one-line count.
func (c *Changes) String() string { return c.Localize(nil) }

// Localize is the change list's counts in p's language.
func (c *Changes) Localize(p *message.Printer) string {
	return i18n.Sprintf(p, "%d added, %d changed, %d removed", len(c.Added), len(c.Changed), len(c.Removed))
}

// DiffTrees compares the staging folder with the previous site: a file
// linked from it (same inode) is unchanged, others are compared by size
// and bytes.
func DiffTrees(prev, next string) (*Changes, error) {
	c := &Changes{Added: []string{}, Changed: []string{}, Removed: []string{}}
	if _, err := os.Stat(prev); err != nil {
		return c, nil
	}
	c.Previous = true
	seen := map[string]bool{}
	var compare []string
	err := filepath.WalkDir(next, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(next, p)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		ni, err := d.Info()
		if err != nil {
			return err
		}
		pi, err := os.Lstat(filepath.Join(prev, filepath.FromSlash(rel)))
		switch {
		case err != nil || !pi.Mode().IsRegular():
			c.Added = append(c.Added, rel)
		case os.SameFile(ni, pi):
		case ni.Size() != pi.Size():
			c.Changed = append(c.Changed, rel)
		default:
			compare = append(compare, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Same sizes: compare the bytes.
	same, err := sameFiles(prev, next, compare)
	if err != nil {
		return nil, err
	}
	for i, rel := range compare {
		if !same[i] {
			c.Changed = append(c.Changed, rel)
		}
	}
	err = filepath.WalkDir(prev, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(prev, p)
		rel = filepath.ToSlash(rel)
		if !seen[rel] {
			c.Removed = append(c.Removed, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(c.Added)
	sort.Strings(c.Changed)
	sort.Strings(c.Removed)
	return c, nil
}

// sameFiles compares the files rels (relative, with /) of two folders byte
// for byte, on a few goroutines.
func sameFiles(a, b string, rels []string) ([]bool, error) {
	same := make([]bool, len(rels))
	errs := make([]error, len(rels))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, y := make([]byte, 1<<16), make([]byte, 1<<16)
			for i := range next {
				rel := filepath.FromSlash(rels[i])
				same[i], errs[i] = sameBytes(filepath.Join(a, rel), filepath.Join(b, rel), x, y)
			}
		}()
	}
	for i := range rels {
		next <- i
	}
	close(next)
	wg.Wait()
	return same, errors.Join(errs...)
}

// sameBytes compares two files of the same size in pieces (the site-wide
// downloads are hundreds of megabytes), with the buffers a and b.
func sameBytes(p, q string, a, b []byte) (bool, error) {
	f, err := os.Open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	g, err := os.Open(q)
	if err != nil {
		return false, err
	}
	defer g.Close()
	for {
		n, errA := io.ReadFull(f, a)
		m, errB := io.ReadFull(g, b)
		if n != m || !bytes.Equal(a[:n], b[:m]) {
			return false, nil
		}
		if errA == io.EOF || errA == io.ErrUnexpectedEOF {
			return errB == io.EOF || errB == io.ErrUnexpectedEOF, nil
		}
		if errA != nil {
			return false, errA
		}
		if errB != nil {
			return false, errB
		}
	}
}

// WriteChanges writes the changes list into the cache folder: changes.json,
// and for rsync (--files-from) or an object-store client upload.txt (added
// and changed, one path a line) and delete.txt (removed).
func WriteChanges(cache string, c *Changes) error {
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(cache, "changes.json"), append(b, '\n')); err != nil {
		return err
	}
	up := append(append([]string{}, c.Added...), c.Changed...)
	sort.Strings(up)
	lines := func(l []string) []byte {
		if len(l) == 0 {
			return nil
		}
		return []byte(strings.Join(l, "\n") + "\n")
	}
	if err := writeAtomic(filepath.Join(cache, "upload.txt"), lines(up)); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(cache, "delete.txt"), lines(c.Removed))
}
