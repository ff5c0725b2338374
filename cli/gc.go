package cli

import (
	"os"
	"path/filepath"
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
