package model

import (
	"runtime"
	"sync/atomic"
	"time"
)

// paceEvery is how many items a long loop of the index's background work
// handles between yields: some tens of microseconds.
const paceEvery = 1 << 10

// pace lets other goroutines run once every paceEvery values of i, a
// loop's counter, in the index's background work (the rest of the index,
// the search text). They are built while the explorer answers keys, on
// as few as two processors; without yields the scheduler lets each step
// of a key (the read of the terminal, the update, its query) wait for a
// busy goroutine's time slice, 10 ms, and a find typed as the rows show
// took 100 ms to land (measured through tmux on a 1M-item story). And
// while a query the user waits for scans (foreground), it steps aside
// (stepAside).
func pace(i int) {
	if i&(paceEvery-1) == paceEvery-1 {
		runtime.Gosched()
		stepAside()
	}
}

// paceShared is pace for the parts of the index that a query may wait for
// (the story's order of the timeline, the id table): it yields, but never
// steps aside.
func paceShared(i int) {
	if i&(paceEvery-1) == paceEvery-1 {
		runtime.Gosched()
	}
}

// paceScan is pace for a scan of the items, which reads their text from
// memory the cache has not seen, up to a microsecond an item: a find's
// count runs on every processor while the keys that follow it are typed,
// and each key's goroutine would otherwise wait a millisecond or more for
// a processor (BenchmarkWakeDuringCount).
func paceScan(i int) {
	if i&255 == 255 {
		runtime.Gosched()
	}
}

var (
	// foreground counts the queries under way, which a user waits for.
	foreground atomic.Int32
	// waiting counts the goroutines waiting for the rest of an index
	// (Index.Wait), which must not wait for background work that steps
	// aside for them.
	waiting atomic.Int32
)

// inForeground marks a query under way until the function it returns is
// called.
func inForeground() (done func()) {
	foreground.Add(1)
	return func() { foreground.Add(-1) }
}

// steppedAside counts stepAside's sleeps, for the tests.
var steppedAside atomic.Int64

// stepAside lets a query under way have the processors: the background
// work sleeps while one runs, for at most 5 ms at a time (a sleep of
// 200 µs can last a millisecond when nothing else enters the scheduler,
// so the bound is a deadline), unless someone waits for the rest of an
// index. With only yields, a find's count shared the processors with the
// index being built, and took twice as long.
func stepAside() {
	if foreground.Load() == 0 || waiting.Load() > 0 {
		return
	}
	deadline := time.Now().Add(5 * time.Millisecond)
	for foreground.Load() > 0 && waiting.Load() == 0 && time.Now().Before(deadline) {
		steppedAside.Add(1)
		time.Sleep(200 * time.Microsecond)
	}
}
