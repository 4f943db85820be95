package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// MergeInto links (or copies) a part's files into the staging folder,
// but its marker file; a file another part put there already must have
// the same bytes.
func MergeInto(ctx context.Context, part, staging, marker string) error {
	l := NewLinker(part, staging)
	return filepath.WalkDir(part, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, _ := filepath.Rel(part, p)
		if d.IsDir() {
			return l.Mkdir(rel)
		}
		if rel == marker {
			return nil
		}
		dst := filepath.Join(staging, rel)
		err = os.Link(p, dst)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, fs.ErrExist):
			a, err1 := os.ReadFile(p)
			b, err2 := os.ReadFile(dst)
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			if !bytes.Equal(a, b) {
				return fmt.Errorf("%s: two parts hold it with different bytes", filepath.ToSlash(rel))
			}
			return nil
		case errors.Is(err, syscall.EXDEV) || errors.Is(err, syscall.EPERM):
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, FileMode)
		default:
			return err
		}
	})
}
