package gen

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"io"
	"os"
	"slices"
	"strconv"

	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/dateline/dateline/model/edtf"
)

// parquetRow is one event as Write's Parquet format holds it: the DATE
// columns for the readers' statistics, the exact EDTF date beside them,
// actors and topics by name as list<string> columns.
type parquetRow struct {
	ID       string   `parquet:"id"`
	Date     int32    `parquet:"date,date"` // the earliest day
	End      int32    `parquet:"end,date"`  // the latest day
	EDTF     string   `parquet:"edtf,dict"`
	Title    string   `parquet:"title,dict"`
	Notes    string   `parquet:"notes"`
	Actors   []string `parquet:"actors,list"`
	Topics   []string `parquet:"topics,list"`
	Location string   `parquet:"location,dict"`
	Source   string   `parquet:"source,dict"`
}

// ParquetRowGroup is how many rows a row group of Write's Parquet holds:
// about 10 weeks of a 2M-event story, so that a week's query reads one or
// two groups, and large enough for good compression.
const ParquetRowGroup = 64 << 10

// parquetBucket is how many events the Parquet writer sorts in memory at
// once; bigger stories go through temporary files, a range of days each.
const parquetBucket = 256 << 10

var unixEpoch = edtf.DayFromCivil(1970, 1, 1)

// writeParquet writes the events (only) sorted by date, then id.
func writeParquet(out io.Writer, w *world) error {
	pw := pq.NewGenericWriter[parquetRow](out, pq.MaxRowsPerRowGroup(ParquetRowGroup), pq.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		pq.KeyValueMetadata("generator", "dateline gen"))
	n := w.cfg.Events
	buckets := max(1, (n+parquetBucket-1)/parquetBucket)
	span := int64(lastDay-firstDay) + 1
	bucketOf := func(r *parquetRow) int {
		return min(buckets-1, int((int64(r.Date)-int64(firstDay-unixEpoch))*int64(buckets)/span))
	}
	m := newMaker(w)
	var e genEvent
	next := func(r *parquetRow) {
		m.nextEvent(&e)
		*r = parquetRow{ID: e.ID, Date: int32(e.Date.Earliest() - unixEpoch), End: int32(e.Date.Latest() - unixEpoch),
			EDTF: e.Date.String(), Title: e.Title, Notes: e.Summary, Location: w.places[e.place],
			Source: outlets[srcIndex(e.Citations[0].Source)]}
		for _, role := range e.Actors {
			r.Actors = append(r.Actors, w.actorName(role.Actor))
		}
		for _, t := range e.Topics {
			r.Topics = append(r.Topics, w.topicTitle(t))
		}
	}
	if buckets == 1 {
		rows := make([]parquetRow, n)
		for i := range rows {
			next(&rows[i])
		}
		return flushSorted(pw, rows)
	}
	// Spill each event to the temporary file of its range of days, then
	// sort and write each file's events in turn.
	files := make([]*os.File, buckets)
	bufs := make([]*bufio.Writer, buckets)
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
		}
	}()
	for i := range files {
		f, err := os.CreateTemp("", "dateline-gen-*.bin")
		if err != nil {
			return err
		}
		files[i], bufs[i] = f, bufio.NewWriterSize(f, 64<<10)
	}
	var r parquetRow
	var b []byte
	for range n {
		next(&r)
		b = appendRow(b[:0], &r)
		if _, err := bufs[bucketOf(&r)].Write(b); err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := bufs[i].Flush(); err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		var rows []parquetRow
		br := bufio.NewReaderSize(f, 256<<10)
		for {
			row, err := readRow(br)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			rows = append(rows, row)
		}
		if err := writeSorted(pw, rows); err != nil {
			return err
		}
	}
	return pw.Close()
}

func flushSorted(pw *pq.GenericWriter[parquetRow], rows []parquetRow) error {
	if err := writeSorted(pw, rows); err != nil {
		return err
	}
	return pw.Close()
}

// writeSorted sorts rows by date, end and id number, and writes them.
func writeSorted(pw *pq.GenericWriter[parquetRow], rows []parquetRow) error {
	num := func(id string) int { n, _ := strconv.Atoi(id[len(eventIDPrefix):]); return n }
	slices.SortFunc(rows, func(a, b parquetRow) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.End, b.End), cmp.Compare(num(a.ID), num(b.ID)))
	})
	_, err := pw.Write(rows)
	return err
}

// appendRow encodes a row for a temporary file: the two days, then each
// string with its length, lists with their counts.
func appendRow(b []byte, r *parquetRow) []byte {
	b = binary.AppendVarint(b, int64(r.Date))
	b = binary.AppendVarint(b, int64(r.End))
	for _, s := range []string{r.ID, r.EDTF, r.Title, r.Notes, r.Location, r.Source} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, l := range [][]string{r.Actors, r.Topics} {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, s := range l {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
	}
	return b
}

// readRow decodes what appendRow wrote.
func readRow(br *bufio.Reader) (parquetRow, error) {
	var r parquetRow
	d, err := binary.ReadVarint(br)
	if err != nil {
		return r, err
	}
	e, err := binary.ReadVarint(br)
	if err != nil {
		return r, io.ErrUnexpectedEOF
	}
	r.Date, r.End = int32(d), int32(e)
	str := func() string {
		n, _ := binary.ReadUvarint(br)
		b := make([]byte, n)
		if _, rerr := io.ReadFull(br, b); rerr != nil && err == nil {
			err = io.ErrUnexpectedEOF
		}
		return string(b)
	}
	for _, p := range []*string{&r.ID, &r.EDTF, &r.Title, &r.Notes, &r.Location, &r.Source} {
		*p = str()
	}
	for _, l := range []*[]string{&r.Actors, &r.Topics} {
		n, _ := binary.ReadUvarint(br)
		for range n {
			*l = append(*l, str())
		}
	}
	return r, err
}

// actorName is the name of the actor with an id.
func (w *world) actorName(id string) string {
	if w.nameOf == nil {
		w.nameOf = map[string]string{}
		for _, a := range w.actors {
			w.nameOf[a.ID] = a.Name
		}
		for _, t := range w.topics {
			w.nameOf["topic:"+t.ID] = t.Title
		}
	}
	return w.nameOf[id]
}

// topicTitle is the title of the topic with an id.
func (w *world) topicTitle(id string) string {
	w.actorName("")
	return w.nameOf["topic:"+id]
}
