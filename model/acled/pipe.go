package acled

import (
	"iter"
	"unsafe"

	"github.com/dateline/dateline/model"
)

// The importer reads on two processors: one goroutine parses the CSV into
// batches of rows while the importer turns the batches before into
// events. A batch holds its rows' fields copied, with where each field
// starts, so the parser can go on reading; batches go round between the
// two, so a file of any size needs a handful of them.

// batchRows is how many rows a batch holds.
const batchRows = 512

// readRow is one row of a batch: its fields (or the problem that stood in
// its place), where each field starts, and how far into the file it ends.
type readRow struct {
	rec    []string
	at     [][2]int // line and column of each field
	offset int64
	prob   *model.Problem
	bad    int    // bytes that are not UTF-8 in the columns read (see badUTF8)
	badAt  [2]int // line and column of the field with the first
}

// FieldPos is the line and column where field i starts, as
// csv.Reader.FieldPos gives it.
func (r *readRow) FieldPos(i int) (line, column int) { return r.at[i][0], r.at[i][1] }

type rowBatch struct {
	rows []readRow
	text []byte   // the fields' bytes
	recs []string // the rows' fields, end to end
	at   [][2]int // their places, end to end
	ends []int    // where each row's fields end in recs
	prob []model.Problem
}

// add copies a row into the batch, with what badUTF8 finds in its columns
// used. A row cr parsed itself is in the batch already (rowReader.dst),
// and one of ASCII alone has nothing for badUTF8 to find.
func (b *rowBatch) add(rec []string, cr *rowReader, used []int) {
	copied := cr.fast && cr.dst == &b.text
	for i, f := range rec {
		if !copied {
			b.text = append(b.text, f...)
		}
		line, col := cr.FieldPos(i)
		b.at = append(b.at, [2]int{line, col})
	}
	b.ends = append(b.ends, len(b.at))
	row := readRow{offset: cr.InputOffset()}
	if cr.fast && cr.ascii {
		// nothing that is not UTF-8
	} else if n, first := badUTF8(used, rec); n > 0 {
		row.bad = n
		row.badAt[0], row.badAt[1] = cr.FieldPos(first)
	}
	b.rows = append(b.rows, row)
}

// seal points the rows' fields into the batch's text, once no more will be
// added (the text stops moving then).
func (b *rowBatch) seal(lens []int) {
	b.recs = b.recs[:0]
	off := 0
	for _, n := range lens {
		if n == 0 {
			b.recs = append(b.recs, "")
			continue
		}
		b.recs = append(b.recs, unsafe.String(&b.text[off], n))
		off += n
	}
	start, probs := 0, 0
	for i := range b.rows {
		r := &b.rows[i]
		if r.offset < 0 { // a problem in the row's place
			r.prob = &b.prob[probs]
			probs++
			continue
		}
		end := b.ends[i]
		r.rec, r.at = b.recs[start:end:end], b.at[start:end:end]
		start = end
	}
}

// readAhead runs rows (csvtail's iteration of cr) on its own goroutine
// and yields its rows and problems in order, from batches, with the bytes
// that are not UTF-8 in the columns used counted.
func readAhead(rows iter.Seq2[[]string, *model.Problem], cr *rowReader, used []int) iter.Seq[*readRow] {
	return func(yield func(*readRow) bool) {
		free := make(chan *rowBatch, 4)
		for range cap(free) {
			free <- &rowBatch{}
		}
		full := make(chan *rowBatch, cap(free))
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			defer close(full)
			defer func() { cr.dst = nil }()
			b := <-free
			cr.dst = &b.text // the rows cr parses go straight into the batch
			var lens []int
			send := func() bool {
				b.seal(lens)
				select {
				case full <- b:
				case <-stop:
					return false
				}
				select {
				case b = <-free:
				case <-stop:
					return false
				}
				b.rows, b.text, b.at, b.ends, b.prob, lens = b.rows[:0], b.text[:0], b.at[:0], b.ends[:0], b.prob[:0], lens[:0]
				cr.dst = &b.text
				return true
			}
			for rec, p := range rows {
				if p != nil {
					b.prob = append(b.prob, *p)
					b.rows = append(b.rows, readRow{offset: -1})
					b.ends = append(b.ends, len(b.at))
				} else {
					for _, f := range rec {
						lens = append(lens, len(f))
					}
					b.add(rec, cr, used)
				}
				if len(b.rows) == batchRows && !send() {
					return
				}
			}
			if len(b.rows) > 0 {
				b.seal(lens)
				select {
				case full <- b:
				case <-stop:
				}
			}
		}()
		for b := range full {
			for i := range b.rows {
				if !yield(&b.rows[i]) {
					return
				}
			}
			free <- b
		}
	}
}
