package check

import (
	"testing"
)

// TestRepositoryData: the repository's own data folder (the imported seed
// notice, 郊尾镇 2024-12-02) passes every check.
func TestRepositoryData(t *testing.T) {
	files, probs, err := Dir("../../data")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	found := false
	for _, f := range files {
		if f.Path == "../../data/fujian/putian/xianyou/jiaowei/2024-12-02.toml" {
			found = true
			if n := len(f.Notice.Findings); n != 59 {
				t.Errorf("%s has %d findings, want 59", f.Path, n)
			}
		}
	}
	if !found {
		t.Error("../../data/fujian/putian/xianyou/jiaowei/2024-12-02.toml is missing or did not decode")
	}
}
