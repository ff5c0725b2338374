package cli

// The explorer's hooks into files: exporting the view (x), finding where
// an item came from and loading the story again after an edit (e).

import (
	"errors"
	"io"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/formats"
	"github.com/dateline/dateline/model/timelinejs"
	"github.com/dateline/dateline/ui"
)

// writeStory writes ix's rows in one of export's formats (yaml, json,
// timelinejs) or list's (csv, markdown and the rest).
func writeStory(w io.Writer, format string, ix *model.Index, rows []int32) (startless []string, err error) {
	switch format {
	case "timelinejs":
		return timelinejs.Export(w, ix, rows) // the rows of this index: no second one
	case "yaml":
		return nil, model.WriteYAML(w, ix.Subset(rows))
	case "json":
		return nil, model.WriteJSON(w, ix.Subset(rows))
	}
	return nil, writeList(w, ix, rows, format)
}

// exportView is the explorer's Export hook: the same checks and atomic
// writer as `dateline export -o`, with ui.ErrExists for a file that is
// there unless replace.
func exportView(path, format string, ix *model.Index, rows []int32, replace bool) error {
	target, err := checkTarget(path, replace)
	if err == nil {
		err = writeAtomic(target, replace, func(w io.Writer) error {
			_, err := writeStory(w, format, ix, rows) // the view's start-less items are written all the same
			return err
		})
	}
	if errors.As(err, new(existsError)) {
		return ui.ErrExists // there before, or appeared while we wrote
	}
	return err
}

// fileHooks are the explorer's hooks for the story read from paths; again
// reads them once more, as the first load did.
func fileHooks(paths []string, from formats.Options, fromFlag string, again func() (*model.Index, error)) ui.Hooks {
	h := ui.Hooks{Files: paths, From: fromFlag, Export: exportView}
	if len(paths) == 0 {
		return h
	}
	h.Locate = func(id string) (string, int, error) { return formats.Locate(paths, from.From, id) }
	h.LoadAgain = again
	return h
}
