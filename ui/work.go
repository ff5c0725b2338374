package ui

// Working with what was found: the keys that act on the selected item or
// the view (copy, open, edit, the story's page, export), the hooks the
// command line gives them, and the word for a key the explorer does not
// know.

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// Hooks are what the explorer needs from the command line to work with
// files, which the ui never opens itself. Each runs in a tea.Cmd, never in
// Update; a nil hook makes its key say it is not available.
type Hooks struct {
	// Files are the story's files as the command line named them; none
	// for the built-in story.
	Files []string
	// From is the --from format the files were read as ("" to detect).
	From string
	// Export writes ix's rows to path in one of ExportFormats, whole or
	// not at all; it returns ErrExists when path exists and not replace.
	Export func(path, format string, ix *model.Index, rows []int32, replace bool) error
	// Locate finds the file and 1-based line the item with id came from.
	Locate func(id string) (file string, line int, err error)
	// LoadAgain loads the story's files again, as --watch does after a save.
	LoadAgain func() (*model.Index, error)
}

// workState is what the work keys remember between keys.
type workState struct {
	yanking bool            // y was pressed: the next key says what to copy
	told    map[string]bool // unknown keys already reported, each once
	export  exportState     // exportview.go
}

// handleWorkKey takes the keys of work.go in the timeline and the detail
// pane: the letter after y, the work keys, and a key nothing knows. ok is
// false when the key is someone else's.
func (a *App) handleWorkKey(k tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	if a.work.yanking {
		return a.yank(k), true
	}
	w := a.keys.Work
	switch {
	case key.Matches(k, w.Yank):
		a.work.yanking = true
		c := a.keys.Copy
		a.message = "Copy: " + joinNotes(c.ID.Help().Key+" id", c.Quote.Help().Key+" quote", c.URL.Help().Key+" URL",
			c.Markdown.Help().Key+" Markdown", c.Command.Help().Key+" list command")
		return nil, true
	case key.Matches(k, w.Open):
		return a.openSource(), true
	case key.Matches(k, w.Edit):
		return a.editItem(), true
	case key.Matches(k, w.Info):
		a.openInfo()
		return nil, true
	case key.Matches(k, w.Export):
		return a.startExport(), true
	}
	if !a.knownKey(k) {
		a.unknownKey(k)
		return nil, true
	}
	return nil, false
}

// knownKey reports whether any binding of the timeline or detail pane's
// contexts takes k.
func (a *App) knownKey(k tea.KeyPressMsg) bool {
	known := a.known.timeline
	if a.focus == focusDetail {
		known = a.known.detail
	}
	return key.Matches(k, known...)
}

// paneKeys are the bindings that the timeline's and the detail pane's
// contexts take, worked out once a key map, not on every key.
type paneKeys struct{ timeline, detail []key.Binding }

func newPaneKeys(k KeyMap) paneKeys {
	var shared []key.Binding
	for _, g := range []any{k.Global, k.Scroll, k.Work} {
		shared = append(shared, bindingsOf(g)...)
	}
	return paneKeys{
		timeline: append(slices.Clip(shared), bindingsOf(k.Timeline)...),
		detail:   append(slices.Clip(shared), bindingsOf(k.Detail)...),
	}
}

// unknownKey says, once per key, that the explorer does not know it and
// which key shows the ones it does.
func (a *App) unknownKey(k tea.KeyPressMsg) {
	name := k.String()
	if a.work.told == nil {
		a.work.told = map[string]bool{}
	}
	if a.work.told[name] || name == "" {
		return
	}
	a.work.told[name] = true
	a.message = text.CleanLine(name) + " is not a key here · " + a.keys.Global.Help.Help().Key + " shows the keys"
}

// routeWork takes the messages of work.go's commands; ok is false for
// others.
func (a *App) routeWork(msg tea.Msg) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case openedMsg:
		a.opened(msg)
	case locatedMsg:
		return a.located(msg), true
	case editedMsg:
		return a.edited(msg), true
	case editReloadMsg:
		return a.editReloaded(msg), true
	case exportedMsg:
		return a.exported(msg), true
	default:
		return nil, false
	}
	return nil, true
}

// withOptions gives the app the command line's hooks and settings.
func (a App) withOptions(o Options) App {
	a.hooks = o.Hooks
	if o.Keys != nil {
		a.keys = *o.Keys // the ? page is made from them when it opens
		a.known = newPaneKeys(a.keys)
	}
	a.theme = o.Theme
	a.applyTheme()
	return a
}

// selectedItem is the selected item's position, or a message saying
// there is none.
func (a *App) selectedItem() (int, bool) {
	pos, ok := a.timeline.Selected()
	if !ok {
		a.message, a.messageErr = "Nothing is selected", true
	}
	return pos, ok
}
