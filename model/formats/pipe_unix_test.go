//go:build unix

package formats

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dateline/dateline/model/gen"
)

// Parquet through a pipe (cat f.parquet | dateline count /dev/stdin) is
// refused with what to do, not a crash.
func TestParquetThroughAPipe(t *testing.T) {
	data := genBytes(t, 20000, gen.Parquet)
	fifo := filepath.Join(t.TempDir(), "stdin")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		_, _ = w.Write(data) // the reader stops early: the rest fails
	}()
	_, _, err := LoadFilesWith(context.Background(), []string{fifo}, Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), "read through a pipe") {
		t.Fatalf("%v", err)
	}
}
