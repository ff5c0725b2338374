package model

import (
	"encoding/binary"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/text"
)

// haystack is the text that searches read: for each item in timeline
// order, its title and its text with ASCII letters in lower case, each
// followed by a NUL (which cleaned text never holds, so no match spans
// two). An ASCII needle matches an item exactly when strings.Index finds
// it in the item's part, as ContainsFold would in the title or the text;
// and the scan reads memory in order, at memchr speed.
type haystack struct {
	buf string
	off []int // item p is buf[off[p]:off[p+1]]
	// bytes counts the bytes in a sample of buf, for searches to look for
	// the rarest byte of their needle.
	bytes [256]uint32
	// grams has a filter of the 4-grams of each block of gramBlock items,
	// so that a search skips the blocks that cannot hold its text: when
	// what is typed stops matching, most of the timeline is passed over.
	grams []gramFilter
}

// sampleBytes is about how much of the haystack is read to count its
// bytes (haystack.bytes).
const sampleBytes = 4 << 20

// gramBlock is how many items share a 4-gram filter: a block of the
// parallel scan.
const gramBlock = scanBlock

// gramFilter is a Bloom filter, one bit a 4-gram, of the 4-grams of a
// block of the haystack. 2^20 bits hold the some 10^5 distinct 4-grams of
// eight thousand items with one false positive in ten or so a 4-gram, and
// a needle brings up to eight.
type gramFilter []uint64

const gramBits = 20

func gramHash(x uint32) uint32 { return (x * 0x9E3779B1) >> (32 - gramBits) }

func newGramFilter(text string) gramFilter {
	f := make(gramFilter, 1<<gramBits/64)
	if len(text) < 4 {
		return f
	}
	for i := 0; i+4 <= len(text); i++ {
		a := gramHash(load32(text, i))
		f[a>>6] |= 1 << (a & 63)
	}
	return f
}

// mayHold reports whether the block may hold every one of the 4-grams.
func (f gramFilter) mayHold(grams []uint32) bool {
	for _, g := range grams {
		if a := gramHash(g); f[a>>6]&(1<<(a&63)) == 0 {
			return false
		}
	}
	return true
}

// load32 is the 4 bytes of s at i, as the machine reads them.
func load32(s string, i int) uint32 {
	_ = s[i+3]
	return *(*uint32)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s)), i))
}

// needleGrams is the needle's 4-grams (at most eight, spread over it), as
// the filters hash them.
func needleGrams(needle string) []uint32 {
	if len(needle) < 4 {
		return nil
	}
	n := len(needle) - 3
	step := max(1, n/8)
	var out []uint32
	for i := 0; i < n; i += step {
		out = append(out, load32(needle, i))
	}
	return out
}

func (h *haystack) item(p int32) string { return h.buf[h.off[p]:h.off[p+1]] }

// PrepareSearch builds the search text (see haystack): about a second at a
// million events, and as much memory as the story's text. Until it is
// built, searches scan the items themselves (a fraction of a second over
// a million, with the same answers), so a one-shot search never builds it
// and an explorer builds it in the background without a search waiting.
// It is safe to call from several goroutines, and while searches run.
func (ix *Index) PrepareSearch() {
	ix.build() // background work: it waits without holding the rest back
	ix.hayOnce.Do(func() {
		ix.buildHaystack()
		ix.hayReady.Store(true)
	})
}

// readyHaystack is the search text once PrepareSearch has built it, else nil.
func (ix *Index) readyHaystack() *haystack {
	if ix.hayReady.Load() {
		return &ix.hay
	}
	return nil
}

// buildHaystack builds the search text on every processor.
func (ix *Index) buildHaystack() {
	// Items are read in the story's order, which is the order of memory,
	// and written to their places in the timeline's.
	s := ix.story
	n := len(ix.refs)
	evPos, stPos := ix.timelinePositions()
	off := make([]int, n+1)
	for i := range s.Events {
		pace(i)
		off[evPos[i]+1] = len(s.Events[i].Title) + len(s.Events[i].Summary) + 2
	}
	for i := range s.Statements {
		off[stPos[i]+1] = len(ix.stTitle[i]) + len(s.Statements[i].Quote) + 2
	}
	for p := range n {
		off[p+1] += off[p]
	}
	// The items land all over it (the story's order is not the
	// timeline's): in huge pages, a fault and a TLB entry cover 2 MiB
	// rather than 4 KiB (BenchmarkPrepareSearch at 1M: 2.5–3.1 → 0.7–1.1 s).
	buf := huge.Slice[byte](off[n], off[n])
	put := func(p int32, title, text string) {
		o := off[p]
		o += foldInto(buf[o:], title)
		buf[o] = 0
		o++
		o += foldInto(buf[o:], text)
		buf[o] = 0
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), n/parallelMin))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := len(s.Events) * w / workers; i < len(s.Events)*(w+1)/workers; i++ {
				pace(i)
				put(evPos[i], s.Events[i].Title, s.Events[i].Summary)
			}
			for i := len(s.Statements) * w / workers; i < len(s.Statements)*(w+1)/workers; i++ {
				pace(i)
				put(stPos[i], ix.stTitle[i], s.Statements[i].Quote)
			}
		})
	}
	wg.Wait()
	ix.hay = haystack{buf: unsafe.String(unsafe.SliceData(buf), len(buf)), off: off}
	h := &ix.hay
	h.grams = make([]gramFilter, (n+gramBlock-1)/gramBlock)
	var next atomic.Int64
	for range workers {
		wg.Go(func() {
			for {
				b := int(next.Add(1) - 1)
				if b >= len(h.grams) {
					return
				}
				runtime.Gosched() // a block is about as long as pace's stretch
				lo, hi := b*gramBlock, min(n, (b+1)*gramBlock)
				h.grams[b] = newGramFilter(h.buf[off[lo]:off[hi]])
			}
		})
	}
	wg.Wait()
	// A sample of about 4 MiB, spread over the whole timeline: every
	// item when the whole is smaller, and at least one item when items
	// average more than the sample.
	perSample := max(1, sampleBytes/max(1, len(buf)/max(1, n)))
	step := max(1, n/perSample)
	for p := 0; p < n; p += step {
		t := ix.hay.item(int32(p))
		for i := 0; i < len(t); i++ {
			ix.hay.bytes[t[i]]++
		}
	}
}

// foldInto copies s into dst for an ASCII search: A-Z in lower case, and
// the invisible characters that Clean keeps (soft hyphens, joiners,
// variation selectors) left out, so "Pu\u00adtin" is found by "putin". It
// returns the bytes written, never more than len(s); the rest of the
// item's room stays zero, which no needle holds.
func foldInto(dst []byte, s string) int {
	if text.IsASCII(s) {
		return lowerASCII(dst, s)
	}
	o := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst[o] = c
			o++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isIgnorable(r) {
			o += copy(dst[o:], s[i:i+size])
		}
		i += size
	}
	return o
}

// lowerASCII copies s into dst with A-Z in lower case, eight bytes at a
// time, and returns len(s).
func lowerASCII(dst []byte, s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
		h := x &^ highs
		// Bit 7 of a byte: at least 'A', more than 'Z', and ASCII.
		ge := h + (0x80-'A')*ones
		gt := h + (0x80-'Z'-1)*ones
		upper := ge &^ gt &^ x & highs
		binary.LittleEndian.PutUint64(dst[i:], x|upper>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return len(s)
}
