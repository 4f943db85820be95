package importcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/cli"
)

// --json prints a reading that may not be written, but a reading far from
// the notice's stated count exits 1 even when another refusal (here: no
// township in the region) comes first; --accept-mismatch lets it exit 0.
func TestJSONMismatchBehindAnotherRefusal(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "n.txt")
	writeText(t, in, "中共示例县委第一巡察组关于样本镇巡察整改进展情况的通报\n"+
		"巡察组共反馈问题20个。\n"+
		"一、党的建设方面\n"+
		"1.学习不深入。\n整改情况：已整改。\n")
	for _, c := range []struct {
		flags []string
		code  int
	}{{nil, 1}, {[]string{"--accept-mismatch"}, 0}} {
		args := append([]string{in, "--json", "--data", filepath.Join(dir, "data"), "--region", "示例省/示例市/示例县", "--config", filepath.Join(dir, "none.toml")}, c.flags...)
		_, errOut, err := runArgs(t, args...)
		if cli.Code(err) != c.code {
			t.Errorf("%v: exit %d (%v), want %d\n%s", c.flags, cli.Code(err), err, c.code, errOut)
		}
		if c.code == 1 && !strings.Contains(errOut, "states 20 problems but 1 were read") {
			t.Errorf("%v: the refusal is not said:\n%s", c.flags, errOut)
		}
	}
}

func writeText(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
