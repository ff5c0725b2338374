package ui

import (
	"strings"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// StatusBar always says how many items of how many show and which filters
// are on. It takes no keys: the app tells it what to say with Show.
type StatusBar struct {
	ix     *model.Index
	st     *Styles
	width  int
	shown  int
	filter model.Filter
	msg    string
	msgErr bool
	// note lasts with the state it tells, beside the count: a find's
	// matches, a count being typed.
	note string
}

// NewStatusBar makes the status bar for ix.
func NewStatusBar(ix *model.Index, st *Styles) StatusBar { return StatusBar{ix: ix, st: st} }

// SetSize implements component; the bar is one line.
func (s *StatusBar) SetSize(w, _ int) { s.width = w }

// Show sets what the bar says: the shown count (negative while it is being
// counted), the filter and a message, which takes the place of the filters
// while it lasts.
func (s *StatusBar) Show(shown int, f model.Filter, msg string, msgIsErr bool) {
	s.shown, s.filter, s.msg, s.msgErr = shown, f, msg, msgIsErr
}

// SetNote sets the note beside the count ("" for none).
func (s *StatusBar) SetNote(note string) { s.note = note }

// joinNotes joins the notes that are not empty.
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " · ")
}

// View draws the bar, one line of its width.
func (s StatusBar) View() string {
	shown, f, msg, msgIsErr := s.shown, s.filter, s.msg, s.msgErr
	ss := &s.st.Status
	count := " " + thousands(shown) + " of " + thousands(s.ix.Len()) + " items"
	if shown < 0 {
		count = " … of " + thousands(s.ix.Len()) + " items"
	}
	var parts []string
	if len(f.Actors) > 0 {
		parts = append(parts, "actor: "+s.names(f.Actors, true))
	}
	if len(f.Topics) > 0 {
		parts = append(parts, "topic: "+s.names(f.Topics, false))
	}
	if f.Text != "" {
		// From the command line as typed: cleaned to one line, and cut
		// first, so that its length costs nothing.
		parts = append(parts, "search: “"+text.CleanLine(clipRow(f.Text, s.width))+"”")
	}
	if !f.Since.IsZero() {
		parts = append(parts, "since "+f.Since.Short())
	}
	if !f.Until.IsZero() {
		parts = append(parts, "until "+f.Until.Short())
	}
	right := ""
	switch {
	case msg != "" && msgIsErr:
		right = ss.Error.Render(msg)
	case msg != "":
		right = ss.Label.Render(msg)
	case len(parts) > 0:
		right = ss.Filter.Render(strings.Join(parts, " · ")) + ss.Label.Render("  (c clears)")
	default:
		right = ss.Label.Render("no filters")
	}
	line := ss.Count.Render(count) + ss.Label.Render(" · ")
	if s.note != "" {
		line += ss.Filter.Render(s.note) + ss.Label.Render(" · ")
	}
	line += right
	return fitWidth(s.st.Width, truncate(s.st.Width, line, s.width, "…"), s.width)
}

func (s StatusBar) names(ids []string, actors bool) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		if actors {
			out[i] = capped(s.st.Width, s.ix.ActorName(id))
		} else if t, ok := s.ix.Topic(id); ok {
			out[i] = capped(s.st.Width, t.Title)
		}
	}
	return strings.Join(out, ", ")
}
