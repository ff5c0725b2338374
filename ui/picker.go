package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// pickerKind says what a picker chooses.
type pickerKind int

const (
	pickActors pickerKind = iota
	pickTopics
)

// pickerEntry is one choice: an actor (indented under its parent) or a topic.
type pickerEntry struct {
	id, label string
	aliases   []string
	depth     int
	count     int
}

// pickedMsg reports the choices when a picker is applied.
type pickedMsg struct {
	kind pickerKind
	ids  []string
}

// pickerClosedMsg reports that a picker was cancelled.
type pickerClosedMsg struct{}

// Picker chooses actors or topics: typing narrows the list, space toggles,
// enter applies and esc cancels.
type Picker struct {
	st      *Styles
	keys    KeyMap
	kind    pickerKind
	all     []pickerEntry
	shown   []int // indexes into all that match the typed text
	chosen  map[string]bool
	touched bool // space was pressed: enter applies the ticks as they are
	cursor  int
	offset  int
	input   textinput.Model
	width   int
	height  int
}

// NewPicker opens a picker over entries with the ids in chosen ticked.
func NewPicker(st *Styles, keys KeyMap, kind pickerKind, entries []pickerEntry, chosen []string) Picker {
	in := textinput.New()
	in.Prompt = "filter: "
	in.Placeholder = "type to narrow"
	in.Focus()
	p := Picker{st: st, keys: keys, kind: kind, all: entries, chosen: map[string]bool{}, input: in}
	for _, id := range chosen {
		p.chosen[id] = true
	}
	p.narrow()
	return p
}

// actorEntries lists every actor in tree order with its count.
func actorEntries(ix *model.Index, counts map[string]int) []pickerEntry {
	var out []pickerEntry
	for _, n := range ix.ActorTree() {
		out = append(out, pickerEntry{id: n.Actor.ID, label: n.Actor.Name, aliases: n.Actor.Aliases, depth: n.Depth, count: counts[n.Actor.ID]})
	}
	return out
}

// topicEntries lists every topic with its count.
func topicEntries(ix *model.Index, counts map[string]int) []pickerEntry {
	var out []pickerEntry
	for _, t := range ix.Story().Topics {
		out = append(out, pickerEntry{id: t.ID, label: t.Title, count: counts[t.ID]})
	}
	return out
}

// SetSize implements component.
func (p *Picker) SetSize(w, h int) {
	p.width, p.height = w, h
	p.input.SetWidth(max(1, w-len(p.input.Prompt)-1))
	p.follow()
}

// HelpKeys implements component; only actors have a card.
func (p Picker) HelpKeys() []key.Binding {
	k := p.keys.Picker
	short := []key.Binding{k.Type, k.Up, k.Down, k.Toggle, k.Apply, k.Cancel}
	if p.kind == pickActors {
		short = append(short, k.Card)
	}
	return short
}

// pickerHead is the lines above the list: title, input and a blank.
const pickerHead = 3

// follow scrolls the list just enough to keep the cursor on screen.
func (p *Picker) follow() {
	listH := max(1, p.height-pickerHead)
	p.offset = max(0, min(p.offset, len(p.shown)-listH))
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
}

func (p *Picker) narrow() {
	q := model.FoldForSearch(p.input.Value())
	p.shown = p.shown[:0]
	for i, e := range p.all {
		ok := q == "" || model.ContainsFold(e.label, q) || model.ContainsFold(e.id, q)
		for _, a := range e.aliases {
			ok = ok || model.ContainsFold(a, q)
		}
		if ok {
			p.shown = append(p.shown, i)
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.shown)-1))
	p.follow()
}

// Update implements component.
func (p Picker) Update(msg tea.Msg) (Picker, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return p, cmd
	}
	switch {
	case key.Matches(k, p.keys.Picker.Cancel):
		return p, func() tea.Msg { return pickerClosedMsg{} }
	case key.Matches(k, p.keys.Picker.Apply):
		var ids []string
		for _, e := range p.all {
			if p.chosen[e.id] {
				ids = append(ids, e.id)
			}
		}
		// Enter without ticking anything takes the highlighted row, as
		// fzf and gh-dash do.
		if len(ids) == 0 && !p.touched && len(p.shown) > 0 {
			ids = []string{p.all[p.shown[p.cursor]].id}
		}
		return p, func() tea.Msg { return pickedMsg{p.kind, ids} }
	case key.Matches(k, p.keys.Picker.Up):
		p.cursor = max(0, p.cursor-1)
		p.follow()
	case key.Matches(k, p.keys.Picker.Down):
		p.cursor = max(0, min(len(p.shown)-1, p.cursor+1))
		p.follow()
	case key.Matches(k, p.keys.Picker.Toggle):
		if len(p.shown) > 0 {
			id := p.all[p.shown[p.cursor]].id
			p.chosen[id] = !p.chosen[id]
			p.touched = true
		}
	case p.kind == pickActors && key.Matches(k, p.keys.Picker.Card):
		if len(p.shown) > 0 {
			id := p.all[p.shown[p.cursor]].id
			return p, func() tea.Msg { return openCardMsg{id} }
		}
	default:
		var cmd tea.Cmd
		before := p.input.Value()
		p.input, cmd = p.input.Update(msg)
		if p.input.Value() != before {
			p.narrow()
		}
		return p, cmd
	}
	return p, nil
}

// View implements component.
func (p Picker) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	ps := &p.st.Picker
	title := "Filter by actor"
	if p.kind == pickTopics {
		title = "Filter by topic"
	}
	n := 0
	for _, v := range p.chosen {
		if v {
			n++
		}
	}
	lines := []string{
		ps.Title.Render(title) + ps.Muted.Render(fmt.Sprintf("  %d chosen · any of them · counts under the other filters", n)),
		p.input.View(),
		"",
	}
	listH := max(1, p.height-pickerHead)
	switch {
	case len(p.all) == 0 && p.kind == pickActors:
		lines = append(lines, ps.Muted.Render("This story names no actors."))
	case len(p.all) == 0:
		lines = append(lines, ps.Muted.Render("This story has no topics."))
	case len(p.shown) == 0:
		lines = append(lines, ps.Muted.Render("No match. Backspace to widen."))
	}
	for i := p.offset; i < min(len(p.shown), p.offset+listH); i++ {
		e := p.all[p.shown[i]]
		box := "[ ] "
		if p.chosen[e.id] {
			box = "[x] "
		}
		count := " " + thousands(e.count)
		label := strings.Repeat("  ", e.depth) + e.label
		labelW := max(1, p.width-4-p.st.Width.StringWidth(count)-2)
		label = fitWidth(p.st.Width, truncate(p.st.Width, label, labelW, "…"), labelW)
		cursor := "  "
		style := ps.Item
		if e.count == 0 {
			style = ps.Muted // nothing under the other filters: choosing it empties the timeline
		}
		if i == p.cursor {
			cursor, style = "▌ ", ps.Selected
		}
		boxStyle := ps.Muted
		if p.chosen[e.id] {
			boxStyle = ps.Check
		}
		lines = append(lines, style.Render(cursor)+boxStyle.Inherit(style).Render(box)+style.Render(label)+ps.Count.Inherit(style).Render(count))
	}
	return fitLines(p.st.Width, strings.Join(lines, "\n"), p.width, p.height)
}
