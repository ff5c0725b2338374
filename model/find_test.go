package model

import (
	"context"
	"slices"
	"testing"
)

// TestQueryFrom checks QueryFrom against Query: the matches at or after a
// position, the first n of them.
func TestQueryFrom(t *testing.T) {
	ix := newTestIndex(t)
	filters := []Filter{{}, {Text: "kirby"}, {Text: "a"}, {Actors: []string{"russia"}}, {Topics: []string{"warrant"}, Text: "ICC"}}
	for _, f := range filters {
		all := ix.Query(f)
		for from := 0; from <= ix.Len(); from++ {
			var after []int32
			for _, p := range all {
				if p >= int32(from) {
					after = append(after, p)
				}
			}
			for _, n := range []int{1, 3, ix.Len()} {
				got, err := ix.QueryFrom(context.Background(), f, from, n)
				want := after[:min(n, len(after))]
				if err != nil || !slices.Equal(got, want) && len(got)+len(want) > 0 {
					t.Errorf("%+v from %d, first %d: got %v (%v), want %v", f, from, n, got, err, want)
				}
			}
		}
	}
}
