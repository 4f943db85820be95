package check

import (
	"errors"
	"strings"
	"testing"
)

// TestOriginalWindowsPaths: an original as a Windows editor may type it is
// refused (it is written into the site as it is, so it must be the /
// form), with a message that says what to write: the / form of a relative
// path, or a relative path instead of a drive or a share. A backslash that
// hides a refused part (.., a hidden folder) gets the general message, not
// a suggestion that would be refused too. Runs on every system: the rule
// reads the text, not the file system.
func TestOriginalWindowsPaths(t *testing.T) {
	tests := []struct {
		o    string
		want fault
		msg  string // a part of ResolveOriginal's message
	}{
		{`seeds\sample_0001.txt`, faultBackslash, "as seeds/sample_0001.txt"},
		{`seeds\sub\样本镇0001.docx`, faultBackslash, "as seeds/sub/样本镇0001.docx"},
		{`C:\gongshi\seeds\a.txt`, faultDrive, "absolute Windows path"},
		{`d:/gongshi/seeds/a.txt`, faultDrive, "absolute Windows path"},
		{`C:seeds\a.txt`, faultDrive, "absolute Windows path"},
		{`\\server\share\seeds\a.txt`, faultDrive, "absolute Windows path"},
		{`\seeds\a.txt`, faultDrive, "absolute Windows path"},
		{`seeds\..\.git\config`, faultNone, "must be a relative path"},
		{`seeds\.hid\a.txt`, faultNone, "must be a relative path"},
		{`seeds/a.txt:secret`, faultNone, "must be a relative path"}, // an NTFS stream, not a drive
		{`/etc/passwd`, faultNone, "must be a relative path"},
	}
	for _, tt := range tests {
		t.Run(tt.o, func(t *testing.T) {
			if got := windowsFault(tt.o); got != tt.want {
				t.Errorf("windowsFault(%q) = %d, want %d", tt.o, got, tt.want)
			}
			_, err := ResolveOriginal(t.TempDir(), DefaultOriginals, tt.o)
			var oe *OriginalError
			if !errors.As(err, &oe) {
				t.Fatalf("ResolveOriginal(%q) = %v, want an *OriginalError", tt.o, err)
			}
			if !strings.Contains(oe.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", oe.Msg, tt.msg)
			}
		})
	}
}
