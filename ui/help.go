package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// HelpPage is the ? overlay: every group of the key map with its full
// help, scrolled like the detail pane.
type HelpPage struct {
	st   *Styles
	keys KeyMap
	view scroller
}

// NewHelpPage makes the ? page for keys.
func NewHelpPage(st *Styles, keys KeyMap) HelpPage { return HelpPage{st: st, keys: keys} }

// SetSize implements component, and lays the page out for its width.
func (h *HelpPage) SetSize(w, height int) {
	h.view.SetSize(w, height)
	h.view.SetLines(helpLines(h.st, h.keys.Groups(), w))
}

// HelpKeys implements component.
func (h HelpPage) HelpKeys() []key.Binding {
	s := h.keys.Scroll
	return []key.Binding{s.Up, s.Down, h.keys.Global.Close, s.PageDown, s.PageUp, s.Top, s.Bottom}
}

// Title is the page's title: where the window is when the page does not
// fit, with ↓ while there is more below.
func (h HelpPage) Title() string {
	first, last, total := h.view.Window()
	if h.view.height <= 0 || total <= h.view.height {
		return "Keys"
	}
	title := fmt.Sprintf("Keys %d–%d of %d", first, last, total)
	if h.view.More() {
		title += " ↓"
	}
	return title
}

// Update implements component: scrolling, and drawing again in new styles.
func (h HelpPage) Update(msg tea.Msg) (HelpPage, tea.Cmd) {
	if _, ok := msg.(restyledMsg); ok {
		h.view.SetLines(helpLines(h.st, h.keys.Groups(), h.view.width))
		return h, nil
	}
	h.view.Update(h.keys.Scroll, msg)
	return h, nil
}

// View implements component.
func (h HelpPage) View() string { return h.view.View(h.st.Width) }

// helpLines draws the groups' full help as a key table, in two columns
// when there is room.
func helpLines(st *Styles, groups []KeyGroup, width int) []string {
	const keyW = 12
	var col []string
	for _, g := range groups {
		col = append(col, st.Detail.Section.Render(g.Title))
		for _, b := range g.Bindings {
			h := b.Help()
			col = append(col, st.Help.FullKey.Render(fitWidth(st.Width, h.Key, keyW))+st.Help.FullDesc.Render(h.Desc))
		}
		col = append(col, "")
	}
	colW := keyW + 22
	if width < 2*colW+2 {
		return trimTrailingBlank(st.Width, col, width)
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
