package store

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/gongshi/gongshi/internal/notice"
)

// What gongshi writes spells a status as its code, also when the file it
// read spelt it in Chinese (a data file may: notice.StatusFrom).
func TestEncodeWritesTheCode(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"已完成", `status = "done"`},
		{"整改中", `status = "in_progress"`},
		{"尚未整改", `status = "not_started"`},
		{"未说明", `status = "unstated"`},
		{"done", `status = "done"`},
	} {
		var f notice.Finding
		if _, err := toml.Decode(`status = "`+c.in+`"`, &f); err != nil {
			t.Fatal(err)
		}
		b, err := Encode(&notice.Notice{Title: "示例", Findings: []notice.Finding{f}})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.want) {
			t.Errorf("%s is written as\n%s\nwant %s", c.in, b, c.want)
		}
	}
}
