package model

import (
	"testing"
)

// TestWaitersStopTheSteppingAside checks who holds back the background
// work of an index (pace's stepAside while a query runs): a goroutine that
// waits for the rest of the index (wait) marks itself, so that the work it
// waits for does not step aside for the query it is part of; the
// background builders (StartIndex's goroutine, the search text) do not.
func TestWaitersStopTheSteppingAside(t *testing.T) {
	var seen []int32
	restHook = func() { seen = append(seen, waiting.Load()) }
	defer func() { restHook = nil }()

	done := inForeground() // a query that needs the rest: an item with many actors
	ix := newOrdered(testStory())
	ix.wait()
	done()
	ix = StartIndex(testStory()) // the explorer's builder
	<-ix.Ready()
	ix = newOrdered(testStory()) // the search text's, built first
	ix.PrepareSearch()
	if len(seen) != 3 || seen[0] != 1 || seen[1] != 0 || seen[2] != 0 {
		t.Fatalf("waiting as the rest was built: %v, want [1 0 0]", seen)
	}
	if foreground.Load() != 0 || waiting.Load() != 0 {
		t.Fatalf("left marked: %d queries, %d waiting", foreground.Load(), waiting.Load())
	}
}
