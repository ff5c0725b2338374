package ui

// Queries: running the filter off the UI loop.

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"
)

// rowsMsg carries a query's result back to the app. A partial result is
// the first screenful, sent ahead of the full count.
type rowsMsg struct {
	gen     int
	rows    []int32
	partial bool
}

// refilter starts the query for the current filter off the UI loop: first
// the rows for one screen, then the full result. A newer query cancels
// this one, and its results, if they still come, are dropped as stale.
func (a *App) refilter() tea.Cmd {
	a.gen++
	if a.cancel != nil {
		a.cancel()
	}
	gen, ix := a.gen, a.ix
	f := a.filter
	f.Actors, f.Topics = slices.Clone(f.Actors), slices.Clone(f.Topics)
	screen := max(1, a.lay.timelineIn.H)
	cmd, cancel := twoStep(func(ctx context.Context) tea.Msg {
		rows, err := ix.QueryFirst(ctx, f, screen)
		if err != nil {
			return nil
		}
		return rowsMsg{gen: gen, rows: rows, partial: true}
	}, func(ctx context.Context) tea.Msg {
		rows, err := ix.QueryContext(ctx, f)
		if err != nil {
			return nil
		}
		return rowsMsg{gen: gen, rows: rows}
	})
	a.cancel, a.pending = cancel, true
	return cmd
}

// twoStep runs a query off the UI loop in two steps, one after the other:
// a first answer (for the screen, or where a find lands), then the full
// one. The full step does not start once cancel has been called (a newer
// query, or new rows, came first), so that queries typed key by key do
// not run full scans side by side, each slowing the next first answer.
func twoStep(first, full func(context.Context) tea.Msg) (cmd tea.Cmd, cancel context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	return tea.Sequence(func() tea.Msg { return first(ctx) }, func() tea.Msg {
		defer cancel()
		if ctx.Err() != nil {
			return nil
		}
		return full(ctx)
	}), cancel
}

// setRows shows rows as the timeline, with the item the user chose
// selected and on screen when the rows hold it, else the nearest one.
func (a *App) setRows(rows []int32) {
	a.timeline.SetRows(rows)
	a.reselect()
	a.showDetail()
}

// reselect selects the item the user chose, scrolling to it, if the rows
// hold it; ok reports whether it is selected.
func (a *App) reselect() (ok bool) {
	if a.chosen == "" {
		return false // nothing chosen yet; nor need the first rows wait for Lookup
	}
	pos, ok := a.ix.Lookup(a.chosen)
	if !ok {
		return false
	}
	if cur, had := a.timeline.Selected(); had && cur == pos {
		return true
	}
	return a.timeline.Select(pos)
}
