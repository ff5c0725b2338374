package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/dateline/dateline/model"
)

// WritePositionsJSON writes the matrix as an array of
// {actor, topic, stance, summary, evidence}.
func WritePositionsJSON(w io.Writer, ix *model.Index) error {
	cells := ix.Matrix()
	for i := range cells {
		if cells[i].Evidence == nil {
			cells[i].Evidence = []string{}
		}
	}
	type cell struct {
		Actor    string       `json:"actor"`
		Topic    string       `json:"topic"`
		Stance   model.Stance `json:"stance"`
		Summary  string       `json:"summary"`
		Evidence []string     `json:"evidence"`
	}
	out := make([]cell, len(cells))
	for i, c := range cells {
		out[i] = cell(c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// maxColumn is the widest a column of the positions table is padded to:
// longer actor names and topic ids are cut with an ellipsis there (only
// there; the positions after the table, and JSON, give them whole).
const maxColumn = 40

// WritePositionsText writes the matrix as a table, actors indented under
// their parents, each cell a symbol and a word, then the recorded positions
// with their summaries.
func WritePositionsText(w io.Writer, ix *model.Index) error {
	topics := ix.Story().Topics
	cells := ix.Matrix() // actor-major: the row of actor r starts at r*len(topics)
	nameW := len("actor")
	for _, n := range ix.ActorTree() {
		nameW = min(maxColumn, max(nameW, 2*n.Depth+ansi.StringWidth(n.Actor.Name)))
	}
	colW := make([]int, len(topics))
	for i, t := range topics {
		colW[i] = min(maxColumn, max(len("✓ conditional"), ansi.StringWidth(t.ID)))
	}
	var b strings.Builder
	b.WriteString(padRight("actor", nameW))
	for i, t := range topics {
		b.WriteString("  " + padRight(cut(t.ID, colW[i]), colW[i]))
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	for r, n := range ix.ActorTree() {
		b.Reset()
		b.WriteString(padRight(cut(strings.Repeat("  ", n.Depth)+n.Actor.Name, nameW), nameW))
		for i := range topics {
			st := cells[r*len(topics)+i].Stance
			b.WriteString("  " + padRight(st.Symbol()+" "+string(st), colW[i]))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	for k, c := range recorded(ix, cells) {
		if k == 0 {
			fmt.Fprintln(w)
		}
		p := c.position
		line := fmt.Sprintf("%s on %s: %s.", c.actor.Name, c.topic.ID, p.Stance)
		if p.Summary != "" {
			line += " " + strings.TrimSuffix(p.Summary, ".") + "."
		}
		fmt.Fprintf(w, "%s [%s]\n", line, strings.Join(p.Evidence, ", "))
	}
	return nil
}

// WritePositionsMarkdown writes the matrix as a Markdown table, actors
// indented under their parents and each cell a symbol and a stance, then
// each recorded position with its summary and evidence.
func WritePositionsMarkdown(w io.Writer, ix *model.Index) error {
	bw := bufio.NewWriter(w)
	topics := ix.Story().Topics
	cells := ix.Matrix() // actor-major: the row of actor r starts at r*len(topics)
	bw.WriteString("| Actor |")
	for _, t := range topics {
		fmt.Fprintf(bw, " %s |", mdInline(t.Title))
	}
	bw.WriteString("\n| --- |")
	for range topics {
		bw.WriteString(" --- |")
	}
	bw.WriteString("\n")
	for r, n := range ix.ActorTree() {
		fmt.Fprintf(bw, "| %s%s |", strings.Repeat("&nbsp;&nbsp;", n.Depth), mdInline(n.Actor.Name))
		for i := range topics {
			st := cells[r*len(topics)+i].Stance
			fmt.Fprintf(bw, " %s %s |", mdInline(st.Symbol()), st)
		}
		bw.WriteString("\n")
	}
	for k, c := range recorded(ix, cells) {
		if k == 0 {
			bw.WriteString("\n## Positions\n\n")
		}
		p := c.position
		fmt.Fprintf(bw, "- **%s** on **%s**: %s %s.", mdInline(c.actor.Name), mdInline(c.topic.Title), p.Stance.Symbol(), p.Stance)
		if p.Summary != "" {
			fmt.Fprintf(bw, " %s", mdInline(p.Summary))
		}
		if len(p.Evidence) > 0 {
			var ev []string
			for _, id := range p.Evidence {
				ev = append(ev, "`"+id+"`")
			}
			fmt.Fprintf(bw, " Evidence: %s.", strings.Join(ev, ", "))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// recordedCell is a cell of the matrix that holds a stance.
type recordedCell struct {
	actor    *model.Actor
	topic    model.Topic
	position model.Position
}

// recorded lists the cells of the matrix (cells, from ix.Matrix) that hold
// a stance, in the table's order: actors in tree order, topics in the
// story's.
func recorded(ix *model.Index, cells []model.Position) []recordedCell {
	topics := ix.Story().Topics
	var out []recordedCell
	for r, n := range ix.ActorTree() {
		for i, t := range topics {
			if p := cells[r*len(topics)+i]; p.Stance != model.StanceNone {
				out = append(out, recordedCell{n.Actor, t, p})
			}
		}
	}
	return out
}
