package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The actors and topics pickers and the positions matrix need the whole
// index. Pressed while it is still being built, their key is kept and
// taken once it is complete, as a key typed ahead is, rather than refused;
// esc forgets it, and opening something else in between drops it.

// afterIndex is a key kept until the index is complete.
type afterIndex struct {
	key  tea.KeyPressMsg
	what string // what it opens, for the status bar
	on   bool
}

// waitForIndex keeps k, which opens what, until the index is complete.
func (a *App) waitForIndex(k tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	what := "the positions"
	switch {
	case key.Matches(k, g.Actors):
		what = "the actors"
	case key.Matches(k, g.Topics):
		what = "the topics"
	}
	a.after = afterIndex{key: k, what: what, on: true}
	// The index's background work goes on at full speed for someone who
	// waits for it, even while a find counts (model.Index.Wait);
	// indexedMsg presses the key.
	ix := a.ix
	return func() tea.Msg {
		ix.Wait()
		return nil
	}
}

// forgetWait drops the kept key, saying so when asked.
func (a *App) forgetWait(say bool) {
	if a.after.on && say {
		a.message = "Not opening " + a.after.what
	}
	a.after = afterIndex{}
}

// takeWait presses the kept key now that the index is complete, unless a
// prompt or an overlay has been opened meanwhile.
func (a *App) takeWait() tea.Cmd {
	k, on := a.after.key, a.after.on
	a.after = afterIndex{}
	if !on || a.prompt != promptNone || a.overlay != overlayNone {
		return nil
	}
	return a.handleKey(k)
}

// waitNote is what the status bar says of a kept key.
func (a *App) waitNote() string {
	if !a.after.on {
		return ""
	}
	return "indexing: " + a.after.what + " open when it is done, esc cancels"
}
