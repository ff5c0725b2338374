package cli

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// The collector is off while a big file loads, with a memory limit, and
// everything is as it was after; small files, Parquet and missing paths
// leave it alone.
func TestPauseGC(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.ndjson")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(64 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	small := filepath.Join(dir, "small.ndjson")
	if err := os.WriteFile(small, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pq := filepath.Join(dir, "big.parquet")
	if err := os.Link(big, pq); err != nil {
		t.Fatal(err)
	}
	pct, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetGCPercent(pct)

	resume := pauseGC([]string{big})
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while loading %s the GC percent is %d, want off", big, got)
	}
	if got := debug.SetMemoryLimit(-1); got < 1<<30 || got == limit {
		t.Errorf("while loading the memory limit is %d, want a limit of at least 1 GiB", got)
	}
	resume()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after loading the GC percent is %d, want 100 back", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("after loading the memory limit is %d, want %d back", got, limit)
	}
	for _, paths := range [][]string{{small}, {pq}, {big, filepath.Join(dir, "missing")}} {
		resume := pauseGC(paths)
		got := debug.SetGCPercent(100)
		debug.SetGCPercent(got)
		resume()
		if got != 100 {
			t.Errorf("loading %v turned the GC percent to %d", paths, got)
		}
	}
}

// TestHeldLimit: a tenth and 64 MiB above the live heap, unless the
// user's limit is lower.
func TestHeldLimit(t *testing.T) {
	const gib = int64(1) << 30
	if got, want := heldLimit(gib, math.MaxInt64), gib+gib/10+64<<20; got != want {
		t.Errorf("heldLimit(1 GiB, none) = %d, want %d", got, want)
	}
	if got := heldLimit(gib, gib); got != gib {
		t.Errorf("heldLimit(1 GiB, the user's 1 GiB) = %d", got)
	}
}
