package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model/edtf"
)

// Symbol is the stance as one character, readable without colour.
func (s Stance) Symbol() string {
	switch s {
	case StanceSupports:
		return "✓"
	case StanceOpposes:
		return "✗"
	case StanceConditional:
		return "◐"
	case StanceNeutral:
		return "○"
	case StanceUnclear:
		return "?"
	}
	return "·"
}

// ListItem is one timeline item as `dateline list --format json` writes it.
type ListItem struct {
	ID        string            `json:"id"`
	Kind      string            `json:"kind"`
	Date      string            `json:"date"`
	Start     *string           `json:"start"`
	End       *string           `json:"end"`
	Display   string            `json:"display"`
	Title     string            `json:"title"`
	Summary   string            `json:"summary,omitempty"`
	Actors    []string          `json:"actors"`
	Topics    []string          `json:"topics"`
	Speaker   string            `json:"speaker,omitempty"`
	Quote     string            `json:"quote,omitempty"`
	Paraphase bool              `json:"paraphrase,omitempty"`
	Stances   map[string]Stance `json:"stances,omitzero"` // {} for a statement without stances
	ReactsTo  string            `json:"reacts_to,omitempty"`
	Citations []Citation        `json:"citations,omitempty"`
}

// dayString formats a bound as YYYY-MM-DD when the year fits four digits;
// open ends and far years give nil (JSON null).
func dayString(d edtf.Day) *string {
	if d == edtf.MinDay || d == edtf.MaxDay {
		return nil
	}
	if y, _, _ := d.Civil(); y < 0 || y > 9999 {
		return nil
	}
	s := d.String()
	return &s
}

// ListItemAt describes the item at timeline position pos.
func (ix *Index) ListItemAt(pos int) ListItem {
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
		li.Stances = make(map[string]Stance, len(st.Stances))
		for _, ts := range st.Stances {
			li.Stances[ts.Topic] = ts.Stance
		}
		if st.Citation.Source != "" {
			li.Citations = []Citation{st.Citation}
		}
	}
	return li
}

// WriteListJSON writes the rows as one JSON array in timeline order.
func (ix *Index) WriteListJSON(w io.Writer, rows []int32) error {
	items := make([]ListItem, len(rows))
	for i, p := range rows {
		items[i] = ix.ListItemAt(int(p))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}

// WriteListText writes the rows one to a line: date, kind, title, actors.
func (ix *Index) WriteListText(w io.Writer, rows []int32) error {
	const dateCol = 18
	for _, p := range rows {
		pos := int(p)
		d := ix.At(pos).Date()
		date := "undated"
		if !d.IsZero() {
			date = d.Short()
		}
		kind := "event"
		if ix.Kind(pos) == StatementItem {
			kind = "quote"
		}
		var ids []string
		for _, a := range ix.ItemActors(pos) {
			ids = append(ids, a.ID)
		}
		pad := max(1, dateCol-ansi.StringWidth(date))
		line := fmt.Sprintf("%s%s%-6s %s", date, strings.Repeat(" ", pad), kind, ix.Title(pos))
		if len(ids) > 0 {
			line += "  [" + strings.Join(ids, ", ") + "]"
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// Matrix is every actor × topic position, actors in tree order.
func (ix *Index) Matrix() []Position {
	var out []Position
	for _, n := range ix.tree {
		for _, t := range ix.story.Topics {
			out = append(out, ix.Position(n.Actor.ID, t.ID))
		}
	}
	return out
}

// WritePositionsJSON writes the matrix as an array of
// {actor, topic, stance, summary, evidence}.
func (ix *Index) WritePositionsJSON(w io.Writer) error {
	cells := ix.Matrix()
	for i := range cells {
		if cells[i].Evidence == nil {
			cells[i].Evidence = []string{}
		}
	}
	type cell struct {
		Actor    string   `json:"actor"`
		Topic    string   `json:"topic"`
		Stance   Stance   `json:"stance"`
		Summary  string   `json:"summary"`
		Evidence []string `json:"evidence"`
	}
	out := make([]cell, len(cells))
	for i, c := range cells {
		out[i] = cell(c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WritePositionsText writes the matrix as a table, actors indented under
// their parents, each cell a symbol and a word, then the recorded positions
// with their summaries.
func (ix *Index) WritePositionsText(w io.Writer) error {
	topics := ix.story.Topics
	cells := ix.Matrix() // actor-major: the row of actor r starts at r*len(topics)
	nameW := len("actor")
	for _, n := range ix.tree {
		nameW = max(nameW, 2*n.Depth+ansi.StringWidth(n.Actor.Name))
	}
	colW := make([]int, len(topics))
	for i, t := range topics {
		colW[i] = max(len("✓ conditional"), ansi.StringWidth(t.ID))
	}
	var b strings.Builder
	b.WriteString(padRight("actor", nameW))
	for i, t := range topics {
		b.WriteString("  " + padRight(t.ID, colW[i]))
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	for r, n := range ix.tree {
		b.Reset()
		b.WriteString(padRight(strings.Repeat("  ", n.Depth)+n.Actor.Name, nameW))
		for i := range topics {
			st := cells[r*len(topics)+i].Stance
			b.WriteString("  " + padRight(st.Symbol()+" "+string(st), colW[i]))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	first := true
	for r, n := range ix.tree {
		for i, t := range topics {
			p := cells[r*len(topics)+i]
			if p.Stance == StanceNone {
				continue
			}
			if first {
				fmt.Fprintln(w)
				first = false
			}
			line := fmt.Sprintf("%s on %s: %s.", n.Actor.Name, t.ID, p.Stance)
			if p.Summary != "" {
				line += " " + strings.TrimSuffix(p.Summary, ".") + "."
			}
			fmt.Fprintf(w, "%s [%s]\n", line, strings.Join(p.Evidence, ", "))
		}
	}
	return nil
}

func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}
