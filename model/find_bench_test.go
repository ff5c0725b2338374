package model_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dateline/dateline/model"
)

// BenchmarkFindKeystroke is what a find keystroke waits for before its
// first screen: the first match at or after the middle of the timeline
// (QueryFrom), or, when there is none, the first before it (QueryBefore),
// over the queries of BenchmarkSearchKeystroke typed a character at a
// time. Goal at 1M events: ≤ 16 ms.
func BenchmarkFindKeystroke(b *testing.B) {
	benchKeystrokes(b, func(ctx context.Context, ix *model.Index, f model.Filter) error {
		from := ix.Len() / 2
		rows, err := ix.QueryFrom(ctx, f, from, 1)
		if err == nil && len(rows) == 0 {
			_, err = ix.QueryBefore(ctx, f, from, 1)
		}
		return err
	})
}

// BenchmarkWakeDuringCount is how late a key's goroutine runs while a
// find's count scans the timeline on every processor, as the explorer's
// first find does while the index is still being built: a goroutine asks
// to wake in a millisecond, and late-ms is how much later it ran (mean,
// and p99 the slowest 1%). A scan that never yields leaves it to the
// scheduler's preemption, every 10 ms; goal: p99 ≤ 1 ms.
func BenchmarkWakeDuringCount(b *testing.B) {
	for _, size := range benchSizes[1:] {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			ix := model.OrderedIndex(benchIndex(b, size.events).Story()) // no search text: the items are read
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			wg.Go(func() {
				for ctx.Err() == nil {
					_, _ = ix.QueryContext(ctx, model.Filter{Text: "ambush"})
				}
			})
			time.Sleep(10 * time.Millisecond) // the count is under way
			var late []time.Duration
			for b.Loop() {
				start := time.Now()
				time.Sleep(time.Millisecond)
				late = append(late, time.Since(start)-time.Millisecond)
			}
			cancel()
			wg.Wait()
			var sum time.Duration
			for _, d := range late {
				sum += d
			}
			slices.Sort(late)
			b.ReportMetric(float64(sum)/float64(len(late))/1e6, "late-ms")
			b.ReportMetric(float64(late[len(late)*99/100])/1e6, "p99-late-ms")
		})
	}
}

// BenchmarkCountWhileIndexing is a find's count typed as the rows show:
// a text search of every item (QueryContext), started as soon as
// StartIndex returns, while the rest of the index is built behind it.
// count-ms is the search's own time; the background work steps aside
// while it runs (pace), where it took a fair share before.
func BenchmarkCountWhileIndexing(b *testing.B) {
	for _, size := range benchSizes[1:] {
		b.Run(size.name, func(b *testing.B) {
			skipBig(b, size.events)
			s := benchIndex(b, size.events).Story()
			var total time.Duration
			for range b.N {
				ix := model.StartIndex(s)
				start := time.Now()
				if _, err := ix.QueryContext(context.Background(), model.Filter{Text: "ambush"}); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				<-ix.Ready()
			}
			b.ReportMetric(float64(total)/float64(b.N)/1e6, "count-ms")
		})
	}
}
