//go:build unix

package parquet

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A pipe named *.parquet in a directory is left out (reading it would
// wait for ever), and Parquet named through a pipe is refused with what to
// do.
func TestLoadPipes(t *testing.T) {
	dir := t.TempDir()
	data := write(t, []gdeltRow{{ID: 1, Day: 20230317, A1: "A"}})
	if err := os.WriteFile(filepath.Join(dir, "a.parquet"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "b.parquet")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	s, _, err := Load(dir, Options{})
	if err != nil || len(s.Events) != 1 {
		t.Fatalf("the directory: %v", err)
	}
	_, _, err = Load(fifo, Options{})
	if err == nil || !strings.Contains(err.Error(), "read through a pipe") || !strings.Contains(err.Error(), "save it to a file") {
		t.Fatalf("the pipe: %v", err)
	}
}
