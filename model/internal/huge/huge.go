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
