package ui

// Overlays: help, the pickers, the positions matrix and the actor card,
// which cover the body while open.

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func (a *App) handleOverlayKey(k tea.KeyPressMsg) tea.Cmd {
	g := a.keys.Global
	var cmd tea.Cmd
	switch a.overlay {
	case overlayActors, overlayTopics:
		a.picker, cmd = a.picker.Update(k)
		return cmd
	case overlayCard:
		if key.Matches(k, g.Close) {
			a.overlay = a.cardFrom
			return nil
		}
		if key.Matches(k, g.Help) {
			a.openHelp(overlayCard)
			return nil
		}
		a.card, cmd = a.card.Update(k)
		return cmd
	}
	if a.overlay == overlayInfo && key.Matches(k, a.keys.Work.Info) {
		a.overlay = overlayNone
		return nil
	}
	if a.overlay == overlayHelp && (key.Matches(k, g.Close) || key.Matches(k, g.Help)) {
		a.overlay, a.helpFrom = a.helpFrom, overlayNone
		return nil
	}
	if key.Matches(k, g.Close) && !(a.overlay == overlayPositions && a.positions.InHistory() && key.Matches(k, a.keys.History.Back)) {
		a.overlay = overlayNone
		return nil
	}
	switch a.overlay {
	case overlayPositions:
		if key.Matches(k, g.Help) {
			a.openHelp(overlayPositions)
			return nil
		}
		if key.Matches(k, a.keys.Work.Yank) {
			return a.yankCell()
		}
		a.positions, cmd = a.positions.Update(k)
	case overlayHelp:
		a.helpPage, cmd = a.helpPage.Update(k)
	case overlayInfo:
		a.info, cmd = a.info.Update(k)
	}
	return cmd
}

// openHelp opens the ? page at its top, to return to from when it closes.
func (a *App) openHelp(from overlay) {
	a.helpPage = NewHelpPage(a.styles, a.keys)
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.helpPage.SetSize(in.W, in.H)
	a.overlay, a.helpFrom = overlayHelp, from
}

func (a *App) openPicker(kind pickerKind) {
	// Counts are under the other filters: what choosing a row would keep.
	others := a.filter
	if kind == pickActors {
		others.Actors = nil
	} else {
		others.Topics = nil
	}
	rows := a.ix.Query(others)
	if kind == pickActors {
		a.picker = NewPicker(a.styles, a.keys, kind, actorEntries(a.ix, a.ix.ActorCounts(rows)), a.filter.Actors)
		a.overlay = overlayActors
	} else {
		a.picker = NewPicker(a.styles, a.keys, kind, topicEntries(a.ix, a.ix.TopicCounts(rows)), a.filter.Topics)
		a.overlay = overlayTopics
	}
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.picker.SetSize(in.W, in.H)
}

func (a *App) openCard(actor string) {
	if a.overlay != overlayCard {
		a.cardFrom = a.overlay
	}
	a.card = NewCard(a.ix, a.styles, a.keys, actor)
	in := a.lay.body.inner(a.lay.frameW, a.lay.frameH)
	a.card.SetSize(in.W, in.H)
	a.overlay = overlayCard
}

// applyPick filters the timeline to the chosen actors or topics and closes
// the overlay that chose them.
func (a *App) applyPick(kind pickerKind, ids []string) tea.Cmd {
	if kind == pickActors {
		a.filter.Actors = ids
	} else {
		a.filter.Topics = ids
	}
	a.overlay = overlayNone
	return a.refilter()
}

func (a App) overlayView() (string, string) {
	switch a.overlay {
	case overlayHelp:
		return a.helpPage.Title(), a.helpPage.View()
	case overlayActors:
		return "Actors", a.picker.View()
	case overlayTopics:
		return "Topics", a.picker.View()
	case overlayPositions:
		return a.positions.Title(), a.positions.View()
	case overlayCard:
		return a.card.Title(), a.card.View()
	case overlayInfo:
		return "About this story", a.info.View()
	}
	return "", ""
}
