package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/internal/chunks"
	"github.com/dateline/dateline/model/text"
)

// WriteListMarkdown writes the rows as a Markdown report: the story's title
// and description, then each item under a heading with its date, its
// summary or quote (as a block quote, with the speaker), actors, topics and
// citations with their sources' outlets, titles and addresses.
func WriteListMarkdown(w io.Writer, ix *model.Index, rows []int32) error {
	bw := bufio.NewWriter(w)
	s := ix.Story()
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
	if err := bw.Flush(); err != nil {
		return err
	}
	// The items, encoded on every processor and written in order.
	return chunks.Write(w, len(rows), func(dst []byte, lo, hi int) []byte {
		b := bytes.NewBuffer(dst)
		for _, p := range rows[lo:hi] {
			writeItemMarkdown(ix, b, int(p))
		}
		return b.Bytes()
	})
}

func writeItemMarkdown(ix *model.Index, bw *bytes.Buffer, pos int) {
	it := ix.At(pos)
	d := it.Date()
	when := d.Display() // "undated" for the zero Date
	// Written piece by piece, as the common parts are a few bytes each.
	bw.WriteString("\n## ")
	writeMDInline(bw, when)
	bw.WriteString(" — ")
	writeMDInline(bw, ix.Title(pos))
	bw.WriteString("\n\n*")
	bw.WriteString(it.Kind().String())
	if !d.IsZero() {
		bw.WriteString(" · ")
		bw.WriteString(mdCode(d.String()))
		if desc := d.Describe(); desc != "" {
			bw.WriteString(" · ")
			writeMDInline(bw, desc)
		}
	}
	bw.WriteString(" · id ")
	bw.WriteString(mdCode(it.ID()))
	bw.WriteString("*\n")
	var cites []model.Citation
	if e := it.Event; e != nil {
		if e.Summary != "" {
			bw.WriteByte('\n')
			writeMDBlock(bw, e.Summary)
			bw.WriteByte('\n')
		}
		if len(e.Actors) > 0 {
			bw.WriteString("\n**Actors:** ")
			for i, r := range e.Actors {
				if i > 0 {
					bw.WriteString(", ")
				}
				writeMDInline(bw, ix.ActorName(r.Actor))
				if r.Role != "" {
					bw.WriteString(" (")
					writeMDInline(bw, r.Role)
					bw.WriteByte(')')
				}
			}
			bw.WriteByte('\n')
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
			cites = []model.Citation{st.Citation}
		}
	}
	if topics := ix.ItemTopics(pos); len(topics) > 0 {
		bw.WriteString("\n**Topics:** ")
		for i, t := range topics {
			if i > 0 {
				bw.WriteString(", ")
			}
			writeMDInline(bw, t.Title)
		}
		bw.WriteByte('\n')
	}
	if len(cites) > 0 {
		bw.WriteString("\n**Sources:**\n\n")
		for _, c := range cites {
			bw.WriteString("- ")
			bw.WriteString(citationMarkdown(ix, c))
			bw.WriteByte('\n')
		}
	}
}

// citationMarkdown is one citation as a list entry: outlet and title,
// linked to the source's address, then paragraph, date and wording.
func citationMarkdown(ix *model.Index, c model.Citation) string {
	src, ok := ix.Source(c.Source)
	if !ok {
		return mdCode(c.Source)
	}
	head := src.Outlet
	if src.Title != "" {
		head = strings.TrimPrefix(head+": ", ": ") + src.Title
	}
	if head == "" {
		head = src.ID
	}
	out := mdLink(mdInline(head), src.URL)
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

// mdLink is the Markdown text linked to url when url is an http, https or
// mailto address, which a reader can follow without running anything. Any
// other address (javascript:, data:, vbscript:, file:, or none that
// parses) follows the text as code, to be read and not followed. Bytes
// that would end the link's <destination> or the line (<, >, \, spaces
// and control characters) are percent-encoded, as a browser would send
// them; an empty url leaves the text alone.
func mdLink(text, url string) string {
	if url == "" {
		return text
	}
	if !linkable(url) {
		return text + " (" + mdCode(url) + ")"
	}
	var b strings.Builder
	b.WriteString("[" + text + "](<")
	for i := 0; i < len(url); i++ {
		if c := url[i]; c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '\\' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	b.WriteString(">)")
	return b.String()
}

// linkable reports whether url's scheme is one that Markdown reports link:
// http://, https:// or mailto:, in any case.
func linkable(url string) bool {
	head := strings.ToLower(url[:min(len(url), len("https://"))])
	return strings.HasPrefix(head, "http://") || strings.HasPrefix(head, "https://") || strings.HasPrefix(head, "mailto:")
}

// mdCode is s as a Markdown code span, shown as it is: fenced by more
// backticks than any run inside it, padded with a space where it starts
// or ends with a backtick or a space (which Markdown strips), and with
// control characters (line breaks among them) percent-encoded so that the
// span stays on its line.
func mdCode(s string) string {
	var b strings.Builder
	run, longest := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
		if c < ' ' || c == 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	body := b.String()
	if body != "" && (strings.ContainsRune("` ", rune(body[0])) || strings.ContainsRune("` ", rune(body[len(body)-1]))) {
		body = " " + body + " "
	}
	fence := strings.Repeat("`", longest+1)
	return fence + body + fence
}

// mdEscaper escapes the characters that Markdown would read as markup
// inside a line of text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "|", `\|`, "#", `\#`, "~", `\~`,
)

// mdInline is one line of text, escaped; newlines become spaces.
func mdInline(s string) string { return mdEscaper.Replace(oneSpaced(s)) }

// writeMDInline writes mdInline(s) to b.
func writeMDInline(b *bytes.Buffer, s string) { _, _ = mdEscaper.WriteString(b, oneSpaced(s)) }

// oneSpaced is s on one line, its words one space apart.
func oneSpaced(s string) string {
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// singleSpaced reports whether s is ASCII text whose words are already
// one space apart, as strings.Join(strings.Fields(s), " ") would leave it.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// mdBlock is multi-line text, escaped, its paragraphs kept and single line
// breaks kept as hard breaks. A line that would start a list, heading or
// quote has its first character escaped.
func mdBlock(s string) string {
	var b bytes.Buffer
	writeMDBlock(&b, s)
	return b.String()
}

// writeMDBlock writes mdBlock(s) to b. The escapes never touch a line's
// first character when it is one of "-+=" or a digit, nor a '.' or ')',
// so those are looked for in the line as it is.
func writeMDBlock(b *bytes.Buffer, s string) {
	paraSep := ""
	for p := range strings.SplitSeq(strings.TrimSpace(s), "\n\n") {
		b.WriteString(paraSep)
		paraSep = "\n\n"
		lineSep := ""
		for l := range strings.SplitSeq(strings.TrimSpace(p), "\n") {
			b.WriteString(lineSep)
			lineSep = "  \n"
			l = strings.TrimSpace(l)
			if l != "" && strings.ContainsRune("-+=", rune(l[0])) {
				b.WriteByte('\\')
			} else if k := strings.IndexFunc(l, func(r rune) bool { return r < '0' || r > '9' }); k > 0 && (l[k] == '.' || l[k] == ')') {
				b.WriteString(l[:k])
				b.WriteByte('\\')
				l = l[k:]
			}
			_, _ = mdEscaper.WriteString(b, l)
		}
	}
}
