package ui

// Exporting the current view (x): a file name, then a format (the default
// from the name's extension), then, for a file that exists, a yes before
// it is replaced. The writing is the command line's Export hook, the same
// whole-or-nothing writer as `dateline export`.

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model/text"
)

// ErrExists is the Export hook's answer for a file that exists when it
// was not asked to replace it.
var ErrExists = errors.New("the file exists")

// ExportFormats are the formats x writes: the native story as YAML or
// JSON, TimelineJS, and the list as CSV or Markdown.
var ExportFormats = []string{"yaml", "json", "timelinejs", "csv", "markdown"}

// FormatFor is the export format a file name's extension implies: yaml
// for .yaml or .yml and anything unknown, json, csv, markdown for .md.
func FormatFor(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return "json"
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "markdown"
	}
	return "yaml"
}

// The prompts of an export, after prompt.go's.
const (
	promptExportName promptKind = promptRange + 1 + iota
	promptExportFormat
	promptExportReplace
)

// exportState is the export being asked for.
type exportState struct{ path, format string }

// exportedMsg is how an export went.
type exportedMsg struct {
	path, format string
	n            int
	replace      bool
	err          error
}

// startExport asks for the file to write.
func (a *App) startExport() tea.Cmd {
	if a.hooks.Export == nil {
		a.message, a.messageErr = "Exporting is not available here", true
		return nil
	}
	return a.openPrompt(promptExportName, "")
}

// exportPrompt sets the prompt line for the export's questions; ok is
// false for other prompts.
func (a *App) exportPrompt(kind promptKind) bool {
	switch kind {
	case promptExportName:
		a.search.Prompt, a.search.Placeholder = "export this view to: ", "view.yaml, view.json, view.csv, view.md"
	case promptExportFormat:
		a.search.Prompt, a.search.Placeholder = "format ("+strings.Join(ExportFormats, ", ")+"): ", "yaml"
	case promptExportReplace:
		a.search.Prompt, a.search.Placeholder = text.CleanLine(a.work.export.path)+" exists. Replace it? (y/N) ", "n"
	default:
		return false
	}
	return true
}

// applyExportPrompt takes the answer to one of the export's questions.
func (a *App) applyExportPrompt(kind promptKind, typed string) tea.Cmd {
	typed = strings.TrimSpace(typed)
	ex := &a.work.export
	switch kind {
	case promptExportName:
		if typed == "" {
			a.message = "Not exported: no file named"
			return nil
		}
		ex.path = typed
		return a.openPrompt(promptExportFormat, FormatFor(typed))
	case promptExportFormat:
		f := strings.ToLower(typed)
		if f == "" {
			f = FormatFor(ex.path)
		}
		if f == "md" {
			f = "markdown"
		}
		if !slices.Contains(ExportFormats, f) {
			a.message, a.messageErr = fmt.Sprintf("Not exported: %q is not a format; use one of %s", text.CleanLine(typed), strings.Join(ExportFormats, ", ")), true
			return nil
		}
		ex.format = f
		return a.runExport(false)
	case promptExportReplace:
		if !strings.HasPrefix(strings.ToLower(typed), "y") {
			a.message = "Not exported: " + text.CleanLine(ex.path) + " is kept"
			return nil
		}
		return a.runExport(true)
	}
	return nil
}

// runExport writes what the filters keep, in a command.
func (a *App) runExport(replace bool) tea.Cmd {
	ex, ix, f, write := a.work.export, a.ix, a.filter, a.hooks.Export
	a.message = "Exporting to " + text.CleanLine(ex.path) + "…"
	return func() tea.Msg {
		rows := ix.Query(f)
		err := write(ex.path, ex.format, ix, rows, replace)
		return exportedMsg{path: ex.path, format: ex.format, n: len(rows), replace: replace, err: err}
	}
}

// exported says how the export went, or asks before replacing a file.
func (a *App) exported(m exportedMsg) tea.Cmd {
	switch {
	case errors.Is(m.err, ErrExists) && !m.replace:
		return a.openPrompt(promptExportReplace, "")
	case m.err != nil:
		a.message, a.messageErr = "Not exported: "+oneLine(m.err.Error()), true
		return nil
	}
	a.message = fmt.Sprintf("Exported %s %s to %s as %s", thousands(m.n), text.Plural(m.n, "item", "items"), text.CleanLine(m.path), m.format)
	return nil
}
