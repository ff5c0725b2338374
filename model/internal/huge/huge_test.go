package huge

import (
	"testing"
	"unsafe"
)

func TestAlignedIsWholePagesInside(t *testing.T) {
	buf := make([]byte, 3*Page+123)
	for _, off := range []int{0, 1, 4095, Page - 1, Page, Page + 7} {
		b := buf[off:]
		a := aligned(b)
		if len(a) == 0 {
			if len(b) >= 2*Page {
				t.Errorf("offset %d: no whole page found in %d bytes", off, len(b))
			}
			continue
		}
		start := uintptr(unsafe.Pointer(&a[0]))
		if start%Page != 0 || len(a)%Page != 0 {
			t.Errorf("offset %d: %d bytes at %#x are not whole pages", off, len(a), start)
		}
		lo := int(start - uintptr(unsafe.Pointer(&b[0])))
		if lo < 0 || lo >= Page || lo+len(a) > len(b) || len(b)-(lo+len(a)) >= Page {
			t.Errorf("offset %d: pages [%d, %d) of %d bytes are not the largest aligned run", off, lo, lo+len(a), len(b))
		}
	}
	if a := aligned(buf[:100]); a != nil {
		t.Errorf("a 100-byte buffer has %d bytes of whole pages", len(a))
	}
}

func TestSliceIsMake(t *testing.T) {
	for _, c := range []int{0, 10, 5 << 20} {
		s := Slice[uint64](c/2, c)
		if len(s) != c/2 || cap(s) != c {
			t.Errorf("Slice(%d, %d): len %d cap %d", c/2, c, len(s), cap(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("Slice(%d, %d)[%d] = %d, not zero", c/2, c, i, v)
			}
		}
	}
}

// A slab's copies are equal to what was kept, of exactly their length,
// and independent of the scratch they came from and of each other.
func TestSlabKeeps(t *testing.T) {
	var s Slab[int]
	if got := s.Keep(nil); got != nil {
		t.Errorf("Keep(nil) = %v, want nil", got)
	}
	var kept [][]int
	scratch := make([]int, 0, 64)
	for i := range 50_000 { // past a block or two
		scratch = scratch[:0]
		for j := range i%5 + 1 {
			scratch = append(scratch, i*10+j)
		}
		k := s.Keep(scratch)
		if len(k) != len(scratch) || cap(k) != len(k) {
			t.Fatalf("Keep of %d: len %d cap %d", len(scratch), len(k), cap(k))
		}
		kept = append(kept, k)
	}
	kept[0] = append(kept[0], -1) // must not write over kept[1]
	for i, k := range kept {
		for j := range i%5 + 1 {
			if k[j] != i*10+j {
				t.Fatalf("list %d holds %v", i, k)
			}
		}
	}
}
