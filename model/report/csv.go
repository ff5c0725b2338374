package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model"
)

// ListCSVHeader is the header row WriteListCSV writes.
var ListCSVHeader = []string{"id", "kind", "date", "start", "end", "display", "title", "text", "actors", "topics", "speaker", "stances", "reacts_to", "sources"}

// WriteListCSV writes the rows as CSV with the ListCSVHeader columns. Lists
// (actors, topics, stances, sources) are joined with "; ". Text cells that
// a spreadsheet would run as a formula (starting with =, +, -, @) get a
// leading apostrophe, as spreadsheets themselves write them.
func WriteListCSV(w io.Writer, ix *model.Index, rows []int32) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ListCSVHeader); err != nil {
		return err
	}
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
		rec = append(rec[:0], li.ID, li.Kind, li.Date, deref(li.Start), deref(li.End), noFormula(li.Display),
			noFormula(li.Title), noFormula(text), strings.Join(li.Actors, "; "), strings.Join(li.Topics, "; "),
			li.Speaker, strings.Join(stances, "; "), li.ReactsTo, strings.Join(sources, "; "))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

func noFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}
