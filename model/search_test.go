package model_test

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/model"
)

// TestSearchHugeItems builds the search text of stories whose items
// average more than the 4 MiB that the byte sample reads (issue 10): the
// sample's step was n divided by zero items.
func TestSearchHugeItems(t *testing.T) {
	cases := []struct {
		name  string
		sizes []int // bytes of each event's summary
	}{
		{"one item of 5 MiB", []int{5 << 20}},
		{"two items of 5 MiB", []int{5 << 20, 5 << 20}},
		{"one item just over 4 MiB", []int{4<<20 + 1}},
		{"one item of exactly 4 MiB", []int{4 << 20}},
		{"three items averaging over 4 MiB", []int{12 << 20, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &model.Story{}
			for i, n := range c.sizes {
				s.Events = append(s.Events, model.Event{
					ID:      "e" + string(rune('a'+i)),
					Title:   "huge",
					Summary: strings.Repeat("x", max(0, n-len("needle"))) + "needle",
				})
			}
			rows := model.NewIndex(s).Query(model.Filter{Text: "needle"})
			if len(rows) != len(c.sizes) {
				t.Errorf("search \"needle\" finds %d of the %d items", len(rows), len(c.sizes))
			}
		})
	}
}
