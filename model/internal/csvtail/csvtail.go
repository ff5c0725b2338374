// Package csvtail holds what the CSV importers (ACLED and the TimelineJS
// sheet) share to tell a file cut short from one that is merely untidy.
package csvtail

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// Problem reports encoding/csv's error at its line and column, with what
// to do about it.
func Problem(name string, err error) model.Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := "the CSV is malformed here: " + pe.Err.Error()
		switch {
		case errors.Is(pe.Err, csv.ErrBareQuote):
			msg += "; a field holding a quote must be quoted, with the quote doubled (\"say \"\"hi\"\"\")"
		case errors.Is(pe.Err, csv.ErrQuote):
			msg += fmt.Sprintf(" (in the field that starts on line %d); close the quoted field, and double any quote inside it", pe.StartLine)
		}
		return model.Problem{File: name, Line: pe.Line, Col: pe.Column, Msg: msg}
	}
	return model.Problem{File: name, Msg: "cannot read the CSV: " + text.CleanLine(err.Error())}
}

// Blank reports whether br holds nothing but white space, looking no
// further than its buffer.
func Blank(br *bufio.Reader) bool {
	head, err := br.Peek(br.Size())
	if err == nil {
		return false // a full buffer: there is more to read
	}
	return len(bytes.TrimSpace(head)) == 0
}

// Tail follows the end of the input, to tell a last row cut short by the
// end of the file from a row that is merely short.
type Tail struct {
	R    io.Reader
	n    int64 // bytes read
	eof  bool
	last byte
}

// Read implements io.Reader.
func (t *Tail) Read(p []byte) (int, error) {
	n, err := t.R.Read(p)
	if n > 0 {
		t.n += int64(n)
		t.last = p[n-1]
	}
	if err == io.EOF {
		t.eof = true
	}
	return n, err
}

// AtEnd reports whether the CSV reader, having used consumed bytes, has
// read the whole file.
func (t *Tail) AtEnd(consumed int64) bool { return t.eof && consumed == t.n }

// CutShort reports whether the CSV reader has read the whole file, and the
// file does not end with a line break.
func (t *Tail) CutShort(consumed int64) bool {
	return t.AtEnd(consumed) && t.last != '\n' && t.last != '\r'
}
