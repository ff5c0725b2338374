package model

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dateline/dateline/model/text"
)

// The list and matrix writers beyond text and JSON: NDJSON and CSV for
// tools, Markdown for reports.

// WriteListNDJSON writes the rows one JSON object to a line, each shaped as
// in WriteListJSON, for tools that stream.
func (ix *Index) WriteListNDJSON(w io.Writer, rows []int32) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, p := range rows {
		if err := enc.Encode(ix.ListItemAt(int(p))); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ListCSVHeader is the header row WriteListCSV writes.
var ListCSVHeader = []string{"id", "kind", "date", "start", "end", "display", "title", "text", "actors", "topics", "speaker", "stances", "reacts_to", "sources"}

// WriteListCSV writes the rows as CSV with the ListCSVHeader columns. Lists
// (actors, topics, stances, sources) are joined with "; ". Text cells that
// a spreadsheet would run as a formula (starting with =, +, -, @) get a
// leading apostrophe, as spreadsheets themselves write them.
func (ix *Index) WriteListCSV(w io.Writer, rows []int32) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ListCSVHeader); err != nil {
		return err
	}
	rec := make([]string, len(ListCSVHeader))
	for _, p := range rows {
		li := ix.ListItemAt(int(p))
		text := li.Summary
		if li.Kind == StatementItem.String() {
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
func citationRef(c Citation) string {
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

// WriteListMarkdown writes the rows as a Markdown report: the story's title
// and description, then each item under a heading with its date, its
// summary or quote (as a block quote, with the speaker), actors, topics and
// citations with their sources' outlets, titles and addresses.
func (ix *Index) WriteListMarkdown(w io.Writer, rows []int32) error {
	bw := bufio.NewWriter(w)
	s := ix.story
	title := s.Title
	if title == "" {
		title = "Timeline"
	}
	// Every block starts with a blank line and ends with one newline.
	fmt.Fprintf(bw, "# %s\n", mdInline(title))
	if s.Description != "" {
		fmt.Fprintf(bw, "\n%s\n", mdBlock(s.Description))
	}
	fmt.Fprintf(bw, "\n%d %s.\n", len(rows), text.Plural(len(rows), "item", "items"))
	for _, p := range rows {
		ix.writeItemMarkdown(bw, int(p))
	}
	return bw.Flush()
}

func (ix *Index) writeItemMarkdown(bw *bufio.Writer, pos int) {
	it := ix.At(pos)
	d := it.Date()
	when := d.Display() // "undated" for the zero Date
	fmt.Fprintf(bw, "\n## %s — %s\n", mdInline(when), mdInline(ix.Title(pos)))
	meta := []string{it.Kind().String()}
	if !d.IsZero() {
		meta = append(meta, "`"+d.String()+"`")
		if desc := d.Describe(); desc != "" {
			meta = append(meta, mdInline(desc))
		}
	}
	meta = append(meta, "id `"+it.ID()+"`")
	fmt.Fprintf(bw, "\n*%s*\n", strings.Join(meta, " · "))
	var cites []Citation
	if e := it.Event; e != nil {
		if e.Summary != "" {
			fmt.Fprintf(bw, "\n%s\n", mdBlock(e.Summary))
		}
		if len(e.Actors) > 0 {
			var parts []string
			for _, r := range e.Actors {
				a := mdInline(ix.ActorName(r.Actor))
				if r.Role != "" {
					a += " (" + mdInline(r.Role) + ")"
				}
				parts = append(parts, a)
			}
			fmt.Fprintf(bw, "\n**Actors:** %s\n", strings.Join(parts, ", "))
		}
		cites = e.Citations
	} else {
		st := it.Statement
		quote := mdBlock(st.Quote)
		if !st.Paraphrase {
			quote = "“" + quote + "”"
		}
		fmt.Fprintf(bw, "\n> %s\n>\n> — %s", strings.ReplaceAll(quote, "\n", "\n> "), mdInline(ix.ActorName(st.Speaker)))
		if st.Paraphrase {
			bw.WriteString(" (paraphrase)")
		}
		bw.WriteString("\n")
		if len(st.Stances) > 0 {
			var parts []string
			for _, ts := range st.Stances {
				t := ts.Topic
				if tp, ok := ix.Topic(ts.Topic); ok {
					t = tp.Title
				}
				parts = append(parts, ts.Stance.Symbol()+" "+string(ts.Stance)+" on "+mdInline(t))
			}
			fmt.Fprintf(bw, "\n**Stance:** %s\n", strings.Join(parts, "; "))
		}
		if st.ReactsTo != "" {
			if p, ok := ix.Lookup(st.ReactsTo); ok {
				fmt.Fprintf(bw, "\n**Reacts to:** %s\n", mdInline(ix.Title(p)))
			}
		}
		if st.Citation.Source != "" {
			cites = []Citation{st.Citation}
		}
	}
	if topics := ix.ItemTopics(pos); len(topics) > 0 {
		var parts []string
		for _, t := range topics {
			parts = append(parts, mdInline(t.Title))
		}
		fmt.Fprintf(bw, "\n**Topics:** %s\n", strings.Join(parts, ", "))
	}
	if len(cites) > 0 {
		bw.WriteString("\n**Sources:**\n\n")
		for _, c := range cites {
			fmt.Fprintf(bw, "- %s\n", ix.citationMarkdown(c))
		}
	}
}

// citationMarkdown is one citation as a list entry: outlet and title,
// linked to the source's address, then paragraph, date and wording.
func (ix *Index) citationMarkdown(c Citation) string {
	src, ok := ix.Source(c.Source)
	if !ok {
		return "`" + c.Source + "`"
	}
	head := src.Outlet
	if src.Title != "" {
		head = strings.TrimPrefix(head+": ", ": ") + src.Title
	}
	if head == "" {
		head = src.ID
	}
	out := mdInline(head)
	if src.URL != "" {
		out = "[" + out + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(src.URL) + ">)"
	}
	var meta []string
	if !src.Published.IsZero() {
		meta = append(meta, "published "+mdInline(src.Published.Display()))
	}
	if c.Paragraph > 0 {
		meta = append(meta, fmt.Sprintf("paragraph %d", c.Paragraph))
	}
	if c.Wording != "" {
		meta = append(meta, "“"+mdInline(c.Wording)+"”")
	}
	if len(meta) > 0 {
		out += ", " + strings.Join(meta, ", ")
	}
	return out
}

// WritePositionsMarkdown writes the matrix as a Markdown table, actors
// indented under their parents and each cell a symbol and a stance, then
// each recorded position with its summary and evidence.
func (ix *Index) WritePositionsMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	topics := ix.story.Topics
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
	for r, n := range ix.tree {
		fmt.Fprintf(bw, "| %s%s |", strings.Repeat("&nbsp;&nbsp;", n.Depth), mdInline(n.Actor.Name))
		for i := range topics {
			st := cells[r*len(topics)+i].Stance
			fmt.Fprintf(bw, " %s %s |", mdInline(st.Symbol()), st)
		}
		bw.WriteString("\n")
	}
	first := true
	for r, n := range ix.tree {
		for i, t := range topics {
			p := cells[r*len(topics)+i]
			if p.Stance == StanceNone {
				continue
			}
			if first {
				bw.WriteString("\n## Positions\n\n")
				first = false
			}
			fmt.Fprintf(bw, "- **%s** on **%s**: %s %s.", mdInline(n.Actor.Name), mdInline(t.Title), p.Stance.Symbol(), p.Stance)
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
	}
	return bw.Flush()
}

// mdEscaper escapes the characters that Markdown would read as markup
// inside a line of text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`, "~", `\~`,
)

// mdInline is one line of text, escaped; newlines become spaces.
func mdInline(s string) string {
	return mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

// mdBlock is multi-line text, escaped, its paragraphs kept and single line
// breaks kept as hard breaks. A line that would start a list, heading or
// quote has its first character escaped.
func mdBlock(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		lines := strings.Split(strings.TrimSpace(p), "\n")
		for j, l := range lines {
			l = mdEscaper.Replace(strings.TrimSpace(l))
			if l != "" && strings.ContainsRune("-+=", rune(l[0])) {
				l = `\` + l
			} else if k := strings.IndexFunc(l, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && (l[k] == '.' || l[k] == ')') {
				l = l[:k] + `\` + l[k:]
			}
			lines[j] = l
		}
		paras[i] = strings.Join(lines, "  \n")
	}
	return strings.Join(paras, "\n\n")
}
