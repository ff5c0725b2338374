package ui

// Links: the detail pane numbers each item the selected one refers to (the
// event a statement reacts to, the statements reacting to an event, the
// evidence of a speaker's positions), and 1 to 9 follow them.

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// linker numbers the references written into a docBuilder, from 1.
type linker struct{ links []int }

// ref writes a numbered reference to the item at pos, after mark.
func (l *linker) ref(b *docBuilder, ix *model.Index, pos int, mark string) {
	l.links = append(l.links, pos)
	num := b.st.Detail.Link.Render("[" + strconv.Itoa(len(l.links)) + "]")
	b.para(ix.Title(pos), func(s string) string { return b.st.Detail.Text.Render(s) }, mark+" "+num+" ")
}

// followMsg asks the app to follow link n of the detail pane, to the item
// at pos (-1 when there is no link n).
type followMsg struct{ n, pos int }

// followCmd is the command that follows link n of links.
func followCmd(links []int, n int) tea.Cmd {
	pos := -1
	if n >= 1 && n <= len(links) {
		pos = links[n-1]
	}
	return func() tea.Msg { return followMsg{n: n, pos: pos} }
}

// follow goes to a link's item, recording the jump, with the detail pane
// keeping the focus so that links can be followed on.
func (a *App) follow(msg followMsg) {
	if msg.pos < 0 {
		a.message, a.messageErr = "No link ["+strconv.Itoa(msg.n)+"] here", true
		return
	}
	a.recordJump()
	focus := a.focus
	a.jumpTo(msg.pos)
	a.setFocus(focus)
	if a.message == "" {
		a.message = "Followed [" + strconv.Itoa(msg.n) + "] to " + placeName(a.ix, msg.pos) + " · ctrl+o goes back"
	}
}

// evidence is the timeline positions of the evidence of the speaker's
// positions on the topics s takes a stance on, but s itself (at self).
func evidence(ix *model.Index, s *model.Statement, self int) []int {
	var out []int
	seen := map[int]bool{self: true}
	for _, ts := range s.Stances {
		for _, id := range ix.Position(s.Speaker, ts.Topic).Evidence {
			if p, ok := ix.Lookup(id); ok && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}
