package huge

import (
	"strings"
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

// Text's strings hold what was written, stay as blocks fill and new ones
// start, and what is truncated is not kept.
func TestTextKeeps(t *testing.T) {
	var tx Text
	if got := tx.Copy(nil); got != "" {
		t.Errorf("Copy(nil) = %q", got)
	}
	var kept []string
	var want []string
	for i := range 20_000 { // past a few blocks
		s := strings.Repeat(string(rune('a'+i%26)), i%50)
		switch i % 3 {
		case 0:
			kept = append(kept, tx.Copy([]byte(s)))
		case 1:
			kept = append(kept, tx.Join(s[:len(s)/2], s[len(s)/2:]))
		default:
			tx.Reserve(len(s) + 3)
			start := tx.Len()
			tx.WriteString(s)
			mark := tx.Len()
			tx.WriteString("xyz")
			tx.Truncate(mark)
			kept = append(kept, tx.Keep(start))
		}
		want = append(want, s)
	}
	big := strings.Repeat("b", ownString+1)
	kept, want = append(kept, tx.Copy([]byte(big))), append(want, big)
	for i := range want {
		if kept[i] != want[i] {
			t.Fatalf("string %d = %q, want %q", i, kept[i], want[i])
		}
	}
}
