package ui

// Editing the story's file at the selected item: $VISUAL or $EDITOR opened
// as `EDITOR +LINE FILE` with the explorer suspended, and the story loaded
// again on return, as --watch does after a save.

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// locatedMsg is where the item to edit came from, and the editor to open.
type locatedMsg struct {
	file   string
	line   int
	editor []string
	err    error
}

// editedMsg says the editor has closed.
type editedMsg struct{ err error }

// editReloadMsg is the story loaded again after an edit.
type editReloadMsg struct {
	ix  *model.Index
	err error
}

// editItem finds the selected item's file and line, in a command.
func (a *App) editItem() tea.Cmd {
	if len(a.hooks.Files) == 0 {
		a.message, a.messageErr = "The built-in story is no file to edit: "+a.keys.Work.Export.Help().Key+" exports a copy (such as story.yaml), then run dateline --watch story.yaml", true
		return nil
	}
	if a.hooks.Locate == nil {
		a.message, a.messageErr = "Editing is not available here", true
		return nil
	}
	pos, ok := a.selectedItem()
	if !ok {
		return nil
	}
	id, locate := a.ix.At(pos).ID(), a.hooks.Locate
	return func() tea.Msg {
		file, line, err := locate(id)
		return locatedMsg{file: file, line: line, editor: editorCommand(), err: err}
	}
}

// editorCommand is $VISUAL, else $EDITOR, else vi, split into words.
func editorCommand() []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if argv := strings.Fields(os.Getenv(v)); len(argv) > 0 {
			return argv
		}
	}
	return []string{"vi"}
}

// located suspends the explorer and runs the editor at the item's line.
func (a *App) located(m locatedMsg) tea.Cmd {
	if m.err != nil {
		a.message, a.messageErr = "Cannot edit: "+oneLine(m.err.Error()), true
		return nil
	}
	args := append(m.editor[1:len(m.editor):len(m.editor)], "+"+strconv.Itoa(max(1, m.line)), m.file)
	a.message = fmt.Sprintf("Editing %s at line %d", text.CleanLine(m.file), m.line)
	return tea.ExecProcess(exec.Command(m.editor[0], args...), func(err error) tea.Msg { return editedMsg{err} })
}

// edited loads the story again once the editor has closed.
func (a *App) edited(m editedMsg) tea.Cmd {
	if m.err != nil {
		a.message, a.messageErr = "The editor failed: "+oneLine(m.err.Error()), true
	}
	load := a.hooks.LoadAgain
	if load == nil {
		return nil
	}
	return func() tea.Msg {
		ix, err := load()
		return editReloadMsg{ix, err}
	}
}

// editReloaded shows the story as saved, keeping the selection, or keeps
// the last good one with the problems in the status bar, as --watch does.
func (a *App) editReloaded(m editReloadMsg) tea.Cmd {
	if m.err != nil {
		a.banner = "Not reloaded, showing the last good version: " + oneLine(m.err.Error())
		a.message = ""
		return nil
	}
	a.banner = ""
	a.swapStory(m.ix)
	a.message = "Reloaded after editing"
	return prepareSearch(m.ix)
}
