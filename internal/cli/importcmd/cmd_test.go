package importcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/notice"
)

// The run half, called with Options (TestNewCmd holds the parse half):
// one file with JSON prints the notice read and writes nothing.
func TestRunOptions(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dept.txt")
	os.WriteFile(p, []byte(deptNotice), 0o644)
	var out, errb bytes.Buffer
	o := &Options{IO: cli.IO{Out: &out, Err: &errb}, Ctx: context.Background(), Files: []string{p},
		Region: "示例省/示例市/示例县", DataDir: filepath.Join(dir, "data"), ConfigPath: filepath.Join(dir, "none.toml"), JSON: true}
	if err := run(o.Ctx, o.IO, o); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	var n notice.Notice
	if err := json.Unmarshal(out.Bytes(), &n); err != nil || n.Unit.Name != "示例县文旅局" || len(n.Findings) != 3 {
		t.Errorf("%v %+v\n%s", err, n.Unit, out.String())
	}
	if _, err := os.Stat(o.DataDir); err == nil {
		t.Error("--json wrote the data folder")
	}
}
