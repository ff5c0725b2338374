package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// pauseGC turns the garbage collector off while a story loads and is
// ordered, and returns what turns it back on. What a load allocates stays
// live (the story's text, records and lists), so collecting meanwhile
// frees little and costs a tenth of the load's processor time at a
// million events. A memory limit keeps the pause safe on input that does
// make garbage: past 8× the input (at least 1 GiB, at most three quarters
// of the machine's memory, and never above a GOMEMLIMIT of the user's)
// the collector runs as usual. Parquet, which expands more than that,
// and small input are loaded with the collector on.
func pauseGC(paths []string) (resume func()) {
	var input int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.Mode().IsRegular() || strings.EqualFold(filepath.Ext(p), ".parquet") {
			return func() {}
		}
		input += fi.Size()
	}
	if input < 32<<20 {
		return func() {}
	}
	limit := max(8*input, 1<<30)
	if ram := totalMemory(); ram > 0 {
		limit = min(limit, ram/4*3)
	}
	user := debug.SetMemoryLimit(-1) // reads it
	pct := debug.SetGCPercent(-1)
	debug.SetMemoryLimit(min(limit, user))
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(user)
	}
}

// holdHeap keeps the heap near what it holds now, for the rest of a
// command that only writes out what it loaded (list, export): a soft
// memory limit a little above the live heap, so that the writer's
// short-lived garbage is collected before it doubles the peak (the
// collector's default lets the heap grow to twice the live data: `list
// --format csv` of a 1M-event story peaked at 1.84 × the file, 1.39 ×
// with the limit, in the same time). A GOMEMLIMIT of the user's that is
// lower stays; small heaps are left alone.
func holdHeap() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := int64(ms.HeapAlloc)
	if live < 256<<20 {
		return
	}
	limit := heldLimit(live, debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(limit)
}

// heldLimit is holdHeap's limit for a live heap: a tenth and 64 MiB
// above it, or the user's limit when that is lower.
func heldLimit(live, user int64) int64 { return min(live+live/10+64<<20, user) }
