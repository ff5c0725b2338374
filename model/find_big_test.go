package model_test

import (
	"context"
	"slices"
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gen"
)

// TestQueryFromBeforeBig checks where a find lands and wraps, QueryFrom
// and QueryBefore, against Query on a story long enough for their scans
// to be split between the processors: before and after the search text
// is built, and with what the index remembers of a search typed before.
func TestQueryFromBeforeBig(t *testing.T) {
	if testing.Short() {
		t.Skip("a story of 80k events")
	}
	ix := model.NewIndex(gen.Story(gen.Config{Events: 80_000, Seed: 3}))
	ctx := context.Background()
	since, _ := edtf.Parse("2021")
	filters := []model.Filter{
		{Text: "ambush"}, {Text: "no such words at all"}, {Text: "Ambush", Since: since},
		{Actors: []string{busiestRoot(ix)}}, {Actors: []string{busiestRoot(ix)}, Text: "the"},
	}
	n := ix.Len()
	starts := []int{0, 1, 8191, 8192, n / 3, n / 2, n - 9000, n - 1, n}
	check := func(stage string) {
		for _, f := range filters {
			all := ix.Query(f)
			model.ForgetSearches(ix) // and with the memo of all, below
			for _, memo := range []bool{false, true} {
				if memo {
					ix.Query(f)
				}
				for _, from := range starts {
					i, _ := slices.BinarySearch(all, int32(from))
					for _, k := range []int{1, 5} {
						got, err := ix.QueryFrom(ctx, f, from, k)
						if want := all[i:min(len(all), i+k)]; err != nil || !slices.Equal(got, want) {
							t.Fatalf("%s, memo %v: %+v from %d, first %d: got %v (%v), want %v", stage, memo, f, from, k, got, err, want)
						}
						got, err = ix.QueryBefore(ctx, f, from, k)
						if want := all[:min(i, k)]; err != nil || !slices.Equal(got, want) {
							t.Fatalf("%s, memo %v: %+v before %d, first %d: got %v (%v), want %v", stage, memo, f, from, k, got, err, want)
						}
					}
				}
				model.ForgetSearches(ix)
			}
		}
	}
	check("without the search text")
	ix.PrepareSearch()
	check("with the search text")
}
