package parquet

import (
	"errors"
	"fmt"
	"os"
	"sort"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/window"
	"github.com/dateline/dateline/model/sheet"
	"github.com/dateline/dateline/model/text"
)

// A lean load (Options.Keep) notes each left-out summary's row, counted
// across the files read (sheet.Row.At). Its refill finds the row's file
// and row group again, decodes the group's description and place columns
// once, and makes the summary as Builder.Add did.

// noFile is the look at the file model.LeftOut opens for each goroutine
// of a refill: a Parquet refill opens its files itself, since a
// directory's rows are in several, and keeps them in it, for LeftOut to
// close when the goroutine is done.
func noFile() (model.ReaderAtCloser, error) {
	return &files{g: group{d: decoder{dates: map[int64]edtf.Date{}}, file: -1, g: -1}}, nil
}

// files is one refill goroutine's file and row group.
type files struct{ g group }

func (*files) ReadAt([]byte, int64) (int, error) { return 0, os.ErrInvalid }

// Close closes the file open, if any.
func (f *files) Close() error {
	f.g.close()
	return nil
}

// summaries makes the PlaceReaders of a lean load's refill: each keeps
// its own file and decoded row group open, as the places come in the
// rows' order.
func (rd *reader) summaries(s *model.Story) func() model.PlaceReader {
	seen := rd.seen
	return func() model.PlaceReader {
		return func(w *window.Reader, p model.Place) error {
			g := &w.R.(*files).g // noFile's, for this goroutine
			i := sort.Search(len(seen), func(i int) bool { return seen[i].first >= int(p.At) }) - 1
			if i < 0 {
				return fmt.Errorf("no file holds the row %d", p.At) // a bug: every row came from one
			}
			sf := &seen[i]
			k := sort.Search(len(sf.groups), func(k int) bool { return sf.groups[k].first >= int(p.At) }) - 1
			if k < 0 {
				return fmt.Errorf("no row group holds the row %d", p.At) // a bug, as above
			}
			read, r, err := g.at(sf, i, sf.groups[k].g, int(p.At)-sf.groups[k].first-1)
			if err != nil {
				g.close()
				if errors.Is(err, errChanged) {
					return fmt.Errorf("%s: %w", text.CleanName(sf.name), err)
				}
				return model.CannotReadAgain(text.CleanName(sf.name), err)
			}
			s.Events[p.Event].Summary = sheet.Summary(oneOf(read, sf.fields[sheet.Description], r), oneOf(read, sf.fields[sheet.Place], r))
			return nil
		}
	}
}

// group is the file and row group a refill reads from.
type group struct {
	d    decoder
	file int // index in seen, or -1
	f    *os.File
	pf   *pq.File
	g    int // the row group decoded, or -1
	read map[int]*cells
}

func (g *group) close() {
	if g.f != nil {
		g.f.Close()
	}
	g.f, g.pf, g.file, g.g, g.read = nil, nil, -1, -1, nil
}

// at returns the decoded columns of row group k of file i, and the
// place of its row r in them.
func (g *group) at(sf *seenFile, i, k, r int) (map[int]*cells, int, error) {
	if g.file != i {
		g.close()
		f, err := os.Open(sf.name)
		if err != nil {
			return nil, 0, err
		}
		g.f, g.file = f, i
		st, err := f.Stat()
		if err == nil && !model.StampOf(st).Same(sf.stamp) {
			err = errChanged
		}
		if err == nil {
			g.pf, err = pq.OpenFile(f, sf.stamp.Size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
		}
		if err != nil {
			return nil, 0, err
		}
	}
	if g.read == nil || g.g != k {
		groups := g.pf.RowGroups()
		if k >= len(groups) {
			return nil, 0, errChanged
		}
		read, err := g.decode(groups[k], sf)
		if err != nil {
			return nil, 0, err
		}
		g.g, g.read = k, read
	}
	return g.read, r, nil
}

// decode decodes a row group's description and place columns.
func (g *group) decode(rg pq.RowGroup, sf *seenFile) (map[int]*cells, error) {
	chunks := rg.ColumnChunks()
	read := map[int]*cells{}
	for _, fl := range []sheet.Field{sheet.Description, sheet.Place} {
		for _, c := range sf.fields[fl] {
			if c.leaf < 0 || read[c.leaf] != nil {
				continue
			}
			if c.leaf >= len(chunks) {
				return nil, errChanged
			}
			cs, err := g.d.columnSafe(chunks[c.leaf], c, int(rg.NumRows()), false, nil)
			if err != nil {
				return nil, err
			}
			read[c.leaf] = cs
		}
	}
	return read, nil
}

// errChanged is a file that is not as the load read it.
var errChanged = errors.New("the file changed while it was read; run the command again")
