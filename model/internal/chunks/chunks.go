// Package chunks writes long outputs chunk by chunk, encoded on every
// processor and written in order, for the list and export writers.
package chunks

import (
	"io"
	"runtime"
)

// Rows is how many rows a writer encodes at a time.
const Rows = 2048

// Write writes rows 0 to n, encoded by encode (which appends rows lo
// to hi to dst and returns it), to w in order: chunk by chunk, encoded on
// every processor while earlier chunks are written. Memory holds a few
// chunks, whatever n is. It stops at the first write error.
func Write(w io.Writer, n int, encode func(dst []byte, lo, hi int) []byte) error {
	workers := runtime.GOMAXPROCS(0)
	if n <= 2*Rows || workers < 2 {
		var buf []byte
		for lo := 0; lo < n; lo += Rows {
			buf = encode(buf[:0], lo, min(n, lo+Rows))
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}
	// Each chunk's result comes on its own channel; the channels queue in
	// order, and the queue's length bounds the chunks in flight.
	queue := make(chan chan []byte, 2*workers)
	free := make(chan []byte, 3*workers)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(queue)
		for lo := 0; lo < n; lo += Rows {
			done := make(chan []byte, 1)
			select {
			case queue <- done:
			case <-stop:
				return
			}
			var buf []byte
			select {
			case buf = <-free:
			default:
			}
			go func() { done <- encode(buf[:0], lo, min(n, lo+Rows)) }()
		}
	}()
	for done := range queue {
		buf := <-done
		if _, err := w.Write(buf); err != nil {
			return err
		}
		select {
		case free <- buf:
		default:
		}
	}
	return nil
}
