package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dateline/dateline/model"
)

// selectedOnScreen reports whether the selected row's marker is drawn.
func selectedOnScreen(a App) bool { return strings.Contains(screen(a), "▌") }

// TestClearKeepsSelection: clearing a filter or closing a search keeps the
// selected item and scrolls to it, even past the first screen. (The first
// screenful of the cleared rows arrives ahead of the rest, and the
// selection used to settle on its last row for good: item 7 at 60×12.)
func TestClearKeepsSelection(t *testing.T) {
	for _, c := range []struct {
		name        string
		narrow, end func(App) App
	}{
		{"clear", func(a App) App {
			a = typeText(t, press(t, a, "a"), "kirby")
			return press(t, a, "space", "enter")
		}, func(a App) App { return press(t, a, "c") }},
		{"search", func(a App) App {
			return press(t, typeText(t, press(t, a, "/"), "icc"), "enter")
		}, func(a App) App { return press(t, a, "/", "esc") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := c.narrow(newApp(t, 60, 12))
			a = press(t, a, "G")
			want := selectedID(t, a)
			a = c.end(a)
			if a.filter.Active() {
				t.Fatalf("the filter is still on: %+v", a.filter)
			}
			if got := selectedID(t, a); got != want {
				t.Errorf("the selection moved from %s to %s", want, got)
			}
			if !selectedOnScreen(a) {
				t.Errorf("the selected row is not on screen:\n%s", screen(a))
			}
		})
	}
}

// TestReloadKeepsChosenItem: a save in two steps can answer with a story
// in which the selected item is briefly missing; once it is back it is
// selected again, rather than the selection staying where it fell.
func TestReloadKeepsChosenItem(t *testing.T) {
	a := press(t, newApp(t, 120, 40), "j", "j", "j")
	want := selectedID(t, a)
	without := *a.ix.Story()
	without.Events = slices.DeleteFunc(slices.Clone(without.Events), func(e model.Event) bool { return e.ID == want })
	without.Statements = slices.DeleteFunc(slices.Clone(without.Statements), func(s model.Statement) bool { return s.ID == want })
	if len(without.Events)+len(without.Statements) != a.ix.Len()-1 {
		t.Fatalf("could not take %s out of the story", want)
	}
	a = update(t, a, reloadMsg{ix: model.NewIndex(&without)})
	if got := selectedID(t, a); got == want {
		t.Fatalf("%s is still selected after a version without it", got)
	}
	a = update(t, a, reloadMsg{ix: builtIn(t)})
	if got := selectedID(t, a); got != want {
		t.Errorf("the item came back but the selection is on %s, want %s", got, want)
	}
	if !selectedOnScreen(a) {
		t.Errorf("the selected row is not on screen:\n%s", screen(a))
	}
}

// TestHelpPageScrolls: on a small screen the ? page says where it is and
// that there is more, and pages and jumps to either end.
func TestHelpPageScrolls(t *testing.T) {
	a := press(t, newApp(t, 60, 12), "?")
	if s := screen(a); !strings.Contains(s, "Keys 1–") || !strings.Contains(s, " ↓") {
		t.Fatalf("the ? page does not say there is more:\n%s", s)
	}
	groups := DefaultKeyMap().Groups()
	lastGroup := groups[len(groups)-1].Bindings
	last := lastGroup[len(lastGroup)-1].Help().Desc // the page's last line
	for _, end := range []string{"G", "end"} {
		b := press(t, a, end)
		if s := screen(b); !strings.Contains(s, last) || strings.Contains(strings.SplitN(s, "\n", 3)[1], "↓") {
			t.Errorf("%s does not reach the end of the ? page:\n%s", end, s)
		}
		for _, top := range []string{"g", "home"} {
			if s := screen(press(t, b, top)); !strings.Contains(s, "Keys 1–") {
				t.Errorf("%s does not go back to the top:\n%s", top, s)
			}
		}
	}
	if s := screen(press(t, a, "pgdown")); strings.Contains(s, "Keys 1–") {
		t.Errorf("pgdn does not page:\n%s", s)
	}
	if s := screen(press(t, a, "pgdown", "pgup")); !strings.Contains(s, "Keys 1–") {
		t.Errorf("pgup does not page back:\n%s", s)
	}
}

// TestSearchTextCleaned: the --search text is cleaned in the status bar: a
// newline does not take a second line, a CR does not overwrite it.
func TestSearchTextCleaned(t *testing.T) {
	a := New(builtIn(t), "t", model.Filter{Text: "ki\nrby\rz\x1b[2J"})
	a = update(t, a, tea.WindowSizeMsg{Width: 100, Height: 20})
	out := a.View().Content
	if lines := strings.Split(out, "\n"); len(lines) != 20 {
		t.Errorf("the frame is %d lines, want 20:\n%s", len(lines), out)
	}
	if strings.ContainsAny(ansi.Strip(out), "\r\x1b") {
		t.Errorf("a control character of the search reached the screen: %q", ansi.Strip(out))
	}
	if !strings.Contains(screen(a), "search: “ki rby␍z␛”") {
		t.Errorf("the status bar does not show the cleaned search:\n%s", screen(a))
	}
}

// TestReloadBannerShowsProblem: a broken save's message shows cleaned and
// whole in the banner, not only its first line, which may be no more than
// the start of a file name with a newline in it.
func TestReloadBannerShowsProblem(t *testing.T) {
	a := newApp(t, 120, 40)
	a = update(t, a, reloadMsg{err: errors.New("dir\nstory.yaml:5:9: bad date \x1b[2J\nstory.yaml:7:3: unknown field")})
	s := screen(a)
	if !strings.Contains(s, "dir · story.yaml:5:9: bad date ␛ · story.yaml:7:3") {
		t.Errorf("the banner does not show the problem, cleaned:\n%s", s)
	}
	if n := strings.Count(a.View().Content, "\n"); n != 39 {
		t.Errorf("the frame is %d lines, want 40", n+1)
	}
}
