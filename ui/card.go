package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// openCardMsg asks the app to open an actor's card (from the positions
// matrix or the actor picker).
type openCardMsg struct{ actor string }

// showItemsMsg asks the app to filter the timeline to an actor's items: the
// card's enter.
type showItemsMsg struct{ actor string }

// Card is one actor's page: who they are, their stance history on every
// topic with each step's evidence, and how many items involve them. Scrolls like Detail.
type Card struct {
	ix    *model.Index
	st    *Styles
	keys  KeyMap
	actor string
	items int // items on the timeline that involve the actor
	view  scroller
}

// NewCard makes the card of actor.
func NewCard(ix *model.Index, st *Styles, keys KeyMap, actor string) Card {
	items := len(ix.Query(model.Filter{Actors: []string{actor}}))
	return Card{ix: ix, st: st, keys: keys, actor: actor, items: items}
}

// Title is the actor's name, for the overlay's frame.
func (c Card) Title() string { return c.ix.ActorName(c.actor) }

// SetSize implements component, and lays the card out for its width.
func (c *Card) SetSize(w, h int) {
	c.view.SetSize(w, h)
	c.build()
}

// HelpKeys implements component.
func (c Card) HelpKeys() []key.Binding {
	return []key.Binding{c.keys.Scroll.Up, c.keys.Scroll.Down, c.keys.Card.ShowItems, c.keys.Global.Help, c.keys.Global.Close}
}

func (c *Card) build() {
	if c.ix == nil {
		return // no card open
	}
	ix, items, width := c.ix, c.items, c.view.width
	a, ok := ix.Actor(c.actor)
	if !ok {
		return
	}
	b := &docBuilder{st: c.st, width: max(1, width)}
	d := c.st.Detail
	name := capped(c.st.Width, a.Name) // a 10 MB name is drawn cut, not wrapped
	b.para(name, func(l string) string { return d.Title.Render(l) }, "")
	kind := string(a.Kind)
	if anc := ix.Ancestors(a.ID); len(anc) > 0 {
		var names []string
		for _, p := range anc {
			names = append(names, capped(c.st.Width, p.Name))
		}
		kind += " · part of " + strings.Join(names, " › ")
	}
	b.para(kind, func(l string) string { return d.Muted.Render(l) }, "")
	if a.Description != "" {
		b.blank()
		b.para(a.Description, func(l string) string { return d.Text.Render(l) }, "")
	}
	if len(a.Aliases) > 0 {
		b.blank()
		b.field("Also", strings.Join(a.Aliases, "; "))
	}
	who := name
	if len(ix.Descendants(a.ID)) > 1 {
		who += " or those under it"
	}
	b.field("Items", fmt.Sprintf("%s on the timeline involve %s; enter shows them", thousands(items), who))
	// Each topic's stance history, the step in effect last, then what the
	// actor and those under it said.
	for _, t := range ix.Story().Topics {
		cell := ix.CellAt(a.ID, t.ID, edtf.MaxDay)
		b.section(t.Title)
		st, _ := cell.Shown()
		b.lines = append(b.lines, c.st.Matrix.Stance[st].Render(cell.Label(true)))
		if len(cell.History) == 0 && len(cell.Said.Statements) == 0 {
			b.para("The sources record no position.", func(l string) string { return d.Muted.Render(l) }, "")
			continue
		}
		writeHistory(b, ix, cell, edtf.MaxDay)
	}
	// The first items involving the actor, so the card is not a dead end.
	const listed = 12
	rows, _ := ix.QueryFirst(context.Background(), model.Filter{Actors: []string{a.ID}}, listed)
	if len(rows) > 0 {
		b.section("On the timeline")
		for _, p := range rows {
			b.para(placeName(ix, int(p)), func(l string) string { return d.Text.Render(l) }, "• ")
		}
		if items > len(rows) {
			b.para(fmt.Sprintf("and %s more; enter shows them all", thousands(items-len(rows))), func(l string) string { return d.Muted.Render(l) }, "  ")
		}
	}
	c.view.SetLines(b.lines)
}

// Update implements component: scrolling, enter, and drawing again in new
// styles.
func (c Card) Update(msg tea.Msg) (Card, tea.Cmd) {
	if _, ok := msg.(restyledMsg); ok {
		c.build()
		return c, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, c.keys.Card.ShowItems) {
		actor := c.actor
		return c, func() tea.Msg { return showItemsMsg{actor} }
	}
	c.view.Update(c.keys.Scroll, msg)
	return c, nil
}

// View implements component.
func (c Card) View() string { return c.view.View(c.st.Width) }
