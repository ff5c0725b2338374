package cli

import (
	"strings"
	"testing"
)

// TestEndToEndTime drives issue 11's ways through time in a real terminal:
// the density strip, find then &, a count, go to a date, and a link
// followed then ctrl+o back.
func TestEndToEndTime(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	bin := buildBinary(t)
	s := startTmux(t, 120, 40, bin)
	scr := s.waitFor("start", "Timeline", "of 20 items")

	// The strip: bars, the selected item's bucket and the axis.
	scr = s.waitFor("strip", "▲ Q1 2014 · 1", "per quarter", "Q1 2023")
	if !strings.ContainsAny(scr, "▁▂▃▄▅▆▇█") {
		t.Errorf("the strip has no bars:\n%s", scr)
	}
	// It follows the filters: the ICC's items are all in 2023.
	s.keys("a")
	s.waitFor("actor picker", "Filter by actor")
	s.text("icc")
	s.waitFor("narrowed picker", "filter: icc")
	s.keys("Space", "Enter")
	s.waitFor("strip after a filter", "actor: ICC", "per day")
	s.keys("c")
	s.waitFor("strip after clearing", "per quarter")

	// Find: every row stays, the status bar counts the matches, n moves
	// on; & keeps only them.
	s.text("/kirby")
	scr = s.waitFor("find", "/kirby: match 1 of 4", "20 of 20 items")
	s.keys("Enter", "n")
	s.waitFor("next match", "/kirby: match 2 of 4")
	s.keys("N", "N")
	s.waitFor("wrapped", "/kirby: match 4 of 4", "search wrapped to the bottom")
	s.keys("&")
	s.waitFor("matches kept", "4 of 20 items", "search: “kirby”")
	s.keys("c")
	s.waitFor("cleared", "20 of 20 items", "Filters cleared")

	// A count: 5j moves five rows, and the count shows while pending.
	s.keys("g", "5")
	s.waitFor("count pending", "count 5")
	s.keys("j")
	scr = s.waitFor("5j", "Timeline 6/20")

	// Go to a date, written as people write it.
	s.keys("@")
	s.waitFor("date prompt", "go to date:")
	s.text("17 Mar 2023")
	s.keys("Enter")
	scr = s.waitFor("gone to the date", "Went to 17 Mar 2023")
	if rows := timelineRows(scr); len(rows) == 0 {
		t.Fatalf("no rows:\n%s", scr)
	}

	// A link: a reaction's detail numbers the event it reacts to; 1
	// follows it and ctrl+o comes back.
	s.keys("g", "/")
	s.text("outrageous")
	s.keys("Enter", "Enter")
	scr = s.waitFor("reaction's detail", "Reacts to", "↳ [1]")
	s.keys("1")
	s.waitFor("link followed", "Followed [1] to", "ICC issues arrest warrant")
	s.keys("C-o")
	s.waitFor("back", "back to ", "Kremlin")
	_ = scr
}
