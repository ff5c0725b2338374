package model

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/dateline/dateline/model/internal/window"
	"github.com/dateline/dateline/model/text"
)

// ReaderAtCloser is a file opened again, for a lean load to read back what
// it left out.
type ReaderAtCloser interface {
	io.ReaderAt
	io.Closer
}

// ndjsonSummaries makes the PlaceReaders of a lean LoadNDJSON's refill:
// each decodes the line at a place as the load did, and takes its
// summary, once it has checked the line still holds the event.
func ndjsonSummaries(name string, s *Story) func() PlaceReader {
	return func() PlaceReader {
		jr := newJSONReader(nil)
		var part Story
		return func(w *window.Reader, p Place) error {
			ev := p.Event
			line, err := w.Line(p.At)
			if err == io.ErrUnexpectedEOF {
				return changed(name, s.Events[ev].ID, p.At)
			}
			if err != nil {
				return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
			}
			if !utf8.Valid(line) { // it was when it was loaded
				return changed(name, s.Events[ev].ID, p.At)
			}
			part = Story{Events: part.Events[:0]}
			kind, idx, ok := fastLine(jr, &part, line)
			if !ok || kind != kindEvent || part.Events[idx].ID != s.Events[ev].ID {
				return changed(name, s.Events[ev].ID, p.At)
			}
			s.Events[ev].Summary = part.Events[idx].Summary
			return nil
		}
	}
}

// changed is the error for a file that no longer holds an event where the
// load found it.
func changed(name, id string, at int64) error {
	return fmt.Errorf("%s: the file changed while it was read: the event %q is no longer at byte %d; run the command again", name, text.CleanLine(id), at)
}
