package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/blevesearch/bleve/v2/util"

	"github.com/gongshi/gongshi/internal/notice"
	"github.com/gongshi/gongshi/internal/program"
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

// ProgramSum identifies the running program by its executable's bytes
// (program.Sum).
var ProgramSum = program.Sum
