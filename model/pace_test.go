package model

import (
	"fmt"
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
	ix.Wait()
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

// TestWhoStepsAside checks that the parts of an index a query may wait
// for without Wait (the story's order of the timeline, the id table) never
// step aside for it, that the background parts do while a query runs,
// and that they do not while someone waits for the rest.
func TestWhoStepsAside(t *testing.T) {
	s := &Story{Events: make([]Event, 3*paceEvery)}
	for i := range s.Events {
		s.Events[i] = Event{ID: fmt.Sprintf("e-%d", i), Title: "t"}
	}
	done := inForeground()
	defer done()
	before := steppedAside.Load()
	ix := newOrdered(s)
	ix.storyPositions()
	if _, ok := ix.Lookup("e-5"); !ok {
		t.Fatal("e-5 not found")
	}
	if n := steppedAside.Load() - before; n != 0 {
		t.Fatalf("the story's order and the id table stepped aside %d times for the query that waits for them", n)
	}
	pace(paceEvery - 1)
	if steppedAside.Load() == before {
		t.Fatal("the background work did not step aside while a query ran")
	}
	waiting.Add(1)
	before = steppedAside.Load()
	pace(paceEvery - 1)
	waiting.Add(-1)
	if n := steppedAside.Load() - before; n != 0 {
		t.Fatalf("the background work stepped aside %d times while someone waited for it", n)
	}
}
