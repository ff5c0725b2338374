package ui_test

import (
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/ui"
)

// BenchmarkStrip is the density strip counted again after a filter change:
// every row, and the rows of one actor, across a 70-cell pane. Goal at 1M
// events: ≤ 5 ms.
func BenchmarkStrip(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(size.events)
			all := ix.Query(model.Filter{})
			some := ix.Query(model.Filter{Actors: []string{ix.Story().Actors[0].ID}})
			st := ui.NewStyles(true)
			s := ui.NewStrip(ix, &st)
			s.SetSize(70)
			b.ResetTimer()
			for i := range b.N {
				if i%2 == 0 {
					s.SetRows(all)
				} else {
					s.SetRows(some)
				}
			}
		})
	}
}
