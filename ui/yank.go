package ui

// Copying through the terminal (OSC 52, so it works over SSH and in tmux):
// y then a letter, and y on a cell of the positions matrix.

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model/report"
	"github.com/dateline/dateline/model/text"
)

// yank copies what the letter after y names.
func (a *App) yank(k tea.KeyPressMsg) tea.Cmd {
	a.work.yanking = false
	c := a.keys.Copy
	if key.Matches(k, c.Command) {
		return a.copy(a.listCommand(), "the list command for this view")
	}
	if !key.Matches(k, c.ID, c.Quote, c.URL, c.Markdown) {
		a.message = "Nothing copied"
		return nil
	}
	pos, ok := a.selectedItem()
	if !ok {
		return nil
	}
	it := a.ix.At(pos)
	switch {
	case key.Matches(k, c.ID):
		return a.copy(it.ID(), "id "+it.ID())
	case key.Matches(k, c.Quote):
		return a.copy(report.QuoteMarkdown(a.ix, pos), "the quote with its citation")
	case key.Matches(k, c.URL):
		u := report.ItemURL(a.ix, it)
		if u == "" {
			a.message, a.messageErr = "Nothing copied: this item cites no source with an address", true
			return nil
		}
		return a.copy(u, u)
	}
	return a.copy(report.ItemMarkdown(a.ix, pos), "the item as Markdown")
}

// yankCell copies the matrix's selected cell.
func (a *App) yankCell() tea.Cmd {
	actor, topic, ok := a.positions.Cell()
	if !ok {
		a.message = "Nothing to copy"
		return nil
	}
	title := topic
	if t, ok := a.ix.Topic(topic); ok {
		title = t.Title
	}
	return a.copy(report.CellMarkdown(a.ix, actor, topic), a.ix.ActorName(actor)+" on "+title)
}

// copy puts s on the clipboard and says what was copied.
func (a *App) copy(s, what string) tea.Cmd {
	a.message = "Copied " + text.CleanLine(what)
	return tea.SetClipboard(s)
}

// listCommand is the `dateline list` command line that prints the view:
// the files and every filter, quoted for a POSIX shell.
func (a *App) listCommand() string {
	args := []string{"dateline", "list"}
	if a.hooks.From != "" {
		args = append(args, "--from", a.hooks.From)
	}
	f := a.filter
	for _, id := range f.Actors {
		args = append(args, "--actor", id)
	}
	for _, id := range f.Topics {
		args = append(args, "--topic", id)
	}
	if f.Text != "" {
		args = append(args, "--search", f.Text)
	}
	if !f.Since.IsZero() {
		args = append(args, "--since", f.Since.String())
	}
	if !f.Until.IsZero() {
		args = append(args, "--until", f.Until.String())
	}
	for _, file := range a.hooks.Files {
		if strings.HasPrefix(file, "-") {
			args = append(args, "--")
			break
		}
	}
	args = append(args, a.hooks.Files...)
	for i, s := range args {
		args[i] = shellQuote(s)
	}
	return strings.Join(args, " ")
}

// shellQuote quotes s for a POSIX shell where it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
