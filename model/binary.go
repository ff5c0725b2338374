package model

import (
	"bytes"
	"io"
)

// binaryMsg is the problem of a NUL byte: no story format holds one, and
// text never does, so the file is taken for binary at the first.
const binaryMsg = "the file holds a NUL byte here, so it looks binary (or is text saved as UTF-16), not a story; open the story itself, saved as UTF-8 text"

// BinaryProblem reports the first NUL byte in data, at its line and
// column, as a sign that the file is binary; ok is false when there is
// none. Every loader stops there rather than read on.
func BinaryProblem(name string, data []byte) (p Problem, ok bool) {
	i := bytes.IndexByte(data, 0)
	if i < 0 {
		return Problem{}, false
	}
	line, col := LineCol(data, i)
	return Problem{File: name, Line: line, Col: col, Msg: binaryMsg}, true
}

// GuardBinary returns a reader of r that stops at the first NUL byte: it
// hands out the bytes before it, then fails with Problems holding the
// NUL's problem (see BinaryProblem), so a loader stops at the first sign of
// binary content instead of reading gigabytes first.
func GuardBinary(name string, r io.Reader) io.Reader {
	return &binaryGuard{r: r, name: name, line: 1}
}

// binaryGuard is GuardBinary's reader. It follows the line and column of
// what it has handed out, counting the column in characters.
type binaryGuard struct {
	r    io.Reader
	name string
	line int
	col  int // characters since the last newline
	err  error
}

// Read implements io.Reader.
func (g *binaryGuard) Read(b []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(b)
	if i := bytes.IndexByte(b[:n], 0); i >= 0 {
		g.advance(b[:i])
		g.err = Problems{{File: g.name, Line: g.line, Col: g.col + 1, Msg: binaryMsg}}
		return i, g.err
	}
	g.advance(b[:n])
	return n, err
}

func (g *binaryGuard) advance(b []byte) {
	if nl := bytes.Count(b, []byte("\n")); nl > 0 {
		g.line += nl
		g.col = 0
		b = b[bytes.LastIndexByte(b, '\n')+1:]
	}
	for _, c := range b {
		if c&0xC0 != 0x80 { // not a continuation byte: a character starts
			g.col++
		}
	}
}
