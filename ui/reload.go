package ui

// Following a story's file: the Reloader, and swapping in a new version.

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// Reloader blocks until the story's file changes, then returns the story
// loaded again, or the problems that stop it loading. The app calls it in
// a command, again after every answer, so I/O never runs in Update.
type Reloader func() (*model.Index, error)

// reloadMsg carries a Reloader's answer.
type reloadMsg struct {
	ix  *model.Index
	err error
}

func (a App) waitReload() tea.Cmd {
	if a.reload == nil {
		return nil
	}
	r := a.reload
	return func() tea.Msg {
		ix, err := r()
		return reloadMsg{ix, err}
	}
}

// WithReloader makes the app watch its story: each answer of r replaces the
// story, keeping the selection and filters; a broken save keeps the last
// good story on screen with the problems in the status bar.
func (a App) WithReloader(r Reloader) App {
	a.reload = r
	return a
}

// swapStory shows a new version of the story, keeping the selected item,
// the filters that still make sense, and the open overlay's place. An
// item the user chose that is missing from this version (a save in two
// steps) is selected again when a later version has it.
func (a *App) swapStory(ix *model.Index) {
	selected := ""
	if pos, ok := a.timeline.Selected(); ok {
		selected = a.ix.At(pos).ID()
	}
	keep := func(ids []string, known func(string) bool) []string {
		var out []string
		for _, id := range ids {
			if known(id) {
				out = append(out, id)
			}
		}
		return out
	}
	a.filter.Actors = keep(a.filter.Actors, func(id string) bool { _, ok := ix.Actor(id); return ok })
	a.filter.Topics = keep(a.filter.Topics, func(id string) bool { _, ok := ix.Topic(id); return ok })
	if a.overlay == overlayActors || a.overlay == overlayTopics || a.overlay == overlayCard {
		a.overlay = overlayNone
	}
	a.adopt(ix) // selects the item the user chose, if this version has it
	if pos, ok := ix.Lookup(selected); ok && !a.reselect() {
		a.timeline.Select(pos)
		a.showDetail()
	}
}

// oneLine is a message of one or more lines as one line, cleaned, its
// lines apart with " · ": the status bar shows as much as fits. (Only the
// first line was shown, which is just the start of a name with a newline.)
func oneLine(s string) string {
	s = clipText(strings.ReplaceAll(s, "\r\n", "\n"), 4<<10)
	return text.CleanLine(strings.ReplaceAll(strings.TrimSpace(s), "\n", " · "))
}
