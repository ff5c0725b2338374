package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/chunks"
)

// ListCSVHeader is the header row WriteListCSV writes.
var ListCSVHeader = []string{"id", "kind", "date", "start", "end", "display", "title", "text", "actors", "topics", "speaker", "stances", "reacts_to", "sources"}

// WriteListCSV writes the rows as CSV with the ListCSVHeader columns. Lists
// (actors, topics, stances, sources) are joined with "; ". Every cell goes
// through GuardCSVCell, so that no spreadsheet evaluates one.
func WriteListCSV(w io.Writer, ix *model.Index, rows []int32) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ListCSVHeader); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	// The rows, encoded on every processor and written in order.
	return chunks.Write(w, len(rows), func(dst []byte, lo, hi int) []byte {
		b := bytes.NewBuffer(dst)
		writeCSVRows(csv.NewWriter(b), ix, rows[lo:hi])
		return b.Bytes()
	})
}

// writeCSVRows writes the rows to cw, a record each, and flushes it.
func writeCSVRows(cw *csv.Writer, ix *model.Index, rows []int32) {
	rec := make([]string, len(ListCSVHeader))
	for _, p := range rows {
		li := ListItemAt(ix, int(p))
		text := li.Summary
		if li.Kind == model.StatementItem.String() {
			text = li.Quote
		}
		var stances []string
		if st := ix.At(int(p)).Statement; st != nil {
			for _, ts := range st.Stances {
				stances = append(stances, ts.Topic+"="+string(ts.Stance))
			}
		}
		var sources []string
		for _, c := range li.Citations {
			sources = append(sources, citationRef(c))
		}
		rec = append(rec[:0], li.ID, li.Kind, li.Date, deref(li.Start), deref(li.End), li.Display,
			li.Title, text, strings.Join(li.Actors, "; "), strings.Join(li.Topics, "; "),
			li.Speaker, strings.Join(stances, "; "), li.ReactsTo, strings.Join(sources, "; "))
		for i, cell := range rec {
			rec[i] = GuardCSVCell(cell)
		}
		_ = cw.Write(rec) // into memory: it does not fail
	}
	cw.Flush()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// citationRef is a citation in one token: source, source#paragraph.
func citationRef(c model.Citation) string {
	if c.Paragraph > 0 {
		return c.Source + "#" + strconv.Itoa(c.Paragraph)
	}
	return c.Source
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, CSV injection): = + - @, tab and carriage
// return.
const formulaStarts = "=+-@\t\r"

// GuardCSVCell is the cell as dateline writes it to CSV: a cell that
// starts with one of = + - @, a tab or a carriage return, after any
// apostrophes, gets one more apostrophe in front, which spreadsheets show
// as text and do not evaluate ("-0044-03-15" is written "'-0044-03-15",
// and "'=1" with two apostrophes). Every other cell is written as it is.
// UnguardCSVCell undoes it, for reading dateline's CSV back.
func GuardCSVCell(cell string) string {
	if guarded(cell) {
		return "'" + cell
	}
	return cell
}

// UnguardCSVCell is the cell that GuardCSVCell was given: it takes off the
// apostrophe GuardCSVCell put in front, and leaves any other cell alone.
func UnguardCSVCell(cell string) string {
	if rest, ok := strings.CutPrefix(cell, "'"); ok && guarded(rest) {
		return rest
	}
	return cell
}

// guarded reports whether GuardCSVCell prefixes cell: whether its first
// character after any apostrophes starts a formula.
func guarded(cell string) bool {
	rest := strings.TrimLeft(cell, "'")
	return rest != "" && strings.ContainsRune(formulaStarts, rune(rest[0]))
}
