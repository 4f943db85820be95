package importcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
)

// --layout NAME reads the notice with that profile (docs/layouts.md): a
// notice the importer misreads is written, and the report names the
// profile; an unknown profile is refused.
func TestLayoutFlag(t *testing.T) {
	data := t.TempDir()
	os.MkdirAll(filepath.Join(data, "layouts"), 0o755)
	os.WriteFile(filepath.Join(data, "layouts", "fankui.toml"), []byte("issuer = \"无关单位\"\n[[rule]]\nstarts = \"反馈事项N\"\nrole = \"finding\"\n"), 0o644)
	in := "../../importer/testdata/layouts/sample-b.txt"
	run := func(layout string) (string, error) {
		var out bytes.Buffer
		args := []string{in, "--region", "示例省/示例市/示例县/样本镇", "--data", data, "--config", filepath.Join(data, "none.toml")}
		if layout != "" {
			args = append(args, "--layout", layout)
		}
		err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &out}, args)
		return out.String(), err
	}
	if out, err := run(""); err == nil {
		t.Fatalf("the notice is read without its layout (the profile names another issuer): %s", out)
	}
	if out, err := run("nosuch"); err == nil {
		t.Errorf("an unknown layout is accepted: %s", out)
	}
	out, err := run("fankui")
	if err != nil || !strings.Contains(out, "read with the layout fankui") {
		t.Errorf("--layout fankui: %v\n%s", err, out)
	}
}
