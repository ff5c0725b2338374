package model

import (
	"context"
	"sort"
)

// QueryFrom returns the first n positions of Query(f) at or after timeline
// position from, in time order (fewer when fewer match), and stops scanning
// once it has them: where a find lands, without counting every match. It
// gives up with ctx.Err() when ctx is done.
func (ix *Index) QueryFrom(ctx context.Context, f Filter, from, n int) ([]int32, error) {
	from = max(0, min(from, len(ix.refs)))
	if n <= 0 {
		return []int32{}, ctx.Err()
	}
	if !f.Active() {
		rows := make([]int32, 0, min(n, len(ix.refs)-from))
		for p := from; p < len(ix.refs) && len(rows) < n; p++ {
			rows = append(rows, int32(p))
		}
		return rows, nil
	}
	m := ix.compile(f)
	cands := ix.candidates(m)
	if within, ok := ix.memo.narrow(memoKey(f), m.needle); ok {
		cands = within
	}
	lo, total := from, len(ix.refs)
	if cands != nil {
		total = len(cands)
		lo = sort.Search(total, func(i int) bool { return cands[i] >= int32(from) })
	}
	rows := make([]int32, 0, min(n, 64))
	err := ix.scan(ctx, m, cands, lo, total, func(p int32) bool {
		rows = append(rows, p)
		return len(rows) < n
	})
	return rows, err
}
