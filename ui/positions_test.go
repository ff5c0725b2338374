package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/edtf"
)

// historyApp opens the explorer on model/testdata/history.yaml, whose
// positions change: Russia on the deal supports from 10 Jan 2023, opposes
// from 20 Feb and is conditional from March; the Kremlin says it supports
// on 1 Feb and Kirby that he opposes from 5 Mar.
func historyApp(t *testing.T) App {
	t.Helper()
	data, err := os.ReadFile("../model/testdata/history.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, ps, err := model.Load("history.yaml", data)
	if err != nil || len(ps) > 0 {
		t.Fatalf("history story: %v %v", err, ps)
	}
	a := New(model.NewIndex(s), "history.yaml", model.Filter{})
	return update(t, a, tea.WindowSizeMsg{Width: 100, Height: 30})
}

func day(s string) edtf.Day { return edtf.MustParse(s).Earliest() }

// < and > step through the days a visible cell changes on, and the title
// says the date.
func TestPositionsStepInTime(t *testing.T) {
	a := press(t, historyApp(t), "p")
	if got := a.positions.Title(); got != "Positions · as of 5 Mar 2023 (latest)" {
		t.Errorf("title at the start = %q", got)
	}
	if s := screen(a); !strings.Contains(s, "◐ conditional*") || !strings.Contains(s, "as of 5 Mar 2023") {
		t.Errorf("the latest grid lacks Russia's conditional stance, marked as changing, or the date:\n%s", s)
	}
	steps := []struct {
		key, asOf, russia string
	}{
		{"<", "2023-03-01", "conditional"},
		{"<", "2023-02-20", "opposes"},
		{"<", "2023-02-01", "supports"},
		{"<", "2023-01-10", "supports"},
		{"<", "2023-01-09", "none"},
		{"<", "2023-01-09", "none"}, // nothing earlier
		{">", "2023-01-10", "supports"},
		{">", "2023-02-01", "supports"},
		{">", "2023-02-20", "opposes"},
		{">", "2023-03-01", "conditional"},
		{">", "", "conditional"}, // the last change is the latest
		{">", "", "conditional"},
	}
	for i, st := range steps {
		a = press(t, a, st.key)
		want := edtf.MaxDay
		if st.asOf != "" {
			want = day(st.asOf)
		}
		if a.positions.AsOf() != want {
			t.Fatalf("step %d (%s): as of %v, want %v", i, st.key, a.positions.AsOf(), want)
		}
		if got := a.ix.CellAt("russia", "deal", a.positions.AsOf()).Stance(); string(got) != st.russia {
			t.Errorf("step %d: Russia %s, want %s", i, got, st.russia)
		}
	}
	a = press(t, a, "<", "<")
	if s := screen(a); !strings.Contains(s, "Positions · as of 20 Feb 2023") || !strings.Contains(s, "✗ opposes") {
		t.Errorf("as of 20 Feb the title or Russia's stance is wrong:\n%s", s)
	}
}

// e hides the rows that never take a stance; enter opens a cell's history
// with every step's evidence, and enter there goes to the evidence.
func TestPositionsHideAndHistory(t *testing.T) {
	a := press(t, historyApp(t), "p")
	n := len(a.positions.actors)
	a = press(t, a, "e")
	if len(a.positions.actors) != n || n != 4 {
		t.Errorf("every actor of the history story speaks; %d rows of %d after e", len(a.positions.actors), n)
	}
	a = press(t, update(t, a, nil), "enter")
	if !a.positions.InHistory() {
		t.Fatal("enter does not open the history")
	}
	s := screen(a)
	for _, want := range []string{"Russia on The deal", "✓ supports from 10 Jan 2023", "✗ opposes from 20 Feb 2023", "◐ conditional from Mar 2023", "Talks open", "Walkout", "Summit", "Said: 1 statement"} {
		if !strings.Contains(s, want) {
			t.Errorf("the history lacks %q:\n%s", want, s)
		}
	}
	a = press(t, a, "enter")
	if a.overlay != overlayNone || selectedID(t, a) != "e-summit" {
		t.Errorf("enter in the history goes to %s, want the step in effect's evidence e-summit", selectedID(t, a))
	}
}

// Rows that never take a stance are hidden by e, and the changes are
// found among the rows shown.
func TestPositionsHideEmptyBuiltIn(t *testing.T) {
	a := press(t, newApp(t, 120, 40), "p")
	all := len(a.positions.actors)
	a = press(t, a, "e")
	for _, n := range a.positions.actors {
		if !a.ix.Speaks(n.Actor.ID) {
			t.Errorf("%s is shown though it takes no stance", n.Actor.ID)
		}
	}
	if len(a.positions.actors) >= all || strings.Contains(screen(a), "Fox News") {
		t.Errorf("e hides nothing: %d rows of %d", len(a.positions.actors), all)
	}
	a = press(t, a, "e")
	if len(a.positions.actors) != all {
		t.Errorf("e again shows %d rows, want all %d", len(a.positions.actors), all)
	}
}
