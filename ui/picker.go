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

// pickerRow is a line of the list: an entry that matches the typed text,
// with the alias it matched through when its name and id did not, or,
// dimmed and not choosable, an ancestor of a match, so that a match is
// drawn under its real parent and under nothing else.
type pickerRow struct {
	entry   int // index into all
	alias   string
	context bool
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
	shown   []pickerRow // the list under the typed text
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

// narrow lists the entries that match the typed text, each under its
// ancestors, and puts the cursor on the first whose name or id matches
// (else the first that matches through an alias).
func (p *Picker) narrow() {
	q := model.FoldForSearch(strings.TrimSpace(p.input.Value()))
	p.shown = p.shown[:0]
	listed := make([]bool, len(p.all))
	var path []int // the current entry and its ancestors, by depth
	byName, byAlias := -1, -1
	for i, e := range p.all {
		path = append(path[:min(e.depth, len(path))], i)
		alias, ok := e.match(q)
		if !ok {
			continue
		}
		for _, anc := range path[:len(path)-1] {
			if !listed[anc] {
				listed[anc] = true
				p.shown = append(p.shown, pickerRow{entry: anc, context: true})
			}
		}
		listed[i] = true
		if alias == "" && byName < 0 {
			byName = len(p.shown)
		} else if alias != "" && byAlias < 0 {
			byAlias = len(p.shown)
		}
		p.shown = append(p.shown, pickerRow{entry: i, alias: alias})
	}
	p.cursor, p.offset = max(0, byName), 0
	if byName < 0 && byAlias >= 0 {
		p.cursor = byAlias
	}
	p.follow()
}

// match reports whether the entry matches the folded text q, and through
// which alias when its name and id do not.
func (e pickerEntry) match(q string) (alias string, ok bool) {
	if q == "" || model.ContainsFold(e.label, q) || model.ContainsFold(e.id, q) {
		return "", true
	}
	for _, a := range e.aliases {
		if model.ContainsFold(a, q) {
			return a, true
		}
	}
	return "", false
}

// move moves the cursor n choosable rows (n is 1 or -1), staying put at
// either end.
func (p *Picker) move(n int) {
	for i := p.cursor + n; i >= 0 && i < len(p.shown); i += n {
		if !p.shown[i].context {
			p.cursor = i
			break
		}
	}
	p.follow()
}

// current is the entry under the cursor, if there is one to choose.
func (p Picker) current() (pickerEntry, bool) {
	if p.cursor >= len(p.shown) || p.shown[p.cursor].context {
		return pickerEntry{}, false
	}
	return p.all[p.shown[p.cursor].entry], true
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
		if e, ok := p.current(); ok && len(ids) == 0 && !p.touched {
			ids = []string{e.id}
		}
		return p, func() tea.Msg { return pickedMsg{p.kind, ids} }
	case key.Matches(k, p.keys.Picker.Up):
		p.move(-1)
	case key.Matches(k, p.keys.Picker.Down):
		p.move(1)
	case key.Matches(k, p.keys.Picker.Toggle) && !(k.Code == tea.KeySpace && p.input.Value() != ""):
		// Space toggles until something is typed, then it is text
		// ("fox news"); tab always toggles.
		if e, ok := p.current(); ok {
			p.chosen[e.id] = !p.chosen[e.id]
			p.touched = true
		}
	case p.kind == pickActors && key.Matches(k, p.keys.Picker.Card):
		if e, ok := p.current(); ok {
			return p, func() tea.Msg { return openCardMsg{e.id} }
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
		r := p.shown[i]
		e := p.all[r.entry]
		label := strings.Repeat("  ", e.depth) + capped(p.st.Width, e.label)
		if r.context {
			lines = append(lines, ps.Muted.Render("      "+truncate(p.st.Width, label, max(1, p.width-6), "…")))
			continue
		}
		box := "[ ] "
		if p.chosen[e.id] {
			box = "[x] "
		}
		count := " " + thousands(e.count)
		labelW := max(1, p.width-4-p.st.Width.StringWidth(count)-2)
		label = truncate(p.st.Width, label, labelW, "…")
		aka := "" // the alias that matched, after the name
		if room := labelW - p.st.Width.StringWidth(label); r.alias != "" && room > 3 {
			aka = fitWidth(p.st.Width, truncate(p.st.Width, " ("+capped(p.st.Width, r.alias)+")", room, "…"), room)
		} else {
			label = fitWidth(p.st.Width, label, labelW)
		}
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
		line := style.Render(cursor) + boxStyle.Inherit(style).Render(box) + style.Render(label)
		if aka != "" {
			line += ps.Muted.Inherit(style).Render(aka)
		}
		lines = append(lines, line+ps.Count.Inherit(style).Render(count))
	}
	return fitLines(p.st.Width, strings.Join(lines, "\n"), p.width, p.height)
}
