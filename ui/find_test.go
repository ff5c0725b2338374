package ui

import (
	"fmt"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "j", "j")
	origin, _ := a.timeline.Selected()
	a = press(t, a, "/")
	if a.prompt != promptFind {
		t.Fatal("/ does not open the find prompt")
	}
	a = typeText(t, a, "kirby")
	m := a.find.matches
	if a.timeline.Len() != a.ix.Len() {
		t.Fatalf("find hides rows: %d of %d shown", a.timeline.Len(), a.ix.Len())
	}
	if !a.find.ready || len(m) < 3 {
		t.Fatalf("find kirby: ready=%v matches %v", a.find.ready, m)
	}
	for _, p := range m {
		if !strings.Contains(strings.ToLower(fmt.Sprint(a.ix.Title(int(p)), a.ix.At(int(p)).Text(), a.ix.ItemActors(int(p)))), "kirby") {
			t.Errorf("%s matches kirby but does not hold it", a.ix.At(int(p)).ID())
		}
	}
	if pos, _ := a.timeline.Selected(); pos != int(m[0]) || int(m[0]) < origin {
		t.Errorf("typing lands on %d, want the first match at or after %d, %d", pos, origin, m[0])
	}
	if s := screen(a); !strings.Contains(s, fmt.Sprintf("/kirby: match 1 of %d", len(m))) {
		t.Errorf("the status bar does not count the matches:\n%s", s)
	}
	// q while typing is text; esc goes back to where the find started.
	a = typeText(t, a, "q")
	if a.prompt != promptFind || a.find.text != "kirbyq" {
		t.Fatalf("q while finding: prompt=%v text=%q", a.prompt, a.find.text)
	}
	a = press(t, a, "esc")
	if pos, _ := a.timeline.Selected(); pos != origin || a.find.text != "" {
		t.Errorf("esc: selected %d, find %q; want %d and no find", pos, a.find.text, origin)
	}

	a = press(t, a, "g", "/")
	a = typeText(t, a, "kirby")
	a = press(t, a, "enter")
	if a.prompt != promptNone || a.find.text != "kirby" {
		t.Fatalf("enter does not keep the find: prompt=%v text=%q", a.prompt, a.find.text)
	}
	sel := func() int { p, _ := a.timeline.Selected(); return p }
	a = press(t, a, "n")
	if sel() != int(m[1]) || !strings.Contains(screen(a), fmt.Sprintf("match 2 of %d", len(m))) {
		t.Errorf("n: selected %d, want the second match %d:\n%s", sel(), m[1], screen(a))
	}
	a = press(t, a, "N", "N")
	if sel() != int(m[len(m)-1]) || !strings.Contains(screen(a), "search wrapped to the bottom") {
		t.Errorf("N from the first match: selected %d, want the last %d and a wrap message:\n%s", sel(), m[len(m)-1], screen(a))
	}
	a = press(t, a, "n")
	if sel() != int(m[0]) || !strings.Contains(screen(a), "search wrapped to the top") {
		t.Errorf("n from the last match: selected %d, want the first %d and a wrap message", sel(), m[0])
	}
	a = press(t, a, "2", "n")
	if sel() != int(m[2]) {
		t.Errorf("2n: selected %d, want the third match %d", sel(), m[2])
	}
	// Between matches, n goes to the next one.
	a = press(t, a, "g", "n")
	if sel() != int(m[0]) && m[0] != 0 {
		t.Errorf("n from the top: selected %d, want %d", sel(), m[0])
	}

	// & keeps only the matches, as a filter shown with the others.
	a = press(t, a, "&")
	if a.filter.Text != "kirby" || a.timeline.Len() != len(m) {
		t.Fatalf("&: filter text %q, %d rows; want kirby, %d", a.filter.Text, a.timeline.Len(), len(m))
	}
	if s := screen(a); !strings.Contains(s, "search: “kirby”") || !strings.Contains(s, fmt.Sprintf("of %d", len(m))) {
		t.Errorf("& is not shown with the filters:\n%s", s)
	}
	a = press(t, a, "c")
	if a.filter.Active() || a.find.text != "" || a.timeline.Len() != a.ix.Len() {
		t.Errorf("c leaves filter %+v, find %q, %d rows", a.filter, a.find.text, a.timeline.Len())
	}
	a = press(t, a, "/")
	a = typeText(t, a, "zzzz")
	a = press(t, a, "enter", "&")
	if a.filter.Text != "" || !strings.Contains(screen(a), "No match for “zzzz” to keep") {
		t.Errorf("& with no match: filter %q:\n%s", a.filter.Text, screen(a))
	}
	a = press(t, a, "c", "n")
	if !strings.Contains(screen(a), "press / to find") {
		t.Errorf("n with no find does not say how to find:\n%s", screen(a))
	}
}

// TestFindWithinFilter finds inside rows that a text filter keeps: the
// matches are those of both texts.
func TestFindWithinFilter(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "/")
	a = typeText(t, a, "china")
	a = press(t, a, "enter", "&", "/")
	a = typeText(t, a, "kirby")
	a = press(t, a, "enter")
	for _, p := range a.find.matches {
		hay := strings.ToLower(fmt.Sprint(a.ix.Title(int(p)), a.ix.At(int(p)).Text(), a.ix.ItemActors(int(p))))
		if !strings.Contains(hay, "china") {
			t.Errorf("%s matches kirby within china but lacks china", a.ix.At(int(p)).ID())
		}
	}
	if !a.find.ready || len(a.find.matches) == 0 || len(a.find.matches) >= a.timeline.Len() {
		t.Errorf("kirby within china: %d matches of %d rows", len(a.find.matches), a.timeline.Len())
	}
	if pos, _ := a.timeline.Selected(); pos != int(a.find.matches[0]) {
		t.Errorf("find within a filter lands on %d, want %d", pos, a.find.matches[0])
	}
}

// A find says it is counting once it has landed on its first match, and
// the count once that is done.
func TestFindSaysCountingOnceLanded(t *testing.T) {
	a := newApp(t, 120, 40)
	a.find.text = "putin"
	_ = a.runFind(0) // its answers are delivered by hand below
	if got := a.findNote(); !strings.Contains(got, "finding") {
		t.Fatalf("before any answer the note is %q", got)
	}
	a.found(foundMsg{gen: a.find.gen, land: 5})
	if got := a.findNote(); !strings.Contains(got, "counting the matches") {
		t.Fatalf("landed, not counted: the note is %q", got)
	}
	if pos, _ := a.timeline.Selected(); pos != 5 {
		t.Fatalf("landed on %d, want 5", pos)
	}
	a.found(foundMsg{gen: a.find.gen, land: -1, matches: []int32{5, 9}, full: true})
	if got := a.findNote(); !strings.Contains(got, "match 1 of 2") {
		t.Fatalf("counted: the note is %q", got)
	}
}

// n and N pressed before the matches are counted are taken once they are,
// from where the find landed, not dropped.
func TestFindKeepsStepsPressedWhileCounting(t *testing.T) {
	a := newApp(t, 120, 40)
	a.find.text = "putin"
	_ = a.runFind(0) // its answers are delivered by hand below
	a.found(foundMsg{gen: a.find.gen, land: 2})
	a.nextMatch(1)
	a.nextMatch(1)
	a.nextMatch(-1)
	a.nextMatch(1)
	if pos, _ := a.timeline.Selected(); pos != 2 || a.message != stillFinding {
		t.Fatalf("before the count: at %d, saying %q", pos, a.message)
	}
	a.found(foundMsg{gen: a.find.gen, land: -1, matches: []int32{2, 4, 6, 8}, full: true})
	if pos, _ := a.timeline.Selected(); pos != 6 || a.message == stillFinding {
		t.Errorf("after the count: at %d, saying %q; want two matches on, at 6", pos, a.message)
	}
	a.nextMatch(1)
	if pos, _ := a.timeline.Selected(); pos != 8 {
		t.Errorf("n after the count went to %d, want 8 (the steps are taken once)", pos)
	}
	_ = a.runFind(0)
	a.nextMatch(1)
	_ = a.runFind(0) // a new find drops the steps pressed for the old one
	a.found(foundMsg{gen: a.find.gen, land: -1, matches: []int32{2, 4}, full: true})
	if pos, _ := a.timeline.Selected(); pos != 2 {
		t.Errorf("a new find took the old one's step: at %d, want 2", pos)
	}
}

// Clearing a find takes its highlight off the rows and the detail pane
// alike, though no rows change.
func TestClearTakesTheHighlightOff(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "/", "p", "u", "t", "i", "n", "enter")
	if a.timeline.needle == "" || a.detail.needle == "" {
		t.Fatalf("a find highlights nothing: rows %q, detail %q", a.timeline.needle, a.detail.needle)
	}
	a = press(t, a, "c")
	if a.timeline.needle != "" || a.detail.needle != "" {
		t.Errorf("after c the rows highlight %q and the detail %q", a.timeline.needle, a.detail.needle)
	}
}
