package report

import (
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
	"github.com/dateline/dateline/model/internal/chunks"
)

// ListItem is one timeline item as `dateline list --format json` writes it.
type ListItem struct {
	ID        string                  `json:"id"`
	Kind      string                  `json:"kind"`
	Date      string                  `json:"date"`
	Start     *string                 `json:"start"`
	End       *string                 `json:"end"`
	Display   string                  `json:"display"`
	Title     string                  `json:"title"`
	Summary   string                  `json:"summary,omitempty"`
	Actors    []string                `json:"actors"`
	Topics    []string                `json:"topics"`
	Speaker   string                  `json:"speaker,omitempty"`
	Quote     string                  `json:"quote,omitempty"`
	Paraphase bool                    `json:"paraphrase,omitempty"`
	Stances   map[string]model.Stance `json:"stances,omitzero"` // {} for a statement without stances
	ReactsTo  string                  `json:"reacts_to,omitempty"`
	Citations []model.Citation        `json:"citations,omitempty"`
}

// dayString formats a bound as YYYY-MM-DD (edtf.Day.String: years before
// 1 BC signed, "-0044-03-15", longer years in full); only an open end gives
// nil (JSON null), so every dated item has both.
func dayString(d edtf.Day) *string {
	if d == edtf.MinDay || d == edtf.MaxDay {
		return nil
	}
	s := d.String()
	return &s
}

// ListItemAt describes the item at timeline position pos.
func ListItemAt(ix *model.Index, pos int) ListItem {
	it := ix.At(pos)
	d := it.Date()
	li := ListItem{
		ID: it.ID(), Kind: it.Kind().String(), Date: d.String(), Display: d.Display(),
		Title: ix.Title(pos), Actors: []string{}, Topics: []string{},
	}
	if !d.IsZero() {
		li.Start, li.End = dayString(d.Earliest()), dayString(d.Latest())
	}
	for _, a := range ix.ItemActors(pos) {
		li.Actors = append(li.Actors, a.ID)
	}
	for _, t := range ix.ItemTopics(pos) {
		li.Topics = append(li.Topics, t.ID)
	}
	if e := it.Event; e != nil {
		li.Summary, li.Citations = e.Summary, e.Citations
	} else {
		st := it.Statement
		li.Speaker, li.Quote, li.Paraphase, li.ReactsTo = st.Speaker, st.Quote, st.Paraphrase, st.ReactsTo
		li.Stances = make(map[string]model.Stance, len(st.Stances))
		for _, ts := range st.Stances {
			li.Stances[ts.Topic] = ts.Stance
		}
		if st.Citation.Source != "" {
			li.Citations = []model.Citation{st.Citation}
		}
	}
	return li
}

// ListTextOptions says where WriteListText writes.
type ListTextOptions struct {
	// Terminal is set when the list goes to a screen: a statement's title
	// made from its quote is then cut with an ellipsis (model.Index.Title);
	// to a pipe or a file it is written whole (model.Index.WholeTitle).
	Terminal bool
}

// minDateCol is the least width of the date column, with the space after
// it: most dates fit (edtf.ShortWidth), so the list keeps one look.
const minDateCol = 18

// WriteListText writes the rows one to a line: date, kind, title, actors.
// The date column is as wide as the widest date written, so the columns
// after it stay in line. Rows are written chunk by chunk (see
// model/internal/chunks), and each run of rows on one date formats it once.
func WriteListText(w io.Writer, ix *model.Index, rows []int32, opt ListTextOptions) error {
	dateCol := minDateCol
	var dc dateCells
	for _, p := range rows {
		dateCol = max(dateCol, dc.at(ix, int(p)).width+1)
	}
	return chunks.Write(w, len(rows), func(b []byte, lo, hi int) []byte {
		var dc dateCells
		for _, p := range rows[lo:hi] {
			pos := int(p)
			kind := "event"
			if ix.Kind(pos) == model.StatementItem {
				kind = "quote"
			}
			title := ix.WholeTitle(pos)
			if opt.Terminal {
				title = ix.Title(pos)
			}
			cell := dc.at(ix, pos)
			b = append(b, cell.text...)
			b = append(b, strings.Repeat(" ", max(0, dateCol-cell.width))...)
			b = append(b, kind...)
			b = append(b, strings.Repeat(" ", max(0, 6-len(kind)))...)
			b = append(b, ' ')
			b = append(b, title...)
			sep := "  ["
			for a := range ix.ItemActorsSeq(pos) {
				b = append(b, sep...)
				b = append(b, a.ID...)
				sep = ", "
			}
			if sep == ", " {
				b = append(b, ']')
			}
			b = append(b, '\n')
		}
		return b
	})
}

// dateCells is the text list's date cell of the last date asked for, with
// its width: rows in timeline order share dates in long runs.
type dateCells struct {
	date  edtf.Date
	seen  bool
	text  string
	width int
}

func (c *dateCells) at(ix *model.Index, pos int) *dateCells {
	if d := ix.At(pos).Date(); !c.seen || d != c.date {
		c.date, c.seen, c.text = d, true, "undated"
		if !d.IsZero() {
			c.text = d.Short()
		}
		c.width = ansi.StringWidth(c.text)
	}
	return c
}

// padRight is s followed by spaces to w columns.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// cut is s cut with an ellipsis to at most w columns.
func cut(s string, w int) string {
	return ansi.Truncate(s, w, "…")
}
