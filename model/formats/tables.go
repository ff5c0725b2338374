package formats

import (
	"bytes"
	"io"
	"os"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/gdelt"
	"github.com/dateline/dateline/model/parquet"
	"github.com/dateline/dateline/model/sheet"
)

// The table formats of issue 15.
const (
	// CSV is any CSV or TSV with a date column, and dateline's own list
	// CSV (model/sheet). Read as CSV, a TimelineJS sheet or an ACLED
	// export still goes to its own importer.
	CSV Format = "csv"
	// GDELT is a GDELT 2.0 event export (model/gdelt).
	GDELT Format = "gdelt"
	// Parquet is a Parquet file, or a directory of them (model/parquet).
	Parquet Format = "parquet"
)

// Options are what the command line tells the readers besides the format.
type Options struct {
	// From is the format (Auto: tell from the content).
	From Format
	// Sheet places columns and reads numeric dates (--map, --date-format).
	Sheet sheet.Options
	// Since and Until, when not zero, let a reader that can skip data
	// outside them do so (--since, --until of list, count and export);
	// the items it keeps are the same as the filters keep.
	Since, Until edtf.Date
	// KeepSummaries, when not nil, asks for a lean load of one regular
	// file or Parquet directory (see model.KeepSummaries): the readers that
	// can (NDJSON, ACLED, Parquet) leave out the events' summaries it
	// refuses, and the story fetches them back for the items written
	// (model.Index.Refill). Several files load whole.
	KeepSummaries func(summary string) bool
	// RefillSummaries says the summaries left out will be fetched back
	// (list, export): the places of their rows are kept. Without it they
	// are left out for good (count, validate).
	RefillSummaries bool
	// NoSummaryText says KeepSummaries refuses every summary (a filter
	// without text), so that a reader may leave unread what only the
	// summaries are made of (Parquet's description column), to read it
	// on refill.
	NoSummaryText bool
	// DatesOnly says the filter is of dates alone (Since, Until), which a
	// Parquet reader applies as it reads: a list then writes every row it
	// keeps, and loads them whole.
	DatesOnly bool
}

// detectTable tells a table that is neither a TimelineJS sheet nor an
// ACLED export: a GDELT export, dateline's own list CSV, or any other CSV, TSV or
// semicolon-separated table with a header row.
func detectTable(trimmed []byte) (Format, bool) {
	if gdelt.IsExport(trimmed) {
		return GDELT, true
	}
	lines := bytes.SplitN(trimmed[:min(len(trimmed), 8192)], []byte("\n"), 3)
	line := bytes.TrimRight(lines[0], "\r")
	comma := sheet.Sniff(line)
	if bytes.IndexRune(line, comma) < 0 || yamlKey.Match(line) || bytes.HasPrefix(line, []byte("#")) {
		return Auto, false
	}
	// A header names every column, briefly; the next row has columns too.
	for cell := range bytes.SplitSeq(line, []byte(string(comma))) {
		if c := bytes.TrimSpace(cell); len(c) == 0 || len(c) > 100 {
			return Auto, false
		}
	}
	if len(lines) > 1 && len(bytes.TrimSpace(lines[1])) > 0 && bytes.IndexRune(lines[1], comma) < 0 {
		return Auto, false
	}
	return CSV, true
}

// tableFormat tells which importer reads a file named as CSV: the
// TimelineJS sheet's and ACLED's headers go to theirs.
func tableFormat(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	if f, ok := detectCSV(bytes.TrimLeft(head, " \t\r\n")); ok {
		return f
	}
	if gdelt.IsExport(head) {
		return GDELT
	}
	return CSV
}

// loadTable reads one of the table formats from r.
func loadTable(name string, r io.Reader, f Format, opt Options) (*model.Story, model.Problems, error) {
	if f == GDELT {
		return gdelt.Import(name, r)
	}
	return sheet.Import(name, r, opt.Sheet)
}

// parquetOptions are the options for model/parquet, reading through c.
func parquetOptions(opt Options, c *counter) parquet.Options {
	po := parquet.Options{Sheet: opt.Sheet, Since: opt.Since, Until: opt.Until,
		Keep: opt.KeepSummaries, Refill: opt.RefillSummaries, NoText: opt.NoSummaryText && opt.KeepSummaries != nil}
	if c != nil {
		po.Read = func(n int64) error {
			if err := c.ctx.Err(); err != nil {
				return err
			}
			c.done += n
			if c.progress != nil && n > 0 {
				c.progress(c.done, c.total)
			}
			return nil
		}
	}
	return po
}

// loadParquet reads a Parquet file or directory, telling c what it reads.
func loadParquet(path string, opt Options, c *counter) (*model.Story, model.Problems, error) {
	if opt.DatesOnly && opt.RefillSummaries {
		opt.KeepSummaries = nil // nothing it keeps would be left out
	}
	return parquet.Load(path, parquetOptions(opt, c))
}

// sizeOf is the size of a file, or of the Parquet files under a
// directory, for the progress line; 0 when unknown.
func sizeOf(path string) int64 {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return 0
	case st.Mode().IsRegular():
		return st.Size()
	case st.IsDir():
		files, _ := parquet.Files(path)
		var n int64
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil {
				n += fi.Size()
			}
		}
		return n
	}
	return 0
}
