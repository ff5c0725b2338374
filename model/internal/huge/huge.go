// Package huge makes the large buffers a load fills at once (the text of
// a million events, their records, the lists they hold) where the
// operating system can back them with huge pages: on Linux, with
// transparent huge pages in "madvise" mode, a 2 MiB page is one fault
// where 512 small ones cost a fault each. Elsewhere, and for small
// buffers, it is plain make.
package huge

import "unsafe"

// Page is the huge page size asked for.
const Page = 2 << 20

// least is the smallest buffer worth advising: below it, the aligned
// part is a small share of it.
const least = 4 * Page

// Slice is make([]T, n, c), advised for huge pages when large. The memory
// is the Go heap's, collected as any other.
func Slice[T any](n, c int) []T {
	s := make([]T, n, c)
	var zero T
	if size := uintptr(c) * unsafe.Sizeof(zero); c > 0 && size >= least {
		advise(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), size))
	}
	return s
}

// aligned is the part of b made of whole huge pages.
func aligned(b []byte) []byte {
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := int((p+Page-1)&^(Page-1) - p)
	end := int((p+uintptr(len(b)))&^(Page-1) - p)
	if beg >= end {
		return nil
	}
	return b[beg:end]
}

// Slab hands out copies of short lists (an event's roles, its citations,
// its topics) carved from shared blocks that double from 64 KiB up to
// 8 MiB: one allocation for thousands of lists, where a million events
// would make millions. The zero Slab is ready to use.
type Slab[T any] struct {
	block []T
	next  int // the size of the next block, in bytes
}

// Keep copies xs into the slab and returns the copy, whose capacity is its
// length, so appending to it copies it elsewhere; nil when xs is empty.
func (s *Slab[T]) Keep(xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	if len(s.block)+len(xs) > cap(s.block) {
		var zero T
		s.next = min(max(2*s.next, 64<<10), 8<<20)
		s.block = Slice[T](0, max(s.next/int(max(1, unsafe.Sizeof(zero))), 2*len(xs)))
	}
	start := len(s.block)
	s.block = append(s.block, xs...)
	return s.block[start:len(s.block):len(s.block)]
}
