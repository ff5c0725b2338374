package model

import (
	"cmp"
	"fmt"
	"io"
	"sync"
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

// refillNDJSON fetches back the summaries a lean LoadNDJSON left out (of
// the events marked in dropped, whose lines start where at says): it reads
// the lines of the events asked for again, from the file open opens, in
// the file's order, and decodes them as the load did, each half of them on
// its own processor.
func refillNDJSON(name string, s *Story, at []dropAt, dropped []uint64, open func() (ReaderAtCloser, error)) func([]int32) error {
	isDropped := func(ev int32) bool { return int(ev/64) < len(dropped) && dropped[ev/64]&(1<<(ev%64)) != 0 }
	return func(events []int32) error {
		want := make([]uint64, len(dropped))
		for _, ev := range events {
			if isDropped(ev) {
				want[ev/64] |= 1 << (ev % 64)
			}
		}
		var todo []dropAt // in the file's order
		for _, d := range at {
			if want[d.event/64]&(1<<(d.event%64)) != 0 {
				todo = append(todo, d)
			}
		}
		if len(todo) == 0 {
			return nil
		}
		// Each half of the lines on its own processor, from its own look
		// at the file.
		half := len(todo) / 2
		var errs [2]error
		var wg sync.WaitGroup
		for h, part := range [2][]dropAt{todo[:half], todo[half:]} {
			wg.Go(func() { errs[h] = refillLines(name, s, part, open) })
		}
		wg.Wait()
		if err := cmp.Or(errs[0], errs[1]); err != nil {
			return err
		}
		for _, d := range todo {
			dropped[d.event/64] &^= 1 << (d.event % 64) // read back: not again
		}
		return nil
	}
}

// refillLines reads the summaries of the events of todo back from their
// lines.
func refillLines(name string, s *Story, todo []dropAt, open func() (ReaderAtCloser, error)) error {
	if len(todo) == 0 {
		return nil
	}
	f, err := open()
	if err != nil {
		return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
	}
	defer f.Close()
	w := window.Reader{R: f}
	jr := newJSONReader(nil)
	var part Story
	for _, d := range todo {
		ev := d.event
		line, err := w.Line(d.at)
		if err == io.ErrUnexpectedEOF {
			return changed(name, s.Events[ev].ID, d.at)
		}
		if err != nil {
			return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
		}
		if !utf8.Valid(line) { // it was when it was loaded
			return changed(name, s.Events[ev].ID, d.at)
		}
		part = Story{Events: part.Events[:0]}
		kind, idx, ok := fastLine(jr, &part, line)
		if !ok || kind != kindEvent || part.Events[idx].ID != s.Events[ev].ID {
			return changed(name, s.Events[ev].ID, d.at)
		}
		s.Events[ev].Summary = part.Events[idx].Summary
	}
	return nil
}

// changed is the error for a file that no longer holds an event where the
// load found it.
func changed(name, id string, at int64) error {
	return fmt.Errorf("%s: the file changed while it was read: the event %q is no longer at byte %d; run the command again", name, text.CleanLine(id), at)
}
