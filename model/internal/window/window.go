// Package window reads ranges and lines of a file, in ascending order,
// through a buffer of a few megabytes: a lean load's refill reads back the
// rows it needs with a handful of reads for a file's worth of them.
package window

import (
	"bytes"
	"io"
)

// Size is how much a read takes in at least.
const Size = 4 << 20

// Reader reads from R; its reads are cheapest in ascending order.
type Reader struct {
	R     io.ReaderAt
	buf   []byte
	start int64 // the offset of buf[0] in R
	eof   bool  // buf ends where R does
}

// Range is the bytes from offset from to offset to; valid until the next
// call.
func (w *Reader) Range(from, to int64) ([]byte, error) {
	if from < w.start || to > w.start+int64(len(w.buf)) {
		if err := w.fill(from, int(to-from)); err != nil {
			return nil, err
		}
		if to > w.start+int64(len(w.buf)) {
			return nil, io.ErrUnexpectedEOF
		}
	}
	return w.buf[from-w.start : to-w.start], nil
}

// Line is the line that starts at offset at, without its line break (the
// last line may have none); valid until the next call.
func (w *Reader) Line(at int64) ([]byte, error) {
	want := 0 // how much must be there past at
	for {
		if at >= w.start && at <= w.start+int64(len(w.buf)) {
			rest := w.buf[at-w.start:]
			if i := bytes.IndexByte(rest, '\n'); i >= 0 {
				return rest[:i], nil
			}
			if w.eof && at >= w.start {
				if len(rest) == 0 {
					return nil, io.ErrUnexpectedEOF
				}
				return rest, nil
			}
			want = max(want, 2*len(rest)) // a line longer than what is there
		}
		if err := w.fill(at, want); err != nil {
			return nil, err
		}
	}
}

// fill reads at least n bytes (Size at least) from offset from.
func (w *Reader) fill(from int64, n int) error {
	n = max(n, Size)
	if cap(w.buf) < n {
		w.buf = make([]byte, n)
	}
	w.buf = w.buf[:n]
	got, err := w.R.ReadAt(w.buf, from)
	if err != nil && err != io.EOF {
		return err
	}
	w.buf, w.start, w.eof = w.buf[:got], from, got < n
	return nil
}
