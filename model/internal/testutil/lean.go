package testutil

import (
	"reflect"
	"testing"

	"github.com/dateline/dateline/model"
)

// EmptySummaries counts the events without a summary.
func EmptySummaries(s *model.Story) int {
	n := 0
	for i := range s.Events {
		if s.Events[i].Summary == "" {
			n++
		}
	}
	return n
}

// RefillAll reads back every summary a lean load left out.
func RefillAll(s *model.Story) error {
	ix := model.NewIndex(s)
	rows := make([]int32, ix.Len())
	for i := range rows {
		rows[i] = int32(i)
	}
	return ix.Refill(rows)
}

// CheckLean checks a lean load's answer to f against the whole load's:
// the lean one left out summaries the whole one keeps, it finds the same
// rows, and once their summaries are read back, their items are the whole
// one's. It returns the rows.
func CheckLean(t testing.TB, lean *model.Story, whole *model.Index, f model.Filter) []int32 {
	t.Helper()
	if got, want := EmptySummaries(lean), EmptySummaries(whole.Story()); got <= want {
		t.Fatalf("%+v: the lean load left out no summary (%d empty, %d in the whole story)", f, got, want)
	}
	ix := model.OrderedIndex(lean)
	rows, want := ix.Query(f), whole.Query(f)
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("%+v: lean rows %d, the whole load's %d", f, len(rows), len(want))
	}
	if err := ix.Refill(rows); err != nil {
		t.Fatalf("%+v: %v", f, err)
	}
	for _, p := range rows {
		got, want := ix.At(int(p)), whole.At(int(p))
		if (got.Event == nil) != (want.Event == nil) || got.Event != nil && !reflect.DeepEqual(*got.Event, *want.Event) {
			t.Fatalf("%+v: row %d after the refill:\n%+v\nwant\n%+v", f, p, got.Event, want.Event)
		}
	}
	return rows
}
