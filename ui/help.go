package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// helpGroups is every binding, grouped, for the help overlay. It reads the
// same KeyMap the program matches against.
func (k KeyMap) helpGroups() []struct {
	title string
	keys  []key.Binding
} {
	return []struct {
		title string
		keys  []key.Binding
	}{
		{"Move", []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}},
		{"Panes", []key.Binding{k.Open, k.Back, k.NextPane, k.PrevPane}},
		{"Find", []key.Binding{k.Search, k.NextMatch, k.PrevMatch, k.Actors, k.Topics, k.Clear}},
		{"In a picker", []key.Binding{k.Type, k.ListUp, k.ListDown, k.Toggle, k.Apply, k.Cancel, k.PickerCard}},
		{"In a search", []key.Binding{k.Type, k.Apply, k.Cancel}},
		{"Positions", []key.Binding{k.Positions, k.Up, k.Down, k.Left, k.Right, k.Jump, k.Card}},
		{"Actor card", []key.Binding{k.ShowItems, k.Close}},
		{"General", []key.Binding{k.Help, k.Close, k.Quit, k.ForceQuit}},
	}
}

// helpLines draws the key table, in two columns when there is room.
func helpLines(st *Styles, k KeyMap, width int) []string {
	const keyW = 12
	var col []string
	for _, g := range k.helpGroups() {
		col = append(col, st.Detail.Section.Render(g.title))
		for _, b := range g.keys {
			h := b.Help()
			col = append(col, st.Help.FullKey.Render(fitWidth(st.Width, h.Key, keyW))+st.Help.FullDesc.Render(h.Desc))
		}
		col = append(col, "")
	}
	colW := keyW + 22
	if width < 2*colW+2 {
		return col
	}
	// Two columns, split at a group boundary near the middle.
	half := len(col) / 2
	for half < len(col) && col[half] != "" {
		half++
	}
	left, right := col[:half+1], col[half+1:]
	var out []string
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, fitWidth(st.Width, l, colW+2)+r)
	}
	return trimTrailingBlank(st.Width, out, width)
}

func trimTrailingBlank(m ansi.Method, lines []string, width int) []string {
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = truncate(m, l, width, "…")
	}
	return lines
}
