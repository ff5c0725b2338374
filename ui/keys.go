package ui

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every binding the explorer answers to. Help is drawn from it,
// so what help says is what the program does.
type KeyMap struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	Left, Right                                               key.Binding
	Open, Back, NextPane, PrevPane                            key.Binding
	Search, NextMatch, PrevMatch                              key.Binding
	Actors, Topics, Positions, Clear, Card                    key.Binding
	Toggle, Apply, Cancel, ListUp, ListDown, PickerCard       key.Binding
	Jump, ShowItems, Type                                     key.Binding
	Close, Help, Quit, ForceQuit                              key.Binding
}

// DefaultKeyMap is the key map dateline ships with.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:         b([]string{"up", "k"}, "↑/k", "up"),
		Down:       b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:     b([]string{"pgup"}, "pgup", "page up"),
		PageDown:   b([]string{"pgdown"}, "pgdn", "page down"),
		HalfUp:     b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown:   b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:        b([]string{"g", "home"}, "g/home", "first"),
		Bottom:     b([]string{"G", "end"}, "G/end", "last"),
		Left:       b([]string{"left", "h"}, "←/h", "left"),
		Right:      b([]string{"right", "l"}, "→/l", "right"),
		Open:       b([]string{"enter", "right", "l"}, "enter/→", "details"),
		Back:       b([]string{"esc", "left", "h"}, "esc/←", "back"),
		NextPane:   b([]string{"tab"}, "tab", "next pane"),
		PrevPane:   b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Search:     b([]string{"/"}, "/", "search"),
		NextMatch:  b([]string{"n"}, "n", "next match"),
		PrevMatch:  b([]string{"N"}, "N", "previous match"),
		Actors:     b([]string{"a"}, "a", "actors"),
		Topics:     b([]string{"t"}, "t", "topics"),
		Positions:  b([]string{"p"}, "p", "positions"),
		Clear:      b([]string{"c"}, "c", "clear filters"),
		Card:       b([]string{"i"}, "i", "actor card"),
		Toggle:     b([]string{"space"}, "space", "toggle"),
		ListUp:     b([]string{"up", "ctrl+p"}, "↑", "up"),
		ListDown:   b([]string{"down", "ctrl+n"}, "↓", "down"),
		PickerCard: b([]string{"ctrl+o"}, "ctrl+o", "actor card"),
		Jump:       b([]string{"enter"}, "enter", "go to evidence"),
		ShowItems:  b([]string{"enter"}, "enter", "show their items"),
		// Type is help only: in pickers and search, letters are text.
		Type:      key.NewBinding(key.WithKeys(), key.WithHelp("letters", "type to narrow")),
		Apply:     b([]string{"enter"}, "enter", "apply"),
		Cancel:    b([]string{"esc"}, "esc", "cancel"),
		Close:     b([]string{"esc", "q"}, "esc/q", "close"),
		Help:      b([]string{"?"}, "?", "help"),
		Quit:      b([]string{"q"}, "q", "quit"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// bindings is a help.KeyMap built from a short list and full groups.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (b bindings) ShortHelp() []key.Binding { return b.short }

// FullHelp implements help.KeyMap.
func (b bindings) FullHelp() [][]key.Binding { return b.full }

// TimelineHelp is the help for the timeline pane.
func (k KeyMap) TimelineHelp() bindings {
	return bindings{
		short: []key.Binding{k.Up, k.Down, k.Open, k.Search, k.Actors, k.Topics, k.Positions, k.Clear, k.Help, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
			{k.Open, k.NextPane, k.PrevPane, k.Search, k.NextMatch, k.PrevMatch},
			{k.Actors, k.Topics, k.Positions, k.Clear, k.Help, k.Quit, k.ForceQuit},
		},
	}
}

// DetailHelp is the help for the detail pane.
func (k KeyMap) DetailHelp() bindings {
	return bindings{
		short: []key.Binding{k.Up, k.Down, k.Back, k.NextPane, k.Positions, k.Help, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
			{k.Back, k.NextPane, k.PrevPane},
			{k.Actors, k.Topics, k.Positions, k.Clear, k.Help, k.Quit},
		},
	}
}

// PickerHelp is the help for the actor and topic pickers, where letters
// are typed into the filter.
func (k KeyMap) PickerHelp(withCard bool) bindings {
	short := []key.Binding{k.Type, k.ListUp, k.ListDown, k.Toggle, k.Apply, k.Cancel}
	if withCard {
		short = append(short, k.PickerCard)
	}
	return bindings{short: short, full: [][]key.Binding{short}}
}

// PositionsHelp is the help for the positions matrix.
func (k KeyMap) PositionsHelp() bindings {
	short := []key.Binding{k.Up, k.Down, k.Left, k.Right, k.Jump, k.Card, k.Help, k.Close}
	return bindings{short: short, full: [][]key.Binding{short}}
}

// OverlayHelp is the help for read-only overlays (help, actor card).
func (k KeyMap) OverlayHelp() bindings {
	short := []key.Binding{k.Up, k.Down, k.Close}
	return bindings{short: short, full: [][]key.Binding{short}}
}

// CardHelp is the help for the actor card.
func (k KeyMap) CardHelp() bindings {
	short := []key.Binding{k.Up, k.Down, k.ShowItems, k.Help, k.Close}
	return bindings{short: short, full: [][]key.Binding{short}}
}

// moveBy turns a movement key into a number of rows for a pane of height
// rows: a line, a page, half a page, or to either end (as far as math
// allows; the pane clamps it). ok is false for other keys.
func (k KeyMap) moveBy(msg tea.KeyPressMsg, height int) (rows int, ok bool) {
	page, half := max(1, height-1), max(1, height/2)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.HalfUp):
		return -half, true
	case key.Matches(msg, k.HalfDown):
		return half, true
	case key.Matches(msg, k.Top):
		return math.MinInt / 2, true
	case key.Matches(msg, k.Bottom):
		return math.MaxInt / 2, true
	}
	return 0, false
}
