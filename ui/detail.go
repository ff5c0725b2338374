package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
)

// Detail shows everything about the selected item, and scrolls when it is
// longer than the pane.
type Detail struct {
	ix     *model.Index
	st     *Styles
	keys   KeyMap
	pos    int // timeline position shown, or -1
	needle string
	view   scroller
	links  []int // the items [1], [2]… refer to (links.go)
}

// NewDetail makes an empty detail pane.
func NewDetail(ix *model.Index, st *Styles, keys KeyMap) Detail {
	return Detail{ix: ix, st: st, keys: keys, pos: -1}
}

// SetSize implements component.
func (d *Detail) SetSize(w, h int) {
	wider := w != d.view.width
	d.view.SetSize(w, h)
	if wider {
		d.render()
	}
}

// Show displays the item at timeline position pos (or nothing when pos < 0),
// with the folded search text highlighted.
func (d *Detail) Show(pos int, needle string) {
	if pos == d.pos && needle == d.needle {
		return
	}
	if pos != d.pos {
		d.view.Top()
	}
	d.pos, d.needle = pos, needle
	d.render()
}

// Scroll moves the view by n lines.
func (d *Detail) Scroll(n int) { d.view.Scroll(n) }

// More reports whether lines lie below the pane, for its title.
func (d Detail) More() bool { return d.view.More() }

// HelpKeys implements component.
func (d Detail) HelpKeys() []key.Binding {
	g := d.keys.Global
	keys := []key.Binding{d.keys.Scroll.Up, d.keys.Scroll.Down, d.keys.Detail.Back}
	if len(d.links) > 0 {
		keys = append(keys, d.keys.Detail.Follow, g.Back)
	}
	return append(keys, g.NextPane, g.Positions, g.Help, g.Quit)
}

// Update implements component: scrolling keys, and drawing again in new
// styles.
func (d Detail) Update(msg tea.Msg) (Detail, tea.Cmd) {
	if _, ok := msg.(restyledMsg); ok {
		d.render()
		return d, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, d.keys.Detail.Follow) {
		return d, followCmd(d.links, int(k.String()[0]-'0'))
	}
	d.view.Update(d.keys.Scroll, msg)
	return d, nil
}

// View implements component.
func (d Detail) View() string { return d.view.View(d.st.Width) }

// render lays the item out as wrapped lines for the current width.
func (d *Detail) render() {
	width := d.view.width
	d.links = nil
	switch {
	case width <= 0:
		d.view.SetLines(nil)
	case d.pos < 0 || d.pos >= d.ix.Len():
		d.view.SetLines([]string{d.st.Detail.Muted.Render("Nothing selected.")})
	default:
		b := &docBuilder{st: d.st, width: width, needle: d.needle}
		d.links = writeItem(b, d.ix, d.pos)
		d.view.SetLines(b.lines)
	}
}

// writeItem describes the item at pos: title, date, actors, topics, text,
// stances, reactions and citations. It returns the items its numbered
// references go to.
func writeItem(b *docBuilder, ix *model.Index, pos int) []int {
	lk := &linker{}
	st := b.st.Detail
	item := ix.At(pos)
	b.para(ix.Title(pos), func(s string) string { return highlight(s, b.needle, st.Title, b.st.Timeline.Match) }, "")
	b.blank()
	date := item.Date()
	when := "undated"
	if !date.IsZero() {
		when = date.Display()
		if desc := date.Describe(); desc != "" {
			when += " · " + desc
		}
	}
	b.field("Date", when)
	if !date.IsZero() {
		b.field("EDTF", date.String())
	}
	var cites []model.Citation
	if e := item.Event; e != nil {
		b.field("Kind", "event")
		cites = e.Citations
	} else {
		s := item.Statement
		kind := "statement, quoted verbatim"
		if s.Paraphrase {
			kind = "statement, paraphrased"
		}
		b.field("Kind", kind)
		if s.Citation.Source != "" {
			cites = []model.Citation{s.Citation}
		}
	}
	for _, c := range cites {
		if c.Wording != "" {
			b.field("Wording", "“"+c.Wording+"”")
			break
		}
	}
	if cleaned, ok := ix.Story().Cleaned[item.ID()]; ok {
		b.blank()
		b.para("⚠ Cleaned for your terminal: "+cleaned.Describe()+".", func(l string) string { return st.Warning.Render(l) }, "")
	}
	if s := item.Statement; s != nil {
		writeStatement(b, ix, s, lk, pos)
	} else {
		writeEvent(b, ix, pos, item.Event)
	}
	// A statement's topics are its stances, shown already.
	if topics := ix.ItemTopics(pos); len(topics) > 0 && item.Statement == nil {
		b.section("Topics")
		for _, t := range topics {
			b.para(t.Title, func(s string) string { return st.Text.Render(s) }, "• ")
		}
	}
	if reactions := ix.Reactions(pos); len(reactions) > 0 {
		b.section("Reactions")
		for _, r := range reactions {
			lk.ref(b, ix, r, "❝")
		}
	}
	if len(cites) > 0 {
		b.section("Source")
		// One block a source, its paragraphs together.
		var order []string
		paras := map[string][]int{}
		for _, c := range cites {
			if _, seen := paras[c.Source]; !seen {
				order = append(order, c.Source)
				paras[c.Source] = nil
			}
			if c.Paragraph > 0 {
				paras[c.Source] = append(paras[c.Source], c.Paragraph)
			}
		}
		for i, src := range order {
			if i > 0 {
				b.blank()
			}
			writeCitation(b, ix, src, paras[src])
		}
	}
	return lk.links
}

func writeStatement(b *docBuilder, ix *model.Index, s *model.Statement, lk *linker, pos int) {
	st := b.st.Detail
	b.section("Quote")
	quote := "“" + s.Quote + "”"
	if s.Paraphrase {
		quote = s.Quote + " (paraphrase)"
	}
	b.para(quote, func(l string) string { return highlight(l, b.needle, st.Quote, b.st.Timeline.Match) }, st.QuoteMark.Render("│ "))
	speaker := capped(b.st.Width, ix.ActorName(s.Speaker))
	if anc := ix.Ancestors(s.Speaker); len(anc) > 0 {
		var names []string
		for _, a := range anc {
			names = append(names, capped(b.st.Width, a.Name))
		}
		speaker += ", " + strings.Join(names, ", ")
	}
	b.para("— "+speaker, func(l string) string { return st.Muted.Render(l) }, "  ")
	if len(s.Stances) > 0 {
		b.section("Stance")
		for _, ts := range s.Stances {
			title := ts.Topic
			if t, ok := ix.Topic(ts.Topic); ok {
				title = t.Title
			}
			sty := b.st.Matrix.Stance[ts.Stance]
			b.para(title, func(l string) string { return st.Text.Render(l) }, sty.Render(fitWidth(b.st.Width, ts.Stance.Symbol()+" "+string(ts.Stance), 14)))
		}
	}
	if s.ReactsTo != "" {
		if p, ok := ix.Lookup(s.ReactsTo); ok {
			b.section("Reacts to")
			lk.ref(b, ix, p, "↳")
		}
	}
	if ev := evidence(ix, s, pos); len(ev) > 0 {
		b.section("Evidence of these positions")
		for _, p := range ev {
			lk.ref(b, ix, p, "•")
		}
	}
}

func writeEvent(b *docBuilder, ix *model.Index, pos int, e *model.Event) {
	st := b.st.Detail
	if e.Summary != "" {
		b.section("Summary")
		b.text(e.Summary)
	}
	if len(e.Actors) > 0 {
		b.section("Actors")
		for _, r := range e.Actors {
			line := capped(b.st.Width, ix.ActorName(r.Actor))
			if r.Role != "" {
				line += " (" + r.Role + ")"
			}
			b.para(line, func(l string) string { return highlight(l, b.needle, st.Text, b.st.Timeline.Match) }, "• ")
		}
	}
}

// maxLinkBytes is the longest URL the detail pane links.
const maxLinkBytes = 8 << 10

func writeCitation(b *docBuilder, ix *model.Index, source string, paragraphs []int) {
	st := b.st.Detail
	src, ok := ix.Source(source)
	if !ok {
		b.para(source, func(l string) string { return st.Muted.Render(l) }, "")
		return
	}
	head := src.Outlet
	if src.Title != "" {
		head = strings.TrimPrefix(head+": ", ": ") + src.Title
	}
	b.para(head, func(l string) string { return st.Text.Render(l) }, "")
	var meta []string
	if !src.Published.IsZero() {
		meta = append(meta, "published "+src.Published.Display())
	}
	switch len(paragraphs) {
	case 0:
	case 1:
		meta = append(meta, fmt.Sprintf("paragraph %d", paragraphs[0]))
	default:
		nums := make([]string, len(paragraphs))
		for i, p := range paragraphs {
			nums[i] = strconv.Itoa(p)
		}
		meta = append(meta, "paragraphs "+strings.Join(nums, ", "))
	}
	if len(meta) > 0 {
		b.para(strings.Join(meta, " · "), func(l string) string { return st.Muted.Render(l) }, "")
	}
	if src.URL != "" {
		// Cut at the width, not at hyphens, and link it where the terminal can.
		// Every wrapped line carries the link: one longer than
		// maxLinkBytes (more than browsers take) is shown, not linked.
		link := st.Muted
		if (strings.HasPrefix(src.URL, "https://") || strings.HasPrefix(src.URL, "http://")) && len(src.URL) <= maxLinkBytes {
			link = link.Hyperlink(src.URL)
		}
		for _, l := range strings.Split(b.st.Width.Hardwrap(clipText(src.URL, 4096), max(1, b.width), false), "\n") {
			b.lines = append(b.lines, link.Render(l))
		}
	}
}
