package ui

// The story's own page (i): what it is, where it comes from, what is in
// it, and what every symbol the explorer draws means.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// InfoPage is the i overlay: title, description, sources, counts by kind,
// the actors and topics with their ids, the files loaded and a legend.
type InfoPage struct {
	ix    *model.Index
	st    *Styles
	keys  KeyMap
	files []string
	view  scroller
}

var _ component[InfoPage] = (*InfoPage)(nil)

// NewInfoPage makes the page about ix, loaded from files (none for the
// built-in story).
func NewInfoPage(ix *model.Index, st *Styles, keys KeyMap, files []string) InfoPage {
	return InfoPage{ix: ix, st: st, keys: keys, files: files}
}

// SetSize implements component, and lays the page out for its width.
func (p *InfoPage) SetSize(w, h int) {
	p.view.SetSize(w, h)
	p.view.SetLines(p.lines(w))
}

// HelpKeys implements component.
func (p InfoPage) HelpKeys() []key.Binding {
	return []key.Binding{p.keys.Scroll.Up, p.keys.Scroll.Down, p.keys.Scroll.PageDown, p.keys.Global.Close}
}

// Update implements component: scrolling, and drawing again in new styles.
func (p InfoPage) Update(msg tea.Msg) (InfoPage, tea.Cmd) {
	if _, ok := msg.(restyledMsg); ok {
		p.view.SetLines(p.lines(p.view.width))
		return p, nil
	}
	p.view.Update(p.keys.Scroll, msg)
	return p, nil
}

// View implements component.
func (p InfoPage) View() string { return p.view.View(p.st.Width) }

// Legend is every symbol the explorer draws and what it means, for the
// story's page.
var Legend = []struct{ Symbol, Meaning string }{
	{"●", "an event: something that happened"},
	{"❝", "a statement quoted verbatim"},
	{"≈", "a statement paraphrased, or reported speech"},
	{model.StanceSupports.Symbol(), "supports (a stance on a topic)"},
	{model.StanceOpposes.Symbol(), "opposes"},
	{model.StanceConditional.Symbol(), "supports on conditions"},
	{model.StanceNeutral.Symbol(), "neutral"},
	{model.StanceUnclear.Symbol(), "unclear"},
	{model.StanceNone.Symbol(), "no position recorded"},
	{"▌", "the selected row of a list"},
	{"▸", "the selected cell of the positions matrix"},
	{"▁▂▃…█", "the strip: how many items fall in each stretch of time"},
	{"▲", "under the strip: where the selected item falls"},
	{"[1]", "a reference the digit follows (detail pane)"},
	{"↳", "the event a statement reacts to"},
	{"•", "evidence of a position, or an entry of a list"},
	{"↓", "in a pane's title: more below, scroll down"},
	{"[x]", "a chosen actor or topic in a picker"},
	{"⚠", "text cleaned to keep your terminal safe"},
	{"…", "cut to fit; the detail pane shows the whole"},
}

func (p InfoPage) lines(width int) []string {
	if p.ix == nil {
		return nil // not opened yet
	}
	ix, s := p.ix, p.ix.Story()
	b := &docBuilder{st: p.st, width: max(1, width)}
	d := p.st.Detail
	muted := func(l string) string { return d.Muted.Render(l) }
	plain := func(l string) string { return d.Text.Render(l) }
	title := s.Title
	if title == "" {
		title = "Untitled story"
	}
	b.para(title, func(l string) string { return d.Title.Render(l) }, "")
	if s.Description != "" {
		b.blank()
		b.para(s.Description, plain, "")
	}

	b.section("In it")
	quoted := 0
	for _, st := range s.Statements {
		if !st.Paraphrase {
			quoted++
		}
	}
	count := func(n int, one, many string) string { return thousands(n) + " " + text.Plural(n, one, many) }
	b.field("Items", fmt.Sprintf("%s: %s, %s (%d quoted, %d paraphrased)", count(ix.Len(), "item", "items"),
		count(len(s.Events), "event", "events"), count(len(s.Statements), "statement", "statements"), quoted, len(s.Statements)-quoted))
	var kinds []string
	for _, k := range model.ActorKinds {
		n := 0
		for _, a := range s.Actors {
			if a.Kind == k {
				n++
			}
		}
		if n > 0 {
			kinds = append(kinds, fmt.Sprintf("%d %s", n, k))
		}
	}
	b.field("Actors", count(len(s.Actors), "actor", "actors")+joinIf(": ", strings.Join(kinds, ", ")))
	b.field("Topics", count(len(s.Topics), "topic", "topics"))
	b.field("Stances", count(len(s.Positions), "position", "positions")+" recorded")
	b.field("Sources", count(len(s.Sources), "source", "sources"))

	b.section("Files")
	if len(p.files) == 0 {
		b.para("the built-in story ("+p.keys.Work.Export.Help().Key+" exports a copy to edit)", muted, "")
	}
	for _, f := range p.files {
		b.para(f, plain, "• ")
	}

	if len(s.Sources) > 0 {
		b.section("Sources")
		for _, src := range s.Sources {
			head := src.Outlet
			if src.Title != "" {
				head = strings.TrimPrefix(head+": ", ": ") + src.Title
			}
			if head == "" {
				head = src.ID
			}
			b.para(head, plain, "• ")
			var meta []string
			if !src.Published.IsZero() {
				meta = append(meta, "published "+src.Published.Display())
			}
			if !src.AsOf.IsZero() {
				meta = append(meta, "as of "+src.AsOf.Display())
			}
			if src.URL != "" {
				meta = append(meta, src.URL)
			}
			if len(meta) > 0 {
				b.para(strings.Join(meta, " · "), muted, "  ")
			}
		}
	}

	if len(s.Actors) > 0 {
		b.section("Actors (id: name, kind)")
		for _, n := range ix.ActorTree() {
			a := n.Actor
			b.para(a.ID+": "+a.Name+" · "+string(a.Kind), plain, strings.Repeat("  ", n.Depth)+"• ")
		}
	}
	if len(s.Topics) > 0 {
		b.section("Topics (id: title)")
		for _, t := range s.Topics {
			b.para(t.ID+": "+t.Title, plain, "• ")
		}
	}

	b.section("Legend")
	for _, l := range Legend {
		sym := fitWidth(p.st.Width, l.Symbol, 7)
		b.para(l.Meaning, plain, d.Label.Render(sym))
	}
	return b.lines
}

// joinIf is sep+s, or "" when s is.
func joinIf(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// openInfo opens the story's page at its top.
func (a *App) openInfo() {
	a.info = NewInfoPage(a.ix, a.styles, a.keys, a.hooks.Files)
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.info.SetSize(in.W, in.H)
	a.overlay = overlayInfo
}
