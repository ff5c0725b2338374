package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// stripTotal is what the strip's buckets and its undated count add up to.
func stripTotal(s Strip) int {
	n := s.undated
	for _, b := range s.Buckets() {
		n += b.Count
	}
	return n
}

func TestStrip(t *testing.T) {
	a := newApp(t, 120, 40)
	s := a.timeline.Strip()
	if len(s.Buckets()) == 0 || len(s.Buckets()) > a.lay.timelineIn.W {
		t.Fatalf("strip has %d buckets for a pane %d wide", len(s.Buckets()), a.lay.timelineIn.W)
	}
	if got := stripTotal(s); got != a.ix.Len() {
		t.Errorf("strip counts %d items, the timeline shows %d", got, a.ix.Len())
	}
	scr := screen(a)
	for _, want := range []string{"▲ Q1 2014 · 1", "per quarter", "Q1 2023", "█"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the strip lacks %q:\n%s", want, scr)
		}
	}
	// It follows the filters.
	a = press(t, a, "a")
	a = typeText(t, a, "kirby")
	a = press(t, a, "space", "enter")
	if got, want := stripTotal(a.timeline.Strip()), a.timeline.Len(); got != want || want == a.ix.Len() {
		t.Errorf("after filtering to kirby the strip counts %d, the timeline shows %d", got, want)
	}
	// The marker follows the selection: G selects the last item, which is
	// undated in the built-in story.
	a = press(t, a, "c", "G")
	if !strings.Contains(screen(a), "selected item is undated") {
		t.Errorf("G onto an undated item: the marker line does not say so:\n%s", screen(a))
	}
	a = press(t, a, "k")
	last := len(a.timeline.Strip().Buckets()) - 1
	if pos, _ := a.timeline.Selected(); a.timeline.Strip().Bucket(pos) != last {
		t.Errorf("the last dated item is in bucket %d, want the last, %d", a.timeline.Strip().Bucket(pos), last)
	}
	// A pane too short has no strip, and gives every line to rows.
	small := newApp(t, 80, 24)
	if small.timeline.stripH != 0 || strings.Contains(screen(small), "per quarter") {
		t.Errorf("80×24: the timeline pane of %d lines shows a strip", small.lay.timelineIn.H)
	}
}

func TestStripClick(t *testing.T) {
	a := newApp(t, 120, 40)
	in := a.lay.timelineIn
	s := a.timeline.Strip()
	last := len(s.Buckets()) - 1
	// The last bucket's bars are at the right edge.
	a = update(t, a, tea.MouseClickMsg{X: in.X + in.W - 1, Y: in.Y, Button: tea.MouseLeft})
	pos, _ := a.timeline.Selected()
	if got := a.timeline.Strip().Bucket(pos); got != last {
		t.Fatalf("a click on the last bucket selected %s, in bucket %d, want %d", a.ix.At(pos).ID(), got, last)
	}
	if prev := a.ix.SortDay(pos - 1); prev >= s.Buckets()[last].Start {
		t.Errorf("a click on a bucket selected %s, not the first item in it", a.ix.At(pos).ID())
	}
}
