package model

import (
	"context"
	"slices"
	"sort"
)

// QueryFrom returns the first n positions of Query(f) at or after timeline
// position from, in time order (fewer when fewer match), and stops scanning
// once it has them: where a find lands, without counting every match. It
// gives up with ctx.Err() when ctx is done.
func (ix *Index) QueryFrom(ctx context.Context, f Filter, from, n int) ([]int32, error) {
	defer inForeground()()
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
	m, cands := ix.narrowed(f)
	lo, total := from, len(ix.refs)
	if cands != nil {
		total = len(cands)
		lo = sort.Search(total, func(i int) bool { return cands[i] >= int32(from) })
	}
	// On one processor: the match is most often near, and a second
	// worker's block would only delay the answer (the find's first match
	// through tmux: 79–93 ms split, 65–66 ms not).
	rows := make([]int32, 0, min(n, 64))
	err := ix.scan(ctx, m, cands, lo, total, func(p int32) bool {
		rows = append(rows, p)
		return len(rows) < n
	})
	return rows, err
}

// QueryBefore returns the first n positions of Query(f) before timeline
// position before, in time order: where a find that found nothing after
// its start wraps to, reading only what QueryFrom did not.
func (ix *Index) QueryBefore(ctx context.Context, f Filter, before, n int) ([]int32, error) {
	defer inForeground()()
	before = max(0, min(before, len(ix.refs)))
	if n <= 0 {
		return []int32{}, ctx.Err()
	}
	if before == 0 {
		return []int32{}, ctx.Err()
	}
	if !f.Active() {
		return ix.all(min(n, before)), nil
	}
	m, cands := ix.narrowed(f)
	if cands == nil && m.hay == nil && m.needle != "" && before > storyOrderAfter {
		// Without the search text, QueryFirst reads the items in memory's
		// order, faster than the timeline's: its first matches, those
		// before the start.
		rows, err := ix.QueryFirst(ctx, f, n)
		i, _ := slices.BinarySearch(rows, int32(before))
		return rows[:i], err
	}
	hi := before
	if cands != nil {
		hi = sort.Search(len(cands), func(i int) bool { return cands[i] >= int32(before) })
	}
	return ix.scanFirstIn(ctx, m, cands, 0, hi, n)
}

// narrowed is f compiled, and the items its scan reads (nil: all): the
// postings of its actors or topics, or what the memo keeps of a search
// the text narrows.
func (ix *Index) narrowed(f Filter) (*matcher, []int32) {
	m := ix.compile(f)
	cands := ix.candidates(m)
	if within, ok := ix.memo.narrow(memoKey(f), m.needle); ok {
		cands = within
	}
	return m, cands
}
