package model

import (
	"context"
	"fmt"
	"strings"
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
	Since, Until Date
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
	actors, topics []bool // wanted actor and topic indexes; nil when not filtering
	needle         string // folded search text, "" when not searching
	nameHit        []bool // actors whose names or aliases contain the needle
	lo, hi         Day
	dated          bool
}

func (ix *Index) compile(f Filter) *matcher {
	m := &matcher{lo: MinDay, hi: MaxDay}
	if len(f.Actors) > 0 {
		m.actors = make([]bool, len(ix.story.Actors))
		for _, id := range f.Actors {
			if a, ok := ix.actorOf[id]; ok {
				for _, d := range ix.descend(a, nil) {
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
		rows := make([]int32, len(ix.refs))
		for i := range rows {
			rows[i] = int32(i)
		}
		return rows, nil
	}
	m := ix.compile(f)
	var rows []int32
	err := ix.scan(ctx, m, ix.candidates(m), func(p int32) bool {
		rows = append(rows, p)
		return true
	})
	return rows, err
}

// candidates narrows the scan to the union of the postings of the wanted
// actors (or topics), or returns nil to mean every item.
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
	return unionSorted(lists)
}

// scan calls keep for every item that matches, in order, over cands (or
// every item when cands is nil), until keep returns false.
func (ix *Index) scan(ctx context.Context, m *matcher, cands []int32, keep func(int32) bool) error {
	n := len(ix.refs)
	if cands != nil {
		n = len(cands)
	}
	for i := range n {
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
	return nil
}

func (ix *Index) matches(m *matcher, p int32) bool {
	// An undated item has no date to overlap the range.
	if m.dated && (ix.hi[p] < m.lo || ix.lo[p] > m.hi || ix.At(int(p)).Date().IsZero()) {
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
	if anyOf(actors, m.nameHit) || ContainsFold(ix.title[p], m.needle) {
		return true
	}
	return ContainsFold(ix.At(int(p)).Text(), m.needle)
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
	if needle == "" {
		return 0
	}
	if !isASCII(needle) {
		return strings.Index(FoldForSearch(s), needle)
	}
	c := needle[0]
	lc, uc := c, c
	if 'a' <= c && c <= 'z' {
		uc = c - 'a' + 'A'
	}
	last := len(s) - len(needle)
	for i := 0; i <= last; {
		j := indexEither(s[i:last+1], lc, uc)
		if j < 0 {
			return -1
		}
		i += j
		if equalFoldASCII(s[i:i+len(needle)], needle) {
			return i
		}
		i++
	}
	return -1
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
