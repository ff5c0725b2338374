package acled

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"unsafe"

	"github.com/dateline/dateline/model/text"
)

// fastRows turns on rowReader's own parsing of plain rows; tests turn it
// off to check that both ways read alike.
var fastRows = true

// rowReader reads CSV records as encoding/csv does, with its settings here
// (comma, no comments, no lazy quotes, any number of fields, records
// reused), but parses a plain row (one whole line in the buffer, ending in
// "\n" without "\r", every quote where it belongs) itself, into a buffer it
// reuses, rather than into a new string a row. Everything else (empty
// lines, fields over several lines, malformed quotes, the last line, a line
// not yet in the buffer) goes to encoding/csv, whose line numbers and
// offsets are shifted by the rows parsed here.
//
// A fast record's fields alias the buffer: they are valid until the next
// Read, and what is kept must be copied.
type rowReader struct {
	br *bufio.Reader
	cr *csv.Reader

	lines    int   // lines parsed here
	csvLines int   // lines encoding/csv has read
	offset   int64 // bytes parsed here
	fast     bool  // the last record was parsed here
	ascii    bool  // and its line is all ASCII
	line     int   // its line
	cols     []int // its fields' columns
	buf      []byte
	ends     []int
	rec      []string
	// dst, when not nil, is where a record parsed here goes, after what
	// it holds already, in place of buf: the batch being filled
	// (rowBatch.add), which is then spared a copy.
	dst *[]byte
}

func newRowReader(br *bufio.Reader) *rowReader {
	cr := csv.NewReader(br) // reads br itself, so src counts what it has read
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &rowReader{br: br, cr: cr}
}

// Read returns the next record, or encoding/csv's error.
func (rr *rowReader) Read() ([]string, error) {
	if fastRows {
		if rec, ok := rr.parse(); ok {
			return rec, nil
		}
	}
	rr.fast = false
	rec, err := rr.cr.Read()
	if err == nil && len(rec) > 0 {
		// The record ends on the line its last field starts on, plus the
		// line breaks inside that field (quoted, it may hold some).
		last := len(rec) - 1
		line, _ := rr.cr.FieldPos(last)
		rr.csvLines = line + strings.Count(rec[last], "\n")
	}
	var pe *csv.ParseError
	if err != nil && errors.As(err, &pe) {
		rr.csvLines = pe.Line
		if rr.lines > 0 {
			shifted := *pe
			shifted.StartLine += rr.lines
			shifted.Line += rr.lines
			err = &shifted
		}
	}
	return rec, err
}

// FieldPos is csv.Reader.FieldPos.
func (rr *rowReader) FieldPos(field int) (line, column int) {
	if rr.fast {
		return rr.line, rr.cols[field]
	}
	line, column = rr.cr.FieldPos(field)
	return line + rr.lines, column
}

// InputOffset is csv.Reader.InputOffset.
func (rr *rowReader) InputOffset() int64 { return rr.cr.InputOffset() + rr.offset }

// parse reads a plain row from what the buffer holds, or reports false
// having read nothing.
func (rr *rowReader) parse() ([]string, bool) {
	b, _ := rr.br.Peek(rr.br.Buffered()) // never reads: no error is taken from the reader
	n := bytes.IndexByte(b, '\n')
	if n <= 0 || b[n-1] == '\r' {
		return nil, false // no whole line, an empty one, or "\r\n"
	}
	line := b[:n]
	buf, ends, cols := rr.buf[:0], rr.ends[:0], rr.cols[:0]
	if rr.dst != nil {
		buf = *rr.dst
	}
	first := len(buf)
	pos := 0
	// quote is where the next quote at or after pos is (len(line): none),
	// once looked for: a line without quotes is searched for them once,
	// not field by field.
	quote := -1
	for {
		cols = append(cols, pos+1)
		if pos == len(line) || line[pos] != '"' {
			i := bytes.IndexByte(line[pos:], ',')
			end := len(line)
			if i >= 0 {
				end = pos + i
			}
			if quote < pos {
				quote = len(line)
				if q := bytes.IndexByte(line[pos:], '"'); q >= 0 {
					quote = pos + q
				}
			}
			if quote < end {
				return nil, false // a bare quote
			}
			field := line[pos:end]
			buf = append(buf, field...)
			ends = append(ends, len(buf))
			if i < 0 {
				break
			}
			pos = end + 1
			continue
		}
		pos++ // the opening quote
		for {
			i := bytes.IndexByte(line[pos:], '"')
			if i < 0 {
				return nil, false // the field goes on over the line
			}
			buf = append(buf, line[pos:pos+i]...)
			pos += i + 1
			if pos < len(line) && line[pos] == '"' {
				buf = append(buf, '"')
				pos++
				continue
			}
			break
		}
		ends = append(ends, len(buf))
		if pos == len(line) {
			break
		}
		if line[pos] != ',' {
			return nil, false // a quote in the wrong place
		}
		pos++
	}
	if rr.dst != nil {
		*rr.dst = buf
	} else {
		rr.buf = buf
	}
	rr.ends, rr.cols = ends, cols
	rec := rr.rec[:0]
	start := first
	for _, end := range ends {
		if end == start {
			rec = append(rec, "")
		} else {
			rec = append(rec, unsafe.String(&buf[start], end-start))
		}
		start = end
	}
	rr.rec = rec
	rr.ascii = text.IsASCII(unsafe.String(unsafe.SliceData(line), len(line))) // before line is discarded
	rr.br.Discard(n + 1)
	rr.offset += int64(n + 1)
	rr.lines++
	rr.line = rr.csvLines + rr.lines
	rr.fast = true
	return rec, true
}
