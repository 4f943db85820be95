package review

import (
	"path/filepath"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/notice"
)

// inside is root/rel with every symlink resolved, when that is still
// inside root (itself resolved): a data file or original that is a link
// out of its folder is not read.
func inside(root, rel string) (string, bool) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", false
	}
	real, err := filepath.EvalSymlinks(filepath.Join(root, rel))
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(realRoot, real)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	return real, true
}

// mask masks every text the view shows with n's [[redact]] entries, as the
// site does (notice.Masked, notice.MaskText).
func (v *view) mask(n *notice.Notice) {
	if len(n.Redact) == 0 {
		return
	}
	v.Notice = n.Masked()
	for i := range v.Lines {
		v.Lines[i].Text = notice.MaskText(v.Lines[i].Text, n.Redact)
	}
	probs := make([]check.Problem, len(v.Problems))
	for i, p := range v.Problems {
		p.Message = notice.MaskText(p.Message, n.Redact)
		probs[i] = p
	}
	v.Problems = probs
	v.Error = notice.MaskText(v.Error, n.Redact)
}
