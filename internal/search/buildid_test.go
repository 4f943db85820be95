package search

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// buildIDByFormat is buildID as its format reads: fmt's "%s\x00…" over
// each document's fields. buildID writes the same bytes without fmt.
func buildIDByFormat(docs []Doc) []byte {
	h := sha256.New()
	for _, d := range docs {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s\x00%s\x00%s\x00%s\x00%s\x00", d.ID, d.Kind, d.Number, d.Status, d.Category, d.Title, d.URL, d.Text)
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", d.Notice.Region.Path(), d.Notice.Signed, d.Notice.UnitPath(), d.Notice.Subject().Name)
		fmt.Fprintf(h, "%s\x00%t\x00", d.Deadline, d.Overdue)
	}
	return h.Sum(nil)[:8]
}

func TestBuildIDBytes(t *testing.T) {
	docs := Docs(seedCorpus(t))
	overdue := append([]Doc(nil), docs...)
	for i := range overdue {
		if i%3 == 0 {
			overdue[i].Deadline, overdue[i].Overdue = "2024-12-31", true
		}
	}
	for _, tc := range []struct {
		name string
		docs []Doc
	}{
		{"seed", docs},
		{"deadlines and overdue flags", overdue},
		{"one document", docs[:1]},
		{"none", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := buildID(tc.docs), buildIDByFormat(tc.docs); string(got) != string(want) {
				t.Errorf("buildID = %x, want %x", got, want)
			}
		})
	}
}
