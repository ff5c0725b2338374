package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/text"
)

// jumpMsg asks the app to show the item at a timeline position.
type jumpMsg struct{ pos int }

// Positions is the actor × topic matrix as of a date: actors grouped
// under their parents, each cell a stance as a symbol and a word (marked
// when it changes over time), and below it the selected cell's summary
// and its dated evidence. Enter opens the cell's history; < and > step
// to the previous and next date on which a visible cell changes.
type Positions struct {
	ix     *model.Index
	st     *Styles
	keys   KeyMap
	actors []model.ActorNode // the rows shown
	row    int
	col    int
	width  int
	height int

	asOf      edtf.Day   // the date the grid stands at; edtf.MaxDay is the latest
	days      []edtf.Day // the days on which a visible cell changes, ascending
	hideEmpty bool       // rows with no stance at any date are hidden

	history bool     // the selected cell's history is open
	hist    scroller // the history, when open
}

// NewPositions makes the matrix for ix, at the latest date.
func NewPositions(ix *model.Index, st *Styles, keys KeyMap) Positions {
	p := Positions{ix: ix, st: st, keys: keys, asOf: edtf.MaxDay}
	p.setRows()
	return p
}

// setRows chooses the rows (every actor, or those that ever take a
// stance), keeps the selection on the same actor where it can, and finds
// the days their cells change on.
func (p *Positions) setRows() {
	var was string
	if len(p.actors) > 0 {
		was = p.actors[p.row].Actor.ID
	}
	p.actors = p.actors[:0:0]
	for _, n := range p.ix.ActorTree() {
		if !p.hideEmpty || p.ix.Speaks(n.Actor.ID) {
			p.actors = append(p.actors, n)
		}
	}
	ids := make([]string, len(p.actors))
	p.row = 0
	for i, n := range p.actors {
		ids[i] = n.Actor.ID
		if n.Actor.ID == was {
			p.row = i
		}
	}
	p.days = p.ix.ChangeDays(ids)
}

// SetSize implements component.
func (p *Positions) SetSize(w, h int) {
	p.width, p.height = w, h
	p.hist.SetSize(w, h)
	if p.history {
		p.buildHistory()
	}
}

// HelpKeys implements component.
func (p Positions) HelpKeys() []key.Binding {
	m := p.keys.Positions
	if p.history {
		return []key.Binding{p.keys.Scroll.Up, p.keys.Scroll.Down, p.keys.History.Jump, p.keys.History.Back, p.keys.Global.Help}
	}
	return []key.Binding{m.History, m.Earlier, m.Later, m.HideEmpty, m.Card, p.keys.Global.Help, p.keys.Global.Close}
}

// InHistory reports whether the cell's history is open, where the back
// key returns to the grid rather than closing the matrix.
func (p Positions) InHistory() bool { return p.history }

// Title names the matrix and the date it stands at: "Positions · as of
// 21 Mar 2023", "… (latest)" when no later change is left.
func (p Positions) Title() string {
	if len(p.days) == 0 {
		return "Positions"
	}
	if p.asOf == edtf.MaxDay {
		return "Positions · as of " + dayShort(p.days[len(p.days)-1]) + " (latest)"
	}
	if p.asOf < p.days[0] {
		return "Positions · as of " + dayShort(p.asOf) + " (before any change)"
	}
	return "Positions · as of " + dayShort(p.asOf)
}

// AsOf is the day the grid stands at; edtf.MaxDay is the latest.
func (p Positions) AsOf() edtf.Day { return p.asOf }

// dayShort writes a day as the timeline does: "21 Mar 2023".
func dayShort(d edtf.Day) string { return edtf.MustParse(d.String()).Short() }

// step moves the date to the previous (dir < 0) or next change of a
// visible cell: before the first change there is the day before it, and
// after the last the latest.
func (p *Positions) step(dir int) {
	if len(p.days) == 0 {
		return
	}
	last := p.days[len(p.days)-1]
	cur := p.asOf
	if cur == edtf.MaxDay {
		cur = last
	}
	if dir > 0 {
		i, found := slices.BinarySearch(p.days, cur)
		if found {
			i++
		}
		if i >= len(p.days)-1 {
			p.asOf = edtf.MaxDay
		} else {
			p.asOf = p.days[i]
		}
		return
	}
	i, _ := slices.BinarySearch(p.days, cur)
	switch {
	case i > 0:
		p.asOf = p.days[i-1]
	case cur >= p.days[0]:
		p.asOf = p.days[0] - 1
	}
}

// Cell is the selected actor and topic, if any.
func (p Positions) Cell() (actor, topic string, ok bool) {
	topics := p.ix.Story().Topics
	if len(p.actors) == 0 || len(topics) == 0 {
		return "", "", false
	}
	return p.actors[p.row].Actor.ID, topics[p.col].ID, true
}

// Update implements component: moving across cells, enter jumps to the
// evidence, the card key opens the row's actor.
func (p Positions) Update(msg tea.Msg) (Positions, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	if p.history {
		return p.updateHistory(k)
	}
	nTopics := len(p.ix.Story().Topics)
	switch {
	case key.Matches(k, p.keys.Positions.Earlier):
		p.step(-1)
	case key.Matches(k, p.keys.Positions.Later):
		p.step(1)
	case key.Matches(k, p.keys.Positions.HideEmpty):
		p.hideEmpty = !p.hideEmpty
		p.setRows()
	case key.Matches(k, p.keys.Positions.History):
		if _, _, ok := p.Cell(); ok {
			p.history = true
			p.buildHistory()
			p.hist.Top()
		}
	case key.Matches(k, p.keys.Positions.Up):
		p.row = max(0, p.row-1)
	case key.Matches(k, p.keys.Positions.Down):
		p.row = max(0, min(len(p.actors)-1, p.row+1))
	case key.Matches(k, p.keys.Positions.Left):
		p.col = max(0, p.col-1)
	case key.Matches(k, p.keys.Positions.Right):
		p.col = max(0, min(nTopics-1, p.col+1))
	case key.Matches(k, p.keys.Positions.Top):
		p.row = 0
	case key.Matches(k, p.keys.Positions.Bottom):
		p.row = max(0, len(p.actors)-1)
	case key.Matches(k, p.keys.Positions.Card):
		if a, _, ok := p.Cell(); ok {
			return p, func() tea.Msg { return openCardMsg{a} }
		}
	}
	return p, nil
}

// updateHistory handles keys while the cell's history is open: scrolling,
// enter to the evidence, back to the grid.
func (p Positions) updateHistory(k tea.KeyPressMsg) (Positions, tea.Cmd) {
	switch {
	case key.Matches(k, p.keys.History.Back):
		p.history = false
	case key.Matches(k, p.keys.History.Jump):
		if pos, ok := p.cellEvidence(); ok {
			return p, func() tea.Msg { return jumpMsg{pos} }
		}
	default:
		p.hist.Update(p.keys.Scroll, k)
	}
	return p, nil
}

// buildHistory lays out the selected cell's history for the width.
func (p *Positions) buildHistory() {
	a, t, ok := p.Cell()
	if !ok {
		return
	}
	b := &docBuilder{st: p.st, width: max(1, p.width)}
	topic, _ := p.ix.Topic(t)
	b.para(p.ix.ActorName(a)+" on "+topic.Title, func(l string) string { return p.st.Detail.Title.Render(l) }, "")
	writeHistory(b, p.ix, p.ix.CellAt(a, t, edtf.MaxDay), p.asOf)
	b.blank()
	b.para("enter: go to the evidence of the step in effect; esc: back to the grid", func(l string) string { return p.st.Matrix.Muted.Render(l) }, "")
	p.hist.SetLines(b.lines)
}

// firstEvidence is the earliest evidence item of a position on the timeline.
func firstEvidence(ix *model.Index, pos model.Position) (int, bool) {
	best, found := 0, false
	for _, id := range pos.Evidence {
		if p, ok := ix.Lookup(id); ok && (!found || p < best) {
			best, found = p, true
		}
	}
	return best, found
}

// View implements component.
func (p Positions) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	if p.history {
		return p.hist.View(p.st.Width)
	}
	topics := p.ix.Story().Topics
	if len(p.actors) == 0 || len(topics) == 0 {
		return fitLines(p.st.Width, p.st.Matrix.Muted.Render("This story records no actors or no topics, so there is no matrix."), p.width, p.height)
	}
	ms := &p.st.Matrix
	nameW := 6
	for _, n := range p.actors {
		nameW = max(nameW, 2*n.Depth+p.st.Width.StringWidth(capped(p.st.Width, n.Actor.Name))+2)
	}
	nameW = min(nameW, max(12, p.width/3))
	// Give the topic columns room for their ids before the names get theirs.
	const idealCell = 20
	if need := nameW + len(topics)*idealCell; need > p.width {
		nameW = max(12, min(nameW, p.width-len(topics)*idealCell))
	}
	cellW := max(15, min(26, (p.width-nameW)/len(topics)))
	cols := max(1, (p.width-nameW)/cellW)
	if cols < len(topics) {
		cols = max(1, (p.width-nameW-1)/cellW) // room for the › marker
	}
	first := max(0, min(p.col-cols+1, len(topics)-cols))
	first = min(first, p.col)
	last := min(len(topics), first+cols)

	var lines []string
	more := " "
	if first > 0 {
		more = "‹"
	}
	head := ms.Muted.Render(fitWidth(p.st.Width, more, nameW))
	for c := first; c < last; c++ {
		head += ms.Header.Render(fitWidth(p.st.Width, " "+topics[c].ID, cellW))
	}
	if last < len(topics) {
		head += ms.Muted.Render("›")
	}
	lines = append(lines, head)

	// The matrix takes up to 60% of the height; the cell's evidence the rest.
	matrixH := max(1, min(len(p.actors), p.height*3/5-1))
	offset := max(0, min(p.row-matrixH/2, len(p.actors)-matrixH))
	for r := offset; r < min(len(p.actors), offset+matrixH); r++ {
		n := p.actors[r]
		name := fitWidth(p.st.Width, strings.Repeat("  ", n.Depth)+capped(p.st.Width, n.Actor.Name), nameW-1) + " "
		line := ms.Actor.Render(name)
		if r == p.row {
			line = ms.ActorSelected.Render(name)
		}
		for c := first; c < last; c++ {
			line += p.cell(n.Actor.ID, topics[c].ID, cellW, r == p.row && c == p.col)
		}
		lines = append(lines, line)
	}
	// Say what lies beyond the rows shown.
	var beyond []string
	if offset > 0 {
		beyond = append(beyond, fmt.Sprintf("↑ %d more", offset))
	}
	if rest := len(p.actors) - offset - matrixH; rest > 0 {
		beyond = append(beyond, fmt.Sprintf("↓ %d more", rest))
	}
	lines = append(lines, ms.Muted.Render(strings.Join(beyond, "  ")))
	lines = append(lines, p.cellDetail()...)
	return fitLines(p.st.Width, strings.Join(lines, "\n"), p.width, p.height)
}

// cell draws one cell as of the matrix's date in w cells. Every cell keeps
// a first column for the selection marker, so selecting never shifts the
// text, and a last for the mark of a cell whose stance changes over time
// (*). Where nothing is recorded but the actor's own statements take a
// stance, the cell says so, dimmed: "none" must never hide what someone
// said.
func (p Positions) cell(actor, topic string, w int, selected bool) string {
	ms := &p.st.Matrix
	c := p.ix.CellAt(actor, topic, p.asOf)
	st, said := c.Shown()
	sty := ms.Stance[st]
	if said {
		sty = sty.Faint(true)
	}
	marker := " "
	if selected {
		marker = "▸"
		sty = sty.Inherit(ms.CellSelected)
	}
	text := marker + c.Label(true)
	if len(p.ix.History(actor, topic)) > 1 {
		text = truncate(p.st.Width, text, w-2, "…") + "*"
	}
	return sty.Render(fitWidth(p.st.Width, text, w-1) + " ")
}

// cellDetail describes the selected cell as of the matrix's date: the
// step in effect with its summary and evidence, or what was said.
func (p Positions) cellDetail() []string {
	a, t, _ := p.Cell()
	c := p.ix.CellAt(a, t, p.asOf)
	b := &docBuilder{st: p.st, width: p.width}
	topic, _ := p.ix.Topic(t)
	ms := &p.st.Matrix
	st, _ := c.Shown()
	head := p.ix.ActorName(a) + " on " + topic.Title + ": "
	b.lines = append(b.lines, truncate(p.st.Width, ms.Summary.Render(head)+ms.Stance[st].Render(c.Label(true)), p.width, "…"))
	// The whole history below, the step in effect marked, so that the
	// room under the grid says all it can.
	writeHistory(b, p.ix, p.ix.CellAt(a, t, edtf.MaxDay), p.asOf)
	b.para("enter: the history alone, and from it the evidence in the timeline", func(l string) string { return ms.Muted.Render(l) }, "")
	return b.lines
}

// cellEvidence is what enter jumps to from the history: the evidence of
// the step in effect, or else the actor's own statements on the topic by
// then, or else the first evidence of any step.
func (p Positions) cellEvidence() (int, bool) {
	a, t, ok := p.Cell()
	if !ok {
		return 0, false
	}
	c := p.ix.CellAt(a, t, p.asOf)
	if cur, ok := c.Current(); ok {
		if pos, ok := firstEvidence(p.ix, *cur.Position); ok {
			return pos, true
		}
	}
	if len(c.Said.Statements) > 0 {
		return c.Said.Statements[0], true
	}
	for _, st := range p.ix.History(a, t) {
		if pos, ok := firstEvidence(p.ix, *st.Position); ok {
			return pos, true
		}
	}
	return 0, false
}

// writeHistory lists a cell's steps in time order, each with its date,
// stance, summary and evidence, marking the one in effect on asOf and
// those after it, then what was said: the matrix's history and the card.
func writeHistory(b *docBuilder, ix *model.Index, c model.Cell, asOf edtf.Day) {
	ms, d := &b.st.Matrix, &b.st.Detail
	muted := func(l string) string { return d.Muted.Render(l) }
	if len(c.History) == 0 {
		b.para("No position is recorded.", muted, "")
	}
	cur := -1
	for i, st := range c.History {
		if st.Date.Earliest() <= asOf {
			cur = i
		}
	}
	for i, st := range c.History {
		when := "undated"
		if !st.Date.IsZero() {
			when = "from " + st.Date.Short()
		}
		note := ""
		switch {
		case i == cur && asOf != edtf.MaxDay:
			note = " · in effect then"
		case st.Date.Earliest() > asOf:
			note = " · later"
		}
		p := st.Position
		b.lines = append(b.lines, truncate(b.st.Width, ms.Stance[p.Stance].Render(p.Stance.Symbol()+" "+string(p.Stance))+d.Muted.Render(" "+when+note), b.width, "…"))
		if p.Summary != "" {
			b.para(p.Summary, func(l string) string { return d.Text.Render(l) }, "  ")
		}
		writeEvidence(b, ix, p.Evidence)
	}
	if n := len(c.Said.Statements); n > 0 {
		b.para(fmt.Sprintf("Said: %d %s by %s or those under it take a stance:", n, text.Plural(n, "statement", "statements"), ix.ActorName(c.Actor)), muted, "")
		ids := make([]string, n)
		for i, sp := range c.Said.Statements {
			ids[i] = ix.At(sp).ID()
		}
		writeEvidence(b, ix, ids)
	}
}
