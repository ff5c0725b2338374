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
