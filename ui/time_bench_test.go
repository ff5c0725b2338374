package ui_test

import (
	"testing"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/ui"
)

// BenchmarkGoToDate is @ with a date typed: the date read, then a binary
// search of the shown rows for the first on or after it. Goal at 1M
// events: ≤ 1 ms.
func BenchmarkGoToDate(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(size.events)
			st := ui.NewStyles(true)
			t := ui.NewTimeline(ix, &st, ui.DefaultKeyMap())
			t.SetSize(70, 35)
			t.SetRows(ix.Query(model.Filter{}))
			dates := []string{"17 Mar 2021", "2020-02", "2023", "March 2019"}
			i := 0
			for b.Loop() {
				d, err := edtf.ParseLoose(dates[i%len(dates)])
				if err != nil {
					b.Fatal(err)
				}
				if _, ok := t.FirstOnOrAfter(d.Earliest()); !ok {
					b.Fatalf("nothing on or after %s", d)
				}
				i++
			}
		})
	}
}
