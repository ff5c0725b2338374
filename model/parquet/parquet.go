package parquet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	pq "github.com/parquet-go/parquet-go"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/cameo"
	"github.com/dateline/dateline/model/internal/huge"
	"github.com/dateline/dateline/model/sheet"
	"github.com/dateline/dateline/model/text"
)

// Magic is how a Parquet file starts (and ends).
const Magic = "PAR1"

// Options are what the command line tells the reader.
type Options struct {
	// Sheet places columns and reads numeric dates, as for CSV.
	Sheet sheet.Options
	// Since and Until, when not zero, skip the partitions and row groups
	// whose dates fall outside them, and drop such rows (and undated ones)
	// as the --since and --until filters would.
	Since, Until edtf.Date
	// Read, when not nil, is told of the bytes read; an error it returns
	// stops the load (a cancelled context).
	Read func(n int64) error
	// Keep, when not nil, loads lean (see model.KeepSummaries): the
	// events' summaries it refuses are left out, and with Refill the
	// story reads them back from the files for the items written
	// (model.Index.Refill); without it they are left out for good.
	Keep   func(summary string) bool
	Refill bool
	// NoText, with Keep, says Keep refuses every summary (a filter without
	// text): the description column is then read only for the rows whose
	// title comes from it, and read for the others on refill.
	NoText bool
}

// Stats count what a load read and skipped, for tests and benchmarks.
type Stats struct {
	Files, FilesSkipped, Groups, GroupsSkipped int
}

// seenFile is a file a lean load read: what its refill needs to find a
// row's summary in it again.
type seenFile struct {
	name   string
	stamp  model.Stamp // as the load found it
	first  int         // the rows read before it
	fields [numFields][]column
	groups []span // the row groups read, in order
}

// span is a row group a load read: its index in the file, and the rows
// read before it (sheet.Row.At counts on from there, as far as the rows
// the group's columns held; skipped groups count none).
type span struct{ g, first int }

// reader reads Parquet files into one story.
type reader struct {
	opt   Options
	b     *sheet.Builder
	rows  int // rows seen, across files
	stats Stats
	seen  []seenFile // the files read, for a lean load's refill
	// outside counts the rows of the groups read that a range left out
	// by their typed dates, before the builder saw them.
	outside int
	ranged  bool
	lo, hi  edtf.Day
	// decoders decode the columns of a row group at once, each with its
	// own caches.
	decoders [decoders]decoder
}

// decoders is how many columns of a row group are decoded at once (the
// machines dateline is measured on have 2 cores; the rows are built on
// another goroutine meanwhile).
const decoders = 2

// plain, set by tests, reads as dateline did before the row groups were
// decoded ahead on several goroutines and the text of the values shared:
// one column at a time, a string for each value.
var plain = false

// decoder decodes column chunks; one goroutine uses it at a time.
type decoder struct {
	dates map[int64]edtf.Date // day → date, for typed columns
	text  huge.Text           // the summaries it made (made)
}

func newReader(name string, opt Options) *reader {
	rd := &reader{opt: opt,
		b: &sheet.Builder{Name: name, Unit: "row", Order: opt.Sheet.Order, Since: opt.Since, Until: opt.Until,
			Title: strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))}}
	if opt.Keep != nil {
		rd.b.Keep, rd.b.Left = opt.Keep, &model.LeftOut{ForGood: !opt.Refill}
	}
	rd.lo, rd.hi = edtf.MinDay, edtf.MaxDay
	for i := range rd.decoders {
		rd.decoders[i].dates = map[int64]edtf.Date{}
	}
	if !opt.Since.IsZero() {
		rd.lo, rd.ranged = opt.Since.Earliest(), true
	}
	if !opt.Until.IsZero() {
		rd.hi, rd.ranged = opt.Until.Latest(), true
	}
	return rd
}

// Import reads one Parquet file of size bytes from r, named name in
// messages. It returns the story and its warnings, or an error:
// model.Problems.
// It loads whole: Options.Keep needs a file to read the summaries back
// from (Load).
func Import(name string, r io.ReaderAt, size int64, opt Options) (*model.Story, model.Problems, error) {
	opt.Keep = nil
	s, _, warns, err := importStats(name, r, size, opt)
	return s, warns, err
}

func importStats(name string, r io.ReaderAt, size int64, opt Options) (*model.Story, Stats, model.Problems, error) {
	rd := newReader(name, opt)
	if err := rd.file(name, r, model.Stamp{Size: size}, nil); err != nil {
		return nil, rd.stats, nil, rd.problems(name, err)
	}
	s, warns, err := rd.finish()
	return s, rd.stats, warns, err
}

// finish makes the story of the rows read, Ranged when the range left
// some unread or dropped them.
func (rd *reader) finish() (*model.Story, model.Problems, error) {
	s, warns, err := rd.b.Finish()
	if s != nil && rd.ranged && (rd.stats.FilesSkipped+rd.stats.GroupsSkipped > 0 || rd.outside+rd.b.Dropped() > 0) {
		s.Ranged = true
	}
	return s, warns, err
}

// problems turns a read error into the file's problem.
func (rd *reader) problems(name string, err error) error {
	var ps model.Problems
	if errors.As(err, &ps) {
		return ps
	}
	if opt := rd.opt; opt.Read != nil {
		if rerr := opt.Read(0); rerr != nil && errors.Is(err, rerr) {
			return err // cancelled: not the file's problem
		}
	}
	advice := "its data is damaged: copy or export it again"
	var fe footerError
	if errors.As(err, &fe) {
		advice = "check that it is whole (a copy cut short loses the footer that Parquet keeps at the end)"
	}
	return model.Problems{{File: name, Msg: "cannot read the Parquet file: " + text.CleanLine(err.Error()) + "; " + advice}}
}

// footerError is a file whose footer (Parquet's index, at its end) cannot
// be read.
type footerError struct{ error }

func (e footerError) Unwrap() error { return e.error }

// counted tells Options.Read of what is read through it, one call at a
// time (the columns are read on several goroutines).
type counted struct {
	r    io.ReaderAt
	read func(int64) error
	mu   *sync.Mutex
}

func (c counted) tell(n int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.read(n)
}

// ReadAt implements io.ReaderAt.
func (c counted) ReadAt(p []byte, off int64) (int, error) {
	if c.read != nil {
		if err := c.tell(0); err != nil {
			return 0, err
		}
	}
	n, err := c.r.ReadAt(p, off)
	if c.read != nil && n > 0 {
		if rerr := c.tell(int64(n)); rerr != nil {
			return n, rerr
		}
	}
	return n, err
}

// part is one hive-style partition of a file's path: year=2023.
type part struct{ key, value string }

// column is a field's source in one file: a leaf column, or a partition's
// value.
type column struct {
	name    string
	leaf    int // leaf column index, or -1 for a partition
	list    bool
	value   string // a partition's value
	kind    dateKind
	per     int64
	phys    pq.Kind
	maxDef  int
	isCAMEO bool
}

// file reads one Parquet file of st.Size bytes into the builder; st is
// kept for a lean load's refill to tell the file changed since.
func (rd *reader) file(name string, r io.ReaderAt, st model.Stamp, parts []part) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the file is damaged (%v)", p)
		}
	}()
	size := st.Size
	rd.stats.Files++
	if err := checkFooter(r, size); err != nil {
		return footerError{err}
	}
	f, err := pq.OpenFile(counted{r, rd.opt.Read, new(sync.Mutex)}, size, pq.SkipPageIndex(true), pq.SkipBloomFilters(true))
	if err != nil {
		return footerError{err}
	}
	top := f.Root().Columns()
	header := make([]string, 0, len(top)+len(parts))
	for _, c := range top {
		header = append(header, c.Name())
	}
	for _, p := range parts {
		header = append(header, p.key)
	}
	cols, err := sheet.Match(header, rd.opt.Sheet.Map)
	if err != nil {
		return model.Problems{{File: name, Msg: err.Error()}}
	}
	// The date: a column, else the year, month and day partitions.
	partDate := ""
	if !cols.Has(sheet.Date) {
		partDate = dateOfParts(parts)
		if partDate == "" {
			return model.Problems{{File: name, Msg: sheet.Unplaced(header, cols, nil, rd.opt.Sheet.Order)}}
		}
	}
	if rd.b.DateColumn == "" && cols.Has(sheet.Date) {
		rd.b.DateColumn = header[cols[sheet.Date][0]]
	}
	if rd.ranged && !rd.partsOverlap(parts, partDate) {
		rd.stats.FilesSkipped++
		rd.rows = addRows(rd.rows, f.NumRows()) // as a skipped row group's (take)
		return nil
	}
	src := func(i int) column {
		if i >= len(top) {
			return column{name: header[i], leaf: -1, value: parts[i-len(top)].value}
		}
		leaf := top[i]
		for !leaf.Leaf() && len(leaf.Columns()) > 0 {
			leaf = leaf.Columns()[0]
		}
		k, per := dateKindOf(leaf.Type())
		return column{name: header[i], leaf: leaf.Index(), list: leaf.MaxRepetitionLevel() > 0, kind: k, per: per,
			phys: leaf.Type().Kind(), maxDef: leaf.MaxDefinitionLevel(), isCAMEO: sheet.IsCAMEORoot(header[i])}
	}
	var fields [numFields][]column
	for fl := range len(cols) {
		for _, i := range cols[fl] {
			fields[fl] = append(fields[fl], src(i))
		}
	}
	// An "edtf" column, beside a typed date, gives each row's exact date.
	for i, h := range header {
		if strings.EqualFold(h, "edtf") && (len(cols[sheet.Date]) == 0 || cols[sheet.Date][0] != i) {
			fields[edtfField] = []column{src(i)}
		}
	}
	if err := checkSizes(f, size); err != nil {
		return err
	}
	rd.seen = append(rd.seen, seenFile{name: name, stamp: st, first: rd.rows, fields: fields})
	if !rd.ranged {
		// Room for the rows, as many as the footer says, but no more than
		// the file's bytes (a damaged footer may claim any number).
		rd.b.Grow(int(min(f.NumRows(), size)))
	}
	// The row groups are decoded on another goroutine, one ahead of the
	// rows being built from them here.
	groups := f.RowGroups()
	take := func(dg *decoded) error { // builds the rows of one decoded group
		rd.stats.Groups++
		if dg.err != nil {
			return dg.err
		}
		if dg.skip {
			// Its rows are counted, as the footer claims them, so that
			// the rows after keep their numbers ("Row 1200", row 1200 in
			// a warning) whatever the range.
			rd.stats.GroupsSkipped++
			rd.rows = addRows(rd.rows, int64(dg.n))
			return nil
		}
		sf := &rd.seen[len(rd.seen)-1]
		sf.groups = append(sf.groups, span{g: dg.g, first: rd.rows})
		rd.rowsOf(dg, &fields, partDate)
		return nil
	}
	if plain {
		for g, rg := range groups {
			if err := take(rd.decodeSafe(f, g, rg, &fields)); err != nil {
				return err
			}
		}
		return nil
	}
	ch := make(chan *decoded, 1)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(ch)
		for g, rg := range groups {
			dg := rd.decodeSafe(f, g, rg, &fields)
			select {
			case ch <- dg:
			case <-done:
				return
			}
			if dg.err != nil {
				return
			}
		}
	})
	defer func() {
		close(done)
		wg.Wait() // before the file is closed
	}()
	for dg := range ch {
		if err := take(dg); err != nil {
			return err
		}
	}
	return nil
}

// addRows adds the n rows a footer claims to a count of rows, short of
// overflowing (a damaged footer may claim any number).
func addRows(count int, n int64) int {
	n = max(0, min(n, math.MaxInt32))
	if int64(count) > math.MaxInt32-n {
		return math.MaxInt32
	}
	return count + int(n)
}

// decoded is a row group's needed columns, decoded.
type decoded struct {
	g    int // its index in the file
	n    int
	read map[int]*cells // by leaf
	keep []bool         // with a range, the rows inside it
	// sums, when not nil, are the rows' summaries, made as the
	// description column was read (made); its cells hold the
	// descriptions, cleaned.
	sums []string
	skip bool // outside the range by its statistics: not read
	err  error
}

// decodeSafe decodes row group g, or skips it, with a panic of parquet-go
// on a damaged file as its error.
func (rd *reader) decodeSafe(f *pq.File, g int, rg pq.RowGroup, fields *[numFields][]column) (dg *decoded) {
	defer func() {
		if p := recover(); p != nil {
			dg = &decoded{err: fmt.Errorf("the file is damaged (%v)", p)}
		}
	}()
	if rd.ranged && !rd.groupOverlaps(f, g, *fields) {
		return &decoded{g: g, n: max(0, int(rg.NumRows())), skip: true}
	}
	dg = rd.decode(rg, fields)
	dg.g = g
	return dg
}

// The fields as indexes of a file's columns: sheet's, and the edtf column.
const (
	numFields = int(sheet.Place) + 2
	edtfField = numFields - 1
)

// dateOfParts is a date from year, month and day partitions, "2023-03".
func dateOfParts(parts []part) string {
	var y, m, d string
	for _, p := range parts {
		switch strings.ToLower(p.key) {
		case "year", "yr":
			y = p.value
		case "month", "mon":
			m = p.value
		case "day":
			d = p.value
		}
	}
	if _, err := strconv.Atoi(y); err != nil || len(y) > 4 {
		return ""
	}
	out := fmt.Sprintf("%04s", y)
	if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 12 {
		out += fmt.Sprintf("-%02d", n)
		if n, err := strconv.Atoi(d); err == nil && n >= 1 && n <= 31 {
			out += fmt.Sprintf("-%02d", n)
		}
	}
	return out
}

// partsOverlap reports whether a file's partitions may hold rows in the
// range: false only when year/month/day or date partitions say they do not.
func (rd *reader) partsOverlap(parts []part, partDate string) bool {
	if partDate == "" {
		partDate = dateOfParts(parts)
	}
	for _, p := range parts {
		if k := strings.ToLower(p.key); k == "date" || k == "day" && len(p.value) >= 8 {
			partDate = p.value
		}
	}
	if partDate == "" {
		return true
	}
	d, ok := sheet.ParseDate(partDate, rd.opt.Sheet.Order)
	return !ok || d.Latest() >= rd.lo && d.Earliest() <= rd.hi
}

// groupOverlaps reports whether row group g may hold rows in the range,
// from the statistics of a typed date column (and end column); without
// them, it may.
func (rd *reader) groupOverlaps(f *pq.File, g int, fields [numFields][]column) bool {
	md := f.Metadata()
	if g >= len(md.RowGroups) || len(fields[sheet.Date]) == 0 {
		return true
	}
	bounds := func(c column) (lo, hi edtf.Day, ok bool) {
		if c.leaf < 0 || c.kind == dateText || c.kind == dateInt96 || c.leaf >= len(md.RowGroups[g].Columns) {
			return 0, 0, false
		}
		st := md.RowGroups[g].Columns[c.leaf].MetaData.Statistics
		mn, mx := st.MinValue, st.MaxValue
		if len(mn) == 0 || len(mx) == 0 {
			mn, mx = st.Min, st.Max
		}
		lo, ok1 := statDay(c.kind, c.per, c.phys, mn)
		hi, ok2 := statDay(c.kind, c.per, c.phys, mx)
		if y, _, _ := hi.Civil(); ok2 && c.kind == dateInt && edtf.DayFromCivil(y, 1, 1) == hi {
			hi = edtf.DayFromCivil(y, 12, 31) // a year column
		}
		return lo, hi, ok1 && ok2
	}
	lo, hi, ok := bounds(fields[sheet.Date][0])
	if !ok {
		return true
	}
	if len(fields[sheet.End]) > 0 {
		_, ehi, ok := bounds(fields[sheet.End][0])
		if !ok {
			return true
		}
		hi = max(hi, ehi)
	} else if len(fields[edtfField]) > 0 {
		return true // an exact date may reach past the typed one
	}
	return hi >= rd.lo && lo <= rd.hi
}

// cells are one column's values in a row group: a row's values are
// vals[start[r]:start[r+1]].
type cells struct {
	vals  []string
	days  []edtf.Date // for typed date columns, one a row (zero: null)
	start []int32
}

// rows is how many rows the column held.
func (c *cells) rows() int { return len(c.start) - 1 }

func (c *cells) row(r int) []string {
	if c.start == nil || r+1 >= len(c.start) {
		return nil
	}
	return c.vals[c.start[r]:c.start[r+1]]
}

// job is a column chunk to decode.
type job struct {
	c     column
	typed bool
	// sums, when not nil, makes it the job of the summaries (made): it
	// reads the place column, then c, the description, and sets sums.
	sums  *[]string
	place column // leaf -1: none
	// order and placeOrder place the job (and its place column) in the
	// order the columns are read one at a time, so that of several
	// damaged columns the error names the one the plain reading meets
	// first.
	order, placeOrder int
}

// orderOf is the place of field fl's column k in the plain reading's
// order: the typed dates, then the fields in order.
func orderOf(fl, k int) int { return 1<<20*(1+fl) + k }

// decode reads the needed columns of one row group, several at once.
func (rd *reader) decode(rg pq.RowGroup, fields *[numFields][]column) *decoded {
	n := int(rg.NumRows())
	chunks := rg.ColumnChunks()
	read := map[int]*cells{} // by leaf
	// Typed dates first: with a range, the rows outside it are not read
	// further.
	var keep []bool
	var jobs []job
	for _, fl := range []int{int(sheet.Date), int(sheet.End)} {
		for _, c := range fields[fl] {
			if c.leaf < 0 || c.kind == dateText || read[c.leaf] != nil || c.leaf >= len(chunks) {
				continue
			}
			read[c.leaf] = &cells{}
			jobs = append(jobs, job{c: c, typed: true, order: len(jobs)})
		}
	}
	if rd.ranged {
		if err := rd.columns(chunks, jobs, n, nil, read); err != nil {
			return &decoded{err: err}
		}
		jobs = jobs[:0]
	}
	if rd.ranged && len(fields[sheet.Date]) > 0 && read[fields[sheet.Date][0].leaf] != nil && fields[sheet.Date][0].leaf >= 0 {
		starts := read[fields[sheet.Date][0].leaf].days
		var ends []edtf.Date
		if len(fields[sheet.End]) > 0 && fields[sheet.End][0].leaf >= 0 && read[fields[sheet.End][0].leaf] != nil {
			ends = read[fields[sheet.End][0].leaf].days
		}
		keep = make([]bool, min(n, len(starts)))
		for r := range keep {
			lo, hi := starts[r], starts[r]
			if r < len(ends) && !ends[r].IsZero() {
				hi = ends[r]
			}
			keep[r] = !lo.IsZero() && hi.Latest() >= rd.lo && lo.Earliest() <= rd.hi
		}
	}
	later := rd.opt.Keep != nil && rd.opt.NoText
	var sums []string
	if desc, place, made := rd.madeSummaries(fields, len(chunks)); made {
		// The longest job, ahead of the other text columns, beside them.
		read[desc.leaf] = &cells{}
		if place.leaf >= 0 {
			read[place.leaf] = &cells{}
		}
		jobs = append(jobs, job{c: desc, sums: &sums, place: place,
			order: orderOf(int(sheet.Description), 0), placeOrder: orderOf(int(sheet.Place), 0)})
	}
	for fl := range numFields {
		if later && fl == int(sheet.Description) {
			continue
		}
		for k, c := range fields[fl] {
			if c.leaf < 0 || read[c.leaf] != nil || c.leaf >= len(chunks) {
				continue
			}
			typed := (fl == int(sheet.Date) || fl == int(sheet.End)) && c.kind != dateText
			read[c.leaf] = &cells{}
			jobs = append(jobs, job{c: c, typed: typed, order: orderOf(fl, k)})
		}
	}
	if err := rd.columns(chunks, jobs, n, keep, read); err != nil {
		return &decoded{err: err}
	}
	if later {
		// No summary is kept: the descriptions are read only for the
		// rows whose title is made of one (Builder.Add's fallback).
		if err := rd.untitled(chunks, fields, n, keep, read); err != nil {
			return &decoded{err: err}
		}
	}
	return &decoded{n: n, read: read, keep: keep, sums: sums}
}

// madeSummaries says whether the rows' summaries are made as the
// description column is read, and of which columns: when the load is
// whole, and the description and the place are each one column of their
// own that holds one value a row. (The other fields' columns, and a lean
// load's, are read as text as before.)
func (rd *reader) madeSummaries(fields *[numFields][]column, chunks int) (desc, place column, ok bool) {
	if plain || rd.opt.Keep != nil || len(fields[sheet.Description]) != 1 || len(fields[sheet.Place]) > 1 {
		return desc, place, false
	}
	desc, place = fields[sheet.Description][0], column{leaf: -1}
	if len(fields[sheet.Place]) == 1 {
		place = fields[sheet.Place][0]
		if place.leaf < 0 || place.list || place.leaf >= chunks {
			return desc, place, false
		}
	}
	if desc.leaf < 0 || desc.list || desc.leaf >= chunks || desc.leaf == place.leaf {
		return desc, place, false
	}
	for fl := range numFields {
		for _, c := range fields[fl] {
			if fl != int(sheet.Description) && c.leaf == desc.leaf {
				return desc, place, false // read as another field's text too
			}
			if (fl == int(sheet.Date) || fl == int(sheet.End)) && c.leaf == place.leaf && place.leaf >= 0 {
				return desc, place, false // read as dates, not text
			}
		}
	}
	return desc, place, true
}

// untitled decodes the description columns for the rows (of those keep
// keeps) without a title, which Builder.Add makes of the description.
func (rd *reader) untitled(chunks []pq.ColumnChunk, fields *[numFields][]column, n int, keep []bool, read map[int]*cells) error {
	var jobs []job
	for _, c := range fields[sheet.Description] {
		if c.leaf >= 0 && read[c.leaf] == nil && c.leaf < len(chunks) {
			jobs = append(jobs, job{c: c})
		}
	}
	if len(jobs) == 0 {
		return nil
	}
	mask, any := make([]bool, heldRows(read, n)), false
	for r := range mask {
		mask[r] = (keep == nil || r < len(keep) && keep[r]) && sheet.Untitled(oneOf(read, fields[sheet.Title], r))
		any = any || mask[r]
	}
	if !any {
		return nil
	}
	return rd.columns(chunks, jobs, n, mask, read)
}

// heldRows is how many rows of a group the footer claims n of are read:
// as many as its columns held (a damaged footer may claim more).
func heldRows(read map[int]*cells, n int) int {
	found := -1
	for _, cs := range read {
		found = max(found, cs.rows())
	}
	if found < 0 {
		return min(n, 1<<20)
	}
	return min(n, found)
}

// oneOf is a row's value of a field that takes one: the first of its
// columns to hold one.
func oneOf(read map[int]*cells, cols []column, r int) string {
	for _, c := range cols {
		if c.leaf < 0 {
			return c.value
		}
		if cs := read[c.leaf]; cs != nil {
			if v := cs.row(r); len(v) > 0 {
				return v[0]
			}
		}
	}
	return ""
}

// columns decodes the jobs' column chunks into read, on up to decoders
// goroutines.
func (rd *reader) columns(chunks []pq.ColumnChunk, jobs []job, n int, keep []bool, read map[int]*cells) error {
	out := make([]*cells, len(jobs))
	places := make([]*cells, len(jobs)) // a summary job's place column
	errs := make([]error, len(jobs))
	errOrder := make([]int, len(jobs))
	var next atomic.Int32
	var wg sync.WaitGroup
	workers := decoders
	if plain {
		workers = 1
	}
	for w := range min(len(jobs), workers) {
		d := &rd.decoders[w]
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				j := jobs[i]
				errOrder[i] = j.order
				if j.sums == nil {
					out[i], errs[i] = d.columnSafe(chunks[j.c.leaf], j.c, n, j.typed, keep)
					continue
				}
				var placeErr error
				if j.place.leaf >= 0 {
					places[i], placeErr = d.columnSafe(chunks[j.place.leaf], j.place, n, false, keep)
				}
				// The description is read even when the place is damaged:
				// the plain reading meets it first.
				out[i], *j.sums, errs[i] = d.summariesSafe(chunks[j.c.leaf], n, keep, places[i])
				if errs[i] == nil && placeErr != nil {
					errs[i], errOrder[i] = placeErr, j.placeOrder
				}
			}
		})
	}
	wg.Wait()
	first := -1
	for i := range jobs {
		if errs[i] != nil && (first < 0 || errOrder[i] < errOrder[first]) {
			first = i
		}
	}
	if first >= 0 {
		return errs[first]
	}
	for i, j := range jobs {
		read[j.c.leaf] = out[i]
		if j.sums != nil && j.place.leaf >= 0 {
			read[j.place.leaf] = places[i]
		}
	}
	return nil
}

// rowsOf adds the rows of a decoded row group.
func (rd *reader) rowsOf(dg *decoded, fields *[numFields][]column, partDate string) {
	n, read, keep := dg.n, dg.read, dg.keep
	one := func(fl int, r int) string { return oneOf(read, fields[fl], r) }
	typed := func(fl int, r int) edtf.Date {
		for _, c := range fields[fl] {
			if cs := read[c.leaf]; c.leaf >= 0 && cs != nil && cs.days != nil && r < len(cs.days) {
				return cs.days[r]
			}
		}
		return edtf.Date{}
	}
	many := func(fl int, r int, out []string) []string {
		for _, c := range fields[fl] {
			var vals []string
			if c.leaf < 0 {
				vals = []string{c.value}
			} else if cs := read[c.leaf]; cs != nil {
				vals = cs.row(r)
			}
			for _, v := range vals {
				switch {
				case c.isCAMEO:
					if t := cameo.RootTopic(v); t != "" {
						out = append(out, t)
					}
				case c.list:
					out = append(out, v)
				default:
					out = splitCell(v, out)
				}
			}
		}
		return out
	}
	var row sheet.Row
	for r := range heldRows(read, n) {
		rd.rows++
		if keep != nil && (r >= len(keep) || !keep[r]) {
			rd.outside++ // by its typed date, unread
			continue
		}
		row = sheet.Row{At: rd.rows, ID: one(int(sheet.ID), r), Title: one(int(sheet.Title), r),
			Description: one(int(sheet.Description), r), URL: one(int(sheet.URL), r), Place: one(int(sheet.Place), r),
			Actors: many(int(sheet.Actors), r, row.Actors[:0]), Topics: many(int(sheet.Topics), r, row.Topics[:0])}
		if dg.sums != nil && r < len(dg.sums) {
			row.Made, row.Summary = true, dg.sums[r]
		}
		if exact := one(edtfField, r); exact != "" {
			row.Date = exact
		} else if d := typed(int(sheet.Date), r); !d.IsZero() {
			row.Typed, row.TypedEnd = d, typed(int(sheet.End), r)
		} else {
			row.Date, row.End = one(int(sheet.Date), r), one(int(sheet.End), r)
			if row.Date == "" {
				row.Date = partDate
			}
		}
		rd.b.Add(&row)
	}
}

// splitCell splits a text cell of several names on ';' or '|'.
func splitCell(v string, out []string) []string {
	if !strings.ContainsAny(v, ";|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
		return out
	}
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '|' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// columnSafe is column with a panic of parquet-go on a damaged file as its
// error.
func (d *decoder) columnSafe(chunk pq.ColumnChunk, c column, n int, typed bool, keep []bool) (cs *cells, err error) {
	defer func() {
		if p := recover(); p != nil {
			cs, err = nil, fmt.Errorf("the file is damaged (%v)", p)
		}
	}()
	return d.column(chunk, c, n, typed, keep)
}

// column reads a column chunk of n rows: its values as text, or, typed,
// as dates; with keep, only the kept rows' values. The values of a
// dictionary page become one string each, shared by the rows.
func (d *decoder) column(chunk pq.ColumnChunk, c column, n int, typed bool, keep []bool) (*cells, error) {
	// Room for n rows, as the footer claims, but no more than a row group
	// of a sensible size: a damaged footer may claim any number.
	room := min(n, maxRoom)
	cs := &cells{start: make([]int32, 0, room+1)}
	if !typed && keep == nil {
		cs.vals = make([]string, 0, room)
	}
	if typed {
		cs.days = make([]edtf.Date, room)
	}
	var intern map[string]string // a dictionary's (or a list's) values as text
	var arena []byte             // the text of the other values
	r := -1
	err := pageValues(chunk, func(p pq.Page, vals []pq.Value) {
		// The names in lists (actors, topics) repeat as a dictionary's
		// values do.
		dict := (p.Dictionary() != nil || c.list) && !typed
		if dict && intern == nil {
			intern = map[string]string{}
		}
		for _, v := range vals {
			if v.RepetitionLevel() == 0 {
				r++
				cs.start = append(cs.start, int32(len(cs.vals)))
			}
			if v.IsNull() || r < 0 || r >= n || keep != nil && (r >= len(keep) || !keep[r]) {
				continue
			}
			if typed {
				for len(cs.days) <= r {
					cs.days = append(cs.days, edtf.Date{})
				}
				cs.days[r] = d.dateOf(c, v)
				continue
			}
			if plain || v.Kind() != pq.ByteArray {
				cs.vals = append(cs.vals, cellText(v))
				continue
			}
			b := v.ByteArray()
			if t, ok := intern[string(b)]; ok {
				cs.vals = append(cs.vals, t)
				continue
			}
			// The text is copied into a shared block rather than a
			// string of its own: one allocation for many values.
			if cap(arena)-len(arena) < len(b) {
				arena = make([]byte, 0, max(arenaSize, len(b)))
			}
			at := len(arena)
			arena = append(arena, b...)
			t := unsafe.String(unsafe.SliceData(arena[at:]), len(b))
			if dict && len(intern) < maxIntern {
				intern[t] = t
			}
			cs.vals = append(cs.vals, t)
		}
	})
	if err != nil {
		return nil, err
	}
	cs.start = append(cs.start, int32(len(cs.vals))) // the end of the last row
	return cs, nil
}

// pageValues reads a column chunk's pages in order and gives visit each
// batch of a page's values with the page. The page is released once its
// values are visited: visit keeps no value's bytes.
func pageValues(chunk pq.ColumnChunk, visit func(p pq.Page, vals []pq.Value)) error {
	pages := chunk.Pages()
	defer pages.Close()
	buf := make([]pq.Value, 1024)
	for {
		p, err := pages.ReadPage()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		vr := p.Values()
		for {
			k, err := vr.ReadValues(buf)
			visit(p, buf[:k])
			if err == io.EOF {
				break
			}
			if err != nil {
				pq.Release(p)
				return err
			}
		}
		pq.Release(p)
	}
}

// summariesSafe is summaries with a panic of parquet-go on a damaged file
// as its error.
func (d *decoder) summariesSafe(chunk pq.ColumnChunk, n int, keep []bool, places *cells) (cs *cells, sums []string, err error) {
	defer func() {
		if p := recover(); p != nil {
			cs, sums, err = nil, nil, fmt.Errorf("the file is damaged (%v)", p)
		}
	}()
	return d.summaries(chunk, n, keep, places)
}

// summaries reads a description column chunk of n rows and makes each
// row's summary of its description and its place (places: nil for none),
// as Builder.Add would (sheet.MakeSummary), straight from the pages into
// the decoder's text: the cells hold the cleaned descriptions, a part of
// the summaries. With keep, only the kept rows' are made.
func (d *decoder) summaries(chunk pq.ColumnChunk, n int, keep []bool, places *cells) (*cells, []string, error) {
	room := min(n, maxRoom)
	cs := &cells{start: make([]int32, 0, room+1), vals: make([]string, 0, room)}
	sums := make([]string, 0, room)
	place := func(r int) string {
		if places == nil {
			return ""
		}
		if v := places.row(r); len(v) > 0 {
			return v[0]
		}
		return ""
	}
	r := -1
	err := pageValues(chunk, func(_ pq.Page, vals []pq.Value) {
		for _, v := range vals {
			if v.RepetitionLevel() != 0 {
				continue // one value a row (a damaged file's others are left)
			}
			r++
			cs.start = append(cs.start, int32(len(cs.vals)))
			sums = append(sums, "")
			if r >= n || keep != nil && (r >= len(keep) || !keep[r]) {
				continue
			}
			text := ""
			if !v.IsNull() {
				if v.Kind() == pq.ByteArray {
					b := v.ByteArray()
					text = unsafe.String(unsafe.SliceData(b), len(b)) // the page's, for a moment
				} else {
					text = cellText(v)
				}
			}
			sum, desc := sheet.MakeSummary(d.text.Join, text, place(r))
			sums[r] = sum
			if !v.IsNull() {
				cs.vals = append(cs.vals, desc)
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	cs.start = append(cs.start, int32(len(cs.vals)))
	return cs, sums, nil
}

// dateOf turns a typed date value into a date (zero when it is not one).
func (d *decoder) dateOf(c column, v pq.Value) edtf.Date {
	day, year, ok := valueDay(c.kind, c.per, v)
	if !ok {
		return edtf.Date{}
	}
	key := int64(day)
	if year > 0 {
		key = -1<<62 + year
	}
	if date, ok := d.dates[key]; ok {
		return date
	}
	s := day.String()
	if year > 0 {
		s = fmt.Sprintf("%04d", year)
	}
	date, err := edtf.Parse(s)
	if err != nil {
		return edtf.Date{}
	}
	d.dates[key] = date
	return date
}

// arenaSize is the size of the blocks that hold the text of a column's
// values; a value's text is never changed once there.
const arenaSize = 64 << 10

// maxRoom bounds the rows a column chunk is given room for before it is
// read; one with more grows as it is read.
const maxRoom = 1 << 20

// maxIntern bounds how many distinct values of a column chunk are shared.
const maxIntern = 1 << 16

// checkFooter refuses a file too short to be Parquet, or whose footer
// claims more bytes than the file holds, before parquet-go allocates them.
func checkFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("the file is %d bytes, too short for Parquet (which starts and ends with %s)", size, Magic)
	}
	var tail [8]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if string(tail[4:]) != Magic {
		return fmt.Errorf("the file does not end with %s, as Parquet does", Magic)
	}
	if n := int64(binary.LittleEndian.Uint32(tail[:4])); n > size-12 {
		return fmt.Errorf("the file is damaged: its footer claims %d bytes in a file of %d", n, size)
	}
	return nil
}

// maxChunk bounds the size a column chunk may claim, uncompressed: past it
// the footer is taken for damaged rather than trusted with memory.
const maxChunk = 1 << 30

// checkSizes refuses a footer whose column chunks claim more bytes than
// the file holds, or more than maxChunk once uncompressed.
func checkSizes(f *pq.File, size int64) error {
	for _, rg := range f.Metadata().RowGroups {
		for _, c := range rg.Columns {
			md := c.MetaData
			if md.TotalCompressedSize < 0 || md.TotalCompressedSize > size || md.TotalUncompressedSize < 0 || md.TotalUncompressedSize > maxChunk ||
				md.DataPageOffset < 0 || md.DataPageOffset > size {
				return fmt.Errorf("the file is damaged: the column %s claims %d bytes (%d uncompressed) in a file of %d",
					strings.Join(md.PathInSchema, "."), md.TotalCompressedSize, md.TotalUncompressedSize, size)
			}
		}
	}
	return nil
}
