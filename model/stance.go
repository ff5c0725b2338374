package model

import (
	"cmp"
	"slices"

	"github.com/dateline/dateline/model/edtf"
)

// Step is one recorded position in a cell's history, with the date it took
// effect: the position's own date, or else the earliest date of its
// evidence (see PositionDate).
type Step struct {
	Date     edtf.Date
	Position *Position
}

// Cell is where an actor stands on a topic as of a date: the recorded
// positions in effect by then and what the actor, or anyone under it, had
// said by then. Its slices are shared with the index: read, never write.
type Cell struct {
	Actor, Topic string
	// History is every recorded step that took effect on or before the
	// date, in time order; the last is the current one.
	History []Step
	// Said is what the actor's own statements said by the date.
	Said Said
}

// Current is the step in effect, if any position is recorded by the date.
func (c Cell) Current() (Step, bool) {
	if len(c.History) == 0 {
		return Step{}, false
	}
	return c.History[len(c.History)-1], true
}

// Stance is the recorded stance in effect, or StanceNone.
func (c Cell) Stance() Stance {
	if s, ok := c.Current(); ok {
		return s.Position.Stance
	}
	return StanceNone
}

// Shown is what a cell shows: the recorded stance, or where none is
// recorded the stance most of the statements take, with said true; the
// matrix, the card and every positions report show the same.
func (c Cell) Shown() (st Stance, said bool) {
	if st := c.Stance(); st != StanceNone {
		return st, false
	}
	if st := c.Said.Common(); st != StanceNone {
		return st, true
	}
	return StanceNone, false
}

// Label is the cell in words, "opposes" or "said opposes" or "none"; with
// symbols, "✗ opposes" or "· said ✗ opposes".
func (c Cell) Label(symbols bool) string {
	st, said := c.Shown()
	word := string(st)
	if symbols {
		word = st.Symbol() + " " + word
	}
	if said {
		if symbols {
			return "· said " + word
		}
		return "said " + word
	}
	return word
}

// cellData is one actor × topic pair's recorded steps and said stances,
// each in time order, with the day each takes effect.
type cellData struct {
	days  []edtf.Day
	steps []Step
	// Said, by the earliest day of the statement, then timeline position.
	saidDays   []edtf.Day
	saidPos    []int
	saidStance []Stance
	saidCommon []Stance // the common stance of each prefix of said
}

// EffectiveDate is when a position took effect: its own date, or else the
// date of its evidence that starts earliest (dateOf finds an event's or a
// statement's date). The zero Date when neither is known.
func EffectiveDate(p *Position, dateOf func(id string) (edtf.Date, bool)) edtf.Date {
	if !p.Date.IsZero() {
		return p.Date
	}
	var best edtf.Date
	for _, id := range p.Evidence {
		if d, ok := dateOf(id); ok && !d.IsZero() && (best.IsZero() || d.Earliest() < best.Earliest()) {
			best = d
		}
	}
	return best
}

// stepDay is the day a dated thing counts from as of a date: its earliest
// day, so an interval counts from its start and an open start from always;
// an undated thing counts only in the latest view.
func stepDay(d edtf.Date) edtf.Day { return d.Earliest() }

// PositionDate is when the position took effect (see EffectiveDate).
func (ix *Index) PositionDate(p *Position) edtf.Date {
	ix.byID.Do(ix.buildLookup) // it needs only the id table
	return ix.positionDate(p)
}

// positionDate is PositionDate for buildCells, once posOf is built.
func (ix *Index) positionDate(p *Position) edtf.Date { return EffectiveDate(p, ix.itemDate) }

func (ix *Index) itemDate(id string) (edtf.Date, bool) {
	pos, ok := ix.lookup(id)
	if !ok {
		return edtf.Date{}, false
	}
	return ix.At(pos).Date(), true
}

// buildCells gathers every cell's steps and said stances, once, so that
// the grid as of any date is a binary search a cell.
func (ix *Index) buildCells() {
	s := ix.story
	ix.rowCells = make([][]topicCell, len(s.Actors))
	get := func(a, t int32) *cellData {
		if c := ix.cellOf(a, t); c != nil {
			return c
		}
		c := &cellData{}
		ix.rowCells[a] = append(ix.rowCells[a], topicCell{t, c})
		return c
	}
	for i := range s.Positions {
		pace(i)
		p := &s.Positions[i]
		a, okA := ix.actorOf[p.Actor]
		t, okT := ix.topicOf[p.Topic]
		if okA && okT {
			c := get(a, t)
			c.steps = append(c.steps, Step{Date: ix.positionDate(p), Position: p})
		}
	}
	// A statement's stances count for its speaker and everyone above it.
	for pos, r := range ix.refs {
		pace(pos)
		if r.kind != StatementItem {
			continue
		}
		st := &s.Statements[r.n]
		sp, ok := ix.actorOf[st.Speaker]
		if !ok || len(st.Stances) == 0 {
			continue
		}
		day := stepDay(st.Date)
		for a, depth := sp, 0; a >= 0 && depth <= len(ix.parent); a, depth = ix.parent[a], depth+1 {
			for _, ts := range st.Stances {
				if t, ok := ix.topicOf[ts.Topic]; ok {
					c := get(a, t)
					c.saidDays = append(c.saidDays, day)
					c.saidPos = append(c.saidPos, pos)
					c.saidStance = append(c.saidStance, ts.Stance)
				}
			}
		}
	}
	for _, row := range ix.rowCells {
		for _, tc := range row {
			tc.d.sort()
		}
	}
}

// topicCell is one topic's cell in an actor's row of the index.
type topicCell struct {
	topic int32
	d     *cellData
}

// cellOf is the data of actor a's cell on topic t, or nil: a row holds
// only the few topics with something in them.
func (ix *Index) cellOf(a, t int32) *cellData {
	for _, tc := range ix.rowCells[a] {
		if tc.topic == t {
			return tc.d
		}
	}
	return nil
}

// sort puts the steps and said stances in time order.
func (c *cellData) sort() {
	slices.SortStableFunc(c.steps, func(x, y Step) int { return cmp.Compare(stepDay(x.Date), stepDay(y.Date)) })
	c.days = make([]edtf.Day, len(c.steps))
	for i, st := range c.steps {
		c.days[i] = stepDay(st.Date)
	}
	c.sortSaid()
}

// sortSaid orders the said stances by day, then timeline position.
func (c *cellData) sortSaid() {
	idx := make([]int, len(c.saidDays))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int {
		return cmp.Or(cmp.Compare(c.saidDays[x], c.saidDays[y]), cmp.Compare(c.saidPos[x], c.saidPos[y]))
	})
	days, pos, st := slices.Clone(c.saidDays), slices.Clone(c.saidPos), slices.Clone(c.saidStance)
	var t tally
	c.saidCommon = make([]Stance, len(idx))
	for i, j := range idx {
		c.saidDays[i], c.saidPos[i], c.saidStance[i] = days[j], pos[j], st[j]
		t.add(st[j])
		c.saidCommon[i] = t.best
	}
}

// upTo is how many of days (ascending) are on or before asOf.
func upTo(days []edtf.Day, asOf edtf.Day) int {
	n, found := slices.BinarySearch(days, asOf)
	for found && n < len(days) && days[n] == asOf {
		n++
	}
	return n
}

// CellAt is where the actor stands on the topic as of the day asOf
// (edtf.MaxDay: the latest). Unknown ids give an empty cell.
func (ix *Index) CellAt(actorID, topicID string, asOf edtf.Day) Cell {
	c := Cell{Actor: actorID, Topic: topicID}
	a, okA := ix.actorOf[actorID]
	t, okT := ix.topicOf[topicID]
	if okA && okT {
		ix.fill(&c, a, t, asOf)
	}
	return c
}

func (ix *Index) fill(c *Cell, a, t int32, asOf edtf.Day) {
	ix.Wait()
	d := ix.cellOf(a, t)
	if d == nil {
		return
	}
	if n := upTo(d.days, asOf); n > 0 {
		c.History = d.steps[:n:n]
	}
	if n := upTo(d.saidDays, asOf); n > 0 {
		c.Said = Said{Statements: d.saidPos[:n:n], Stances: d.saidStance[:n:n], common: d.saidCommon[n-1]}
	}
}

// History is every recorded step of the actor on the topic, in time order.
func (ix *Index) History(actorID, topicID string) []Step {
	return ix.CellAt(actorID, topicID, edtf.MaxDay).History
}

// Grid is the actor × topic matrix as of a date: Rows in tree order,
// Topics in the story's order. Cells are worked out as they are asked
// for, so a grid as of another date costs little until it is read.
type Grid struct {
	Rows   []ActorNode
	Topics []Topic
	// AsOf is the date asked for; the zero Date means the latest.
	AsOf edtf.Date

	ix             *Index
	rowIdx, colIdx []int32
	day            edtf.Day
}

// At is the cell of row r and topic column c.
func (g Grid) At(r, c int) Cell {
	cell := Cell{Actor: g.Rows[r].Actor.ID, Topic: g.Topics[c].ID}
	g.ix.fill(&cell, g.rowIdx[r], g.colIdx[c], g.day)
	return cell
}

// GridQuery narrows and dates the grid, as a Filter narrows the timeline.
type GridQuery struct {
	// Actors keeps these actors and everyone under them (any of); Topics
	// keeps these topics. Empty keeps all.
	Actors, Topics []string
	// AsOf is the date the grid stands at: every position that took effect
	// on or before its latest day. The zero Date means the latest.
	AsOf edtf.Date
}

// Grid answers q. Its ids must be valid (see CheckFilter).
func (ix *Index) Grid(q GridQuery) Grid {
	g := Grid{AsOf: q.AsOf, ix: ix, day: q.AsOf.Latest(), Rows: ix.tree, rowIdx: ix.treeIdx}
	if len(q.Actors) > 0 {
		keep := make([]bool, len(ix.story.Actors))
		for _, id := range q.Actors {
			if a, ok := ix.actorOf[id]; ok {
				for _, d := range ix.descend(a) {
					keep[d] = true
				}
			}
		}
		g.Rows, g.rowIdx = nil, nil
		for i, a := range ix.treeIdx {
			if keep[a] {
				g.Rows = append(g.Rows, ix.tree[i])
				g.rowIdx = append(g.rowIdx, a)
			}
		}
	}
	for i, t := range ix.story.Topics {
		if len(q.Topics) == 0 || slices.Contains(q.Topics, t.ID) {
			g.Topics = append(g.Topics, t)
			g.colIdx = append(g.colIdx, int32(i))
		}
	}
	return g
}

// ChangeDays are the days, ascending and once each, on which a cell of
// one of the actors changes: a recorded step takes effect or a statement
// says something. Open starts and undated items, which have no such day,
// are left out.
func (ix *Index) ChangeDays(actorIDs []string) []edtf.Day {
	ix.Wait()
	want := make(map[int32]bool, len(actorIDs))
	for _, id := range actorIDs {
		if a, ok := ix.actorOf[id]; ok {
			want[a] = true
		}
	}
	var out []edtf.Day
	for a := range want {
		for _, tc := range ix.rowCells[a] {
			c := tc.d
			for _, days := range [][]edtf.Day{c.days, c.saidDays} {
				for _, d := range days {
					if d != edtf.MinDay && d != edtf.MaxDay {
						out = append(out, d)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Speaks reports whether the actor holds a recorded position on any topic
// or its statements (or those of anyone under it) take a stance: the rows
// of the matrix that are not empty at every date.
func (ix *Index) Speaks(actorID string) bool {
	ix.Wait()
	a, ok := ix.actorOf[actorID]
	return ok && len(ix.rowCells[a]) > 0
}
