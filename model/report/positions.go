package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
)

// PositionsCSVHeader is the header row WritePositionsCSV writes.
var PositionsCSVHeader = []string{"actor", "topic", "stance", "date", "summary", "evidence", "history", "said"}

// jsonStep is one step of a cell's history in JSON.
type jsonStep struct {
	Date     *string      `json:"date"`
	Stance   model.Stance `json:"stance"`
	Summary  string       `json:"summary"`
	Evidence []string     `json:"evidence"`
}

// jsonSaid is one statement's stance on a cell's topic in JSON.
type jsonSaid struct {
	Statement string       `json:"statement"`
	Date      *string      `json:"date"`
	Stance    model.Stance `json:"stance"`
}

// jsonCell is a cell of the grid in JSON: the current step's fields, the
// history up to the grid's date including the current step, and what was
// said by then.
type jsonCell struct {
	Actor    string       `json:"actor"`
	Topic    string       `json:"topic"`
	Stance   model.Stance `json:"stance"`
	Date     *string      `json:"date"`
	Summary  string       `json:"summary"`
	Evidence []string     `json:"evidence"`
	History  []jsonStep   `json:"history"`
	Said     []jsonSaid   `json:"said"`
}

// dateString is a date's EDTF string, or nil when it is zero.
func dateString(d interface {
	IsZero() bool
	String() string
}) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func toJSONCell(ix *model.Index, c model.Cell) jsonCell {
	out := jsonCell{Actor: c.Actor, Topic: c.Topic, Stance: c.Stance(), Evidence: []string{},
		History: make([]jsonStep, 0, len(c.History)), Said: make([]jsonSaid, 0, len(c.Said.Statements))}
	for _, st := range c.History {
		out.History = append(out.History, jsonStep{Date: dateString(st.Date), Stance: st.Position.Stance,
			Summary: st.Position.Summary, Evidence: nonNilStrings(st.Position.Evidence)})
	}
	if n := len(out.History); n > 0 {
		cur := out.History[n-1]
		out.Date, out.Summary, out.Evidence = cur.Date, cur.Summary, cur.Evidence
	}
	for i, p := range c.Said.Statements {
		it := ix.At(p)
		out.Said = append(out.Said, jsonSaid{Statement: it.ID(), Date: dateString(it.Date()), Stance: c.Said.Stances[i]})
	}
	return out
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WritePositionsJSON writes the grid as an array of cells, each
// {actor, topic, stance, date, summary, evidence, history, said}: stance,
// date, summary and evidence are the step in effect (stance "none" and
// date null where none is), history every step by then in time order,
// said every statement's stance by then.
func WritePositionsJSON(w io.Writer, ix *model.Index, g model.Grid) error {
	out := make([]jsonCell, 0, len(g.Rows)*len(g.Topics))
	for r := range g.Rows {
		for c := range g.Topics {
			out = append(out, toJSONCell(ix, g.At(r, c)))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WritePositionsCSV writes one row a cell with the PositionsCSVHeader
// columns: stance is what the matrix shows ("opposes", "said opposes",
// "none"); history is "date stance" steps and said "statement=stance",
// each joined with "; ".
func WritePositionsCSV(w io.Writer, ix *model.Index, g model.Grid) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(PositionsCSVHeader); err != nil {
		return err
	}
	for i := range len(g.Rows) * len(g.Topics) {
		c := g.At(i/len(g.Topics), i%len(g.Topics))
		j := toJSONCell(ix, c)
		var hist, said []string
		for _, st := range j.History {
			hist = append(hist, strings.TrimSpace(derefOr(st.Date, "undated")+" "+string(st.Stance)))
		}
		for _, s := range j.Said {
			said = append(said, s.Statement+"="+string(s.Stance))
		}
		rec := []string{c.Actor, c.Topic, c.Label(false), deref(j.Date), j.Summary,
			strings.Join(j.Evidence, "; "), strings.Join(hist, "; "), strings.Join(said, "; ")}
		for k := range rec {
			rec[k] = GuardCSVCell(rec[k])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func derefOr(s *string, or string) string {
	if s == nil {
		return or
	}
	return *s
}

// asOfLine is the line that says which date a dated grid stands at.
func asOfLine(g model.Grid) string {
	return "As of " + g.AsOf.Display() + " (" + g.AsOf.String() + ")"
}

// maxColumn is the widest a column of the positions table is padded to:
// longer actor names and topic ids are cut with an ellipsis there (only
// there; the positions after the table, and JSON, give them whole).
const maxColumn = 40

// WritePositionsText writes the grid as a table, actors indented under
// their parents, each cell a symbol and a word ("· said ✗ opposes" where
// only statements take a stance), then each cell's steps and statements.
func WritePositionsText(w io.Writer, ix *model.Index, g model.Grid) error {
	if !g.AsOf.IsZero() {
		fmt.Fprintf(w, "%s\n\n", asOfLine(g))
	}
	nameW := len("actor")
	for _, n := range g.Rows {
		nameW = min(maxColumn, max(nameW, 2*n.Depth+ansi.StringWidth(n.Actor.Name)))
	}
	colW := make([]int, len(g.Topics))
	for i, t := range g.Topics {
		colW[i] = min(maxColumn, max(len("✓ conditional"), ansi.StringWidth(t.ID)))
		for r := range g.Rows {
			colW[i] = max(colW[i], ansi.StringWidth(g.At(r, i).Label(true)))
		}
	}
	var b strings.Builder
	b.WriteString(padRight("actor", nameW))
	for i, t := range g.Topics {
		b.WriteString("  " + padRight(cut(t.ID, colW[i]), colW[i]))
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	for r, n := range g.Rows {
		b.Reset()
		b.WriteString(padRight(cut(strings.Repeat("  ", n.Depth)+n.Actor.Name, nameW), nameW))
		for i := range g.Topics {
			b.WriteString("  " + padRight(g.At(r, i).Label(true), colW[i]))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	for k, c := range notEmpty(g) {
		if k == 0 {
			fmt.Fprintln(w)
		}
		head := c.actor.Name + " on " + c.topic.ID + ": "
		if len(c.cell.History) == 0 {
			fmt.Fprintf(w, "%sno position recorded; %s [%s]\n", head, c.cell.Label(false), saidIDs(ix, c.cell))
			continue
		}
		// The step in effect first, then the steps before it in time order.
		h := c.cell.History
		for i, st := range slices.Concat(h[len(h)-1:], h[:len(h)-1]) {
			line := "  earlier: " + string(st.Position.Stance)
			if i == 0 {
				line = head + string(st.Position.Stance)
			}
			line += ", dated " + st.Date.Display() + "."
			if st.Position.Summary != "" {
				line += " " + strings.TrimSuffix(st.Position.Summary, ".") + "."
			}
			fmt.Fprintf(w, "%s [%s]\n", line, strings.Join(st.Position.Evidence, ", "))
		}
	}
	return nil
}

// saidIDs lists the cell's statements, by id.
func saidIDs(ix *model.Index, c model.Cell) string {
	ids := make([]string, len(c.Said.Statements))
	for i, p := range c.Said.Statements {
		ids[i] = ix.At(p).ID()
	}
	return strings.Join(ids, ", ")
}

// WritePositionsMarkdown writes the grid as a Markdown table, actors
// indented under their parents and each cell as the matrix shows it, then
// each cell's steps and statements.
func WritePositionsMarkdown(w io.Writer, ix *model.Index, g model.Grid) error {
	bw := bufio.NewWriter(w)
	if !g.AsOf.IsZero() {
		fmt.Fprintf(bw, "%s.\n\n", mdInline(asOfLine(g)))
	}
	bw.WriteString("| Actor |")
	for _, t := range g.Topics {
		fmt.Fprintf(bw, " %s |", mdInline(t.Title))
	}
	bw.WriteString("\n| --- |")
	for range g.Topics {
		bw.WriteString(" --- |")
	}
	bw.WriteString("\n")
	for r, n := range g.Rows {
		fmt.Fprintf(bw, "| %s%s |", strings.Repeat("&nbsp;&nbsp;", n.Depth), mdInline(n.Actor.Name))
		for i := range g.Topics {
			fmt.Fprintf(bw, " %s |", mdInline(g.At(r, i).Label(true)))
		}
		bw.WriteString("\n")
	}
	code := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = "`" + id + "`"
		}
		return strings.Join(out, ", ")
	}
	for k, c := range notEmpty(g) {
		if k == 0 {
			bw.WriteString("\n## Positions\n\n")
		}
		fmt.Fprintf(bw, "- **%s** on **%s**:", mdInline(c.actor.Name), mdInline(c.topic.Title))
		if len(c.cell.History) == 0 {
			fmt.Fprintf(bw, " no position recorded; %s in %s.\n", c.cell.Label(false), code(strings.Split(saidIDs(ix, c.cell), ", ")))
			continue
		}
		for _, st := range c.cell.History {
			p := st.Position
			lead := " "
			if len(c.cell.History) > 1 {
				lead = "\n  - "
			}
			fmt.Fprintf(bw, "%s%s %s, dated %s.", lead, p.Stance.Symbol(), p.Stance, mdInline(st.Date.Display()))
			if p.Summary != "" {
				fmt.Fprintf(bw, " %s", mdInline(p.Summary))
			}
			if len(p.Evidence) > 0 {
				fmt.Fprintf(bw, " Evidence: %s.", code(p.Evidence))
			}
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// gridCell is a cell of the grid with its actor and topic.
type gridCell struct {
	actor *model.Actor
	topic model.Topic
	cell  model.Cell
}

// notEmpty lists the cells of the grid with a step or a statement, in the
// table's order: rows in tree order, topics in the story's.
func notEmpty(g model.Grid) []gridCell {
	var out []gridCell
	for r, n := range g.Rows {
		for i, t := range g.Topics {
			if c := g.At(r, i); len(c.History) > 0 || len(c.Said.Statements) > 0 {
				out = append(out, gridCell{n.Actor, t, c})
			}
		}
	}
	return out
}
