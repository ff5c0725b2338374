package ui

import (
	"strings"
	"testing"

	"github.com/dateline/dateline/model/edtf"
)

func sel(t *testing.T, a App) int {
	t.Helper()
	p, ok := a.timeline.Selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return p
}

func TestCounts(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "5")
	if !strings.Contains(screen(a), "count 5") {
		t.Errorf("a pending count is not shown:\n%s", screen(a))
	}
	a = press(t, a, "j")
	if sel(t, a) != 5 || strings.Contains(screen(a), "count 5") {
		t.Errorf("5j: selected %d, want 5, and the count gone", sel(t, a))
	}
	a = press(t, a, "3", "k")
	if sel(t, a) != 2 {
		t.Errorf("3k: selected %d, want 2", sel(t, a))
	}
	a = press(t, a, "1", "2", "G")
	if sel(t, a) != 11 {
		t.Errorf("12G: selected %d, want item 12 (position 11)", sel(t, a))
	}
	a = press(t, a, "1", "0", "0", "G")
	if sel(t, a) != a.ix.Len()-1 {
		t.Errorf("100G past the end: selected %d, want the last", sel(t, a))
	}
	a = press(t, a, "1", "g")
	if sel(t, a) != 0 {
		t.Errorf("1g: selected %d, want the first", sel(t, a))
	}
	// 0 alone is no count; esc drops a count.
	a = press(t, a, "0", "j")
	if sel(t, a) != 1 {
		t.Errorf("0j: selected %d, want 1", sel(t, a))
	}
	a = press(t, a, "4", "esc", "j")
	if sel(t, a) != 2 {
		t.Errorf("4 esc j: selected %d, want 2", sel(t, a))
	}
}

func TestPageKeys(t *testing.T) {
	a := newApp(t, 60, 12) // no strip: page is the pane
	page := a.timeline.height - 1
	for _, down := range []string{"space", "f", "ctrl+f"} {
		a = press(t, a, "g", down)
		if sel(t, a) != page {
			t.Errorf("%s: selected %d, want %d", down, sel(t, a), page)
		}
	}
	for _, up := range []string{"b", "ctrl+b"} {
		a = press(t, a, "G", up)
		if want := a.ix.Len() - 1 - page; sel(t, a) != want {
			t.Errorf("%s: selected %d, want %d", up, sel(t, a), want)
		}
	}
	a = press(t, a, "g", "2", "space")
	if sel(t, a) != 2*page {
		t.Errorf("2 space: selected %d, want %d", sel(t, a), 2*page)
	}
}

func TestGoToDate(t *testing.T) {
	a := newApp(t, 120, 40)
	for _, c := range []struct{ typed, want string }{
		{"2023-03-18", "2023-03-18"}, {"17 Mar 2023", "2023-03-17"}, {"March 2023", "2023-03"},
		{"2023-03", "2023-03"}, {"1989", "1989"},
	} {
		a = press(t, a, "G", "@")
		if a.prompt != promptDate {
			t.Fatal("@ does not open the date prompt")
		}
		a = typeText(t, a, c.typed)
		a = press(t, a, "enter")
		day := edtf.MustParse(c.want).Earliest()
		p := sel(t, a)
		if a.ix.SortDay(p) < day || p > 0 && a.ix.SortDay(p-1) >= day {
			t.Errorf("@%s: selected %s on %v, not the first item on or after %s", c.typed, a.ix.At(p).ID(), a.ix.SortDay(p), c.want)
		}
	}
	if s := screen(a); !strings.Contains(s, "Nothing starts in 1989; went to the next item, 2014") {
		t.Errorf("@1989 does not say it went past 1989:\n%s", s)
	}
	a = press(t, a, "@")
	a = typeText(t, a, "2030")
	a = press(t, a, "enter")
	if s := screen(a); !strings.Contains(s, "Nothing on or after 2030") {
		t.Errorf("@2030 does not say nothing is there:\n%s", s)
	}
	a = press(t, a, "@")
	a = typeText(t, a, "next week")
	a = press(t, a, "enter")
	if s := screen(a); !strings.Contains(s, "Not a date") {
		t.Errorf("@next week does not say it is not a date:\n%s", s)
	}
	// A date is a jump: ctrl+o goes back.
	a = press(t, a, "g", "@")
	a = typeText(t, a, "2023-03-19")
	a = press(t, a, "enter", "ctrl+o")
	if sel(t, a) != 0 || !strings.Contains(screen(a), "back to 2014") {
		t.Errorf("ctrl+o after @: selected %d, want 0, and a message:\n%s", sel(t, a), screen(a))
	}
	a = press(t, a, "ctrl+n")
	if a.ix.SortDay(sel(t, a)) < edtf.MustParse("2023-03-19").Earliest() || !strings.Contains(screen(a), "forward to") {
		t.Errorf("ctrl+n does not come forward again:\n%s", screen(a))
	}
}

func TestDateRange(t *testing.T) {
	a := newApp(t, 120, 40)
	a = press(t, a, "d")
	if a.prompt != promptRange {
		t.Fatal("d does not open the date range prompt")
	}
	a = typeText(t, a, "2023-03-18/2023-03-19")
	a = press(t, a, "enter")
	if a.filter.Since.String() != "2023-03-18" || a.filter.Until.String() != "2023-03-19" {
		t.Fatalf("range: since %q until %q", a.filter.Since, a.filter.Until)
	}
	n := a.timeline.Len()
	if n == 0 || n == a.ix.Len() {
		t.Fatalf("18–19 Mar 2023 keeps %d of %d", n, a.ix.Len())
	}
	for _, p := range a.timeline.rows {
		d := a.ix.At(int(p)).Date()
		if d.Latest() < edtf.MustParse("2023-03-18").Earliest() || d.Earliest() > edtf.MustParse("2023-03-19").Latest() {
			t.Errorf("%s (%s) is outside the range", a.ix.At(int(p)).ID(), d)
		}
	}
	if s := screen(a); !strings.Contains(s, "since 18 Mar 2023") || !strings.Contains(s, "until 19 Mar 2023") {
		t.Errorf("the range is not in the status bar:\n%s", s)
	}
	// d again shows the range to edit; an open end and a single period work.
	a = press(t, a, "d")
	if a.search.Value() != "2023-03-18/2023-03-19" {
		t.Errorf("d opens with %q, want the range", a.search.Value())
	}
	a = press(t, a, "esc", "d")
	for range 30 {
		a = press(t, a, "backspace")
	}
	a = typeText(t, a, "2023-03/..")
	a = press(t, a, "enter")
	if a.filter.Since.String() != "2023-03" || !a.filter.Until.IsZero() {
		t.Errorf("2023-03/..: since %q until %q", a.filter.Since, a.filter.Until)
	}
	a = press(t, a, "c", "d")
	a = typeText(t, a, "2014")
	a = press(t, a, "enter")
	if n := a.timeline.Len(); n == 0 || n >= a.ix.Len() || a.filter.Since.String() != "2014" || a.filter.Until.String() != "2014" {
		t.Errorf("the year 2014 keeps %d items, filter %+v", n, a.filter)
	}
	a = press(t, a, "c", "d")
	a = typeText(t, a, "2023-03-19/2023-03-18")
	a = press(t, a, "enter")
	if s := screen(a); !strings.Contains(s, "swap them") || a.filter.Active() {
		t.Errorf("a reversed range is taken:\n%s", s)
	}
}

func TestLinksAndJumps(t *testing.T) {
	a := newApp(t, 120, 40)
	// A statement that reacts to an event: its detail numbers the event.
	from := -1
	for p := range a.ix.Len() {
		if s := a.ix.At(p).Statement; s != nil && s.ReactsTo != "" {
			from = p
			break
		}
	}
	if from < 0 {
		t.Fatal("the built-in story has no reaction")
	}
	event, _ := a.ix.Lookup(a.ix.At(from).Statement.ReactsTo)
	a.timeline.Select(from)
	a.showSelected()
	a = press(t, a, "enter")
	if !strings.Contains(screen(a), "↳ [1] "+a.ix.Title(event)[:10]) {
		t.Fatalf("the detail does not number the event reacted to:\n%s", screen(a))
	}
	a = press(t, a, "1")
	if sel(t, a) != event || a.focus != focusDetail {
		t.Fatalf("1 selected %d (focus %v), want the event %d in the detail pane", sel(t, a), a.focus, event)
	}
	if !strings.Contains(screen(a), "Followed [1] to") {
		t.Errorf("no message for the link followed:\n%s", screen(a))
	}
	// The event numbers the statements reacting to it.
	if !strings.Contains(screen(a), "❝ [1] ") {
		t.Errorf("the event does not number its reactions:\n%s", screen(a))
	}
	a = press(t, a, "9")
	if !strings.Contains(screen(a), "No link [9] here") {
		t.Errorf("9 with no link 9 says nothing:\n%s", screen(a))
	}
	a = press(t, a, "ctrl+o")
	if sel(t, a) != from || !strings.Contains(screen(a), "back to ") {
		t.Errorf("ctrl+o: selected %d, want %d, and a message:\n%s", sel(t, a), from, screen(a))
	}
	a = press(t, a, "ctrl+o")
	if !strings.Contains(screen(a), "Nowhere to go back to") {
		t.Errorf("ctrl+o past the start:\n%s", screen(a))
	}
	// g and G are jumps too.
	a = press(t, a, "esc", "G", "ctrl+o")
	if sel(t, a) != from {
		t.Errorf("G then ctrl+o: selected %d, want %d", sel(t, a), from)
	}
	// The matrix's evidence is a jump.
	a = press(t, a, "g", "p", "enter")
	if a.overlay == overlayNone {
		jumped := sel(t, a)
		a = press(t, a, "ctrl+o")
		if sel(t, a) != 0 && jumped != 0 {
			t.Errorf("ctrl+o after the matrix's evidence: selected %d, want 0", sel(t, a))
		}
	}
}
