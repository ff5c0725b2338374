package acled

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/window"
	"github.com/dateline/dateline/model/text"
)

// ImportLean is Import for a lean load (see model.KeepSummaries): the
// events' summaries that keep refuses are left out, and the story fetches
// them back through open, which opens the file again, by their rows'
// places in it. With open nil they are left out for good (validate,
// count), and nothing is kept of where they were.
func ImportLean(name string, r io.Reader, keep func(string) bool, open func() (model.ReaderAtCloser, error)) (*model.Story, model.Problems, error) {
	lean := &importer{keep: keep, left: &model.LeftOut{ForGood: open == nil}}
	s, warns, err := importWith(name, r, lean)
	if err == nil {
		lean.left.Give(s, name, open, lean.summaries(name, s))
	}
	return s, warns, err
}

// summaries makes the PlaceReaders of a lean import's refill: each reads
// the row at a place again and makes its event's summary as the import
// did, once it has checked the row still makes the event's title.
func (im *importer) summaries(name string, s *model.Story) func() model.PlaceReader {
	return func() model.PlaceReader {
		br := bufio.NewReaderSize(bytes.NewReader(nil), 64<<10)
		rr := newRowReader(br)
		again := &importer{col: im.col}
		return func(w *window.Reader, p model.Place) error {
			row, err := w.Range(p.At, p.At+int64(p.Len))
			if err != nil {
				return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
			}
			br.Reset(bytes.NewReader(row))
			_, _ = br.Peek(min(len(row), br.Size())) // the row in the buffer, for the fast parse
			rec, err := rr.Read()
			e := &s.Events[p.Event]
			if err == nil {
				title := again.title(rec)
				again.arena.Truncate(again.arena.Len() - len(title)) // compared, not kept
				if title != e.Title {
					err = errChanged
				}
			}
			if err != nil {
				return fmt.Errorf("%s: the file changed while it was read: the event %q is no longer where it was; run the command again", name, text.CleanLine(e.ID))
			}
			e.Summary = again.rowSummary(rec)
			return nil
		}
	}
}

// errChanged is a row that no longer makes its event.
var errChanged = errors.New("changed")
