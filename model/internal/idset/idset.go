package idset

import (
	"hash/maphash"
	"strconv"

	"github.com/dateline/dateline/model/internal/huge"
)

// Set holds the ids given out so far. The zero Set is ready to use.
//
// It is an open-addressing table of the ids' numbers rather than a map:
// each slot holds 32 bits of its id's hash beside the number, so that a
// probe for an id not yet given out (most of them, in a load) touches one
// slot and no string. At a million ids a map's look-ups missed the
// processor's caches two or three times each, and took a third of the
// load of a Parquet file's rows (BenchmarkTake).
type Set struct {
	slots []uint64 // hash>>32<<32 | index in ids + 1; 0 is empty
	ids   []string
	vals  []int32 // a value kept with each id (TakeValue), when any was
	mask  uint64
	seed  maphash.Seed
	next  map[string]int // base → the next counter to try
}

// hash is the ids' hash; tests make it collide.
var hash = maphash.String

// Take gives out base, or base-2, base-3… when it is taken.
func (s *Set) Take(base string) string {
	id, _, _ := s.TakeValue(base, 0)
	return id
}

// TakeValue is Take keeping v with the id given out (an event's line,
// for a message about the id used again); when base was taken, it
// returns the value kept with it, and true.
func (s *Set) TakeValue(base string, v int32) (id string, prev int32, taken bool) {
	at, ok := s.add(base, v)
	if ok {
		return base, 0, false
	}
	if at < len(s.vals) {
		prev = s.vals[at]
	}
	return s.renamed(base, v), prev, true
}

// renamed gives out base-2, base-3…, the first not taken.
func (s *Set) renamed(base string, v int32) string {
	for n := max(2, s.next[base]); ; n++ {
		id := base + "-" + strconv.Itoa(n)
		if _, ok := s.add(id, v); ok {
			if s.next == nil {
				s.next = map[string]int{}
			}
			s.next[base] = n + 1
			return id
		}
	}
}

// Grow makes room for n more ids without the table growing on the way.
func (s *Set) Grow(n int) {
	s.resize(len(s.ids) + n)
	if cap(s.ids)-len(s.ids) < n {
		ids := huge.Slice[string](len(s.ids), len(s.ids)+n)
		copy(ids, s.ids)
		s.ids = ids
	}
	if s.vals != nil && cap(s.vals)-len(s.vals) < n {
		vals := huge.Slice[int32](len(s.vals), len(s.vals)+n)
		copy(vals, s.vals)
		s.vals = vals
	}
}

// Has reports whether id has been given out.
func (s *Set) Has(id string) bool {
	if s.slots == nil {
		return false
	}
	h := hash(s.seed, id)
	tag := h >> 32 << 32
	for j := h & s.mask; ; j = (j + 1) & s.mask {
		v := s.slots[j]
		if v == 0 {
			return false
		}
		if v>>32<<32 == tag && s.ids[uint32(v)-1] == id {
			return true
		}
	}
}

// add gives out id, keeping v with it, unless it is taken: then it
// returns the index of the id that took it, and false.
func (s *Set) add(id string, v int32) (int, bool) {
	if len(s.ids)+1 > len(s.slots)/3*2 {
		s.resize(max(16, 2*len(s.ids)))
	}
	h := hash(s.seed, id)
	tag := h >> 32 << 32
	for j := h & s.mask; ; j = (j + 1) & s.mask {
		slot := s.slots[j]
		if slot == 0 {
			s.ids = append(s.ids, id)
			s.slots[j] = tag | uint64(len(s.ids))
			if v != 0 && s.vals == nil {
				s.vals = make([]int32, len(s.ids)-1, cap(s.ids))
			}
			if s.vals != nil {
				s.vals = append(s.vals, v)
			}
			return 0, true
		}
		if slot>>32<<32 == tag && s.ids[uint32(slot)-1] == id {
			return int(uint32(slot) - 1), false
		}
	}
}

// resize makes the table room for n ids, at most two thirds full.
func (s *Set) resize(n int) {
	size := 16
	for size/3*2 < n {
		size *= 2
	}
	if size <= len(s.slots) {
		return
	}
	if s.slots == nil {
		s.seed = maphash.MakeSeed()
	}
	s.slots, s.mask = huge.Slice[uint64](size, size), uint64(size-1)
	for i, id := range s.ids {
		h := hash(s.seed, id)
		j := h & s.mask
		for s.slots[j] != 0 {
			j = (j + 1) & s.mask
		}
		s.slots[j] = h>>32<<32 | uint64(i+1)
	}
}
