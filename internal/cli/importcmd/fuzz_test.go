package importcmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/check"
	"github.com/gongshi/gongshi/internal/cli"
	"github.com/gongshi/gongshi/internal/store"
)

// FuzzBulk: go test -fuzz=FuzzBulk -fuzzminimizetime=2s ./internal/cli/importcmd
//
// The input is split at "\x00\x00" into up to four files (.txt, .html,
// .docx, .txt) in one folder, imported at once. The command never panics,
// exits 0 or 1, reports every file once in valid JSON, and every data file
// it writes decodes and passes check's single-file check.
func FuzzBulk(f *testing.F) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(append(append([]byte(deptNotice), 0, 0), []byte(summaryNotice)...))
	f.Add(append(append([]byte("<table><tr><th>序号</th><th>反馈问题</th><th>整改措施</th></tr><tr><td>1</td><td>题。</td><td>已整改。</td></tr></table>"), 0, 0), seed[:2000]...))
	f.Add([]byte("今天天气很好。\x00\x00\x00\x00PK\x03\x04"))
	exts := []string{".txt", ".html", ".docx", ".txt"}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 64<<10 {
			return
		}
		dir := t.TempDir()
		files := filepath.Join(dir, "in")
		os.MkdirAll(files, 0o755)
		parts := bytes.SplitN(in, []byte{0, 0}, 4)
		for i, p := range parts {
			os.WriteFile(filepath.Join(files, fmt.Sprintf("%d%s", i, exts[i])), p, 0o644)
		}
		data := filepath.Join(dir, "data")
		var out, errOut bytes.Buffer
		err := Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut},
			[]string{files, "--region", "示例省/示例市/示例县/示例镇", "--data", data, "--config", filepath.Join(dir, "none.toml"), "--json"})
		if c := cli.Code(err); c != 0 && c != 1 {
			t.Fatalf("exit %d: %v", c, err)
		}
		var rep BulkReport
		if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
			t.Fatalf("report is not JSON: %v\n%s", err, out.String())
		}
		if len(rep.Files) != len(parts) || rep.Imported+rep.Failed != len(parts) {
			t.Fatalf("%d files, report %+v", len(parts), rep)
		}
		// and written: every data file decodes
		err = Run(context.Background(), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut},
			[]string{files, "--region", "示例省/示例市/示例县/示例镇", "--data", data, "--config", filepath.Join(dir, "none.toml"), "--force"})
		if c := cli.Code(err); c != 0 && c != 1 {
			t.Fatalf("exit %d: %v", c, err)
		}
		paths, _ := store.Files(data)
		for _, p := range paths {
			if _, err := store.Decode(p); err != nil {
				t.Fatalf("wrote a data file that does not decode: %v", err)
			}
			// and that check accepts on its own (the import never writes
			// what check refuses)
			b, _ := os.ReadFile(p)
			if _, probs := check.Bytes(p, b); len(check.Errors(probs)) > 0 {
				t.Fatalf("wrote a data file check refuses: %v", check.Errors(probs))
			}
		}
	})
}
