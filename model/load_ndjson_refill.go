package model

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/dateline/dateline/model/text"
)

// refillNDJSON fetches back the summaries a lean LoadNDJSON left out (of
// the events marked in dropped): it reads the file again from open and
// decodes the lines of the events asked for (lines holds each event's
// line), as the load did.
func refillNDJSON(name string, s *Story, lines []int32, dropped []uint64, open func() (io.ReadCloser, error)) func([]int32) error {
	return func(events []int32) error {
		if len(lines) != len(s.Events) {
			return fmt.Errorf("%s: the summaries left out cannot be read again (%d lines for %d events)", name, len(lines), len(s.Events))
		}
		want := make([][2]int32, 0, len(events)) // line, event
		for _, ev := range events {
			if int(ev/64) < len(dropped) && dropped[ev/64]&(1<<(ev%64)) != 0 {
				want = append(want, [2]int32{lines[ev], ev})
			}
		}
		if len(want) == 0 {
			return nil
		}
		slices.SortFunc(want, func(a, b [2]int32) int { return int(a[0] - b[0]) })
		f, err := open()
		if err != nil {
			return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
		}
		defer f.Close()
		br := bufio.NewReaderSize(f, 1<<20)
		jr := newJSONReader(nil)
		var part Story
		var long []byte // a line longer than the buffer
		n := int32(0)
		for _, w := range want {
			var line []byte
			for n < w[0] {
				b, err := br.ReadSlice('\n')
				if errors.Is(err, bufio.ErrBufferFull) {
					long = append(long[:0], b...)
					for errors.Is(err, bufio.ErrBufferFull) {
						b, err = br.ReadSlice('\n')
						long = append(long, b...)
					}
					b = long
				}
				if err != nil && (err != io.EOF || len(b) == 0) {
					if err == io.EOF {
						return changed(name, s.Events[w[1]].ID, w[0])
					}
					return fmt.Errorf("%s: cannot read the summaries again: %w", name, err)
				}
				n++
				line = b
			}
			line = bytes.TrimSuffix(line, []byte("\n"))
			if !utf8.Valid(line) {
				line, _ = replaceInvalidUTF8(name, line)
			}
			part = Story{Events: part.Events[:0]}
			kind, idx, ok := fastLine(jr, &part, line)
			if !ok || kind != kindEvent || part.Events[idx].ID != s.Events[w[1]].ID {
				return changed(name, s.Events[w[1]].ID, w[0])
			}
			s.Events[w[1]].Summary = part.Events[idx].Summary
			dropped[w[1]/64] &^= 1 << (w[1] % 64) // read back: not again
		}
		return nil
	}
}

// changed is the error for a file that no longer holds an event where the
// load found it.
func changed(name, id string, line int32) error {
	return fmt.Errorf("%s:%d: the file changed while it was read: the line no longer holds the event %q; run the command again", name, line, text.CleanLine(id))
}
