package acled

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

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
	lean := &importer{keep: keep, forGood: open == nil}
	s, warns, err := importWith(name, r, lean)
	switch {
	case err != nil || !lean.anyDropped:
	case open == nil:
		s.SetRefill(model.LeftForGood(name))
	default:
		s.SetRefill(lean.refill(name, s, open))
	}
	return s, warns, err
}

// markDropped marks event i as one whose summary a lean load left out.
func (im *importer) markDropped(i int) {
	im.anyDropped = true
	if im.forGood {
		return
	}
	for len(im.dropped) <= i/64 {
		im.dropped = append(im.dropped, 0)
	}
	im.dropped[i/64] |= 1 << (i % 64)
}

func (im *importer) wasDropped(i int32) bool {
	return int(i/64) < len(im.dropped) && im.dropped[i/64]&(1<<(i%64)) != 0
}

// refill fetches back the summaries left out of the events asked for: it
// reads their rows again (each from where the row before it ended) and
// makes their summaries as the import did, checking that each row still
// makes its event's title.
func (im *importer) refill(name string, s *model.Story, open func() (model.ReaderAtCloser, error)) func([]int32) error {
	return func(events []int32) error {
		if len(im.ends) != len(s.Events) {
			return fmt.Errorf("%s: the summaries left out cannot be read again (%d rows for %d events)", name, len(im.ends), len(s.Events))
		}
		var want []int32
		for _, ev := range events {
			if im.wasDropped(ev) {
				want = append(want, ev)
			}
		}
		if len(want) == 0 {
			return nil
		}
		slices.Sort(want) // the file's order: the window moves on only
		// Each half of the rows on its own processor, from its own look at
		// the file.
		half := len(want) / 2
		var errs [2]error
		var wg sync.WaitGroup
		for h, part := range [2][]int32{want[:half], want[half:]} {
			wg.Go(func() { errs[h] = im.refillRows(name, s, part, open) })
		}
		wg.Wait()
		if err := cmp.Or(errs[0], errs[1]); err != nil {
			return err
		}
		for _, ev := range want {
			im.dropped[ev/64] &^= 1 << (ev % 64) // read back: not again
		}
		return nil
	}
}

// refillRows reads the summaries of the events want back from their rows.
func (im *importer) refillRows(name string, s *model.Story, want []int32, open func() (model.ReaderAtCloser, error)) error {
	if len(want) == 0 {
		return nil
	}
	f, err := open()
	if err != nil {
		return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
	}
	defer f.Close()
	w := window.Reader{R: f}
	br := bufio.NewReaderSize(bytes.NewReader(nil), 64<<10)
	rr := newRowReader(br)
	again := &importer{col: im.col}
	for _, ev := range want {
		start := im.headerEnd
		if ev > 0 {
			start = im.ends[ev-1]
		}
		row, err := w.Range(start, im.ends[ev])
		if err != nil {
			return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
		}
		br.Reset(bytes.NewReader(row))
		_, _ = br.Peek(min(len(row), br.Size())) // the row in the buffer, for the fast parse
		rec, err := rr.Read()
		e := &s.Events[ev]
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
	}
	return nil
}

// errChanged is a row that no longer makes its event.
var errChanged = errors.New("changed")
