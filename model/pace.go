package model

import "runtime"

// paceEvery is how many items a long loop of the index's background work
// handles between yields: some tens of microseconds.
const paceEvery = 1 << 10

// pace lets other goroutines run once every paceEvery values of i, a
// loop's counter. The rest of the index and the search text are built in
// the background while the explorer answers keys, on as few as two
// processors; without yields the scheduler lets each step of a key (the
// read of the terminal, the update, its query) wait for a busy
// goroutine's time slice, 10 ms, and a find typed as the rows show
// took 100 ms to land (measured through tmux on a 1M-item story).
func pace(i int) {
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
