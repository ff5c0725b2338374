package ui

import (
	"math"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every binding the explorer answers to, grouped by the context
// it works in. The program matches against these bindings, each pane's help
// line is drawn from them and the ? page lists every group, so what help
// says is what the program does.
type KeyMap struct {
	Global    GlobalKeys
	Scroll    ScrollKeys
	Timeline  TimelineKeys
	Detail    DetailKeys
	Search    SearchKeys
	Picker    PickerKeys
	Positions PositionsKeys
	History   HistoryKeys
	Card      CardKeys
	Work      WorkKeys
	Copy      CopyKeys
}

// GlobalKeys work wherever no text is being typed.
type GlobalKeys struct {
	Search, NextMatch, PrevMatch, KeepMatches, Actors, Topics, Positions key.Binding
	GoToDate, Dates, Clear, Back, Forward                                key.Binding
	NextPane, PrevPane, Help, Close, Quit, ForceQuit                     key.Binding
}

// ScrollKeys move through whatever scrolls: the timeline, the detail pane,
// the actor card and the ? page.
type ScrollKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

// TimelineKeys work while the timeline has focus.
type TimelineKeys struct{ Open, Count key.Binding }

// DetailKeys work while the detail pane has focus.
type DetailKeys struct{ Back, Follow key.Binding }

// SearchKeys work while a prompt (find, go to date, date range) is being
// typed.
type SearchKeys struct{ Type, Apply, Cancel key.Binding }

// PickerKeys work in the actor and topic pickers, where letters are text.
type PickerKeys struct{ Type, Up, Down, Toggle, Apply, Cancel, Card key.Binding }

// PositionsKeys work in the positions matrix.
type PositionsKeys struct {
	Up, Down, Left, Right, Top, Bottom, History, Earlier, Later, HideEmpty, Card key.Binding
}

// HistoryKeys work in a matrix cell's history.
type HistoryKeys struct{ Jump, Back key.Binding }

// CardKeys work on an actor's card.
type CardKeys struct{ ShowItems key.Binding }

// WorkKeys act on the selected item or the view (work.go): copy, open the
// source, edit the file, the story's page, export.
type WorkKeys struct{ Yank, Open, Edit, Info, Export key.Binding }

// CopyKeys are the letter typed after Yank (yank.go).
type CopyKeys struct{ ID, Quote, URL, Markdown, Command key.Binding }

// KeyGroup is one context's bindings under a title, for the ? page.
type KeyGroup struct {
	Title    string
	Bindings []key.Binding
}

// Groups is every group in the order the ? page shows them.
func (k KeyMap) Groups() []KeyGroup {
	g, s, p, q, m := k.Global, k.Scroll, k.Picker, k.Search, k.Positions
	return []KeyGroup{
		{"Anywhere", []key.Binding{g.Search, g.NextMatch, g.PrevMatch, g.KeepMatches, g.Actors, g.Topics, g.Positions, g.GoToDate, g.Dates, g.Clear, g.Back, g.Forward, g.NextPane, g.PrevPane, g.Help, g.Close, g.Quit, g.ForceQuit}},
		{"Move and scroll", []key.Binding{s.Up, s.Down, s.PageUp, s.PageDown, s.HalfUp, s.HalfDown, s.Top, s.Bottom}},
		{"Timeline", []key.Binding{k.Timeline.Open, k.Timeline.Count}},
		{"Detail", []key.Binding{k.Detail.Back, k.Detail.Follow}},
		{"In a prompt", []key.Binding{q.Type, q.Apply, q.Cancel}},
		{"In a picker", []key.Binding{p.Type, p.Up, p.Down, p.Toggle, p.Apply, p.Cancel, p.Card}},
		{"Positions", []key.Binding{m.Up, m.Down, m.Left, m.Right, m.Top, m.Bottom, m.History, m.Earlier, m.Later, m.HideEmpty, m.Card}},
		{"A cell's history", []key.Binding{k.History.Jump, k.History.Back}},
		{"Actor card", []key.Binding{k.Card.ShowItems}},
		{"Work with it", []key.Binding{k.Work.Yank, k.Work.Open, k.Work.Edit, k.Work.Info, k.Work.Export}},
		{"Copy: y then", []key.Binding{k.Copy.ID, k.Copy.Quote, k.Copy.URL, k.Copy.Markdown, k.Copy.Command}},
	}
}

// DefaultKeyMap is the key map dateline ships with.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	up := func() key.Binding { return b([]string{"up", "k"}, "↑/k", "up") }
	down := func() key.Binding { return b([]string{"down", "j"}, "↓/j", "down") }
	top := func() key.Binding { return b([]string{"g", "home"}, "g/home", "first") }
	bottom := func() key.Binding { return b([]string{"G", "end"}, "G/end", "last") }
	// typing is help only: in pickers and search, letters are text.
	typing := func() key.Binding { return key.NewBinding(key.WithKeys(), key.WithHelp("letters", "type to narrow")) }
	apply := func() key.Binding { return b([]string{"enter"}, "enter", "apply") }
	cancel := func() key.Binding { return b([]string{"esc"}, "esc", "cancel") }
	return KeyMap{
		Global: GlobalKeys{
			Search:      b([]string{"/"}, "/", "find"),
			NextMatch:   b([]string{"n"}, "n", "next match"),
			PrevMatch:   b([]string{"N"}, "N", "previous match"),
			KeepMatches: b([]string{"&"}, "&", "keep only matches"),
			Actors:      b([]string{"a"}, "a", "actors"),
			Topics:      b([]string{"t"}, "t", "topics"),
			Positions:   b([]string{"p"}, "p", "positions"),
			GoToDate:    b([]string{"@"}, "@", "go to date"),
			Dates:       b([]string{"d"}, "d", "date range"),
			Clear:       b([]string{"c"}, "c", "clear filters"),
			// Terminals send ctrl+i as tab, which changes pane; ctrl+i
			// also works where the terminal tells them apart.
			Back:      b([]string{"ctrl+o"}, "ctrl+o", "jump back"),
			Forward:   b([]string{"ctrl+n", "ctrl+i"}, "ctrl+n", "jump forward"),
			NextPane:  b([]string{"tab"}, "tab", "next pane"),
			PrevPane:  b([]string{"shift+tab"}, "shift+tab", "previous pane"),
			Help:      b([]string{"?"}, "?", "help"),
			Close:     b([]string{"esc", "q"}, "esc/q", "close"),
			Quit:      b([]string{"q"}, "q", "quit"),
			ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		},
		Scroll: ScrollKeys{
			Up:       up(),
			Down:     down(),
			PageUp:   b([]string{"pgup", "b", "ctrl+b"}, "pgup/b", "page up"),
			PageDown: b([]string{"pgdown", "space", "f", "ctrl+f"}, "pgdn/space/f", "page down"),
			HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
			HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
			Top:      top(),
			Bottom:   bottom(),
		},
		Timeline: TimelineKeys{
			Open:  b([]string{"enter", "right", "l"}, "enter/→", "details"),
			Count: b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}, "1-9", "count: 5j, 12G"),
		},
		Detail: DetailKeys{
			Back:   b([]string{"esc", "left", "h"}, "esc/←", "back"),
			Follow: b([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "follow link [n]"),
		},
		Search: SearchKeys{Type: typing(), Apply: apply(), Cancel: cancel()},
		Picker: PickerKeys{
			Type:   typing(),
			Up:     b([]string{"up", "ctrl+p"}, "↑", "up"),
			Down:   b([]string{"down", "ctrl+n"}, "↓", "down"),
			Toggle: b([]string{"space", "tab"}, "space/tab", "toggle"),
			Apply:  apply(),
			Cancel: cancel(),
			Card:   b([]string{"ctrl+o"}, "ctrl+o", "actor card"),
		},
		Positions: PositionsKeys{
			Up:        up(),
			Down:      down(),
			Left:      b([]string{"left", "h"}, "←/h", "left"),
			Right:     b([]string{"right", "l"}, "→/l", "right"),
			Top:       top(),
			Bottom:    bottom(),
			History:   b([]string{"enter"}, "enter", "history"),
			Earlier:   b([]string{"<"}, "<", "previous change"),
			Later:     b([]string{">"}, ">", "next change"),
			HideEmpty: b([]string{"e"}, "e", "hide/show empty rows"),
			Card:      b([]string{"i"}, "i", "actor card"),
		},
		History: HistoryKeys{
			Jump: b([]string{"enter"}, "enter", "go to evidence"),
			Back: b([]string{"esc", "backspace"}, "esc", "back to the grid"),
		},
		Card: CardKeys{ShowItems: b([]string{"enter"}, "enter", "show their items")},
		Work: WorkKeys{
			Yank:   b([]string{"y"}, "y", "copy… (a cell in positions)"),
			Open:   b([]string{"o"}, "o", "open source in browser"),
			Edit:   b([]string{"e"}, "e", "edit the item's file"),
			Info:   b([]string{"i"}, "i", "about this story"),
			Export: b([]string{"x"}, "x", "export this view"),
		},
		Copy: CopyKeys{
			ID:       b([]string{"i"}, "i", "id"),
			Quote:    b([]string{"q"}, "q", "quote with citation"),
			URL:      b([]string{"u"}, "u", "source URL"),
			Markdown: b([]string{"m"}, "m", "item as Markdown"),
			Command:  b([]string{"c"}, "c", "list command for this view"),
		},
	}
}

// moveBy turns a movement key into a number of rows for a pane of height
// rows: a line, a page, half a page, or to either end (as far as math
// allows; the pane clamps it). ok is false for other keys.
func (k ScrollKeys) moveBy(msg tea.KeyPressMsg, height int) (rows int, ok bool) {
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
