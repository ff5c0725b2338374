package timeaxis

import (
	"fmt"
	"sort"

	"github.com/dateline/dateline/model/edtf"
)

// Bucket is one bucket of time and the items in it: Start and End are its
// first and last day.
type Bucket struct {
	Start, End edtf.Day
	Count      int
}

// MaxBuckets bounds how many buckets Count makes, so that a fine unit over
// a long span is refused instead of filling memory.
const MaxBuckets = 1 << 20

// Keys is a timeline in order: Len items, each with the day it sorts at
// (Key, non-decreasing; edtf.MaxDay for an undated item, which sorts last).
type Keys interface {
	Len() int
	Key(i int) edtf.Day
}

// Span is the first and last dated key, and whether there is any.
func Span(k Keys) (lo, hi edtf.Day, ok bool) {
	n := dated(k)
	if n == 0 {
		return 0, 0, false
	}
	return k.Key(0), k.Key(n - 1), true
}

// dated is the number of dated items: those before the first MaxDay key.
func dated(k Keys) int {
	return sort.Search(k.Len(), func(i int) bool { return k.Key(i) == edtf.MaxDay })
}

// Count divides lo..hi into buckets of u and counts the keys in each; it
// costs two binary searches a bucket, whatever the number of items. The
// second result is the number of undated items, which no bucket holds.
func Count(k Keys, u Unit, lo, hi edtf.Day) ([]Bucket, int, error) {
	n := dated(k)
	undated := k.Len() - n
	if hi < lo {
		return nil, undated, nil
	}
	if nb := u.Buckets(lo, hi); nb > MaxBuckets {
		return nil, undated, fmt.Errorf("%d buckets of a %s are too many (at most %d); count by a longer unit", nb, u, MaxBuckets)
	}
	first := func(day edtf.Day) int { return sort.Search(n, func(i int) bool { return k.Key(i) >= day }) }
	var out []Bucket
	start := u.Start(lo)
	at := first(start)
	for start <= hi {
		next := u.Next(start)
		end := first(next)
		out = append(out, Bucket{Start: start, End: next - 1, Count: end - at})
		start, at = next, end
	}
	return out, undated, nil
}

// Find is the index of the bucket that holds day, or -1.
func Find(buckets []Bucket, day edtf.Day) int {
	i := sort.Search(len(buckets), func(i int) bool { return buckets[i].End >= day })
	if i < len(buckets) && buckets[i].Start <= day {
		return i
	}
	return -1
}
