package ui

// Find, as in less and vim: / highlights the matches of a text among the
// rows shown and moves to them, without hiding the others; n and N go from
// match to match; & keeps only the matches, as a filter.

import (
	"context"
	"fmt"
	"slices"
	"sort"

	tea "charm.land/bubbletea/v2"

	"github.com/dateline/dateline/model"
	"github.com/dateline/dateline/model/text"
)

// finder is the current find. Its matches are counted off the UI loop and
// arrive in a foundMsg; until then ready is false.
type finder struct {
	text    string  // as typed; "" when no find is on
	last    string  // the last text found, for / then enter
	matches []int32 // the shown rows that match, ascending
	ready   bool
	gen     int
	cancel  context.CancelFunc
	// origin is the position selected when the prompt opened: a find
	// being typed lands on the first match at or after it, and esc
	// returns there.
	origin int
	// landing is where the find under way is to land (at or after it),
	// -1 once it has landed or when it is not to move.
	landing int
	// landed says the find under way has shown its first match while its
	// matches are still being counted.
	landed bool
	// queued is the n and N steps pressed before the matches were
	// counted, taken once they are, so that a key typed ahead is not lost.
	queued int
}

// foundMsg carries a find's result back: the first match at or after the
// origin (land, -1 for none), or every match (full).
type foundMsg struct {
	gen     int
	land    int
	matches []int32
	full    bool
}

// needle is the folded text to highlight: the find's, else the filter's.
// sync gives it to the timeline after every message, so only what shows
// the detail pane asks for it.
func (a *App) needle() string {
	switch {
	case a.find.text != "":
		return model.FoldForSearch(a.find.text)
	case a.filter.Text != "":
		return model.FoldForSearch(a.filter.Text)
	}
	return ""
}

// startFind opens the find prompt, remembering where the selection is.
func (a *App) startFind() tea.Cmd {
	a.find.origin = -1
	if pos, ok := a.timeline.Selected(); ok {
		a.find.origin = pos
	}
	return a.openPrompt(promptFind, "")
}

// typeFind finds text as it is typed, landing on the first match at or
// after the origin.
func (a *App) typeFind(typed string) tea.Cmd {
	a.find.text = typed
	if typed == "" {
		a.stopFind()
		a.selectPos(a.find.origin)
		return nil
	}
	return a.runFind(a.find.origin)
}

// applyFind keeps the find typed (the last one when nothing was), and
// records the jump from where the prompt opened.
func (a *App) applyFind(typed string) tea.Cmd {
	if typed == "" {
		typed = a.find.last
	}
	if typed == "" {
		return nil
	}
	a.find.last = typed
	if pos, ok := a.timeline.Selected(); ok && pos != a.find.origin && a.find.origin >= 0 {
		a.jumps.record(a.find.origin)
	}
	if typed != a.find.text {
		a.find.text = typed
		return a.runFind(a.find.origin)
	}
	return nil
}

// cancelFind ends the find typed and returns to where it started.
func (a *App) cancelFind() {
	a.find.text = ""
	a.stopFind()
	a.selectPos(a.find.origin)
}

// stopFind drops the matches and any count under way.
func (a *App) stopFind() {
	a.find.gen++
	if a.find.cancel != nil {
		a.find.cancel()
		a.find.cancel = nil
	}
	a.find.matches, a.find.ready, a.find.queued = nil, false, 0
}

// selectPos selects the item at pos if it is shown.
func (a *App) selectPos(pos int) {
	if pos >= 0 && a.timeline.Select(pos) {
		a.showSelected()
	}
}

// runFind counts the find's matches among the rows shown, off the UI loop:
// where it lands at or after from (from < 0: stay), then all of them. The
// count starts once the landing has answered, so that a find typed key by
// key does not run a full count a key, side by side, each slowing the
// next landing; a newer find or new rows cancel it, and a count cancelled
// before it starts does not start.
func (a *App) runFind(from int) tea.Cmd {
	a.stopFind()
	if a.find.text == "" {
		return nil
	}
	a.find.landing, a.find.landed = from, false
	gen, ix, rows := a.find.gen, a.ix, a.timeline.rows
	f := a.filter
	f.Actors, f.Topics = slices.Clone(f.Actors), slices.Clone(f.Topics)
	// Matches of the filter with the find's text in place of its own are
	// the rows shown that match, unless the filter has a text of its own.
	within := f.Text != "" && f.Text != a.find.text
	f.Text = a.find.text
	keep := func(ps []int32) []int32 {
		if !within {
			return ps
		}
		return intersect(ps, rows)
	}
	cmd, cancel := twoStep(func(ctx context.Context) tea.Msg {
		if from < 0 || within {
			return nil // the full count decides
		}
		first, err := ix.QueryFrom(ctx, f, from, 1)
		if err != nil {
			return nil
		}
		if len(first) == 0 { // wrap to the top
			if first, err = ix.QueryBefore(ctx, f, from, 1); err != nil {
				return nil
			}
		}
		p := -1
		if len(first) > 0 {
			p = int(first[0])
		}
		return foundMsg{gen: gen, land: p}
	}, func(ctx context.Context) tea.Msg {
		all, err := ix.QueryContext(ctx, f)
		if err != nil {
			return nil
		}
		return foundMsg{gen: gen, land: -1, matches: keep(all), full: true}
	})
	a.find.cancel = cancel
	return cmd
}

// refind counts the find's matches again when a jump cleared the filters
// (the rows, n before, changed).
func (a *App) refind(n int) tea.Cmd {
	if a.find.text == "" || a.timeline.Len() == n {
		return nil
	}
	return a.runFind(-1)
}

// found takes a find's result, landing by the first that can.
func (a *App) found(msg foundMsg) {
	if msg.gen != a.find.gen {
		return
	}
	m := msg.matches
	switch {
	case a.find.landing < 0:
	case !msg.full && msg.land >= 0:
		a.find.landing, a.find.landed = -1, true
		a.selectPos(msg.land)
	case msg.full && len(m) > 0:
		i := sort.Search(len(m), func(i int) bool { return m[i] >= int32(a.find.landing) })
		a.find.landing = -1
		a.selectPos(int(m[i%len(m)])) // past the last, wrap to the top
	}
	if msg.full {
		a.find.matches, a.find.ready = m, true
		if n := a.find.queued; n != 0 {
			a.find.queued = 0
			if a.message == stillFinding {
				a.message = ""
			}
			a.nextMatch(n)
		}
	}
}

// stillFinding is what n says before the matches are counted; the step
// is taken when they are.
const stillFinding = "Still finding…"

// nextMatch moves n matches on (back when n < 0), wrapping at the ends as
// less does, and says so.
func (a *App) nextMatch(n int) {
	if a.find.text == "" {
		if a.filter.Text != "" { // every row shown matches the filter's text
			a.timeline.Cycle(n)
			a.showSelected()
		} else {
			a.message = "No find: press / to find"
		}
		return
	}
	m := a.find.matches
	switch {
	case !a.find.ready:
		a.find.queued += n
		a.message = stillFinding
		return
	case len(m) == 0:
		a.message, a.messageErr = "No match for “"+a.find.text+"”", true
		return
	}
	pos, _ := a.timeline.Selected()
	// i is the match at pos, or between the matches either side of it.
	i := sort.Search(len(m), func(i int) bool { return m[i] >= int32(pos) })
	at := i < len(m) && m[i] == int32(pos)
	j := i + n
	if n > 0 && !at {
		j-- // m[i] is already past pos: it is the first step forward
	}
	switch {
	case j >= len(m):
		a.message = "search wrapped to the top"
	case j < 0:
		a.message = "search wrapped to the bottom"
	}
	j = ((j % len(m)) + len(m)) % len(m)
	a.recordJump()
	a.selectPos(int(m[j]))
}

// keepMatches filters to the find's matches: its text becomes the filter's.
func (a *App) keepMatches() tea.Cmd {
	if a.find.text == "" {
		a.message = "Nothing to keep: press / to find first"
		return nil
	}
	if a.find.ready && len(a.find.matches) == 0 {
		a.message, a.messageErr = "No match for “"+a.find.text+"” to keep", true
		return nil
	}
	a.filter.Text = a.find.text
	return a.refilter()
}

// findNote is what the status bar says of the find: "/kirby: match 2 of
// 17", or "" when no find is on.
func (a *App) findNote() string {
	if a.find.text == "" {
		return ""
	}
	head := "/" + a.find.text + ": "
	m := a.find.matches
	switch {
	case !a.find.ready && a.find.landed:
		return head + "counting the matches…"
	case !a.find.ready:
		return head + "finding…"
	case len(m) == 0:
		return head + "no match"
	}
	pos, _ := a.timeline.Selected()
	if i, ok := slices.BinarySearch(m, int32(pos)); ok {
		return head + fmt.Sprintf("match %s of %s", thousands(i+1), thousands(len(m)))
	}
	return head + thousands(len(m)) + " " + text.Plural(len(m), "match", "matches")
}

// intersect is the rows in both ascending lists.
func intersect(a, b []int32) []int32 {
	out := make([]int32, 0, min(len(a), len(b)))
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}
