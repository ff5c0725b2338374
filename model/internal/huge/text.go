package huge

import "unsafe"

// Text hands out strings kept in large shared blocks, which double from
// 64 KiB up to 16 MiB and are advised for huge pages once large: one
// allocation for thousands of strings, and no rounding up to size
// classes. A string is copied in whole (Copy, Join), or built at the end
// of the current block (Reserve, Len, WriteString, AppendByte, then Keep).
// The blocks are never written over, so the strings stay. The zero Text
// is ready to use; one goroutine uses it at a time.
type Text struct {
	b    []byte
	next int // the size of the next block
}

// Text's blocks, and the longest string Copy puts in one (a longer one is
// an allocation of its own).
const (
	firstBlock = 64 << 10
	lastBlock  = 16 << 20
	ownString  = 32 << 10
)

// Reserve makes room for n more bytes in the current block, so that the
// string built next stays in one block.
func (t *Text) Reserve(n int) {
	if cap(t.b)-len(t.b) < n {
		t.next = min(max(2*t.next, firstBlock), lastBlock)
		t.b = Slice[byte](0, max(t.next, n))
	}
}

// Len is where the next byte goes: the start to give Keep.
func (t *Text) Len() int { return len(t.b) }

// WriteString appends s.
func (t *Text) WriteString(s string) { t.b = append(t.b, s...) }

// AppendByte appends c.
func (t *Text) AppendByte(c byte) { t.b = append(t.b, c) }

// Keep returns what was written since start as a string ("" for nothing).
func (t *Text) Keep(start int) string {
	if start == len(t.b) {
		return ""
	}
	return unsafe.String(&t.b[start], len(t.b)-start)
}

// Truncate drops what was written since start, which nothing has kept.
func (t *Text) Truncate(start int) { t.b = t.b[:start] }

// Copy is b as a string kept in t.
func (t *Text) Copy(b []byte) string {
	if len(b) > ownString {
		return string(b)
	}
	t.Reserve(len(b))
	start := t.Len()
	t.b = append(t.b, b...)
	return t.Keep(start)
}

// Join is the strings end to end, kept in t.
func (t *Text) Join(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	t.Reserve(n)
	start := t.Len()
	for _, p := range parts {
		t.WriteString(p)
	}
	return t.Keep(start)
}
