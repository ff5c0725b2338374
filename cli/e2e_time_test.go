package cli

import (
	"strings"
	"testing"
)

// TestEndToEndTime drives issue 11's ways through time in a real terminal:
// the density strip.
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
}
