package ui

import (
	"errors"
	"strings"
	"testing"

	"github.com/dateline/dateline/content"
	"github.com/dateline/dateline/model"
)

// TestReload: a new version keeps the selection and filters; a broken save
// keeps the last good story on screen with the problem in the status bar.
func TestReload(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "j", "j", "j")
	selected := selectedID(t, a)
	a = press(t, a, "t")
	a = typeText(t, a, "warrant")
	a = press(t, a, "space", "enter")
	a = press(t, a, "c") // clear, then filter by actor to keep one filter on
	a = press(t, a, "a")
	a = typeText(t, a, "russia")
	a = press(t, a, "space", "enter")
	_ = selectedID(t, a)
	selected = selectedID(t, a)

	edited := strings.Replace(string(content.Story()), "Alleged deportation of Ukrainian children to Russia", "Deportation of children (edited)", 1)
	s, _, err := model.Load("story.yaml", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	a = update(t, a, reloadMsg{ix: model.NewIndex(s)})
	if got := selectedID(t, a); got != selected {
		t.Errorf("reload moved the selection from %s to %s", selected, got)
	}
	if len(a.filter.Actors) != 1 || a.filter.Actors[0] != "russia" {
		t.Errorf("reload dropped the actor filter: %v", a.filter.Actors)
	}
	if !strings.Contains(screen(a), "(edited)") {
		t.Errorf("the reloaded text is not shown:\n%s", screen(a))
	}

	a = update(t, a, reloadMsg{err: errors.New("story.yaml:5:9: bad date\nstory.yaml:7:3: unknown field")})
	scr := screen(a)
	if !strings.Contains(scr, "story.yaml:5:9: bad date") || !strings.Contains(scr, "last good") {
		t.Errorf("a broken save is not reported:\n%s", scr)
	}
	if !strings.Contains(scr, "(edited)") || selectedID(t, a) != selected {
		t.Error("a broken save lost the story on screen")
	}
	a = press(t, a, "j")
	if !strings.Contains(screen(a), "bad date") {
		t.Error("the banner went away before the file was fixed")
	}
}
