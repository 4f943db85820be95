package site

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// statusWordsFixture is a township notice with one finding of each status;
// %[1]s … %[4]s are how its data file writes the four statuses.
const statusWordsFixture = `
-- data/shili/shilishi/shilixian/zhen0001/2024-06-01.toml --
title = "中共样本镇0001委员会关于巡察整改进展情况的通报"
issuer = "中共样本镇0001委员会"
signed = 2024-06-01
[region]
province = "示例省"
province_slug = "shili"
city = "示例市"
city_slug = "shilishi"
county = "示例县"
county_slug = "shilixian"
township = "样本镇0001"
township_slug = "zhen0001"
[inspection]
body = "县委第一巡察组"
target = "样本镇0001党委"
start = 2024-01-01
[[findings]]
number = 1
title = "示例问题一"
status = "%[1]s"
status_text = "已完成"
[[findings]]
number = 2
title = "示例问题二"
status = "%[2]s"
status_text = "正在整改"
[[findings]]
number = 3
title = "示例问题三"
status = "%[3]s"
status_text = "尚未整改"
[[findings]]
number = 4
title = "示例问题四"
status = "%[4]s"
status_text = ""
`

// A data file that writes its statuses in Chinese, as notices write them,
// builds the same site as one that writes their codes: every page, table
// and download, byte for byte; only the published copy of the data file
// itself (notices/…/2024-06-01.toml) keeps the words it was written with,
// and the manifest gives that copy's own SHA-256 and size.
func TestStatusWordsBuildLikeCodes(t *testing.T) {
	build := func(a, b, c, d string) string {
		s := buildFixture(t, strings.NewReplacer("%[1]s", a, "%[2]s", b, "%[3]s", c, "%[4]s", d).Replace(statusWordsFixture), asOfFixture)
		return s.Dir
	}
	codes := build("done", "in_progress", "not_started", "unstated")
	words := build("已完成", "整改中", "尚未整改", "未说明")

	unit := readFile(t, codes, "/shili/shilishi/shilixian/zhen0001/")
	for _, label := range []string{"已整改", "整改中", "未整改", "未说明"} {
		if !strings.Contains(unit, label) {
			t.Errorf("the unit page built from codes does not show %s", label)
		}
	}
	files := 0
	err := filepath.WalkDir(codes, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(codes, p)
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(words, rel))
		if err != nil {
			t.Errorf("%s: built from codes, not from words: %v", rel, err)
			return nil
		}
		files++
		if strings.HasSuffix(rel, ".toml") {
			return nil
		}
		if rel == "manifest.json" {
			got, want = dataSumless(t, got), dataSumless(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs when the data writes its statuses in Chinese", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 10 {
		t.Fatalf("only %d files built", files)
	}
}

// dataSumless is a manifest without its data files' SHA-256 and size.
func dataSumless(t *testing.T, b []byte) []byte {
	t.Helper()
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Notices {
		if e.Data == nil {
			t.Fatalf("manifest entry %s has no data file", e.URL)
		}
		e.Data.SHA256, e.Data.Bytes = "", 0
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
