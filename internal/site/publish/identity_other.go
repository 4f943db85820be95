//go:build !unix && !windows

package publish

// dirIdentity is a folder's identity; there is none here (see
// applyJournal.published).
type dirIdentity struct{}

func identity(string) *dirIdentity { return nil }
