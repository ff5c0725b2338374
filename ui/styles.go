package ui

import (
	"image/color"

	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"github.com/dateline/dateline/model"
)

// Palette is the small set of semantic colours every style is built from.
type Palette struct {
	Fg, Muted, Subtle, Accent, Border, Focus, SelBg, SelFg, MatchBg, MatchFg color.Color
	Stance                                                                   map[model.Stance]color.Color
	Chips                                                                    []color.Color
}

// NewPalette picks the colours for a dark or light background.
func NewPalette(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Palette{
		Fg:      ld(c("#1F1F24"), c("#E4E4EA")),
		Muted:   ld(c("#6B6B78"), c("#9A9AA8")),
		Subtle:  ld(c("#A0A0AC"), c("#5C5C68")),
		Accent:  ld(c("#5A3FD6"), c("#9D8CFF")),
		Border:  ld(c("#C8C8D0"), c("#44444F")),
		Focus:   ld(c("#5A3FD6"), c("#9D8CFF")),
		SelBg:   ld(c("#E6E1FF"), c("#3A3260")),
		SelFg:   ld(c("#1F1F24"), c("#FFFFFF")),
		MatchBg: ld(c("#FFE27A"), c("#C9A227")),
		MatchFg: c("#1F1F24"),
		Stance: map[model.Stance]color.Color{
			model.StanceSupports:    ld(c("#1E8A4C"), c("#5FD68A")),
			model.StanceOpposes:     ld(c("#C0362C"), c("#FF6B61")),
			model.StanceConditional: ld(c("#A86B00"), c("#F2B84B")),
			model.StanceNeutral:     ld(c("#3A6FB0"), c("#7AB0F0")),
			model.StanceUnclear:     ld(c("#8A4FB5"), c("#C89BEB")),
			model.StanceNone:        ld(c("#A0A0AC"), c("#5C5C68")),
		},
		Chips: []color.Color{
			ld(c("#C0362C"), c("#FF8A80")),
			ld(c("#A86B00"), c("#FFD37A")),
			ld(c("#1E8A4C"), c("#7EE0A1")),
			ld(c("#3A6FB0"), c("#8CC4FF")),
			ld(c("#8A4FB5"), c("#D3A8F5")),
			ld(c("#0F7F86"), c("#6FE0E6")),
		},
	}
}

// Styles holds every style the explorer draws with, one group a component.
// Views never build styles of their own.
type Styles struct {
	Pal Palette
	// Width is how the terminal counts cells: wcwidth by default, grapheme
	// clusters once the terminal says it supports mode 2027. Everything is
	// measured the way Bubble Tea's renderer will, so no line overflows.
	Width ansi.Method

	Pane, PaneFocused, PaneTitle, PaneTitleFocused lipgloss.Style

	Timeline struct {
		Row, Selected, Marker, Date, Event, Quote, Match, Empty lipgloss.Style
		Chips                                                   []lipgloss.Style
		// Paint holds the row styles as paints, for a plain row [0] and
		// the selected row [1].
		Paint [2]RowPaints
	}
	Detail struct {
		Title, Label, Text, Quote, QuoteMark, Muted, Section, Warning lipgloss.Style
		// Link is a reference's number, [1], which 1 follows.
		Link lipgloss.Style
	}
	Matrix struct {
		Header, Actor, ActorSelected, Cell, CellSelected, Summary, Muted lipgloss.Style
		Stance                                                           map[model.Stance]lipgloss.Style
	}
	Picker struct {
		Title, Item, Selected, Check, Count, Muted lipgloss.Style
	}
	Status struct {
		Bar, Count, Filter, Label, Error lipgloss.Style
	}
	// Strip is the density strip: plain bars, the selected item's
	// bucket, its marker, and the axis.
	Strip struct {
		Bar, Selected, Marker, Label, Axis lipgloss.Style
	}
	Header, HeaderTitle, Muted, TooSmall lipgloss.Style
	Help                                 help.Styles
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles { return NewStylesFrom(NewPalette(isDark), isDark) }

// NewStylesFrom builds the styles from a palette for a dark or light
// background.
func NewStylesFrom(p Palette, isDark bool) Styles {
	n := lipgloss.NewStyle
	s := Styles{Pal: p}
	s.Pane = n().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.PaneFocused = n().Border(lipgloss.ThickBorder()).BorderForeground(p.Focus).Padding(0, 1)
	s.PaneTitle = n().Foreground(p.Muted)
	s.PaneTitleFocused = n().Foreground(p.Focus).Bold(true)

	t := &s.Timeline
	t.Row = n().Foreground(p.Fg)
	t.Selected = n().Background(p.SelBg).Foreground(p.SelFg).Bold(true)
	t.Marker = n().Foreground(p.Accent).Bold(true)
	t.Date = n().Foreground(p.Muted)
	t.Event = n().Foreground(p.Accent)
	t.Quote = n().Foreground(p.Stance[model.StanceConditional])
	t.Match = n().Background(p.MatchBg).Foreground(p.MatchFg).Underline(true) // underline survives NO_COLOR
	t.Empty = n().Foreground(p.Muted).Italic(true)
	for _, c := range p.Chips {
		t.Chips = append(t.Chips, n().Foreground(c))
	}

	for i, base := range []lipgloss.Style{t.Row, t.Selected} {
		rp := RowPaints{
			Row: NewPaint(base), Marker: NewPaint(t.Marker.Inherit(base)), Date: NewPaint(t.Date.Inherit(base)),
			Event: NewPaint(t.Event.Inherit(base)), Quote: NewPaint(t.Quote.Inherit(base)), Match: NewPaint(t.Match),
		}
		for _, c := range t.Chips {
			rp.Chips = append(rp.Chips, NewPaint(c.Inherit(base)))
		}
		t.Paint[i] = rp
	}

	d := &s.Detail
	d.Title = n().Foreground(p.Fg).Bold(true)
	d.Label = n().Foreground(p.Muted)
	d.Text = n().Foreground(p.Fg)
	d.Quote = n().Foreground(p.Fg).Italic(true)
	d.QuoteMark = n().Foreground(p.Accent)
	d.Muted = n().Foreground(p.Muted)
	d.Section = n().Foreground(p.Accent).Bold(true)
	d.Warning = n().Foreground(p.Stance[model.StanceOpposes])
	d.Link = n().Foreground(p.Accent).Bold(true)

	m := &s.Matrix
	m.Header = n().Foreground(p.Accent).Bold(true)
	m.Actor = n().Foreground(p.Fg)
	m.ActorSelected = n().Foreground(p.SelFg).Background(p.SelBg).Bold(true)
	m.Cell = n()
	m.CellSelected = n().Background(p.SelBg).Bold(true)
	m.Summary = n().Foreground(p.Fg)
	m.Muted = n().Foreground(p.Muted)
	m.Stance = map[model.Stance]lipgloss.Style{}
	for st, c := range p.Stance {
		m.Stance[st] = n().Foreground(c)
	}

	k := &s.Picker
	k.Title = n().Foreground(p.Accent).Bold(true)
	k.Item = n().Foreground(p.Fg)
	k.Selected = n().Background(p.SelBg).Foreground(p.SelFg).Bold(true)
	k.Check = n().Foreground(p.Stance[model.StanceSupports]).Bold(true)
	k.Count = n().Foreground(p.Muted)
	k.Muted = n().Foreground(p.Muted)

	st := &s.Status
	st.Bar = n().Foreground(p.Muted)
	st.Count = n().Foreground(p.Fg).Bold(true)
	st.Filter = n().Foreground(p.Accent)
	st.Label = n().Foreground(p.Muted)
	st.Error = n().Foreground(p.Stance[model.StanceOpposes]).Bold(true)

	sp := &s.Strip
	sp.Bar = n().Foreground(p.Muted)
	sp.Selected = n().Foreground(p.Accent).Reverse(true) // reverse survives NO_COLOR
	sp.Marker = n().Foreground(p.Accent).Bold(true)
	sp.Label = n().Foreground(p.Muted)
	sp.Axis = n().Foreground(p.Fg)

	s.Header = n().Foreground(p.Muted)
	s.HeaderTitle = n().Foreground(p.Accent).Bold(true)
	s.Muted = n().Foreground(p.Muted)
	s.TooSmall = n().Foreground(p.Fg)
	s.Help = help.DefaultStyles(isDark)
	return s
}

// Paint is a one-line style reduced to the escape sequences around its
// text. Style.Render measures, wraps and pads, which a row's cells do not
// need; a frame paints hundreds of them.
type Paint struct{ pre, post string }

// NewPaint takes the sequences s puts around text. s must not set a width,
// padding, margin or border.
func NewPaint(s lipgloss.Style) Paint {
	const mark = "\uE000" // a private-use character no style changes
	pre, post, _ := strings.Cut(s.Render(mark), mark)
	return Paint{pre, post}
}

// Render paints the text, as Style.Render would for one line.
func (p Paint) Render(strs ...string) string {
	t := strings.Join(strs, " ")
	if t == "" {
		return ""
	}
	return p.pre + t + p.post
}

// RowPaints are the paints of one kind of timeline row.
type RowPaints struct {
	Row, Marker, Date, Event, Quote, Match Paint
	Chips                                  []Paint
}
