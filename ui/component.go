package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// component is the contract every pane and overlay keeps. The App talks to
// a child only through it (and the child's own methods), never through
// its fields, and no View changes state.
type component[T any] interface {
	// SetSize gives the component its inside size, borders excluded.
	SetSize(w, h int)
	// Update handles a key or a data message and returns the component.
	Update(msg tea.Msg) (T, tea.Cmd)
	// View draws exactly the size set, or "" before there is one.
	View() string
	// HelpKeys is the help line while the component has the keys.
	HelpKeys() []key.Binding
}

var (
	_ component[Timeline]  = (*Timeline)(nil)
	_ component[Detail]    = (*Detail)(nil)
	_ component[Positions] = (*Positions)(nil)
	_ component[Picker]    = (*Picker)(nil)
	_ component[Card]      = (*Card)(nil)
	_ component[HelpPage]  = (*HelpPage)(nil)
)

// restyledMsg tells a component that the shared Styles changed (the
// terminal's background, or how it counts cells), so what it drew ahead of
// time must be drawn again.
type restyledMsg struct{}
