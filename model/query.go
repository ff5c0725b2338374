package model

import (
	"context"
	"fmt"
	"math"
	bits64 "math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
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
func (ix *Index) CheckFilter(f Filter) error { return CheckFilter(ix.story, f) }

// CheckFilter is Index.CheckFilter before there is an index: a command
// refuses an unknown id without waiting for the index to be built. Of a
// story whose reader left the rows outside the dates unread (Ranged), the
// error is an *OutsideRange: the id may be in the file, in rows not read.
func CheckFilter(s *Story, f Filter) error {
	var outside []string // of a Ranged story
	unknown := func(kind, id string, valid []string) error {
		if !s.Ranged {
			return unknownID(kind, id, valid)
		}
		outside = append(outside, fmt.Sprintf("the %s %q%s", kind, id, didYouMean(id, valid)))
		return nil
	}
	for _, id := range f.Actors {
		if !slices.ContainsFunc(s.Actors, func(a Actor) bool { return a.ID == id }) {
			if err := unknown("actor", id, actorIDs(s)); err != nil {
				return err
			}
		}
	}
	for _, id := range f.Topics {
		if !slices.ContainsFunc(s.Topics, func(t Topic) bool { return t.ID == id }) {
			if err := unknown("topic", id, topicIDs(s)); err != nil {
				return err
			}
		}
	}
	if len(outside) > 0 {
		return &OutsideRange{fmt.Sprintf("no item within the dates names %s, %s nothing; the rows outside --since and --until were not read, so the file may name %s elsewhere",
			strings.Join(outside, " or "), text.Plural(len(outside), "which matches", "which match"), text.Plural(len(outside), "it", "them"))}
	}
	return nil
}

// OutsideRange is the ids that no item within the dates names, of a story
// whose rows outside them were not read: they match nothing, and the file
// may name them elsewhere.
type OutsideRange struct{ Msg string }

func (e *OutsideRange) Error() string { return e.Msg }

func unknownID(kind, id string, valid []string) error {
	if len(valid) == 0 {
		return fmt.Errorf("unknown %s %q: this story has no %ss", kind, id, kind)
	}
	return fmt.Errorf("unknown %s %q%s; valid %ss: %s", kind, id, didYouMean(id, valid), kind, quoteList(valid, 40))
}

func actorIDs(s *Story) []string {
	out := make([]string, len(s.Actors))
	for i, a := range s.Actors {
		out[i] = a.ID
	}
	return out
}

func topicIDs(s *Story) []string {
	out := make([]string, len(s.Topics))
	for i, t := range s.Topics {
		out[i] = t.ID
	}
	return out
}

// matcher is a Filter compiled against one index.
type matcher struct {
	actors, topics []bool    // wanted actor and topic indexes; nil when not filtering
	actorIDs       stringSet // the wanted actors' ids, for before the index is complete
	needle         string    // folded search text, "" when not searching
	fold           folder    // finds needle
	hay            *haystack // nil when the needle is not ASCII, or the search text is not built yet
	asHay          bool      // the needle is one the search text would answer: scans find what it would
	nameHit        []bool    // actors whose names or aliases contain the needle
	anyName        bool      // some actor's name or alias contains the needle
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
					if !m.actors[d] {
						m.actors[d] = true
						m.actorIDs.add(ix.story.Actors[d].ID)
					}
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
		if m.asHay = m.fold.ascii && !strings.ContainsRune(m.needle, 0); m.asHay {
			if m.hay = ix.readyHaystack(); m.hay != nil {
				m.fold.tune(m.hay)
			}
		}
		m.nameHit = make([]bool, len(ix.story.Actors))
		for i, a := range ix.story.Actors {
			hit := ContainsFold(a.Name, m.needle)
			for _, al := range a.Aliases {
				hit = hit || ContainsFold(al, m.needle)
			}
			m.nameHit[i] = hit
			m.anyName = m.anyName || hit
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
	defer inForeground()()
	if !f.Active() {
		return ix.all(len(ix.refs)), nil
	}
	m := ix.compile(f)
	cands := ix.candidates(m)
	if cands != nil && m.candsAreMatches() {
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
	defer inForeground()()
	if n <= 0 {
		return []int32{}, ctx.Err()
	}
	if !f.Active() {
		return ix.all(n), nil
	}
	m := ix.compile(f)
	cands := ix.candidates(m)
	if cands != nil && m.candsAreMatches() {
		return slices.Clone(cands[:min(n, len(cands))]), nil
	}
	key := memoKey(f)
	if within, ok := ix.memo.narrow(key, m.needle); ok {
		cands = within
	}
	if cands == nil && m.hay == nil && m.needle != "" && len(ix.refs) > storyOrderAfter {
		// Without the search text, a text that few items hold is found
		// sooner by reading the items in memory's order than the
		// timeline's: the start of the timeline first, then everything.
		rows, err := ix.scanFirst(ctx, m, ix.all(storyOrderAfter), n)
		if err != nil || len(rows) == n {
			return rows, err
		}
		all, err := ix.scanStoryOrder(ctx, m)
		if err != nil {
			return nil, err
		}
		ix.memo.remember(key, m.needle, all)
		return slices.Clone(all[:min(n, len(all))]), nil
	}
	rows, err := ix.scanFirst(ctx, m, cands, n)
	if err == nil && len(rows) < n {
		ix.memo.remember(key, m.needle, rows) // the scan went to the end
	}
	return rows, err
}

// storyOrderAfter is how many items from the start of the timeline a
// first screen of a text search reads, without the search text, before it
// reads them all in the story's order (see scanStoryOrder).
var storyOrderAfter = 64 << 10 // a variable for the tests

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
//
// Until the index is complete there are no postings, and every item is a
// candidate (nil): a scan reads each item's actors and topics on the spot,
// which is sooner than building the postings for one question.
func (ix *Index) candidates(m *matcher) []int32 {
	if m.actors == nil && m.topics == nil || !ix.Complete() {
		return nil
	}
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
	total := 0
	for _, l := range lists {
		total += len(l)
	}
	if len(lists) < 2 || total < 64 || len(lists) <= 2 && total < len(ix.refs)/64 {
		return unionSorted(lists)
	}
	bits := make([]uint64, (len(ix.refs)+63)/64)
	for _, l := range lists {
		for _, p := range l {
			bits[p>>6] |= 1 << (p & 63)
		}
	}
	return appendBits(make([]int32, 0, total), bits)
}

// appendBits appends the positions of the bits set, ascending.
func appendBits(out []int32, bits []uint64) []int32 {
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
	if cands == nil && len(ix.refs) >= storyOrderMin && (m.hay == nil && m.needle != "" ||
		(m.actors != nil || m.topics != nil) && !ix.Complete()) {
		return ix.scanStoryOrder(ctx, m)
	}
	return ix.scanFirst(ctx, m, cands, math.MaxInt)
}

// storyOrderMin is the number of items from which scanAll reads them in
// the story's order; a variable for the tests.
var storyOrderMin = parallelMin

// scanStoryOrder is scanAll over every item for a text search without the
// search text, or for actors or topics before the index is complete, when
// matches reads the items themselves: it reads them in the story's order,
// which is the order of their text and lists in memory (the timeline's
// jumps about it), marks the matches in a bitmap of the timeline, and
// reads them off in order.
func (ix *Index) scanStoryOrder(ctx context.Context, m *matcher) ([]int32, error) {
	pos := ix.storyPositions() // item i of the story's order is at pos[i]
	bits := make([]uint64, (len(pos)+63)/64)
	blocks := (len(pos) + scanBlock - 1) / scanBlock
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), blocks) {
		wg.Go(func() {
			for ctx.Err() == nil {
				b := int(next.Add(1) - 1)
				if b >= blocks {
					return
				}
				for i, p := range pos[b*scanBlock : min(len(pos), (b+1)*scanBlock)] {
					paceScan(i)
					if ix.matches(m, p) {
						atomic.OrUint64(&bits[p>>6], 1<<(p&63))
					}
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	count := 0
	for _, x := range bits {
		count += bits64.OnesCount64(x)
	}
	return appendBits(make([]int32, 0, count), bits), nil
}

// scanFirst returns the first n matches among cands (nil: every item), in
// order. Long scans go block by block to every processor, and stop once
// the blocks done from the start hold n matches.
func (ix *Index) scanFirst(ctx context.Context, m *matcher, cands []int32, n int) ([]int32, error) {
	total := len(ix.refs)
	if cands != nil {
		total = len(cands)
	}
	return ix.scanFirstIn(ctx, m, cands, 0, total, n)
}

// scanFirstIn is scanFirst over cands[from:to] (items from to to when
// cands is nil).
func (ix *Index) scanFirstIn(ctx context.Context, m *matcher, cands []int32, from, to, n int) ([]int32, error) {
	total := to - from
	workers := min(runtime.GOMAXPROCS(0), (total+scanBlock-1)/scanBlock)
	if total < parallelMin || workers < 2 {
		var rows []int32
		if n < math.MaxInt {
			rows = make([]int32, 0, min(n, 64))
		}
		err := ix.scan(ctx, m, cands, from, to, func(p int32) bool {
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
				lo, hi := from+b*scanBlock, from+min(total, (b+1)*scanBlock)
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
	return m.hay != nil && m.actors == nil && m.topics == nil && !m.anyName
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
		paceScan(i)
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
	var aBuf, tBuf [8]int32
	var actors []int32
	haveActors := false
	if m.actors != nil {
		if !ix.Complete() {
			if !ix.namesAny(p, &m.actorIDs) {
				return false
			}
		} else {
			actors, haveActors = ix.actorsAt(int(p), aBuf[:0]), true
			if !anyOf(actors, m.actors) {
				return false
			}
		}
	}
	if m.topics != nil && !anyOf(ix.topicsAt(int(p), tBuf[:0]), m.topics) {
		return false
	}
	if m.needle == "" {
		return true
	}
	if m.anyName {
		if !haveActors {
			actors = ix.actorsAt(int(p), aBuf[:0])
		}
		if anyOf(actors, m.nameHit) {
			return true
		}
	}
	if m.hay != nil {
		return m.fold.inLower(m.hay.item(p))
	}
	if m.asHay {
		return m.inFolded(ix.Title(int(p))) || m.inFolded(ix.At(int(p)).Text())
	}
	return m.fold.index(ix.Title(int(p))) >= 0 || m.fold.index(ix.At(int(p)).Text()) >= 0
}

// stringSet is a set of ids: a list while it is short, then a map.
type stringSet struct {
	few  []string
	many map[string]struct{}
}

// fewIDs is the most ids a stringSet holds in a list: comparing a few
// ids beats hashing them (a filter of three actors over 1M items before
// the index is complete: 48 ms, against 63-74 ms with a map alone).
const fewIDs = 16

func (s *stringSet) add(id string) {
	if s.many != nil {
		s.many[id] = struct{}{}
		return
	}
	s.few = append(s.few, id)
	if len(s.few) > fewIDs {
		s.many = make(map[string]struct{}, 2*len(s.few))
		for _, id := range s.few {
			s.many[id] = struct{}{}
		}
		s.few = nil
	}
}

func (s *stringSet) has(id string) bool {
	if s.many != nil {
		_, ok := s.many[id]
		return ok
	}
	return slices.Contains(s.few, id)
}

// namesAny reports whether item p names one of the actors in ids, from the
// item's own lists: what anyOf(actorsAt(p), wanted) answers, without the
// lookup of every actor the item names in the story's table of actors, for
// before the index is complete.
func (ix *Index) namesAny(p int32, ids *stringSet) bool {
	r := ix.refs[p]
	if r.kind == StatementItem {
		return ids.has(ix.story.Statements[r.n].Speaker)
	}
	roles := ix.story.Events[r.n].Actors
	for i := range roles {
		if ids.has(roles[i].Actor) {
			return true
		}
	}
	return false
}

// inFolded reports whether the ASCII needle is in s as the search text
// holds it (see foldInto), without the search text: s itself when it is
// ASCII, else s folded into scratch space.
func (m *matcher) inFolded(s string) bool {
	if m.fold.index(s) >= 0 {
		return true // folding leaves an ASCII match in one piece
	}
	if text.IsASCII(s) {
		return false
	}
	buf := make([]byte, len(s))
	n := foldInto(buf, s)
	return m.fold.inLower(unsafe.String(unsafe.SliceData(buf), n))
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

// ActorCounts counts, for every actor id, the rows that involve the actor or
// any of its descendants: the number a filter on that actor would keep.
func (ix *Index) ActorCounts(rows []int32) map[string]int {
	ix.Wait()
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
	ix.Wait()
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
