package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// jumpMsg asks the app to show the item at a timeline position.
type jumpMsg struct{ pos int }

// Positions is the actor × topic matrix: actors grouped under their
// parents, each cell a stance as a symbol and a word, and below it the
// selected cell's summary and its dated evidence.
type Positions struct {
	ix     *model.Index
	st     *Styles
	keys   KeyMap
	actors []model.ActorNode
	row    int
	col    int
	width  int
	height int
}

// NewPositions makes the matrix for ix.
func NewPositions(ix *model.Index, st *Styles, keys KeyMap) Positions {
	return Positions{ix: ix, st: st, keys: keys, actors: ix.ActorTree()}
}

// SetSize implements component.
func (p *Positions) SetSize(w, h int) { p.width, p.height = w, h }

// HelpKeys implements component.
func (p Positions) HelpKeys() []key.Binding {
	m := p.keys.Positions
	return []key.Binding{m.Up, m.Down, m.Left, m.Right, m.Jump, m.Card, p.keys.Global.Help, p.keys.Global.Close}
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
	nTopics := len(p.ix.Story().Topics)
	switch {
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
	case key.Matches(k, p.keys.Positions.Jump):
		if pos, ok := p.cellEvidence(); ok {
			return p, func() tea.Msg { return jumpMsg{pos} }
		}
	}
	return p, nil
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

// cell draws one stance in w cells. Every cell keeps a first column for
// the selection marker, so selecting never shifts the text. Where nothing
// is recorded but the actor's own statements take a stance, the cell says
// so, dimmed: "none" must never hide what someone said.
func (p Positions) cell(actor, topic string, w int, selected bool) string {
	ms := &p.st.Matrix
	st := p.ix.Position(actor, topic).Stance
	text := st.Symbol() + " " + string(st)
	sty := ms.Stance[st]
	if st == model.StanceNone {
		if said := p.ix.Said(actor, topic).Common(); said != model.StanceNone {
			text = "· said " + said.Symbol() + " " + string(said)
			sty = ms.Stance[said].Faint(true)
		}
	}
	marker := " "
	if selected {
		marker = "▸"
		sty = sty.Inherit(ms.CellSelected)
	}
	return sty.Render(fitWidth(p.st.Width, marker+text, w-1) + " ")
}

// cellDetail describes the selected cell: stance, summary, dated evidence.
func (p Positions) cellDetail() []string {
	a, t, _ := p.Cell()
	pos := p.ix.Position(a, t)
	b := &docBuilder{st: p.st, width: p.width}
	topic, _ := p.ix.Topic(t)
	ms := &p.st.Matrix
	head := p.ix.ActorName(a) + " on " + topic.Title + ": "
	b.lines = append(b.lines, truncate(p.st.Width, ms.Summary.Render(head)+ms.Stance[pos.Stance].Render(pos.Stance.Symbol()+" "+string(pos.Stance)), p.width, "…"))
	if pos.Stance == model.StanceNone {
		said := p.ix.Said(a, t)
		if len(said.Statements) == 0 {
			b.para("The sources record no position here.", func(l string) string { return ms.Muted.Render(l) }, "")
			return b.lines
		}
		b.para(fmt.Sprintf("No position is recorded for %s, but %s take a stance (mostly %s):",
			p.ix.ActorName(a), fmt.Sprintf("%d %s", len(said.Statements), text.Plural(len(said.Statements), "statement", "statements")), said.Common()), func(l string) string { return ms.Muted.Render(l) }, "")
		ids := make([]string, len(said.Statements))
		for i, sp := range said.Statements {
			ids[i] = p.ix.At(sp).ID()
		}
		writeEvidence(b, p.ix, ids)
		b.para("enter: go to the first of them in the timeline", func(l string) string { return ms.Muted.Render(l) }, "")
		return b.lines
	}
	if pos.Summary != "" {
		b.para(pos.Summary, func(l string) string { return ms.Summary.Render(l) }, "")
	}
	writeEvidence(b, p.ix, pos.Evidence)
	b.para("enter: go to the first evidence in the timeline", func(l string) string { return ms.Muted.Render(l) }, "")
	return b.lines
}

// cellEvidence is what enter jumps to: the recorded evidence, or else the
// actor's own statements on the topic.
func (p Positions) cellEvidence() (int, bool) {
	a, t, ok := p.Cell()
	if !ok {
		return 0, false
	}
	if pos, ok := firstEvidence(p.ix, p.ix.Position(a, t)); ok {
		return pos, true
	}
	if said := p.ix.Said(a, t); len(said.Statements) > 0 {
		return said.Statements[0], true
	}
	return 0, false
}
