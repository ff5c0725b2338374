package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// Card is one actor's page: who they are, their position on every topic
// with its evidence, and how many items involve them. Scrolls like Detail.
type Card struct {
	st     *Styles
	keys   KeyMap
	actor  string
	lines  []string
	offset int
	width  int
	height int
}

// SetSize implements component; Resize also lays the card out again.
func (c *Card) SetSize(w, h int) { c.width, c.height = w, h }

// Resize lays the card out for its width.
func (c *Card) Resize(ix *model.Index, items, w, h int) {
	c.SetSize(w, h)
	c.build(ix, items, w)
}

func (c *Card) build(ix *model.Index, items, width int) {
	a, ok := ix.Actor(c.actor)
	if !ok {
		return
	}
	b := &docBuilder{st: c.st, width: max(1, width)}
	d := c.st.Detail
	b.para(a.Name, func(l string) string { return d.Title.Render(l) }, "")
	kind := string(a.Kind)
	if anc := ix.Ancestors(a.ID); len(anc) > 0 {
		var names []string
		for _, p := range anc {
			names = append(names, p.Name)
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
	who := a.Name
	if len(ix.Descendants(a.ID)) > 1 {
		who += " or those under it"
	}
	b.field("Items", fmt.Sprintf("%s on the timeline involve %s; enter shows them", thousands(items), who))
	for _, t := range ix.Story().Topics {
		pos := ix.Position(a.ID, t.ID)
		b.section(t.Title)
		b.lines = append(b.lines, c.st.Matrix.Stance[pos.Stance].Render(pos.Stance.Symbol()+" "+string(pos.Stance)))
		if pos.Stance == model.StanceNone {
			b.para("The sources record no position.", func(l string) string { return d.Muted.Render(l) }, "")
			continue
		}
		if pos.Summary != "" {
			b.para(pos.Summary, func(l string) string { return d.Text.Render(l) }, "")
		}
		writeEvidence(b, ix, pos.Evidence)
	}
	// The first items involving the actor, so the card is not a dead end.
	const listed = 12
	rows, _ := ix.QueryFirst(context.Background(), model.Filter{Actors: []string{a.ID}}, listed)
	if len(rows) > 0 {
		b.section("On the timeline")
		for _, p := range rows {
			date := "undated"
			if d := ix.At(int(p)).Date(); !d.IsZero() {
				date = d.Short()
			}
			b.para(date+" · "+ix.Title(int(p)), func(l string) string { return d.Text.Render(l) }, "• ")
		}
		if items > len(rows) {
			b.para(fmt.Sprintf("and %s more; enter shows them all", thousands(items-len(rows))), func(l string) string { return d.Muted.Render(l) }, "  ")
		}
	}
	c.lines = b.lines
	c.offset = max(0, min(c.offset, len(c.lines)-c.height))
}

// Update implements component: scrolling.
func (c Card) Update(msg tea.Msg) (Card, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return c, nil
	}
	switch {
	case key.Matches(k, c.keys.ShowItems):
		actor := c.actor
		return c, func() tea.Msg { return pickedMsg{pickActors, []string{actor}} }
	default:
		if n, ok := c.keys.moveBy(k, c.height); ok {
			c.offset = max(0, min(len(c.lines), c.offset+n))
		}
	}
	c.offset = max(0, min(c.offset, len(c.lines)-c.height))
	return c, nil
}

// View implements component.
func (c Card) View() string {
	if c.width <= 0 || c.height <= 0 {
		return ""
	}
	end := min(len(c.lines), c.offset+c.height)
	return fitLines(c.st.Width, strings.Join(c.lines[c.offset:end], "\n"), c.width, c.height)
}
