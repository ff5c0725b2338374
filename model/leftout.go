package model

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/internal/window"
)

// LeftOut is what a lean load left out of its story: the events whose
// summaries it did not keep, each with where it can be read back in the
// file, in the events' order (which is the file's). The loaders fill it
// (Add) and hand it to the story (Give); Index.Refill then reads back
// those asked for.
type LeftOut struct {
	// ForGood says nothing will be read back (validate, count): places
	// are not kept, and asking for them is an error.
	ForGood bool
	places  []Place
	done    []bool // places read back already
	any     bool
}

// Place is where a left-out event can be read back: its line or row, at
// byte At of the file, Len bytes long (0: to the end of its line).
type Place struct {
	Event int32
	Len   int32
	At    int64
}

// Add notes an event left out; places come in the events' order.
func (l *LeftOut) Add(p Place) {
	l.any = true
	if !l.ForGood {
		l.places = append(l.places, p)
	}
}

// Grow makes room for n more places, when the loader knows about how many
// events it will leave out, so that the list is not copied as it grows.
func (l *LeftOut) Grow(n int) {
	if !l.ForGood && cap(l.places)-len(l.places) < n {
		places := huge.Slice[Place](len(l.places), len(l.places)+n)
		copy(places, l.places)
		l.places = places
	}
}

// A PlaceReader reads the summary at one place back into its event.
// Each goroutine of a refill makes its own (see Give), with what it
// reuses from place to place.
type PlaceReader func(w *window.Reader, p Place) error

// Give gives s its refill (Index.Refill) when anything was left out: it
// reads back the places of the events asked for, in the file's order,
// each half of them on its own goroutine with its own look at the file
// (open) and its own PlaceReader (newReader). Those read are not read
// again.
func (l *LeftOut) Give(s *Story, name string, open func() (ReaderAtCloser, error), newReader func() PlaceReader) {
	switch {
	case !l.any:
	case l.ForGood:
		s.refill = func([]int32) error {
			return errors.New(name + ": the summaries were left out for good by a load that was not to write them")
		}
	default:
		l.done = make([]bool, len(l.places))
		s.refill = func(events []int32) error { return l.refill(name, events, open, newReader) }
	}
}

func (l *LeftOut) refill(name string, events []int32, open func() (ReaderAtCloser, error), newReader func() PlaceReader) error {
	var todo []int // indexes in places
	for _, ev := range events {
		i, ok := slices.BinarySearchFunc(l.places, ev, func(p Place, ev int32) int { return cmp.Compare(p.Event, ev) })
		if ok && !l.done[i] {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	slices.Sort(todo) // the file's order: each window moves on only
	todo = slices.Compact(todo)
	half := len(todo) / 2
	var errs [2]error
	var wg sync.WaitGroup
	for h, part := range [2][]int{todo[:half], todo[half:]} {
		wg.Go(func() { errs[h] = l.read(name, part, open, newReader) })
	}
	wg.Wait()
	if err := cmp.Or(errs[0], errs[1]); err != nil {
		return err
	}
	for _, i := range todo {
		l.done[i] = true
	}
	return nil
}

// CannotReadAgain is the error of a refill that cannot open the file
// named name again.
func CannotReadAgain(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: cannot read the summaries again: the file was moved or removed while the command ran; run the command again", name)
	}
	return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
}

// read reads back the places part indexes, in order, from one look at the
// file.
func (l *LeftOut) read(name string, part []int, open func() (ReaderAtCloser, error), newReader func() PlaceReader) error {
	if len(part) == 0 {
		return nil
	}
	f, err := open()
	if err != nil {
		return CannotReadAgain(name, err)
	}
	defer f.Close()
	w := window.Reader{R: f}
	read := newReader()
	for _, i := range part {
		if err := read(&w, l.places[i]); err != nil {
			return err
		}
	}
	return nil
}
