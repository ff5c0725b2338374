package model

import (
	"context"
	"encoding/binary"
	"fmt"
	"github.com/dateline/dateline/model/edtf"
	"math"
	bits64 "math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// Filter narrows the timeline. Within a dimension the choices combine as
// "any of"; across dimensions, as "all of". The zero Filter keeps everything.
type Filter struct {
	// Actors keeps items naming any of these actors or their descendants.
	Actors []string
	// Topics keeps items on any of these topics.
	Topics []string
	// Text keeps items whose title, summary, quote or actor names contain it,
	// ignoring case.
	Text string
	// Since and Until keep dated items whose dates overlap the range; a
	// zero Date leaves that end open.
	Since, Until edtf.Date
}

// Active reports whether the filter narrows anything.
func (f Filter) Active() bool {
	return len(f.Actors) > 0 || len(f.Topics) > 0 || f.Text != "" || !f.Since.IsZero() || !f.Until.IsZero()
}

// CheckFilter reports actor and topic ids that the story does not have,
// naming the valid ones and the nearest to what was typed.
func (ix *Index) CheckFilter(f Filter) error {
	for _, id := range f.Actors {
		if _, ok := ix.actorOf[id]; !ok {
			return unknownID("actor", id, ix.actorIDs())
		}
	}
	for _, id := range f.Topics {
		if _, ok := ix.topicOf[id]; !ok {
			return unknownID("topic", id, ix.topicIDs())
		}
	}
	return nil
}

func unknownID(kind, id string, valid []string) error {
	if len(valid) == 0 {
		return fmt.Errorf("unknown %s %q: this story has no %ss", kind, id, kind)
	}
	return fmt.Errorf("unknown %s %q%s; valid %ss: %s", kind, id, didYouMean(id, valid), kind, quoteList(valid, 40))
}

func (ix *Index) actorIDs() []string {
	out := make([]string, len(ix.story.Actors))
	for i, a := range ix.story.Actors {
		out[i] = a.ID
	}
	return out
}

func (ix *Index) topicIDs() []string {
	out := make([]string, len(ix.story.Topics))
	for i, t := range ix.story.Topics {
		out[i] = t.ID
	}
	return out
}

// matcher is a Filter compiled against one index.
type matcher struct {
	actors, topics []bool    // wanted actor and topic indexes; nil when not filtering
	needle         string    // folded search text, "" when not searching
	fold           folder    // finds needle
	hay            *haystack // nil when the needle is not ASCII
	nameHit        []bool    // actors whose names or aliases contain the needle
	lo, hi         edtf.Day
	dated          bool
}

func (ix *Index) compile(f Filter) *matcher {
	m := &matcher{lo: edtf.MinDay, hi: edtf.MaxDay}
	if len(f.Actors) > 0 {
		m.actors = make([]bool, len(ix.story.Actors))
		for _, id := range f.Actors {
			if a, ok := ix.actorOf[id]; ok {
				for _, d := range ix.descend(a) {
					m.actors[d] = true
				}
			}
		}
	}
	if len(f.Topics) > 0 {
		m.topics = make([]bool, len(ix.story.Topics))
		for _, id := range f.Topics {
			if t, ok := ix.topicOf[id]; ok {
				m.topics[t] = true
			}
		}
	}
	if f.Text != "" {
		m.needle = FoldForSearch(f.Text)
		m.fold = newFolder(m.needle)
		if m.fold.ascii && !strings.ContainsRune(m.needle, 0) {
			m.hay = ix.haystack()
			m.fold.tune(m.hay)
		}
		m.nameHit = make([]bool, len(ix.story.Actors))
		for i, a := range ix.story.Actors {
			hit := ContainsFold(a.Name, m.needle)
			for _, al := range a.Aliases {
				hit = hit || ContainsFold(al, m.needle)
			}
			m.nameHit[i] = hit
		}
	}
	if !f.Since.IsZero() {
		m.lo, m.dated = f.Since.Earliest(), true
	}
	if !f.Until.IsZero() {
		m.hi, m.dated = f.Until.Latest(), true
	}
	return m
}

// Query returns the timeline positions of the items the filter keeps, in
// time order. Unknown ids match nothing; CheckFilter reports them.
func (ix *Index) Query(f Filter) []int32 {
	rows, _ := ix.QueryContext(context.Background(), f)
	return rows
}

// QueryContext is Query that gives up when ctx is done, so that a newer
// keystroke can cancel a stale search.
func (ix *Index) QueryContext(ctx context.Context, f Filter) ([]int32, error) {
	if !f.Active() {
		return ix.all(len(ix.refs)), nil
	}
	m := ix.compile(f)
	cands := ix.candidates(m)
	if m.candsAreMatches() {
		return slices.Clone(cands), nil
	}
	key := memoKey(f)
	if within, ok := ix.memo.narrow(key, m.needle); ok {
		cands = within
	}
	rows, err := ix.scanAll(ctx, m, cands)
	if err == nil {
		ix.memo.remember(key, m.needle, rows)
	}
	return rows, err
}

// all is the first n timeline positions.
func (ix *Index) all(n int) []int32 {
	rows := make([]int32, min(n, len(ix.refs)))
	for i := range rows {
		rows[i] = int32(i)
	}
	return rows
}

// candsAreMatches reports whether the candidates are the answer: the filter
// is on actors alone, or on topics alone.
func (m *matcher) candsAreMatches() bool {
	return m.needle == "" && !m.dated && (m.actors == nil || m.topics == nil)
}

// QueryFirst returns the first n positions of Query(f), in time order
// (fewer when fewer items match), and stops scanning once it has them: it is
// what the first screenful needs while a search is typed, long before a full
// count is. It gives up with ctx.Err() when ctx is done.
func (ix *Index) QueryFirst(ctx context.Context, f Filter, n int) ([]int32, error) {
	if n <= 0 {
		return []int32{}, ctx.Err()
	}
	if !f.Active() {
		return ix.all(n), nil
	}
	m := ix.compile(f)
	cands := ix.candidates(m)
	if m.candsAreMatches() {
		return slices.Clone(cands[:min(n, len(cands))]), nil
	}
	key := memoKey(f)
	if within, ok := ix.memo.narrow(key, m.needle); ok {
		cands = within
	}
	rows, err := ix.scanFirst(ctx, m, cands, n)
	if err == nil && len(rows) < n {
		ix.memo.remember(key, m.needle, rows) // the scan went to the end
	}
	return rows, err
}

// searchMemo remembers the complete results of recent text searches, so
// that typing one more character scans only what the shorter text matched:
// an item whose title, text or actor names hold "ambush at" holds "ambush a".
type searchMemo struct {
	mu      sync.Mutex
	entries []memoEntry // the most recent last
}

type memoEntry struct {
	key, needle string
	rows        []int32
}

// The memo holds a few results of at most memoMaxRows rows each.
const (
	memoEntries = 8
	memoMaxRows = 1 << 19
)

// memoKey is the filter but for its text.
func memoKey(f Filter) string {
	return strings.Join(f.Actors, "\x00") + "\x01" + strings.Join(f.Topics, "\x00") + "\x01" + f.Since.String() + "\x01" + f.Until.String()
}

// narrow returns the smallest remembered result, for the same filter, of a
// text that needle contains.
func (sm *searchMemo) narrow(key, needle string) ([]int32, bool) {
	if needle == "" {
		return nil, false
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	var best []int32
	found := false
	for _, e := range sm.entries {
		if e.key == key && strings.Contains(needle, e.needle) && (!found || len(e.rows) < len(best)) {
			best, found = e.rows, true
		}
	}
	return best, found
}

// remember keeps the complete result of a text search.
func (sm *searchMemo) remember(key, needle string, rows []int32) {
	if needle == "" || len(rows) > memoMaxRows {
		return
	}
	sm.mu.Lock()
	defer sm.mu.Unlock()
	for i, e := range sm.entries {
		if e.key == key && e.needle == needle {
			sm.entries = slices.Delete(sm.entries, i, i+1)
			break
		}
	}
	if len(sm.entries) == memoEntries {
		sm.entries = slices.Delete(sm.entries, 0, 1)
	}
	sm.entries = append(sm.entries, memoEntry{key, needle, slices.Clone(rows)})
}

// forget empties the memo.
func (sm *searchMemo) forget() {
	sm.mu.Lock()
	sm.entries = nil
	sm.mu.Unlock()
}

// candidates narrows the scan to the union of the postings of the wanted
// actors (or topics), or returns nil to mean every item. The result may be
// a posting list itself: callers must not change it.
func (ix *Index) candidates(m *matcher) []int32 {
	var lists [][]int32
	switch {
	case m.actors != nil:
		for a, want := range m.actors {
			if want {
				lists = append(lists, ix.actorPost[a])
			}
		}
	case m.topics != nil:
		for t, want := range m.topics {
			if want {
				lists = append(lists, ix.topicPost[t])
			}
		}
	default:
		return nil
	}
	return ix.union(lists)
}

// union merges ascending lists of timeline positions into one ascending
// list without repeats, through a bitmap of the timeline: linear in the
// postings and the timeline's length over 64, whatever the number of lists.
func (ix *Index) union(lists [][]int32) []int32 {
	switch len(lists) {
	case 0:
		return []int32{}
	case 1:
		return lists[0]
	}
	total := 0
	for _, l := range lists {
		total += len(l)
	}
	if total < 64 || len(lists) <= 2 && total < len(ix.refs)/64 {
		return unionSorted(lists)
	}
	bits := make([]uint64, (len(ix.refs)+63)/64)
	for _, l := range lists {
		for _, p := range l {
			bits[p>>6] |= 1 << (p & 63)
		}
	}
	out := make([]int32, 0, total)
	for w, x := range bits {
		for x != 0 {
			out = append(out, int32(w<<6+bits64.TrailingZeros64(x)))
			x &= x - 1
		}
	}
	return out
}

// parallelMin is the number of items from which a scan is split between
// the processors.
const parallelMin = 32 << 10

// scanBlock is how many items a worker scans at a time.
const scanBlock = 8 << 10

// scanAll returns every match among cands (nil: every item), splitting the
// scan between the processors when it is long.
func (ix *Index) scanAll(ctx context.Context, m *matcher, cands []int32) ([]int32, error) {
	return ix.scanFirst(ctx, m, cands, math.MaxInt)
}

// scanFirst returns the first n matches among cands (nil: every item), in
// order. Long scans go block by block to every processor, and stop once
// the blocks done from the start hold n matches.
func (ix *Index) scanFirst(ctx context.Context, m *matcher, cands []int32, n int) ([]int32, error) {
	total := len(ix.refs)
	if cands != nil {
		total = len(cands)
	}
	workers := min(runtime.GOMAXPROCS(0), (total+scanBlock-1)/scanBlock)
	if total < parallelMin || workers < 2 {
		var rows []int32
		if n < math.MaxInt {
			rows = make([]int32, 0, n)
		}
		err := ix.scan(ctx, m, cands, 0, total, func(p int32) bool {
			rows = append(rows, p)
			return len(rows) < n
		})
		if rows == nil {
			rows = []int32{}
		}
		return rows, err
	}
	blocks := (total + scanBlock - 1) / scanBlock
	results := make([][]int32, blocks)
	done := make([]atomic.Bool, blocks)
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	var failed atomic.Value
	for range workers {
		wg.Go(func() {
			for !stop.Load() {
				b := int(next.Add(1) - 1)
				if b >= blocks {
					return
				}
				lo, hi := b*scanBlock, min(total, (b+1)*scanBlock)
				var rows []int32
				err := ix.scan(ctx, m, cands, lo, hi, func(p int32) bool {
					rows = append(rows, p)
					return len(rows) < n
				})
				if err != nil {
					failed.Store(err)
					stop.Store(true)
					return
				}
				results[b] = rows
				done[b].Store(true)
				if n < math.MaxInt && prefixHolds(results, done, n) {
					stop.Store(true)
				}
			}
		})
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		return nil, err
	}
	count := 0
	for b := range results {
		if !done[b].Load() {
			break
		}
		count += len(results[b])
	}
	rows := make([]int32, 0, min(count, n))
	for b := range results {
		if !done[b].Load() || len(rows) >= n {
			break
		}
		rows = append(rows, results[b][:min(len(results[b]), n-len(rows))]...)
	}
	return rows, nil
}

// textOnly reports whether only the search text (and dates) decide: then
// the scan can run over the haystack of many items at once.
func (m *matcher) textOnly() bool {
	return m.hay != nil && m.actors == nil && m.topics == nil && !slices.Contains(m.nameHit, true)
}

// scanText is scan for textOnly matchers over items lo to hi: one search
// through their haystack, jumping from each match to the next item.
func (ix *Index) scanText(ctx context.Context, m *matcher, lo, hi int, keep func(int32) bool) error {
	h := m.hay
	grams := needleGrams(m.needle)
	// Block by block of the haystack's filters, skipping those that lack
	// one of the needle's 4-grams.
	for blo := lo; blo < hi; {
		bhi := min(hi, (blo/gramBlock+1)*gramBlock)
		if f := h.grams[blo/gramBlock]; f.mayHold(grams) {
			done, err := ix.scanTextRange(ctx, m, blo, bhi, keep)
			if done || err != nil {
				return err
			}
		}
		blo = bhi
	}
	return ctx.Err()
}

// scanTextRange is scanText over items lo to hi with no filter to skip
// them: one search through their haystack, jumping from each match to the
// next item. done says that keep asked to stop.
func (ix *Index) scanTextRange(ctx context.Context, m *matcher, lo, hi int, keep func(int32) bool) (done bool, err error) {
	h := m.hay
	p := lo
	for p < hi {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		at := h.off[p]
		j := m.fold.indexLower(h.buf[at:h.off[hi]])
		if j < 0 {
			return false, nil
		}
		// The item holding the match: off[p] <= at+j < off[p+1].
		at += j
		p += sort.Search(hi-p, func(i int) bool { return h.off[p+i+1] > at })
		if !m.dated || ix.matches(m, int32(p)) {
			if !keep(int32(p)) {
				return true, nil
			}
		}
		p++
	}
	return false, nil
}

// prefixHolds reports whether the blocks done from the first on hold n
// matches.
func prefixHolds(results [][]int32, done []atomic.Bool, n int) bool {
	count := 0
	for b := range results {
		if !done[b].Load() {
			return false
		}
		if count += len(results[b]); count >= n {
			return true
		}
	}
	return false
}

// scan calls keep for every item that matches, in order, over cands[lo:hi]
// (or items lo to hi when cands is nil), until keep returns false.
func (ix *Index) scan(ctx context.Context, m *matcher, cands []int32, lo, hi int, keep func(int32) bool) error {
	if cands == nil && m.textOnly() {
		return ix.scanText(ctx, m, lo, hi, keep)
	}
	for i := lo; i < hi; i++ {
		if i&4095 == 4095 && ctx.Err() != nil {
			return ctx.Err()
		}
		p := int32(i)
		if cands != nil {
			p = cands[i]
		}
		if ix.matches(m, p) && !keep(p) {
			return nil
		}
	}
	return ctx.Err()
}

func (ix *Index) matches(m *matcher, p int32) bool {
	// An undated item has no date to overlap the range.
	// (Only an undated item starts at MaxDay: see Date.Earliest.)
	if m.dated && (ix.hi[p] < m.lo || ix.lo[p] > m.hi || ix.lo[p] == edtf.MaxDay) {
		return false
	}
	actors := ix.itemActors[ix.actorStart[p]:ix.actorStart[p+1]]
	if m.actors != nil && !anyOf(actors, m.actors) {
		return false
	}
	if m.topics != nil && !anyOf(ix.itemTopics[ix.topicStart[p]:ix.topicStart[p+1]], m.topics) {
		return false
	}
	if m.needle == "" {
		return true
	}
	if anyOf(actors, m.nameHit) {
		return true
	}
	if m.hay != nil {
		return m.fold.inLower(m.hay.item(p))
	}
	return m.fold.index(ix.Title(int(p))) >= 0 || m.fold.index(ix.At(int(p)).Text()) >= 0
}

func anyOf(ids []int32, want []bool) bool {
	for _, id := range ids {
		if want[id] {
			return true
		}
	}
	return false
}

// unionSorted merges ascending lists into one ascending list without repeats.
func unionSorted(lists [][]int32) []int32 {
	switch len(lists) {
	case 0:
		return []int32{}
	case 1:
		return lists[0]
	}
	total := 0
	for _, l := range lists {
		total += len(l)
	}
	out := make([]int32, 0, total)
	heads := make([]int, len(lists))
	for {
		best := int32(-1)
		for i, l := range lists {
			if heads[i] < len(l) && (best < 0 || l[heads[i]] < best) {
				best = l[heads[i]]
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, best)
		for i, l := range lists {
			if heads[i] < len(l) && l[heads[i]] == best {
				heads[i]++
			}
		}
	}
}

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

// PrepareSearch builds what text searches read (see haystack), which the
// first search would otherwise wait for: about a second at a million
// events. Call it in the background once the index is built; it is safe
// to call from several goroutines, and while searches run.
func (ix *Index) PrepareSearch() { ix.haystack() }

// haystack builds the search text the first time it is needed, on every
// processor. It costs about as much memory as the story's text.
func (ix *Index) haystack() *haystack {
	ix.hayOnce.Do(func() {
		// Items are read in the story's order, which is the order of memory,
		// and written to their places in the timeline's.
		s := ix.story
		n := len(ix.refs)
		evPos := make([]int32, len(s.Events))
		stPos := make([]int32, len(s.Statements))
		for pos, r := range ix.refs {
			if r.kind == EventItem {
				evPos[r.n] = int32(pos)
			} else {
				stPos[r.n] = int32(pos)
			}
		}
		off := make([]int, n+1)
		for i := range s.Events {
			off[evPos[i]+1] = len(s.Events[i].Title) + len(s.Events[i].Summary) + 2
		}
		for i := range s.Statements {
			off[stPos[i]+1] = len(ix.stTitle[i]) + len(s.Statements[i].Quote) + 2
		}
		for p := range n {
			off[p+1] += off[p]
		}
		buf := make([]byte, off[n])
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
					put(evPos[i], s.Events[i].Title, s.Events[i].Summary)
				}
				for i := len(s.Statements) * w / workers; i < len(s.Statements)*(w+1)/workers; i++ {
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
					lo, hi := b*gramBlock, min(n, (b+1)*gramBlock)
					h.grams[b] = newGramFilter(h.buf[off[lo]:off[hi]])
				}
			})
		}
		wg.Wait()
		// A sample of about 4 MB, spread over the whole timeline.
		step := max(1, n/(4<<20/max(1, len(buf)/max(1, n))))
		for p := 0; p < n; p += step {
			t := ix.hay.item(int32(p))
			for i := 0; i < len(t); i++ {
				ix.hay.bytes[t[i]]++
			}
		}
	})
	return &ix.hay
}

// foldInto copies s into dst for an ASCII search: A-Z in lower case, and
// the invisible characters that Clean keeps (soft hyphens, joiners,
// variation selectors) left out, so "Pu\u00adtin" is found by "putin". It
// returns the bytes written, never more than len(s); the rest of the
// item's room stays zero, which no needle holds.
func foldInto(dst []byte, s string) int {
	if isASCII(s) {
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

// ActorCounts counts, for every actor id, the rows that involve the actor or
// any of its descendants: the number a filter on that actor would keep.
func (ix *Index) ActorCounts(rows []int32) map[string]int {
	counts := make([]int, len(ix.story.Actors))
	stamp := make([]int32, len(ix.story.Actors))
	for i := range stamp {
		stamp[i] = -1
	}
	for _, p := range rows {
		for _, a := range ix.itemActors[ix.actorStart[p]:ix.actorStart[p+1]] {
			for x, hops := a, 0; x >= 0 && stamp[x] != p && hops <= len(stamp); x, hops = ix.parent[x], hops+1 {
				stamp[x] = p
				counts[x]++
			}
		}
	}
	out := make(map[string]int, len(counts))
	for i, c := range counts {
		out[ix.story.Actors[i].ID] = c
	}
	return out
}

// TopicCounts counts, for every topic id, the rows on that topic.
func (ix *Index) TopicCounts(rows []int32) map[string]int {
	counts := make([]int, len(ix.story.Topics))
	for _, p := range rows {
		for _, t := range ix.itemTopics[ix.topicStart[p]:ix.topicStart[p+1]] {
			counts[t]++
		}
	}
	out := make(map[string]int, len(counts))
	for i, c := range counts {
		out[ix.story.Topics[i].ID] = c
	}
	return out
}

// ContainsFold reports whether s contains needle, which must already be
// folded by FoldForSearch. ASCII needles take a fast path with no allocation.
func ContainsFold(s, needle string) bool { return IndexFold(s, needle) >= 0 }

// IndexFold returns the byte offset in s of the first match of the folded
// needle, or -1. For non-ASCII needles the offset is approximate only in
// text whose folding changes byte lengths; callers highlight with it.
func IndexFold(s, needle string) int {
	f := newFolder(needle)
	return f.index(s)
}

// folder finds one folded needle. For an ASCII needle it looks for the
// needle's rarest byte (in English text) with strings.IndexByte, in both
// cases, and compares the rest only there: most text is passed over at
// memchr speed, without allocating.
type folder struct {
	needle string
	ascii  bool
	k      int  // offset in needle of its rarest byte
	lc, uc byte // that byte in lower and upper case
}

func newFolder(needle string) folder {
	f := folder{needle: needle, ascii: isASCII(needle)}
	if !f.ascii || needle == "" {
		return f
	}
	for i := 0; i < len(needle); i++ {
		if byteFreq(needle[i]) < byteFreq(needle[f.k]) {
			f.k = i
		}
	}
	c := needle[f.k]
	f.lc, f.uc = c, c
	if 'a' <= c && c <= 'z' {
		f.uc = c - 'a' + 'A'
	}
	return f
}

// byteFreq ranks a (folded) byte by how often it appears in English text:
// letters by their frequency per mille, the space as the commonest.
func byteFreq(c byte) int {
	// a b c d e f g h i j k l m n o p q r s t u v w x y z
	letters := [26]uint8{82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1}
	switch {
	case 'a' <= c && c <= 'z':
		return int(letters[c-'a'])
	case c == ' ':
		return 180
	case c == '.' || c == ',':
		return 10
	}
	return 4
}

func (f *folder) index(s string) int {
	needle := f.needle
	if needle == "" {
		return 0
	}
	if !f.ascii {
		return strings.Index(FoldForSearch(s), needle)
	}
	// The rare byte of a match at i is at i+k; i runs to len(s)-len(needle).
	k := f.k
	end := len(s) - len(needle) + k + 1
	for i := k; i < end; {
		j := indexEither(s[i:end], f.lc, f.uc)
		if j < 0 {
			return -1
		}
		i += j
		if equalFoldASCII(s[i-k:i-k+len(needle)], needle) {
			return i - k
		}
		i++
	}
	return -1
}

// inLower reports whether s, whose ASCII letters are all lower case,
// holds the ASCII needle.
func (f *folder) inLower(s string) bool { return f.indexLower(s) >= 0 }

// indexLower is strings.Index for the needle in s, whose ASCII letters are
// all lower case: strings.IndexByte for the needle's rarest byte, and a
// comparison there. (It beats strings.Index on this text even when that
// byte is common, and by far when it is rare.)
func (f *folder) indexLower(s string) int {
	needle, k := f.needle, f.k
	end := len(s) - len(needle) + k + 1
	for i := k; i < end; {
		j := strings.IndexByte(s[i:end], f.lc)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-k:i-k+len(needle)] == needle {
			return i - k
		}
		i++
	}
	return -1
}

// tune picks the rarest byte of the needle by its count in the haystack
// rather than in English.
func (f *folder) tune(h *haystack) {
	needle := f.needle
	if len(needle) < 2 {
		return
	}
	f.k = 0
	for i := range len(needle) {
		if h.bytes[needle[i]] < h.bytes[needle[f.k]] {
			f.k = i
		}
	}
	f.lc = needle[f.k]
}

func indexEither(s string, a, b byte) int {
	i := strings.IndexByte(s, a)
	if a == b {
		return i
	}
	limit := s
	if i >= 0 {
		limit = s[:i]
	}
	if j := strings.IndexByte(limit, b); j >= 0 {
		return j
	}
	return i
}

// equalFoldASCII compares s with the lowercase ASCII needle.
func equalFoldASCII(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
