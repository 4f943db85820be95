package notice

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// A data file's status key may be a code or Chinese as notices write it;
// both read as the code, with the one vocabulary the importer reads
// notices with (Vocabulary, ParseStatus).
func TestStatusFrom(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Status
		ok   bool
	}{
		{"done", StatusDone, true},
		{"in_progress", StatusInProgress, true},
		{"not_started", StatusNotStarted, true},
		{"unstated", StatusUnstated, true},
		{"已整改", StatusDone, true},
		{"已完成", StatusDone, true},
		{"完成整改", StatusDone, true},
		{"整改完成", StatusDone, true},
		{"已整改到位", StatusDone, true},
		{"已完成。", StatusDone, true},
		{" 已整改 ", StatusDone, true},
		{"完成", StatusDone, true},
		{"正在整改", StatusInProgress, true},
		{"整改中", StatusInProgress, true},
		{"持续整改", StatusInProgress, true},
		{"基本完成", StatusInProgress, true},
		{"未整改", StatusNotStarted, true},
		{"尚未整改", StatusNotStarted, true},
		{"未完成", StatusNotStarted, true},
		{"未说明", StatusUnstated, true},
		// Not a status: kept for the status rule to report.
		{"Done", "", false},
		{"finished", "", false},
		{" done", "", false},
		{"待定", "", false},
		{"", "", false},
	} {
		got, ok := StatusFrom(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("StatusFrom(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// Decoding a data file gives the code; what is not a status stays as
// written, and the status rule refuses it.
func TestStatusDecodes(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"done", "done"},
		{"已完成", "done"},
		{"整改中", "in_progress"},
		{"尚未整改", "not_started"},
		{"未说明", "unstated"},
		{"待定", "待定"},
	} {
		var f Finding
		if _, err := toml.Decode("status = \""+c.in+"\"", &f); err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if string(f.Status) != c.want {
			t.Errorf("status = %q decodes as %q, want %q", c.in, f.Status, c.want)
		}
		if valid := f.Status.Valid(); valid != (c.in != "待定") {
			t.Errorf("status = %q: Valid() = %v", c.in, valid)
		}
	}
}
