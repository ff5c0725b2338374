package model

import (
	"cmp"
	"encoding/binary"
	"iter"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/huge"
)

// ItemKind says whether a timeline item is an event or a statement.
type ItemKind uint8

// The kinds of timeline item.
const (
	EventItem ItemKind = iota
	StatementItem
)

// String is the kind's name in output formats: "event" or "statement".
func (k ItemKind) String() string {
	if k == StatementItem {
		return "statement"
	}
	return "event"
}

// Item is one row of the timeline: exactly one of Event and Statement is set.
type Item struct {
	Event     *Event
	Statement *Statement
}

// Kind reports which of the two the item is.
func (it Item) Kind() ItemKind {
	if it.Statement != nil {
		return StatementItem
	}
	return EventItem
}

// ID is the event's or statement's id.
func (it Item) ID() string {
	if it.Statement != nil {
		return it.Statement.ID
	}
	return it.Event.ID
}

// Date is when the event happened or the statement was made.
func (it Item) Date() edtf.Date {
	if it.Statement != nil {
		return it.Statement.Date
	}
	return it.Event.Date
}

// Text is the item's body: an event's summary or a statement's quote.
func (it Item) Text() string {
	if it.Statement != nil {
		return it.Statement.Quote
	}
	return it.Event.Summary
}

// ref is a compact pointer into the story's events or statements.
type ref struct {
	kind ItemKind
	n    int32
}

// Index orders a story's events and statements in time and answers the
// queries the TUI and the command line share. It is immutable once built,
// so it may be read from several goroutines.
type Index struct {
	story   *Story
	refs    []ref
	lo      []edtf.Day // earliest day of each item, in timeline order
	hi      []edtf.Day
	stTitle []string // the title of each statement, made where it has none

	actorOf  map[string]int32 // actor id → actor index
	topicOf  map[string]int32
	posOf    *idTable // event or statement id → timeline position
	parent   []int32  // actor index → parent index, or -1
	children [][]int32

	// Per item (timeline order), the actors and topics it involves, as
	// ranges of flat slices: item i owns itemActors[actorStart[i]:actorStart[i+1]].
	actorStart, topicStart []uint32
	itemActors, itemTopics []int32

	// Postings: for each actor and topic, the timeline positions of the items
	// that name it directly, ascending.
	actorPost, topicPost [][]int32

	// hay is every item's title and text, folded for ASCII search, in
	// timeline order; built by PrepareSearch (see haystack). Searches read
	// it once hayReady is set, and scan the items themselves before.
	hay      haystack
	hayOnce  sync.Once
	hayReady atomic.Bool
	memo     searchMemo // recent complete text searches

	reactions map[int32][]int32 // event position → reacting statement positions
	rowCells  [][]topicCell     // per actor, the cells with steps or said stances
	tree      []ActorNode
	treeIdx   []int32 // the actor index of each tree node

	// The parts past the order (posOf, stTitle, the postings, reactions
	// and rowCells) are built once, by rest, and complete once ready is
	// set and done closed; see StartIndex and OrderedIndex.
	rest      sync.Once
	restPanic atomic.Pointer[any] // what StartIndex's builder panicked with, if it did

	lastReactions atomic.Pointer[reactionsAt] // Reactions' last answer before the index is complete
	storyPos      []int32                     // see storyPositions
	storyPosOnce  sync.Once
	// posOf is built once, by byID, on its own: Lookup needs nothing else.
	byID  sync.Once
	ready atomic.Bool
	done  chan struct{}
}

// NewIndex builds the index of a valid story (one that Load or Validate
// accepted).
func NewIndex(s *Story) *Index {
	ix := newOrdered(s)
	ix.Wait()
	return ix
}

// OrderedIndex is NewIndex that builds the order alone, and the rest the
// first time something needs it: for a command that asks one question of
// a big story, whose text search or filter reads the items' actors and
// topics on the spot (see StartIndex) rather than build their postings.
func OrderedIndex(s *Story) *Index { return newOrdered(s) }

// StartIndex is NewIndex that returns as soon as the timeline's order is
// known, building the rest in the background, so that a million rows
// show before their index is complete. Meanwhile Title, ItemActors,
// ItemTopics and Reactions work out their item's answer on the spot, and
// a query reads its items' actors and topics the same way, so a search
// or a filter need not wait; what needs the rest (Lookup, the stances,
// counts, the search text) waits for it. Ready tells when it is
// complete.
func StartIndex(s *Story) *Index {
	ix := newOrdered(s)
	go func() {
		// A panic here (a bug) would end the program with the terminal
		// still raw: build keeps it for whoever waits next, whose
		// goroutine reports crashes.
		defer func() { _ = recover() }()
		ix.build()
	}()
	return ix
}

// Ready is closed once the index is complete: at once for NewIndex's,
// and for OrderedIndex's only once something has needed the rest.
func (ix *Index) Ready() <-chan struct{} { return ix.done }

// Complete reports whether the parts past the order are built, without
// waiting for them (see StartIndex).
func (ix *Index) Complete() bool { return ix.ready.Load() }

// Wait returns once the parts past the order are built, building them
// if nobody has started to. Unlike Ready, it counts its caller as waiting,
// so that the work being done in the background does not step aside for
// a query meanwhile (see pace).
func (ix *Index) Wait() {
	if !ix.ready.Load() {
		waiting.Add(1) // the background work steps aside no more
		defer waiting.Add(-1)
		ix.build()
	}
}

// build is Wait for the background work itself (StartIndex's goroutine,
// the search text), which does not stop it from stepping aside.
func (ix *Index) build() {
	if !ix.ready.Load() {
		ix.rest.Do(func() {
			defer func() {
				if r := recover(); r != nil {
					ix.restPanic.Store(&r) // before Do lets the others on
					panic(r)
				}
			}()
			ix.buildRest()
		})
		if p := ix.restPanic.Load(); p != nil {
			panic(*p) // the rest was left half built
		}
	}
}

// restHook, set by tests, runs as the rest of an index is built.
var restHook func()

// newOrdered is the index as far as the order: the actors, topics and
// their tree, and the timeline.
func newOrdered(s *Story) *Index {
	ix := &Index{
		story:   s,
		actorOf: make(map[string]int32, len(s.Actors)),
		topicOf: make(map[string]int32, len(s.Topics)),
		done:    make(chan struct{}),
	}
	for i, a := range s.Actors {
		ix.actorOf[a.ID] = int32(i)
	}
	for i, t := range s.Topics {
		ix.topicOf[t.ID] = int32(i)
	}
	ix.buildActorTree()
	ix.buildOrder()
	return ix
}

// buildRest builds what needs only the order, split between two
// processors, and marks the index complete. Its long loops pace
// themselves, as it runs while the explorer answers keys.
func (ix *Index) buildRest() {
	if restHook != nil {
		restHook()
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		ix.byID.Do(ix.buildLookup)
		ix.buildTitles()
	})
	ix.buildPostings()
	wg.Wait()
	ix.buildReactions()
	ix.buildCells()
	ix.ready.Store(true)
	close(ix.done)
}

func (ix *Index) buildActorTree() {
	s := ix.story
	ix.parent = make([]int32, len(s.Actors))
	ix.children = make([][]int32, len(s.Actors))
	var roots []int32
	for i, a := range s.Actors {
		p, ok := ix.actorOf[a.Parent]
		if a.Parent == "" || !ok {
			ix.parent[i] = -1
			roots = append(roots, int32(i))
			continue
		}
		ix.parent[i] = p
		ix.children[p] = append(ix.children[p], int32(i))
	}
	byName := func(a, b int32) int {
		return cmp.Or(cmp.Compare(strings.ToLower(s.Actors[a].Name), strings.ToLower(s.Actors[b].Name)), cmp.Compare(a, b))
	}
	slices.SortFunc(roots, byName)
	var walk func(i int32, depth int)
	seen := make([]bool, len(s.Actors))
	walk = func(i int32, depth int) {
		if seen[i] {
			return // a cycle; Validate reports it
		}
		seen[i] = true
		ix.tree = append(ix.tree, ActorNode{Actor: &s.Actors[i], Depth: depth})
		ix.treeIdx = append(ix.treeIdx, i)
		kids := slices.Clone(ix.children[i])
		slices.SortFunc(kids, byName)
		for _, k := range kids {
			walk(k, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
}

// orderKey is what the timeline sorts by: the sort day (see sortDay),
// then the earliest day, the latest day and the id, so the order is total
// and stable. idHead is the id's first eight bytes, big-endian and padded
// with zeros, which orders ids as strings.Compare does wherever it
// differs (ids hold no NUL); only keys equal up to it read the ids.
type orderKey struct {
	day, lo, hi edtf.Day
	idHead      uint64
	r           ref
}

func newOrderKey(d edtf.Date, id string, r ref) orderKey {
	lo, hi := d.Earliest(), d.Latest()
	var head [8]byte
	copy(head[:], id)
	return orderKey{sortDay(lo, hi), lo, hi, binary.BigEndian.Uint64(head[:]), r}
}

// compareKeys orders two items in the timeline, comparing their ids only
// when all else is equal.
func (ix *Index) compareKeys(a, b *orderKey) int {
	switch {
	case a.day != b.day:
		return cmp.Compare(a.day, b.day)
	case a.lo != b.lo:
		return cmp.Compare(a.lo, b.lo)
	case a.hi != b.hi:
		return cmp.Compare(a.hi, b.hi)
	case a.idHead != b.idHead:
		return cmp.Compare(a.idHead, b.idHead)
	}
	_, idA := ix.dateID(a.r)
	_, idB := ix.dateID(b.r)
	return strings.Compare(idA, idB)
}

// sortDay is the day an item sits at in the timeline: its earliest day, or
// its latest when its start is open or unknown ("by Jan 2023" sits at the
// end of January 2023). Undated items sort at MaxDay, after every day.
func sortDay(lo, hi edtf.Day) edtf.Day {
	if lo == edtf.MinDay {
		return hi
	}
	return lo
}

// SortDay is the day the item at timeline position pos sorts at; it never
// decreases along the timeline, and is edtf.MaxDay for an undated item.
func (ix *Index) SortDay(pos int) edtf.Day { return sortDay(ix.lo[pos], ix.hi[pos]) }

// buildOrder sorts the items into the timeline: by a counting sort on
// their sort days where the days are few enough (see orderByDay), else
// each half on its own processor, then one merge.
func (ix *Index) buildOrder() {
	s := ix.story
	n := len(s.Events) + len(s.Statements)
	ix.refs = huge.Slice[ref](n, n)
	ix.lo = huge.Slice[edtf.Day](n, n)
	ix.hi = huge.Slice[edtf.Day](n, n)
	if n >= 1<<14 && ix.orderByDay() {
		return
	}
	keys := huge.Slice[orderKey](0, n)
	for i := range s.Events {
		e := &s.Events[i]
		keys = append(keys, newOrderKey(e.Date, e.ID, ref{EventItem, int32(i)}))
	}
	for i := range s.Statements {
		st := &s.Statements[i]
		keys = append(keys, newOrderKey(st.Date, st.ID, ref{StatementItem, int32(i)}))
	}
	byKey := func(a, b orderKey) int { return ix.compareKeys(&a, &b) }
	put := func(i int, k *orderKey) {
		ix.refs[i] = k.r
		ix.lo[i], ix.hi[i] = k.lo, k.hi
	}
	if n < 1<<14 {
		slices.SortFunc(keys, byKey)
		for i := range keys {
			put(i, &keys[i])
		}
		return
	}
	half := n / 2
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(keys[:half], byKey) })
	slices.SortFunc(keys[half:], byKey)
	wg.Wait()
	a, b := keys[:half], keys[half:]
	for i := range n {
		if len(b) == 0 || len(a) > 0 && ix.compareKeys(&a[0], &b[0]) <= 0 {
			put(i, &a[0])
			a = a[1:]
		} else {
			put(i, &b[0])
			b = b[1:]
		}
	}
}

// orderByDay fills refs, lo and hi by a counting sort on the items' sort
// days, then sorts each day's few items by compareKeys: linear, and with
// no key an item, where a comparison sort of a million keys is neither.
// The items are read in the story's order, which is the order of memory
// (their dates, and the ids' text), and each half of them, and then each
// half of the days, on its own processor. It declines (false) when the
// days span far more than there are items, as dates thousands of years
// apart do. Undated items (MaxDay) go last.
func (ix *Index) orderByDay() bool {
	s := ix.story
	n := len(ix.refs)
	at := func(i int) (edtf.Date, string, ref) {
		if i < len(s.Events) {
			e := &s.Events[i]
			return e.Date, e.ID, ref{EventItem, int32(i)}
		}
		st := &s.Statements[i-len(s.Events)]
		return st.Date, st.ID, ref{StatementItem, int32(i - len(s.Events))}
	}
	// The items' days, in the story's order, and the span of each half's.
	days := huge.Slice[edtf.Day](n, n)
	half := n / 2
	var spans [2][2]edtf.Day
	var wg sync.WaitGroup
	for h, part := range [2][2]int{{0, half}, {half, n}} {
		wg.Go(func() {
			first, last := edtf.MaxDay, edtf.MinDay
			for i := part[0]; i < part[1]; i++ {
				d, _, _ := at(i)
				day := sortDay(d.Earliest(), d.Latest())
				days[i] = day
				if day != edtf.MaxDay {
					first, last = min(first, day), max(last, day)
				}
			}
			spans[h] = [2]edtf.Day{first, last}
		})
	}
	wg.Wait()
	first, last := min(spans[0][0], spans[1][0]), max(spans[0][1], spans[1][1])
	if first > last { // all undated
		first, last = 0, 0
	}
	span := int64(last) - int64(first) + 2 // the last slot is the undated
	if span > 4*int64(n)+1024 {
		return false
	}
	slot := func(d edtf.Day) int {
		if d == edtf.MaxDay {
			return int(span - 1)
		}
		return int(d - first)
	}
	// Slot k holds refs[start[k]:start[k+1]]; the first half's items
	// come first in it, from next[0][k], then the second's, from
	// next[1][k].
	start := make([]int32, span+1)
	second := make([]int32, span)
	for i, d := range days {
		k := slot(d)
		start[k+1]++
		if i >= half {
			second[k]++
		}
	}
	for k := range span {
		start[k+1] += start[k]
	}
	var next [2][]int32
	next[0] = slices.Clone(start[:span])
	next[1] = make([]int32, span)
	for k := range span {
		next[1][k] = start[k+1] - second[k]
	}
	// Each item's ref, days and the head of its id, scattered to its slot
	// (the keys, whole, would take twice the memory).
	heads := huge.Slice[uint64](n, n)
	for h, part := range [2][2]int{{0, half}, {half, n}} {
		wg.Go(func() {
			next := next[h]
			for i := part[0]; i < part[1]; i++ {
				k := slot(days[i])
				d, id, r := at(i)
				key := newOrderKey(d, id, r)
				p := next[k]
				ix.refs[p], ix.lo[p], ix.hi[p], heads[p] = r, key.lo, key.hi, key.idHead
				next[k]++
			}
		})
	}
	wg.Wait()
	sortSlots := func(from, to int) {
		var keys []orderKey
		for k := from; k < to; k++ {
			lo, hi := int(start[k]), int(start[k+1])
			if hi-lo < 2 {
				continue
			}
			keys = keys[:0]
			for p := lo; p < hi; p++ {
				keys = append(keys, orderKey{edtf.Day(0), ix.lo[p], ix.hi[p], heads[p], ix.refs[p]})
			}
			slices.SortFunc(keys, func(a, b orderKey) int { return ix.compareKeys(&a, &b) })
			for i := range keys {
				ix.refs[lo+i], ix.lo[lo+i], ix.hi[lo+i] = keys[i].r, keys[i].lo, keys[i].hi
			}
		}
	}
	// The slot where half the items are behind: each processor sorts
	// about half of them.
	mid, _ := slices.BinarySearch(start, int32(n/2))
	mid = min(mid, int(span))
	wg.Go(func() { sortSlots(0, mid) })
	sortSlots(mid, int(span))
	wg.Wait()
	return true
}

func (ix *Index) dateID(r ref) (edtf.Date, string) {
	if r.kind == StatementItem {
		st := &ix.story.Statements[r.n]
		return st.Date, st.ID
	}
	e := &ix.story.Events[r.n]
	return e.Date, e.ID
}

// itemID is the id of the item at timeline position pos.
func (ix *Index) itemID(pos uint32) string {
	_, id := ix.dateID(ix.refs[pos])
	return id
}

// buildLookup makes the table from ids to timeline positions.
func (ix *Index) buildLookup() {
	ix.posOf = newIDTable(len(ix.refs))
	for i := range ix.refs {
		paceShared(i)
		ix.posOf.insert(ix.itemID(uint32(i)), uint32(i), ix.itemID)
	}
}

// buildTitles makes the titles of the statements.
func (ix *Index) buildTitles() {
	ix.stTitle = make([]string, len(ix.story.Statements))
	for i := range ix.stTitle {
		pace(i)
		ix.stTitle[i] = ix.makeTitle(ref{StatementItem, int32(i)}, titleQuote)
	}
}

// titleQuote is how many characters of its quote a statement's made title
// shows (Title), an ellipsis included.
const titleQuote = 60

// makeTitle gives statements without a title one made of the speaker's
// name and the opening of the quote: its words, single-spaced, cut at
// quote-1 characters and an ellipsis when longer than quote.
func (ix *Index) makeTitle(r ref, quote int) string {
	if r.kind == EventItem {
		return ix.story.Events[r.n].Title
	}
	st := &ix.story.Statements[r.n]
	if st.Title != "" {
		return st.Title
	}
	name := st.Speaker
	if a, ok := ix.actorOf[st.Speaker]; ok {
		name = ix.story.Actors[a].Name
	}
	b := make([]byte, 0, len(name)+2+3+min(len(st.Quote), (quote+1)*4)+3+3)
	b = append(b, name...)
	b = append(b, ": "...)
	if !st.Paraphrase {
		b = append(b, "“"...)
	}
	b = appendOpening(b, st.Quote, quote)
	if !st.Paraphrase {
		b = append(b, "”"...)
	}
	return string(b)
}

// appendOpening appends the words of q single-spaced (as
// strings.Join(strings.Fields(q), " ") would), at most max characters;
// longer text is cut at max-1 and ends in "…".
func appendOpening(b []byte, q string, max int) []byte {
	start := len(b)
	runes, cut := 0, -1 // cut: where max-1 characters end
	space := false
	for _, r := range q {
		if unicode.IsSpace(r) {
			space = runes > 0
			continue
		}
		if space {
			if runes == max-1 {
				cut = len(b)
			}
			if runes == max {
				return append(b[:cut], "…"...)
			}
			b = append(b, ' ')
			runes++
			space = false
		}
		if runes == max-1 {
			cut = len(b)
		}
		if runes == max {
			return append(b[:cut], "…"...)
		}
		b = utf8.AppendRune(b, r)
		runes++
	}
	_ = start
	return b
}

// timelinePositions returns where each event and each statement, by its
// place in the file, stands in the timeline (see storyPositions).
func (ix *Index) timelinePositions() (evPos, stPos []int32) {
	pos, ne := ix.storyPositions(), len(ix.story.Events)
	return pos[:ne:ne], pos[ne:]
}

// storyPositions returns where each item of the story's order (its
// events, then its statements) stands in the timeline. It is worked out
// once, on first need: the rest of the index, the search text and every
// scan in the story's order read it.
func (ix *Index) storyPositions() []int32 {
	ix.storyPosOnce.Do(func() {
		pos, ne := make([]int32, len(ix.refs)), len(ix.story.Events)
		for p, r := range ix.refs {
			paceShared(p)
			if r.kind == EventItem {
				pos[r.n] = int32(p)
			} else {
				pos[ne+int(r.n)] = int32(p)
			}
		}
		ix.storyPos = pos
	})
	return ix.storyPos
}

// buildPostings records each item's actors and topics, and each actor's
// and topic's items. It reads the story in file order, which is the order
// of memory, and sizes every list exactly before filling it.
func (ix *Index) buildPostings() {
	s := ix.story
	n := len(ix.refs)
	evPos, stPos := ix.timelinePositions()
	// Per item, the distinct known actors and topics, as story indexes.
	// An actor or topic is taken once an item: seen holds the call that
	// last took each, so the check is constant time however many an item
	// names.
	var aBuf, tBuf []int32
	aSeen, tSeen := make([]uint32, len(s.Actors)), make([]uint32, len(s.Topics))
	call := uint32(0)
	actorsOf := func(dst []int32, e *Event) []int32 {
		call++
		return distinctKnown(dst, e.Actors, func(r *Role) string { return r.Actor }, ix.actorOf, aSeen, call)
	}
	topicsOf := func(dst []int32, ts []string) []int32 {
		call++
		return distinctKnown(dst, ts, func(id *string) string { return *id }, ix.topicOf, tSeen, call)
	}
	stActor := func(st *Statement) []int32 {
		aBuf = aBuf[:0]
		if a, ok := ix.actorOf[st.Speaker]; ok {
			aBuf = append(aBuf, a)
		}
		return aBuf
	}
	stTopics := func(dst []int32, st *Statement) []int32 {
		call++
		return distinctKnown(dst, st.Stances, func(ts *TopicStance) string { return ts.Topic }, ix.topicOf, tSeen, call)
	}
	// Count, in file order.
	aCount := make([]uint32, n+1)
	tCount := make([]uint32, n+1)
	for i := range s.Events {
		pace(i)
		e := &s.Events[i]
		aBuf, tBuf = actorsOf(aBuf, e), topicsOf(tBuf, e.Topics)
		aCount[evPos[i]+1], tCount[evPos[i]+1] = uint32(len(aBuf)), uint32(len(tBuf))
	}
	for i := range s.Statements {
		pace(i)
		st := &s.Statements[i]
		tBuf = stTopics(tBuf, st)
		aCount[stPos[i]+1], tCount[stPos[i]+1] = uint32(len(stActor(st))), uint32(len(tBuf))
	}
	for p := range n {
		aCount[p+1] += aCount[p]
		tCount[p+1] += tCount[p]
	}
	ix.actorStart, ix.topicStart = aCount, tCount
	ix.itemActors = make([]int32, aCount[n])
	ix.itemTopics = make([]int32, tCount[n])
	// Fill, in file order.
	for i := range s.Events {
		pace(i)
		e := &s.Events[i]
		p := evPos[i]
		copy(ix.itemActors[aCount[p]:], actorsOf(aBuf, e))
		copy(ix.itemTopics[tCount[p]:], topicsOf(tBuf, e.Topics))
	}
	for i := range s.Statements {
		pace(i)
		st := &s.Statements[i]
		p := stPos[i]
		copy(ix.itemActors[aCount[p]:], stActor(st))
		copy(ix.itemTopics[tCount[p]:], stTopics(tBuf, st))
	}
	ix.actorPost = postings(ix.itemActors, aCount, len(s.Actors))
	ix.topicPost = postings(ix.itemTopics, tCount, len(s.Topics))
}

// distinctKnown is dst[:0] with the index in of of each of xs's keys,
// once each and in order; keys that of lacks are left out. seen marks each
// index taken with call, which is new for every list, so the check is
// constant time however many keys a list has.
func distinctKnown[T any](dst []int32, xs []T, key func(*T) string, of map[string]int32, seen []uint32, call uint32) []int32 {
	dst = dst[:0]
	for i := range xs {
		if v, ok := of[key(&xs[i])]; ok && seen[v] != call {
			seen[v] = call
			dst = append(dst, v)
		}
	}
	return dst
}

// postings inverts per-item lists (item p owns ids[start[p]:start[p+1]])
// into per-id lists of items, ascending, in one block of memory.
func postings(ids []int32, start []uint32, m int) [][]int32 {
	count := make([]int, m+1)
	for _, id := range ids {
		count[id+1]++
	}
	for i := range m {
		count[i+1] += count[i]
	}
	block := make([]int32, len(ids))
	next := slices.Clone(count[:m])
	for p := range len(start) - 1 {
		pace(p)
		for _, id := range ids[start[p]:start[p+1]] {
			block[next[id]] = int32(p)
			next[id]++
		}
	}
	out := make([][]int32, m)
	for i := range m {
		out[i] = block[count[i]:count[i+1]:count[i+1]]
	}
	return out
}

// buildReactions maps events to the statements that react to them.
func (ix *Index) buildReactions() {
	s := ix.story
	ix.reactions = map[int32][]int32{}
	for pos, r := range ix.refs {
		pace(pos)
		if r.kind != StatementItem {
			continue
		}
		if id := s.Statements[r.n].ReactsTo; id != "" {
			if ev, ok := ix.lookup(id); ok {
				ix.reactions[int32(ev)] = append(ix.reactions[int32(ev)], int32(pos))
			}
		}
	}
}

// Story is the story the index was built from.
func (ix *Index) Story() *Story { return ix.story }

// Len is the number of items on the timeline.
func (ix *Index) Len() int { return len(ix.refs) }

// At returns the item at timeline position pos.
func (ix *Index) At(pos int) Item {
	r := ix.refs[pos]
	if r.kind == StatementItem {
		return Item{Statement: &ix.story.Statements[r.n]}
	}
	return Item{Event: &ix.story.Events[r.n]}
}

// Title is the one-line heading of the item at pos.
func (ix *Index) Title(pos int) string {
	if r := ix.refs[pos]; r.kind == StatementItem {
		if !ix.Complete() {
			return ix.makeTitle(r, titleQuote)
		}
		return ix.stTitle[r.n]
	}
	return ix.story.Events[ix.refs[pos].n].Title
}

// WholeTitle is Title with a made title's quote whole, for output that is
// read rather than fitted to a screen.
func (ix *Index) WholeTitle(pos int) string {
	r := ix.refs[pos]
	if r.kind == StatementItem && ix.story.Statements[r.n].Title == "" {
		return ix.makeTitle(r, math.MaxInt)
	}
	return ix.Title(pos)
}

// Kind is the kind of the item at pos, without building an Item.
func (ix *Index) Kind(pos int) ItemKind { return ix.refs[pos].kind }

// Lookup finds the timeline position of an event or statement id.
func (ix *Index) Lookup(id string) (int, bool) {
	ix.byID.Do(ix.buildLookup) // at once when the rest has built it
	return ix.lookup(id)
}

// lookup is Lookup for the parts that build the index after posOf.
func (ix *Index) lookup(id string) (int, bool) {
	p, ok := ix.posOf.find(id, ix.itemID)
	return int(p), ok
}

// ItemActors returns the actors the item at pos names directly: an event's
// participants or a statement's speaker, in the story's order.
func (ix *Index) ItemActors(pos int) []*Actor {
	ids := ix.actorsAt(pos, nil)
	out := make([]*Actor, len(ids))
	for i, a := range ids {
		out[i] = &ix.story.Actors[a]
	}
	return out
}

// ItemActorsSeq is ItemActors without making a slice, for writers that
// go through every item.
func (ix *Index) ItemActorsSeq(pos int) iter.Seq[*Actor] {
	return func(yield func(*Actor) bool) {
		var buf [8]int32
		for _, a := range ix.actorsAt(pos, buf[:0]) {
			if !yield(&ix.story.Actors[a]) {
				return
			}
		}
	}
}

// ItemTopicsSeq is ItemTopics without making a slice.
func (ix *Index) ItemTopicsSeq(pos int) iter.Seq[*Topic] {
	return func(yield func(*Topic) bool) {
		var buf [8]int32
		for _, t := range ix.topicsAt(pos, buf[:0]) {
			if !yield(&ix.story.Topics[t]) {
				return
			}
		}
	}
}

// ItemTopics returns the topics the item at pos concerns.
func (ix *Index) ItemTopics(pos int) []*Topic {
	ids := ix.topicsAt(pos, nil)
	out := make([]*Topic, len(ids))
	for i, t := range ids {
		out[i] = &ix.story.Topics[t]
	}
	return out
}

// actorsAt is the actor indexes of the item at pos, as buildPostings
// records them: the distinct known actors in the story's order. Until
// the index is complete they are worked out from the item, into buf.
func (ix *Index) actorsAt(pos int, buf []int32) []int32 {
	r := ix.refs[pos]
	if ix.Complete() || r.kind == EventItem && len(ix.story.Events[r.n].Actors) > shortList {
		ix.Wait()
		return ix.itemActors[ix.actorStart[pos]:ix.actorStart[pos+1]]
	}
	if r.kind == StatementItem {
		if a, ok := ix.actorOf[ix.story.Statements[r.n].Speaker]; ok {
			buf = append(buf, a)
		}
		return buf
	}
	return appendDistinct(buf, ix.story.Events[r.n].Actors, func(r *Role) string { return r.Actor }, ix.actorOf)
}

// topicsAt is actorsAt for topics: an event's topics, a statement's
// stances'.
func (ix *Index) topicsAt(pos int, buf []int32) []int32 {
	r := ix.refs[pos]
	if ix.Complete() || r.kind == EventItem && len(ix.story.Events[r.n].Topics) > shortList ||
		r.kind == StatementItem && len(ix.story.Statements[r.n].Stances) > shortList {
		ix.Wait()
		return ix.itemTopics[ix.topicStart[pos]:ix.topicStart[pos+1]]
	}
	if r.kind == StatementItem {
		return appendDistinct(buf, ix.story.Statements[r.n].Stances, func(ts *TopicStance) string { return ts.Topic }, ix.topicOf)
	}
	return appendDistinct(buf, ix.story.Events[r.n].Topics, func(id *string) string { return *id }, ix.topicOf)
}

// shortList is the longest list appendDistinct takes; an item with more
// actors or topics waits for the complete index.
const shortList = 32

// appendDistinct is distinctKnown for one short list, without its marks:
// a search of what is taken already.
func appendDistinct[T any](dst []int32, xs []T, key func(*T) string, of map[string]int32) []int32 {
	start := len(dst)
	for i := range xs {
		if v, ok := of[key(&xs[i])]; ok && !slices.Contains(dst[start:], v) {
			dst = append(dst, v)
		}
	}
	return dst
}

// Actor finds an actor by id.
func (ix *Index) Actor(id string) (*Actor, bool) {
	if a, ok := ix.actorOf[id]; ok {
		return &ix.story.Actors[a], true
	}
	return nil, false
}

// Topic finds a topic by id.
func (ix *Index) Topic(id string) (*Topic, bool) {
	if t, ok := ix.topicOf[id]; ok {
		return &ix.story.Topics[t], true
	}
	return nil, false
}

// Source finds a source by id.
func (ix *Index) Source(id string) (*Source, bool) {
	for i := range ix.story.Sources {
		if ix.story.Sources[i].ID == id {
			return &ix.story.Sources[i], true
		}
	}
	return nil, false
}

// ActorName is the actor's name, or the id itself when there is no such actor.
func (ix *Index) ActorName(id string) string {
	if a, ok := ix.Actor(id); ok {
		return a.Name
	}
	return id
}

// Ancestors returns the actor's parent, grandparent and so on, nearest first.
func (ix *Index) Ancestors(id string) []*Actor {
	a, ok := ix.actorOf[id]
	if !ok {
		return nil
	}
	var out []*Actor
	for p := ix.parent[a]; p >= 0 && len(out) < len(ix.parent); p = ix.parent[p] {
		out = append(out, &ix.story.Actors[p])
	}
	return out
}

// Descendants returns the ids of the actor and everything under it: russia
// takes in putin, the kremlin and Russian state TV.
func (ix *Index) Descendants(id string) []string {
	a, ok := ix.actorOf[id]
	if !ok {
		return nil
	}
	var out []string
	for _, d := range ix.descend(a) {
		out = append(out, ix.story.Actors[d].ID)
	}
	return out
}

func (ix *Index) descend(a int32) []int32 {
	// Depth first, parents before children; seen guards against a parent
	// cycle, which Validate reports but an index may still be built over.
	seen := make([]bool, len(ix.children))
	var out []int32
	stack := []int32{a}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[x] {
			continue
		}
		seen[x] = true
		out = append(out, x)
		for i := len(ix.children[x]) - 1; i >= 0; i-- {
			stack = append(stack, ix.children[x][i])
		}
	}
	return out
}

// ActorNode is an actor in the parent tree, for pickers and the matrix.
type ActorNode struct {
	Actor *Actor
	Depth int // 0 for actors without a parent
}

// ActorTree lists every actor, each parent followed by its children
// (indented by Depth), siblings by name.
func (ix *Index) ActorTree() []ActorNode { return ix.tree }

// Reactions returns the timeline positions of the statements that react to
// the event at pos.
func (ix *Index) Reactions(pos int) []int {
	if ix.Complete() {
		return toInts(ix.reactions[int32(pos)])
	}
	// Until then they are looked for, and the last answer kept, as the
	// detail pane asks again at every key of a find.
	if last := ix.lastReactions.Load(); last != nil && last.pos == pos {
		return slices.Clone(last.out)
	}
	out := ix.findReactions(pos)
	ix.lastReactions.Store(&reactionsAt{pos, slices.Clone(out)})
	return out
}

// reactionsAt is an answer of Reactions.
type reactionsAt struct {
	pos int
	out []int
}

// findReactions is Reactions without the index: the statements that name
// the item's id, in time order. It looks at the statements alone (most
// items have no reactions), then at the timeline for where those that do
// stand.
func (ix *Index) findReactions(pos int) []int {
	id := ix.itemID(uint32(pos))
	var which map[int32]bool
	for i := range ix.story.Statements {
		if ix.story.Statements[i].ReactsTo == id {
			if which == nil {
				which = map[int32]bool{}
			}
			which[int32(i)] = true
		}
	}
	out := []int{}
	for p := 0; p < len(ix.refs) && len(out) < len(which); p++ {
		if r := ix.refs[p]; r.kind == StatementItem && which[r.n] {
			out = append(out, p)
		}
	}
	return out
}

// Position is where the actor stands on the topic now: the latest
// recorded position. Where the story records nothing the stance is
// StanceNone: shown as such, never guessed.
func (ix *Index) Position(actorID, topicID string) Position {
	if st, ok := ix.CellAt(actorID, topicID, edtf.MaxDay).Current(); ok {
		return *st.Position
	}
	return Position{Actor: actorID, Topic: topicID, Stance: StanceNone}
}

func toInts(xs []int32) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}
