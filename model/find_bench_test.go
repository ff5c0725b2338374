package model_test

import (
	"context"
	"testing"

	"github.com/dateline/dateline/model"
)

// BenchmarkFindKeystroke is what a find keystroke waits for before its
// first screen: the first match at or after the middle of the timeline
// (QueryFrom), or, when there is none, the first from the top, over the
// queries of BenchmarkSearchKeystroke typed a character at a time. Goal
// at 1M events: ≤ 16 ms.
func BenchmarkFindKeystroke(b *testing.B) {
	benchKeystrokes(b, func(ctx context.Context, ix *model.Index, f model.Filter) error {
		from := ix.Len() / 2
		rows, err := ix.QueryFrom(ctx, f, from, 1)
		if err == nil && len(rows) == 0 {
			_, err = ix.QueryFirst(ctx, f, 1)
		}
		return err
	})
}
