package sheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/cameo"
	"github.com/dateline/dateline/model/internal/csvtail"
	"github.com/dateline/dateline/model/report"
)

// Options are what the command line tells the table readers.
type Options struct {
	// Map places columns the names do not (--map).
	Map Map
	// Order reads numeric dates (--date-format).
	Order DateOrder
}

// Sniff tells the delimiter of a table from its first line: the most
// frequent of tab, semicolon and comma outside quotes (a comma when none).
func Sniff(head []byte) rune {
	line := head
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	var n [3]int
	quoted := false
	for _, c := range line {
		switch c {
		case '"':
			quoted = !quoted
		case '\t':
			n[0] += b2i(!quoted)
		case ';':
			n[1] += b2i(!quoted)
		case ',':
			n[2] += b2i(!quoted)
		}
	}
	switch {
	case n[0] > 0 && n[0] >= n[1] && n[0] >= n[2]:
		return '\t'
	case n[1] > n[2]:
		return ';'
	}
	return ','
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// IsOwnHeader reports whether a header row is dateline's own `list
// --format csv`.
func IsOwnHeader(header []string) bool {
	if len(header) > 0 {
		header = slices.Clone(header)
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	return slices.Equal(header, report.ListCSVHeader)
}

// sampleRows is how many rows an error about the columns looks at to
// suggest a --map.
const sampleRows = 20

// Import reads a CSV or TSV with a date column (see the package comment),
// named name in messages, into a story: each row an event. It returns the
// story and its warnings, or an error: model.Problems, each at its line.
func Import(name string, r io.Reader, opt Options) (*model.Story, model.Problems, error) {
	src := &csvtail.Tail{R: r}
	br := bufio.NewReaderSize(src, 64<<10)
	if csvtail.Blank(br) {
		return &model.Story{}, model.Problems{{File: name, Warning: true,
			Msg: "the file is empty, so the story has nothing in it yet; a table starts with a header row naming its columns, such as date,title,actors"}}, nil
	}
	head, _ := br.Peek(br.Buffered())
	cr := csv.NewReader(br)
	cr.Comma = Sniff(bytes.TrimPrefix(head, []byte("\uFEFF")))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, model.Problems{csvtail.Problem(name, err)}
	}
	header = cloneAll(header)
	if IsOwnHeader(header) {
		return importOwn(name, src, cr, len(header))
	}
	cols, err := Match(header, opt.Map)
	if err != nil {
		return nil, nil, model.Problems{{File: name, Line: 1, Col: 1, Msg: err.Error()}}
	}
	if !cols.Has(Date) || !cols.Has(Title) && !cols.Has(Description) && !cols.Has(Actors) && !cols.Has(Topics) {
		var sample [][]string
		for len(sample) < sampleRows {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			sample = append(sample, cloneAll(rec))
		}
		return nil, nil, model.Problems{{File: name, Line: 1, Col: 1, Msg: Unplaced(header, cols, sample, opt.Order)}}
	}
	b := &Builder{Name: name, Unit: "line", Order: opt.Order, DateColumn: header[cols[Date][0]],
		Title: strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))}
	var row Row
	errs := eachRow(name, src, cr, len(header), &b.warns, func(rec []string) bool {
		line, _ := cr.FieldPos(0)
		fill(&row, rec, &cols, header, line)
		b.Add(&row)
		return true
	})
	if len(errs) > 0 {
		return nil, b.warns, errs
	}
	return b.Finish()
}

// eachRow reads the records after the header (of columns columns),
// skipping blank ones, until row reports false or the file ends, through
// csvtail's one row loop: a last row cut short is a warning (added to
// warns); CSV errors are returned, each at its line.
func eachRow(name string, src *csvtail.Tail, cr *csv.Reader, columns int, warns *model.Problems, row func(rec []string) bool) model.Problems {
	var errs model.Problems
	for rec, p := range src.Rows(name, cr, columns) {
		switch {
		case p != nil && p.Warning:
			*warns = append(*warns, *p)
		case p != nil:
			errs = append(errs, *p)
			if len(errs) >= maxProblems {
				return errs
			}
		case !blank(rec) && !row(rec):
			return errs
		}
	}
	return errs
}

// fill puts a record's cells into row by field.
func fill(row *Row, rec []string, cols *Columns, header []string, line int) {
	cell := func(f Field) string {
		if len(cols[f]) > 0 && cols[f][0] < len(rec) {
			return strings.Clone(strings.TrimSpace(rec[cols[f][0]]))
		}
		return ""
	}
	*row = Row{At: line, ID: cell(ID), Date: cell(Date), End: cell(End), Title: cell(Title),
		Description: cell(Description), URL: cell(URL), Place: cell(Place),
		Actors: row.Actors[:0], Topics: row.Topics[:0]}
	for _, i := range cols[Actors] {
		if i < len(rec) {
			row.Actors = splitList(rec[i], row.Actors)
		}
	}
	for _, i := range cols[Topics] {
		if i >= len(rec) {
			continue
		}
		if IsCAMEORoot(header[i]) {
			if t := cameo.RootTopic(rec[i]); t != "" {
				row.Topics = append(row.Topics, t)
			}
			continue
		}
		row.Topics = splitList(rec[i], row.Topics)
	}
	for i := range row.Actors {
		row.Actors[i] = strings.Clone(row.Actors[i])
	}
	for i := range row.Topics {
		row.Topics[i] = strings.Clone(row.Topics[i])
	}
}

func cloneAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, s := range rec {
		out[i] = strings.Clone(s)
	}
	if len(out) > 0 {
		out[0] = strings.TrimPrefix(out[0], "\uFEFF")
	}
	return out
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
