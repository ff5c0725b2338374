package ui

import (
	"strings"
	"testing"
)

// cursorLine is the screen line of the picker's cursor, and its text.
func cursorLine(t *testing.T, a App) (int, string) {
	t.Helper()
	for i, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, "▌ [") {
			return i, l
		}
	}
	t.Fatalf("no picker cursor on screen:\n%s", screen(a))
	return 0, ""
}

// TestPickerKeepsItsScroll: after the list has scrolled, moving up moves
// the cursor within the list instead of scrolling it. (Picker.View used to
// work out the scroll on a copy of the picker, so it was never kept and the
// cursor stayed pinned to the bottom row.)
func TestPickerKeepsItsScroll(t *testing.T) {
	a := press(t, newApp(t, 80, 12), "a")
	if len(a.picker.shown) < 8 {
		t.Fatalf("the built-in story has %d actors; the test needs a list longer than the pane", len(a.picker.shown))
	}
	for range 7 {
		a = press(t, a, "down")
	}
	bottom, _ := cursorLine(t, a)
	a = press(t, a, "up")
	if got, _ := cursorLine(t, a); got != bottom-1 {
		t.Errorf("up from the bottom row: the cursor is on line %d, want %d (the list scrolled instead)", got, bottom-1)
	}
	a = press(t, a, "up")
	if got, _ := cursorLine(t, a); got != bottom-2 {
		t.Errorf("up again: the cursor is on line %d, want %d", got, bottom-2)
	}
}

// TestPickerShowsWhyItMatches: a match through an alias shows the alias; a
// match is drawn under its real parent (dimmed, not choosable) and under no
// other; the cursor goes to the first match by name.
func TestPickerShowsWhyItMatches(t *testing.T) {
	a := typeText(t, press(t, newApp(t, 80, 20), "a"), "pu")
	i, line := cursorLine(t, a)
	if !strings.Contains(line, "Putin") {
		t.Errorf("the cursor is on %q, want Putin", line)
	}
	lines := strings.Split(screen(a), "\n")
	if parent := lines[i-1]; !strings.Contains(parent, "Russia") || strings.Contains(parent, "[") {
		t.Errorf("Putin is drawn under %q, want Russia as a parent without a box", parent)
	}
	if !strings.Contains(screen(a), "China (People’s Republic of China)") {
		t.Errorf("China matches through an alias that is not shown:\n%s", screen(a))
	}
	a = press(t, a, "up")
	if _, line := cursorLine(t, a); !strings.Contains(line, "China") {
		t.Errorf("up from Putin went to %q, want China (past the parent, which is not a choice)", line)
	}
}

// TestPickerTypesSpace: once something is typed, space is text ("fox
// news"); tab toggles; before anything is typed, space toggles.
func TestPickerTypesSpace(t *testing.T) {
	a := typeText(t, press(t, newApp(t, 80, 20), "a"), "fox")
	a = press(t, a, "space")
	a = typeText(t, a, "news")
	if got := a.picker.input.Value(); got != "fox news" {
		t.Fatalf("the filter reads %q, want \"fox news\"", got)
	}
	a = press(t, a, "tab", "enter")
	if len(a.filter.Actors) != 1 || a.filter.Actors[0] != "fox-news" {
		t.Errorf("tab and enter chose %v, want [fox-news]", a.filter.Actors)
	}
	a = press(t, a, "c", "a", "down", "space", "down", "space", "enter")
	if len(a.filter.Actors) != 2 {
		t.Errorf("space before typing did not toggle: chose %v, want two", a.filter.Actors)
	}
}
