package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// scroller is a window of height lines over longer text, for the detail
// pane, the actor card and the ? page. It measures and cuts with the
// renderer's width method (bubbles' viewport always counts grapheme
// clusters, which overflows a wcwidth terminal).
type scroller struct {
	lines         []string
	offset        int // first line on screen; 0 ≤ offset ≤ len(lines)-height
	width, height int
}

// SetSize sets the window's size, keeping the offset in range.
func (s *scroller) SetSize(w, h int) {
	s.width, s.height = w, h
	s.clamp()
}

// SetLines replaces the text, keeping the offset in range.
func (s *scroller) SetLines(lines []string) {
	s.lines = lines
	s.clamp()
}

// Top scrolls back to the first line.
func (s *scroller) Top() { s.offset = 0 }

// Scroll moves the window by n lines.
func (s *scroller) Scroll(n int) {
	s.offset = max(0, min(len(s.lines), s.offset+n))
	s.clamp()
}

// Update scrolls for the movement keys in keys; other messages do nothing.
func (s *scroller) Update(keys ScrollKeys, msg tea.Msg) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if n, ok := keys.moveBy(k, s.height); ok {
			s.Scroll(n)
		}
	}
}

func (s *scroller) clamp() { s.offset = max(0, min(s.offset, len(s.lines)-s.height)) }

// Window is the lines on screen, 1-based, and how many there are.
func (s scroller) Window() (first, last, total int) {
	return s.offset + 1, min(len(s.lines), s.offset+s.height), len(s.lines)
}

// More reports whether lines lie below the window.
func (s scroller) More() bool { return s.offset+s.height < len(s.lines) }

// View is the window: exactly height lines of exactly width cells as m
// measures them.
func (s scroller) View(m ansi.Method) string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	end := min(len(s.lines), s.offset+s.height)
	return fitLines(m, strings.Join(s.lines[s.offset:end], "\n"), s.width, s.height)
}
