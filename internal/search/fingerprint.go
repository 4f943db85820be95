package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/blevesearch/bleve/v2/util"

	"github.com/gongshi/gongshi/internal/notice"
)

// Fingerprint hashes what the index built from the corpus depends on: its
// documents (every field, in order), the mapping and the time stamp
// recorded in it. Two corpora with the same fingerprint give the same
// index, so an incremental build may reuse the previous one (the code that
// writes it is keyed apart, by the executable: see internal/site/cache.go).
func Fingerprint(c *notice.Corpus) (string, int, error) {
	h := sha256.New()
	m, err := util.MarshalJSON(NewMapping())
	if err != nil {
		return "", 0, err
	}
	fmt.Fprintf(h, "%s\n%d\n", m, buildTime().Unix())
	docs := Docs(c)
	enc := json.NewEncoder(h)
	// Each notice once (the display data and facets come from it), then
	// each document with its notice's number.
	seen := map[*notice.Notice]int{}
	for i := range docs {
		d := docs[i]
		n, ok := seen[d.Notice]
		if !ok {
			n = len(seen)
			seen[d.Notice] = n
			if err := enc.Encode(d.Notice); err != nil {
				return "", 0, err
			}
		}
		d.Notice = nil
		fmt.Fprintf(h, "doc %d ", n)
		if err := enc.Encode(&d); err != nil {
			return "", 0, err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), len(docs), nil
}

// MappingKey is what the index depends on besides its documents and the
// program: the mapping and the time stamp recorded in it.
func MappingKey() (string, error) {
	m, err := util.MarshalJSON(NewMapping())
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s\n%d", m, buildTime().Unix()), nil
}

// ProgramSum identifies the running program by the SHA-256 of its
// executable's bytes: the code that writes pages and the index is part of
// every cache key, and of a split build's identity, which merge compares
// across machines — where the same binary lands at another path with
// another time. It is read once per process (about 0.2 s for 90 MB);
// callers start it early (go ProgramSum()) so that it overlaps the check.
// "" when the executable cannot be read (then nothing is cached by it).
var ProgramSum = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
})
