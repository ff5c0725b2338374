package report

// One item, or one cell of the matrix, as text to paste into a draft: what
// the explorer's y copies.

import (
	"bytes"
	"strings"

	"github.com/dateline/dateline/model"
)

// ItemMarkdown is the item at pos exactly as `list --format markdown`
// writes it, without the story's heading.
func ItemMarkdown(ix *model.Index, pos int) string {
	var b bytes.Buffer
	writeItemMarkdown(ix, &b, pos)
	return strings.TrimPrefix(b.String(), "\n")
}

// ItemCitations are the citations an item rests on, in the file's order.
func ItemCitations(it model.Item) []model.Citation {
	if it.Event != nil {
		return it.Event.Citations
	}
	if it.Statement != nil && it.Statement.Citation.Source != "" {
		return []model.Citation{it.Statement.Citation}
	}
	return nil
}

// ItemURL is the address of the first of an item's sources that has one,
// or "".
func ItemURL(ix *model.Index, it model.Item) string {
	for _, c := range ItemCitations(it) {
		if src, ok := ix.Source(c.Source); ok && src.URL != "" {
			return src.URL
		}
	}
	return ""
}

// QuoteMarkdown is the item as one Markdown line to paste under a story:
// “the quote” — Speaker, Outlet, date, <URL>. An event's words are its
// title and summary, and it has no speaker. The date is the source's
// publication date where it has one, else the item's.
func QuoteMarkdown(ix *model.Index, pos int) string {
	it := ix.At(pos)
	var words string
	var who []string
	if s := it.Statement; s != nil {
		words = "“" + mdInline(s.Quote) + "”"
		if s.Paraphrase {
			words = mdInline(s.Quote) + " (paraphrase)"
		}
		who = append(who, mdInline(ix.ActorName(s.Speaker)))
	} else {
		words = mdInline(ix.Title(pos))
		if it.Event.Summary != "" {
			words = strings.TrimSuffix(words, ".") + ". " + mdInline(it.Event.Summary)
		}
		words = "“" + words + "”"
	}
	date := it.Date()
	url := ""
	for _, c := range ItemCitations(it) {
		src, ok := ix.Source(c.Source)
		if !ok {
			continue
		}
		if src.Outlet != "" {
			who = append(who, "*"+mdInline(src.Outlet)+"*")
		}
		if !src.Published.IsZero() {
			date = src.Published
		}
		url = src.URL
		break
	}
	if !date.IsZero() {
		who = append(who, mdInline(date.Display()))
	}
	if url != "" {
		who = append(who, "<"+mdURL(url)+">")
	}
	if len(who) == 0 {
		return words
	}
	return words + " — " + strings.Join(who, ", ")
}

// mdURL keeps an address whole inside <…>.
func mdURL(u string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u)
}

// CellMarkdown is one cell of the positions matrix as Markdown: the
// actor's stance on the topic, its summary, and each piece of evidence as
// a quote line with its citation.
func CellMarkdown(ix *model.Index, actor, topic string) string {
	p := ix.Position(actor, topic)
	title := topic
	if t, ok := ix.Topic(topic); ok {
		title = t.Title
	}
	var b strings.Builder
	b.WriteString("**" + mdInline(ix.ActorName(actor)) + "** on **" + mdInline(title) + "**: " + p.Stance.Symbol() + " " + string(p.Stance) + "\n")
	if p.Summary != "" {
		b.WriteString("\n" + mdBlock(p.Summary) + "\n")
	}
	var lines []string
	for _, id := range p.Evidence {
		if pos, ok := ix.Lookup(id); ok {
			lines = append(lines, "- "+QuoteMarkdown(ix, pos))
		}
	}
	if len(lines) > 0 {
		b.WriteString("\n**Evidence:**\n\n" + strings.Join(lines, "\n") + "\n")
	}
	return b.String()
}
