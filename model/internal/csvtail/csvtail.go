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
	var ps model.Problems // model.GuardBinary's, at a NUL byte
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps[0]
	}
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

// ReadError is what an error from a csv.Reader that reads through a Tail
// means for an importer.
type ReadError struct {
	// Problem is the error at its place, or, when CutShort, the warning.
	model.Problem
	// CutShort: the file ends inside a quoted field of the row just read,
	// so the file looks cut short; the row is left out, reading stops, and
	// Problem is a warning.
	CutShort bool
	// Fatal: not a CSV syntax error but a read error, which repeats for
	// ever; reading must stop.
	Fatal bool
	// OpenQuote: a quoted field is not closed, so the rest of the file may
	// be inside it.
	OpenQuote bool
}

// Judge says what err means in the file called name, where a CSV reader
// that reads through t returned it having used consumed bytes.
func (t *Tail) Judge(name string, err error, consumed int64) ReadError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return ReadError{Problem: Problem(name, err), Fatal: true}
	}
	quote := errors.Is(pe.Err, csv.ErrQuote)
	if quote && pe.StartLine == pe.Line && t.AtEnd(consumed) {
		return ReadError{CutShort: true, Problem: model.Problem{File: name, Line: pe.StartLine, Warning: true,
			Msg: "the file ends inside a quoted field of this row, so it looks cut short: the row is left out and the rows before it are kept"}}
	}
	return ReadError{Problem: Problem(name, err), OpenQuote: quote}
}
