package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"syscall"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// output is standard output as every command sees it: buffered, and
// keeping the first write error, so that no command can lose one (a full
// disk, a closed pipe) and exit 0 with its output cut short.
type output struct {
	w   io.Writer
	buf *bufio.Writer
	err error
}

func newOutput(w io.Writer) *output {
	o := &output{w: w}
	o.buf = bufio.NewWriterSize(errorKeeper{o}, 64<<10)
	return o
}

// Write implements io.Writer.
func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	return o.buf.Write(p)
}

// Flush writes what is buffered and returns the first write error there
// has been.
func (o *output) Flush() error {
	if o.err == nil {
		_ = o.buf.Flush()
	}
	return o.err
}

// errorKeeper writes through to the real output and keeps its first error.
type errorKeeper struct{ o *output }

func (k errorKeeper) Write(p []byte) (int, error) {
	n, err := k.o.w.Write(p)
	if err != nil && k.o.err == nil {
		k.o.err = err
	}
	return n, err
}

// writeFailed reports a failed write to standard output and returns exit 1.
// A closed pipe (dateline list | head) is the reader's choice, not a
// failure worth a message.
func writeFailed(err error, stderr io.Writer) int {
	if !errors.Is(err, syscall.EPIPE) {
		fmt.Fprintln(stderr, text.Clean("dateline: cannot write the output: "+model.UnwrapPathError(err).Error()+
			"; nothing was written past that point"))
	}
	return ExitData
}
