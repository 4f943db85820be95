package importer

import (
	"bytes"
	"context"
	"github.com/gongshi/gongshi/internal/i18n"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Old Word (.doc) and WPS (.wps) files are OLE compound documents whose
// text is in a binary format of its own; gongshi does not read it itself.
// LibreOffice does, and converts it to .docx, which the .docx decoder then
// reads (numbering, tables and all):
//
//	soffice --headless --convert-to docx --outdir TMP FILE
//
// in a temporary folder, with a profile of its own there (a LibreOffice the
// user has open would otherwise take the request and convert nothing).

// ErrNoLibreOffice is an old Word or WPS file where LibreOffice is not
// installed.
var ErrNoLibreOffice = i18n.Errorf("an old Word (.doc), WPS (.wps) or RTF file: gongshi reads it through LibreOffice, which is not installed here; install it (Debian and Ubuntu: apt-get install libreoffice-writer-nogui), or open the file in WPS or Word and save it as .docx (文件 → 另存为 → .docx)")

// legacyTimeout bounds one conversion.
const legacyTimeout = 2 * time.Minute

// lookSoffice is LibreOffice's command, "" when it is not installed.
var lookSoffice = func() string {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// convertLegacy converts an old Word, WPS or RTF file to .docx with
// LibreOffice.
func convertLegacy(name string, b []byte) ([]byte, error) {
	bin := lookSoffice()
	if bin == "" {
		return nil, ErrNoLibreOffice
	}
	dir, err := os.MkdirTemp("", "gongshi-doc-")
	if err != nil {
		return nil, i18n.Errorf("converting with LibreOffice: %v", err)
	}
	defer os.RemoveAll(dir)
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".doc", ".wps", ".rtf", ".dot", ".wpt":
	default:
		ext = ".doc"
		if bytes.HasPrefix(b, []byte("{\\rtf")) {
			ext = ".rtf"
		}
	}
	in := filepath.Join(dir, "notice"+ext)
	if err := os.WriteFile(in, b, 0o600); err != nil {
		return nil, i18n.Errorf("converting with LibreOffice: %v", err)
	}
	outDir := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), legacyTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "docx", "--outdir", outDir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, runErr := cmd.CombinedOutput()
	docx, err := os.ReadFile(filepath.Join(outDir, "notice.docx"))
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		if ctx.Err() != nil {
			msg = "it took longer than " + legacyTimeout.String()
		} else if runErr != nil {
			msg = runErr.Error() + ": " + msg
		}
		return nil, i18n.Errorf("LibreOffice could not convert it to .docx (%s); open it in WPS or Word and save it as .docx", msg)
	}
	return docx, nil
}
