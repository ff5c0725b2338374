package model_test

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
)

// BenchmarkFindKeystroke is what a find keystroke waits for before its
// first screen: the first match at or after the middle of the timeline
// (QueryFrom), or, when there is none, the first from the top, over the
// queries of BenchmarkSearchKeystroke typed a character at a time. Goal
// at 1M events: ≤ 16 ms.
func BenchmarkFindKeystroke(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := benchIndex(b, size.events)
			var steps []string
			for _, q := range typedQueries {
				for i := 1; i <= len(q); i++ {
					steps = append(steps, q[:i])
				}
			}
			ix.PrepareSearch() // the search text, as the explorer builds it after loading
			runtime.GC()
			ctx := context.Background()
			from := ix.Len() / 2
			var times []time.Duration
			i := 0
			for b.Loop() {
				step := steps[i%len(steps)]
				if len(step) == 1 {
					model.ForgetSearches(ix)
				}
				start := time.Now()
				f := model.Filter{Text: step}
				rows, err := ix.QueryFrom(ctx, f, from, 1)
				if err == nil && len(rows) == 0 {
					_, err = ix.QueryFirst(ctx, f, 1)
				}
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				i++
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)*99/100])/1e6, "p99-ms")
		})
	}
}
