package csvtail

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"

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

// Reader is what Rows reads: a *csv.Reader, or a reader that answers as
// one does.
type Reader interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
	InputOffset() int64
}

// Rows reads the rows after the header from cr, which reads through t,
// of the file called name whose header has columns columns. It yields each
// row that is whole (with a nil problem) and each problem on the way (with
// a nil row): a malformed row is an error, and reading goes on past it;
// reading stops after a read error (which would repeat for ever), after a
// quote error (the rest of the file may be inside the quote), and at a
// last row cut short by the end of the file (a quoted field left open, or
// fewer columns than the header and no line break after it), which is a
// warning and left out.
func (t *Tail) Rows(name string, cr Reader, columns int) iter.Seq2[[]string, *model.Problem] {
	return func(yield func([]string, *model.Problem) bool) {
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				re := t.judge(name, err, cr.InputOffset())
				if !yield(nil, &re.Problem) || re.cutShort || re.fatal || re.openQuote {
					return
				}
				continue
			}
			if len(rec) < columns && t.CutShort(cr.InputOffset()) {
				line, _ := cr.FieldPos(0)
				yield(nil, &model.Problem{File: name, Line: line, Warning: true,
					Msg: fmt.Sprintf("the file ends in this row, which has %d of the header's %d columns, so it looks cut short: the row is left out and the rows before it are kept", len(rec), columns)})
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// readError is what an error from a csv.Reader that reads through a Tail
// means for an importer.
type readError struct {
	// Problem is the error at its place, or, when cutShort, the warning.
	model.Problem
	// cutShort: the file ends inside a quoted field of the row just read,
	// so the file looks cut short; the row is left out, reading stops, and
	// Problem is a warning.
	cutShort bool
	// fatal: not a CSV syntax error but a read error, which repeats for
	// ever; reading must stop.
	fatal bool
	// openQuote: a quoted field is not closed, so the rest of the file may
	// be inside it.
	openQuote bool
}

// judge says what err means in the file called name, where a CSV reader
// that reads through t returned it having used consumed bytes.
func (t *Tail) judge(name string, err error, consumed int64) readError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return readError{Problem: Problem(name, err), fatal: true}
	}
	quote := errors.Is(pe.Err, csv.ErrQuote)
	if quote && pe.StartLine == pe.Line && t.AtEnd(consumed) {
		return readError{cutShort: true, Problem: model.Problem{File: name, Line: pe.StartLine, Warning: true,
			Msg: "the file ends inside a quoted field of this row, so it looks cut short: the row is left out and the rows before it are kept"}}
	}
	return readError{Problem: Problem(name, err), openQuote: quote}
}
