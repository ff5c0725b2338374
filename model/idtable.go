package model

import (
	"hash/maphash"

	"github.com/dateline/dateline/model/internal/huge"
)

// idTable finds things by id without a map: an open-addressing table of
// the numbers of the things, which key turns back into ids, each slot
// holding 32 bits of the id's hash too, so that a probe rarely needs to
// look at an id. It takes 16 bytes a thing or less, where a
// map[string]int32 takes 40 and more.
type idTable struct {
	slots []uint64 // hash>>32<<32 | thing number + 1; 0 is empty
	mask  uint64
	seed  maphash.Seed
}

func newIDTable(n int) *idTable {
	size := 16
	for size < n+n/2 { // at most two thirds full
		size *= 2
	}
	return &idTable{slots: huge.Slice[uint64](size, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

// insert adds thing i under id, unless another thing has that id already:
// then it returns that thing and false.
func (t *idTable) insert(id string, i uint32, key func(uint32) string) (uint32, bool) {
	h := maphash.String(t.seed, id)
	tag := h >> 32 << 32
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s == 0 {
			t.slots[j] = tag | uint64(i+1)
			return i, true
		}
		if s>>32<<32 == tag && key(uint32(s)-1) == id {
			return uint32(s) - 1, false
		}
	}
}

// find returns the thing with id.
func (t *idTable) find(id string, key func(uint32) string) (uint32, bool) {
	h := maphash.String(t.seed, id)
	tag := h >> 32 << 32
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s == 0 {
			return 0, false
		}
		if s>>32<<32 == tag && key(uint32(s)-1) == id {
			return uint32(s) - 1, true
		}
	}
}
